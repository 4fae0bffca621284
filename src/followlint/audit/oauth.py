"""OAuth2 access tokens for IMAP (SASL XOAUTH2 or OAUTHBEARER): where an account's token comes
from, and keeping it fresh through a long run.

Four sources, one per account (or shared from the command line by a whole team file):

- a token command that prints an access token on stdout (run without a shell, the way git
  runs a credential helper); it is asked again at every login, since it keeps its own cache;
- a refresh-token file: the OAuth2 ``refresh_token`` grant against ``token-url``; a refresh
  token the provider rotates is written back to the file;
- a Google service account with domain-wide delegation (google-auth), impersonating each rep;
- a Microsoft Entra app with client credentials (msal): one app token for every mailbox.

A client id and secret come from environment variables or a JSON file, never the command
line. No token or secret is ever printed, logged or stored: the errors of the identity
provider are quoted with them blanked out.
"""
from __future__ import annotations

import calendar
import json
import os
import shlex
import subprocess
import time
from dataclasses import dataclass, fields

from ..model import UsageError

GOOGLE_SCOPE = "https://mail.google.com/"
EXCHANGE_SCOPE = "https://outlook.office365.com/.default"
ENTRA_AUTHORITY = "https://login.microsoftonline.com/{tenant}"
MECHANISMS = ("xoauth2", "oauthbearer")
REFRESH_MARGIN = 300  # seconds: a token this close to its expiry is renewed before a login
COMMAND_TIMEOUT = 60
HTTP_TIMEOUT = 30
INSTALL_HINT = "install the OAuth2 support with: pip install 'followlint[oauth]'"


class TokenError(Exception):
    """One line for the user: which provider refused what, and what to grant where."""


@dataclass(frozen=True)
class OAuthSettings:
    """How one account gets its token. Exactly one source is set."""

    token_command: str = ""
    refresh_token_file: str = ""
    google_service_account: str = ""  # the service account's JSON key file
    entra_tenant: str = ""  # the organisation's tenant id or domain
    token_url: str = ""  # the token endpoint of a refresh-token file (or another one for a service account)
    entra_authority: str = ""  # default https://login.microsoftonline.com/TENANT
    scope: str = ""  # asked with a refresh token (space-separated); the provider's default if empty
    client_id_env: str = ""
    client_secret_env: str = ""
    client_file: str = ""  # JSON with client_id and client_secret (Google's download works as it is)
    mechanism: str = "xoauth2"

    @property
    def source(self) -> str:
        for name in SOURCES:
            if getattr(self, name):
                return name
        return ""


SOURCES = ("token_command", "refresh_token_file", "google_service_account", "entra_tenant")
PATH_KEYS = ("refresh_token_file", "google_service_account", "client_file")


def option_name(attr: str) -> str:
    return attr.replace("_", "-")


TEAM_KEYS = ({option_name(f.name) for f in fields(OAuthSettings)} - {"mechanism"}) | {"oauth-mechanism"}


