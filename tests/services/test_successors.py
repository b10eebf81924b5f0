"""十四五 → 十五五: a successor plan takes the predecessor's 2025 values as its baselines."""

from __future__ import annotations

from pathlib import Path

import pytest

from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plan_drafts import install_draft, read_draft
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.services.successors import SuccessorService, apply_offers

SUCCESSOR_TEXT = """沧州市人民政府办公室关于印发《沧州市科技创新“十五五”规划》的通知
沧州市科技创新“十五五”规划
“十五五”时期科技创新主要指标
序号\t指标\t2025年基数\t2030年目标\t指标属性
1\t高新技术企业数量（家）\t—\t2000\t预期性
2\t技术合同成交额（亿元）\t—\t260\t预期性
3\t全社会研发经费支出占GDP比重（%）\t—\t2.6\t预期性
4\t人工智能企业（家）\t—\t50\t预期性
"""


@pytest.fixture
def cangzhou_2025(db):
    PlanService(db).install(plan_source("cangzhou"))
    obs = ObservationService(db)
    obs.record("cangzhou", Entry("05", Period.quarter(2025, 4), 1320, standing=Standing.FINAL))
    obs.record("cangzhou", Entry("05", Period.quarter(2025, 3), 1200))
    obs.record("cangzhou", Entry("09", Period.quarter(2025, 4), 155.5, standing=Standing.ESTIMATE))
    obs.record("cangzhou", Entry("01", Period.annual(2025), 2.05, standing=Standing.PRELIMINARY))
    return db


def test_successor_document_is_offered_the_2025_values(cangzhou_2025, tmp_path: Path) -> None:
    doc = tmp_path / "cangzhou-15.txt"
    doc.write_text(SUCCESSOR_TEXT, encoding="utf-8")
    draft = read_draft(doc).draft
    assert (draft.baseline_year, draft.target_year) == (2025, 2030)
    service = SuccessorService(cangzhou_2025)
    result = service.offers("cangzhou", draft)
    by_name = {o.name: o for o in result.offers}
    hi = by_name["高新技术企业数量"]
    assert (hi.predecessor_code, hi.value, hi.standing, hi.sure) == ("05", 1320, "正式", True)
    tc = by_name["技术合同成交额"]
    assert (tc.value, tc.standing) == (155.5, "预计")
    assert by_name["全社会研发经费支出占GDP比重"].value == 2.05
    assert "04" in result.unmatched  # 人工智能企业: nothing like it in 十四五
    # the user confirms all three
    assert apply_offers(draft, result.offers, accept_unsure=False, only={"01", "02", "03"}) == 3
    inds = {i.name: i for i in draft.indicators}
    assert inds["高新技术企业数量"].baseline == 1320
    assert inds["技术合同成交额"].baseline == 155.5
    assert any("预计" in q for q in inds["技术合同成交额"].questions)
    assert inds["人工智能企业"].baseline is None
    installed = install_draft(cangzhou_2025, draft, "cangzhou-15")
    assert installed.created
    plans = {p.id for p in PlanService(cangzhou_2025).list_plans()}
    assert plans == {"cangzhou", "cangzhou-15"}  # both plans stay
    new = PlanService(cangzhou_2025).get("cangzhou-15")
    assert new.baseline_year == 2025
    assert {i.name: i.baseline for i in new.indicators}["高新技术企业数量"] == 1320


def test_successor_drafted_from_the_plan_in_the_database(cangzhou_2025) -> None:
    draft = SuccessorService(cangzhou_2025).successor_draft("cangzhou")
    assert draft.title == "沧州市科技创新“十五五”规划"
    assert (draft.baseline_year, draft.target_year) == (2025, 2030)
    inds = {i.code: i for i in draft.indicators}
    assert inds["05"].baseline == 1320
    assert inds["09"].baseline == 155.5
    assert inds["04"].baseline is None  # nothing recorded for 2025
    assert all(not i.sure for i in draft.indicators)  # every new target is to be filled in
