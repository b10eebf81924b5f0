"""Property tests: mutated and random workbooks never crash the importer, never write part of a
file, and never produce a value that is not in the file; structured mutants (cell-reference
lies, .xls stream corruption, repeated rows, merged header ranges) never crash, hang or exceed
the memory cap.

Hypothesis runs derandomised (the "ci" profile in tests/conftest.py) so that a run is the same
every time; the nightly command in the README runs many more examples with a random seed.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from planmonitor.domain.values import NumberError, parse_number
from planmonitor.services.errors import UserError
from planmonitor.services.import_preview import ItemKind
from planmonitor.services.importing import ImportService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.store.database import Database, open_database
from planmonitor.store.models import ObservationRow

FIXTURES = Path(__file__).parent / "fixtures"
BASES = [
    "merged-headers.xlsx",
    "merged-headers.ods",
    "merged-headers.xls",
    "template-filled-lo.xlsx",
    "gbk-long.csv",
]
FUZZ = settings(
    max_examples=int(os.environ.get("PLANMONITOR_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def db(tmp_path: Path):  # type: ignore[no-untyped-def]
    database = open_database(tmp_path / "fuzz.sqlite")
    for plan in ("cangzhou", "xx-district"):
        PlanService(database).install(plan_source(plan))
    yield database
    database.close()


def count(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(ObservationRow)) or 0)


mutation = st.tuples(
    st.sampled_from(["flip", "delete", "insert", "truncate"]),
    st.floats(min_value=0, max_value=1),
    st.binary(min_size=1, max_size=64),
)


def mutate(data: bytes, steps: list[tuple[str, float, bytes]]) -> bytes:
    buf = bytearray(data)
    for op, where, noise in steps:
        if not buf:
            break
        i = min(int(where * len(buf)), len(buf) - 1)
        if op == "flip":
            buf[i] ^= noise[0] or 0xFF
        elif op == "delete":
            del buf[i : i + len(noise)]
        elif op == "insert":
            buf[i:i] = noise
        else:
            del buf[i:]
    return bytes(buf)


@FUZZ
@given(base=st.sampled_from(BASES), steps=st.lists(mutation, min_size=1, max_size=4))
def test_mutated_files_are_read_or_refused_and_never_half_written(
    db: Database, tmp_path: Path, base: str, steps: list[tuple[str, float, bytes]]
) -> None:
    path = tmp_path / f"mutated{Path(base).suffix}"
    path.write_bytes(mutate((FIXTURES / base).read_bytes(), steps))
    plan = "xx-district" if base.startswith("template") else "cangzhou"
    service = ImportService(db)
    before = count(db)
    try:
        preview = service.preview(path, plan)
    except UserError as exc:
        assert path.name in str(exc) or "规划" in str(exc)
        assert count(db) == before
        return
    assert count(db) == before  # a preview writes nothing
    for r in preview.to_write():
        assert r.code and r.period is not None and r.value is not None
    try:
        result = service.commit(preview)
    except UserError:
        assert count(db) == before
        return
    assert count(db) == before + result.written  # all of it (superseded rows stay)


cell = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True, width=64),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.sampled_from(
        ["—", "/", "x.xx", "1,234.5", "１２３", "12.5(3)", "1.29%", "#DIV/0!", "约5", ""]
    ),
    # no control characters, surrogates or non-characters (U+FFFE: openpyxl cannot write them)
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs", "Cn"), blacklist_characters="\ufffe\uffff"),
        max_size=12,
    ),
)
NAMES = [
    "高新技术企业数量",
    "技术合同成交额",
    "科技型中小企业数量",
    "院士工作站",
    "合计",
    "注：说明",
    "",
]


def expected_number(raw: object) -> float | None:
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, int | float):
        return float(f"{float(raw):.15g}")
    try:
        return parse_number(str(raw))
    except NumberError:
        return None


@FUZZ
@given(
    rows=st.lists(st.tuples(st.sampled_from(NAMES), cell, cell), min_size=1, max_size=12),
    header=st.sampled_from(
        [["指标名称", "2024年1-6月", "2024年1-9月"], ["指标", "1-6月", "1-9月"]]
    ),
)
def test_random_tables_give_only_values_that_are_in_the_file(
    db: Database, tmp_path: Path, rows: list[tuple[str, object, object]], header: list[str]
) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["2024年科技指标"])
    ws.append(header)
    for r in rows:
        ws.append(list(r))
    path = tmp_path / "random.xlsx"
    wb.save(path)
    try:
        preview = ImportService(db).preview(path, "cangzhou")
    except UserError:
        return
    stored = load_workbook(path).active  # the values as written to the file
    assert stored is not None
    for r in preview.of(ItemKind.NEW, ItemKind.CHANGED, ItemKind.UNCHANGED, ItemKind.CONFLICT):
        raw = stored[r.cell].value
        assert r.value == expected_number(raw), (r.cell, raw, r.value)
        assert ws.cell(ws[r.cell].row, 1).value in NAMES[:3]
        assert r.period is not None and r.period.year == 2024 and r.period.month in (6, 9)


def test_property_tests_run_derandomised_unless_asked_for_the_nightly_run() -> None:
    """A fresh run of the suite is the same run every time (tests/conftest.py, profile "ci")."""
    nightly = os.environ.get("PLANMONITOR_HYPOTHESIS") == "nightly"
    assert settings.default.derandomize is not nightly


MUTANTS = int(os.environ.get("PLANMONITOR_FUZZ_MUTANTS", "24"))
MUTANT_SEED = os.environ.get("PLANMONITOR_FUZZ_SEED", "20261201")


def test_structured_mutants_never_crash_hang_or_exceed_the_memory_cap() -> None:
    """Cell-reference lies, .xls stream corruption, repeated rows and merged header ranges, in a
    child capped at 2 GB of address space, each mutant with a 10-second alarm."""
    seed = random.randrange(2**32) if MUTANT_SEED == "random" else int(MUTANT_SEED)
    done = subprocess.run(
        [sys.executable, str(Path(__file__).parent / "fuzz_mutants.py"), str(seed), str(MUTANTS)],
        capture_output=True,
        text=True,
        timeout=60 + 15 * MUTANTS,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(json.dumps(result, ensure_ascii=False))  # the numbers quoted in the nightly log
    assert result["tried"] == MUTANTS
    assert result["crashes"] == [], (seed, result["crashes"])
    assert result["hangs"] == [], (seed, result["hangs"])
    assert result["max_memory_mb"] < 2048
