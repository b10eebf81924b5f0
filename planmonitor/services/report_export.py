"""Writing the quarterly report — Excel table, PDF and Word — as one long, stoppable job.

:func:`export_report` is a generator: it yields :class:`Progress` after each step (the model, the
workbook, every PDF page, the Word file) and returns a :class:`ReportFiles`. Each file is written
under a temporary name beside its target and only renamed into place when every format has been
written, so stopping the job (closing the generator) or an error leaves no half-written report
and no earlier report overwritten.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from planmonitor.domain.periods import Period
from planmonitor.domain.report import ReportModel
from planmonitor.services import outfiles
from planmonitor.services.errors import UserError
from planmonitor.services.progress import Progress
from planmonitor.services.report import build_report, check_quarter
from planmonitor.store.database import Database

FORMATS = ("xlsx", "pdf", "docx")
FORMAT_NAMES = {"xlsx": "Excel 指标完成情况表", "pdf": "PDF 报告", "docx": "Word 报告"}


@dataclass(frozen=True)
class ReportFiles:
    """What was written: the model and, per format, the file."""

    model: ReportModel
    paths: dict[str, Path]


def suggested_stem(plan_title: str, quarter: Period) -> str:
    """A file name (without suffix) an office would give the report."""
    name = f"{plan_title}主要指标{quarter.label_zh()}完成情况"
    return re.sub(r'[\\/:*?"<>|]', "", name)


def report_targets(base: Path, formats: tuple[str, ...] = FORMATS) -> dict[str, Path]:
    """One path per format from a base path: 报告 → 报告.xlsx, 报告.pdf, 报告.docx."""
    stem = base.with_suffix("") if base.suffix.lower().lstrip(".") in FORMATS else base
    return {fmt: stem.with_name(f"{stem.name}.{fmt}") for fmt in formats}


def _check_targets(targets: Mapping[str, Path]) -> None:
    if not targets:
        raise UserError("没有指定要生成的报告格式（xlsx、pdf、docx）")
    for fmt, path in targets.items():
        if fmt not in FORMATS:
            raise UserError(f"报告格式“{fmt}”无法生成：应为 xlsx、pdf 或 docx")
        outfiles.check_folder(path)


def _part(path: Path) -> Path:
    return outfiles.part_path(path)


def export_report(
    db: Database,
    plan_id: str,
    quarter: Period,
    region: str | None,
    targets: Mapping[str, Path],
    report_date: date | None = None,
) -> Generator[Progress, None, ReportFiles]:
    """Write the report in each format of ``targets`` (format → file), yielding progress.

    ``report_date`` is the 成文日期 the report is dated with (today when not given): the GUI
    and ``report --date`` pass the date the user chose.
    """
    check_quarter(quarter)
    _check_targets(targets)
    # The writers import Qt and python-docx: only when a report is actually written.
    from planmonitor.exchange.reports.docx_writer import write_report_docx
    from planmonitor.exchange.reports.pdf_writer import CHARTS_PER_PAGE, iter_report_pdf
    from planmonitor.exchange.reports.xlsx_writer import write_report_xlsx

    yield Progress(0, 1, "正在汇总指标数据…")
    model = build_report(db, plan_id, quarter, region, report_date)
    charts = sum(1 for r in model.rows if r.trend is not None)
    pdf_steps = 1 + -(-charts // CHARTS_PER_PAGE) if "pdf" in targets else 0  # pages, estimated
    total = 1 + ("xlsx" in targets) + ("docx" in targets) + pdf_steps
    done = 1
    parts = {fmt: _part(path) for fmt, path in targets.items()}
    failed = None
    try:
        with outfiles.quiet_close_errors():
            writing = next(iter(targets))
            try:
                for fmt in FORMATS:
                    if fmt not in targets:
                        continue
                    writing = fmt
                    yield Progress(done, total, f"正在生成 {FORMAT_NAMES[fmt]}…")
                    if fmt == "pdf":
                        for page, pages in iter_report_pdf(model, parts[fmt]):
                            total, pdf_steps = total - pdf_steps + pages, pages
                            done += 1
                            yield Progress(done, total, f"正在生成 PDF 报告：第{page}/{pages}页")
                        continue
                    if fmt == "xlsx":
                        write_report_xlsx(model, parts[fmt])
                    else:
                        write_report_docx(model, parts[fmt])
                    done += 1
            except outfiles.WRITE_ERRORS as exc:  # a full disk, a folder made read-only…
                failed = outfiles.failure_text(targets[writing], exc)
                outfiles.forget_writer(exc)
        if failed is not None:
            raise UserError(failed)
        for fmt, part in parts.items():  # every file complete before any is renamed
            why = outfiles.why_incomplete(part, targets[fmt].suffix)
            if why is not None:
                kept = "原文件未改动" if targets[fmt].exists() else "未生成文件"
                raise UserError(f"无法写入 {targets[fmt]}：{why}（磁盘已满？）；{kept}")
        for fmt, part in parts.items():
            outfiles.finish(part, targets[fmt])
    finally:
        for part in parts.values():
            part.unlink(missing_ok=True)
    yield Progress(total, total, "报告已生成")
    return ReportFiles(model, dict(targets))
