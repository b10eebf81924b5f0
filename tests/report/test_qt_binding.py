"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 on Python 3.11 did not.

Every call of a method returning nothing (QPen.setWidth, QPainter.drawLine, …) dropped one
reference to None; after a few thousand calls — one PDF report with its charts — the interpreter
aborted with "Fatal Python error: none_dealloc". pyproject.toml excludes that version.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QLineF, QObject
from PySide6.QtGui import QImage, QPainter, QPen


def test_calls_returning_nothing_keep_the_reference_to_none() -> None:
    pen, obj = QPen(), QObject()
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        before = sys.getrefcount(None)
        for _ in range(500):
            pen.setWidth(2)
            obj.setObjectName("x")
            painter.drawLine(QLineF(0, 0, 4, 4))
        lost = before - sys.getrefcount(None)
    finally:
        painter.end()
    assert lost < 100, f"{lost} references to None lost in 1,500 Qt calls"
