"""Load plugins (built-in, entry points, local modules) and collect what each adds."""
from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from dataclasses import dataclass, field, replace

import pluggy

from . import hookspecs
from .lexicon.words import WORD_LISTS, Words, install, is_word_list, key_problem
from .model import UsageError
from .signals.kinds import BUILTIN as BUILTIN_KINDS, Kind

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
    kinds: list[str] = field(default_factory=list)


@dataclass
class Registry:
    rules: dict = field(default_factory=dict)  # code -> Rule class
    readers: list = field(default_factory=list)
    reporters: dict = field(default_factory=dict)  # name -> Reporter
    vocabularies: list = field(default_factory=list)
    kinds: dict = field(default_factory=dict)  # name -> Kind: the built-in ones and the plugins'
    words: Words | None = None  # the word lists of all vocabularies (the ones every stage reads)
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
    seen: set[str] = set()
    for path in local:
        real = os.path.realpath(path)
        if real not in seen:  # the same file from config and --plugins-dir loads once
            seen.add(real)
            _load_local(pm, path, blocked, infos)
    _check_hooks(pm)
    # Configure first: a plugin may add rules or vocabulary according to its config table.
    for impl in _in_order(pm.hook.followlint_configure):
        args = {"settings": settings}
        try:
            impl.function(*[args[name] for name in impl.argnames])
        except UsageError:
            raise  # already one clear line (a bad table in the config)
        except Exception as exc:
            raise UsageError(f"plugin {impl.plugin_name!r} failed in followlint_configure: {type(exc).__name__}: {exc}") from None
    unread = [name for name in settings.plugin_tables if name not in settings.plugin_tables_read and name not in blocked]
    if unread:
        raise UsageError(f"{settings.config_file}: unknown key {unread[0]!r}: no loaded plugin reads a table of that name")
    return _collect(pm, infos)


def _register(pm, plugin, name: str, where: str) -> None:
    """Register one plugin; a name already taken or a malformed hook is a clear error."""
    if pm.get_plugin(name) is not None:
        raise UsageError(f"plugin {name!r} ({where}): the name {name!r} is already taken by another plugin")
    try:
        pm.register(plugin, name=name)
    except pluggy.PluginValidationError as exc:
        raise UsageError(f"plugin {name!r} ({where}): {' '.join(str(exc).split())}") from None


def _check_hooks(pm) -> None:
    """A function named like a hook that is not one (a typo) would silently do nothing."""
    for name, caller in vars(pm.hook).items():
        if getattr(caller, "spec", True) is None:
            impls = [i for i in caller.get_hookimpls() if not i.optionalhook]
            if impls:
                known = ", ".join(n for n in dir(hookspecs) if n.startswith("followlint_"))
                raise UsageError(f"plugin {impls[0].plugin_name!r} implements unknown hook {name!r} (hooks: {known})")


def _load_entry_points(pm, blocked: set[str], infos: dict[str, PluginInfo]) -> None:
    from importlib.metadata import entry_points

    for ep in entry_points(group="followlint"):
        if ep.name in blocked:
            continue
        try:
            plugin = ep.load()
        except (Exception, SystemExit) as exc:  # a broken plugin is one clear error, not a traceback
            raise UsageError(f"plugin {ep.name!r} ({ep.value}) failed to load: {type(exc).__name__}: {exc}"
                             f" (turn it off with -p no:{ep.name})") from None
        dist = getattr(ep, "dist", None)
        name, version = _name_and_version(dist) if dist else ("?", "?")
        _register(pm, plugin, ep.name, f"entry point of {name if dist else ep.value}")
        infos[ep.name] = PluginInfo(ep.name, version, f"entry point of {name}")


