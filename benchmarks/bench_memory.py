"""Memory and scaling: ``followlint check`` of a 100,000-message mbox.

SPEC targets: peak RSS under 150 MB on a 100,000-message mbox (streaming), and time linear in
messages. The 100k mbox is built once per run in the temp dir (untimed) from
``enron-8k.mbox``, read in place: its 8,269 messages over and over (12 full copies and part
of a 13th). Each copy gets its own ids so that nothing in it is taken for a message of
another copy:

- a ``Message-ID`` per message and copy (the header is rewritten if the message has one,
  added if not; followlint skips a Message-ID it has already seen as the same message);
- the ids in ``In-Reply-To`` / ``References`` get the same per-copy suffix, so replies
  still point into their own copy;
- `` [copy N]`` at the end of the ``Subject``: in a mailbox, followlint also threads by
  normalised subject and participants, which would otherwise merge each thread with its 12
  copies into one 12 times longer.

Scaling compares the time per message of the 100k check with that of the original corpus
(8,269 messages). Linear means the same time per message; the target, at most 1.25x, allows
for the noise of a shared machine while a cost that grows faster than the number of
messages would show: an n log n cost alone gives log(100,000) / log(8,269) = 1.28x, a
quadratic part far more.

The 100k check takes minutes, so this benchmark runs at most 3 rounds whatever ``--runs``
says. The warm-up is one untimed check of the 8k corpus (bytecode cache); the 100k file is
in the page cache already, having just been written.
"""
from __future__ import annotations

import dataclasses
import mailbox
import re
from pathlib import Path

from _harness import (BenchError, Command, Context, Figure, measure, median_seconds,
                      paired_ratio_median, run_once)

NAME = "memory"
ORDER = 25
DESCRIPTION = "check of a 100,000-message mbox: peak RSS, and time per message vs 8k"
CORPUS = "enron-8k.mbox"
MESSAGES = 100_000
RSS_LIMIT_MB = 150.0
SCALING_LIMIT = 1.25
MAX_ROUNDS = 3

ID_RE = re.compile(rb"<([^<>@\s]*)(@[^<>\s]*)?>")
HEADER_NAME_RE = re.compile(rb"^([!-9;-~]+):")


def _fields(head: bytes) -> list[tuple[bytes, list[bytes]]]:
    """Header fields as (lower-case name, physical lines with their line ends), folded
    lines kept with their field; b"" names a line that is not a field (the From_ line)."""
    fields: list[tuple[bytes, list[bytes]]] = []
    for line in head.splitlines(keepends=True):
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1][1].append(line)
            continue
        match = HEADER_NAME_RE.match(line)
        fields.append((match.group(1).lower() if match else b"", [line]))
    return fields


def relabel(raw: bytes, copy: int, index: int) -> bytes:
    """One message (From_ line included) as it appears in copy ``copy``."""
    cut = raw.find(b"\n\n")
    head, rest = (raw, b"") if cut < 0 else (raw[:cut + 1], raw[cut + 1:])
    tag = f".copy{copy}".encode()

    def suffix(match: re.Match) -> bytes:
        return b"<" + match.group(1) + tag + (match.group(2) or b"") + b">"

    out, has_id = [], False
    for name, lines in _fields(head):
        text = b"".join(lines)
        if name == b"message-id":
            has_id = True
            text = ID_RE.sub(suffix, text)
        elif name in (b"in-reply-to", b"references"):
            text = ID_RE.sub(suffix, text)
        elif name == b"subject":
            text = text.rstrip(b"\r\n") + f" [copy {copy}]\n".encode()
        out.append(text)
    if not has_id:
        out.append(f"Message-ID: <enron8k.{index}{tag.decode()}@bench.followlint.invalid>\n"
                   .encode())
    return b"".join(out) + rest


