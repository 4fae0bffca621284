"""SPEC "Robustness" as one table: every kind of bad input, in every input kind it applies to.

Each case writes one bad input beside a good draft (good.txt, one FL101) and runs
``followlint check good.txt BAD --format json`` in a subprocess. An error case must give exit
code 2, exactly one stderr line ``PATH: error: CAUSE`` naming the bad input (the same problem in
the JSON ``errors``), no traceback, and the good draft's finding. A case that SPEC does not call
an error (a wrong charset is decoded anyway, a 5 MB line is linted) must give no stderr line and
the bad input's own findings. In both, the report must hold exactly the expected findings:
nothing lost, nothing doubled.

The IMAP cases run ``followlint audit`` on two Dovecot accounts (tests/dovecot.py): a good one,
and one reached through a proxy that cuts the connection in the middle of a FETCH. The cut
account is one error line, the other is still reported, the state file holds exactly the
batches that arrived, and a re-run ends with the findings of a run that was never cut.

The table is also the user documentation: scripts/gen-robustness-doc.py writes
docs/robustness.md from CASES and ROWS, and the last test here fails when that page is stale.

The command-line runs are independent, so they run a few at a time (one per core) before the
first case is checked; only the cases pytest selected are run.
"""
from __future__ import annotations

import base64
import functools
import json
import os
import random
import re
import runpy
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from conftest import CHECKIN_DRAFT, _clean_env  # noqa: E402
from dovecot import PASSWORD, CuttingProxy, Dovecot, DovecotMissing, dovecot_binary, raw_message  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
GOOD = "good.txt"  # CHECKIN_DRAFT: FL101 on line 3
REP = "@acme.example"
CHECKIN = "Just checking in to see how things are going. Let me know if you need anything."
ACCENTED = "Hi Zo\u00eb \u2014 quick caf\u00e9 note:\n\n"
FIVE_MB = 5 * 1024 * 1024

# Input kinds, in the order the documentation lists them.
KINDS = {
    "txt": "draft `.txt`",
    "j2": "template `.j2`",
    "html": "HTML draft `.html`",
    "eml": "message `.eml`",
    "mbox": "mailbox `.mbox`",
    "maildir": "maildir folder",
    "csv": "CRM export (CSV)",
    "json": "CRM export (JSON)",
    "imap-sent": "IMAP Sent folder",
    "imap-inbox": "IMAP INBOX",
}
BAD_NAME = {"txt": "bad.txt", "j2": "bad.j2", "html": "bad.html", "eml": "bad.eml", "mbox": "bad.mbox",
            "csv": "bad.csv", "json": "bad.json"}
# The bad entry of a maildir case sits beside a good message that must still be linted.
MAILDIR_BAD = os.path.join("Maildir", "cur", "2.host:2,S")
MAILDIR_GOOD = os.path.join("Maildir", "cur", "1.host:2,S")


# -- the table ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One item of SPEC "Robustness" as the documentation shows it."""

    title: str
    does: str  # what followlint does, in a user's words


@dataclass(frozen=True)
class Case:
    row: str  # Row.title
    kind: str  # a KINDS key
    build: Callable[[Path], str] = field(repr=False)  # writes the bad input into a folder; returns the argument
    exit: int  # the exit code SPEC asks for (2: an input error; 1: read, and FL101 is found)
    cause: str = ""  # for an error: a part of its message (case-insensitive)
    names: str = ""  # the path the error line names, when it is not the argument (a file in a maildir)
    findings: tuple[tuple[str, str], ...] = ()  # (path, code) the bad input itself still yields
    example: str = ""  # the whole message, as the documentation quotes it (checked)
    pattern: str = ""  # with an example that varies (ports, counts): the regex both must match
    runner: str = "cli"  # cli, cli-no-dac (permission denied when running as root), imap

    @property
    def id(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.row.lower()).strip("-") + "-" + self.kind

    @property
    def path(self) -> str:
        """The path an error line names (for IMAP, the account's URL as a user would see it)."""
        if self.runner == "imap":
            return "imap://alice%40acme.example@imap.acme.example"
        return self.names or BAD_NAME.get(self.kind, "Maildir")


def _mail(n: int, body: str, *, headers: str = "", sender: str = "Priya Patel <priya@acme.example>") -> str:
    """An outbound message to customer n (its own Message-ID), '\\n' line ends."""
    return (f"From: {sender}\nTo: Sam Reed <sam{n}@client.example>\nSubject: Your order {n}\n"
            f"Date: Tue, 10 Nov 2026 09:{n:02d}:00 +0100\nMessage-ID: <order-{n}@acme.example>\n"
            f"MIME-Version: 1.0\n{headers}\n{body}")


