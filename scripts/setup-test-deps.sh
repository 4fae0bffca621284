#!/usr/bin/env bash
# System packages the test suite needs beyond Python (Debian). Idempotent and quick when
# everything is already there: it asks apt only about what is missing.
#
# Add a package to APT_PACKAGES when a test starts to need it, with the reason beside it.
set -euo pipefail

APT_PACKAGES=(
    git            # the pre-commit hook test clones this project and makes a template repo
    dovecot-imapd  # the IMAP audit tests run a real Dovecot on 127.0.0.1 (tests/dovecot.py), its oauth2 passdb too
    openssl        # ... with a self-signed certificate made for each test session
    postgresql     # the audit state tests run a real PostgreSQL (initdb + pg_ctl in a temp dir, tests/postgres.py)
    chromium       # the HTML report tests open the page headless: screenshot, rendered DOM, no script runs
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    status="$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)"
    [ "$status" = "installed" ] || missing+=("$pkg")
done

if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi

echo "setup-test-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "setup-test-deps: need root (or sudo) to apt-get install ${missing[*]}" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq </dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
