"""Bad files get a clear error naming the file, quickly and in bounded memory; the database is
never touched.

Hostile files are built here: a zip bomb, a zip whose directory lies about a part's size, an
XML bomb (billion laughs), a sheet claiming 17 billion cells, an .ods repeating a value a
billion times. The heaviest run in a child process whose address space is capped, so a reader
that tried to allocate for them would fail the test instead of the machine.
"""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from planmonitor.cli import main
from planmonitor.exchange.sheets.limits import Limits
from planmonitor.services.errors import UserError
from planmonitor.services.importing import ImportService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.store.database import Database, open_database
from planmonitor.store.models import ObservationRow

BAD = Path(__file__).parent / "bad"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def cangzhou(tmp_path: Path):
    db = open_database(tmp_path / "bad.sqlite")
    PlanService(db).install(plan_source("cangzhou"))
    yield db
    db.close()


def observations(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(ObservationRow)) or 0)


def refused(db: Database, path: Path, match: str, limits: Limits | None = None) -> str:
    before = observations(db)
    service = ImportService(db, limits) if limits else ImportService(db)
    with pytest.raises(UserError, match=match) as err:
        service.preview(path, "cangzhou")
    assert path.name in str(err.value)
    assert observations(db) == before
    return str(err.value)


def minimal_xlsx(sheet_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A valid .xlsx container around one sheet's XML."""
    parts = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats'
        b'.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationsh'
        b'ips+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlform'
        b'ats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/she'
        b'et1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.works'
        b'heet+xml"/></Types>',
        "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.'
        b'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlfor'
        b'mats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        b"</Relationships>",
        "xl/workbook.xml": b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.'
        b'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>'
        b"</workbook>",
        "xl/_rels/workbook.xml.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas'
        b'.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://sc'
        b'hemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheet'
        b's/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet_xml,
        **(extra or {}),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


SHEET_HEAD = (
    b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    b'2006/main"><sheetData>'
)
SHEET_TAIL = b"</sheetData></worksheet>"


def test_a_minimal_hand_made_xlsx_is_read(cangzhou: Database, tmp_path: Path) -> None:
    """The container the hostile files below are built on is itself a readable workbook."""
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>指标名称</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>2024年1-9月</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>高新技术企业数量</t></is></c>'
        '<c r="B2"><v>980</v></c></row>'
    ).encode()
    path = tmp_path / "minimal.xlsx"
    path.write_bytes(minimal_xlsx(SHEET_HEAD + rows + SHEET_TAIL))
    preview = ImportService(cangzhou).preview(path, "cangzhou")
    assert [(r.code, r.period_label, r.value, r.where) for r in preview.rows] == [
        ("05", "2024年第三季度", 980.0, "Sheet1!B2")
    ]


def test_empty_file(cangzhou: Database, tmp_path: Path) -> None:
    path = tmp_path / "空.xlsx"
    path.write_bytes(b"")
    refused(cangzhou, path, "文件为空")


def test_truncated_workbook(cangzhou: Database, tmp_path: Path) -> None:
    data = (FIXTURES / "merged-headers.xlsx").read_bytes()
    path = tmp_path / "截断.xlsx"
    path.write_bytes(data[: len(data) // 2])
    refused(cangzhou, path, "损坏")


def test_random_bytes_and_a_broken_xls(cangzhou: Database, tmp_path: Path) -> None:
    junk = tmp_path / "乱码.xlsx"
    junk.write_bytes(bytes(range(256)) * 40)
    refused(cangzhou, junk, "无法识别")
    ole = tmp_path / "坏的.xls"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00\x13" * 3000)
    refused(cangzhou, ole, "损坏|无法读取")


def test_an_encrypted_workbook(cangzhou: Database) -> None:
    refused(cangzhou, BAD / "encrypted.xlsx", "密码")


def test_html_and_xlsb_pretending_to_be_workbooks(cangzhou: Database, tmp_path: Path) -> None:
    html = tmp_path / "系统导出.xls"
    html.write_text("<html><body><table><tr><td>高新技术企业</td></tr></table>", "utf-8")
    refused(cangzhou, html, "网页")
    xlsb = tmp_path / "二进制.xlsb"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/workbook.bin", b"\x00" * 10)
    xlsb.write_bytes(buf.getvalue())
    refused(cangzhou, xlsb, "xlsb")


def test_a_file_over_the_size_limit_is_not_even_read(cangzhou: Database, tmp_path: Path) -> None:
    path = tmp_path / "大文件.csv"
    path.write_bytes(b"a,b\n" * 1000)
    message = refused(cangzhou, path, "超过导入上限", Limits(max_file_bytes=3000))
    assert "MB" in message or "KB" in message


def test_a_csv_with_too_many_cells(cangzhou: Database, tmp_path: Path) -> None:
    path = tmp_path / "很多行.csv"
    path.write_bytes("指标名称,数值\n".encode() + b"x,1\n" * 5000)
    refused(cangzhou, path, "单元格超过", Limits(max_cells=2000))


def test_an_xml_bomb(cangzhou: Database, tmp_path: Path) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">'
            % (i, b"".join(b"&lol%d;" % (i - 1) if i > 1 else b"&lol;" for _ in range(10)))
            for i in range(1, 10)
        )
        + b']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1">'
        b"<si><t>&lol9;</t></si></sst>"
    )
    rows = b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    path = tmp_path / "炸弹.xlsx"
    path.write_bytes(minimal_xlsx(SHEET_HEAD + rows + SHEET_TAIL, {"xl/sharedStrings.xml": bomb}))
    refused(cangzhou, path, "DTD")