def _charset_mail(n: int, declared: str | None, encoding: str) -> bytes:
    ctype = f"Content-Type: text/plain; charset={declared}\n" if declared else "Content-Type: text/plain\n"
    head = _mail(n, "", headers=ctype + "Content-Transfer-Encoding: 8bit\n").encode("ascii")
    return head + f"{ACCENTED}{CHECKIN}\n".encode(encoding, "replace")


COMPANION = _mail(99, f"Hi Sam,\n\n{CHECKIN}\n\nPriya\n")  # a good message: FL101
FROM_LINE = "From priya@acme.example Tue Nov 10 09:00:00 2026\n"
TRUNCATED = _mail(1, "", headers='Content-Type: multipart/mixed; boundary="CUT"\n') + (
    "--CUT\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n"
    "JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGgg")  # the PDF and the message stop here
TRUNCATED_WITH_TEXT = _mail(1, "", headers='Content-Type: multipart/mixed; boundary="CUT"\n') + (
    f"--CUT\nContent-Type: text/plain; charset=utf-8\n\nHi Sam,\n\n{CHECKIN}\n\n"
    "--CUT\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0x")
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
CRM_HEADER = "Activity date,Activity type,Call direction,Call notes,Associated contact\n"
CRM_ROW = f"2026-10-05 10:00,Call,Outbound,{CHECKIN},Omar Ali\n"  # FL101 on its own line


def _crm_object(n: int, timestamp: str | None, body: str = CHECKIN) -> dict:
    obj = {"id": str(n), "hs_call_direction": "OUTBOUND", "hs_call_body": body, "associations": {"contactIds": [40 + n]}}
    if timestamp is not None:
        obj["hs_timestamp"] = timestamp
    return obj


def _crm_json(*objects: dict) -> str:
    return json.dumps({"results": list(objects)}, indent=1, ensure_ascii=False)


PERFECTION = "I promise you this will never happen again."  # FL106, however long the message


@functools.cache
def _blob() -> str:
    """5 MB on one line: a promise of perfection, then a pasted base64 image with no line break.
    (FL101 is no use here: a check-in with that much else in it is not an empty check-in.)"""
    data = base64.b64encode(random.Random(5).randbytes(FIVE_MB)).decode("ascii")
    return f"{PERFECTION} {data}"[:FIVE_MB]


# builders: each writes into the case's folder and returns the path to give followlint


def file(name: str, data: bytes | str | Callable[[], bytes | str]) -> Callable[[Path], str]:
    def build(folder: Path) -> str:
        content = data() if callable(data) else data
        (folder / name).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return name
    return build


def mbox(bad: bytes | str | Callable[[], str]) -> Callable[[Path], str]:
    """An mbox whose first message is the bad one and whose second is COMPANION."""
    def build(folder: Path) -> str:
        content = bad() if callable(bad) else bad
        raw = content if isinstance(content, bytes) else content.encode("utf-8")
        (folder / "bad.mbox").write_bytes(FROM_LINE.encode() + raw + b"\n\n" + (FROM_LINE + COMPANION).encode())
        return "bad.mbox"
    return build


def maildir(bad: bytes | str | Callable[[], str] | None = None, *, entry: Callable[[Path], None] | None = None):
    """A maildir with COMPANION and a bad entry: a message file, or what ``entry`` makes."""
    def build(folder: Path) -> str:
        for sub in ("cur", "new", "tmp"):
            (folder / "Maildir" / sub).mkdir(parents=True)
        (folder / MAILDIR_GOOD).write_text(COMPANION, encoding="utf-8")
        if entry is not None:
            entry(folder / MAILDIR_BAD)
        else:
            content = bad() if callable(bad) else bad
            (folder / MAILDIR_BAD).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return "Maildir"
    return build


def missing(name: str) -> Callable[[Path], str]:
    return lambda folder: name


def directory(name: str) -> Callable[[Path], str]:
    def build(folder: Path) -> str:
        (folder / name).mkdir()
        return name
    return build


def dangling(name: str) -> Callable[[Path], str]:
    def build(folder: Path) -> str:
        os.symlink("gone" + os.path.splitext(name)[1], folder / name)  # relative: the message shows it as written
        return name
    return build


def locked(name: str) -> Callable[[Path], str]:
    def build(folder: Path) -> str:
        (folder / name).write_text(CHECKIN_DRAFT, encoding="utf-8")
        os.chmod(folder / name, 0)
        return name
    return build


def _locked_entry(path: Path) -> None:
    path.write_text(_mail(3, CHECKIN + "\n"), encoding="utf-8")
    os.chmod(path, 0)


def _imap(folder: str) -> Callable[[Path], str]:
    return lambda path: folder  # the IMAP runner seeds the server itself


