"""The command line: check, inspect, rules, rule, plugins.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage, config or
input error. Heavy modules are imported inside the commands so start-up stays quick.
"""
# No "from __future__ import annotations" here: Typer would then evaluate every parameter's
# annotation from its text on each start (some 3 ms of the start-up).
import os
import sys
from typing import List, Optional

import typer

app = typer.Typer(
    name="followlint",
    help="A linter for sales and customer-care follow-ups.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: no type labels on flags, "[[account]]" shown as written
)

CRM_HELP = "Read CSV/JSON exports as this CRM's: hubspot, salesforce, pipedrive, zoho, generic (default: detected)."
FORMATS_HELP = "Output format: text, json, sarif, github, junit, html (or a plugin's)."

# Options that mean the same in several commands, defined once. check and inspect take the same
# inputs (PATHS, STDIN_FILENAME and the options that decide how they are read).
# Arguments are described in the command's help text (``_with_arguments``), not by Typer, whose
# plain help labels them with Python types ("PATH <list[str]>").
PATHS = typer.Argument(None, metavar="PATH", show_default=False, hidden=True)
PATHS_HELP = ("PATH", "Drafts, templates, .eml, .mbox, maildirs, CRM exports, directories; '-' reads stdin.")
STDIN_FILENAME = typer.Option(None, "--stdin-filename", metavar="NAME", help="Name (and type) of what comes on stdin.")
REP = typer.Option(None, "--rep", metavar="ADDRESS|@DOMAIN", help="Our side (repeatable).")
NOW = typer.Option(None, "--now", metavar="DATETIME",
                   help="Reference time for time-based rules and undated drafts (ISO 8601); default: now.")
CONFIG = typer.Option(None, "--config", metavar="FILE", help="Config file (default: found upward from the first path).")
CRM = typer.Option(None, "--crm", metavar="NAME", help=CRM_HELP)
PLUGINS_DIR = typer.Option(None, "--plugins-dir", metavar="DIR", help="Folder of local plugin modules.")
PLUGIN = typer.Option(None, "-p", "--plugin", metavar="no:NAME", help="Turn a plugin off (repeatable).")
OUTPUT_FORMAT = typer.Option(None, "--format", metavar="FORMAT", envvar="FOLLOWLINT_FORMAT", help=FORMATS_HELP)
OUTPUT = typer.Option(None, "-o", "--output", metavar="FILE", help="Write the report to this file.")
SELECT = typer.Option(None, "--select", metavar="RULES", help="Rules to run (codes, prefixes or names; comma-separated).")
EXTEND_SELECT = typer.Option(None, "--extend-select", metavar="RULES", help="Rules to add to the selection.")
IGNORE = typer.Option(None, "--ignore", metavar="RULES", help="Rules to skip.")
FAIL_ON = typer.Option(None, "--fail-on", metavar="SEVERITY",
                       help="Lowest severity that makes the exit code 1: info, warning (default), error.")
EXIT_ZERO = typer.Option(False, "--exit-zero", help="Exit 0 even when there are findings.")
STATISTICS = typer.Option(False, "--statistics", help="Count findings per rule.")
QUIET = typer.Option(False, "-q", "--quiet", help="Only the finding lines: no progress, no summary.")
COLOR = typer.Option(None, "--color/--no-color", show_default=False, help="Colour (default: on a terminal).")


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        from . import __version__

        try:
            number = version("followlint")
        except PackageNotFoundError:  # run from a source tree that is not installed
            number = __version__
        typer.echo(f"followlint {number}")
        raise typer.Exit(0)


@app.callback()
def _main(
    show_version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                      help="Print the version and exit."),
) -> None:
    """A linter for sales and customer-care follow-ups."""


def _fail(message: str) -> None:
    typer.echo(f"followlint: error: {message}", err=True)
    raise typer.Exit(2)


def _split(values: Optional[List[str]]) -> list[str]:
    out = []
    for value in values or []:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return out


