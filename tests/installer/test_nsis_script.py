"""The Windows installer script: it compiles (makensis, with a stand-in program folder), carries
the program's version and Chinese text, and its uninstaller never deletes the user's data."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

import planmonitor

REPO = Path(__file__).resolve().parents[2]
NSI = REPO / "installer" / "windows" / "planmonitor.nsi"


def section(text: str, name: str) -> str:
    found = re.search(rf'^Section "{name}".*?^SectionEnd', text, re.MULTILINE | re.DOTALL)
    assert found, f"no section {name}"
    return found.group(0)


def test_uninstaller_deletes_only_what_the_installer_put_there() -> None:
    text = NSI.read_text(encoding="utf-8-sig")
    uninstall = section(text, "Uninstall")
    commands = [line.split(";")[0].strip() for line in uninstall.splitlines()]
    deletions = [c for c in commands if c.startswith(("Delete", "RMDir"))]
    for command in deletions:
        assert "APPDATA" not in command and "PROFILE" not in command, command
        if command.startswith("RMDir /r"):
            assert command == 'RMDir /r "$INSTDIR\\_internal"', command
    assert 'RMDir "$INSTDIR"' in deletions  # the folder itself only when empty
    assert "%LOCALAPPDATA%\\PlanMonitor" in text  # the user is told where the data stay


def test_fixed_identity_and_both_languages() -> None:
    text = NSI.read_text(encoding="utf-8-sig")
    assert re.search(r'!define APPID "\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}"', text)
    assert '!insertmacro MUI_LANGUAGE "SimpChinese"' in text
    assert '!insertmacro MUI_LANGUAGE "English"' in text
    assert NSI.read_bytes().startswith(b"\xef\xbb\xbf")  # makensis reads UTF-8 only with a BOM


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (apt-get install nsis)")
def test_compiles_with_a_stand_in_program(tmp_path: Path) -> None:
    bundle = tmp_path / "planmonitor"
    (bundle / "_internal" / "planmonitor" / "_data").mkdir(parents=True)
    (bundle / "planmonitor.exe").write_bytes(b"MZ stand-in")
    (bundle / "planmonitor-cli.exe").write_bytes(b"MZ stand-in")
    (bundle / "_internal" / "planmonitor" / "_data" / "style.qss").write_text("", "utf-8")
    setup = tmp_path / "PlanMonitor-test-installer.exe"
    subprocess.run(
        ["makensis", "-V2", f"-DBUNDLE={bundle}", f"-DOUTFILE={setup}", str(NSI)],
        check=True,
        capture_output=True,
    )
    data = setup.read_bytes()
    assert data[:2] == b"MZ"
    # The version resource: version from planmonitor/__init__.py, Chinese name intact.
    assert planmonitor.__version__.encode("utf-16-le") in data
    assert "PlanMonitor 规划监测".encode("utf-16-le") in data