ROWS = [
    Row("empty file", "Names the file as empty and lints every other input."),
    Row("binary file", "Names the file as binary (NUL bytes where text should be) and lints every other input."),
    Row("truncated MIME, no readable part",
        "Names the message as truncated; the other messages of the same mailbox are still linted."),
    Row("truncated MIME, readable text part",
        "Not an error: the complete text part is linted, the cut attachment is skipped."),
    Row("wrong charset",
        "Not an error: a declared charset that is unknown or does not fit the bytes falls back to UTF-8, "
        "reading stray bytes as Windows-1252; the text is linted."),
    Row("missing charset",
        "Not an error: undeclared text is read as UTF-8, stray bytes as Windows-1252; the text is linted."),
    Row("5 MB single-line body",
        "Not an error: the whole body is linted."),
    Row("export with a byte-order mark", "Not an error: the byte-order mark (BOM) is dropped and the export is read as usual."),
    Row("CSV with `;` delimiter",
        "Not an error: the delimiter (`,` `;` tab `|`) is the one the header row uses most."),
    Row("export with missing columns",
        "Names the export, the field it lacks, the column names it looked for and the ones the file has."),
    Row("export with bad dates",
        "Names the file, the row and its line and the value; that row is skipped, the other rows are linted."),
    Row("mbox without `From ` lines", "Names the file as not an mbox; every other input is linted."),
    Row("path does not exist", "Names the path; every other input is linted."),
    Row("directory where a file is expected",
        "Names the directory; a maildir entry that is a folder is named the same way and its neighbours are linted."),
    Row("dangling symbolic link", "Names the link; every other input is linted."),
    Row("permission denied", "Names the file; every other input is linted."),
    Row("IMAP connection dropped mid-fetch",
        "Names the mailbox and how many new messages were saved; the other mailboxes are reported. The state keeps "
        "exactly the batches that arrived, so the next run fetches the rest: nothing lost, nothing read twice."),
]
ROW_TITLES = [row.title for row in ROWS]

_FL101 = "FL101"
_FL106 = "FL106"
_CUT_PATTERN = (r"connection lost while fetching from {folder}: .+ \(\d+ of \d+ new messages in {folder} were saved; "
                r"the next run fetches the rest\)")

