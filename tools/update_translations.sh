#!/usr/bin/env bash
# Refresh resources/translations/*.ts from the code (pyside6-lupdate), then build the .qm files
# the program loads (pyside6-lrelease). Translate new entries in the .ts (Qt Linguist or by hand).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mapfile -t sources < <(find planmonitor/gui -name '*.py' | sort)
sources+=(planmonitor/app.py)
uv run pyside6-lupdate "${sources[@]}" -no-obsolete -target-language zh_CN \
    -ts resources/translations/planmonitor_zh_CN.ts
uv run pyside6-lrelease resources/translations/planmonitor_zh_CN.ts \
    -qm resources/translations/planmonitor_zh_CN.qm
