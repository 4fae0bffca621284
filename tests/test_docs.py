"""The documentation cannot drift from the code.

docs/plugins.md: every fenced block with ``file=PATH`` in its info string is written to a
fresh project folder (a ``pyproject.toml`` with followlint entry points is registered as an
installed distribution); then every ``$ command`` of every ```console block runs there in
bash, and its output must be the text shown under it. Every ```python block must be such a
file, so no sample goes unexecuted; the guide's test module is run with pytest.

docs/rules/: the checked-in pages must be what scripts/gen-rule-docs.py generates.
"""
from __future__ import annotations

import os
import re
import runpy
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "plugins.md"
FENCE = re.compile(r"^```(\w*)([^\n]*)\n(.*?)^```$", re.M | re.S)


def blocks(markdown: str) -> list[tuple[str, dict, str]]:
    """(language, attributes, body) of each fenced block; ``file=x`` is an attribute."""
    out = []
    for lang, info, body in FENCE.findall(markdown):
        attrs = dict(part.split("=", 1) for part in info.split() if "=" in part)
        out.append((lang, attrs, body))
    return out


def console_steps(body: str) -> list[tuple[str, str]]:
    """(command, expected output) for each ``$ `` line of a console block."""
    steps: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            assert steps, f"console block starts with output, not a command: {line!r}"
            steps[-1][1].append(line)
    return [(command, "\n".join(lines)) for command, lines in steps]


def register_distribution(pyproject: Path, site: Path) -> None:
    """What pip would leave for a package's entry points, without building it (offline)."""
    meta = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    info = site / f"{meta['name'].replace('-', '_')}-{meta['version']}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {meta['name']}\nVersion: {meta['version']}\n")
    groups = meta.get("entry-points", {})
    (info / "entry_points.txt").write_text(
        "".join(f"[{group}]\n" + "".join(f"{k} = {v}\n" for k, v in table.items()) for group, table in groups.items()))


@pytest.fixture(scope="module")
def guide_project(tmp_path_factory) -> tuple[Path, dict]:
    """The guide's files, written out; returns the folder and the environment to run in."""
    project = tmp_path_factory.mktemp("guide")
    site, shims = project.parent / "guide-site", project.parent / "guide-bin"
    site.mkdir()
    shims.mkdir()
    paths = [str(site)]
    for lang, attrs, body in blocks(GUIDE.read_text(encoding="utf-8")):
        if "file" in attrs:
            path = project / attrs["file"]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
            if path.name == "pyproject.toml":
                register_distribution(path, site)
                paths.append(str(path.parent / "src"))  # the package itself, as an install would
    followlint = shims / "followlint"
    followlint.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m followlint "$@"\n')
    followlint.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWLINT_") and k not in ("NO_COLOR", "FORCE_COLOR")}
    # Keep the caller's PYTHONPATH after the guide's own paths: the followlint under test (a
    # working tree run with PYTHONPATH=src) is the one the guide's commands run.
    paths += [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    env.update(PYTHONPATH=os.pathsep.join(paths), PATH=f"{shims}{os.pathsep}{env.get('PATH', '')}", PYTHONIOENCODING="utf-8")
    return project, env


def _guide_commands():
    for lang, attrs, body in blocks(GUIDE.read_text(encoding="utf-8")):
        if lang == "console":
            for command, expected in console_steps(body):
                yield pytest.param(command, expected, id=command)


def test_every_python_sample_of_the_guide_is_a_file_that_runs():
    samples = [(attrs, body) for lang, attrs, body in blocks(GUIDE.read_text(encoding="utf-8")) if lang == "python"]
    assert samples, "the guide has no python samples"
    for attrs, body in samples:
        assert "file" in attrs, f"a ```python block without file=... is never executed:\n{body[:200]}"


@pytest.mark.parametrize("command, expected", list(_guide_commands()))
def test_guide_command_prints_what_the_guide_shows(guide_project, command, expected):
    project, env = guide_project
    proc = subprocess.run(["bash", "-c", command], cwd=project, env=env, capture_output=True, text=True, timeout=120)
    shown = (proc.stdout + proc.stderr).rstrip("\n")
    assert shown == expected, f"docs/plugins.md: `{command}` prints:\n{shown}\n\n(the guide shows:\n{expected})"


def test_the_guides_plugin_test_passes(guide_project):
    project, env = guide_project
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.search(r"\b2 passed\b", proc.stdout), proc.stdout


def test_rule_pages_are_up_to_date():
    generator = runpy.run_path(str(ROOT / "scripts" / "gen-rule-docs.py"))
    out_of_date = generator["stale"]()
    assert not out_of_date, f"docs/rules is out of date ({', '.join(out_of_date)}): run {generator['COMMAND']}"


def test_every_builtin_rule_has_a_page_that_is_its_documentation():
    from followlint import plugins
    from followlint.config import Settings

    registry = plugins.load(Settings())
    builtin = [code for info in registry.plugins if info.origin == "builtin" for code in info.rules]
    index = (ROOT / "docs" / "rules" / "README.md").read_text(encoding="utf-8")
    for code in builtin:
        page = (ROOT / "docs" / "rules" / f"{code}.md").read_text(encoding="utf-8")
        assert page.endswith(registry.rules[code].documentation()), code
        assert f"[{code}]({code}.md)" in index


def test_the_architecture_pages_name_places_that_exist():
    """Every module or folder the architecture section names (README and docs/architecture.md)
    is there: a stage moved or renamed must move its line too."""
    package = ROOT / "src" / "followlint"
    missing = []
    for page in (ROOT / "README.md", ROOT / "docs" / "architecture.md"):
        text = page.read_text(encoding="utf-8")
        if page.name == "README.md":
            text = text.partition("## How it is built")[2].partition("\n## ")[0]
        assert text.strip(), f"{page.name}: no architecture section"
        for name in re.findall(r"`([a-z_/]+(?:\.py|/))`", text):
            if name != "src/followlint/" and not (package / name).exists():
                missing.append(f"{page.name}: {name}")
    assert not missing, missing