def _name_and_version(dist) -> tuple[str, str]:
    """A distribution's Name and Version, read from the head of its metadata file (what
    ``dist.metadata`` gives, without parsing the whole file with email's parser: 1.3 ms of a
    one-draft check, two plugins installed)."""
    found: dict[str, str] = {}
    text = dist.read_text("METADATA") or dist.read_text("PKG-INFO") or ""
    for line in text.splitlines():
        if not line:
            break  # the headers end; the description follows
        field, colon, value = line.partition(":")
        if colon and field.lower() in ("name", "version"):
            found.setdefault(field.lower(), value.strip())
    return found.get("name") or "?", found.get("version") or "?"


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
    except (Exception, SystemExit) as exc:  # one clear error, not a traceback or a silent exit
        sys.modules.pop(spec.name, None)
        raise UsageError(f"plugin {name!r} ({path}) failed to load: {type(exc).__name__}: {exc}") from None
    _register(pm, module, name, f"local file {path}")
    infos[name] = PluginInfo(name, getattr(module, "__version__", "local"), f"local file {path}")


def _in_order(hook) -> list:
    """A hook's implementations in registration order (built-ins, entry points, local modules),
    ``tryfirst`` ones first and ``trylast`` ones last. (pluggy itself calls the last registered
    first; followlint calls each implementation on its own to attribute what it adds.)"""
    impls = hook.get_hookimpls()
    for impl in impls:
        if impl.hookwrapper or getattr(impl, "wrapper", False):
            raise UsageError(f"plugin {impl.plugin_name!r}: {hook.name} cannot be a hook wrapper")
    tryfirst = [i for i in impls if i.tryfirst]
    trylast = [i for i in impls if i.trylast][::-1]  # pluggy inserts each new trylast at the front
    return tryfirst + [i for i in impls if not (i.tryfirst or i.trylast)] + trylast


def _collect(pm, infos: dict[str, PluginInfo]) -> Registry:
    """Call each plugin's hooks one by one, so every contribution is attributed to its plugin."""
    from .rules.base import Rule

    registry = Registry(manager=pm)
    hooks = pm.hook

    def each(hook):
        for impl in _in_order(hook):
            try:
                result = impl.function()
            except Exception as exc:
                raise UsageError(f"plugin {impl.plugin_name!r} failed in {hook.name}: {type(exc).__name__}: {exc}") from None
            info = infos.setdefault(impl.plugin_name, PluginInfo(impl.plugin_name, "?", "registered"))
            if result is None:
                continue
            if hook.name != "followlint_add_vocabulary" and not isinstance(result, (list, tuple)):
                raise UsageError(f"plugin {info.name!r}: {hook.name} must return a list, not {type(result).__name__}")
            yield info, result

    def bad(info, what: str) -> UsageError:
        return UsageError(f"plugin {info.name!r} {what}")

    rule_owner: dict[str, str] = {}  # code or name -> plugin
    for info, rules in each(hooks.followlint_add_rules):
        for rule in rules:
            if not (isinstance(rule, type) and issubclass(rule, Rule)):
                raise bad(info, f"adds {rule!r} as a rule: a rule is a subclass of followlint.rules.base.Rule")
            code, name = getattr(rule, "code", None), getattr(rule, "name", None)
            if not isinstance(code, str) or not code or not isinstance(name, str) or not name:
                raise bad(info, f"adds rule {rule.__name__} without a code and a name")
            for key, label in ((code, "code"), (name, "name")):
                if key in rule_owner:
                    raise bad(info, f"adds rule {code} ({name}), whose {label} {key!r} plugin {rule_owner[key]!r} already uses")
            registry.rules[code] = rule
            rule_owner[code] = rule_owner[name] = info.name
            info.rules.append(code)
    def named(hook, what: str, note: str = ""):
        """(plugin, name, object) for each named reader or reporter; a missing or taken name is an error."""
        owners: dict[str, str] = {}
        for info, items in each(hook):
            for item in items:
                name = getattr(item, "name", None)
                if not isinstance(name, str) or not name:
                    raise bad(info, f"adds a {what} without a name: {item!r}")
                if name in owners:
                    raise bad(info, f"adds {what} {name!r}{note}, which plugin {owners[name]!r} already adds")
                owners[name] = info.name
                yield info, name, item

    for info, name, reader in named(hooks.followlint_add_readers, "reader"):
        registry.readers.append(reader)
        info.readers.append(name)
    for info, name, reporter in named(hooks.followlint_add_reporters, "reporter", " (a --format value)"):
        registry.reporters[name] = reporter
        info.reporters.append(name)
    registry.kinds = {kind.name: kind for kind in BUILTIN_KINDS}
    for info, kinds in each(hooks.followlint_add_kinds):
        for kind in kinds:
            _add_kind(registry, info, kind)
    added = []
    for info, vocabulary in each(hooks.followlint_add_vocabulary):
        _check_shape(info, vocabulary)
        added.append((info, vocabulary))
    registry.vocabularies = [vocabulary for _, vocabulary in added]
    registry.words = Words(registry.vocabularies)
    compiled = _compiled_before(added, registry.words)
    for info, vocabulary in added:
        _check_vocabulary(info, vocabulary, registry.kinds, compiled)
        info.vocabulary.extend(sorted({k.partition("/")[0] for k in vocabulary}))
    for code, rule in registry.rules.items():
        _check_reads(rule, rule_owner[code], registry.kinds)
    install(registry.words)  # what the stages that do not see the registry read (subjects, dates...)
    registry.plugins = list(infos.values())
    return registry