def _settings(config, first_path, *, select=None, extend_select=None, ignore=None, reps=None,
              fail_on=None, now=None, plugins_dir=None, plugin_flags=None, fmt=None, crm=None):
    from .config import load_settings
    from .model import Severity

    settings = load_settings(config, first_path)
    if select:
        settings.select = _split(select)
    if extend_select:
        settings.extend_select += _split(extend_select)
    if ignore:
        settings.ignore += _split(ignore)
    if reps:
        settings.reps = _split(reps)
    for rep in settings.reps:
        local, at, domain = rep.rpartition("@")
        if not at or not domain or "@" in local or any(ch.isspace() for ch in rep):
            where = "--rep" if reps else f"{settings.config_file}: 'reps'"
            _fail(f"{where} takes an ADDRESS (rep@acme.example) or an @DOMAIN (@acme.example), not {rep!r}")
    if fail_on:
        try:
            settings.fail_on = Severity.parse(fail_on)
        except ValueError as exc:
            _fail(f"--fail-on: {exc}")
    if now:
        settings.now = now
    if plugins_dir:
        settings.plugins_dir = plugins_dir
    if fmt:
        settings.format = fmt
    if crm:
        settings.crm = crm.lower()
    for flag in plugin_flags or []:
        if not flag.startswith("no:"):
            _fail(f"-p/--plugin takes no:NAME to turn a plugin off, not {flag!r}")
        settings.blocked_plugins.append(flag[3:])
    return settings


def _with_arguments(*rows: tuple[str, str]):
    """Add an Arguments section to a command's help, a row per (NAME, what it is)."""
    import inspect
    import textwrap

    def decorate(func):
        width = max(len(name) for name, _ in rows) + 4
        lines = [textwrap.fill(text, 76, initial_indent=f"  {name.ljust(width - 4)}  ",
                               subsequent_indent=" " * width) for name, text in rows]
        func.__doc__ = inspect.cleandoc(func.__doc__ or "") + "\n\n\b\nArguments:\n" + "\n".join(lines)
        return func
    return decorate


def _guard(func):
    """Turn usage and config errors into one line and exit code 2."""
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from .collector import begun
        from .model import UsageError

        begun()
        try:
            return func(*args, **kwargs)
        except UsageError as exc:
            _fail(str(exc))

    return wrapper


def _inputs(paths: Optional[List[str]], stdin_filename: Optional[str], needed: bool = True) -> tuple[list[str], Optional[str]]:
    """The paths to read ('-' for stdin; --stdin-filename alone means stdin), and the path the
    config file is looked for from."""
    paths = list(paths or [])
    if not paths and stdin_filename and needed:
        paths = ["-"]  # --stdin-filename alone: the draft comes on stdin
    if not paths and needed:
        _fail("give at least one path, or '-' for stdin")
    first = next((p for p in paths if p != "-"), None) or stdin_filename
    return paths, first


def _read_stdin(paths: list[str], stdin_filename: Optional[str]) -> tuple[list[str], Optional[tuple[str, bytes]]]:
    """The paths without '-', and what came on stdin (name, bytes) when '-' was among them."""
    if "-" not in paths:
        return paths, None
    return [p for p in paths if p != "-"], (stdin_filename or "stdin.txt", sys.stdin.buffer.read())


@app.command()
@_with_arguments(PATHS_HELP)
@_guard
def check(
    ctx: typer.Context,
    paths: Optional[List[str]] = PATHS,
    output_format: Optional[str] = OUTPUT_FORMAT,
    output: Optional[str] = OUTPUT,
    select: Optional[List[str]] = SELECT,
    extend_select: Optional[List[str]] = EXTEND_SELECT,
    ignore: Optional[List[str]] = IGNORE,
    fail_on: Optional[str] = FAIL_ON,
    exit_zero: bool = EXIT_ZERO,
    rep: Optional[List[str]] = REP,
    now: Optional[str] = NOW,
    config: Optional[str] = CONFIG,
    statistics: bool = STATISTICS,
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, metavar="N", help="Worker processes (default 0: one per CPU, used when there is more than one file or a big mailbox)."),
    quiet: bool = QUIET,
    stdin_filename: Optional[str] = STDIN_FILENAME,
    show_settings: bool = typer.Option(False, "--show-settings", help="Print the resolved settings and exit."),
    plugins_dir: Optional[str] = PLUGINS_DIR,
    plugin: Optional[List[str]] = PLUGIN,
    color: Optional[bool] = COLOR,
    crm: Optional[str] = CRM,
    baseline: Optional[str] = typer.Option(
        None, "--baseline", metavar="FILE",
        help="Report only findings not recorded in this baseline (JSON). Baselined findings that are "
             "gone from the checked files are counted on stderr."),
    update_baseline: bool = typer.Option(
        False, "--update-baseline",
        help="Record this run's findings in the --baseline FILE (created if missing). Entries of files "
             "and rules this run did not check are kept."),
    html: Optional[str] = typer.Option(None, "--html", metavar="FILE", help="Also write a self-contained HTML report to this file."),
):
    """Lint follow-ups and report findings."""
    from .collector import paused

    with paused():  # start-up: the modules, plugins and phrase index it makes last as long as the run
        from .engine import Linter, exit_code
        from .runner import run

        paths, first = _inputs(paths, stdin_filename, needed=not show_settings)
        settings = _settings(config, first, select=select, extend_select=extend_select, ignore=ignore,
                             reps=rep, fail_on=fail_on, now=now, plugins_dir=plugins_dir,
                             plugin_flags=plugin, fmt=output_format, crm=crm)
        if show_settings:
            import json

            typer.echo(json.dumps(settings.as_dict(), indent=2))
            raise typer.Exit(0)
        registry, reporter = _load_for_report(settings, _format_origin(ctx, settings))
        baselined = _baseline(baseline, update_baseline)
        linter = Linter(settings, registry)
    paths, stdin = _read_stdin(paths, stdin_filename)
    report = run(linter, paths, stdin, jobs, show_progress=not quiet)
    for line in baselined.finish(report, paths, stdin and stdin[0], quiet) if baselined else ():
        typer.echo(line, err=True)
    _print_notes(report)
    _emit(reporter, report, output, color, statistics, quiet)
    if html:
        _write_html(report, html)
    raise typer.Exit(exit_code(report, settings.fail_on, exit_zero))


