"""Load plugins (built-in, entry points, local modules) and collect what each adds."""
from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from dataclasses import dataclass, field

import pluggy

from . import hookspecs
from .model import UsageError

BUILTIN_PLUGINS = (
    ("builtin-readers", "followlint.builtin.readers"),
    ("builtin-rules", "followlint.builtin.rules"),
    ("builtin-reporters", "followlint.builtin.reporters"),
    ("lexicon-en", "followlint.lexicon.en"),
)
AUTOLOAD_OFF = "FOLLOWLINT_DISABLE_PLUGIN_AUTOLOAD"


@dataclass
class PluginInfo:
    name: str
    version: str
    origin: str  # builtin | entry point "pkg" | local file
    rules: list[str] = field(default_factory=list)
    readers: list[str] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)
    vocabulary: list[str] = field(default_factory=list)


@dataclass
class Registry:
    rules: dict = field(default_factory=dict)  # code -> Rule class
    readers: list = field(default_factory=list)
    reporters: dict = field(default_factory=dict)  # name -> Reporter
    vocabularies: list = field(default_factory=list)
    plugins: list[PluginInfo] = field(default_factory=list)
    manager: pluggy.PluginManager | None = None

    def rule_by_name(self, name: str):
        return next((r for r in self.rules.values() if r.name == name), None)


def load(settings) -> Registry:
    pm = pluggy.PluginManager("followlint")
    pm.add_hookspecs(hookspecs)
    blocked = set(settings.blocked_plugins)
    for name in blocked:
        pm.set_blocked(name)
    infos: dict[str, PluginInfo] = {}
    from . import __version__

    for name, module in BUILTIN_PLUGINS:
        if name not in blocked:
            pm.register(importlib.import_module(module), name=name)
            infos[name] = PluginInfo(name, __version__, "builtin")
    if not os.environ.get(AUTOLOAD_OFF):
        _load_entry_points(pm, blocked, infos)
    local = list(settings.plugins)
    if settings.plugins_dir:
        local.extend(_plugin_files(settings.plugins_dir))
    for path in local:
        _load_local(pm, path, blocked, infos)
    registry = _collect(pm, infos)
    pm.hook.followlint_configure(settings=settings)
    return registry


def _load_entry_points(pm, blocked: set[str], infos: dict[str, PluginInfo]) -> None:
    from importlib.metadata import entry_points

    for ep in entry_points(group="followlint"):
        if ep.name in blocked or pm.get_plugin(ep.name) is not None:
            continue
        try:
            plugin = ep.load()
        except Exception as exc:  # a broken plugin is one clear error, not a traceback
            raise UsageError(f"plugin {ep.name!r} ({ep.value}) failed to load: {type(exc).__name__}: {exc}") from None
        pm.register(plugin, name=ep.name)
        dist = getattr(ep, "dist", None)
        infos[ep.name] = PluginInfo(ep.name, dist.version if dist else "?", f"entry point of {dist.name if dist else '?'}")


def _plugin_files(folder: str) -> list[str]:
    if not os.path.isdir(folder):
        raise UsageError(f"plugins folder {folder!r} does not exist")
    return [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.endswith(".py") and not n.startswith("_")]


def _load_local(pm, path: str, blocked: set[str], infos: dict[str, PluginInfo]) -> None:
    name = os.path.splitext(os.path.basename(path))[0]
    if name in blocked:
        return
    if not os.path.isfile(path):
        raise UsageError(f"plugin {name!r}: no such file {path!r}")
    spec = importlib.util.spec_from_file_location(f"followlint_local_{name}", path)
    module = importlib.util.module_from_spec(spec)
    try:
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    except Exception as exc:
        sys.modules.pop(spec.name, None)
        raise UsageError(f"plugin {name!r} ({path}) failed to load: {type(exc).__name__}: {exc}") from None
    pm.register(module, name=name)
    infos[name] = PluginInfo(name, getattr(module, "__version__", "local"), f"local file {path}")


def _collect(pm, infos: dict[str, PluginInfo]) -> Registry:
    """Call each plugin's hooks one by one, so every contribution is attributed to its plugin."""
    registry = Registry(manager=pm)
    hooks = pm.hook

    def each(hook):
        for impl in reversed(hook.get_hookimpls()):  # registration order
            try:
                result = impl.function()
            except Exception as exc:
                raise UsageError(f"plugin {impl.plugin_name!r} failed in {hook.name}: {type(exc).__name__}: {exc}") from None
            yield infos.setdefault(impl.plugin_name, PluginInfo(impl.plugin_name, "?", "registered")), result or []

    owners: dict[str, str] = {}
    for info, rules in each(hooks.followlint_add_rules):
        for rule in rules:
            if rule.code in registry.rules or registry.rule_by_name(rule.name):
                other = owners.get(rule.code) or "another plugin"
                raise UsageError(f"plugin {info.name!r} adds rule {rule.code} ({rule.name}), which {other!r} already defines")
            registry.rules[rule.code] = rule
            owners[rule.code] = info.name
            info.rules.append(rule.code)
    for info, readers in each(hooks.followlint_add_readers):
        for reader in readers:
            registry.readers.append(reader)
            info.readers.append(reader.name)
    for info, reporters in each(hooks.followlint_add_reporters):
        for reporter in reporters:
            registry.reporters[reporter.name] = reporter
            info.reporters.append(reporter.name)
    for info, vocabulary in each(hooks.followlint_add_vocabulary):
        registry.vocabularies.append(vocabulary)
        info.vocabulary.extend(sorted({k.partition("/")[0] for k in vocabulary}))
    registry.plugins = list(infos.values())
    return registry
