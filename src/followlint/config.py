"""Settings: the config file found upward from the first path, then command-line overrides."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from .model import Severity, UsageError

CONFIG_FILES = (".followlint.toml", "followlint.toml", "pyproject.toml")
KNOWN_KEYS = {
    "select", "extend-select", "ignore", "per-file-ignores", "exclude", "reps", "fail-on",
    "severity", "rules", "plugins", "plugins-dir", "format", "now", "default-timezone", "bulk-recipients",
}
DEFAULT_EXCLUDE = [".git", ".hg", ".venv", "venv", "node_modules", "__pycache__", ".tox"]


@dataclass
class Settings:
    select: list[str] = field(default_factory=lambda: ["ALL"])
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    reps: list[str] = field(default_factory=list)
    fail_on: Severity = Severity.WARNING
    severity: dict[str, Severity] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    plugins: list[str] = field(default_factory=list)  # local plugin modules (paths)
    plugins_dir: str = ""
    blocked_plugins: list[str] = field(default_factory=list)
    now: str = ""
    format: str = ""
    default_timezone: str = "UTC"
    crm: str = ""  # --crm: the export layout to use instead of detecting it
    # a message to more people (To + Cc) than this is a broadcast, left out of the customer
    # rules like bulk mail; 0: no limit
    bulk_recipients: int = 10
    config_file: str = ""
    # Tables under [tool.followlint] that are not followlint's own keys belong to plugins
    # ([tool.followlint.phrasebook]); a table no loaded plugin reads is an error after loading.
    plugin_tables: dict[str, dict] = field(default_factory=dict)
    plugin_tables_read: set[str] = field(default_factory=set, repr=False, compare=False)

    def plugin_table(self, name: str) -> dict:
        """A plugin's own config table, empty when there is none. Relative paths in it are
        relative to ``config_file``."""
        self.plugin_tables_read.add(name)
        return dict(self.plugin_tables.get(name, {}))

    def as_dict(self) -> dict:
        return {
            "config-file": self.config_file or None,
            "select": self.select,
            "extend-select": self.extend_select,
            "ignore": self.ignore,
            "per-file-ignores": self.per_file_ignores,
            "exclude": self.exclude,
            "reps": self.reps,
            "fail-on": self.fail_on.label,
            "severity": {k: v.label for k, v in self.severity.items()},
            "rules": self.rule_options,
            "plugins": self.plugins,
            "plugins-dir": self.plugins_dir or None,
            "blocked-plugins": self.blocked_plugins,
            "now": self.now or None,
            "format": self.format or None,
            "default-timezone": self.default_timezone,
            "bulk-recipients": self.bulk_recipients,
            **self.plugin_tables,
        }


def find_config(start: str) -> str | None:
    here = os.path.abspath(start if os.path.isdir(start) else os.path.dirname(start) or ".")
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(here, name)
            if os.path.isfile(candidate):
                if name != "pyproject.toml" or _has_tool_section(candidate):
                    return candidate
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _has_tool_section(path: str) -> bool:
    import tomllib  # here and below: most runs find no config file to read

    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError:
        return False
    try:
        tool = tomllib.loads(raw.decode("utf-8")).get("tool", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        if b"tool.followlint" in raw:  # our section is there but unreadable: say so, do not skip it
            raise UsageError(f"{path}: invalid TOML: {exc}") from None
        return False
    return isinstance(tool, dict) and "followlint" in tool


def load_settings(config_path: str | None, first_path: str | None) -> Settings:
    settings = Settings()
    path = config_path or find_config(first_path or ".")
    if not path:
        return settings
    import tomllib

    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: invalid TOML: {exc}") from None
    section = "[tool.followlint]" if os.path.basename(path) == "pyproject.toml" else "top level"
    if section == "top level" and set(data) == {"tool"} and isinstance(data["tool"], dict) and "followlint" in data["tool"]:
        section = "[tool.followlint]"  # --config other.toml holding a pyproject-style section
    if section != "top level":
        data = data.get("tool", {}).get("followlint", {})
        if not isinstance(data, dict):
            raise UsageError(f"{path}: 'tool.followlint' must be a table")
    apply_table(settings, data, path, section)
    settings.config_file = path
    return settings


def apply_table(settings: Settings, data: dict, path: str, section: str) -> None:
    base = os.path.dirname(os.path.abspath(path))
    for key, value in data.items():
        where = f"{path}: {key!r} in {section}"
        if key not in KNOWN_KEYS and isinstance(value, dict):
            settings.plugin_tables[key] = value
            continue
        if key not in KNOWN_KEYS:
            raise UsageError(f"{path}: unknown key {key!r} in {section} (known keys: {', '.join(sorted(KNOWN_KEYS))})")
        if key in ("select", "extend-select", "ignore", "exclude", "reps", "plugins"):
            items = _str_list(value, where)
            if key == "plugins":
                items = [os.path.join(base, p) for p in items]
            setattr(settings, key.replace("-", "_"), items if key != "exclude" else DEFAULT_EXCLUDE + items)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise UsageError(f"{where} must be a table of glob = [codes]")
            settings.per_file_ignores = {glob: _str_list(codes, f"{where}[{glob!r}]") for glob, codes in value.items()}
        elif key == "fail-on":
            settings.fail_on = _severity(value, where)
        elif key == "severity":
            if not isinstance(value, dict):
                raise UsageError(f"{where} must be a table of CODE = \"info|warning|error\"")
            settings.severity = {code: _severity(v, f"{where}.{code}") for code, v in value.items()}
        elif key == "rules":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise UsageError(f"{where} must hold one table per rule, e.g. [tool.followlint.rules.FL101]")
            settings.rule_options = {code: dict(options) for code, options in value.items()}
        elif key == "plugins-dir":
            settings.plugins_dir = os.path.join(base, _str(value, where))
        elif key == "bulk-recipients":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise UsageError(f"{where} must be a whole number of recipients, 0 or more (0: no limit), not {value!r}")
            settings.bulk_recipients = value
        elif key in ("format", "now", "default-timezone"):
            setattr(settings, key.replace("-", "_"), _str(value, where))
            if key == "default-timezone":
                _check_zone(value, where)


def _check_zone(name: str, where: str) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(f"{where}: unknown time zone {name!r} (use an IANA name such as 'Europe/Paris' or 'UTC')") from None


def _str(value, where: str) -> str:
    if not isinstance(value, str):
        raise UsageError(f"{where} must be a string, not {type(value).__name__}")
    return value


def _str_list(value, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"{where} must be a list of strings")
    return list(value)


def _severity(value, where: str) -> Severity:
    try:
        return Severity.parse(_str(value, where))
    except ValueError as exc:
        raise UsageError(f"{where}: {exc}") from None
