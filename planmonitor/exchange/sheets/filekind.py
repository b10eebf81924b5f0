"""What a file really is, by its first bytes rather than its name (.xls files are often text)."""

from __future__ import annotations

import io
import zipfile
from enum import StrEnum

from planmonitor.exchange.sheets.limits import FileRejected

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
# An OOXML file with an opening password is an OLE container holding these streams.
_ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))


class Kind(StrEnum):
    """The container formats the importer reads."""

    XLSX = "xlsx"  # also .xlsm (macros are never run: only cell values are read)
    XLS = "xls"  # BIFF8 (Excel 97–2003, WPS)
    ODS = "ods"
    TEXT = "text"  # .csv, .tsv, and "xls" files that are really tab-separated text


def sniff(name: str, data: bytes) -> Kind:
    """The kind of ``data``; :class:`FileRejected` for empty, encrypted or unknown files."""
    if not data:
        raise FileRejected(f"{name}：文件为空（0字节）")
    if data.startswith(ZIP_MAGIC):
        return _zip_kind(name, data)
    if data.startswith(OLE_MAGIC):
        if any(s in data for s in _ENCRYPTED_STREAMS):
            raise FileRejected(
                f"{name}：文件设置了打开密码（已加密），无法读取；"
                "请在 Excel/WPS 中取消密码后另存再导入"
            )
        return Kind.XLS
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<html", b"<!doctype html", b"<table", b"<meta")):
        raise FileRejected(
            f"{name}：文件实际是网页（HTML）格式，不是电子表格；"
            "请用 Excel/WPS 打开后另存为 .xlsx 再导入"
        )
    if head.startswith(b"<?xml"):
        raise FileRejected(
            f"{name}：文件是 XML 格式（如 Excel 2003 XML 表格），不受支持；"
            "请用 Excel/WPS 打开后另存为 .xlsx 再导入"
        )
    if _looks_like_text(data[:65536]):
        return Kind.TEXT
    raise FileRejected(f"{name}：无法识别的文件格式；可导入 .xlsx、.xlsm、.xls、.ods 和 .csv 文件")


def _zip_kind(name: str, data: bytes) -> Kind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                info = zf.getinfo("mimetype")
                if info.file_size <= 200 and zf.read(info).strip() == ODS_MIMETYPE:
                    return Kind.ODS
            if "xl/workbook.bin" in names:
                raise FileRejected(
                    f"{name}：文件是 Excel 二进制工作簿（.xlsb），不受支持；请另存为 .xlsx 再导入"
                )
            if any(n.lower() == "xl/workbook.xml" for n in names):
                return Kind.XLSX
    except FileRejected:
        raise
    except Exception:  # zipfile raises many types (BadZipFile, ValueError, zlib.error…)
        raise FileRejected(f"{name}：文件已损坏（压缩包结构不完整），无法读取") from None
    raise FileRejected(f"{name}：压缩文件中没有工作簿，不是 .xlsx 或 .ods 电子表格")


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return head.startswith((b"\xff\xfe", b"\xfe\xff"))  # UTF-16 text from Excel
    for enc in ("utf-8", "gb18030"):
        try:
            head.decode(enc)
            return True
        except UnicodeDecodeError as exc:
            if enc == "utf-8" and exc.start >= len(head) - 4:
                return True  # a multi-byte character cut at the end of the sample
    return False
