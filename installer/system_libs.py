"""The Linux system libraries PlanMonitor's Qt needs and does not bundle, with the Debian packages
that provide them.

Qt (PySide6-Essentials) is built to use the desktop's own X11/xcb, OpenGL, fontconfig, freetype,
GLib and D-Bus; bundling Debian 12's copies would clash with the desktop's drivers and settings.
The PyInstaller spec leaves these sonames out of the bundle; the .deb builder turns the ones the
bundle needs into ``Depends`` and fails on any system soname missing from this table. Found with
ELF DT_NEEDED on the bundled Qt libraries and plugins (installer/elfdeps.py).

An alternative (``a | b``) covers a package renamed between Debian 12 and its derivatives or
older bases (统信UOS 20 builds on Debian 10, 麒麟 Kylin V10 on Ubuntu 20.04, newer distributions
renamed libraries for 64-bit time_t: libglib2.0-0t64).
"""

from __future__ import annotations

# Always present with the C library: no Depends beyond libc6 (its version is computed).
GLIBC_SONAMES = frozenset(
    {
        "libc.so.6",
        "libm.so.6",
        "libdl.so.2",
        "libpthread.so.0",
        "librt.so.1",
        "libutil.so.1",
        "libresolv.so.2",
        "libanl.so.1",
        "ld-linux-x86-64.so.2",
        "ld-linux-aarch64.so.1",
        "linux-vdso.so.1",
    }
)

# soname → Depends clause.
SYSTEM_LIBS: dict[str, str] = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1 | libgcc1",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
}


def is_system(soname: str) -> bool:
    """True for a library the system provides (glibc or one of SYSTEM_LIBS)."""
    return soname in GLIBC_SONAMES or soname in SYSTEM_LIBS
