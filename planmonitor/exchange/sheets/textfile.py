"""Delimited text (.csv, .tsv, and "xls" files that are really text): encoding and delimiter.

Encodings tried: a BOM (UTF-8, UTF-16) decides; otherwise strict UTF-8, then GB18030 (a
superset of GBK and GB2312, which is what Excel and WPS write on a Chinese Windows).
"""

from __future__ import annotations

import codecs
import csv
import io

from planmonitor.exchange.sheets.grid import Cell, SheetGrid
from planmonitor.exchange.sheets.limits import FileRejected, Limits

_DELIMITERS = [",", "\t", ";", "|"]


def decode_text(name: str, data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a delimited-text file."""
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                raise FileRejected(
                    f"{name}：文件以 {enc} 标记开头，但内容不是有效的 {enc} 文本"
                ) from None
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise FileRejected(f"{name}：无法识别文本编码（应为 UTF-8 或 GBK/GB18030）")


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in _DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def read_text_sheet(name: str, data: bytes, limits: Limits) -> tuple[SheetGrid, str]:
    """The file as one sheet of strings, and a note on the encoding used."""
    text, enc = decode_text(name, data)
    delim = _delimiter(text)
    rows: list[list[Cell]] = []
    cells = 0
    try:
        for rec in csv.reader(io.StringIO(text, newline=""), delimiter=delim):
            rows.append(list(rec))
            cells += max(1, len(rec))
            if cells > limits.max_cells:
                raise FileRejected(f"{name}：单元格超过{limits.max_cells:,}个上限，拒绝读取")
    except csv.Error as exc:
        raise FileRejected(f"{name}：第{len(rows) + 1}行无法按 CSV 读取（{exc}）") from None
    shown = {"utf-8-sig": "UTF-8（带 BOM）", "utf-8": "UTF-8", "gb18030": "GBK/GB18030"}
    delim_name = {",": "逗号", "\t": "制表符", ";": "分号", "|": "竖线"}[delim]
    note = f"文本文件：编码 {shown.get(enc, enc)}，分隔符为{delim_name}"
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0] or "Sheet1"
    return SheetGrid(name=stem[:31], rows=rows, extras_known=False), note
