"""The identity provider of the OAuth2 audit tests: the one stand-in, served on 127.0.0.1.

It plays the authorization server's side of the standards followlint and Dovecot speak:
- ``POST /introspect`` (RFC 7662), which Dovecot's oauth2 passdb asks about every token;
- ``POST /token``: the refresh_token grant (RFC 6749 6), rotating the refresh token, and
  Google's service-account grant (a JWT bearer assertion, RFC 7523) whose RS256 signature is
  checked against the service account's public key;
- ``GET /TENANT/v2.0/.well-known/openid-configuration`` and ``POST /TENANT/oauth2/v2.0/token``:
  what msal asks of a Microsoft Entra authority for the client credentials grant.

msal insists on https, so the same endpoints are also served over TLS (``https_url``) with a
self-signed certificate (``cert``) the test hands to requests through REQUESTS_CA_BUNDLE.
Every request is kept (``seen``) so tests can check what was and was not sent.
"""
from __future__ import annotations

import base64
import datetime
import ipaddress
import json
import secrets
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

from dovecot import IMAP_AUDIENCE

GOOGLE_SCOPE = "https://mail.google.com/"
EXCHANGE_SCOPE = "https://outlook.office365.com/.default"
JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
GOOGLE_AUDIENCE = "https://oauth2.googleapis.com/token"  # what Google wants in an assertion, whatever its token_uri


def _b64url(data: str) -> bytes:
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


