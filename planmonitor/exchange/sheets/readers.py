"""Reading any spreadsheet a colleague sends into a :class:`WorkbookGrid`.

Values come from python-calamine (.xlsx, .xlsm, .xls, .ods — about ten times faster than
openpyxl, and it never runs macros). Hidden rows, percentage formats and the sheet's real
extent come from a light scan of the same bytes (:mod:`xlsx_extras`, :mod:`ods_extras`,
:mod:`xls_extras`), which also guards calamine against sheets that would not fit in memory.
Text files are decoded by :mod:`textfile`. The file is read once; every reader sees the same
bytes.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import python_calamine as pc

from planmonitor.exchange.sheets import bounded, ods_extras, xls_extras, xlsx_extras
from planmonitor.exchange.sheets.filekind import Kind, sniff
from planmonitor.exchange.sheets.grid import Cell, Merge, SheetGrid, WorkbookGrid
from planmonitor.exchange.sheets.limits import (
    DEFAULT_LIMITS,
    SHEET_COLUMNS,
    SHEET_ROWS,
    FileRejected,
    Limits,
    size_text,
)
from planmonitor.exchange.sheets.textfile import read_text_sheet
from planmonitor.exchange.sheets.zipguard import CheckedZip

_UNMAPPED = "\x00unmapped"


@dataclass(frozen=True, slots=True)
class _Facts:
    hidden_rows: frozenset[int] = frozenset()
    hidden_cols: frozenset[int] = frozenset()
    percent_cells: frozenset[tuple[int, int]] = frozenset()
    merged: tuple[Merge, ...] | None = None  # None: take calamine's
    area: int = 0
    known: bool = True


def load_bytes(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The file's bytes, refusing a file over the size limit before reading it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FileRejected(f"{path.name}：无法打开文件（{exc.strerror or exc}）") from None
    if size > limits.max_file_bytes:
        raise FileRejected(
            f"{path.name}：文件大小{size_text(size)}超过导入上限{size_text(limits.max_file_bytes)}"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise FileRejected(f"{path.name}：无法读取文件（{exc.strerror or exc}）") from None


def read_workbook(path: Path, limits: Limits = DEFAULT_LIMITS) -> WorkbookGrid:
    """Read the file at ``path``; :class:`FileRejected` with a clear message if it can't be."""
    return read_bytes(path.name, load_bytes(path, limits), limits)


