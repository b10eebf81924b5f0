"""Writing all three formats as one stoppable job, and the ``report`` command."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from report_data import CANGZHOU, Q3_2024, TODAY, pdftotext, record_values, squeeze

from planmonitor.cli import main
from planmonitor.domain.periods import Period
from planmonitor.services.errors import UserError
from planmonitor.services.report_export import (
    ReportFiles,
    export_report,
    report_targets,
    suggested_stem,
)


def _run(job):  # type: ignore[no-untyped-def]
    steps = []
    while True:
        try:
            steps.append(next(job))
        except StopIteration as stop:
            return steps, stop.value


def test_all_three_formats_with_progress(report_db, tmp_path: Path, qapp) -> None:
    targets = report_targets(tmp_path / suggested_stem("沧州市科技创新“十四五”规划", Q3_2024))
    steps, files = _run(export_report(report_db, "cangzhou", Q3_2024, None, targets, TODAY))
    assert isinstance(files, ReportFiles) and files.paths == targets
    assert [p.suffix for p in targets.values()] == [".xlsx", ".pdf", ".docx"]
    assert targets["pdf"].name == "沧州市科技创新“十四五”规划主要指标2024年第三季度完成情况.pdf"
    done = [s.done for s in steps]
    assert done == sorted(done) and steps[-1].done == steps[-1].total
    assert any("第2/" in s.message for s in steps)  # PDF pages are reported one by one
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in targets.values())
    ws = load_workbook(targets["xlsx"]).active
    assert ws["A1"].value == files.model.title
    assert squeeze(files.model.title) in squeeze(pdftotext(targets["pdf"]))
    assert Document(str(targets["docx"])).paragraphs[0].text.startswith("《沧州市")


def test_stopping_leaves_no_file_and_keeps_the_old_report(report_db, tmp_path: Path, qapp) -> None:
    targets = report_targets(tmp_path / "季度报告")
    targets["xlsx"].write_bytes(b"last quarter's report")
    job = export_report(report_db, "cangzhou", Q3_2024, None, targets, TODAY)
    for _ in range(4):  # the model, the workbook and a PDF page
        next(job)
    job.close()  # the Cancel button
    assert [p.name for p in tmp_path.iterdir()] == ["季度报告.xlsx"]
    assert targets["xlsx"].read_bytes() == b"last quarter's report"


def test_bad_targets_are_refused_before_anything_is_written(report_db, tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"输出目录 .* 不存在"):
        next(export_report(report_db, "cangzhou", Q3_2024, None, {"pdf": tmp_path / "no/x.pdf"}))
    with pytest.raises(UserError, match="报告格式“odt”"):
        next(export_report(report_db, "cangzhou", Q3_2024, None, {"odt": tmp_path / "x.odt"}))
    with pytest.raises(UserError, match="应为季度"):
        next(export_report(report_db, "cangzhou", Period(2024, 8), None, {"pdf": tmp_path / "x"}))
    assert list(tmp_path.iterdir()) == []


# -- the command ---------------------------------------------------------------------------------


@pytest.fixture
def cli_db(tmp_path: Path) -> str:
    from planmonitor.store.database import open_database

    path = tmp_path / "pm.sqlite"
    db = open_database(path)
    record_values(db, "cangzhou", CANGZHOU)
    db.close()
    return str(path)


@pytest.mark.parametrize("fmt", ["xlsx", "pdf", "docx"])
def test_report_command_writes_each_format(cli_db, tmp_path: Path, capsys, qapp, fmt) -> None:
    out = tmp_path / "out" / "报告"
    out.parent.mkdir()
    code = main(
        ["--db", cli_db, "report", "--quarter", "2024Q3", "--format", fmt, "--out", str(out)]
    )
    printed = capsys.readouterr()
    assert code == 0, printed.err
    written = out.with_name(f"报告.{fmt}")
    assert [p.name for p in out.parent.iterdir()] == [written.name]
    assert f"已生成 {written}" in printed.out
    assert "11项指标，3项达到序时进度，3项略滞后，2项滞后，3项暂无法评价" in printed.out
    if fmt == "xlsx":
        ws = load_workbook(written).active
        names = [ws.cell(r, 2).value for r in range(4, 15)]
        assert "高新技术企业数量" in names
    elif fmt == "pdf":
        assert "高新技术企业数量" in squeeze(pdftotext(written))
    else:
        texts = [p.text for p in Document(str(written)).paragraphs]
        assert any("高新技术企业数量" in t for t in texts)
        assert date.today().strftime("%Y年") in texts[texts.index("沧州市人民政府办公室") + 1]


def test_report_command_dates_the_word_report(cli_db, tmp_path: Path, capsys, qapp) -> None:
    """``--date`` sets the 成文日期 under the 落款; a bad date is one line, nothing written."""
    out = tmp_path / "报告.docx"
    args = ["--db", cli_db, "report", "--quarter", "2024Q3", "--format", "docx", "--out"]
    assert main([*args, str(out), "--date", "2024-10-12"]) == 0
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert texts[texts.index("沧州市人民政府办公室") + 1] == "2024年10月12日"
    capsys.readouterr()
    bad = tmp_path / "坏.docx"
    assert main([*args, str(bad), "--date", "2024-13-40"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "成文日期“2024-13-40”无法识别" in err
    assert not bad.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--quarter", "2024-08", "--format", "pdf"], "应为季度"),
        (["--quarter", "2024Q5", "--format", "pdf"], "季度5"),
        (["--quarter", "2024Q3", "--format", "pdf", "--plan", "nowhere"], "没有规划“nowhere”"),
        (["--quarter", "2024Q3", "--format", "pdf", "--region", "某镇"], "没有地区“某镇”"),
    ],
)
def test_report_command_refuses_bad_input(cli_db, tmp_path, capsys, args, message) -> None:
    code = main(["--db", cli_db, "report", *args, "--out", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert code == 2 and message in err and err.count("\n") == 1
    assert not any(p.name.startswith("r") for p in tmp_path.iterdir())


def test_report_command_refuses_a_suffix_of_another_format(cli_db, tmp_path, capsys) -> None:
    out = tmp_path / "r.xlsx"
    code = main(
        ["--db", cli_db, "report", "--quarter", "2024Q3", "--format", "pdf", "--out", str(out)]
    )
    assert code == 2 and "扩展名 .xlsx 与格式 pdf 不符" in capsys.readouterr().err
    assert not out.exists()


def test_the_gui_worker_runs_the_job_on_a_thread(report_db, tmp_path: Path, qtbot) -> None:
    """What 文件 → 导出季度报告 does: the job on the thread pool, progress by signals."""
    from PySide6.QtCore import QThreadPool

    from planmonitor.exchange.reports.qt_paint import report_font_family
    from planmonitor.gui.workers import GeneratorTask

    report_font_family()  # once, on the GUI thread
    targets = report_targets(tmp_path / "报告")
    task = GeneratorTask(lambda: export_report(report_db, "chengde", Q3_2024, None, targets, TODAY))
    seen: list[tuple[int, int, str]] = []
    task.signals.progress.connect(lambda d, t, m: seen.append((d, t, m)))
    with qtbot.waitSignal(task.signals.finished, timeout=30_000) as finished:
        QThreadPool.globalInstance().start(task)
    files = finished.args[0]
    assert isinstance(files, ReportFiles) and files.paths == targets
    assert all(p.is_file() for p in targets.values())
    assert seen[-1][0] == seen[-1][1] and "报告已生成" in seen[-1][2]
