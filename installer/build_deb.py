"""Build the Debian package (统信UOS, 麒麟 Kylin, Debian, Ubuntu) from the frozen program.

    uv run python installer/build_deb.py [--bundle dist/planmonitor] [--out dist]

Layout: the one-folder program under /opt/planmonitor, the launcher /usr/bin/planmonitor, a
.desktop entry (规划监测) and the icons in the hicolor theme. ``Depends`` are computed from the
bundle: every library its ELF files need that is not bundled must be a glibc library (libc6,
versioned by the newest GLIBC_ symbol needed) or listed in system_libs.py. Removing the package
removes /opt/planmonitor entirely; the user's database (~/.local/share/PlanMonitor) is never
touched by the package.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from elfdeps import ElfDeps, is_elf, newest_version, read_deps, version_key
from system_libs import GLIBC_SONAMES, SYSTEM_LIBS

REPO = Path(__file__).resolve().parents[1]
PACKAGE = "planmonitor"
PREFIX = Path("opt") / PACKAGE
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# GLIBCXX symbol version → the GCC release whose libstdc++6 first provides it.
GLIBCXX_GCC = {24: 7, 25: 8, 26: 9, 28: 10, 29: 11, 30: 12, 31: 13, 32: 14, 33: 15}

DESKTOP_ENTRY = """\
[Desktop Entry]
Type=Application
Name=PlanMonitor
Name[zh_CN]=规划监测
GenericName=Plan monitoring
GenericName[zh_CN]=规划指标监测
Comment=Monitor a five-year S&T plan quarter by quarter: schedule, traffic lights, reports
Comment[zh_CN]=科技创新规划指标季度监测：序时进度、红黄绿灯、季度报告
Exec=planmonitor
Icon=planmonitor
Terminal=false
Categories=Office;
Keywords=plan;indicator;monitoring;
Keywords[zh_CN]=规划;指标;监测;序时进度;科技;
StartupWMClass=PlanMonitor
"""

LAUNCHER = """\
#!/bin/sh
# PlanMonitor 规划监测 (package planmonitor): the program lives in /opt/planmonitor.
# Qt >= 6.8 tries the input methods in QT_IM_MODULES in order. The bundled Qt has no fcitx
# plugin; fcitx5 also answers on the ibus protocol, so fall back to ibus for Chinese input.
if [ -z "${QT_IM_MODULES:-}" ]; then
    case "${QT_IM_MODULE:-}" in
        fcitx*) QT_IM_MODULES="${QT_IM_MODULE};ibus"; export QT_IM_MODULES ;;
    esac
fi
exec /opt/planmonitor/planmonitor "$@"
"""

POSTRM = """\
#!/bin/sh
# Files the program may have left under /opt/planmonitor go with the package. The user's data
# (~/.local/share/PlanMonitor) is never touched.
set -e
case "$1" in
    remove|purge) rm -rf /opt/planmonitor ;;
esac
exit 0
"""

COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: PlanMonitor 规划监测

Files: *
Copyright: PlanMonitor team
License: MIT

Files: opt/planmonitor/_internal/PySide6/* opt/planmonitor/_internal/shiboken6/*
Copyright: The Qt Company Ltd.
License: LGPL-3.0-only
 The Qt libraries are used unmodified as shared libraries; see
 /usr/share/common-licenses/LGPL-3.

Files: opt/planmonitor/_internal/planmonitor/_data/resources/fonts/*
Copyright: 2008-2009 The WenQuanYi Project Board of Trustees; 2006-2008 Google Corporation
License: Apache-2.0
 See /usr/share/common-licenses/Apache-2.0 and the files beside the font.

Files: opt/planmonitor/_internal/*
Comment: Python and the Python packages listed in the program's uv.lock, each under its own
 licence (PSF, MIT, BSD, Apache-2.0, LGPL); their licence files are in the *.dist-info folders.

License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy of this software
 and associated documentation files, to deal in the Software without restriction, subject to
 including this notice. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
"""


class PackagingError(RuntimeError):
    """The bundle cannot be packaged as it is; the message says what to fix."""


def program_version() -> str:
    """``__version__`` from planmonitor/__init__.py, the one place it lives."""
    text = (REPO / "planmonitor" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if found is None:
        raise PackagingError("no __version__ in planmonitor/__init__.py")
    return found.group(1)


def architecture() -> str:
    """The Debian architecture of this machine (amd64, arm64, loong64 …)."""
    out = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def elf_files(bundle: Path) -> list[Path]:
    """Every ELF file in the bundle (symlinks skipped: their targets are listed)."""
    return sorted(p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p))


def depends(bundle: Path) -> list[str]:
    """The ``Depends`` clauses: libc6 (>= newest GLIBC needed) and the system libraries."""
    bundled = {p.name for p in bundle.rglob("*")}
    found: list[ElfDeps] = []
    clauses: dict[str, None] = {}
    unknown: list[str] = []
    for path in elf_files(bundle):
        deps = read_deps(path)
        found.append(deps)
        for soname in deps.needed:
            if soname in bundled or soname in GLIBC_SONAMES:
                continue
            if soname in SYSTEM_LIBS:
                clauses[SYSTEM_LIBS[soname]] = None
            else:
                unknown.append(f"{soname} (needed by {path.relative_to(bundle)})")
    if unknown:
        raise PackagingError(
            "libraries neither bundled nor in installer/system_libs.py:\n  " + "\n  ".join(unknown)
        )
    glibc = [v for so in GLIBC_SONAMES if (v := newest_version(found, so, "GLIBC_"))]
    out = [f"libc6 (>= {max(glibc, key=version_key).removeprefix('GLIBC_')})"] if glibc else []
    for clause in sorted(clauses):
        if clause == "libstdc++6":
            clause = _libstdcxx(found)
        out.append(clause)
    return out