CASES: list[Case] = [
    # empty files
    *[Case("empty file", k, file(BAD_NAME[k], b""), 2, "empty file", example="empty file" if k == "txt" else "")
      for k in ("txt", "j2", "html", "eml", "mbox")],
    Case("empty file", "maildir", maildir(b""), 2, "empty file", names=MAILDIR_BAD, findings=((MAILDIR_GOOD, _FL101),)),
    Case("empty file", "csv", file("bad.csv", b""), 2, "empty export", example="empty export (no header row)"),
    Case("empty file", "json", file("bad.json", b""), 2, "empty export"),
    # binary files
    *[Case("binary file", k, file(BAD_NAME[k], BINARY), 2, "binary file, not text",
           example="binary file, not text (it contains NUL bytes)" if k == "txt" else "") for k in ("txt", "j2", "html")],
    Case("binary file", "eml", file("bad.eml", BINARY), 2, "binary file, not a mail message"),
    Case("binary file", "mbox", file("bad.mbox", BINARY), 2, "binary file, not an mbox"),
    Case("binary file", "maildir", maildir(BINARY), 2, "binary file, not a mail message", names=MAILDIR_BAD,
         findings=((MAILDIR_GOOD, _FL101),)),
    *[Case("binary file", k, file(BAD_NAME[k], BINARY), 2, "binary data, not a CSV or JSON export") for k in ("csv", "json")],
    # truncated MIME
    Case("truncated MIME, no readable part", "eml", file("bad.eml", TRUNCATED), 2, "truncated MIME",
         example="truncated MIME: the multipart body has no closing boundary and no readable text part"),
    Case("truncated MIME, no readable part", "mbox", mbox(TRUNCATED), 2, "message at line 1: truncated MIME",
         findings=(("bad.mbox", _FL101),)),
    Case("truncated MIME, no readable part", "maildir", maildir(TRUNCATED), 2, "truncated MIME", names=MAILDIR_BAD,
         findings=((MAILDIR_GOOD, _FL101),)),
    Case("truncated MIME, readable text part", "eml", file("bad.eml", TRUNCATED_WITH_TEXT), 1,
         findings=(("bad.eml", _FL101),)),
    Case("truncated MIME, readable text part", "mbox", mbox(TRUNCATED_WITH_TEXT), 1,
         findings=(("bad.mbox", _FL101), ("bad.mbox", _FL101))),
    Case("truncated MIME, readable text part", "maildir", maildir(TRUNCATED_WITH_TEXT), 1,
         findings=((MAILDIR_BAD, _FL101), (MAILDIR_GOOD, _FL101))),
    # wrong charsets: declared one way, written another
    Case("wrong charset", "html", file("bad.html", (
        f'<html><head><meta charset="utf-8"></head><body><p>{ACCENTED}</p><p>{CHECKIN}</p></body></html>').encode("latin-1", "replace")),
        1, findings=(("bad.html", _FL101),)),
    Case("wrong charset", "eml", file("bad.eml", _charset_mail(1, "utf-8", "latin-1")), 1, findings=(("bad.eml", _FL101),)),
    Case("wrong charset", "mbox", mbox(_charset_mail(1, "x-no-such-charset", "cp1252")), 1,
         findings=(("bad.mbox", _FL101), ("bad.mbox", _FL101))),
    Case("wrong charset", "maildir", maildir(_charset_mail(1, "us-ascii", "cp1252")), 1,
         findings=((MAILDIR_BAD, _FL101), (MAILDIR_GOOD, _FL101))),
    Case("wrong charset", "json", file("bad.json", _crm_json(_crm_object(1, "1791281700000", f"Jos\u00e9: {CHECKIN}")).encode("latin-1")),
         1, findings=(("bad.json", _FL101),)),
    # missing charsets: nothing declared, not UTF-8
    Case("missing charset", "txt", file("bad.txt", f"{ACCENTED}{CHECKIN}\n".encode("cp1252")), 1, findings=(("bad.txt", _FL101),)),
    Case("missing charset", "j2", file("bad.j2", f"Hi {{{{ first_name }}}} \u2014 caf\u00e9,\n\n{CHECKIN}\n".encode("cp1252")), 1,
         findings=(("bad.j2", _FL101),)),
    Case("missing charset", "html", file("bad.html", f"<p>{ACCENTED}</p><p>{CHECKIN}</p>".encode("cp1252")), 1,
         findings=(("bad.html", _FL101),)),
    Case("missing charset", "eml", file("bad.eml", _charset_mail(1, None, "cp1252")), 1, findings=(("bad.eml", _FL101),)),
    Case("missing charset", "mbox", mbox(_charset_mail(1, None, "latin-1")), 1, findings=(("bad.mbox", _FL101), ("bad.mbox", _FL101))),
    Case("missing charset", "maildir", maildir(_charset_mail(1, None, "cp1252")), 1,
         findings=((MAILDIR_BAD, _FL101), (MAILDIR_GOOD, _FL101))),
    Case("missing charset", "csv", file("bad.csv", (CRM_HEADER + CRM_ROW.replace("Omar Ali", "Jos\u00e9 N\u00fa\u00f1ez")).encode("cp1252")),
         1, findings=(("bad.csv", _FL101),)),
    # 5 MB on one line
    Case("5 MB single-line body", "txt", file("bad.txt", lambda: _blob() + "\n"), 1, findings=(("bad.txt", _FL106),)),
    Case("5 MB single-line body", "j2", file("bad.j2", lambda: "Hi {{ first_name }}, " + _blob() + "\n"), 1, findings=(("bad.j2", _FL106),)),
    Case("5 MB single-line body", "html", file("bad.html", lambda: f"<html><body><p>{_blob()}</p></body></html>"), 1,
         findings=(("bad.html", _FL106),)),
    Case("5 MB single-line body", "eml", file("bad.eml", lambda: _mail(1, _blob() + "\n")), 1, findings=(("bad.eml", _FL106),)),
    Case("5 MB single-line body", "mbox", mbox(lambda: _mail(1, _blob() + "\n")), 1, findings=(("bad.mbox", _FL106), ("bad.mbox", _FL101))),
    Case("5 MB single-line body", "maildir", maildir(lambda: _mail(1, _blob() + "\n")), 1,
         findings=((MAILDIR_BAD, _FL106), (MAILDIR_GOOD, _FL101))),
    Case("5 MB single-line body", "csv", file("bad.csv", lambda: CRM_HEADER + CRM_ROW.replace(CHECKIN, _blob())), 1,
         findings=(("bad.csv", _FL106),)),
    Case("5 MB single-line body", "json", file("bad.json", lambda: _crm_json(_crm_object(1, "1791281700000", _blob()))), 1,
         findings=(("bad.json", _FL106),)),
    # CSV dialects and damage
    Case("export with a byte-order mark", "csv", file("bad.csv", "\ufeff" + CRM_HEADER + CRM_ROW), 1, findings=(("bad.csv", _FL101),)),
    Case("export with a byte-order mark", "json", file("bad.json", "\ufeff" + _crm_json(_crm_object(1, "1791281700000"))), 1,
         findings=(("bad.json", _FL101),)),
    Case("CSV with `;` delimiter", "csv", file("bad.csv", (CRM_HEADER + CRM_ROW).replace(",", ";").replace("\n", "\r\n")), 1,
         findings=(("bad.csv", _FL101),)),
    Case("export with missing columns", "csv", file("bad.csv", "Activity type,Call notes,Associated contact\nCall,Hello,Ana\n"), 2,
         "export without the activity date",
         example="hubspot export without the activity date (looked for Activity date, hs_timestamp, engagement.timestamp, "
                 "Date, Create date, Created date, hs_createdate, engagement.createdAt, createdAt; the file has Activity type, "
                 "Call notes, Associated contact)"),
    Case("export with missing columns", "json", file("bad.json", _crm_json(_crm_object(1, None), _crm_object(2, None))), 2,
         "export without the activity date"),
    Case("export with bad dates", "csv", file("bad.csv", CRM_HEADER + CRM_ROW + CRM_ROW.replace("2026-10-05 10:00", "next tuesday-ish")
                                           .replace("Omar Ali", "Nina Roth")), 2, "cannot read the activity date",
         findings=(("bad.csv", _FL101),),
         example="row 2 (line 3): cannot read the activity date: not a date or time: 'next tuesday-ish'; row skipped"),
    Case("export with bad dates", "json", file("bad.json", _crm_json(_crm_object(1, "1791281700000"), _crm_object(2, "yesterday-ish"))), 2,
         "cannot read the activity date", findings=(("bad.json", _FL101),)),
    # mbox without From lines
    Case("mbox without `From ` lines", "mbox", file("bad.mbox", COMPANION), 2, "not an mbox",
         example="not an mbox: it does not start with a 'From ' separator line"),
    # unreadable paths
    *[Case("path does not exist", k, missing(BAD_NAME[k]), 2, "no such file or directory",
           example="no such file or directory" if k == "txt" else "") for k in BAD_NAME],
    Case("path does not exist", "maildir", missing("Maildir"), 2, "no such file or directory"),
    *[Case("directory where a file is expected", k, directory(BAD_NAME[k]), 2, "is a directory",
           example="is a directory, not a .eml file (and holds nothing followlint can read)" if k == "eml" else "")
      for k in BAD_NAME],
    Case("directory where a file is expected", "maildir", maildir(entry=lambda path: path.mkdir()), 2, "is a directory",
         names=MAILDIR_BAD, findings=((MAILDIR_GOOD, _FL101),)),
    *[Case("dangling symbolic link", k, dangling(BAD_NAME[k]), 2, "broken symbolic link",
           example="broken symbolic link (its target gone.txt does not exist)" if k == "txt" else "") for k in BAD_NAME],
    Case("dangling symbolic link", "maildir", maildir(entry=lambda path: os.symlink("gone", path)), 2, "no such file",
         names=MAILDIR_BAD, findings=((MAILDIR_GOOD, _FL101),)),
    *[Case("permission denied", k, locked(BAD_NAME[k]), 2, "permission denied", runner="cli-no-dac",
           example="permission denied" if k == "txt" else "") for k in BAD_NAME],
    Case("permission denied", "maildir", maildir(entry=_locked_entry), 2, "permission denied", names=MAILDIR_BAD,
         findings=((MAILDIR_GOOD, _FL101),), runner="cli-no-dac"),
    # IMAP
    *[Case("IMAP connection dropped mid-fetch", f"imap-{folder.lower()}", _imap(folder), 2,
           f"connection lost while fetching from {folder}", runner="imap", pattern=_CUT_PATTERN.format(folder=folder),
           example=(f"connection lost while fetching from {folder}: command: FETCH => socket error: EOF (10 of 24 new "
                    f"messages in {folder} were saved; the next run fetches the rest)") if folder == "Sent" else "")
      for folder in ("Sent", "INBOX")],
]


