#!/usr/bin/env bash
# Set up the locked environment and start PlanMonitor on its embedded SQLite database
# (a file in your user data folder). Arguments go to the program: bash tools/run.sh --lang en
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export UV_PYTHON_DOWNLOADS="${UV_PYTHON_DOWNLOADS:-never}"
source tools/ensure-uv.sh
# Compiled bytecode, as an installation has it: uv writes no .pyc files by default, and with
# PYTHONDONTWRITEBYTECODE set every start would compile every module again (issue 16).
uv sync --frozen --quiet --compile-bytecode
uv run --frozen python -m compileall -q planmonitor >/dev/null
exec uv run --frozen planmonitor "$@"
