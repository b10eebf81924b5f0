"""Hidden rows are found in every format and handled the same way (issue 15, defect 12): a stale
copy in a hidden row — LibreOffice writes `table:visibility="collapse"`, here after a run of
repeated rows — no longer conflicts with the visible value so that both were dropped; the visible
value is imported and the hidden one stays a hidden row, not imported unless ticked."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from planmonitor.services.import_preview import ItemKind
from planmonitor.services.importing import ImportService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.store.database import Database, open_database

MANIFEST = (
    b'<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
    b'xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="appl'
    b'ication/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="cont'
    b'ent.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


def text(s: str) -> str:
    return f'<table:table-cell office:value-type="string"><text:p>{s}</text:p></table:table-cell>'


def number(v: float) -> str:
    return (
        f'<table:table-cell office:value-type="float" office:value="{v}">'
        f"<text:p>{v}</text:p></table:table-cell>"
    )


def ods_with_a_stale_hidden_row() -> bytes:
    rows = (
        "<table:table-row>" + text("指标名称") + text("2024年1-9月") + "</table:table-row>"
        '<table:table-row table:number-rows-repeated="3">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        "<table:table-row>" + text("高新技术企业数量") + number(980) + "</table:table-row>"
        '<table:table-row table:visibility="collapse">'
        + text("高新技术企业数量") + number(900) + "</table:table-row>"
        "<table:table-row>" + text("技术合同成交额") + number(80) + "</table:table-row>"
        '<table:table-row table:number-rows-repeated="1048569">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )  # fmt: skip
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        '<office:spreadsheet><table:table table:name="Sheet1">'
        + rows
        + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", b"application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content.encode(), zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", MANIFEST, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def xlsx_with_a_stale_hidden_row() -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["指标名称", "2024年1-9月"])
    for _ in range(3):
        ws.append([None, None])
    ws.append(["高新技术企业数量", 980])
    ws.append(["高新技术企业数量", 900])
    ws.append(["技术合同成交额", 80])
    ws.row_dimensions[6].hidden = True
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.fixture
def cangzhou(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "hidden.sqlite")
    PlanService(db).install(plan_source("cangzhou"))
    yield db
    db.close()


@pytest.mark.parametrize(
    ("name", "make"),
    [("隐藏行.ods", ods_with_a_stale_hidden_row), ("隐藏行.xlsx", xlsx_with_a_stale_hidden_row)],
)
def test_a_stale_hidden_copy_does_not_cancel_the_visible_value(
    cangzhou: Database, tmp_path: Path, name: str, make
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(make())
    service = ImportService(cangzhou)
    preview = service.preview(path, "cangzhou")
    by_cell = {r.cell: r for r in preview.rows}
    visible, hidden = by_cell["B5"], by_cell["B6"]
    assert (visible.value, visible.kind, visible.hidden) == (980.0, ItemKind.NEW, False)
    assert (hidden.value, hidden.hidden) == (900.0, True)
    assert hidden.kind is not ItemKind.ERROR and "数值不同" not in hidden.message
    assert sorted((r.code, r.value) for r in preview.to_write()) == [("05", 980.0), ("09", 80.0)]
    service.commit(preview)
    again = service.preview(path, "cangzhou")
    assert {r.cell: r.kind for r in again.rows}["B5"] is ItemKind.UNCHANGED


def test_two_visible_values_still_conflict_and_a_hidden_twin_is_one_value(
    cangzhou: Database, tmp_path: Path
) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["指标名称", "2024年1-9月"])
    ws.append(["高新技术企业数量", 980])
    ws.append(["高新技术企业数量", 980])  # hidden twin
    ws.append(["技术合同成交额", 80])
    ws.append(["技术合同成交额", 81])  # visible conflict
    ws.row_dimensions[3].hidden = True
    path = tmp_path / "两种.xlsx"
    wb.save(path)
    preview = ImportService(cangzhou).preview(path, "cangzhou")
    kinds = {r.cell: r.kind for r in preview.rows}
    assert kinds == {"B2": ItemKind.NEW, "B4": ItemKind.ERROR, "B5": ItemKind.ERROR}