# -- running a command-line case ------------------------------------------------------------------


@dataclass
class Outcome:
    code: int = 0
    out: str = ""
    err: str = ""
    argument: str = ""  # the path given to followlint
    skip: str = ""  # why this case could not be run here


NO_DAC = ["setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search", "--"]


@functools.cache
def _no_dac_prefix() -> tuple[list[str] | None, str]:
    """How to run followlint so that a mode-000 file cannot be read: nothing to add for an
    ordinary user; as root, setpriv without the capabilities that bypass file permissions."""
    if os.geteuid() != 0:
        return [], ""
    if not shutil.which("setpriv"):
        return None, "running as root and setpriv (util-linux) is not installed to drop CAP_DAC_OVERRIDE"
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe"
        probe.write_text("x")
        probe.chmod(0)
        proc = subprocess.run([*NO_DAC, "cat", str(probe)], capture_output=True)
    if proc.returncode == 0:
        return None, "running as root and setpriv could not drop CAP_DAC_OVERRIDE (a mode-000 file stays readable)"
    if b"Permission denied" not in proc.stderr:
        return None, f"setpriv cannot drop capabilities here: {proc.stderr.decode(errors='replace').strip()}"
    return NO_DAC, ""


def run_cli_case(case: Case, folder: Path) -> Outcome:
    prefix: list[str] = []
    if case.runner == "cli-no-dac":
        found, reason = _no_dac_prefix()
        if found is None:
            return Outcome(skip=reason)
        prefix = found
    folder.mkdir(parents=True)
    (folder / GOOD).write_text(CHECKIN_DRAFT, encoding="utf-8")
    argument = case.build(folder)
    proc = subprocess.run([*prefix, sys.executable, "-m", "followlint", "check", GOOD, argument, "--format", "json", "--rep", REP],
                          stdin=subprocess.DEVNULL, capture_output=True, cwd=folder, env=_clean_env(None), timeout=300)
    return Outcome(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"), argument)


@pytest.fixture(scope="module")
def cli_outcomes(request, tmp_path_factory) -> dict[str, Outcome]:
    """Every selected command-line case, run a few at a time (one per core)."""
    chosen = [item.callspec.params["case"] for item in request.session.items
              if getattr(item, "module", None) is request.module and "case" in getattr(getattr(item, "callspec", None), "params", {})]
    chosen = [case for case in chosen if case.runner != "imap"]
    base = tmp_path_factory.mktemp("robustness")
    with ThreadPoolExecutor(max_workers=min(8, max(2, os.cpu_count() or 2))) as pool:
        futures = {case.id: pool.submit(run_cli_case, case, base / case.id) for case in chosen}
        outcomes = {}
        for key, future in futures.items():
            try:
                outcomes[key] = future.result()
            except Exception as exc:  # reported by the case itself
                outcomes[key] = Outcome(code=-1, err=f"the case could not run: {type(exc).__name__}: {exc}")
    yield outcomes
    for folder in base.rglob("*"):  # mode-000 files: let tmp_path's cleanup remove them
        if not folder.is_symlink():
            folder.chmod(0o755 if folder.is_dir() else 0o644)


def check_cli_case(case: Case, outcome: Outcome) -> None:
    if outcome.skip:
        if IN_CI:
            pytest.fail(f"CI must run this case: {outcome.skip}")
        pytest.skip(outcome.skip)
    assert outcome.code != -1, outcome.err
    assert case.names or outcome.argument == case.path, "the table names another path than the case gives"
    assert "Traceback" not in outcome.err + outcome.out and "internal error" not in outcome.err, outcome.err
    report = json.loads(outcome.out)
    lines = [line for line in outcome.err.splitlines() if line.strip()]
    if case.exit == 2:
        message = check_error_line(case, outcome.code, lines, case.path)
        assert report["errors"] == [{"path": case.path, "message": message}], report["errors"]
    else:
        assert (outcome.code, lines, report["errors"]) == (case.exit, [], []), outcome.err
    found = sorted((f["path"], f["code"]) for f in report["findings"])
    assert found == sorted([(GOOD, _FL101), *case.findings]), f"findings lost or doubled; stderr: {outcome.err}"
    assert report["summary"]["findings"] == len(found)


def check_error_line(case: Case, code: int, lines: list[str], shown: str) -> str:
    """Exit 2 and exactly one line ``PATH: error: MESSAGE`` naming the bad input; the message."""
    assert code == 2, lines
    assert len(lines) == 1, "expected exactly one error line:\n" + "\n".join(lines)
    path, sep, message = lines[0].partition(": error: ")
    assert sep, lines[0]
    assert path == shown, f"the error line names {path!r}, not the bad input {shown!r}"
    assert case.cause.lower() in message.lower(), f"{case.cause!r} not in {message!r}"
    if case.pattern:
        assert re.fullmatch(case.pattern, message), message
    elif case.example:
        assert message == case.example
    return message


# -- running an IMAP case -------------------------------------------------------------------------


PASSWORD_VAR = "FL_ROBUSTNESS_IMAP_PASSWORD"
NOW = "2026-11-20T09:00:00+00:00"
SIGNATURE = "-- \r\n" + "\r\n".join(["Lakeside Motors | This message and its attachments are confidential."] * 40) + "\r\n"


@pytest.fixture(scope="module")
def imap_server():
    try:
        dovecot_binary()
    except DovecotMissing as exc:
        if IN_CI:
            pytest.fail(f"CI needs a real Dovecot for the IMAP robustness cases: {exc}")
        pytest.skip(f"no local Dovecot: {exc}")
    root = tempfile.mkdtemp(prefix="followlint-robustness-")
    os.chmod(root, 0o755)
    server = Dovecot(root, accounts=8).start()
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)


