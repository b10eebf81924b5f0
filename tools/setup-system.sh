#!/usr/bin/env bash
# System packages PlanMonitor's tests need on Debian/Ubuntu (Qt offscreen, Chinese fonts,
# poppler, PostgreSQL). Installs only what is missing; needs root (or sudo) to install.
#   bash tools/setup-system.sh
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi

APT_PACKAGES=(
    # Qt offscreen (PySide6): GL/EGL, fonts, keyboard, D-Bus, GLib
    libgl1 libegl1 libfontconfig1 fontconfig libxkbcommon0 libxkbcommon-x11-0
    libdbus-1-3 libglib2.0-0
    # Qt's xcb platform (the program on an X11 desktop, tools/run.sh; CI starts it under Xvfb)
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
    libxcb-shape0 libxcb-randr0 libxcb-xfixes0 libxcb-sync1 libxcb-xkb1 libxcb-xinerama0
    # Chinese fonts for rendering/report tests
    fonts-wqy-microhei fonts-wqy-zenhei
    # PDF -> PNG (pdftoppm) for report tests
    poppler-utils
    # PostgreSQL server for tests/pg_server.py (initdb/pg_ctl; creates the postgres user)
    postgresql
    # runuser (util-linux) to run PostgreSQL as the postgres user when root
    util-linux
    # Installers (CI stage 7): objdump/strip for PyInstaller, makensis for the Windows
    # installer script, an X server to smoke-test the installed .deb on X11
    binutils nsis xvfb xauth
    # LibreOffice re-saves the filled-in template as .xlsx/.xls/.ods for the round-trip tests;
    # Writer makes the .pdf/.doc plan-document fixtures and reads .doc plan files
    libreoffice-calc libreoffice-writer
)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
        missing+=("$pkg")
    fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
    echo "all ${#APT_PACKAGES[@]} packages already installed"
else
    echo "installing: ${missing[*]}"
    for attempt in 1 2 3; do
        if $SUDO apt-get update -q; then break; fi
        [[ $attempt -eq 3 ]] && { echo "$SUDO apt-get update failed" >&2; exit 1; }
        sleep $((attempt * 5))
    done
    # Don't let package scripts start services (e.g. the default 'main' PostgreSQL
    # cluster on :5432); the tests start their own throwaway server.
    policy_created=0
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
        $SUDO chmod +x /usr/sbin/policy-rc.d
        policy_created=1
    fi
    apt_rc=0
    $SUDO apt-get install -y -q --no-install-recommends \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
        "${APT_PACKAGES[@]}" </dev/null || apt_rc=$?
    [[ $policy_created -eq 1 ]] && $SUDO rm -f /usr/sbin/policy-rc.d
    if [[ $apt_rc -ne 0 ]]; then
        echo "apt-get install failed (exit $apt_rc)" >&2
        exit "$apt_rc"
    fi
fi
ls -d /usr/lib/postgresql/*/bin
command -v pdftoppm
zh_fonts="$(fc-list :lang=zh family | sort -u)"
[[ -n "$zh_fonts" ]] || { echo "no Chinese fonts found by fontconfig" >&2; exit 1; }
echo "Chinese fonts: $(echo "$zh_fonts" | tr '\n' ';')"