def _format_origin(ctx: typer.Context, settings) -> str:
    """Where the output format came from, for an error about it."""
    source = getattr(ctx.get_parameter_source("output_format"), "name", "")  # Typer bundles its own click
    if source == "ENVIRONMENT":
        return "FOLLOWLINT_FORMAT"
    if source == "COMMANDLINE" or not settings.config_file:
        return "--format"
    return f"{settings.config_file}: 'format'"


def _baseline(file, update):
    """The --baseline of this run (read now: a missing or broken file stops it), or None."""
    if update and not file:
        _fail("--update-baseline needs --baseline FILE (the file to write)")
    if not file:
        return None
    from .baseline import BaselineRun

    return BaselineRun(file, update)


def _load_for_report(settings, origin: str = "--format"):
    """The plugins and the reporter of the output format (given by ``origin``); an unknown
    format or a rule code the config names that no rule has stops the run here, before any
    input is read."""
    from . import plugins
    from .selection import check_rule_tables

    registry = plugins.load(settings)
    fmt = settings.format or "text"
    if fmt not in registry.reporters:
        _fail(f"{origin}: unknown output format {fmt!r} (known: {', '.join(sorted(registry.reporters))})")
    check_rule_tables(settings, registry.rules.values())
    return registry, registry.reporters[fmt]


def _print_notes(report) -> None:
    """Warnings and input errors, one line each, on stderr."""
    for warning in report.warnings:
        typer.echo(f"followlint: warning: {warning}", err=True)
    for problem in report.problems:
        typer.echo(problem.line(), err=True)