def settings_from(values: dict[str, str], where: str, base_dir: str = "") -> OAuthSettings | None:
    """OAuthSettings from team-file keys or options (kebab-case names, as given), or None
    when no token source is named. Relative paths are taken from ``base_dir``."""
    given = {key.replace("-", "_"): value for key, value in values.items() if value not in (None, "")}
    if "oauth_mechanism" in given:
        given["mechanism"] = given.pop("oauth_mechanism")
    if isinstance(given.get("token_command"), list):
        given["token_command"] = shlex.join(str(part) for part in given["token_command"])
    sources = [name for name in SOURCES if given.get(name)]
    if not sources:
        extra = sorted(set(given) - {"mechanism"})
        if extra:
            raise UsageError(f"{where}: {option_name(extra[0])} needs a token source: "
                             "token-command, refresh-token-file, google-service-account or entra-tenant")
        return None
    if len(sources) > 1:
        raise UsageError(f"{where}: give one token source, not {' and '.join(map(option_name, sources))}")
    mechanism = str(given.get("mechanism", "xoauth2")).lower()
    if mechanism not in MECHANISMS:
        raise UsageError(f"{where}: oauth-mechanism must be xoauth2 or oauthbearer, not {mechanism!r}")
    given["mechanism"] = mechanism
    if given.get("refresh_token_file") and not given.get("token_url"):
        raise UsageError(f"{where}: a refresh-token-file needs the token-url of its provider "
                         "(Google: https://oauth2.googleapis.com/token; Microsoft: "
                         "https://login.microsoftonline.com/TENANT/oauth2/v2.0/token)")
    if given.get("entra_tenant") and not (given.get("client_id_env") or given.get("client_file")):
        raise UsageError(f"{where}: an Entra app needs its client id and secret: client-id-env and "
                         "client-secret-env, or client-file")
    for key in PATH_KEYS:
        path = given.get(key)
        if path and base_dir and not os.path.isabs(os.path.expanduser(path)):
            given[key] = os.path.join(base_dir, path)
    return OAuthSettings(**{key: str(value) for key, value in given.items()})


# -- token sources -------------------------------------------------------------------------------


class TokenSource:
    """Gives an access token; ``token(fresh=True)`` asks the provider again whatever it cached."""

    refused_hint = "check that the token is for IMAP and for this mailbox"

    def __init__(self, settings: OAuthSettings, user: str, host: str):
        self.settings, self.user, self.host = settings, user, host
        self._token = ""
        self._expires = 0.0  # time.time() of the expiry; 0: unknown, asked again at each login
        self.secrets: set[str] = set()  # blanked out of every message

    def token(self, fresh: bool = False) -> str:
        if fresh or not self._token or time.time() > self._expires - REFRESH_MARGIN:
            self._token, lifetime = self._fetch()
            self._expires = time.time() + lifetime if lifetime else 0.0
            self.secrets.add(self._token)
        return self._token

    @property
    def cached(self) -> bool:
        """Whether the next token() may hand out a token an earlier login already used."""
        return bool(self._token) and self._expires > 0

    def _fetch(self) -> tuple[str, float]:
        raise NotImplementedError

    def clean(self, text: object) -> str:
        """One line of at most 300 characters, without any token or secret."""
        line = " ".join(str(text).split())
        for secret in self.secrets:
            if secret and len(secret) >= 4:
                line = line.replace(secret, "***")
        return line[:300]


class CommandToken(TokenSource):
    """``token-command``: its stdout is the token, its stderr the reason it has none."""

    refused_hint = "check that the token command prints a token for IMAP and for this user"

    def token(self, fresh: bool = False) -> str:
        return super().token(fresh=True)  # the command keeps its own cache

    def _fetch(self) -> tuple[str, float]:
        argv = shlex.split(self.settings.token_command)
        env = dict(os.environ, FOLLOWLINT_OAUTH_USER=self.user, FOLLOWLINT_OAUTH_HOST=self.host)
        name = os.path.basename(argv[0]) if argv else "''"
        try:
            done = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, env=env,
                                  timeout=COMMAND_TIMEOUT)
        except FileNotFoundError:
            raise TokenError(f"the token command {name} was not found") from None
        except PermissionError:
            raise TokenError(f"the token command {name} cannot be run (permission denied)") from None
        except subprocess.TimeoutExpired:
            raise TokenError(f"the token command {name} gave no token within {COMMAND_TIMEOUT} s") from None
        except (OSError, ValueError) as exc:
            raise TokenError(f"the token command {name} cannot be run: {exc}") from None
        lines = done.stdout.decode("utf-8", "replace").strip().splitlines()
        token = lines[0].strip() if lines else ""
        self.secrets.add(token)
        if done.returncode != 0 or not token:
            said = [line for line in done.stderr.decode("utf-8", "replace").splitlines() if line.strip()]
            reason = self.clean(said[-1]) if said else (f"exit status {done.returncode}" if done.returncode
                                                        else "it printed nothing")
            raise TokenError(f"the token command {name} failed: {reason}")
        return token, 0.0


