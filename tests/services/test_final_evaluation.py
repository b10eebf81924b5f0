"""总结评估: each target 完成 / 未完成 with its target-year value and standing, as xlsx and docx."""

from __future__ import annotations

from pathlib import Path

import pytest

from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.services.final_evaluation import final_evaluation, write_final_evaluation
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, plan_source


@pytest.fixture
def cangzhou_end(db):
    PlanService(db).install(plan_source("cangzhou"))
    obs = ObservationService(db)
    obs.record("cangzhou", Entry("05", Period.quarter(2025, 4), 1320, standing=Standing.FINAL))
    obs.record("cangzhou", Entry("09", Period.quarter(2025, 4), 140, standing=Standing.ESTIMATE))
    obs.record("cangzhou", Entry("01", Period.annual(2025), 2.2, standing=Standing.PRELIMINARY))
    obs.record("cangzhou", Entry("06", Period.quarter(2025, 4), 13000))
    return db


def test_each_target_met_or_not_with_its_2025_value(cangzhou_end) -> None:
    ev = final_evaluation(cangzhou_end, "cangzhou")
    rows = {r.code: r for r in ev.rows}
    assert (rows["05"].outcome, rows["05"].value, rows["05"].standing) == ("完成", 1320, "正式")
    assert rows["05"].period == "2025年第四季度"
    assert (rows["09"].outcome, rows["09"].standing) == ("未完成", "预计")
    assert rows["09"].progress is not None and rows["09"].progress < 1
    assert (rows["01"].outcome, rows["01"].period) == ("完成", "2025年")
    assert rows["06"].outcome == "未完成"  # 13000 < 13500
    assert rows["02"].outcome == "暂无数据" and rows["02"].value is None
    # 17 (晋级国家高新区, a task's qualitative milestone) was never reported done by its date
    assert rows["17"].outcome == "未完成"
    assert (ev.count("完成"), ev.count("未完成"), ev.count("暂无数据")) == (2, 3, 12)
    assert "已完成2项，未完成3项" in ev.summary and "预计" in ev.summary


def test_written_as_xlsx_and_docx(cangzhou_end, tmp_path: Path) -> None:
    import docx
    import openpyxl

    out_dir = tmp_path / "out"
    out_dir.mkdir()
    x = write_final_evaluation(cangzhou_end, "cangzhou", "xlsx", out_dir / "总结评估")
    assert x.name == "总结评估.xlsx"
    ws = openpyxl.load_workbook(x).active
    header = [c.value for c in ws[3]]
    assert header[:3] == ["序号", "指标", "单位"] and "完成情况" in header
    row5 = next(r for r in ws.iter_rows(min_row=4, values_only=True) if r[1] == "高新技术企业数量")
    assert row5[5] == 1320 and row5[6] == "正式" and row5[7] == "✔ 完成"
    assert all(c.data_type != "f" for r in ws.iter_rows() for c in r)
    d = write_final_evaluation(cangzhou_end, "cangzhou", "docx", out_dir / "总结评估.docx")
    text = "\n".join(p.text for p in docx.Document(str(d)).paragraphs)
    assert "一、总体情况" in text and "三、未完成指标" in text
    assert "技术合同成交额" in text  # listed among the missed targets
    table = docx.Document(str(d)).tables[0]
    assert table.rows[0].cells[7].text == "完成情况"
    assert sorted(p.name for p in out_dir.iterdir()) == ["总结评估.docx", "总结评估.xlsx"]
