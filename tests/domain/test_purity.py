"""planmonitor.domain is plain Python: it imports neither Qt, SQLAlchemy nor file libraries."""

from __future__ import annotations

import subprocess
import sys

FORBIDDEN = ("PySide6", "sqlalchemy", "alembic", "pyqtgraph", "openpyxl", "python_calamine", "docx")


def test_domain_imports_no_qt_sqlalchemy_or_file_libraries() -> None:
    code = (
        "import sys, pkgutil, importlib, planmonitor.domain as d\n"
        "for m in pkgutil.iter_modules(d.__path__):\n"
        "    importlib.import_module('planmonitor.domain.' + m.name)\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"domain pulled in: {out.stdout.strip()}"
