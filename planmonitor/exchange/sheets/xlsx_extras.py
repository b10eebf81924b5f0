"""What calamine does not tell about an .xlsx sheet: hidden rows and columns, percentage cells,
and how far the cells really reach (checked before calamine allocates the sheet).

The sheet XML is scanned with byte patterns rather than parsed: it has passed the zip checks,
carries no DTD, and only a few tags matter. (openpyxl would give the same facts, but takes
seconds per 100,000 rows; this takes milliseconds.)
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET

from planmonitor.exchange.sheets.grid import column_index
from planmonitor.exchange.sheets.limits import FileRejected
from planmonitor.exchange.sheets.zipguard import CheckedZip

_PERCENT_BUILTIN = {9, 10}
# Patterns start with a literal so that the regex engine can skip ahead quickly.
_ROW_R = re.compile(rb'row r="(\d+)"')
_WIDE_REF = re.compile(rb'r="([A-Z]{2,})\d')
_TAG_NAME = re.compile(rb"<(?:\w+:)?(\w+)")
_ATTR_R = re.compile(rb'\br="([A-Z]*)(\d+)"')
_ATTR_MINMAX = re.compile(rb'\b(min|max)="(\d+)"')
_HIDDEN = re.compile(rb'hidden="(?:1|true)"')
NARROW = 26  # columns A–Z: the bound when no cell reference has two letters


@dataclass(frozen=True, slots=True)
class XlsxSheetFacts:
    """What one sheet's XML says beyond its values."""

    hidden_rows: frozenset[int]
    hidden_cols: frozenset[int]
    percent_cells: frozenset[tuple[int, int]]
    max_row: int
    max_col: int
    cell_tags: int


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml(box: CheckedZip, part: str) -> Element:
    try:
        root: Element = SafeET.fromstring(box.read(part))
        return root
    except Exception as exc:  # defusedxml raises several types for hostile or broken XML
        raise FileRejected(f"{box.file}：部件 {part} 无法解析（{type(exc).__name__}）") from None


def sheet_parts(box: CheckedZip) -> dict[str, str]:
    """Sheet name → the part holding its XML (from workbook.xml and its relationships)."""
    wb_part = next(n for n in box.names if n.lower() == "xl/workbook.xml")
    rels_part = posixpath.join(posixpath.dirname(wb_part), "_rels", "workbook.xml.rels")
    targets: dict[str, str] = {}
    if rels_part in box.names:
        for rel in _xml(box, rels_part):
            target = rel.get("Target", "")
            if target.startswith("/"):
                path = target.lstrip("/")
            else:
                path = posixpath.normpath(posixpath.join(posixpath.dirname(wb_part), target))
            targets[rel.get("Id", "")] = path
    out: dict[str, str] = {}
    for el in _xml(box, wb_part).iter():
        if _local(el.tag) == "sheet":
            rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), "")
            if rid in targets:
                out[el.get("name", "")] = targets[rid]
    return out


def percent_styles(box: CheckedZip) -> set[int]:
    """Indices of the cell formats (cellXfs) that show numbers as percentages."""
    part = next((n for n in box.names if n.lower() == "xl/styles.xml"), None)
    if part is None:
        return set()
    root = _xml(box, part)
    percent_fmts = set(_PERCENT_BUILTIN)
    for el in root.iter():
        if _local(el.tag) == "numFmt" and is_percent_format(el.get("formatCode", "")):
            percent_fmts.add(int(el.get("numFmtId", "-1")))
    out: set[int] = set()
    for el in root.iter():
        if _local(el.tag) == "cellXfs":
            for i, xf in enumerate(x for x in el if _local(x.tag) == "xf"):
                if int(xf.get("numFmtId", "0")) in percent_fmts:
                    out.add(i)
    return out


def is_percent_format(code: str) -> bool:
    """True when a number format shows a percentage: a % outside quotes, escapes and [..]."""
    code = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code)
    return "%" in code


def scan_sheet(data: bytes, percent_xfs: set[int]) -> XlsxSheetFacts:
    """Hidden rows/columns, percentage cells and the extent of one sheet's XML."""
    rows = _ROW_R.findall(data)
    prefixed = b":sheetData" in data  # tags written as <x:row>, <x:c>
    row_tags = data.count(b"<row") + (data.count(b":row ") if prefixed else 0)
    top = _largest(rows)
    max_row = top + max(0, row_tags - len(rows))
    max_row = max(max_row, _largest_cell_row(data, top))
    wide = {column_index(c.decode()) + 1 for c in set(_WIDE_REF.findall(data))}
    max_col = max(wide) if wide else NARROW
    # every "<c" (also the few <col> tags: an upper bound) — one pass
    cell_tags = data.count(b"<c") + (data.count(b":c ") if prefixed else 0)
    hidden_rows: set[int] = set()
    hidden_cols: set[int] = set()
    for tag in _tags_containing(data, _HIDDEN):
        name = _TAG_NAME.match(tag)
        kind = name.group(1) if name else b""
        if kind == b"row":
            r = _ATTR_R.search(tag)
            if r:
                hidden_rows.add(int(r.group(2)) - 1)
        elif kind == b"col":
            bounds = dict(_ATTR_MINMAX.findall(tag))
            lo, hi = int(bounds.get(b"min", b"1")), int(bounds.get(b"max", b"1"))
            hidden_cols.update(range(lo - 1, min(hi, 16384)))
    return XlsxSheetFacts(
        frozenset(hidden_rows),
        frozenset(hidden_cols),
        frozenset(_percent_cells(data, percent_xfs)),
        max_row,
        max_col,
        cell_tags,
    )


def _largest(numbers: list[bytes]) -> int:
    """The largest of decimal numbers given as bytes, without converting every one: the longest
    are the largest, and among equally long ones byte order is number order (with leading
    zeros, which no writer emits, every number is converted)."""
    if not numbers:
        return 0
    longest = max(map(len, numbers))
    top = max(n for n in numbers if len(n) == longest)
    if top[:1] == b"0":
        return max(map(int, numbers))
    return int(top)


def _largest_cell_row(data: bytes, row_max: int) -> int:
    """The largest row number in a cell reference: a cell may claim a row its ``<row>`` does not
    (readers place it by its own reference). Only references with at least as many digits as the
    largest ``<row r>`` are looked at, so an honest sheet costs one quick pass."""
    digits = len(str(row_max))
    return _largest(re.findall(rb'r="[A-Z]+(\d{%d,})"' % digits, data))


def _tags_containing(data: bytes, pattern: re.Pattern[bytes]) -> list[bytes]:
    """The start tags in which ``pattern`` occurs."""
    out = []
    for m in pattern.finditer(data):
        start = data.rfind(b"<", 0, m.start())
        end = data.find(b">", m.end())
        if start >= 0 and end > 0:
            out.append(data[start : end + 1])
    return out


def _percent_cells(data: bytes, percent_xfs: set[int]) -> set[tuple[int, int]]:
    if not percent_xfs:
        return set()
    alts = b"|".join(str(i).encode() for i in sorted(percent_xfs))
    out: set[tuple[int, int]] = set()
    for tag in _tags_containing(data, re.compile(rb's="(?:' + alts + rb')"')):
        name = _TAG_NAME.match(tag)
        ref = _ATTR_R.search(tag)
        if name and name.group(1) == b"c" and ref and ref.group(1):
            out.add((int(ref.group(2)) - 1, column_index(ref.group(1).decode())))
    return out
