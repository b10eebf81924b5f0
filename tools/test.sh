#!/usr/bin/env bash
# The project's test command: system packages (Debian/Ubuntu, only what is missing), the locked
# Python environment, then ruff and the whole test suite (SQLite and a throwaway PostgreSQL).
#   bash tools/test.sh [pytest args...]
# Runs both ruff and pytest even if ruff fails; exits non-zero if either failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"   # Qt has no screen here
export UV_PYTHON_DOWNLOADS="${UV_PYTHON_DOWNLOADS:-never}" # only package registries are reachable

if command -v apt-get >/dev/null 2>&1; then
    bash tools/setup-system.sh
fi
source tools/ensure-uv.sh

echo "--- uv sync --frozen"
uv sync --frozen

status=0
echo "--- ruff check ."
uv run --frozen ruff check . || status=$?

echo "--- pytest -q $*"
uv run --frozen pytest -q "$@" || status=$?

exit "$status"
