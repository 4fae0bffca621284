"""Progress on long runs: rich's progress display on stderr when stderr is a terminal (a real
pseudo-terminal here), nothing when it is a pipe or with -q."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from conftest import CHECKIN_DRAFT, _clean_env

pty = pytest.importorskip("pty")  # POSIX only


@pytest.fixture
def folder_tree(tmp_path):
    """60 drafts in 6 folders: a long enough run to show progress."""
    for team in range(6):
        folder = tmp_path / "drafts" / f"team{team}"
        folder.mkdir(parents=True)
        for n in range(10):
            (folder / f"draft{n}.txt").write_text(CHECKIN_DRAFT, encoding="utf-8")
    return tmp_path


def run_on_terminal(*args, cwd) -> tuple[int, str, str]:
    """Run followlint with stderr on a pseudo-terminal (stdout a pipe, as in `> report.json`);
    return the exit code, stdout and what the terminal received."""
    master, slave = pty.openpty()
    env = _clean_env({"TERM": "xterm-256color", "COLUMNS": "100"})
    proc = subprocess.Popen([sys.executable, "-m", "followlint", *args], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=slave, cwd=cwd, env=env)
    os.close(slave)
    seen = b""
    try:
        out = proc.stdout.read()
        proc.wait(120)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal closed with the child
                break
            if not chunk:
                break
            seen += chunk
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    return proc.returncode, out.decode("utf-8"), seen.decode("utf-8", "replace")


def test_long_check_shows_rich_progress_on_a_terminal(folder_tree):
    code, out, terminal = run_on_terminal("check", "drafts", "--format", "json", "-j", "1", cwd=folder_tree)
    assert code == 1, terminal
    assert len(json.loads(out)["findings"]) == 60  # the report itself is untouched
    assert "linting" in terminal and "100%" in terminal, terminal
    assert "━" in terminal  # rich's bar, not a home-made one of '#' and '-'
    assert "#####" not in terminal


def test_progress_with_worker_processes(folder_tree):
    code, out, terminal = run_on_terminal("check", "drafts", "--format", "json", "-j", "2", cwd=folder_tree)
    assert code == 1 and len(json.loads(out)["findings"]) == 60
    assert "linting" in terminal and "100%" in terminal, terminal


def test_quiet_and_short_runs_show_no_progress(folder_tree):
    _, _, terminal = run_on_terminal("check", "drafts", "-q", cwd=folder_tree)
    assert "linting" not in terminal and "%" not in terminal
    _, _, terminal = run_on_terminal("check", "drafts/team0/draft0.txt", cwd=folder_tree)  # one draft: no display
    assert "linting" not in terminal and "%" not in terminal


def test_no_progress_when_stderr_is_a_pipe(run_cli, folder_tree):
    code, _, err = run_cli("check", "drafts", "--format", "json", cwd=folder_tree, env={"TERM": "xterm-256color"})
    assert (code, err) == (1, "")
