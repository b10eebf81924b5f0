"""The PDF report, read back with poppler (pdftotext, pdfinfo, pdffonts)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from report_data import Q3_2024, TODAY, pdftotext, squeeze

from planmonitor.exchange.reports.pdf_writer import iter_report_pdf, write_report_pdf
from planmonitor.services.report import build_report


def _tool(name: str, path: Path) -> str:
    exe = shutil.which(name)
    assert exe is not None, f"{name} (poppler-utils) is missing: run tools/setup-system.sh"
    return subprocess.run([exe, str(path)], capture_output=True, check=True).stdout.decode()


@pytest.fixture(scope="module")
def pdfs(report_db, tmp_path_factory, qapp):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("pdf")
    result = {}
    for plan in ("cangzhou", "chengde"):
        model = build_report(report_db, plan, Q3_2024, report_date=TODAY)
        path = out / f"{plan}.pdf"
        write_report_pdf(model, path)
        result[plan] = (model, path)
    return result


@pytest.mark.parametrize("plan", ["cangzhou", "chengde"])
def test_the_table_shows_the_values_statuses_and_names(pdfs, plan) -> None:
    model, path = pdfs[plan]
    text = pdftotext(path)
    flat = squeeze(text)
    assert squeeze(model.title) in flat
    assert "⼀" not in text and "⼆" not in text  # 一 and 二 extract as U+4E00/U+4E8C, not radicals
    if model.has_categories:
        assert "一、" in text and "二、" in text
    for row in model.rows:
        assert squeeze(row.name) in flat, row.name
        assert squeeze(row.status_text) in flat
        assert row.status_word in text
    for c in model.counts:
        if c.count:
            assert f"{c.word}{c.count}项" in flat


def test_cangzhou_numbers_as_the_database_holds_them(pdfs) -> None:
    _, path = pdfs["cangzhou"]
    flat = squeeze(pdftotext(path))
    for shown in ("1010", "1098", "71.0%", "84.2%", "1199", "133.64", "95.00", "100.23", "94.8%"):
        assert shown in flat, shown
    assert "9月末" in flat and "1—9月" in flat  # 统计期 of a stock and of a flow
    assert "1.63" in flat and "2023年" in flat  # the latest annual statistic and its year
    assert "+18.8%" in flat and "+0.08个百分点" in flat
    assert "第1页，共" in flat


def test_chengde_categories_and_a_growth_target(pdfs) -> None:
    _, path = pdfs["chengde"]
    text = pdftotext(path)
    flat = squeeze(text)
    for heading in ("一、创新实力", "二、创新主体", "三、创新支撑", "四、创新环境"):
        assert heading in flat
    assert "年均增长10%" in flat and "28.00" in flat and "84.7%" in flat
    assert "各指标趋势图" in flat


def test_a4_landscape_with_the_shipped_font_embedded(pdfs) -> None:
    model, path = pdfs["cangzhou"]
    info = _tool("pdfinfo", path)
    assert "841.89 x 595.27" in info or "842 x 595" in info, info
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))
    charts = sum(1 for r in model.rows if r.trend is not None)
    assert model.round is not None and not model.round.tasks  # the fixture's plan has no tasks
    assert pages == 1 + 1 + -(-charts // 4)  # the table, 报送与审核情况, four charts a page
    assert model.title in info  # the document title
    fonts = _tool("pdffonts", path)
    assert "WenQuanYiMicroHei" in fonts
    assert all(" yes " in line for line in fonts.splitlines()[2:] if line.strip())  # embedded


def test_each_chart_names_its_indicator(pdfs) -> None:
    model, path = pdfs["cangzhou"]
    info = _tool("pdfinfo", path)
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))
    charts = squeeze(pdftotext(path, "-f", "2", "-l", str(pages)))
    for row in model.rows:
        assert f"{row.number}.{row.name[:12]}" in charts, row.name
    for legend in ("实际值", "序时目标", "规划目标", "预测"):
        assert legend in charts


def test_pages_are_yielded_as_they_are_drawn(report_db, tmp_path: Path, qapp) -> None:
    model = build_report(report_db, "chengde", Q3_2024, report_date=TODAY)
    steps = list(iter_report_pdf(model, tmp_path / "r.pdf"))
    assert steps == [(i, len(steps)) for i in range(1, len(steps) + 1)]
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
