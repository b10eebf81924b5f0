"""Reading a fill-in workbook that came back: rows are found by their hidden keys, columns by
the hidden role row (or, if someone deleted that row, by their header text)."""

from __future__ import annotations

from planmonitor.domain.observation import Standing
from planmonitor.exchange.sheets.grid import SheetGrid, WorkbookGrid
from planmonitor.exchange.tables.cellvalues import read_number
from planmonitor.exchange.tables.found import Finding, FoundValue, Where
from planmonitor.exchange.tables.layout import text_of
from planmonitor.exchange.tables.names import Method, NameMatch
from planmonitor.exchange.tables.sheet_context import SheetContext
from planmonitor.exchange.templates.marks import (
    COMMENT_HEADER,
    DENOMINATOR_HEADER,
    META_SHEET,
    NUMERATOR_HEADER,
    ROW_PREFIX,
    STANDING_HEADER,
    VALUE_HEADER,
    decode_key,
    role_of,
)

SEARCH_ROWS = 60
_PART_NAMES = {"numerator": "分子", "denominator": "分母"}


def key_column(grid: SheetGrid) -> int | None:
    """The column holding row keys, if this sheet is a fill-in workbook's data sheet."""
    for r in range(min(len(grid.rows), SEARCH_ROWS)):
        for c, v in enumerate(grid.rows[r]):
            if isinstance(v, str) and (v.startswith(ROW_PREFIX) or role_of(v) == "key"):
                return c
    return None


def template_plan(grid: WorkbookGrid) -> str | None:
    """The plan a fill-in workbook was made for (from its row keys or its hidden sheet)."""
    for sheet in grid.sheets:
        col = key_column(sheet)
        if col is None:
            continue
        for row in sheet.rows:
            key = decode_key(row[col] if col < len(row) else None)
            if key is not None:
                return key.plan
    for sheet in grid.sheets:
        if sheet.name == META_SHEET:
            for row in sheet.rows:
                if len(row) >= 2 and row[0] == "plan" and isinstance(row[1], str):
                    return row[1]
    return None


def _roles(grid: SheetGrid, key_col: int) -> dict[str, int]:
    roles: dict[str, int] = {}
    for r in range(min(len(grid.rows), 10)):
        for c, v in enumerate(grid.rows[r]):
            role = role_of(v)
            if role:
                roles.setdefault(role, c)
    if "value" not in roles:  # the hidden role row was deleted: go by the header texts
        wanted = {
            VALUE_HEADER: "value",
            STANDING_HEADER: "standing",
            COMMENT_HEADER: "comment",
            NUMERATOR_HEADER: "numerator",
            DENOMINATOR_HEADER: "denominator",
        }
        for r in range(min(len(grid.rows), SEARCH_ROWS)):
            for c, v in enumerate(grid.rows[r]):
                if isinstance(v, str) and v.strip() in wanted:
                    roles.setdefault(wanted[v.strip()], c)
    roles.setdefault("key", key_col)
    return roles


def read_template_sheet(
    grid: SheetGrid, key_col: int, ctx: SheetContext
) -> tuple[list[FoundValue], list[Finding]]:
    """Values and messages of one fill-in data sheet."""
    roles = _roles(grid, key_col)
    findings: list[Finding] = []
    values: list[FoundValue] = []
    if "value" not in roles:
        findings.append(
            Finding(
                "error", f"工作表“{grid.name}”找不到“{VALUE_HEADER}”列，未读取", sheet=grid.name
            )
        )
        return values, findings
    plan = ctx.catalog.plan
    regions = {r.code: r.name for r in plan.regions}
    ctx.layout_key = f"template|{grid.name}"
    vc, sc, cc = roles["value"], roles.get("standing"), roles.get("comment")
    for r, row in enumerate(grid.rows):
        cell = row[key_col] if key_col < len(row) else None
        if not isinstance(cell, str) or not cell.startswith(ROW_PREFIX):
            continue
        key = decode_key(cell)
        where = Where(grid.name, r, vc)
        if key is None:
            findings.append(
                Finding("error", f"第{r + 1}行的系统标识已被改动，未读取", where, grid.name)
            )
            continue
        if key.plan != plan.id:
            findings.append(
                Finding(
                    "error",
                    f"第{r + 1}行属于规划“{key.plan}”，不是“{plan.id}”，未读取",
                    where,
                    grid.name,
                )
            )
            continue
        known = any(i.code == key.code for i in plan.indicators)
        name = ctx.base_indicators.name_of(key.code) if known else key.code
        match = NameMatch(
            name,
            key.code if known else None,
            Method.CODE if known else Method.NONE,
            1.0 if known else 0.0,
        )
        qualitative = key.code in ctx.qualitative
        number = read_number(
            row[vc] if vc < len(row) else None, (r, vc) in grid.percent_cells, qualitative
        )
        value, problem = ctx.scale(match.code, number, "", "", "")
        standing = None
        standing_text = text_of(row[sc]) if sc is not None and sc < len(row) else ""
        if standing_text:
            try:
                standing = Standing.parse(standing_text)
            except ValueError:
                problem = problem or f"数据状态“{standing_text}”无法识别（应为 预计、初步 或 正式）"
        parts: list[float | None] = []
        for role in ("numerator", "denominator"):
            col = roles.get(role)
            part = read_number(row[col] if col is not None and col < len(row) else None, False)
            if part.error:
                problem = problem or f"{_PART_NAMES[role]}{part.error}"
            parts.append(part.value)
        if not known:
            problem = problem or f"规划中已没有指标编码“{key.code}”"
        region = key.region if key.region in regions else None
        if region is None:
            problem = problem or f"规划中没有地区编码“{key.region}”"
        values.append(
            FoundValue(
                where=where,
                label=name,
                match=match,
                period=key.period,
                region=region,
                region_label=regions.get(key.region, key.region),
                number=number,
                value=value,
                standing=standing,
                comment=text_of(row[cc]) if cc is not None and cc < len(row) else "",
                problem=problem,
                hidden=r in grid.hidden_rows,
                layout=ctx.layout_key,
                from_template=True,
                numerator=parts[0],
                denominator=parts[1],
            )
        )
    return values, findings
