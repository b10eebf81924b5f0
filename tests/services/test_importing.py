"""Import previews and commits on SQLite and PostgreSQL: new, changed, conflicting and unchanged
values; questions, answers and remembered mappings; all or nothing; the source of every value."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from planmonitor.domain.observation import Source, Standing
from planmonitor.domain.periods import Period
from planmonitor.services import observations as observations_module
from planmonitor.services.errors import UserError
from planmonitor.services.import_preview import ImportPreview, ItemKind
from planmonitor.services.importing import ImportService
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.services.progress import Progress
from planmonitor.store.database import Database
from planmonitor.store.models import ImportMappingRow, ObservationRow

Q3 = Period.quarter(2024, 3)


@pytest.fixture
def cangzhou(db: Database) -> Database:
    PlanService(db).install(plan_source("cangzhou"))
    return db


def table(path: Path, header: str, rows: list[tuple[str, object]], title: str = "") -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sheet1"
    if title:
        ws.append([title])
    ws.append(["指标名称", header])
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


def by_code(preview: ImportPreview) -> dict[str, ItemKind]:
    return {r.code or r.label: r.kind for r in preview.rows}


def count(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(ObservationRow)) or 0)


def test_new_values_carry_their_file_hash_sheet_and_cell(
    cangzhou: Database, tmp_path: Path
) -> None:
    path = table(
        tmp_path / "区科技局.xlsx",
        "2024年1-9月",
        [("高新技术企业数量", 980), ("技术合同成交额", 80.5)],
    )
    service = ImportService(cangzhou)
    preview = service.preview(path)
    assert by_code(preview) == {"05": ItemKind.NEW, "09": ItemKind.NEW}
    assert count(cangzhou) == 0  # a preview writes nothing
    result = service.commit(preview)
    assert (result.written, result.new) == (2, 2)
    (obs,) = ObservationService(cangzhou).history("cangzhou", "05")
    assert (obs.period, obs.value, obs.standing) == (Q3, 980.0, Standing.PRELIMINARY)
    assert obs.source == Source("import", "区科技局.xlsx", preview.file_hash, "Sheet1", "B2")
    assert len(preview.file_hash) == 64


def test_someone_else_s_value_is_a_conflict_and_is_kept_unless_accepted(
    cangzhou: Database, tmp_path: Path
) -> None:
    ObservationService(cangzhou).record(
        "cangzhou", Entry("05", Q3, 970.0, source=Source("manual")), by="王五"
    )
    path = table(tmp_path / "a.xlsx", "2024年1-9月", [("高新技术企业数量", 980)])
    service = ImportService(cangzhou)
    preview = service.preview(path)
    (row,) = preview.rows
    assert row.kind is ItemKind.CONFLICT and not row.selected
    assert (row.old_value, row.value, row.old_by) == (970.0, 980.0, "王五")
    assert "970" in row.message
    assert service.commit(preview).written == 0
    assert ObservationService(cangzhou).history("cangzhou", "05")[-1].value == 970.0
    row.selected = True  # the user ticks it
    assert service.commit(preview).changed == 1
    history = ObservationService(cangzhou).history("cangzhou", "05")
    assert [(o.value, o.is_current) for o in history] == [(970.0, False), (980.0, True)]


def test_a_corrected_copy_of_the_same_file_is_a_change(cangzhou: Database, tmp_path: Path) -> None:
    service = ImportService(cangzhou)
    path = tmp_path / "区科技局.xlsx"
    service.commit(service.preview(table(path, "2024年1-9月", [("高新技术企业数量", 980)])))
    preview = service.preview(table(path, "2024年1-9月", [("高新技术企业数量", 985)]))
    (row,) = preview.rows
    assert (row.kind, row.old_value, row.value, row.selected) == (ItemKind.CHANGED, 980, 985, True)


def test_a_value_without_standing_does_not_downgrade_a_final_one(
    cangzhou: Database, tmp_path: Path
) -> None:
    ObservationService(cangzhou).record(
        "cangzhou", Entry("05", Q3, 980.0, standing=Standing.FINAL, comment="统计局核定")
    )
    preview = ImportService(cangzhou).preview(
        table(tmp_path / "a.xlsx", "2024年1-9月", [("高新技术企业数量", 980)])
    )
    assert by_code(preview) == {"05": ItemKind.UNCHANGED}
    assert ImportService(cangzhou).commit(preview).written == 0


def test_questions_answers_and_remembering_the_layout_next_quarter(
    cangzhou: Database, tmp_path: Path
) -> None:
    service = ImportService(cangzhou)
    rows = [("万人发明专利拥有量", 3.2), ("院士工作站", 4), ("高新技术企业数量", 980)]
    q3 = table(tmp_path / "q3.xlsx", "2024年1-9月", rows)
    preview = service.preview(q3)
    kinds = by_code(preview)
    assert (
        kinds["万人发明专利拥有量"] is ItemKind.UNSURE and kinds["院士工作站"] is ItemKind.UNKNOWN
    )
    unsure = next(q for q in preview.questions if q.label == "万人发明专利拥有量")
    assert unsure.candidates[0].code == "02" and unsure.kind == "indicator"
    assert not any(r.selected for r in preview.rows if r.code is None)  # never guessed

    answers = {("indicator", unsure.key): "02", ("indicator", "院士工作站"): ""}
    answered = service.preview(q3, answers=answers)
    assert by_code(answered) == {"02": ItemKind.NEW, "05": ItemKind.NEW}
    result = service.commit(answered)
    assert (result.new, result.remembered) == (2, 2)

    # next quarter the same table comes back: nothing to ask
    q4 = table(tmp_path / "q4.xlsx", "2024年1-12月", [(n, v) for n, v in rows])
    again = service.preview(q4)
    assert not again.questions
    assert {(r.code, r.method) for r in again.rows} == {("02", "remembered"), ("05", "exact")}
    with cangzhou.session() as s:
        assert s.scalar(select(func.count()).select_from(ImportMappingRow)) == 2


def test_everything_or_nothing(cangzhou: Database, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ObservationService(cangzhou).record("cangzhou", Entry("05", Q3, 970.0))
    service = ImportService(cangzhou)
    path = table(
        tmp_path / "a.xlsx", "2024年1-9月", [("高新技术企业数量", 980), ("技术合同成交额", 80)]
    )
    preview = service.preview(path)
    for r in preview.rows:
        r.selected = True
    before = ObservationService(cangzhou).history("cangzhou", "05")

    def fail(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(observations_module, "_insert_rows", fail)  # after the UPDATE ran
    with pytest.raises(RuntimeError):
        service.commit(preview)
    assert ObservationService(cangzhou).history("cangzhou", "05") == before
    assert count(cangzhou) == 1


def test_a_database_changed_since_the_preview_is_not_written(
    cangzhou: Database, tmp_path: Path
) -> None:
    service = ImportService(cangzhou)
    preview = service.preview(
        table(tmp_path / "a.xlsx", "2024年1-9月", [("高新技术企业数量", 980)])
    )
    ObservationService(cangzhou).record("cangzhou", Entry("05", Q3, 975.0))
    with pytest.raises(UserError, match="重新预览"):
        service.commit(preview)
    assert ObservationService(cangzhou).history("cangzhou", "05")[-1].value == 975.0


def test_preview_is_a_generator_of_progress_that_can_be_stopped(
    cangzhou: Database, tmp_path: Path
) -> None:
    path = table(tmp_path / "a.xlsx", "2024年1-9月", [("高新技术企业数量", 980)])
    gen = ImportService(cangzhou).preview_steps(path)
    steps = []
    try:
        while True:
            steps.append(next(gen))
    except StopIteration as done:
        preview = done.value
    assert isinstance(preview, ImportPreview) and len(preview.rows) == 1
    assert all(isinstance(s, Progress) and 0 <= s.done <= s.total for s in steps)
    assert len(steps) >= 3

    commit = ImportService(cangzhou).commit_steps(preview)
    next(commit)
    commit.close()  # the user pressed Cancel before anything was written
    assert count(cangzhou) == 0


def test_blank_and_missing_cells_are_not_zero(cangzhou: Database, tmp_path: Path) -> None:
    path = table(
        tmp_path / "a.xlsx",
        "2024年1-9月",
        [("高新技术企业数量", None), ("技术合同成交额", "—"), ("科技领军企业", 0)],
    )
    preview = ImportService(cangzhou).preview(path)
    kinds = {r.code: (r.kind, r.value) for r in preview.rows}
    assert kinds["09"] == (ItemKind.MISSING, None)
    assert kinds["04"] == (ItemKind.NEW, 0.0)
    assert "05" not in kinds or kinds["05"][0] is ItemKind.MISSING


def test_a_table_without_a_period_asks_for_one(cangzhou: Database, tmp_path: Path) -> None:
    path = table(tmp_path / "a.xlsx", "完成值", [("高新技术企业数量", 980)])
    preview = ImportService(cangzhou).preview(path)
    (row,) = preview.rows
    assert row.kind is ItemKind.ERROR and "期间" in row.message
    given = ImportService(cangzhou).preview(path, default_period=Q3)
    assert [(r.kind, r.period) for r in given.rows] == [(ItemKind.NEW, Q3)]


def test_record_many_in_bulk_keeps_the_one_by_one_outcomes(cangzhou: Database) -> None:
    obs = ObservationService(cangzhou)
    obs.record("cangzhou", Entry("05", Q3, 970.0))
    outcomes = obs.record_many(
        "cangzhou",
        [
            Entry("05", Q3, 970.0),  # same as stored
            Entry("09", Q3, 80.0),  # new
            Entry("09", Q3, 81.0),  # the same key again in the batch: supersedes the line above
            Entry("05", Q3, 975.0, standing=Standing.FINAL),  # supersedes the stored one
        ],
        by="张三",
    )
    assert [(o.kind, o.previous) for o in outcomes] == [
        ("unchanged", 970.0),
        ("new", None),
        ("changed", 80.0),
        ("changed", 970.0),
    ]
    assert [(o.value, o.is_current) for o in obs.history("cangzhou", "09")] == [
        (80.0, False),
        (81.0, True),
    ]
    assert [(o.value, o.is_current) for o in obs.history("cangzhou", "05")] == [
        (970.0, False),
        (975.0, True),
    ]
    with pytest.raises(UserError, match="没有指标编码"):  # one bad entry: nothing at all
        obs.record_many("cangzhou", [Entry("06", Q3, 1.0), Entry("99", Q3, 1.0)])
    assert obs.history("cangzhou", "06") == []


def test_an_imported_value_does_not_inherit_the_standing_and_comment_it_replaces(
    cangzhou: Database, tmp_path: Path
) -> None:
    """Issue 11 §3: a new value from a file without standing or comment takes neither over."""
    ObservationService(cangzhou).record(
        "cangzhou",
        Entry("05", Q3, 1018.0, standing=Standing.FINAL, comment="9月新认定10家"),
        by="张科员",
    )
    service = ImportService(cangzhou)
    preview = service.preview(
        table(tmp_path / "a.xlsx", "2024年1-9月", [("高新技术企业数量", 1025)])
    )
    (row,) = preview.rows
    assert (row.kind, row.old_value, row.value) == (ItemKind.CONFLICT, 1018, 1025)
    assert (row.standing, row.comment) == (Standing.PRELIMINARY, "")
    row.selected = True
    assert service.commit(preview).written == 1
    current = [o for o in ObservationService(cangzhou).current("cangzhou") if o.indicator == "05"]
    assert [(o.value, o.standing, o.comment) for o in current] == [
        (1025.0, Standing.PRELIMINARY, "")
    ]
