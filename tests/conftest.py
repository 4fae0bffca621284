"""Shared test helpers. Keep this file minimal and additive: other test modules rely on it."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

# A draft FL101 flags: it only checks in.
CHECKIN_DRAFT = (
    "Hi Sam,\n\nJust checking in to see how things are going. Let me know if you need anything.\n\n"
    "Thanks,\nPriya\n"
)
# A draft that carries value: no finding.
CLEAN_DRAFT = (
    "Hi Dana,\n\nGood news: your plates have arrived. I can drop them off Thursday at 4pm if that "
    "suits you.\n\nMike\n"
)


def _clean_env(extra: dict | None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWLINT_") and k not in ("NO_COLOR", "FORCE_COLOR")}
    env["PYTHONIOENCODING"] = "utf-8"
    for key, value in (extra or {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


@pytest.fixture
def run_cli(tmp_path):
    """Run ``python -m followlint ARGS`` in a subprocess; return (exit code, stdout, stderr).

    cwd defaults to the test's tmp_path; ``input`` is text (or bytes) for stdin; ``env`` adds
    (or, with None, removes) environment variables on top of a copy without FOLLOWLINT_*.
    """

    def run(*args, input=None, cwd=None, env=None, timeout=120):
        if isinstance(input, str):
            input = input.encode("utf-8")
        proc = subprocess.run(
            [sys.executable, "-m", "followlint", *map(str, args)],
            input=input if input is not None else b"",
            capture_output=True,
            cwd=str(cwd or tmp_path),
            env=_clean_env(env),
            timeout=timeout,
        )
        return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")

    return run


@pytest.fixture
def checkin_draft(tmp_path):
    """A .txt draft that FL101 flags (at line 3, column 1)."""
    path = tmp_path / "checkin.txt"
    path.write_text(CHECKIN_DRAFT, encoding="utf-8")
    return path


@pytest.fixture
def clean_draft(tmp_path):
    """A .txt draft with news and a concrete proposal: no finding."""
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN_DRAFT, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server for the whole session (tests/postgres.py); skipped without one,
    except in CI, where its absence fails the tests that need it."""
    import shutil
    import tempfile

    sys.path.insert(0, os.path.dirname(__file__))
    from postgres import Postgres, PostgresMissing

    root = tempfile.mkdtemp(prefix="followlint-pg-")
    try:
        server = Postgres(root).start()
    except PostgresMissing as exc:
        shutil.rmtree(root, ignore_errors=True)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI needs a real PostgreSQL for the shared-state tests: {exc}")
        pytest.skip(f"no local PostgreSQL: {exc}")
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def detector():
    """The English signal stage without the learned intent model: for the tests of signals read
    from a sentence's shape (referral asks, assurances, how far a qualifier reaches). Test modules
    that need the learned model define their own."""
    from followlint.lexicon.en import VOCABULARY
    from followlint.signals.detect import SignalDetector

    return SignalDetector([VOCABULARY], learned=False)


@pytest.fixture(scope="session")
def read(detector):
    """``read(text, direction=OUTBOUND, **touch_fields)``: the text as one touch, its signals read
    by ``detector`` (ours unless said; a call note with ``kind="call", activity="Call"``)."""
    from followlint.model import Direction, Origin, Touch

    def annotated(text: str, direction=Direction.OUTBOUND, **fields):
        return detector.annotate_touch(Touch(id="t", origin=Origin("t.txt"), text=text, direction=direction, **fields))
    return annotated
