"""The Debian package built from a (small, fake) frozen program: layout, Depends, desktop entry."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("dpkg-deb") is None,
    reason="needs Linux and dpkg-deb",
)

import PySide6  # noqa: E402
from build_deb import PackagingError, build, program_version  # noqa: E402

import planmonitor  # noqa: E402

PLUGINS = Path(PySide6.__file__).resolve().parent / "Qt" / "plugins"


def fake_bundle(root: Path, *plugins: str) -> Path:
    """A bundle shaped like PyInstaller's: the program, _internal/ with real Qt plugins and
    stand-ins for the Qt libraries they need (bundled, so not system dependencies)."""
    bundle = root / "planmonitor"
    internal = bundle / "_internal"
    (internal / "PySide6" / "Qt" / "lib").mkdir(parents=True)
    shutil.copyfile("/bin/true", bundle / "planmonitor")
    for name in ("libQt6XcbQpa.so.6", "libQt6Gui.so.6", "libQt6Core.so.6", "libQt6DBus.so.6"):
        (internal / "PySide6" / "Qt" / "lib" / name).write_bytes(b"stand-in")
    for plugin in plugins:
        dest = internal / "PySide6" / "Qt" / "plugins" / plugin
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(PLUGINS / plugin, dest)
    data = internal / "planmonitor" / "_data" / "db"
    data.mkdir(parents=True)
    (data / "env.py").write_text("# migrations\n", encoding="utf-8")
    return bundle


def field(deb: Path, name: str) -> str:
    out = subprocess.run(["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True)
    return out.stdout.strip()


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("deb")
    bundle = fake_bundle(tmp, "platforms/libqxcb.so")
    return build(bundle, tmp / "out", arch="amd64")


def test_name_version_and_architecture(deb: Path) -> None:
    assert program_version() == planmonitor.__version__
    assert deb.name == f"planmonitor_{planmonitor.__version__}_amd64.deb"
    assert field(deb, "Package") == "planmonitor"
    assert field(deb, "Version") == planmonitor.__version__
    assert field(deb, "Architecture") == "amd64"


def test_depends_on_what_the_bundle_needs_from_the_system(deb: Path) -> None:
    depends = field(deb, "Depends").split(", ")
    assert depends[0].startswith("libc6 (>= 2.")
    for package in ("libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0", "libx11-xcb1"):
        assert package in depends
    assert "libgl1" in depends  # the xcb plugin links libGL
    assert "libgcc-s1 | libgcc1" in depends  # renamed after Debian 10 (统信UOS 20)
    assert not any("Qt6" in d or "qt6" in d for d in depends)  # Qt is bundled
    assert "libglib2.0-0t64 | libglib2.0-0" not in depends  # only what the bundle needs


def test_layout(deb: Path) -> None:
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    lines = {line.split()[-1].removeprefix("."): line for line in listing.splitlines()}
    assert lines["/opt/planmonitor/planmonitor"].startswith("-rwxr-xr-x root/root")
    assert lines["/usr/bin/planmonitor"].startswith("-rwxr-xr-x root/root")
    assert "/opt/planmonitor/_internal/PySide6/Qt/plugins/platforms/libqxcb.so" in lines
    assert "/opt/planmonitor/_internal/planmonitor/_data/db/env.py" in lines
    assert "/usr/share/applications/planmonitor.desktop" in lines
    for size in (16, 32, 48, 128, 256, 512):
        assert f"/usr/share/icons/hicolor/{size}x{size}/apps/planmonitor.png" in lines
    assert "/usr/share/icons/hicolor/scalable/apps/planmonitor.svg" in lines
    assert not any("PlanMonitor" in path or "/home" in path for path in lines)


def test_desktop_entry_launcher_and_removal(deb: Path, tmp_path: Path) -> None:
    subprocess.run(["dpkg-deb", "-R", str(deb), str(tmp_path)], check=True)
    desktop = (tmp_path / "usr/share/applications/planmonitor.desktop").read_text("utf-8")
    entries = dict(line.split("=", 1) for line in desktop.splitlines() if "=" in line)
    assert entries["Name"] == "PlanMonitor"
    assert entries["Name[zh_CN]"] == "规划监测"
    assert entries["Exec"] == "planmonitor"
    assert entries["Icon"] == "planmonitor"
    assert entries["StartupWMClass"] == "PlanMonitor"  # Qt's WM_CLASS class: applicationName
    launcher = (tmp_path / "usr/bin/planmonitor").read_text("utf-8")
    assert launcher.rstrip().endswith('exec /opt/planmonitor/planmonitor "$@"')
    postrm = (tmp_path / "DEBIAN/postrm").read_text("utf-8")
    commands = [line.strip() for line in postrm.splitlines() if not line.lstrip().startswith("#")]
    removals = [c for c in commands if "rm " in c]
    assert removals == ["remove|purge) rm -rf /opt/planmonitor ;;"]  # never the user's data
    md5sums = (tmp_path / "DEBIAN/md5sums").read_text("utf-8")
    assert "  opt/planmonitor/planmonitor\n" in md5sums


def test_a_system_library_missing_from_the_table_stops_the_build(tmp_path: Path) -> None:
    bundle = fake_bundle(tmp_path, "platformthemes/libqgtk3.so")  # needs GTK 3
    with pytest.raises(PackagingError, match=r"libgtk-3\.so\.0 \(needed by .*libqgtk3\.so\)"):
        build(bundle, tmp_path / "out", arch="amd64")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_folder_without_the_program_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(PackagingError, match="PyInstaller"):
        build(tmp_path / "empty", tmp_path / "out", arch="amd64")