def _seed(server: Dovecot, user: str, messages: list[tuple[str, bytes]]) -> int:
    """APPEND (folder, raw) in one session; the bytes of the messages per folder."""
    with server.client(user) as client:
        for folder, raw in messages:
            client.append(folder, raw)
    return sum(len(raw) for _, raw in messages)


def _good_account(server: Dovecot) -> str:
    """A mailbox with a known FL101 and FL103: Bob's missing plates, and our check-in reply."""
    user = server.add_user()
    _seed(server, user, [
        ("INBOX", raw_message("Bob Stone <bob@customer.example>", user, "Plates", "2026-11-02T10:00:00+00:00", "plates-1@customer.example",
                       "Hi,\n\nI still have not received my plates for the new car. Can you find out where they are?\n\nBob\n")),
        ("Sent", raw_message(user, "Bob Stone <bob@customer.example>", "Re: Plates", "2026-11-05T10:00:00+00:00", "plates-2@acme.example",
                      "Hi Bob,\n\nJust checking in to see how everything is going with the car!\n\nAlice\n", "plates-1@customer.example")),
    ])
    return user


def _cut_account(server: Dovecot, folder: str) -> tuple[str, int, int]:
    """The mailbox whose connection is cut while ``folder`` is fetched: (user, messages in
    that folder, their bytes). Sent: 24 check-ins. INBOX: 8 customer issues (each answered by a
    check-in in Sent, fetched first): the issues make FL103 findings, so one lost is seen."""
    user = server.add_user()
    if folder == "Sent":
        messages = [("Sent", raw_message(user, f"Customer {n} <c{n}@client{n}.example>", f"Your order {n}", "2026-11-05T10:00:00+00:00",
                                  f"order-{n}@acme.example", f"Hi,\n\nJust checking in on order {n}!\n\nAlice\n{SIGNATURE}"))
                    for n in range(24)]
    else:
        messages = []
        for n in range(8):
            messages.append(("INBOX", raw_message(f"Customer {n} <c{n}@client{n}.example>", user, f"Order {n}", "2026-11-03T10:00:00+00:00",
                                           f"issue-{n}@client{n}.example",
                                           f"Hi,\n\nMy order {n} still has not arrived. Can you find out where it is?\n\n{SIGNATURE}")))
            messages.append(("Sent", raw_message(user, f"Customer {n} <c{n}@client{n}.example>", f"Re: Order {n}", "2026-11-05T10:00:00+00:00",
                                          f"reply-{n}@acme.example", "Hi,\n\nJust checking in to see how everything is going!\n\nAlice\n",
                                          f"issue-{n}@client{n}.example")))
    _seed(server, user, messages)
    return user, sum(1 for f, _ in messages if f == folder), sum(len(raw) for f, raw in messages if f == folder)


