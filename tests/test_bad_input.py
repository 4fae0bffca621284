"""Bad input (SPEC, Robustness): one clear line on stderr naming the file and the cause, exit
code 2, no traceback, and the other inputs' findings still reported (the error also in JSON
"errors"). Every input is built here, in the test's tmp_path."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from conftest import CHECKIN_DRAFT

HEADERS = (
    "From: Priya Patel <priya@acme.com>\nTo: Sam Reed <sam@client.com>\nSubject: Your order\n"
    "Date: Tue, 10 Nov 2026 09:00:00 +0100\nMessage-ID: <m1@acme.com>\nMIME-Version: 1.0\n"
)
CHECKIN = "Just checking in to see how things are going. Let me know if you need anything."


def lint_beside_a_good_draft(run_cli, tmp_path, bad: str, *more: str):
    """Check good.txt (one FL101) with the bad input(s); return exit code, report, stderr lines."""
    (tmp_path / "good.txt").write_text(CHECKIN_DRAFT, encoding="utf-8")
    code, out, err = run_cli("check", "good.txt", bad, *more, "--format", "json")
    assert "Traceback" not in err and "internal error" not in err, err
    report = json.loads(out)
    good = [f for f in report["findings"] if f["path"] == "good.txt"]
    assert [f["code"] for f in good] == ["FL101"], report
    return code, report, [line for line in err.splitlines() if line.strip()]


def assert_one_error(run_cli, tmp_path, bad: str, cause: str):
    code, report, lines = lint_beside_a_good_draft(run_cli, tmp_path, bad)
    assert code == 2
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{bad}: error: ") and cause in lines[0], lines
    assert report["errors"] == [{"path": bad, "message": lines[0][len(f"{bad}: error: "):]}]
    return lines[0]


@pytest.mark.parametrize("name,data,cause", [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"\n  \n\t\n", "empty file"),
    ("empty.eml", b"", "empty file"),
    ("empty.mbox", b"", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary file"),
    ("binary.eml", b"From: a@b.c\nSubject: x\n\n" + b"\x00\x01\x02" * 100, "binary file"),
    ("binary.mbox", b"\x00\x01From \x02" * 50, "binary file"),
    ("binary.xyz", bytes(range(256)) * 8, "binary file"),
    ("notes.eml", b"Just a note with no headers.\nJust checking in.\n", "not a mail message"),
    ("nofrom.mbox", ("Subject: hi\nFrom: a@b.c\n\n" + CHECKIN + "\n").encode(), "not an mbox"),
    ("contacts.csv", b"name,email,last_contact\nSam,sam@client.com,2026-11-02\n", "not a CRM export followlint knows"),
])
def test_unreadable_content_is_one_error_line(run_cli, tmp_path, name, data, cause):
    (tmp_path / name).write_bytes(data)
    assert_one_error(run_cli, tmp_path, name, cause)


def test_truncated_mime_with_no_readable_part(run_cli, tmp_path):
    text = (HEADERS + 'Content-Type: multipart/mixed; boundary="MM"\n\n--MM\nContent-Type: application/pdf\n'
            "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGgg")
    (tmp_path / "cut.eml").write_text(text, encoding="utf-8")
    assert_one_error(run_cli, tmp_path, "cut.eml", "truncated MIME")


def test_truncated_mime_with_a_readable_part_is_linted(run_cli, tmp_path):
    text = (HEADERS + 'Content-Type: multipart/mixed; boundary="MM"\n\n--MM\nContent-Type: text/plain\n\n'
            f"Hi Sam,\n\n{CHECKIN}\n\n--MM\nContent-Type: application/pdf\n\nJVBERi0x")
    (tmp_path / "cut.eml").write_text(text, encoding="utf-8")
    code, report, lines = lint_beside_a_good_draft(run_cli, tmp_path, "cut.eml")
    assert (code, report["errors"], lines) == (1, [], [])
    assert [f["path"] for f in report["findings"] if f["code"] == "FL101"] == ["good.txt", "cut.eml"]


@pytest.mark.parametrize("declared,encoding", [
    ("utf-8", "latin-1"),  # wrong
    ("us-ascii", "cp1252"),  # wrong
    ("iso-8859-1", "utf-8"),  # wrong the other way
    ("x-no-such-charset", "cp1252"),  # unknown
    (None, "cp1252"),  # missing
])
def test_wrong_or_missing_charset_is_not_an_error(run_cli, tmp_path, declared, encoding):
    ctype = f"Content-Type: text/plain; charset={declared}\n" if declared else ""
    data = (HEADERS + ctype + "Content-Transfer-Encoding: 8bit\n\n").encode("ascii")
    data += f"Hi Zo\u00eb \u2014 caf\u00e9 update:\n\n{CHECKIN}\n".encode(encoding, "replace")
    (tmp_path / "cs.eml").write_bytes(data)
    code, report, lines = lint_beside_a_good_draft(run_cli, tmp_path, "cs.eml")
    assert (code, report["errors"], lines) == (1, [], [])
    assert len([f for f in report["findings"] if f["path"] == "cs.eml" and f["code"] == "FL101"]) == 1


def test_wrong_charset_draft_is_decoded_with_replacement(run_cli, tmp_path):
    (tmp_path / "latin.txt").write_bytes(f"Hi Zo\u00eb,\n\n{CHECKIN}\n".encode("latin-1"))
    code, report, lines = lint_beside_a_good_draft(run_cli, tmp_path, "latin.txt")
    assert (code, report["errors"], lines) == (1, [], [])


@pytest.mark.parametrize("name", ["big.txt", "big.eml"])
def test_five_megabyte_single_line_body_completes(run_cli, tmp_path, name):
    sentence = "Thanks for the update on the shipment, we will review the numbers and get back to you soon. "
    line = (sentence * (5 * 1024 * 1024 // len(sentence) + 1))[: 5 * 1024 * 1024]
    head = HEADERS + "\n" if name.endswith(".eml") else ""
    (tmp_path / name).write_text(head + line + "\n", encoding="utf-8")
    start = time.perf_counter()
    code, report, lines = lint_beside_a_good_draft(run_cli, tmp_path, name)
    elapsed = time.perf_counter() - start
    print(f"{name}: 5 MB single-line body linted in {elapsed:.1f} s")
    assert report["errors"] == [] and lines == [] and code == 1
    assert report["summary"]["files"] == 2


def test_path_that_does_not_exist(run_cli, tmp_path):
    assert_one_error(run_cli, tmp_path, "nowhere/draft.txt", "no such file or directory")


def test_file_used_as_a_directory(run_cli, tmp_path):
    (tmp_path / "draft.txt").write_text(CHECKIN_DRAFT, encoding="utf-8")
    assert_one_error(run_cli, tmp_path, "draft.txt/inner.txt", "not a directory")


def test_directory_where_a_file_is_expected(run_cli, tmp_path):
    (tmp_path / "reply.eml").mkdir()
    assert_one_error(run_cli, tmp_path, "reply.eml", "is a directory")


def test_dangling_symlink(run_cli, tmp_path):
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    assert_one_error(run_cli, tmp_path, "link.txt", "broken symbolic link")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_named_pipe_with_no_writer_does_not_hang(run_cli, tmp_path):
    # Tests run as root, so chmod 000 does not make a file unreadable; a FIFO that nobody
    # writes to is the unreadable path here (a naive open() would block forever).
    os.mkfifo(tmp_path / "pipe.txt")
    assert_one_error(run_cli, tmp_path, "pipe.txt", "named pipe")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_named_pipe_with_a_writer_is_read(tmp_path):
    # Like process substitution: `followlint check <(cat draft.txt)`.
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    proc = subprocess.Popen([sys.executable, "-m", "followlint", "check", str(fifo), "--format", "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    with open(fifo, "w", encoding="utf-8") as writer:
        writer.write(CHECKIN_DRAFT)
    out, err = proc.communicate(timeout=60)
    report = json.loads(out)
    assert proc.returncode == 1, err
    assert [f["code"] for f in report["findings"]] == ["FL101"]


def test_unreadable_file_is_one_error_line(run_cli, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not deny reads (the FIFO and symlink tests cover unreadable paths)")
    path = tmp_path / "secret.txt"
    path.write_text(CHECKIN_DRAFT, encoding="utf-8")
    path.chmod(0)
    try:
        assert_one_error(run_cli, tmp_path, "secret.txt", "permission denied")
    finally:
        path.chmod(0o644)


def test_unknown_extension_is_read_as_text(run_cli, tmp_path):
    (tmp_path / "draft.xyz").write_text(CHECKIN_DRAFT, encoding="utf-8")
    code, report, lines = lint_beside_a_good_draft(run_cli, tmp_path, "draft.xyz")
    assert (code, report["errors"], lines) == (1, [], [])
    assert sorted(f["path"] for f in report["findings"] if f["code"] == "FL101") == ["draft.xyz", "good.txt"]


def test_several_bad_inputs_one_line_each(run_cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.eml").write_bytes(b"\x00" * 64)
    (tmp_path / "data.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    code, report, lines = lint_beside_a_good_draft(run_cli, tmp_path, "empty.txt", "bin.eml", "missing.md", "data.csv")
    assert code == 2
    assert sorted(line.split(": error: ")[0] for line in lines) == sorted(["empty.txt", "bin.eml", "missing.md", "data.csv"])
    assert sorted(e["path"] for e in report["errors"]) == sorted(["empty.txt", "bin.eml", "missing.md", "data.csv"])


def test_bad_message_inside_an_mbox_does_not_hide_the_others(run_cli, tmp_path):
    good = (f"From priya@acme.com Tue Nov 10 09:00:00 2026\n{HEADERS}\nHi Sam,\n\n{CHECKIN}\n\n")
    bad = ("From priya@acme.com Tue Nov 10 10:00:00 2026\nFrom: priya@acme.com\nSubject: cut\n"
           'Message-ID: <m2@acme.com>\nContent-Type: multipart/mixed; boundary="QQ"\n\n--QQ\n'
           "Content-Type: image/png\n\niVBORw0KGgo\n\n")
    (tmp_path / "box.mbox").write_text(bad + good, encoding="utf-8")
    code, report, lines = lint_beside_a_good_draft(run_cli, tmp_path, "box.mbox", "--rep", "@acme.com")
    assert code == 2
    [line] = lines
    assert line.startswith("box.mbox: error: message at line 1: truncated MIME"), line
    assert [f["line"] for f in report["findings"] if f["path"] == "box.mbox" and f["code"] == "FL101"] == [
        (bad + good).split("\n").index(CHECKIN) + 1]


def test_bad_file_inside_a_maildir_does_not_hide_the_others(run_cli, tmp_path):
    box = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (box / sub).mkdir(parents=True)
    (box / "cur" / "1.host:2,S").write_text(f"{HEADERS}\nHi Sam,\n\n{CHECKIN}\n", encoding="utf-8")
    (box / "cur" / "2.host:2,S").write_bytes(b"\x00\x01" * 40)
    code, report, lines = lint_beside_a_good_draft(run_cli, tmp_path, "Maildir", "--rep", "@acme.com")
    assert code == 2
    assert lines == [f"{os.path.join('Maildir', 'cur', '2.host:2,S')}: error: binary file, not a mail message (it contains NUL bytes)"]
    assert [f["path"] for f in report["findings"] if f["path"].startswith("Maildir")] == [os.path.join("Maildir", "cur", "1.host:2,S")]


def test_binary_stdin_is_one_error_line(run_cli, tmp_path):
    code, out, err = run_cli("check", "-", "--stdin-filename", "draft.txt", "--format", "json", input=b"\x00\x01\x02" * 10)
    assert code == 2 and "Traceback" not in err
    assert err.strip().splitlines() == ["draft.txt: error: binary file, not text (it contains NUL bytes)"]
