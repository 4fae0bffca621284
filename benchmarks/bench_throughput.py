"""Throughput: ``followlint check enron-8k.mbox`` vs the plain stdlib parse of the same file.

SPEC target: the check takes at most 3x the time of the stdlib parse, measured in one run.
Also reported (informational): messages per second of the check, and its peak RSS beside
the peak RSS of the stdlib parse.
"""
from __future__ import annotations

from _harness import (BenchError, Command, Context, Figure, measure, median_seconds,
                      paired_ratio_median, run_once)

NAME = "throughput"
ORDER = 10
DESCRIPTION = "check of enron-8k.mbox vs stdlib mailbox parse"
CORPUS = "enron-8k.mbox"
TARGET_RATIO = 3.0

# The floor: read every message and decode every leaf part, nothing else. Prints the count.
STDLIB_PARSE = '''\
import mailbox
import sys

count = 0
for message in mailbox.mbox(sys.argv[1], create=False):
    count += 1
    for part in message.walk():
        if not part.is_multipart():
            part.get_payload(decode=True)
print(count)
'''


def requires(ctx: Context) -> None:
    ctx.corpus(CORPUS)


def run(ctx: Context) -> list[Figure]:
    mbox = ctx.corpus(CORPUS)
    script = ctx.tmpdir / "stdlib_parse.py"
    script.write_text(STDLIB_PARSE, encoding="utf-8")

    # Both from the neutral temp dir, so no project config in the cwd plays a part.
    fl = Command("followlint", ctx.followlint("check", str(mbox), "--exit-zero"),
                 cwd=ctx.tmpdir)
    base = Command("stdlib", [ctx.python, str(script), str(mbox)], cwd=ctx.tmpdir)

    # Count the messages once (untimed), through the baseline itself.
    count_file = ctx.tmpdir / "message_count.txt"
    run_once(ctx, base, stdout_path=count_file)
    messages = int(count_file.read_text().strip())
    ctx.log(f"  {mbox.name}: {messages} messages")

    name = f"throughput ({CORPUS})"
    try:
        samples = measure(ctx, [fl, base])
    except BenchError as exc:
        return [Figure(name, None, "s", target=("<=", TARGET_RATIO), error=str(exc)),
                Figure("  messages/s", None, "msg/s", error="see above"),
                Figure("  peak RSS", None, "MB", error="see above")]

    fl_s, base_s = samples["followlint"], samples["stdlib"]
    fl_med, base_med = median_seconds(fl_s), median_seconds(base_s)
    paired = paired_ratio_median(fl_s, base_s)
    rss_fl = max(s.maxrss_kb for s in fl_s) / 1024
    rss_base = max(s.maxrss_kb for s in base_s) / 1024
    return [
        Figure(name, fl_med, "s", baseline=base_med, ratio=fl_med / base_med,
               target=("<=", TARGET_RATIO),
               note=f"median of per-round ratios {paired:.2f}x; {messages} messages",
               samples={"followlint": [s.seconds for s in fl_s],
                        "stdlib": [s.seconds for s in base_s]},
               extra={"paired_ratio_median": paired,
                      "messages": messages}),
        Figure("  messages/s", messages / fl_med, "msg/s", baseline=messages / base_med,
               note="messages / median wall time (baseline: the stdlib parse)"),
        Figure("  peak RSS", rss_fl, "MB", baseline=rss_base,
               note="max ru_maxrss over the timed runs",
               samples={"followlint": [s.maxrss_kb / 1024 for s in fl_s],
                        "stdlib": [s.maxrss_kb / 1024 for s in base_s]}),
    ]