class MeteredProxy(CuttingProxy):
    """A CuttingProxy that also remembers how many bytes the server sent on each connection."""

    def __init__(self, target_port: int, limit: int = 10**12):
        self.totals: list[int] = []
        super().__init__(target_port, limit)

    def _pump(self, source, sink, counter) -> None:
        super()._pump(source, sink, counter)
        if counter is not None:
            self.totals.append(counter[0])


def _audit(tmp_path: Path, server: Dovecot, accounts: list[tuple[str, int]], state: str, batch: int) -> tuple[int, dict, list[str]]:
    """Audit the accounts (user, port) as one team; (exit code, JSON report, stderr lines)."""
    team = tmp_path / f"team-{state}.toml"
    team.write_text("".join(f'[[account]]\nhost = "127.0.0.1"\nport = {port}\nuser = "{user}"\npassword-env = "{PASSWORD_VAR}"\n'
                            for user, port in accounts), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "followlint", "audit", "--team", str(team), "--ca-file", str(server.cert), "--state",
         str(tmp_path / state), "--format", "json", "-q", "--now", NOW, "--batch-size", str(batch)],
        stdin=subprocess.DEVNULL, capture_output=True, cwd=tmp_path, env=_clean_env({PASSWORD_VAR: PASSWORD}), timeout=120)
    out, err = proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in out + err and "internal error" not in err, err
    return proc.returncode, json.loads(out), [line for line in err.splitlines() if line.strip()]


def _url(user: str, port: int) -> str:
    return f"imap://{user.replace('@', '%40')}@127.0.0.1:{port}"


def _normal(findings: list[dict]) -> list[str]:
    """Findings without the account's URL (its port differs between a direct and a proxied run)
    and without ``new`` (whether an earlier run saw them: the cut run saw some)."""
    return sorted(re.sub(r"imap://[^/\"]+", "imap://ACCOUNT", json.dumps({k: v for k, v in f.items() if k != "new"},
                                                                          sort_keys=True)) for f in findings)


def _stored(state: Path, url: str, folder: str) -> tuple[int | None, list[int]]:
    """The state file's last UID for the folder (None: never stored) and the UIDs it holds."""
    with sqlite3.connect(f"file:{state}?mode=ro", uri=True) as db:
        row = db.execute("SELECT last_uid FROM folders WHERE account = ? AND folder = ?", (url, folder)).fetchone()
        uids = [r[0] for r in db.execute("SELECT uid FROM messages WHERE account = ? AND folder = ? ORDER BY uid", (url, folder))]
    return (row[0] if row else None), uids