def test_a_zip_whose_directory_lies_about_a_part(cangzhou: Database, tmp_path: Path) -> None:
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i) for i in range(1, 3000))
    data = bytearray(minimal_xlsx(SHEET_HEAD + rows + SHEET_TAIL))
    # shrink the declared unpacked size of the sheet in the central directory to 100 bytes
    name = b"xl/worksheets/sheet1.xml"
    at = data.rfind(b"PK\x01\x02", 0, data.rfind(name))
    struct.pack_into("<I", data, at + 24, 100)
    path = tmp_path / "谎报.xlsx"
    path.write_bytes(bytes(data))
    refused(cangzhou, path, "损坏|不完整|无法")


CHILD = textwrap.dedent(
    """
    import resource, sys
    from pathlib import Path
    resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))
    from planmonitor.services.errors import UserError
    from planmonitor.services.importing import ImportService
    from planmonitor.services.plans import PlanService, plan_source
    from planmonitor.store.database import open_database
    db = open_database(Path(sys.argv[2]))
    PlanService(db).install(plan_source("cangzhou"))
    try:
        ImportService(db).preview(Path(sys.argv[1]), "cangzhou")
    except UserError as exc:
        print("REFUSED", exc)
    else:
        print("ACCEPTED")
    """
)


def refused_in_bounded_memory(path: Path, tmp_path: Path, match: str) -> None:
    """Import ``path`` in a child limited to 1.5 GB of address space; it must be refused."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(tmp_path / "child.sqlite")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.startswith("REFUSED"), out.stdout + out.stderr[-2000:]
    assert match in out.stdout and path.name in out.stdout


def test_a_zip_bomb(tmp_path: Path) -> None:
    path = tmp_path / "压缩炸弹.xlsx"
    buf = io.BytesIO()
    # a 200 MB sheet of nothing, about 200 KB packed
    base = zipfile.ZipFile(io.BytesIO(minimal_xlsx(SHEET_HEAD + SHEET_TAIL)))
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for info in base.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                zf.writestr(info.filename, base.read(info))
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(SHEET_HEAD)
            chunk = b" " * (1 << 20)
            for _ in range(200):
                fh.write(chunk)
            fh.write(SHEET_TAIL)
    path.write_bytes(buf.getvalue())
    assert path.stat().st_size < 2_000_000
    refused_in_bounded_memory(path, tmp_path, "压缩比")


def test_a_sheet_claiming_seventeen_billion_cells(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"] = "指标名称"
    ws["XFD1048576"] = 1
    path = tmp_path / "巨大区域.xlsx"
    wb.save(path)
    refused_in_bounded_memory(path, tmp_path, "超过")


def test_an_ods_repeating_a_value_a_billion_times(tmp_path: Path) -> None:
    content = (
        b'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        b'<office:spreadsheet><table:table table:name="Sheet1">'
        b'<table:table-row table:number-rows-repeated="1000000">'
        b'<table:table-cell office:value-type="float" office:value="1" '
        b'table:number-columns-repeated="1000"><text:p>1</text:p></table:table-cell>'
        b"</table:table-row></table:table></office:spreadsheet></office:body>"
        b"</office:document-content>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", b"application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        zf.writestr(
            "META-INF/manifest.xml",
            b'<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
            b'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
            b'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"'
            b"/></manifest:manifest>",
        )
    path = tmp_path / "重复.ods"
    path.write_bytes(buf.getvalue())
    refused_in_bounded_memory(path, tmp_path, "超过")


def test_the_command_line_says_one_line_and_exits_2(
    cangzhou: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "空.xlsx"
    path.write_bytes(b"")
    db = cangzhou.location
    cangzhou.close()
    assert main(["--db", db, "import", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "空.xlsx" in err and "文件为空" in err
