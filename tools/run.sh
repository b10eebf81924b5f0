#!/usr/bin/env bash
# Set up the locked environment and start PlanMonitor on its embedded SQLite database
# (a file in your user data folder). Arguments go to the program: bash tools/run.sh --lang en
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export UV_PYTHON_DOWNLOADS="${UV_PYTHON_DOWNLOADS:-never}"
source tools/ensure-uv.sh
uv sync --frozen --quiet
exec uv run --frozen planmonitor "$@"
