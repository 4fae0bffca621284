#!/usr/bin/env bash
# The whole test suite on a fresh machine: system packages, the project with its test extra,
# then pytest. Arguments go to pytest: bash scripts/test.sh tests/test_precommit.py -q
#
# The pip step is skipped when this checkout is already installed (editable) in this Python
# and neither a pyproject.toml (the project's or an example plugin's) nor this script changed
# since: the stamp is in .cache/ (gitignored), so a fresh clone, as in CI, always installs.
# FOLLOWLINT_FORCE_INSTALL=1 installs anyway.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd -P)"

PYTHON="${PYTHON:-$(command -v python || command -v python3)}"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore

bash scripts/setup-test-deps.sh

stamp_file=".cache/test-deps/pip.stamp"
PLUGINS=(plugins/followlint-phrasebook plugins/followlint-dealership)  # the example plugins, tested too
stamp="$("$PYTHON" -c 'import sys; print(sys.executable)') $(cat pyproject.toml scripts/test.sh "${PLUGINS[@]/%//pyproject.toml}" | sha256sum | cut -d' ' -f1)"
installed() {
    [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ] &&
        "$PYTHON" - "$ROOT" <<'PY' >/dev/null 2>&1
import os, sys
import followlint, pytest, pre_commit  # noqa: F401  (the project and its [test] extra)
import followlint_phrasebook, followlint_dealership  # noqa: F401  (the example plugins)
src = os.path.realpath(os.path.join(sys.argv[1], "src"))
sys.exit(0 if os.path.realpath(followlint.__file__).startswith(src + os.sep) else 1)
PY
}
if [ "${FOLLOWLINT_FORCE_INSTALL:-}" = 1 ] || ! installed; then
    "$PYTHON" -m pip install --quiet -e '.[test]' "${PLUGINS[@]/#/--editable=}" </dev/null
    mkdir -p "$(dirname "$stamp_file")"
    printf '%s\n' "$stamp" >"$stamp_file"
fi

set +e
"$PYTHON" -m pytest "$@" </dev/null
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
    echo "scripts/test.sh: pytest collected no tests; that is a failure" >&2
    exit 1
fi
exit "$rc"