def read_bytes(name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> WorkbookGrid:
    """Read a file given as bytes (``name`` is used in messages and as its name)."""
    if len(data) > limits.max_file_bytes:
        raise FileRejected(f"{name}：文件大小{size_text(len(data))}超过导入上限")
    digest = hashlib.sha256(data).hexdigest()
    kind = sniff(name, data)
    if kind is Kind.TEXT:
        sheet, note = read_text_sheet(name, data, limits)
        return WorkbookGrid(name, digest, kind.value, [sheet], [note])
    if kind is Kind.XLS:  # compound-document readers can loop or allocate without bound
        sheets, notes = _bounded_xls(name, data, limits)
    else:
        try:
            sheets, notes = _read_sheets(name, kind, data, limits)
        except MemoryError:  # (the guards should refuse first; this is the last line)
            raise FileRejected(f"{name}：读取所需内存超出可用内存，文件过大或已损坏") from None
    return WorkbookGrid(name, digest, kind.value, sheets, notes)


def _read_sheets(
    name: str, kind: Kind, data: bytes, limits: Limits
) -> tuple[list[SheetGrid], list[str]]:
    facts = _facts(name, kind, data, limits)
    for sheet_name, f in facts.items():  # before calamine allocates anything
        _check_area(name, sheet_name, f, limits)
    sheets = _calamine_sheets(name, data, facts, limits)
    notes = []
    if kind is Kind.XLS and not all(f.known for f in facts.values()):
        notes.append("未能读取该 .xls 文件的格式信息（隐藏行、百分比格式），仅读取了数值")
    return sheets, notes


def _bounded_xls(name: str, data: bytes, limits: Limits) -> tuple[list[SheetGrid], list[str]]:
    try:
        return bounded.run_bounded(
            _read_sheets, name, Kind.XLS, data, limits, seconds=limits.max_seconds
        )
    except bounded.ChildFailed as exc:
        why = {
            "time": f"读取{limits.max_seconds:.0f}秒仍未完成",
            "memory": f"读取所需内存超过{size_text(bounded.MEMORY_BYTES)}",
        }.get(exc.reason, "读取时读取程序异常退出")
        raise FileRejected(f"{name}：{why}，文件可能已损坏，已停止读取") from None
    except RuntimeError as exc:
        raise FileRejected(f"{name}：文件已损坏或格式不正确，无法读取（{_short(exc)}）") from None


def _facts(name: str, kind: Kind, data: bytes, limits: Limits) -> dict[str, _Facts]:
    if kind is Kind.XLS:
        scanned = xls_extras.scan_xls(data)
        if scanned is None:
            return {}
        return {
            f.name: _Facts(f.hidden_rows, f.hidden_cols, f.percent_cells, None, f.nrows * f.ncols)
            for f in scanned
        }
    box = CheckedZip(name, data, limits)
    try:
        if kind is Kind.ODS:
            content = box.read("content.xml")
            box.verify_all(skip=["content.xml"])
            return {
                f.name: _Facts(
                    frozenset(f.hidden_rows),
                    frozenset(f.hidden_cols),
                    frozenset(f.percent_cells),
                    tuple(f.merged),
                    f.max_row * f.max_col,
                )
                for f in ods_extras.scan_content(name, content)
            }
        parts = xlsx_extras.sheet_parts(box)
        percent = xlsx_extras.percent_styles(box)
        by_part: dict[str, _Facts] = {}
        for part in box.names:  # every sheet part, named in workbook.xml or not
            low = part.lower()
            if low.startswith("xl/") and "sheets/" in low and low.endswith(".xml"):
                x = xlsx_extras.scan_sheet(box.read(part), percent)
                if x.max_row > SHEET_ROWS or x.max_col > SHEET_COLUMNS:
                    raise FileRejected(
                        f"{name}：部件 {part} 的单元格引用超出工作表的范围（最多"
                        f"{SHEET_ROWS:,}行、{SHEET_COLUMNS:,}列），文件已损坏或被改动，拒绝读取"
                    )
                area = max(x.max_row * x.max_col, x.cell_tags)
                by_part[part] = _Facts(x.hidden_rows, x.hidden_cols, x.percent_cells, None, area)
        box.verify_all(skip=by_part)
        out = {n: by_part[p] for n, p in parts.items() if p in by_part}
        # a sheet calamine finds but workbook.xml did not lead to is bounded by the largest part
        out[_UNMAPPED] = _Facts(
            area=max((f.area for f in by_part.values()), default=0), known=False
        )
        return out
    finally:
        box.close()


def _calamine_sheets(
    name: str, data: bytes, facts: dict[str, _Facts], limits: Limits
) -> list[SheetGrid]:
    try:
        wb = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
        metas = wb.sheets_metadata
    except pc.PasswordError:
        raise FileRejected(f"{name}：文件设置了密码（已加密），无法读取") from None
    except BaseException as exc:  # calamine also panics (pyo3 PanicException) on broken files
        _reraise_interrupts(exc)
        raise FileRejected(f"{name}：文件已损坏或格式不正确，无法读取（{_short(exc)}）") from None
    with wb:
        if len(metas) > limits.max_sheets:
            raise FileRejected(f"{name}：工作表过多（{len(metas)}个），拒绝读取")
        out = []
        for meta in metas:
            if meta.typ not in (pc.SheetTypeEnum.WorkSheet,):
                continue
            f = facts.get(meta.name) or facts.get(_UNMAPPED) or _Facts(known=False)
            _check_area(name, meta.name, f, limits)
            try:
                sheet = wb.get_sheet_by_name(meta.name)
                rows: list[list[Cell]] = sheet.to_python(skip_empty_area=False)  # type: ignore[assignment]
                merged = f.merged if f.merged is not None else _merges(sheet)
            except pc.PasswordError:
                raise FileRejected(f"{name}：文件设置了密码（已加密），无法读取") from None
            except BaseException as exc:  # errors, MemoryError and calamine's panics
                _reraise_interrupts(exc)
                raise FileRejected(
                    f"{name}：工作表“{meta.name}”无法读取（{_short(exc)}），文件可能已损坏"
                ) from None
            out.append(
                SheetGrid(
                    name=meta.name,
                    rows=rows,
                    hidden_rows=f.hidden_rows,
                    hidden_cols=f.hidden_cols,
                    merged=list(merged),
                    percent_cells=f.percent_cells,
                    visible=meta.visible == pc.SheetVisibleEnum.Visible,
                    extras_known=f.known,
                )
            )
        return out


def _check_area(name: str, sheet: str, f: _Facts, limits: Limits) -> None:
    if f.area > limits.max_cells:
        shown = "" if sheet == _UNMAPPED else f"“{sheet}”"
        raise FileRejected(
            f"{name}：工作表{shown}的数据区域超过{limits.max_cells:,}个单元格，"
            "拒绝读取（文件过大或已损坏）"
        )


def _merges(sheet: pc.CalamineSheet) -> list[Merge]:
    ranges = sheet.merged_cell_ranges or []
    return [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in ranges]


def _reraise_interrupts(exc: BaseException) -> None:
    if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
        raise exc


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]