def _emit(reporter, report, output, color, statistics, quiet) -> None:
    from .reporters.base import RenderOptions

    if output:
        try:
            with open(output, "w", encoding="utf-8") as handle:
                reporter.render(report, handle, RenderOptions(color=False, statistics=statistics, quiet=quiet))
        except OSError as exc:
            _fail(f"cannot write {output}: {exc.strerror or exc}")
        return
    use_color = color if color is not None else (sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    reporter.render(report, sys.stdout, RenderOptions(color=use_color, statistics=statistics, quiet=quiet))


def _write_html(report, path, history=None) -> None:
    from .reporters.html import write_html

    try:
        write_html(report, path, history)
    except OSError as exc:
        _fail(f"cannot write the HTML report {path}: {exc.strerror or exc}")


OAUTH_PANEL = "OAuth2 login (instead of a password)"


@app.command()
@_with_arguments(("HOST", "IMAP server (or give the accounts with --team)."))
@_guard
def audit(
    ctx: typer.Context,
    host: Optional[str] = typer.Argument(None, metavar="HOST", show_default=False, hidden=True),
    port: Optional[int] = typer.Option(None, "--port", min=1, max=65535, metavar="PORT", help="Port (default 993; 143 with --starttls)."),
    user: Optional[str] = typer.Option(None, "--user", metavar="LOGIN", help="Login name (its address is our side)."),
    password_env: Optional[str] = typer.Option(None, "--password-env", metavar="NAME", help="Environment variable that holds the password."),
    password_file: Optional[str] = typer.Option(None, "--password-file", metavar="FILE", help="File whose first line is the password."),
    password: Optional[str] = typer.Option(None, "--password", hidden=True),
    starttls: bool = typer.Option(False, "--starttls", help="Plain connection upgraded with STARTTLS (default: implicit TLS)."),
    ca_file: Optional[str] = typer.Option(None, "--ca-file", metavar="FILE", help="Trust the certificates in this PEM file."),
    insecure: bool = typer.Option(False, "--insecure", help="Do not verify the server's certificate."),
    sent_folder: Optional[str] = typer.Option(None, "--sent-folder", metavar="NAME", help="The Sent folder (default: the one flagged \\Sent)."),
    token_command: Optional[str] = typer.Option(None, "--token-command", metavar="COMMAND", rich_help_panel=OAUTH_PANEL, help="Log in with OAuth2: a command (run without a shell) that prints an access token."),
    refresh_token_file: Optional[str] = typer.Option(None, "--refresh-token-file", metavar="FILE", rich_help_panel=OAUTH_PANEL, help="Log in with OAuth2: a file whose first line is a refresh token (needs --token-url)."),
    google_service_account: Optional[str] = typer.Option(None, "--google-service-account", metavar="FILE", rich_help_panel=OAUTH_PANEL, help="Log in with OAuth2: a Google service account's JSON key with domain-wide delegation."),
    entra_tenant: Optional[str] = typer.Option(None, "--entra-tenant", metavar="TENANT", rich_help_panel=OAUTH_PANEL, help="Log in with OAuth2: a Microsoft Entra app of this tenant (client credentials)."),
    token_url: Optional[str] = typer.Option(None, "--token-url", metavar="URL", rich_help_panel=OAUTH_PANEL, help="The token endpoint for --refresh-token-file (or instead of a service account's)."),
    entra_authority: Optional[str] = typer.Option(None, "--entra-authority", metavar="URL", rich_help_panel=OAUTH_PANEL, help="Entra authority (default: https://login.microsoftonline.com/TENANT)."),
    scope: Optional[str] = typer.Option(None, "--scope", metavar="SCOPES", rich_help_panel=OAUTH_PANEL, help="Scopes to ask with a refresh token (default: those granted)."),
    client_id_env: Optional[str] = typer.Option(None, "--client-id-env", metavar="NAME", rich_help_panel=OAUTH_PANEL, help="Environment variable that holds the OAuth2 client id."),
    client_secret_env: Optional[str] = typer.Option(None, "--client-secret-env", metavar="NAME", rich_help_panel=OAUTH_PANEL, help="Environment variable that holds the OAuth2 client secret."),
    client_file: Optional[str] = typer.Option(None, "--client-file", metavar="FILE", rich_help_panel=OAUTH_PANEL, help="JSON file with client_id and client_secret."),
    oauth_mechanism: Optional[str] = typer.Option(None, "--oauth-mechanism", metavar="MECH", rich_help_panel=OAUTH_PANEL, help="SASL mechanism: xoauth2 (default) or oauthbearer."),
    team: Optional[str] = typer.Option(None, "--team", metavar="FILE", help="TOML file listing the accounts ([[account]] tables)."),
    state: Optional[str] = typer.Option(None, "--state", metavar="FILE|URL", help="State file (default: $XDG_STATE_HOME/followlint/audit.sqlite), or a postgresql:// URL shared by several machines (the password from PGPASSWORD or ~/.pgpass)."),
    batch_size: int = typer.Option(500, "--batch-size", min=1, metavar="N", help="Messages per FETCH; the state is saved after each batch."),
    keep_days: int = typer.Option(30, "--keep-days", min=1, metavar="DAYS", help="Re-lint conversations active in the last N days on each run."),
    timeout: float = typer.Option(60.0, "--timeout", min=1, metavar="SECONDS", help="Seconds to wait for the server."),
    cluster: Optional[str] = typer.Option(None, "--cluster", metavar="tcp://HOST:PORT|local", help="Run one task per account on a Dask cluster (local: a LocalCluster on this machine)."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, metavar="N", help="With --cluster local: worker processes (default: one per CPU)."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, metavar="N", help="Worker processes for a big account's parsing and linting (default 0: one per CPU; not with --cluster)."),
    split: int = typer.Option(5000, "--split", min=1, metavar="N", help="With --cluster: an account with more than N new messages is fetched and linted in parts, threads kept whole."),
    output_format: Optional[str] = OUTPUT_FORMAT,
    output: Optional[str] = OUTPUT,
    html: Optional[str] = typer.Option(None, "--html", metavar="FILE", help="Also write the manager's HTML report."),
    select: Optional[List[str]] = SELECT,
    extend_select: Optional[List[str]] = EXTEND_SELECT,
    ignore: Optional[List[str]] = IGNORE,
    fail_on: Optional[str] = FAIL_ON,
    exit_zero: bool = EXIT_ZERO,
    rep: Optional[List[str]] = typer.Option(None, "--rep", metavar="ADDRESS|@DOMAIN", help="Our side (repeatable; default: the mailbox owner)."),
    now: Optional[str] = NOW,
    config: Optional[str] = typer.Option(None, "--config", metavar="FILE", help="Config file (default: found upward from the current folder)."),
    statistics: bool = STATISTICS,
    quiet: bool = QUIET,
    plugins_dir: Optional[str] = PLUGINS_DIR,
    plugin: Optional[List[str]] = PLUGIN,
    color: Optional[bool] = COLOR,
):
    """Audit IMAP mailboxes (Sent and INBOX, read-only), fetching only what is new since the last run."""
    from .audit.accounts import Account, team_accounts
    from .audit.oauth import settings_from
    from .audit.run import AuditOptions, audit as run_audit
    from .audit.state import State, default_path
    from .engine import Linter, exit_code

    if password is not None:
        _fail("passwords are never taken on the command line (they would show in the process list and "
              "shell history): use --password-env NAME, --password-file FILE, or type it at the prompt")
    oauth = settings_from({"token-command": token_command, "refresh-token-file": refresh_token_file,
                           "google-service-account": google_service_account, "entra-tenant": entra_tenant,
                           "token-url": token_url, "entra-authority": entra_authority, "scope": scope,
                           "client-id-env": client_id_env, "client-secret-env": client_secret_env,
                           "client-file": client_file, "oauth-mechanism": oauth_mechanism}, "audit", os.getcwd())
    if oauth and (password_env or password_file):
        _fail("give a password (--password-env, --password-file) or an OAuth2 token source, not both")
    given = Account(host=host or "", user=user or "", port=port or 0, password_env=password_env or "",
                    password_file=password_file or "", starttls=starttls, ca_file=ca_file or "",
                    insecure=insecure, sent_folder=sent_folder or "", oauth=oauth)
    if team:
        accounts = team_accounts(team, given)
    elif not host or not user:
        _fail("give the IMAP HOST and --user (or the accounts with --team FILE)")
    else:
        accounts = [given]
    settings = _settings(config, None, select=select, extend_select=extend_select, ignore=ignore,
                         reps=rep, fail_on=fail_on, now=now, plugins_dir=plugins_dir,
                         plugin_flags=plugin, fmt=output_format)
    registry, reporter = _load_for_report(settings, _format_origin(ctx, settings))
    linter = Linter(settings, registry)  # its phrase index decoded whole once an account brings much to lint
    options = AuditOptions(batch_size=batch_size, keep_days=keep_days, timeout=timeout,
                           progress=sys.stderr.isatty() and not quiet, jobs=jobs or os.cpu_count() or 1)
    if jobs and cluster:
        _fail("--jobs is for an audit on this machine (with --cluster, each worker audits its own accounts)")
    if workers and cluster != "local":
        _fail("--workers is for --cluster local (a remote cluster has the workers it was started with)")
    store = State(state or default_path())
    try:
        if cluster:
            from .audit import cluster as on_cluster

            with on_cluster.connect(cluster, workers) as client:
                report = on_cluster.audit(linter, accounts, store, options, client, split)
        else:
            report = run_audit(linter, accounts, store, options)
        report.history = store.history()
    finally:
        store.close()
    _print_notes(report)
    if not quiet:
        for line in report.lines:
            typer.echo(f"followlint: audit: {line}", err=True)
    _emit(reporter, report, output, color, statistics, quiet)
    if html:
        _write_html(report, html, report.history)
    raise typer.Exit(exit_code(report, settings.fail_on, exit_zero))


@app.command()
@_with_arguments(PATHS_HELP)
@_guard
def inspect(
    paths: Optional[List[str]] = PATHS,
    output_format: str = typer.Option("text", "--format", metavar="FORMAT", help="text or json."),
    rep: Optional[List[str]] = REP,
    now: Optional[str] = NOW,
    config: Optional[str] = CONFIG,
    stdin_filename: Optional[str] = STDIN_FILENAME,
    plugins_dir: Optional[str] = PLUGINS_DIR,
    plugin: Optional[List[str]] = PLUGIN,
    crm: Optional[str] = CRM,
):
    """Show the rebuilt conversations: touches, directions, times, signals with their spans, and
    the timeline state (the customer's items, commitments and agreed times with due dates).
    Reads the same inputs as check."""
    from . import plugins
    from .engine import Linter
    from .inspection import inspect_units

    if output_format not in ("text", "json"):
        _fail("inspect --format takes text or json")
    paths, first = _inputs(paths, stdin_filename)
    settings = _settings(config, first, reps=rep, now=now, plugins_dir=plugins_dir, plugin_flags=plugin, crm=crm)
    linter = Linter(settings, plugins.load(settings))
    paths, stdin = _read_stdin(paths, stdin_filename)
    problems = inspect_units(linter, paths, output_format, sys.stdout, stdin)
    for problem in problems:
        typer.echo(problem.line(), err=True)
    raise typer.Exit(2 if problems else 0)


@app.command("rules")
@_guard
def list_rules(
    output_format: str = typer.Option("text", "--format", metavar="FORMAT", help="text or json."),
    config: Optional[str] = typer.Option(None, "--config", metavar="FILE", help="Config file."),
):
    """List the rules."""
    import json

    from . import plugins

    if output_format not in ("text", "json"):
        _fail("rules --format takes text or json")
    registry = plugins.load(_settings(config, None))
    rules = sorted(registry.rules.values(), key=lambda r: r.code)
    if output_format == "json":
        typer.echo(json.dumps([r.metadata() for r in rules], indent=2))
        return
    for r in rules:
        typer.echo(f"{r.code}  {r.name:<28} {r.severity.label:<8} {r.summary}")


@app.command("rule")
@_with_arguments(("CODE", "A rule code (FL101) or name."))
@_guard
def show_rule(code: str = typer.Argument(..., metavar="CODE", hidden=True)):
    """Show one rule's documentation."""
    from . import plugins

    registry = plugins.load(_settings(None, None))
    rule = registry.rules.get(code.upper()) or registry.rule_by_name(code)
    if rule is None:
        _fail(f"no rule {code!r} (see 'followlint rules')")
    typer.echo(rule.documentation(), nl=False)


@app.command("server")
def language_server(
    stdio: bool = typer.Option(False, "--stdio", help="Speak over stdin and stdout (the only transport; accepted for editors that pass it)."),
):
    """Run the language server for editors (LSP over stdio): findings as diagnostics, rule pages
    on hover, a quick fix that inserts an inline suppression. Needs pygls: the lsp extra."""
    from .collector import begun

    begun()  # it runs for hours: the collector on, as without start_up
    try:
        import pygls  # noqa: F401
    except ImportError:
        _fail("the language server needs pygls: pip install 'followlint[lsp]'")
    from .lsp.server import serve

    serve()


@app.command("plugins")
@_guard
def list_plugins(
    config: Optional[str] = typer.Option(None, "--config", metavar="FILE", help="Config file."),
    plugins_dir: Optional[str] = PLUGINS_DIR,
    plugin: Optional[List[str]] = PLUGIN,
):
    """The plugins loaded, their versions and what each adds."""
    from . import plugins

    registry = plugins.load(_settings(config, None, plugins_dir=plugins_dir, plugin_flags=plugin))
    for info in registry.plugins:
        adds = []
        for label, items in (("rules", info.rules), ("readers", info.readers), ("reporters", info.reporters), ("vocabulary", info.vocabulary)):
            if items:
                adds.append(f"{label}: {', '.join(items)}")
        typer.echo(f"{info.name} {info.version} ({info.origin})")
        for line in adds:
            typer.echo(f"    {line}")


def main() -> None:
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that cannot encode a customer's name or an emoji must not lose
        # the report: write what it cannot show as an escape instead.
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):
            pass
    from .collector import start_up

    try:
        with start_up():  # for the console script; ``python -m`` paused it before importing Typer
            app()
    except KeyboardInterrupt:
        typer.echo("followlint: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # never a traceback for a user; FOLLOWLINT_DEBUG=1 shows it
        if os.environ.get("FOLLOWLINT_DEBUG"):
            raise
        typer.echo(f"followlint: internal error: {type(exc).__name__}: {exc} (set FOLLOWLINT_DEBUG=1 for details)", err=True)
        sys.exit(2)
