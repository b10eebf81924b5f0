"""Messy files made by other programs: every clean value is found, and no value is wrong.

The fixtures (tests/exchange/fixtures, made by make_fixtures.py with LibreOffice) and what each
holds are committed; expected.json lists every value a careful reader would take from each
file. A value the importer reads that is not in that list fails the test as surely as a value
it misses — a wrong value is worse than a skipped one.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from planmonitor.services.import_preview import ItemKind, PreviewRow
from planmonitor.services.importing import ImportService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.store.database import Database, open_database

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED: dict[str, dict] = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
READ = (ItemKind.NEW, ItemKind.CHANGED, ItemKind.UNCHANGED, ItemKind.CONFLICT)


def database_for(plan: str, path: Path) -> Database:
    db = open_database(path)
    source = FIXTURES / f"{plan}.toml"
    PlanService(db).install(plan_source(str(source) if source.exists() else plan))
    return db


def values_of(rows: list[PreviewRow], hidden: bool) -> dict[tuple[str, str, str], float]:
    out = {}
    for r in rows:
        if r.kind in READ and r.hidden == hidden:
            assert r.code and r.period and r.region and r.value is not None
            key = (r.code, r.period.key, r.region)
            assert key not in out, f"{key} read twice"
            out[key] = r.value
    return out


def expected_values(items: list[list]) -> dict[tuple[str, str, str], float]:
    return {(code, period, region): value for code, period, region, value in items}


def test_there_are_at_least_ten_fixtures_of_every_kind() -> None:
    suffixes = {Path(n).suffix for n in EXPECTED}
    assert len(EXPECTED) >= 10
    assert {".xlsx", ".xls", ".ods", ".csv", ".xlsm"} <= suffixes
    assert all((FIXTURES / n).is_file() for n in EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_clean_value_is_found_and_none_is_wrong(name: str, tmp_path: Path) -> None:
    exp = EXPECTED[name]
    db = database_for(exp["plan"], tmp_path / "f.sqlite")
    try:
        preview = ImportService(db).preview(FIXTURES / name, exp["plan"])
    finally:
        db.close()
    assert values_of(preview.rows, hidden=False) == expected_values(exp["values"])
    assert values_of(preview.rows, hidden=True) == expected_values(exp["hidden"])
    assert {q.label for q in preview.questions} == set(exp["unknown"])
    assert sorted(r.cell for r in preview.of(ItemKind.ERROR)) == sorted(exp["errors"])
    if "standing" in exp:
        assert {r.standing.value for r in preview.rows if r.kind in READ} == {exp["standing"]}
    for r in preview.rows:  # every row says where it is
        assert r.sheet and r.cell[0].isalpha() and r.cell[-1].isdigit()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_importing_a_fixture_twice_changes_nothing_the_second_time(
    name: str, tmp_path: Path
) -> None:
    exp = EXPECTED[name]
    db = database_for(exp["plan"], tmp_path / "f.sqlite")
    try:
        service = ImportService(db)
        first = service.commit(service.preview(FIXTURES / name, exp["plan"]))
        assert first.new == len(exp["values"])
        again = service.preview(FIXTURES / name, exp["plan"])
        pending = [r for r in again.of(ItemKind.NEW, ItemKind.CHANGED) if not r.hidden]
        assert pending == []
        assert len(again.of(ItemKind.NEW)) == len(exp["hidden"])  # hidden rows stay out
        assert again.counts()["unchanged"] == len(exp["values"])
        assert service.commit(again).written == 0
    finally:
        db.close()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_regenerated_fixtures_read_the_same(tmp_path: Path) -> None:
    """make_fixtures.py, run again now, yields files that import to the committed expectations."""
    import subprocess
    import sys

    out = tmp_path / "fixtures"
    subprocess.run(
        [sys.executable, str(FIXTURES / "make_fixtures.py"), str(out)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    again = json.loads((out / "expected.json").read_text(encoding="utf-8"))
    assert again == EXPECTED
    for name, exp in again.items():
        db = database_for(exp["plan"], tmp_path / f"{name}.sqlite")
        try:
            preview = ImportService(db).preview(out / name, exp["plan"])
        finally:
            db.close()
        assert values_of(preview.rows, hidden=False) == expected_values(exp["values"]), name
