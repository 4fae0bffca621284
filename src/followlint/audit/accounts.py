"""The mailboxes an audit reads: one from the command line, or a team from a TOML file.

A password comes from an environment variable, a file or an interactive prompt; never from
the command line or the team file, and it is never printed. An account may log in with an
OAuth2 token instead (``oauth.py`` says where tokens come from).
"""
from __future__ import annotations

import os
import sys
from dataclasses import asdict, dataclass, field, replace
from urllib.parse import quote

from ..model import UsageError, a_type
from .oauth import SOURCES as TOKEN_SOURCES
from .oauth import TEAM_KEYS as OAUTH_KEYS
from .oauth import OAuthSettings, option_name, settings_from

DEFAULT_TLS_PORT = 993
DEFAULT_STARTTLS_PORT = 143
TEAM_KEYS = {"name", "host", "port", "user", "password-env", "password-file", "starttls", "ca-file",
             "insecure", "sent-folder", "reps"} | OAUTH_KEYS


@dataclass
class Account:
    host: str
    user: str
    name: str = ""  # how reports name the rep (default: the login)
    port: int = 0  # 0: 993, or 143 with STARTTLS
    password_env: str = ""
    password_file: str = ""
    starttls: bool = False
    ca_file: str = ""
    insecure: bool = False
    sent_folder: str = ""
    reps: list[str] = field(default_factory=list)  # our side for this mailbox (besides its owner)
    oauth: OAuthSettings | None = None  # log in with an OAuth2 token from here, not a password

    @property
    def label(self) -> str:
        return self.name or self.user

    @property
    def real_port(self) -> int:
        return self.port or (DEFAULT_STARTTLS_PORT if self.starttls else DEFAULT_TLS_PORT)

    @property
    def url(self) -> str:
        """imap://user@host[:port]: names the account in reports and keys it in the state."""
        default = DEFAULT_STARTTLS_PORT if self.starttls else DEFAULT_TLS_PORT
        port = f":{self.real_port}" if self.real_port != default else ""
        return f"imap://{quote(self.user, safe='')}@{self.host}{port}"

    def password(self) -> str:
        if self.password_env:
            value = os.environ.get(self.password_env)
            if value is None:
                raise UsageError(f"{self.url}: the environment variable {self.password_env} (its password) is not set")
            return value
        if self.password_file:
            return _read_password_file(self.url, self.password_file)
        if sys.stdin.isatty():
            import getpass

            return getpass.getpass(f"Password for {self.user} on {self.host}: ")
        raise UsageError(f"{self.url}: no password source: give --password-env NAME or --password-file FILE "
                         "(or run on a terminal to be asked)")


def _read_password_file(url: str, path: str) -> str:
    try:
        with open(os.path.expanduser(path), encoding="utf-8") as handle:
            value = handle.readline().rstrip("\r\n")
    except OSError as exc:
        raise UsageError(f"{url}: cannot read the password file {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{url}: the password file {path} is not UTF-8 text") from None
    if not value:
        raise UsageError(f"{url}: the password file {path} is empty")
    return value


def team_accounts(path: str, defaults: Account) -> list[Account]:
    """Accounts of a team file: ``[[account]]`` tables; unset keys come from ``defaults``
    (the command-line options)."""
    import tomllib

    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise UsageError(f"--team: cannot read {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}") from None
    entries = data.get("account")
    if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) for e in entries):
        raise UsageError(f"{path}: no accounts: list them as [[account]] tables with host, user and password-env or password-file")
    accounts = [_team_account(path, n, entry, defaults) for n, entry in enumerate(entries, start=1)]
    seen: set[str] = set()
    for account in accounts:
        if account.url in seen:
            raise UsageError(f"{path}: the account {account.url} is listed twice")
        seen.add(account.url)
    return accounts


def _team_account(path: str, number: int, entry: dict, defaults: Account) -> Account:
    where = f"{path}: account {number}"
    if "password" in entry:
        raise UsageError(f"{where}: a password is never written in the team file; use password-env or password-file")
    unknown = sorted(set(entry) - TEAM_KEYS)
    if unknown:
        raise UsageError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(TEAM_KEYS))})")
    types = {"port": int, "starttls": bool, "insecure": bool, "reps": list}
    for key, value in entry.items():
        want = types.get(key, str)
        if key == "token-command" and isinstance(value, list) and all(isinstance(part, str) for part in value):
            continue  # the command and its arguments, as a list
        if not isinstance(value, want) or (want is int and isinstance(value, bool)):
            raise UsageError(f"{where}: {key!r} must be {a_type(want)}, not {value!r}")
    account = replace(defaults, name=entry.get("name", ""), user=entry.get("user", ""),
                      reps=list(entry.get("reps", defaults.reps)))
    _team_login(path, where, entry, defaults, account)
    for key, attr in (("host", "host"), ("port", "port"), ("starttls", "starttls"), ("ca-file", "ca_file"),
                      ("insecure", "insecure"), ("sent-folder", "sent_folder")):
        if key in entry:
            setattr(account, attr, entry[key])
    if not account.host or not account.user:
        raise UsageError(f"{where}: needs a host and a user")
    if not account.password_env and not account.password_file and not account.oauth:
        raise UsageError(f"{where} ({account.user}): give password-env or password-file, or a token source "
                         "(token-command, refresh-token-file, google-service-account or entra-tenant)")
    if account.password_file and not os.path.isabs(os.path.expanduser(account.password_file)):
        account.password_file = os.path.join(os.path.dirname(os.path.abspath(path)), account.password_file)
    return account


def _team_login(path: str, where: str, entry: dict, defaults: Account, account: Account) -> None:
    """The account's own password or token source if it names one, else the command line's;
    the other OAuth2 keys of the entry (token-url, client-id-env...) complete either."""
    own_source = any(key in entry for key in ("password-env", "password-file")) or \
        any(option_name(name) in entry for name in TOKEN_SOURCES)
    if own_source:
        account.password_env = entry.get("password-env", "")
        account.password_file = entry.get("password-file", "")
        base: dict = {}
    else:
        base = {option_name(key): value for key, value in asdict(defaults.oauth).items()} if defaults.oauth else {}
        base["oauth-mechanism"] = base.pop("mechanism", "")
    values = {**base, **{key: value for key, value in entry.items() if key in OAUTH_KEYS}}
    account.oauth = settings_from(values, where, os.path.dirname(os.path.abspath(path)))
