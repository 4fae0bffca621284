"""The plugin system, end to end: real installs, entry points, local modules, built-ins.

Every run is a subprocess (``python -m followlint``), so entry-point discovery, stderr and exit
codes are the ones a user sees. Third-party plugins are real packages installed with pip into
a target folder that is put on PYTHONPATH.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# -- helpers (kept here: tests/conftest.py is shared) -------------------------------------------

SHOUT_DRAFT = "Hi Sam,\n\nAct now: this is your last chance to lock in the old price.\n\nPriya\n"
SNARK_DRAFT = "Hi Sam,\n\nAs per my last email, the contract needs your signature.\n\nPriya\n"
CHECKIN_ONLY = (
    "Hi Sam,\n\nJust checking in to see how things are going. Let me know if you need anything.\n\n"
    "Thanks,\nPriya\n"
)


def rule_plugin(code: str, name: str, kind: str, phrases: list[str], version: str = "") -> str:
    """Source of a plugin module: a vocabulary teaching ``kind`` and a rule flagging it."""
    return textwrap.dedent(
        f'''
        """A followlint plugin: {name}."""
        import followlint
        from followlint.model import Direction
        from followlint.rules.base import Example, Rule
        from followlint.signals.kinds import Kind

        __version__ = {version or "0.0.1"!r}


        class PluginRule(Rule):
            code = {code!r}
            name = {name!r}
            reads = ({kind!r},)
            summary = "Flags {kind} phrases in outbound follow-ups."
            what = "An outbound touch that says something the {kind} vocabulary knows."
            why = "Customers notice."

            def check(self, conversation, ctx):
                for touch in conversation.touches:
                    if touch.quoted or touch.direction is not Direction.OUTBOUND:
                        continue
                    for signal in touch.signals_of({kind!r}):
                        yield self.finding(conversation, touch, signal, "{kind}: " + signal.text)


        @followlint.hookimpl
        def followlint_add_rules():
            return [PluginRule]


        @followlint.hookimpl
        def followlint_add_kinds():
            return [Kind({kind!r}, "what the {name} rule flags")]


        @followlint.hookimpl
        def followlint_add_vocabulary():
            return {{{kind!r}: {phrases!r}}}
        '''
    )


# A PEP 517 backend inside the package: turns pyproject.toml's [project] table into a wheel.
# The packaging toolchain here (setuptools without ``wheel``) cannot build wheels offline, and
# this keeps the test independent of which build tools a machine has; pip does the real install.
BACKEND = '''
import base64, hashlib, os, tomllib, zipfile


def _project():
    with open("pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["project"]


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    project = _project()
    dist, version = project["name"].replace("-", "_"), project["version"]
    info = f"{dist}-{version}.dist-info"
    files = {n: open(n, "rb").read() for n in sorted(os.listdir(".")) if n.endswith(".py") and n != "inplace_backend.py"}
    files[f"{info}/METADATA"] = f"Metadata-Version: 2.1\\nName: {project['name']}\\nVersion: {version}\\n".encode()
    files[f"{info}/WHEEL"] = b"Wheel-Version: 1.0\\nGenerator: inplace_backend\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n"
    files[f"{info}/entry_points.txt"] = "".join(
        f"[{group}]\\n" + "".join(f"{k} = {v}\\n" for k, v in table.items()) + "\\n"
        for group, table in project.get("entry-points", {}).items()
    ).encode()
    record = []
    for name, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{name},sha256={digest},{len(data)}")
    record.append(f"{info}/RECORD,,")
    files[f"{info}/RECORD"] = ("\\n".join(record) + "\\n").encode()
    wheel = f"{dist}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, wheel), "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return wheel
'''


def make_package(root: Path, dist: str, version: str, module: str, source: str, entry_name: str) -> Path:
    """A third-party plugin package: pyproject.toml declaring the entry point, and its module."""
    root.mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        textwrap.dedent(
            f"""
            [build-system]
            requires = []
            build-backend = "inplace_backend"
            backend-path = ["."]

            [project]
            name = "{dist}"
            version = "{version}"
            description = "A followlint plugin"

            [project.entry-points.followlint]
            {entry_name} = "{module}"
            """
        ),
        encoding="utf-8",
    )
    (root / "inplace_backend.py").write_text(BACKEND, encoding="utf-8")
    (root / f"{module}.py").write_text(source, encoding="utf-8")
    return root


def pip_install(package: Path, target: Path) -> Path:
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--no-build-isolation",
         "--disable-pip-version-check", "--target", str(target), str(package)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert list(target.glob("*.dist-info/entry_points.txt")), "pip installed no entry points"
    return target


def run(*args, cwd: Path, path: Path | None = None, env: dict | None = None, real: bool = False):
    """Run followlint; return (exit code, stdout, stderr).

    With ``path`` (put on PYTHONPATH, for installed plugins) or ``real``: ``python -m followlint``
    in a subprocess. Otherwise in this process (much quicker), through the same Typer app.
    """
    if path is None and not real:
        return _run_here(args, cwd, env)
    environ = {k: v for k, v in os.environ.items() if not k.startswith("FOLLOWLINT_") and k not in ("NO_COLOR", "FORCE_COLOR")}
    environ["PYTHONIOENCODING"] = "utf-8"
    if path is not None:
        environ["PYTHONPATH"] = os.pathsep.join([str(path), *filter(None, [os.environ.get("PYTHONPATH")])])
    environ.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "followlint", *map(str, args)], capture_output=True, text=True,
                          cwd=str(cwd), env=environ, timeout=120, stdin=subprocess.DEVNULL)
    return proc.returncode, proc.stdout, proc.stderr


def _run_here(args, cwd: Path, env: dict | None):
    from typer.testing import CliRunner

    from followlint.cli import app

    unset = {k: None for k in os.environ if k.startswith("FOLLOWLINT_") or k in ("NO_COLOR", "FORCE_COLOR")}
    before = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, [str(a) for a in args], env={**unset, **(env or {})})
    finally:
        os.chdir(before)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a crash: in a real run this would be "internal error"
    return result.exit_code, result.stdout, result.stderr


def codes(stdout: str) -> list[str]:
    return [f["code"] for f in json.loads(stdout)["findings"]]


def one_clear_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    assert lines[0].startswith("followlint: error:"), err
    return lines[0]


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """Two real installs: followlint-shout (works) and followlint-broken (raises on import)."""
    base = tmp_path_factory.mktemp("plugins")
    shout = make_package(base / "shout-src", "followlint-shout", "1.2.3", "followlint_shout",
                         rule_plugin("SHT001", "pushy-urgency", "shout", ["act now", "(last|final) chance"], "1.2.3"),
                         "shout")
    broken = make_package(base / "broken-src", "followlint-broken", "0.9", "followlint_broken",
                          'raise RuntimeError("boom: this plugin is broken")\n', "broken")
    impostor = make_package(base / "impostor-src", "followlint-impostor", "0.1", "followlint_impostor",
                            "import followlint\n", "lexicon-en")
    return {"shout": pip_install(shout, base / "shout-site"), "broken": pip_install(broken, base / "broken-site"),
            "impostor": pip_install(impostor, base / "impostor-site")}


@pytest.fixture
def work(tmp_path):
    """A folder with an empty config (so no config above it is picked up) and two drafts."""
    (tmp_path / ".followlint.toml").write_text("", encoding="utf-8")
    (tmp_path / "shout.txt").write_text(SHOUT_DRAFT, encoding="utf-8")
    (tmp_path / "checkin.txt").write_text(CHECKIN_ONLY, encoding="utf-8")
    (tmp_path / "snark.txt").write_text(SNARK_DRAFT, encoding="utf-8")
    return tmp_path


def local_plugins(folder: Path, **modules: str) -> Path:
    folder.mkdir(exist_ok=True)
    for name, source in modules.items():
        (folder / f"{name}.py").write_text(source, encoding="utf-8")
    return folder


SNARK = rule_plugin("LOC001", "per-my-last-email", "snark", ["[as] per my last (email|message)"], "0.3")


# -- third-party plugin, installed with pip -----------------------------------------------------


def test_installed_plugin_rule_fires_fed_by_its_vocabulary(installed, work):
    code, out, err = run("check", "shout.txt", "--format", "json", cwd=work, path=installed["shout"])
    assert code == 1, err
    findings = [f for f in json.loads(out)["findings"] if f["code"] == "SHT001"]
    assert [f["excerpt"].lower() for f in findings] == ["act now", "last chance"]
    assert findings[0]["name"] == "pushy-urgency" and findings[0]["line"] == 3
    # The rule sees the phrases because the plugin's vocabulary taught the signal layer a new kind.
    code, out, err = run("inspect", "shout.txt", "--format", "json", cwd=work, path=installed["shout"])
    assert code == 0, err
    assert '"kind": "shout"' in out


def test_installed_plugin_is_listed_with_version_and_contributions(installed, work):
    code, out, err = run("plugins", cwd=work, path=installed["shout"])
    assert code == 0, err
    lines = out.splitlines()
    head = lines.index("shout 1.2.3 (entry point of followlint-shout)")
    assert lines[head + 1 : head + 3] == ["    rules: SHT001", "    vocabulary: shout"]
    code, out, err = run("rule", "SHT001", cwd=work, path=installed["shout"])
    assert code == 0, err
    assert out.startswith("SHT001 pushy-urgency (warning)") and "## What it finds" in out
    code, out, _ = run("rules", cwd=work, path=installed["shout"])
    assert "SHT001  pushy-urgency" in out


def test_p_no_name_turns_the_installed_plugin_off(installed, work):
    code, out, err = run("check", "shout.txt", "--format", "json", "-p", "no:shout", cwd=work, path=installed["shout"])
    assert code == 0 and codes(out) == [], out + err
    code, out, err = run("plugins", "-p", "no:shout", cwd=work, path=installed["shout"])
    assert code == 0 and "shout" not in out and "builtin-rules" in out
    code, out, err = run("check", "shout.txt", "--select", "SHT001", "-p", "no:shout", cwd=work, path=installed["shout"])
    assert code == 2 and "SHT001" in one_clear_error(err)  # its rule is gone with it


def test_autoload_off_skips_entry_points_but_not_local_plugins(installed, work):
    off = {"FOLLOWLINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    code, out, err = run("check", "shout.txt", "--format", "json", cwd=work, path=installed["shout"], env=off)
    assert code == 0 and codes(out) == [], out + err
    code, out, _ = run("plugins", cwd=work, path=installed["shout"], env=off)
    assert "shout" not in out and "lexicon-en" in out
    local_plugins(work / "local", snark=SNARK)
    code, out, err = run("check", "snark.txt", "--format", "json", "--plugins-dir", "local", cwd=work,
                         path=installed["shout"], env=off)
    assert code == 1 and codes(out) == ["LOC001"], out + err


def test_installed_plugin_that_fails_to_import_is_one_clear_error(installed, work):
    code, out, err = run("check", "checkin.txt", cwd=work, path=installed["broken"])
    assert code == 2 and out == ""
    line = one_clear_error(err)
    assert "'broken'" in line and "followlint_broken" in line and "RuntimeError: boom" in line
    assert "-p no:broken" in line  # and how to get past it:
    code, out, err = run("check", "checkin.txt", "--format", "json", "-p", "no:broken", cwd=work, path=installed["broken"])
    assert code == 1 and codes(out) == ["FL101"], err
    code, out, err = run("plugins", cwd=work, path=installed["broken"])
    assert code == 2 and "'broken'" in one_clear_error(err)


def test_installed_plugin_may_not_take_a_builtins_name(installed, work):
    code, out, err = run("check", "checkin.txt", cwd=work, path=installed["impostor"])
    line = one_clear_error(err)
    assert code == 2 and "'lexicon-en'" in line and "followlint-impostor" in line and "already taken" in line


# -- local plugin modules ----------------------------------------------------------------------


def test_local_plugin_from_plugins_dir(work):
    local_plugins(work / "local", snark=SNARK)
    code, out, err = run("check", "snark.txt", "--format", "json", "--plugins-dir", "local", cwd=work)
    assert code == 1 and codes(out) == ["LOC001"], out + err
    code, out, err = run("plugins", "--plugins-dir", "local", cwd=work)
    assert code == 0, err
    assert f"snark 0.3 (local file {os.path.join('local', 'snark.py')})" in out
    assert "    rules: LOC001\n    vocabulary: snark\n" in out
    code, out, err = run("check", "snark.txt", "--format", "json", "--plugins-dir", "local", "-p", "no:snark", cwd=work)
    assert code == 0 and codes(out) == [], out + err


def test_local_plugin_from_config_key(tmp_path):
    project = tmp_path / "project"
    local_plugins(project, myrules=SNARK)
    (project / "pyproject.toml").write_text('[tool.followlint]\nplugins = ["myrules.py"]\n', encoding="utf-8")
    (project / "snark.txt").write_text(SNARK_DRAFT, encoding="utf-8")
    code, out, err = run("check", "snark.txt", "--format", "json", cwd=project)
    assert code == 1 and codes(out) == ["LOC001"], out + err
    # found from the linted path, whatever the working directory
    code, out, err = run("check", project / "snark.txt", "--format", "json", cwd=tmp_path)
    assert code == 1 and codes(out) == ["LOC001"], out + err
    code, out, err = run("plugins", cwd=project)
    assert code == 0 and "myrules 0.3 (local file " in out and "rules: LOC001" in out, err


def test_same_local_file_from_config_and_plugins_dir_loads_once(tmp_path):
    local_plugins(tmp_path / "local", snark=SNARK)
    (tmp_path / "pyproject.toml").write_text('[tool.followlint]\nplugins = ["local/snark.py"]\n', encoding="utf-8")
    (tmp_path / "snark.txt").write_text(SNARK_DRAFT, encoding="utf-8")
    code, out, err = run("check", "snark.txt", "--format", "json", "--plugins-dir", "local", cwd=tmp_path)
    assert code == 1 and codes(out) == ["LOC001"], out + err


def test_local_plugin_that_fails_to_import_is_one_clear_error(work):
    local_plugins(work / "local", shaky="import followlint\nraise ValueError('bad config')\n")
    code, out, err = run("check", "checkin.txt", "--plugins-dir", "local", cwd=work, real=True)
    assert code == 2 and out == ""
    line = one_clear_error(err)
    assert "'shaky'" in line and "shaky.py" in line and "ValueError: bad config" in line


def test_missing_local_plugin_file_is_one_clear_error(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.followlint]\nplugins = ["nowhere.py"]\n', encoding="utf-8")
    (tmp_path / "checkin.txt").write_text(CHECKIN_ONLY, encoding="utf-8")
    code, _, err = run("check", "checkin.txt", cwd=tmp_path, real=True)
    assert code == 2 and "nowhere.py" in one_clear_error(err)


# -- what plugins may and may not add ----------------------------------------------------------


@pytest.mark.parametrize(
    "code, name, clash",
    [("FL101", "my-own-rule", "code 'FL101'"), ("CLS001", "no-value-reason", "name 'no-value-reason'")],
    ids=["same-code", "same-name"],
)
def test_rule_that_collides_with_a_builtin_is_an_error_naming_both(work, code, name, clash):
    local_plugins(work / "local", clash=rule_plugin(code, name, "clash", ["clash"]))
    rc, out, err = run("check", "checkin.txt", "--plugins-dir", "local", cwd=work)
    assert rc == 2 and out == ""
    line = one_clear_error(err)
    assert "'clash'" in line and "'builtin-rules'" in line and clash in line and code in line


def test_two_plugins_adding_the_same_rule_is_an_error_naming_both(installed, work):
    local_plugins(work / "local", copycat=rule_plugin("SHT001", "copycat", "copy", ["copy"]))
    rc, _, err = run("check", "checkin.txt", "--plugins-dir", "local", cwd=work, path=installed["shout"])
    line = one_clear_error(err)
    assert rc == 2 and "'copycat'" in line and "'shout'" in line and "SHT001" in line


@pytest.mark.parametrize(
    "source, expected",
    [
        ("import followlint\n@followlint.hookimpl\ndef followlint_add_rule():\n    return []\n",
         "unknown hook 'followlint_add_rule'"),
        ("import followlint\n@followlint.hookimpl\ndef followlint_configure(config):\n    pass\n", "config"),
        ("import followlint\n@followlint.hookimpl\ndef followlint_add_rules():\n    return [object]\n",
         "subclass of followlint.rules.base.Rule"),
        ("import followlint\n@followlint.hookimpl\ndef followlint_add_rules():\n    return 'FL999'\n",
         "must return a list"),
        ("import followlint\n@followlint.hookimpl\ndef followlint_add_vocabulary():\n    return {'x': ['(unclosed']}\n",
         "unclosed group"),
        ("import followlint\n@followlint.hookimpl\ndef followlint_add_vocabulary():\n    return ['just a list']\n",
         "dict of kind"),
        ("import followlint\n@followlint.hookimpl\ndef followlint_add_rules():\n    raise KeyError('nope')\n",
         "followlint_add_rules: KeyError"),
        ("import followlint\nfrom followlint.reporters.json import JsonReporter\n"
         "@followlint.hookimpl\ndef followlint_add_reporters():\n    return [JsonReporter()]\n",
         "reporter 'json'"),
        ("import followlint\n@followlint.hookimpl\ndef followlint_configure(settings):\n    raise RuntimeError('no')\n",
         "followlint_configure: RuntimeError"),
    ],
    ids=["hook-typo", "hook-bad-argument", "rule-not-a-rule", "rules-not-a-list", "bad-phrase",
         "vocabulary-not-a-dict", "hook-raises", "reporter-name-taken", "configure-raises"],
)
def test_malformed_plugin_is_one_clear_error_naming_it(work, source, expected):
    local_plugins(work / "local", faulty=source)
    rc, out, err = run("check", "checkin.txt", "--plugins-dir", "local", cwd=work)
    assert rc == 2 and out == ""
    line = one_clear_error(err)
    assert "'faulty'" in line and expected in line


def test_local_plugin_may_not_take_an_installed_plugins_name(installed, work):
    local_plugins(work / "local", shout=SNARK)
    rc, _, err = run("check", "checkin.txt", "--plugins-dir", "local", cwd=work, path=installed["shout"])
    assert rc == 2 and "'shout'" in one_clear_error(err) and "already taken" in err


# -- the built-ins are plugins on the same hooks ------------------------------------------------


def test_builtins_are_listed_as_plugins(work):
    code, out, err = run("plugins", cwd=work)
    assert code == 0, err
    for name, adds in [("builtin-rules", "rules: FL001, FL101"), ("builtin-readers", "readers: draft, eml, mbox, maildir"),
                       ("builtin-reporters", "reporters: text, json, sarif, github, junit"),
                       ("lexicon-en", "vocabulary: ")]:
        assert f"{name} " in out and "(builtin)" in out.split(f"{name} ", 1)[1].splitlines()[0], out
        assert adds in out


def test_without_the_english_lexicon_fl101_is_quiet(work):
    code, out, err = run("check", "checkin.txt", "--format", "json", cwd=work)
    assert code == 1 and codes(out) == ["FL101"], err
    code, out, err = run("check", "checkin.txt", "--format", "json", "-p", "no:lexicon-en", cwd=work)
    assert code == 0 and codes(out) == [] and err == "", out + err
    code, out, err = run("plugins", "-p", "no:lexicon-en", cwd=work)
    assert code == 0 and "lexicon-en" not in out and "builtin-rules" in out


def test_a_plugins_vocabulary_teaches_builtin_rules(work):
    # A language pack: English knows no German check-in; a vocabulary plugin teaches one, and
    # the built-in FL101 flags it without a change to its code.
    (work / "melden.txt").write_text("Hallo Sam,\n\nich wollte mich nur kurz melden.\n\nPriya\n", encoding="utf-8")
    code, out, err = run("check", "melden.txt", "--format", "json", cwd=work)
    assert code == 0 and codes(out) == [], out + err
    local_plugins(work / "local", lexicon_de=(
        "import followlint\n@followlint.hookimpl\ndef followlint_add_vocabulary():\n"
        "    return {'checkin': ['(wollte|will) mich [nur] [kurz] [mal] melden']}\n"))
    code, out, err = run("check", "melden.txt", "--format", "json", "--plugins-dir", "local", cwd=work)
    assert code == 1 and codes(out) == ["FL101"], out + err


TALLY = '''
import followlint
from followlint.reporters.base import Reporter

CALLS = []


class Tally(Reporter):
    name = "tally"
    description = "one line: findings per code"

    def render(self, report, out, options):
        by_code = report.summary()["by_code"]
        out.write("tally " + " ".join(f"{k}={v}" for k, v in by_code.items()) + "\\n")
        settings = CALLS[-1] if CALLS else None
        out.write(f"configured {len(CALLS)} reps={settings.reps if settings else None}\\n")


@followlint.hookimpl
def followlint_add_reporters():
    return [Tally()]


@followlint.hookimpl
def followlint_configure(settings):
    CALLS.append(settings)
'''


def test_a_plugin_reporter_is_a_format(work):
    code, out, err = run("check", "checkin.txt", "--format", "tally", cwd=work)
    assert code == 2 and "tally" in one_clear_error(err)
    local_plugins(work / "local", tally=TALLY)
    code, out, err = run("check", "checkin.txt", "--format", "tally", "--plugins-dir", "local", cwd=work)
    assert code == 1, err
    assert out.splitlines()[0] == "tally FL101=1"
    code, out, err = run("plugins", "--plugins-dir", "local", cwd=work)
    assert "tally local (local file " in out and "    reporters: tally" in out


def test_configure_is_called_once_with_the_resolved_settings(tmp_path):
    local_plugins(tmp_path / "local", tally=TALLY)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.followlint]\nplugins-dir = "local"\nreps = ["@config.example"]\n', encoding="utf-8")
    (tmp_path / "checkin.txt").write_text(CHECKIN_ONLY, encoding="utf-8")
    code, out, err = run("check", "checkin.txt", "--format", "tally", cwd=tmp_path)
    assert code == 1, err
    assert out.splitlines()[1] == "configured 1 reps=['@config.example']"
    code, out, err = run("check", "checkin.txt", "--format", "tally", "--rep", "@cli.example", cwd=tmp_path)
    assert out.splitlines()[1] == "configured 1 reps=['@cli.example']", err


NOTES = '''
import followlint
from followlint.model import Direction, Origin, Touch
from followlint.sources.base import Reader


class CallNotes(Reader):
    """A call-notes file: one outbound touch per paragraph."""

    name = "call-notes"
    suffixes = (".notes",)

    def read(self, unit, ctx):
        text = unit.read_bytes().decode("utf-8")
        line = 1
        for i, paragraph in enumerate(text.split("\\n\\n")):
            if paragraph.strip():
                yield Touch(id=f"{unit.path}#{i}", origin=Origin(unit.path, line, f"{unit.path}#{i}"),
                            text=paragraph, direction=Direction.OUTBOUND, kind="call", order=i)
            line += paragraph.count("\\n") + 2


@followlint.hookimpl
def followlint_add_readers():
    return [CallNotes()]
'''


def test_a_plugin_reader_claims_its_files(work):
    (work / "calls.notes").write_text("Left a voicemail: just checking in to see how things are going.\n", encoding="utf-8")
    def flagged(*extra):
        code, out, err = run("check", ".", "--format", "json", *extra, cwd=work)
        assert code == 1, out + err
        return {(os.path.basename(f["path"]), f["code"]) for f in json.loads(out)["findings"]}

    assert flagged() == {("checkin.txt", "FL101")}  # a folder walk skips .notes: nobody reads them
    local_plugins(work / "local", notes=NOTES)
    assert flagged("--plugins-dir", "local") == {("checkin.txt", "FL101"), ("calls.notes", "FL101")}
    code, out, err = run("plugins", "--plugins-dir", "local", cwd=work)
    assert "    readers: call-notes" in out