def _client(settings: OAuthSettings, needs_secret: bool) -> tuple[str, str]:
    """(client id, client secret) from client-file or the environment."""
    if settings.client_file:
        try:
            with open(os.path.expanduser(settings.client_file), encoding="utf-8") as handle:
                data = json.load(handle)
        except OSError as exc:
            raise UsageError(f"cannot read the client file {settings.client_file}: {exc.strerror or exc}") from None
        except ValueError:
            raise UsageError(f"the client file {settings.client_file} is not JSON") from None
        for nested in ("installed", "web"):  # Google's client JSON as downloaded
            if isinstance(data, dict) and isinstance(data.get(nested), dict):
                data = data[nested]
        if not isinstance(data, dict) or not data.get("client_id"):
            raise UsageError(f"the client file {settings.client_file} has no client_id")
        client_id, secret = str(data["client_id"]), str(data.get("client_secret") or "")
        if needs_secret and not secret:
            raise UsageError(f"the client file {settings.client_file} has no client_secret")
        return client_id, secret
    values = []
    for attr, what, needed in (("client_id_env", "client id", True), ("client_secret_env", "client secret", needs_secret)):
        name = getattr(settings, attr)
        if not name:
            if needed:
                raise UsageError(f"no {what}: give {option_name(attr)} NAME (or client-file FILE)")
            values.append("")
            continue
        value = os.environ.get(name)
        if value is None:
            raise UsageError(f"the environment variable {name} (the {what}) is not set")
        values.append(value)
    return values[0], values[1]


def _provider_error(body: object) -> tuple[str, str]:
    """(error code, first line of its description) of an OAuth2 error answer."""
    if not isinstance(body, dict):
        return "", ""
    code = str(body.get("error") or "")
    described = str(body.get("error_description") or body.get("message") or "")
    first = described.strip().splitlines()[0] if described.strip() else ""
    return code, first


class RefreshTokenFile(TokenSource):
    """``refresh-token-file``: the refresh_token grant of RFC 6749 at ``token-url``."""

    refused_hint = "check that the refresh token was granted the provider's IMAP scope for this user"

    def _fetch(self) -> tuple[str, float]:
        try:
            import requests
        except ImportError:
            raise UsageError(f"a refresh-token file needs requests: {INSTALL_HINT}") from None
        path = os.path.expanduser(self.settings.refresh_token_file)
        refresh_token = _first_line(path, "refresh-token file")
        client_id, client_secret = _client(self.settings, needs_secret=False)
        self.secrets.update((refresh_token, client_secret))
        form = {"grant_type": "refresh_token", "refresh_token": refresh_token, "client_id": client_id}
        if client_secret:
            form["client_secret"] = client_secret
        if self.settings.scope:
            form["scope"] = self.settings.scope
        try:
            answer = requests.post(self.settings.token_url, data=form, timeout=HTTP_TIMEOUT,
                                   headers={"Accept": "application/json"})
            body = answer.json()
        except requests.RequestException as exc:
            raise TokenError(f"cannot reach the token endpoint {self.settings.token_url}: "
                             f"{self.clean(type(exc).__name__)}") from None
        except ValueError:
            raise TokenError(f"the token endpoint {self.settings.token_url} answered HTTP {answer.status_code} "
                             "without JSON") from None
        if answer.status_code != 200 or not isinstance(body, dict) or not body.get("access_token"):
            code, said = _provider_error(body)
            hint = {"invalid_grant": f"sign in again to put a new refresh token in {self.settings.refresh_token_file}",
                    "invalid_client": "check the client id and secret",
                    "unauthorized_client": "the client is not allowed the refresh_token grant or this scope",
                    "invalid_scope": "ask only for scopes the client was granted"}.get(code, "")
            told = ": ".join(filter(None, (code, said))) or f"HTTP {answer.status_code}"
            raise TokenError(f"the token endpoint refused the refresh token: {self.clean(told)}" + (f"; {hint}" if hint else ""))
        token = str(body["access_token"])
        self.secrets.add(token)
        rotated = body.get("refresh_token")
        if rotated and rotated != refresh_token:
            self.secrets.add(str(rotated))
            _replace_file(path, str(rotated) + "\n")
        return token, float(body.get("expires_in") or 0)


