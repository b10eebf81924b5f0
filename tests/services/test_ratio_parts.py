"""ObservationService with numerator and denominator (the API the entry grid and imports use)."""

from __future__ import annotations

import pytest

from planmonitor.domain.periods import Period
from planmonitor.services.errors import UserError
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.store.database import Database

Y2023 = Period.annual(2023)


@pytest.fixture
def cangzhou(db: Database) -> Database:
    PlanService(db).install(plan_source("cangzhou"))
    return db


def test_parts_are_stored_with_the_ratio_and_compared_on_re_entry(cangzhou: Database) -> None:
    obs = ObservationService(cangzhou)
    first = obs.record("cangzhou", Entry("01", Y2023, None, numerator=70.4, denominator=4400))
    again = obs.record("cangzhou", Entry("01", Y2023, None, numerator=70.4, denominator=4400))
    revised = obs.record("cangzhou", Entry("01", Y2023, None, numerator=72.6, denominator=4400))
    assert [o.kind for o in (first, again, revised)] == ["new", "unchanged", "changed"]
    assert revised.previous == pytest.approx(1.6)
    (current,) = [o for o in obs.current("cangzhou") if o.indicator == "01"]
    assert current.value == pytest.approx(1.65)
    assert (current.numerator, current.denominator) == (72.6, 4400)
    history = obs.history("cangzhou", "01")
    assert [(h.numerator, h.is_current) for h in history] == [(70.4, False), (72.6, True)]


def test_bad_parts_in_a_batch_write_nothing(cangzhou: Database) -> None:
    obs = ObservationService(cangzhou)
    good = Entry("05", Period.quarter(2023, 3), 990.0)
    bad = Entry("01", Y2023, None, numerator=70.4, denominator=-1)
    with pytest.raises(UserError, match="分母（地区生产总值（亿元））应大于零"):
        obs.record_many("cangzhou", [good, bad])
    assert obs.current("cangzhou") == []


def test_a_free_table_with_columns_headed_with_the_parts(db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 10 §9: a statistics table by county, with R&D expenditure and GDP, imports as the
    ratio with its parts; the city's figure is then rolled up from the parts."""
    from openpyxl import Workbook

    from planmonitor.services.import_preview import ItemKind
    from planmonitor.services.importing import ImportService
    from planmonitor.services.status import StatusService

    fixture = "tests/exchange/fixtures/cangzhou-regions.toml"
    PlanService(db).install(plan_source(fixture))
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["各县区研发投入情况"])
    ws.append(
        ["地区", "全社会研发经费支出（亿元）", "地区生产总值（亿元）", "高新技术企业数量（家）"]
    )
    for row in (["运河区", 10, 800, 100], ["新华区", 12, 900, 120], ["沧县", 5, 600, 80]):
        ws.append(row)
    ws.append(["青县", 8, 700, 60])
    path = tmp_path / "各县区.xlsx"
    wb.save(path)
    service = ImportService(db)
    preview = service.preview(path, default_period=Period.annual(2022))
    assert not preview.questions  # the part names are known, not unsure indicator names
    ratios = {r.region: r for r in preview.rows if r.code == "01"}
    assert set(ratios) == {"yunhe", "xinhua", "cangxian", "qingxian"}
    yunhe = ratios["yunhe"]
    assert (yunhe.kind, yunhe.numerator, yunhe.denominator) == (ItemKind.NEW, 10, 800)
    assert yunhe.value == pytest.approx(1.25)
    assert {r.code for r in preview.rows} == {"01", "05"}
    service.commit(preview)
    (city,) = [
        s.status
        for s in StatusService(db).evaluate("cangzhou-regions", Period.quarter(2023, 3))
        if s.indicator.code == "01"
    ]
    assert city.actual == pytest.approx(35 / 3000 * 100)


def test_part_names_down_the_rows_make_the_ratio_and_a_lone_part_is_explained(
    cangzhou: Database, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    from planmonitor.services.import_preview import ItemKind
    from planmonitor.services.importing import ImportService

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["指标名称", "2023年"])
    ws.append(["全社会研发经费支出（亿元）", 70.4])
    ws.append(["地区生产总值（亿元）", 4400])
    ws.append(["常住人口（人）", 7300000])  # 每万人口发明专利's denominator without its numerator
    path = tmp_path / "统计局.xlsx"
    wb.save(path)
    preview = ImportService(cangzhou).preview(path)
    rows = {r.code: r for r in preview.rows}
    assert rows["01"].kind is ItemKind.NEW and rows["01"].value == pytest.approx(1.6)
    assert (rows["01"].numerator, rows["01"].denominator) == (70.4, 4400)
    assert rows["02"].kind is ItemKind.ERROR and "分子和分母应同时填写" in rows["02"].message
    assert not preview.questions