def check_imap_case(case: Case, server: Dovecot, tmp_path: Path) -> None:
    folder = case.build(tmp_path)
    good = _good_account(server)
    cut, count, size = _cut_account(server, folder)
    good_url = _url(good, server.tls_port)
    batch = 5 if folder == "Sent" else 2

    # A run that is never cut, through a proxy that counts the bytes: what every later run must end with.
    meter = MeteredProxy(server.tls_port)
    try:
        code, clean, lines = _audit(tmp_path, server, [(good, server.tls_port), (cut, meter.port)], "clean.sqlite", batch)
    finally:
        meter.close()
    assert code == 1 and lines == [] and clean["errors"] == [], lines
    assert meter.totals, "the proxy saw no connection"
    good_findings = [f for f in clean["findings"] if f["path"].startswith(good_url + "/")]
    assert sorted(f["code"] for f in good_findings) == ["FL101", "FL103"]
    expected_cut = {"Sent": ["FL101"] * 24, "INBOX": ["FL101", "FL103"] * 8}[folder]
    assert sorted(f["code"] for f in clean["findings"] if f not in good_findings) == sorted(expected_cut)

    # The same audit on a new state, with the connection cut half-way through the folder's messages.
    proxy = CuttingProxy(server.tls_port, limit=max(meter.totals) - size // 2)
    try:
        cut_url = _url(cut, proxy.port)
        code, report, lines = _audit(tmp_path, server, [(good, server.tls_port), (cut, proxy.port)], "state.sqlite", batch)
        assert proxy.cuts >= 1, "the proxy never cut the connection"
        message = check_error_line(case, code, lines, shown=cut_url)
        assert report["errors"] == [{"path": cut_url, "message": message}]
        assert _normal(report["findings"]) == _normal(good_findings), "the other mailbox is no longer reported"
        saved = int(re.search(rf"(\d+) of {count} new messages in {folder} were saved", message).group(1))
        assert 0 < saved < count, message
        last_uid, uids = _stored(tmp_path / "state.sqlite", cut_url, folder)
        assert (last_uid, uids) == (saved, list(range(1, saved + 1))), "the state went past what was stored"
        if folder == "Sent":
            assert _stored(tmp_path / "state.sqlite", cut_url, "INBOX") == (None, []), "INBOX was never reached"
        else:
            assert _stored(tmp_path / "state.sqlite", cut_url, "Sent") == (8, list(range(1, 9))), "Sent was complete"

        proxy.limit = 10**12  # the server is back: the next run fetches the rest
        code, again, lines = _audit(tmp_path, server, [(good, server.tls_port), (cut, proxy.port)], "state.sqlite", batch)
        assert (code, lines, again["errors"]) == (1, [], [])
        assert _normal(again["findings"]) == _normal(clean["findings"]), "a finding was lost or doubled by the cut"
        assert _stored(tmp_path / "state.sqlite", cut_url, folder)[0] == count
    finally:
        proxy.close()


# -- the test -------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input(case: Case, request):
    if case.runner == "imap":
        check_imap_case(case, request.getfixturevalue("imap_server"), request.getfixturevalue("tmp_path"))
    else:
        check_cli_case(case, request.getfixturevalue("cli_outcomes")[case.id])


def test_the_table_is_whole():
    """Every case in a documented row, one case per row and kind, every row with a case, and
    every documented example consistent with what the case checks."""
    assert {case.row for case in CASES} == set(ROW_TITLES)
    assert len({case.id for case in CASES}) == len(CASES)
    for case in CASES:
        assert case.kind in KINDS, case.id
        assert case.runner in ("cli", "cli-no-dac", "imap"), case.id
        assert (case.exit == 2) == bool(case.cause), f"{case.id}: an error case needs a cause, and only an error case"
        if case.pattern and case.example:
            assert re.fullmatch(case.pattern, case.example), f"{case.id}: its example does not match its pattern"
        if case.example:
            assert case.cause.lower() in case.example.lower(), case.id
    for row in ROWS:
        codes = {case.exit for case in CASES if case.row == row.title}
        assert len(codes) == 1, f"{row.title}: one exit code per row, not {codes}"


def test_robustness_page_is_generated_from_this_table():
    generator = runpy.run_path(str(ROOT / "scripts" / "gen-robustness-doc.py"))
    page = ROOT / "docs" / "robustness.md"
    assert page.exists(), f"docs/robustness.md is missing: run {generator['COMMAND']}"
    assert page.read_text(encoding="utf-8") == generator["render"](), f"docs/robustness.md is out of date: run {generator['COMMAND']}"
