"""十四五 → 十五五 (issue 12 §3): the successor's indicators name their predecessors, stored in
the database (migration 0005), kept by the plan editor and in plan files, cleared when the
predecessor plan goes; the predecessor's history is read for the trend plot."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from carryover_scenario import install_successor, predecessor_with_values, successor_with_values
from sqlalchemy import delete, select

from planmonitor.domain.periods import Period
from planmonitor.domain.plan import PlanRef
from planmonitor.exchange.planfiles.planfile import load_plan_file
from planmonitor.exchange.planfiles.writer import write_plan_file
from planmonitor.services.carried_over import CarriedOverService, plan_label
from planmonitor.services.errors import UserError
from planmonitor.services.observations import ObservationService
from planmonitor.services.plan_editing import PlanEditService
from planmonitor.services.plans import PlanService
from planmonitor.store.models import IndicatorRow, PlanRow


def _links(db, plan_id: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {i.code: i.predecessor for i in PlanService(db).get(plan_id).indicators}


def test_a_successor_names_its_predecessor_and_each_indicator_carried_over(db) -> None:
    predecessor_with_values(db)
    result = install_successor(db)
    assert result.created and result.notes == ()
    new = PlanService(db).get("cangzhou-15")
    assert new.predecessor == PlanRef("cangzhou", "沧州市科技创新“十四五”规划")
    links = _links(db, "cangzhou-15")
    assert len(links) == 17 and all(links[c] == c for c in links)
    # stored as foreign keys to the predecessor's rows
    with db.session() as s:
        pred_plan = s.scalar(select(PlanRow.id).where(PlanRow.key == "cangzhou"))
        row = s.scalar(select(PlanRow).where(PlanRow.key == "cangzhou-15"))
        assert row is not None and row.predecessor_id == pred_plan
        ind = next(i for i in row.indicators if i.code == "05")
        earlier = s.get(IndicatorRow, ind.predecessor_id)
        assert earlier is not None and earlier.plan_id == pred_plan and earlier.code == "05"
        assert ind.predecessor_code == "05" and row.predecessor_key == "cangzhou"
    # and the predecessor's final values became the baselines
    assert {i.code: i.baseline for i in new.indicators}["05"] == 1320


def test_the_plot_data_of_a_carried_over_indicator(db) -> None:
    successor_with_values(db)
    carried = CarriedOverService(db).carried_over("cangzhou-15", "05")
    assert carried is not None
    assert (carried.label, carried.successor_label) == ("十四五规划", "十五五规划")
    assert carried.plan_id == "cangzhou" and carried.indicator.code == "05"
    assert [(o.period, o.value) for o in carried.values] == [
        (Period.quarter(y, 4), v)
        for y, v in [(2021, 880.0), (2022, 990.0), (2023, 1100.0), (2024, 1210.0), (2025, 1320.0)]
    ]
    assert carried.factor == 1 and carried.unit_note == ""
    assert carried.final is not None and carried.final.outcome == "完成"  # 1320 ≥ 1300
    assert carried.final.value == 1320
    # the successor's own values are its own
    own = ObservationService(db).history("cangzhou-15", "05")
    assert [(o.period, o.value) for o in own] == [
        (Period.quarter(2026, 1), 1350.0),
        (Period.quarter(2026, 2), 1400.0),
    ]
    assert CarriedOverService(db).carried_over("cangzhou", "05") is None  # 十四五 has none


def test_units_that_convert_and_units_that_do_not(db) -> None:
    successor_with_values(db)
    plan = PlanService(db).get("cangzhou-15")
    edits = [
        replace(i, unit="万元", baseline=None) if i.code == "09" else i for i in plan.indicators
    ]
    edits = [replace(i, unit="%") if i.code == "05" else i for i in edits]
    PlanEditService(db).save("cangzhou-15", edits, [])
    money = CarriedOverService(db).carried_over("cangzhou-15", "09")
    assert money is not None and money.factor == 10000
    assert [o.value for o in money.values][:2] == [200000.0, 450000.0]  # 20 亿元 = 200000 万元
    assert "换算" in money.unit_note and money.indicator.unit == "万元"
    count = CarriedOverService(db).carried_over("cangzhou-15", "05")
    assert count is not None and count.factor is None and count.values == []
    assert "单位“家”与本期“%”不同" in count.unit_note


def test_the_plan_editor_changes_and_clears_a_link(db) -> None:
    successor_with_values(db)
    plan = PlanService(db).get("cangzhou-15")
    edits = [
        replace(i, predecessor="06")
        if i.code == "05"
        else replace(i, predecessor="")
        if i.code == "09"
        else i
        for i in plan.indicators
    ]
    PlanEditService(db).save("cangzhou-15", edits, [])
    links = _links(db, "cangzhou-15")
    assert (links["05"], links["09"], links["01"]) == ("06", "", "01")
    # a code the predecessor lacks: refused, naming the indicator; nothing written
    bad = [replace(i, predecessor="99") if i.code == "01" else i for i in edits]
    with pytest.raises(UserError, match=r"指标01.*没有指标编码“99”"):
        PlanEditService(db).save("cangzhou-15", bad, [])
    assert _links(db, "cangzhou-15")["01"] == "01"
    # no predecessor plan at all: every link goes
    PlanEditService(db).save(
        "cangzhou-15", [replace(i, predecessor="") for i in edits], [], None, None
    )
    again = PlanService(db).get("cangzhou-15")
    assert again.predecessor is None and not any(i.predecessor for i in again.indicators)


def test_a_plan_file_keeps_the_links(db, tmp_path: Path) -> None:
    successor_with_values(db)
    path = tmp_path / "cangzhou-15.toml"
    write_plan_file(PlanService(db).get("cangzhou-15"), path)
    text = path.read_text(encoding="utf-8")
    assert 'predecessor = { id = "cangzhou", title = "沧州市科技创新“十四五”规划" }' in text
    assert 'predecessor = "05"' in text
    plan = load_plan_file(path)
    assert plan.predecessor == PlanRef("cangzhou", "沧州市科技创新“十四五”规划")
    assert {i.code: i.predecessor for i in plan.indicators}["09"] == "09"
    # installed under another id it links the same way; and found by title when the id differs
    installed = PlanService(db).install(replace(plan, id="copy"))
    assert installed.notes == () and _links(db, "copy")["05"] == "05"
    other = replace(plan, id="copy2", predecessor=PlanRef("cz-14", plan.predecessor.title))
    assert PlanService(db).install(other).notes == ()
    assert PlanService(db).get("copy2").predecessor == plan.predecessor
    # the same file again: nothing to do
    assert not PlanService(db).install(replace(plan, id="copy")).created


def test_a_plan_file_naming_an_unknown_predecessor_loads_with_one_line(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    successor_with_values(db)
    plan = PlanService(db).get("cangzhou-15")
    unknown = replace(plan, id="elsewhere", predecessor=PlanRef("hejian", "河间市十四五规划"))
    result = PlanService(db).install(unknown)
    assert result.created
    (note,) = result.notes
    assert "上期规划“河间市十四五规划”（hejian）不在数据库中" in note and "\n" not in note
    assert not any(_links(db, "elsewhere").values())
    odd = [replace(i, predecessor="77") if i.code == "05" else i for i in plan.indicators]
    result = PlanService(db).install(replace(plan, id="odd", indicators=tuple(odd)))
    (note,) = result.notes
    assert note.startswith("指标05“高新技术企业数量”：上期规划“cangzhou”中没有指标编码“77”")
    assert _links(db, "odd")["05"] == "" and _links(db, "odd")["06"] == "06"


def test_a_plan_file_with_links_but_no_predecessor_is_one_clear_error(tmp_path: Path) -> None:
    from planmonitor.domain.indicator import PlanError

    path = tmp_path / "p.toml"
    path.write_text(
        'format = 1\nid = "p"\ntitle = "T"\nregion = "R"\nbaseline_year = 2025\n'
        'target_year = 2030\n[[indicators]]\ncode = "01"\nname = "N"\ntarget = 5\n'
        'predecessor = "05"\n',
        encoding="utf-8",
    )
    with pytest.raises(PlanError, match=r"^p.toml indicators\[1\]（编码01）：指明了上期指标"):
        load_plan_file(path)


def test_deleting_the_predecessor_plan_clears_the_links_and_keeps_the_values(db) -> None:
    successor_with_values(db)
    with db.session.begin() as s:
        s.execute(delete(PlanRow).where(PlanRow.key == "cangzhou"))
    plan = PlanService(db).get("cangzhou-15")
    assert plan.predecessor is None and not any(i.predecessor for i in plan.indicators)
    with db.session() as s:
        assert (
            s.scalar(select(IndicatorRow.predecessor_id).where(IndicatorRow.code == "05")) is None
        )
    own = ObservationService(db).history("cangzhou-15", "05")
    assert [o.value for o in own] == [1350.0, 1400.0]
    assert CarriedOverService(db).carried_over("cangzhou-15", "05") is None


def test_deleting_through_the_orm_clears_them_too(db) -> None:
    successor_with_values(db)
    with db.session.begin() as s:
        s.delete(s.scalar(select(PlanRow).where(PlanRow.key == "cangzhou")))
    assert PlanService(db).get("cangzhou-15").predecessor is None
    assert not any(_links(db, "cangzhou-15").values())


def test_plan_labels() -> None:
    assert plan_label("沧州市科技创新“十四五”规划", 2020, 2025) == "十四五规划"
    assert plan_label("某县科技创新十五五规划", 2025, 2030) == "十五五规划"
    assert plan_label("科技创新行动方案", 2023, 2027) == "2024—2027年规划"
