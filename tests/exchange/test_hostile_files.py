"""Hostile and odd files found by probing the importer (issue 15): each is generated here, and
each is read or refused with one line, in bounded time and memory, with the database untouched.

The ones that would take the machine with them run in a child process whose address space is
capped and which is killed after a minute.
"""

from __future__ import annotations

import struct
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from openpyxl import Workbook
from test_bad_files import SHEET_HEAD, SHEET_TAIL, minimal_xlsx, observations

from planmonitor.services.errors import UserError
from planmonitor.services.import_preview import ItemKind
from planmonitor.services.importing import ImportService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.store.database import Database, open_database

FIXTURES = Path(__file__).parent / "fixtures"

CHILD = textwrap.dedent(
    """
    import resource, sys
    from pathlib import Path
    resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))
    from planmonitor.exchange.sheets.limits import Limits
    from planmonitor.services.errors import UserError
    from planmonitor.services.importing import ImportService
    from planmonitor.services.plans import PlanService, plan_source
    from planmonitor.store.database import open_database
    if __name__ == "__main__":
        db = open_database(Path(sys.argv[2]))
        PlanService(db).install(plan_source("cangzhou"))
        try:
            ImportService(db, Limits(max_seconds=3)).preview(Path(sys.argv[1]), "cangzhou")
        except UserError as exc:
            print("REFUSED", exc)
        else:
            print("ACCEPTED")
    """
)


@pytest.fixture
def cangzhou(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "hostile.sqlite")
    PlanService(db).install(plan_source("cangzhou"))
    yield db
    db.close()


def import_in_child(path: Path, tmp_path: Path) -> tuple[str, str]:
    """(stdout, stderr) of previewing ``path`` in a child capped at 1.5 GB and one minute."""
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(script), str(path), str(tmp_path / "child.sqlite")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout, out.stderr


def test_a_cell_whose_reference_lies_about_its_row_is_refused(tmp_path: Path) -> None:
    """Defect 1: <row r="1"> holding XFD1048576 made calamine ask for 512 GB and abort."""
    rows = b'<row r="1"><c r="A1"><v>1</v></c><c r="XFD1048576"><v>2</v></c></row>'
    path = tmp_path / "谎报引用.xlsx"
    path.write_bytes(minimal_xlsx(SHEET_HEAD + rows + SHEET_TAIL))
    assert path.stat().st_size < 5000
    stdout, stderr = import_in_child(path, tmp_path)
    assert stdout.startswith("REFUSED") and "谎报引用.xlsx" in stdout and "超过" in stdout
    assert stderr == ""


def test_a_single_letter_reference_far_down_is_refused(tmp_path: Path) -> None:
    rows = b'<row r="1"><c r="A1"><v>1</v></c><c r="Z99999999"><v>2</v></c></row>'
    path = tmp_path / "远处.xlsx"
    path.write_bytes(minimal_xlsx(SHEET_HEAD + rows + SHEET_TAIL))
    stdout, _ = import_in_child(path, tmp_path)
    assert stdout.startswith("REFUSED") and "超出工作表的范围（最多1,048,576行" in stdout


def test_a_reference_beyond_column_xfd_is_refused(tmp_path: Path) -> None:
    """CSRH2 (column 66,048) gave a 66,048-column grid that table recognition took 20 s over."""
    rows = b'<row r="1"><c r="A1"><v>1</v></c><c r="CSRH2"><v>2</v></c></row>'
    path = tmp_path / "宽.xlsx"
    path.write_bytes(minimal_xlsx(SHEET_HEAD + rows + SHEET_TAIL))
    stdout, _ = import_in_child(path, tmp_path)
    assert stdout.startswith("REFUSED") and "16,384列" in stdout


def looping_xls() -> bytes:
    """merged-headers.xls with one byte changed: its short-sector chain runs in a circle."""
    data = bytearray((FIXTURES / "merged-headers.xls").read_bytes())
    sector = 1 << struct.unpack_from("<H", data, 30)[0]
    ssat_sector = struct.unpack_from("<i", data, 60)[0]
    at = 512 + ssat_sector * sector + 4 * 5  # the short sector after the 6th points back to 0
    assert struct.unpack_from("<i", data, at)[0] == 6
    data[at] = 0
    return bytes(data)


def test_an_xls_whose_sector_chain_loops_is_stopped_in_time(tmp_path: Path) -> None:
    """Defect 2: xlrd followed the circle for ever, with growing memory."""
    path = tmp_path / "循环.xls"
    path.write_bytes(looping_xls())
    started = time.monotonic()
    stdout, stderr = import_in_child(path, tmp_path)
    assert time.monotonic() - started < 30
    assert stdout.startswith("REFUSED") and "循环.xls" in stdout and "3秒" in stdout, stdout
    assert stdout.count("\n") == 1 and stderr == ""


def test_a_good_xls_is_still_read_with_its_hidden_rows(cangzhou: Database) -> None:
    preview = ImportService(cangzhou).preview(FIXTURES / "merged-headers.xls", "cangzhou")
    assert preview.rows and any(r.hidden for r in preview.rows)