class IdentityProvider:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.tokens: dict[str, dict] = {}  # access token -> username, aud, exp, revoked
        self.refresh_tokens: dict[str, str] = {}  # refresh token -> username
        self.clients: dict[str, str] = {}  # client id -> secret
        self.service_accounts: dict[str, dict] = {}  # client_email -> public key, delegated
        self.entra_apps: dict[tuple[str, str], dict] = {}  # (tenant, client id) -> secret, domain, granted
        self.lifetime = 3600
        self.seen: list[tuple[str, str]] = []  # (path, body) of every request
        self.lock = threading.Lock()
        self.http = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.https = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.cert = self.folder / "idp-cert.pem"
        self._make_certificate()
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, self.folder / "idp-key.pem")
        self.https.socket = context.wrap_socket(self.https.socket, server_side=True)
        for server in (self.http, self.https):
            threading.Thread(target=server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http.server_port}"

    @property
    def https_url(self) -> str:
        return f"https://127.0.0.1:{self.https.server_port}"

    def close(self) -> None:
        for server in (self.http, self.https):
            server.shutdown()
            server.server_close()

    # -- what the provider knows --------------------------------------------------------------

    def issue(self, username: str, aud: str = IMAP_AUDIENCE, lifetime: int | None = None) -> str:
        token = "at-" + secrets.token_urlsafe(24)
        with self.lock:
            self.tokens[token] = {"username": username, "aud": aud, "revoked": False,
                                  "exp": int(time.time()) + (lifetime or self.lifetime)}
        return token

    def revoke(self, token: str) -> None:
        self.tokens[token]["revoked"] = True

    def expire_all(self) -> None:
        with self.lock:
            for info in self.tokens.values():
                info["exp"] = int(time.time()) - 1

    def issued(self, username: str) -> list[str]:
        return [token for token, info in self.tokens.items() if info["username"] == username]

    def add_client(self) -> tuple[str, str]:
        client_id, secret = "client-" + secrets.token_hex(4), "cs-" + secrets.token_urlsafe(16)
        self.clients[client_id] = secret
        return client_id, secret

    def add_refresh_token(self, username: str) -> str:
        token = "rt-" + secrets.token_urlsafe(24)
        self.refresh_tokens[token] = username
        return token

    def add_service_account(self, delegated: bool = True) -> dict:
        """A service account's JSON key, as Google Cloud console gives it, with our token_uri."""
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        email = f"auditor-{secrets.token_hex(3)}@acme-project.iam.gserviceaccount.com"
        client_id = str(secrets.randbelow(10**20))
        self.service_accounts[email] = {"public_key": key.public_key(), "delegated": delegated, "client_id": client_id}
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
        return {"type": "service_account", "project_id": "acme-project", "private_key_id": secrets.token_hex(20),
                "private_key": pem, "client_email": email, "client_id": client_id,
                "token_uri": f"{self.url}/token"}

    def add_entra_app(self, tenant: str, domain: str, granted: bool = True) -> tuple[str, str]:
        client_id, secret = secrets.token_hex(16), "es-" + secrets.token_urlsafe(16)
        self.entra_apps[(tenant, client_id)] = {"secret": secret, "domain": domain, "granted": granted}
        return client_id, secret

    # -- the endpoints --------------------------------------------------------------------------

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                provider.seen.append((self.path, ""))
                parts = self.path.strip("/").split("/")
                if parts[1:] == ["v2.0", ".well-known", "openid-configuration"]:
                    base = f"{provider.https_url}/{parts[0]}"
                    return self._json(200, {"issuer": f"{base}/v2.0", "token_endpoint": f"{base}/oauth2/v2.0/token",
                                            "authorization_endpoint": f"{base}/oauth2/v2.0/authorize"})
                self._json(404, {"error": "not_found"})

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                provider.seen.append((self.path, body))
                form = {key: values[0] for key, values in parse_qs(body).items()}
                if self.path == "/introspect":
                    return self._json(200, provider._introspect(form.get("token", "")))
                if self.path == "/token":
                    return self._json(*provider._token(form))
                parts = self.path.strip("/").split("/")
                if parts[1:] == ["oauth2", "v2.0", "token"]:
                    return self._json(*provider._entra_token(parts[0], form))
                self._json(404, {"error": "not_found"})

            def _json(self, status, payload):
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        return Handler

    def _introspect(self, token: str) -> dict:
        info = self.tokens.get(token)
        if not info or info["revoked"] or info["exp"] <= time.time():
            return {"active": False}  # RFC 7662: nothing more about a token that is not active
        return {"active": True, "username": info["username"], "aud": info["aud"], "exp": info["exp"]}

    def _token(self, form: dict) -> tuple[int, dict]:
        if form.get("grant_type") == "refresh_token":
            if self.clients.get(form.get("client_id", "")) != form.get("client_secret"):
                return 401, {"error": "invalid_client", "error_description": "Unknown client or wrong secret."}
            username = self.refresh_tokens.pop(form.get("refresh_token", ""), None)
            if username is None:
                return 400, {"error": "invalid_grant", "error_description": "Token has been expired or revoked."}
            rotated = self.add_refresh_token(username)
            return 200, {"access_token": self.issue(username), "token_type": "Bearer", "expires_in": self.lifetime,
                         "refresh_token": rotated}
        if form.get("grant_type") == JWT_BEARER:
            return self._service_account_token(form.get("assertion", ""))
        return 400, {"error": "unsupported_grant_type"}

    def _service_account_token(self, assertion: str) -> tuple[int, dict]:
        try:
            header, payload, signature = assertion.split(".")
            claims = json.loads(_b64url(payload))
            account = self.service_accounts[claims["iss"]]
            account["public_key"].verify(_b64url(signature), f"{header}.{payload}".encode(), padding.PKCS1v15(),
                                         hashes.SHA256())
        except Exception:
            return 400, {"error": "invalid_grant", "error_description": "Invalid JWT Signature."}
        if claims.get("aud") != GOOGLE_AUDIENCE or claims.get("exp", 0) < time.time():
            return 400, {"error": "invalid_grant", "error_description": "Invalid JWT: Token must be a short-lived token."}
        if not account["delegated"] or claims.get("scope") != GOOGLE_SCOPE or not claims.get("sub"):
            return 401, {"error": "unauthorized_client", "error_description": "Client is unauthorized to retrieve "
                         "access tokens using this method, or client not authorized for any of the scopes requested."}
        return 200, {"access_token": self.issue(claims["sub"]), "token_type": "Bearer", "expires_in": self.lifetime}

    def _entra_token(self, tenant: str, form: dict) -> tuple[int, dict]:
        app = self.entra_apps.get((tenant, form.get("client_id", "")))
        if app is None:
            return 400, {"error": "unauthorized_client", "error_description":
                         f"AADSTS700016: Application with identifier '{form.get('client_id')}' was not found in the "
                         f"directory '{tenant}'.\r\nTrace ID: 0\r\nCorrelation ID: 0"}
        if form.get("client_secret") != app["secret"]:
            return 401, {"error": "invalid_client", "error_description":
                         "AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 0\r\nCorrelation ID: 0"}
        if form.get("grant_type") != "client_credentials" or form.get("scope") != EXCHANGE_SCOPE:
            return 400, {"error": "invalid_scope", "error_description": "AADSTS1002012: wrong scope"}
        # An app token names the app; on an Exchange-like server it opens the mailboxes of its
        # domain only if the app holds the permission (otherwise the server refuses it).
        token = self.issue(f"app-{form['client_id'][:8]}@{app['domain']}")
        if not app["granted"]:
            self.revoke(token)
        return 200, {"access_token": token, "token_type": "Bearer", "expires_in": self.lifetime, "ext_expires_in": self.lifetime}

    def _make_certificate(self) -> None:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
        now = datetime.datetime.now(datetime.timezone.utc)
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
                .not_valid_after(now + datetime.timedelta(days=2))
                .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
                .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                .sign(key, hashes.SHA256()))
        self.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        (self.folder / "idp-key.pem").write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()))
