"""A plan document as plain blocks in reading order: paragraphs and tables (rows of cell text).

Plain text (the seeds, .md, text extracted from .html) becomes blocks here too: runs of
tab-separated lines are tables, and so are tables that lost their grid and came out one cell per
line (序号 / 主要指标 / 2020年 / 完成 … then 1 / name / 1.29 / 2.1 / 预期性 …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ATTRIBUTES = ("预期性", "约束性")


@dataclass
class Paragraph:
    """One paragraph; ``where`` says where it is ("第12段", "第3页")."""

    text: str
    where: str = ""


@dataclass
class Table:
    """A table as rows of cell text; merged cells repeat their text or are ""; ``ragged`` rows
    had fewer cells than the header (cells lost in the source)."""

    rows: list[list[str]]
    where: str = ""
    ragged: set[int] = field(default_factory=set)


Block = Paragraph | Table


def text_blocks(text: str) -> list[Block]:
    """Split plain text into paragraphs and tables."""
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out: list[Block] = []
    i, n_table, n_par = 0, 0, 0
    while i < len(lines):
        line = lines[i]
        if line.count("\t") >= 2:
            j = i
            rows = []
            while j < len(lines) and (lines[j].count("\t") >= 1 or not lines[j].strip()):
                if lines[j].strip():
                    rows.append([c.strip() for c in lines[j].split("\t")])
                elif j + 1 < len(lines) and lines[j + 1].count("\t") < 1:
                    break
                j += 1
            n_table += 1
            out.append(Table(rows, f"表{n_table}"))
            i = j
            continue
        stripped = line.strip()
        if stripped in ("序号", "编号") or (stripped == "类别" and _cell_table_ahead(lines, i)):
            found = _cell_per_line_table(lines, i)
            if found is not None:
                table, i = found
                n_table += 1
                table.where = f"表{n_table}"
                out.append(table)
                continue
        if stripped:
            n_par += 1
            out.append(Paragraph(stripped, f"第{n_par}段"))
        i += 1
    return out


def _cell_table_ahead(lines: list[str], i: int) -> bool:
    ahead = [ln.strip() for ln in lines[i : i + 20] if ln.strip()]
    return any("指标" in a for a in ahead[:4]) and any(a in ATTRIBUTES for a in ahead)


def _cell_per_line_table(lines: list[str], start: int) -> tuple[Table, int] | None:
    """Rebuild a table that came out one cell per line; None if it is not one."""
    cells: list[tuple[int, str]] = [(k, ln.strip()) for k, ln in enumerate(lines) if k >= start]
    cells = [(k, c) for k, c in cells if c]
    header: list[str] = []
    pos = 0
    while pos < len(cells) and len(header) < 12 and cells[pos][1] != "1":
        c = cells[pos][1]
        if len(c) > 12:
            return None
        if header and re.fullmatch(r"\d{4}\s*年", header[-1]) and "指标" not in c:
            header[-1] += c
        else:
            header.append(c)
        pos += 1
    if not any("指标" in h for h in header) or pos >= len(cells):
        return None
    rows: list[list[str]] = [header]
    ragged: set[int] = set()
    expect = 1
    end_line = cells[pos][0]
    while pos < len(cells) and cells[pos][1] == str(expect):
        row = [cells[pos][1]]
        pos += 1
        while pos < len(cells) and len(row) < len(header):
            c = cells[pos][1]
            if c == str(expect + 1) and row[-1] in ATTRIBUTES:
                break
            row.append(c)
            pos += 1
            if c in ATTRIBUTES:
                break
        end_line = cells[pos - 1][0]
        if len(row) < len(header):
            ragged.add(len(rows))
        rows.append(row)
        expect += 1
    if len(rows) < 2:
        return None
    return Table(rows, ragged=ragged), end_line + 1
