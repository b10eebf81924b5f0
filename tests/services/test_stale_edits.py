"""No lost update: every edit carries the version it was based on; a stale one is refused with
who changed the value, when and to what, and nothing is written (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from planmonitor.domain.periods import Period
from planmonitor.services.importing import ImportService
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.services.stale import StaleEdit
from planmonitor.store.database import Database

Q3 = Period(2024, 9)


@pytest.fixture
def values(db: Database) -> ObservationService:
    PlanService(db).install(plan_source("cangzhou"))
    return ObservationService(db)


def _history(values: ObservationService) -> list[tuple[float | None, bool]]:
    return [(o.value, o.is_current) for o in values.history("cangzhou", "05")]


def test_an_edit_based_on_the_current_version_is_applied_and_reports_the_new_one(
    values: ObservationService,
) -> None:
    (first,) = values.record_many("cangzhou", [Entry("05", Q3, 990.0, base=None)])
    assert first.kind == "new" and first.version is not None
    (second,) = values.record_many("cangzhou", [Entry("05", Q3, 995.0, base=first.version)])
    assert second.kind == "changed" and second.version not in (None, first.version)
    (current,) = values.current("cangzhou")
    assert (current.value, current.version) == (995.0, second.version)


def test_an_edit_based_on_a_superseded_version_is_refused_naming_who_when_and_what(
    values: ObservationService,
) -> None:
    (first,) = values.record_many("cangzhou", [Entry("05", Q3, 990.0, base=None)])
    values.record_many("cangzhou", [Entry("05", Q3, 92.3, base=first.version)], by="cangxian")
    (now,) = values.current("cangzhou")
    assert now.recorded_at is not None
    with pytest.raises(StaleEdit) as caught:
        values.record_many(
            "cangzhou",
            [Entry("06", Q3, 5.0, base=None), Entry("05", Q3, 1000.0, base=first.version)],
        )
    expected = f"该数值已于{now.recorded_at:%H:%M}被“cangxian”修改为92.3"
    assert expected in str(caught.value)
    assert str(caught.value).startswith("指标05，2024年第三季度：")
    assert caught.value.change is not None and caught.value.change.version == now.version
    # nothing of the batch was written
    assert _history(values) == [(990.0, False), (92.3, True)]
    assert values.history("cangzhou", "06") == []


def test_a_first_entry_refused_when_someone_entered_the_value_meanwhile(
    values: ObservationService,
) -> None:
    values.record("cangzhou", Entry("05", Q3, 990.0))
    with pytest.raises(StaleEdit, match="修改为990"):
        values.record_many("cangzhou", [Entry("05", Q3, 991.0, base=None)])
    # the same value as the one entered meanwhile is no conflict
    (same,) = values.record_many("cangzhou", [Entry("05", Q3, 990.0, base=None)])
    assert same.kind == "unchanged"


def test_a_withdrawn_value_refuses_an_edit_based_on_it_and_so_does_a_stale_retract(
    values: ObservationService,
) -> None:
    (first,) = values.record_many("cangzhou", [Entry("05", Q3, 990.0, base=None)])
    assert values.retract("cangzhou", "05", Q3, base=first.version)
    with pytest.raises(StaleEdit, match="撤回"):
        values.record_many("cangzhou", [Entry("05", Q3, 991.0, base=first.version)])
    (again,) = values.record_many("cangzhou", [Entry("05", Q3, 985.0, base=None)])
    with pytest.raises(StaleEdit, match="修改为985"):
        values.retract("cangzhou", "05", Q3, base=first.version)
    assert [o.value for o in values.current("cangzhou")] == [985.0]
    assert again.version is not None


def test_an_import_commit_is_checked_per_value_on_the_server_side(
    values: ObservationService, tmp_path: Path
) -> None:
    values.record("cangzhou", Entry("05", Q3, 980.0))
    table = tmp_path / "填报.csv"
    table.write_text("指标,2024年1-9月\n高新技术企业数量,990\n技术合同成交额,80\n")
    service = ImportService(values.db)
    preview = service.preview(table)
    for r in preview.rows:
        if r.code == "05":
            r.selected = True  # the user accepts the conflict
    rows = {r.code: r for r in preview.to_write()}
    assert set(rows) == {"05", "09"} and rows["05"].base_version is not None

    # no separate check before the commit (issue 16 §5): the version each value was previewed
    # against is checked as it is written, in the commit's own transaction
    values.record("cangzhou", Entry("05", Q3, 985.0), by="qingxian")
    with pytest.raises(StaleEdit, match="修改为985"):
        service.commit(preview)
    assert [o.value for o in values.current("cangzhou")] == [985.0]  # 09 not written either
