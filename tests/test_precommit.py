"""followlint as a real pre-commit hook on a repository of email templates.

This runs the real ``pre-commit`` against a throw-away git repo of templates whose
``.pre-commit-config.yaml`` names THIS project as its hook repository. pre-commit clones the
hook repo at ``rev`` and pip-installs it into a hook environment, exactly as a team's machine
would. So that uncommitted changes are what gets tested, ``rev`` is a commit made from the
current working tree (tracked changes, deletions and untracked files that .gitignore does not
exclude) with a temporary index: the project's index, branches, stash and files are untouched;
only git objects are added to its object store. pre-commit fetches that commit by its id from
the project path (git's protocol v2 serves it although no branch points at it).

The commit is built with fixed author, committer and dates, so the same working tree gives the
same commit id and pre-commit's cache (PRE_COMMIT_HOME, under the project's gitignored
``.cache/``) is reused while the tree does not change. After the run, ``pre-commit gc`` drops
hook environments that no remaining config refers to, so the cache does not grow without bound.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRE_COMMIT_HOME = ROOT / ".cache" / "pre-commit"

BAD_TEMPLATE = (
    "Hi {{ first_name }},\n\n"
    "Just checking in to see how everything is going. Let me know if you need anything!\n\n"
    "Best,\n{{ rep_name }}\n"
)
FIXED_TEMPLATE = (
    "Hi {{ first_name }},\n\n"
    "Your team asked how to share reports with the finance group. We wrote a short guide for "
    "exactly that: https://help.example.com/sharing-reports\n\n"
    "Best,\n{{ rep_name }}\n"
)
GOOD_TEMPLATE = (
    "Hi {{ first_name }},\n\n"
    "Good news: the invoice export you asked about is live. You can switch it on here: "
    "{{ export_settings_url }}\n\n"
    "Best,\n{{ rep_name }}\n"
)
# Fixed identity and dates: the same working tree always gives the same commit id.
COMMIT_ENV = {
    "GIT_AUTHOR_NAME": "followlint tests",
    "GIT_AUTHOR_EMAIL": "tests@followlint.invalid",
    "GIT_AUTHOR_DATE": "2000-01-01T00:00:00+0000",
    "GIT_COMMITTER_NAME": "followlint tests",
    "GIT_COMMITTER_EMAIL": "tests@followlint.invalid",
    "GIT_COMMITTER_DATE": "2000-01-01T00:00:00+0000",
}


def _base_env() -> dict:
    """The environment without anything that would point git or followlint elsewhere."""
    env = {
        k: v for k, v in os.environ.items()
        if not k.startswith(("GIT_", "FOLLOWLINT_", "PRE_COMMIT")) and k not in ("NO_COLOR", "FORCE_COLOR")
    }
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def _git(*args: str, cwd: Path, env: dict | None = None) -> str:
    proc = subprocess.run(
        ["git", *args], cwd=str(cwd), env=env or _base_env(), capture_output=True, text=True,
        stdin=subprocess.DEVNULL, timeout=300,
    )
    if proc.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout.strip()


def _pre_commit_command() -> list[str]:
    """pre-commit from this interpreter (the [test] extra), else from PATH. Missing: skip
    locally, but fail under CI, where a missing test dependency must never pass silently."""
    if importlib.util.find_spec("pre_commit") is not None:
        return [sys.executable, "-m", "pre_commit"]
    exe = shutil.which("pre-commit")
    if exe:
        return [exe]
    message = "pre-commit is not installed (it is in the [test] extra: pip install -e '.[test]')"
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        pytest.fail(message + "; CI is set, so this is a failure, not a skip")
    pytest.skip(message)


def working_tree_commit(tmp_path: Path) -> str:
    """A commit of the project's working tree as it is now, made without touching its index,
    refs or files: a copy of the index takes ``git add -A`` and gives the tree."""
    if shutil.which("git") is None:
        pytest.fail("git is needed to test the pre-commit hook")
    if not (ROOT / ".pre-commit-hooks.yaml").is_file():
        pytest.fail(f"{ROOT / '.pre-commit-hooks.yaml'} is missing")
    index = tmp_path / "followlint-index"
    real_index = Path(_git("rev-parse", "--path-format=absolute", "--git-path", "index", cwd=ROOT))
    if real_index.is_file():
        shutil.copyfile(real_index, index)  # stat info already cached: add -A is quick
    env = {**_base_env(), **COMMIT_ENV, "GIT_INDEX_FILE": str(index)}
    ignored = subprocess.run(["git", "check-ignore", "-q", ".cache/pre-commit/"], cwd=str(ROOT), env=_base_env(),
                             stdin=subprocess.DEVNULL)
    assert ignored.returncode == 0, ".cache/ must be in .gitignore (the pre-commit cache lives there)"
    _git("add", "-A", cwd=ROOT, env=env)
    tree = _git("write-tree", cwd=ROOT, env=env)
    head = subprocess.run(["git", "rev-parse", "--verify", "-q", "HEAD^{commit}"], cwd=str(ROOT),
                          env=_base_env(), capture_output=True, text=True, stdin=subprocess.DEVNULL)
    parents = ["-p", head.stdout.strip()] if head.returncode == 0 else []
    return _git("commit-tree", tree, *parents, "-m", "followlint working tree (pre-commit test)", cwd=ROOT, env=env)


def _template_repo(path: Path, rev: str) -> Path:
    path.mkdir()
    _git("init", "-q", cwd=path)
    (path / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {ROOT}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: followlint\n",
        encoding="utf-8",
    )
    (path / "templates").mkdir()
    (path / "templates" / "day-7-check-in.j2").write_text(BAD_TEMPLATE, encoding="utf-8")
    (path / "templates" / "feature-launch.txt").write_text(GOOD_TEMPLATE, encoding="utf-8")
    # Not a template type: the hook's file filter must keep it away from followlint.
    (path / "templates" / "send-list.csv").write_text("email,first_name\nsam@example.com,Sam\n", encoding="utf-8")
    _git("add", "-A", cwd=path)
    return path


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**_base_env(), "PRE_COMMIT_HOME": str(PRE_COMMIT_HOME), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(cmd, cwd=str(cwd), env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=1200)


def test_manifest_is_valid():
    pre_commit = _pre_commit_command()
    proc = _run([*pre_commit, "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")], ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_hook_fails_on_check_in_template_and_passes_once_fixed(tmp_path):
    pre_commit = _pre_commit_command()
    rev = working_tree_commit(tmp_path)
    repo = _template_repo(tmp_path / "templates-repo", rev)
    try:
        bad = _run([*pre_commit, "run", "--all-files"], repo)
        out = bad.stdout + bad.stderr
        assert bad.returncode == 1, out
        assert "FL101" in out, out
        assert "templates/day-7-check-in.j2" in out, out
        # followlint ran on the templates only: the clean one has no finding, the CSV is not linted.
        assert "feature-launch.txt:" not in out, out
        assert "send-list.csv" not in out, out

        (repo / "templates" / "day-7-check-in.j2").write_text(FIXED_TEMPLATE, encoding="utf-8")
        _git("add", "-A", cwd=repo)
        good = _run([*pre_commit, "run", "--all-files"], repo)
        assert good.returncode == 0, good.stdout + good.stderr
        assert "FL101" not in good.stdout + good.stderr
    finally:
        # Drop hook environments of earlier working trees (their configs are gone); this one's
        # config still exists, so a re-run with the same tree finds its environment ready.
        _run([*pre_commit, "gc"], repo)