def test_a_row_repeated_thousands_of_times_is_named_in_a_short_message(
    cangzhou: Database, tmp_path: Path
) -> None:
    """Defect 3: every row's message listed every place (2.4 GB of text for 12,000 rows)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["指标名称", "2024年1-9月"])
    for i in range(3000):
        ws.append(["高新技术企业数量", 900 + i % 2])
    path = tmp_path / "重复行.xlsx"
    wb.save(path)
    started = time.monotonic()
    preview = ImportService(cangzhou).preview(path, "cangzhou")
    assert time.monotonic() - started < 20
    assert len(preview.rows) == 3000
    assert all(r.kind is ItemKind.ERROR for r in preview.rows)
    message = preview.rows[0].message
    assert message == "同一指标、地区和期间在 Sheet!B2、Sheet!B3、Sheet!B4 等3000处数值不同"
    assert max(len(r.message) for r in preview.rows) < 80


def test_two_different_values_name_both_places(cangzhou: Database, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["指标名称", "2024年1-9月"])
    ws.append(["高新技术企业数量", 900])
    ws.append(["高新技术企业数量", 980])
    path = tmp_path / "两处.xlsx"
    wb.save(path)
    preview = ImportService(cangzhou).preview(path, "cangzhou")
    assert [r.message for r in preview.rows] == [
        "同一指标、地区和期间在 Sheet!B2、Sheet!B3 处数值不同"
    ] * 2


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_a_merged_range_over_a_header_row_of_names(cangzhou: Database, tmp_path: Path) -> None:
    """Defect 8: A1:E1 merged over a row whose covered texts LibreOffice keeps crashed table
    recognition (min() of nothing). The sheet shows only 地区 there: nothing to read."""
    rows = (
        '<row r="1">'
        + inline("A1", "地区")
        + inline("B1", "高新技术企业数量")
        + inline("C1", "技术合同成交额")
        + inline("D1", "科技型中小企业数量")
        + '</row><row r="2">'
        + inline("A2", "2024年1-9月")
        + '<c r="B2"><v>980</v></c><c r="C2"><v>80</v></c><c r="D2"><v>5</v></c></row>'
    ).encode()
    sheet = (
        SHEET_HEAD
        + rows
        + b'</sheetData><mergeCells count="1"><mergeCell ref="A1:E1"/></mergeCells></worksheet>'
    )
    path = tmp_path / "合并表头.xlsx"
    path.write_bytes(minimal_xlsx(sheet))
    before = observations(cangzhou)
    try:
        preview = ImportService(cangzhou).preview(path, "cangzhou")
    except UserError as exc:
        assert "合并表头.xlsx" in str(exc)
    else:
        assert not preview.to_write()
        assert any("没有找到本规划的指标名称" in m.message for m in preview.messages)
    assert observations(cangzhou) == before


def test_a_corrupt_xls_is_refused_without_a_rust_panic_message(
    cangzhou: Database, capfd: pytest.CaptureFixture[str]
) -> None:
    """Defect 11: calamine's panic printed "thread '<unnamed>' panicked at …cfb.rs" on stderr
    before our one line. (wps-quirks.xls with one sector pointer changed: 31 → 80.)"""
    from planmonitor.cli import main

    data = bytearray((FIXTURES / "wps-quirks.xls").read_bytes())
    assert data[1656] == 31
    data[1656] = 80
    path = Path(cangzhou.location).with_name("坏扇区.xls")
    path.write_bytes(bytes(data))
    where = cangzhou.location
    cangzhou.close()
    capfd.readouterr()
    assert main(["--db", where, "import", str(path)]) == 2
    err = capfd.readouterr().err
    assert "panicked" not in err and "RUST_BACKTRACE" not in err
    assert err.strip().count("\n") == 0 and "坏扇区.xls" in err


def test_an_ods_hiding_a_row_repeated_a_billion_times_is_refused_quickly(tmp_path: Path) -> None:
    """Found by the nightly fuzz run: the hidden-row scan expanded a hidden run of 10^9 rows
    into 10^9 numbers before the area check could refuse the sheet (a minute, then MemoryError)."""
    import io
    import re
    import zipfile

    data = (FIXTURES / "merged-headers.ods").read_bytes()
    content = zipfile.ZipFile(io.BytesIO(data)).read("content.xml")
    first = re.search(rb"<table:table-row ", content)
    assert first is not None
    tag = b'<table:table-row table:visibility="collapse" table:number-rows-repeated="1000000000" '
    content = content[: first.start()] + tag + content[first.end() :]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as zf:
        for info in src.infolist():
            body = content if info.filename == "content.xml" else src.read(info)
            zf.writestr(info, body)
    path = tmp_path / "十亿隐藏行.ods"
    path.write_bytes(out.getvalue())
    started = time.monotonic()
    stdout, stderr = import_in_child(path, tmp_path)
    assert stderr == ""
    assert time.monotonic() - started < 30
    assert stdout.startswith("REFUSED") and "十亿隐藏行.ods" in stdout and "超过" in stdout, stdout