def _libstdcxx(found: list[ElfDeps]) -> str:
    newest = newest_version(found, "libstdc++.so.6", "GLIBCXX_")
    if newest is None:
        return "libstdc++6"
    minor = version_key(newest)[-1] if len(version_key(newest)) >= 3 else 0
    known = [gcc for m, gcc in GLIBCXX_GCC.items() if m >= minor]
    if not known:
        raise PackagingError(f"{newest} is newer than the table GLIBCXX_GCC in build_deb.py")
    return f"libstdc++6 (>= {min(known)})"


def control(version: str, arch: str, installed_kib: int, depends_on: list[str]) -> str:
    """The DEBIAN/control file."""
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        "Maintainer: PlanMonitor team <planmonitor@localhost>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends_on)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: PlanMonitor 规划监测 - monitoring a five-year S&T plan\n"
        " A desktop program for a county science and technology bureau: the plan's\n"
        " indicator table, quarterly values, whether each target is on schedule\n"
        " (是否达到序时进度) with a traffic light and an explanation, and quarterly\n"
        " reports (Excel, PDF, Word).\n"
        " .\n"
        " 科技创新规划指标季度监测：序时进度、红黄绿灯、季度报告。\n"
    )


def stage(bundle: Path, root: Path, version: str, arch: str) -> None:
    """Lay the package out under ``root`` (files, DEBIAN/control, md5sums, postrm)."""
    if not (bundle / PACKAGE).is_file():
        raise PackagingError(f"{bundle} holds no program '{PACKAGE}': build it with PyInstaller")
    shutil.copytree(bundle, root / PREFIX, symlinks=True)
    _normalise_modes(root / PREFIX)
    (root / PREFIX / PACKAGE).chmod(0o755)
    _write(root / "usr/bin" / PACKAGE, LAUNCHER, 0o755)
    _write(root / "usr/share/applications" / f"{PACKAGE}.desktop", DESKTOP_ENTRY)
    icons = REPO / "resources" / "icons"
    for size in ICON_SIZES:
        dest = root / f"usr/share/icons/hicolor/{size}x{size}/apps/{PACKAGE}.png"
        _copy(icons / f"planmonitor-{size}.png", dest)
    _copy(icons / "planmonitor.svg", root / f"usr/share/icons/hicolor/scalable/apps/{PACKAGE}.svg")
    _write(root / "usr/share/doc" / PACKAGE / "copyright", COPYRIGHT)
    kib = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir()) // 1024 + 1
    debian = root / "DEBIAN"
    _write(debian / "control", control(version, arch, kib, depends(bundle)))
    _write(debian / "postrm", POSTRM, 0o755)
    _write(debian / "md5sums", _md5sums(root))


def _normalise_modes(top: Path) -> None:
    for path in [top, *top.rglob("*")]:
        if path.is_symlink():
            continue
        path.chmod(0o755 if path.is_dir() else 0o644)


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def _copy(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    dest.chmod(0o644)


def _md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if rel.parts[0] == "DEBIAN" or path.is_symlink() or not path.is_file():
            continue
        lines.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {rel.as_posix()}\n")
    return "".join(lines)


def build(
    bundle: Path,
    out_dir: Path,
    version: str | None = None,
    arch: str | None = None,
    level: int = 6,
) -> Path:
    """Build ``planmonitor_<version>_<arch>.deb`` in ``out_dir`` (xz ``level``); returns it."""
    version = version or program_version()
    arch = arch or architecture()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PACKAGE}_{version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="planmonitor-deb-") as tmp:
        root = Path(tmp) / "root"
        root.mkdir(mode=0o755)
        stage(bundle, root, version, arch)
        command = ["dpkg-deb", "--root-owner-group", "-Zxz", f"-z{level}", "--build"]
        subprocess.run(
            [*command, str(root), str(target)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return target


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bundle", type=Path, default=REPO / "dist" / PACKAGE)
    ap.add_argument("--out", type=Path, default=REPO / "dist")
    ap.add_argument("--version", help="package version (default: planmonitor.__version__)")
    ap.add_argument(
        "--level", type=int, default=6, choices=range(10), help="xz level (6: 55 MB, 3: 60 MB)"
    )
    args = ap.parse_args(argv)
    try:
        target = build(args.bundle.resolve(), args.out.resolve(), args.version, level=args.level)
    except PackagingError as exc:
        print(f"build_deb: {exc}", file=sys.stderr)
        return 1
    fields = subprocess.run(
        ["dpkg-deb", "--field", str(target), "Depends"], capture_output=True, text=True, check=True
    )
    print(f"built {target} ({target.stat().st_size / 2**20:.1f} MiB)")
    print(f"Depends: {fields.stdout.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
