"""A fresh desktop without Qt's xcb libraries (issue 11 §11): one line naming the packages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from planmonitor.app import XCB_LIBRARIES, missing_xcb_packages


def test_missing_xcb_libraries_are_named_as_packages(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    present = {"xcb-icccm", "xcb-image", "xcb-render-util", "xcb-shape", "xcb-keysyms"}
    found = missing_xcb_packages(lambda lib: f"lib{lib}.so" if lib in present else None)
    assert found == ["libxcb-cursor0", "libxkbcommon-x11-0"]
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert missing_xcb_packages(lambda lib: None) == []


def test_this_machine_has_every_xcb_library_the_setup_script_installs() -> None:
    script = (Path(__file__).parents[2] / "tools" / "setup-system.sh").read_text(encoding="utf-8")
    for package in XCB_LIBRARIES.values():
        assert package in script
    probe = (
        "from planmonitor.app import missing_xcb_packages as m;"
        "import os; os.environ['QT_QPA_PLATFORM']='xcb'; print(m())"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
