#!/usr/bin/env bash
# The whole test suite on a fresh machine: system packages, the project with its test extra,
# then pytest. Arguments go to pytest: bash scripts/test.sh tests/test_precommit.py -q
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-$(command -v python || command -v python3)}"

bash scripts/setup-test-deps.sh
"$PYTHON" -m pip install --quiet --disable-pip-version-check -e '.[test]' </dev/null

set +e
"$PYTHON" -m pytest "$@" </dev/null
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
    echo "scripts/test.sh: pytest collected no tests; that is a failure" >&2
    exit 1
fi
exit "$rc"
