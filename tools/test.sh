#!/usr/bin/env bash
# The project's test command: lint + test suite, in the locked environment.
#   bash tools/test.sh [pytest args...]
# Runs both ruff and pytest even if ruff fails; exits non-zero if either failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Qt has no screen here; tests may also set this themselves.
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
# Never let uv fetch a Python build of its own (only package registries are reachable).
export UV_PYTHON_DOWNLOADS="${UV_PYTHON_DOWNLOADS:-never}"

echo "--- uv sync --frozen"
uv sync --frozen

# --frozen: use uv.lock as is (never re-lock or rewrite it during a test run).
status=0
echo "--- ruff check ."
uv run --frozen ruff check . || status=$?

echo "--- pytest -q $*"
uv run --frozen pytest -q "$@" || status=$?

exit "$status"
