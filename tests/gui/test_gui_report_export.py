"""文件 → 导出季度报告 from the window: three files, progress, a real thread, cancel."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox

from planmonitor.gui.workers import GeneratorTask, SynchronousPool


def test_export_writes_the_three_formats(demo_window, tmp_path: Path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    exporter = demo_window.exporter
    exporter.pool = SynchronousPool()
    exporter.export(tmp_path / "季度报告")
    for suffix in (".xlsx", ".pdf", ".docx"):
        assert (tmp_path / f"季度报告{suffix}").stat().st_size > 1000
    sheet = load_workbook(tmp_path / "季度报告.xlsx").worksheets[0]
    text = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert "2024年第三季度" in text and "高新技术企业数量" in text
    assert shown and "季度报告.pdf" in shown[0]
    assert exporter.progress is None and exporter.error is None


def test_export_runs_on_a_thread_and_reports_progress(
    demo_window, tmp_path: Path, qtbot, monkeypatch
) -> None:
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    exporter = demo_window.exporter
    exporter.pool = QThreadPool.globalInstance()
    steps: list[int] = []
    exporter.export(tmp_path / "r")
    assert isinstance(exporter.task, GeneratorTask)
    exporter.task.signals.progress.connect(lambda done, total, msg: steps.append(done))
    with qtbot.waitSignal(exporter.task.signals.finished, timeout=30_000):
        pass
    assert (tmp_path / "r.docx").exists()


def test_cancelling_leaves_no_file(demo_window, tmp_path: Path) -> None:
    exporter = demo_window.exporter
    exporter.pool = SynchronousPool()
    original = exporter.pool.start

    def cancel_then_run(task: GeneratorTask) -> None:
        task.cancel()  # the user pressed Cancel before the first step finished
        original(task)

    exporter.pool.start = cancel_then_run  # type: ignore[method-assign]
    out = tmp_path / "out"
    out.mkdir()
    exporter.export(out / "r")
    assert exporter.error == "已取消，未写入任何文件。" and not list(out.iterdir())