def _add_kind(registry: Registry, info: PluginInfo, kind) -> None:
    if not isinstance(kind, Kind):
        raise UsageError(f"plugin {info.name!r} adds {kind!r} as a signal kind: a kind is a followlint.signals.kinds.Kind")
    if kind.name in registry.kinds:
        raise UsageError(f"plugin {info.name!r} adds signal kind {kind.name!r}, which {registry.kinds[kind.name].plugin!r} already declares")
    if kind.name in WORD_LISTS:
        raise UsageError(f"plugin {info.name!r} adds signal kind {kind.name!r}, the name of a word list")
    registry.kinds[kind.name] = replace(kind, plugin=info.name)
    info.kinds.append(kind.name)


def _check_reads(rule, plugin: str, kinds: dict) -> None:
    """A rule reads declared kinds only: a typo, or a kind whose plugin is off, is one clear line."""
    reads = getattr(rule, "reads", ())
    if not isinstance(reads, tuple) or not all(isinstance(k, str) for k in reads):
        raise UsageError(f"rule {rule.code} (plugin {plugin!r}): reads must be a tuple of signal kinds, not {reads!r}")
    for kind in reads:
        if kind.partition("/")[0] not in kinds:
            raise UsageError(f"rule {rule.code} (plugin {plugin!r}) reads signal kind {kind!r}, which no loaded plugin produces")


def _check_shape(info: PluginInfo, vocabulary) -> None:
    """A vocabulary is {kind or word list: [string, ...]}."""
    if not isinstance(vocabulary, dict) or not all(
        isinstance(k, str) and k and isinstance(v, (list, tuple)) and all(isinstance(p, str) for p in v)
        for k, v in vocabulary.items()
    ):
        raise UsageError(f"plugin {info.name!r}: followlint_add_vocabulary must return a dict of kind -> list of phrases")


def _compiled_before(added: list[tuple[PluginInfo, dict]], words: Words) -> bool:
    """Is the phrase index of exactly these vocabularies cached? It was compiled from them."""
    from .signals.cache import is_cached

    return any(info.origin != "builtin" for info, _ in added) and is_cached([v for _, v in added], words)


def _check_vocabulary(info: PluginInfo, vocabulary: dict, kinds: dict, compiled: bool) -> None:
    """A plugin's phrases are compiled here, so a bad one is reported against its plugin (the
    built-in lexicon is checked by its own tests), unless ``compiled`` (see ``_compiled_before``);
    every key must name a known kind or word list."""
    if info.origin != "builtin" and not compiled:
        from .signals.phrases import expand

        for kind, phrases in vocabulary.items():
            if is_word_list(kind):
                continue
            for phrase in phrases:
                try:
                    expand(phrase)
                except ValueError as exc:
                    raise UsageError(f"plugin {info.name!r}: vocabulary {kind!r}: {exc}") from None
    for key in vocabulary:
        if is_word_list(key):
            problem = key_problem(key)
            if problem:
                raise UsageError(f"plugin {info.name!r}: vocabulary {problem}")
        elif key.partition("/")[0] not in kinds:
            raise UsageError(f"plugin {info.name!r}: vocabulary names unknown signal kind {key.partition('/')[0]!r}"
                             " (declare it with followlint_add_kinds, or see followlint.signals.kinds)")