def _first_line(path: str, what: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            value = handle.readline().strip()
    except OSError as exc:
        raise UsageError(f"cannot read the {what} {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise UsageError(f"the {what} {path} is not UTF-8 text") from None
    if not value:
        raise UsageError(f"the {what} {path} is empty")
    return value


def _replace_file(path: str, text: str) -> None:
    """Write ``text`` in place of the file at once, readable by its owner only."""
    folder = os.path.dirname(os.path.abspath(path))
    temporary = os.path.join(folder, f".{os.path.basename(path)}.{os.getpid()}.new")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, path)


class GoogleServiceAccount(TokenSource):
    """``google-service-account``: a JWT signed with the service account's key, impersonating
    the rep (domain-wide delegation), for the scope https://mail.google.com/."""

    def __init__(self, settings: OAuthSettings, user: str, host: str):
        super().__init__(settings, user, host)
        try:
            import google.auth.transport.requests  # noqa: F401
            from google.oauth2 import service_account
        except ImportError:
            raise UsageError(f"a Google service account needs google-auth: {INSTALL_HINT}") from None
        path = os.path.expanduser(settings.google_service_account)
        try:
            with open(path, encoding="utf-8") as handle:
                info = json.load(handle)
            if settings.token_url:
                info["token_uri"] = settings.token_url
            self.credentials = service_account.Credentials.from_service_account_info(
                info, scopes=[GOOGLE_SCOPE], subject=user)
        except OSError as exc:
            raise UsageError(f"cannot read the service account key {settings.google_service_account}: "
                             f"{exc.strerror or exc}") from None
        except (ValueError, KeyError) as exc:
            raise UsageError(f"{settings.google_service_account} is not a service account key "
                             f"(JSON from Google Cloud console > IAM > Service accounts > Keys): {exc}") from None
        self.client_id = str(info.get("client_id") or "")
        self.secrets.add(str(info.get("private_key") or ""))

    @property
    def refused_hint(self) -> str:
        return f"check that IMAP is turned on for {self.user} (Google Admin console > Apps > Google Workspace > Gmail)"

    def _fetch(self) -> tuple[str, float]:
        from google.auth import exceptions
        from google.auth.transport.requests import Request

        try:
            self.credentials.refresh(Request())
        except exceptions.RefreshError as exc:
            body = exc.args[1] if len(exc.args) > 1 else None
            code, said = _provider_error(body)
            told = ": ".join(filter(None, (code, said))) or self.clean(exc.args[0] if exc.args else exc)
            raise TokenError(f"Google refused a token for {self.user}: {self.clean(told)}; {self._grant_hint(code)}") from None
        except exceptions.TransportError as exc:
            raise TokenError(f"cannot reach Google's token endpoint: {self.clean(exc)}") from None
        token = str(self.credentials.token)
        self.secrets.add(token)
        expiry = self.credentials.expiry  # a naive datetime in UTC
        lifetime = calendar.timegm(expiry.utctimetuple()) - time.time() if expiry else 0.0
        return token, max(lifetime, 1.0)

    def _grant_hint(self, code: str) -> str:
        if code == "invalid_grant":
            return (f"check that {self.user} is a user of the Workspace and the service account's key is "
                    "still active (Google Cloud console > IAM > Service accounts > Keys)")
        return (f"in the Google Admin console (Security > Access and data control > API controls > Domain-wide "
                f"delegation) add the client ID {self.client_id or 'of the service account'} with the scope {GOOGLE_SCOPE}")


class EntraApp(TokenSource):
    """``entra-tenant``: the app's own token (client credentials) for Exchange Online's
    ``.default`` scope; it opens every mailbox the app was given (IMAP.AccessAsApp plus a
    mailbox permission). msal keeps it and renews it when it nears expiry."""

    _apps: dict[tuple[str, str], object] = {}  # one msal app (and token cache) per tenant and client

    def __init__(self, settings: OAuthSettings, user: str, host: str):
        super().__init__(settings, user, host)
        try:
            import msal  # noqa: F401
        except ImportError:
            raise UsageError(f"a Microsoft Entra app needs msal: {INSTALL_HINT}") from None
        self.client_id, self.client_secret = _client(settings, needs_secret=True)
        self.secrets.add(self.client_secret)
        self.authority = settings.entra_authority or ENTRA_AUTHORITY.format(tenant=settings.entra_tenant)

    @property
    def refused_hint(self) -> str:
        return (f"give the app {self.client_id} access to this mailbox in Exchange Online: New-ServicePrincipal "
                f"-AppId {self.client_id} -ObjectId <its enterprise application's object ID>, then "
                f"Add-MailboxPermission -Identity {self.user} -User <that service principal> -AccessRights FullAccess")

    def _app(self, fresh: bool):
        import msal

        key = (self.authority, self.client_id)
        if fresh or key not in self._apps:
            custom = self.settings.entra_authority != ""  # a test's or a sovereign cloud's authority
            try:
                self._apps[key] = msal.ConfidentialClientApplication(
                    self.client_id, client_credential=self.client_secret, authority=self.authority,
                    timeout=HTTP_TIMEOUT, validate_authority=not custom, instance_discovery=False if custom else None)
            except ValueError as exc:  # msal reports a bad or unknown authority so
                raise TokenError(f"Microsoft Entra: {self.clean(exc)}") from None
            except Exception as exc:  # requests' connection errors during the authority's discovery
                raise TokenError(f"cannot reach Microsoft Entra at {self.authority}: {self.clean(type(exc).__name__)}") from None
        return self._apps[key]

    def token(self, fresh: bool = False) -> str:
        app = self._app(fresh)
        try:
            result = app.acquire_token_for_client(scopes=[EXCHANGE_SCOPE])
        except Exception as exc:  # requests' connection errors
            raise TokenError(f"cannot reach Microsoft Entra at {self.authority}: {self.clean(type(exc).__name__)}") from None
        token = result.get("access_token") if isinstance(result, dict) else None
        if not token:
            code, said = _provider_error(result)
            raise TokenError(f"Microsoft Entra refused a token for the app {self.client_id}: "
                             f"{self.clean(': '.join(filter(None, (code, said))))}; {self._grant_hint(said)}")
        self.secrets.add(token)
        self._token = token
        return token

    @property
    def cached(self) -> bool:
        return True  # msal may hand out the token it keeps

    def _grant_hint(self, said: str) -> str:
        if "AADSTS7000215" in said or "AADSTS7000222" in said:
            return "make a new client secret (Entra admin center > App registrations > the app > Certificates & secrets)"
        if "AADSTS700016" in said or "AADSTS90002" in said:
            return "check the tenant and the app's client ID (Entra admin center > App registrations)"
        return ("in the Entra admin center, App registrations > the app > API permissions: add Office 365 Exchange "
                "Online > Application permissions > IMAP.AccessAsApp, then Grant admin consent")


SOURCE_CLASSES = {"token_command": CommandToken, "refresh_token_file": RefreshTokenFile,
                  "google_service_account": GoogleServiceAccount, "entra_tenant": EntraApp}


def token_source(settings: OAuthSettings, user: str, host: str) -> TokenSource:
    return SOURCE_CLASSES[settings.source](settings, user, host)
