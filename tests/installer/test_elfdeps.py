"""Reading ELF dependencies, and the table of system libraries the .deb depends on."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF: Linux only")

import PySide6  # noqa: E402
from elfdeps import NotElf, is_elf, newest_version, read_deps, version_key  # noqa: E402
from system_libs import SYSTEM_LIBS, is_system  # noqa: E402

QT = Path(PySide6.__file__).resolve().parent / "Qt"
XCB_PLUGIN = QT / "plugins" / "platforms" / "libqxcb.so"
# The Qt files the frozen program keeps (installer/planmonitor.spec, KEEP_PLUGINS).
KEPT_PLUGINS = [
    "platforms/libqxcb.so",
    "platforms/libqoffscreen.so",
    "platformthemes/libqxdgdesktopportal.so",
    "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "platforminputcontexts/libibusplatforminputcontextplugin.so",
    "xcbglintegrations/libqxcb-glx-integration.so",
    "xcbglintegrations/libqxcb-egl-integration.so",
    "imageformats/libqsvg.so",
    "imageformats/libqjpeg.so",
    "iconengines/libqsvgicon.so",
]


def test_needed_libraries_of_the_xcb_plugin() -> None:
    deps = read_deps(XCB_PLUGIN)
    assert deps.needed[0] == "libQt6XcbQpa.so.6"
    assert {"libxcb.so.1", "libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libc.so.6"} <= set(
        deps.needed
    )
    assert "GLIBC_2.2.5" in deps.versions["libc.so.6"]
    assert any(v.startswith("Qt_6") for v in deps.versions["libQt6Core.so.6"])


def test_newest_symbol_version_over_several_files() -> None:
    files = [read_deps(QT / "lib" / name) for name in ("libQt6Core.so.6", "libQt6Gui.so.6")]
    newest = newest_version(files, "libc.so.6", "GLIBC_")
    assert newest is not None and newest.startswith("GLIBC_2.")
    every = {v for f in files for v in f.versions.get("libc.so.6", ()) if v.startswith("GLIBC_")}
    assert all(version_key(v) <= version_key(newest) for v in every)
    assert newest_version(files, "libc.so.6", "NOSUCH_") is None


def test_version_key_orders_numerically() -> None:
    assert version_key("GLIBC_2.9") < version_key("GLIBC_2.28") < version_key("GLIBC_2.34")
    assert version_key("GLIBCXX_3.4.29") == (3, 4, 29)


def test_not_elf(tmp_path: Path) -> None:
    text = tmp_path / "README"
    text.write_text("not a library", encoding="utf-8")
    assert not is_elf(text)
    assert not is_elf(tmp_path / "missing.so")
    with pytest.raises(NotElf, match="README"):
        read_deps(text)


def test_every_system_library_qt_needs_has_a_debian_package() -> None:
    """What the frozen program's Qt needs from the system must be in system_libs.py (a newer
    PySide6 needing another system library fails here, before a package is built)."""
    files = [
        *sorted((QT / "lib").glob("libQt6*.so.6")),
        *(QT / "plugins" / p for p in KEPT_PLUGINS),
    ]
    wanted = {
        f"libQt6{m}.so.6"
        for m in ("Core", "Gui", "Widgets", "XcbQpa", "DBus", "Svg", "OpenGL", "OpenGLWidgets")
    }
    files = [f for f in files if f.parent.name != "lib" or f.name in wanted]
    bundled = {p.name for p in (QT / "lib").iterdir()}
    missing = {
        f"{soname} (needed by {f.name})"
        for f in files
        for soname in read_deps(f).needed
        if soname not in bundled and not is_system(soname)
    }
    assert not missing
    assert SYSTEM_LIBS["libxcb-cursor.so.0"] == "libxcb-cursor0"
    assert "libglib2.0-0" in SYSTEM_LIBS["libglib-2.0.so.0"].split(" | ")