def build_mbox(source: Path, dest: Path, total: int) -> int:
    """Write ``total`` messages, relabelled copies of those of ``source``; return how many
    messages ``source`` has. Checks that the result holds exactly ``total`` From_ lines."""
    box = mailbox.mbox(source, create=False)
    originals = [box.get_bytes(key, from_=True) for key in box.keys()]
    box.close()
    written = copy = 0
    with open(dest, "wb") as out:
        while written < total:
            for index, raw in enumerate(originals):
                if written == total:
                    break
                message = relabel(raw, copy, index)
                out.write(message if message.endswith(b"\n") else message + b"\n")
                out.write(b"\n")
                written += 1
            copy += 1
    with open(dest, "rb") as check:
        separators = sum(1 for line in check if line.startswith(b"From "))
    if separators != total:
        raise BenchError(f"built mbox has {separators} From_ lines, expected {total}")
    return len(originals)


def requires(ctx: Context) -> None:
    ctx.corpus(CORPUS)


def run(ctx: Context) -> list[Figure]:
    small = ctx.corpus(CORPUS)
    big = ctx.tmpdir / "big-100k.mbox"
    rss_name = f"peak RSS ({MESSAGES:,}-message mbox)"
    scaling_name = "scaling 8k -> 100k (time/message)"
    rounds = min(ctx.runs, MAX_ROUNDS)

    def failed(error: str) -> list[Figure]:
        return [Figure(rss_name, None, "MB", target=("<", RSS_LIMIT_MB), error=error),
                Figure(scaling_name, None, "", target=("<=", SCALING_LIMIT),
                       error="see above")]

    try:
        ctx.log(f"  building {big.name} from {small.name} ...")
        count = build_mbox(small, big, MESSAGES)
        size_mb = big.stat().st_size / 1e6
        made_of = (f"{MESSAGES // count} relabelled copies of {CORPUS} and the first "
                   f"{MESSAGES % count:,} messages of another")
        ctx.log(f"  {big.name}: {MESSAGES:,} messages ({made_of}), {size_mb:.0f} MB")
        fl_big = Command("100k", ctx.followlint("check", str(big), "--exit-zero"),
                         cwd=ctx.tmpdir)
        fl_small = Command("8k", ctx.followlint("check", str(small), "--exit-zero"),
                           cwd=ctx.tmpdir)
        run_once(ctx, fl_small)  # warm-up: bytecode cache
        samples = measure(dataclasses.replace(ctx, runs=rounds), [fl_big, fl_small], warmup=0)
    except BenchError as exc:
        return failed(str(exc))
    finally:
        big.unlink(missing_ok=True)

    big_s, small_s = samples["100k"], samples["8k"]
    big_med, small_med = median_seconds(big_s), median_seconds(small_s)
    per_big, per_small = big_med / MESSAGES, small_med / count
    paired = paired_ratio_median(big_s, small_s) * count / MESSAGES
    rss = max(s.maxrss_kb for s in big_s) / 1024
    rss_small = max(s.maxrss_kb for s in small_s) / 1024
    runs_note = f"{rounds} round(s) (at most {MAX_ROUNDS}: the 100k check takes minutes)"
    return [
        Figure(rss_name, rss, "MB", target=("<", RSS_LIMIT_MB),
               note=f"max ru_maxrss of `followlint check big.mbox --exit-zero` over {runs_note}; "
                    f"{MESSAGES:,} messages ({made_of}, {size_mb:.0f} MB); the 8k corpus "
                    f"peaks at {rss_small:.1f} MB",
               samples={"100k": [s.maxrss_kb / 1024 for s in big_s],
                        "8k": [s.maxrss_kb / 1024 for s in small_s]},
               extra={"messages": MESSAGES, "mbox_mb": size_mb, "rss_8k_mb": rss_small}),
        Figure(scaling_name, per_big, "s", baseline=per_small, ratio=per_big / per_small,
               target=("<=", SCALING_LIMIT),
               note=f"median time / messages: 100k {big_med:.1f} s / {MESSAGES:,}, 8k "
                    f"{small_med:.1f} s / {count:,} ({CORPUS} as is); median of per-round "
                    f"ratios {paired:.2f}x; {runs_note}; <= 1.25: linear within noise, "
                    f"below the 1.28x of an n log n cost",
               samples={"100k": [s.seconds for s in big_s], "8k": [s.seconds for s in small_s]},
               extra={"paired_ratio_median": paired, "seconds_100k": big_med,
                      "seconds_8k": small_med, "messages_8k": count}),
    ]
