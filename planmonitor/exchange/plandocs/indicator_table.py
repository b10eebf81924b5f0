"""An indicator table (指标表) → draft indicators: columns found by their headers and contents,
category cells filled down, units from a column or the name's brackets, targets read as worded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planmonitor.domain.draft import DraftIndicator
from planmonitor.exchange.plandocs.blocks import ATTRIBUTES, Table
from planmonitor.exchange.plandocs.suggest import cadence_for, unit_for
from planmonitor.exchange.plandocs.targets import MISSING, number_and_unit, read_target, tidy

_UNIT_IN_NAME = re.compile(
    r"\s*[（(]\s*(%|％|[\u4e00-\u9fff]{1,3}|[\u4e00-\u9fff]{1,2}/[\u4e00-\u9fff]{1,2})\s*[)）]?\s*$"
)
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}\s*[.、．]|[（(]\d{1,2}[)）]|\d{1,2}\s+)\s*")
_REGION_HEAD = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:区|县|市|镇|乡|街道|园区|开发区|新区|管委会)$")
_ROLE_WORDS = (
    ("seq", ("序号", "编号")),
    ("attribute", ("属性", "性质")),
    ("responsible", ("责任", "牵头", "负责")),
    ("unit", ("单位",)),
    ("note", ("备注", "说明")),
    ("growth", ("年均", "累计", "增量", "增幅")),
    ("category", ("类别", "分类", "领域", "一级")),
    ("target", ("目标", "规划值", "预期值")),
    ("baseline", ("基数", "基期", "完成", "现状", "基准", "基础")),
    ("name", ("指标",)),
)


@dataclass
class TableReading:
    """What an indicator table gave: indicators, the years its headers name, the sub-regions."""

    indicators: list[DraftIndicator] = field(default_factory=list)
    baseline_year: int | None = None
    target_year: int | None = None
    sub_regions: list[str] = field(default_factory=list)


def is_indicator_table(table: Table) -> bool:
    """True when the table looks like a plan's indicator table."""
    if len(table.rows) < 2:
        return False
    head = "".join(tidy(c) for r in table.rows[:2] for c in r)
    return "指标" in head and (
        any(w in head for w in ("目标", "基数", "完成", "属性", "年"))
        or any(a in c for r in table.rows for c in r for a in ATTRIBUTES)
    )


def _header_row(table: Table) -> int:
    for i, row in enumerate(table.rows[:4]):
        if any("指标" in tidy(c) for c in row) and sum(1 for c in row if tidy(c)) >= 3:
            return i
    return 0


def _continues_header(header: list[str], row: list[str]) -> bool:
    """True for the second row of a two-row header (基数/目标 under 2025年/2030年)."""
    texts = [tidy(c) for c in row if tidy(c)]
    if not texts or any(number_and_unit(t)[0] is not None for t in texts):
        return False
    words = ("基数", "目标", "完成", "预期", "属性", "单位", "累计", "年均", "值")
    repeats = sum(1 for c, t in enumerate(row) if c < len(header) and tidy(t) == tidy(header[c]))
    return all(any(w in t for w in words) or t in (tidy(x) for x in header) for t in texts) and (
        repeats > 0 or len(texts) <= len(header) // 2
    )


def _roles(header: list[str], data: list[list[str]]) -> dict[int, str]:
    roles: dict[int, str] = {}
    for col, h in enumerate(header):
        h = tidy(h).replace(" ", "")
        for role, words in _ROLE_WORDS:
            if any(w in h for w in words):
                roles[col] = role
                break
        else:
            if re.search(r"\d{4}年", h):
                roles[col] = "year"
            elif _REGION_HEAD.match(h):
                roles[col] = "split"
    # the name column is the one with the longest texts; a "指标名称" head over a category column
    width = max(len(header), *(len(r) for r in data)) if data else len(header)
    lengths = {}
    for col in range(width):
        texts = [tidy(r[col]) for r in data if col < len(r) and tidy(r[col])]
        wordy = [t for t in texts if number_and_unit(t)[0] is None and t not in ATTRIBUTES]
        lengths[col] = sum(len(t) for t in wordy) / max(len(texts), 1)
    name_col = max(lengths, key=lambda c: lengths[c])
    for col, role in list(roles.items()):
        if role == "name" and col != name_col:
            roles[col] = "category" if col < name_col else "note"
    roles[name_col] = "name"
    for col in range(name_col):
        if col not in roles:
            roles[col] = "category"
    years = [c for c, r in roles.items() if r == "year"]
    if years and "baseline" not in roles.values():
        roles[years[0]] = "baseline"
    if years and "target" not in roles.values():
        roles[years[-1]] = "target"
    return roles


def _year_of(text: str) -> int | None:
    m = re.search(r"(\d{4})\s*年", tidy(text))
    return int(m.group(1)) if m else None


def read_indicator_table(table: Table, notes: str = "") -> TableReading:
    """Read ``table``; ``notes`` is the text around it (注：[ ]内为累计数)."""
    h = _header_row(table)
    header = list(table.rows[h])
    if h + 1 < len(table.rows) and _continues_header(header, table.rows[h + 1]):
        below = table.rows[h + 1]  # a two-row header: 2025年 over 基数
        header = [
            a if (b := below[c] if c < len(below) else "") in ("", a) else a + b
            for c, a in enumerate(header)
        ]
        h += 1
    data_rows = [
        (i, r)
        for i, r in enumerate(table.rows)
        if i > h and tidy("".join(r)) != tidy("".join(header))
    ]
    roles = _roles(header, [r for _, r in data_rows])
    out = TableReading()
    for col, role in roles.items():
        if role == "baseline" and col < len(header):
            out.baseline_year = _year_of(header[col]) or out.baseline_year
        if role == "target" and col < len(header):
            out.target_year = _year_of(header[col]) or out.target_year
        if role == "split" and col < len(header):
            out.sub_regions.append(tidy(header[col]))
    brackets_cumulative = "累计" in notes or any(
        r == "growth" and "累计" in tidy(header[c]) for c, r in roles.items() if c < len(header)
    )
    category = ""
    for i, row in data_rows:
        if i in table.ragged:
            row = _right_align(row, len(header))
        cells = {roles.get(c, ""): tidy(v) for c, v in enumerate(row) if roles.get(c)}
        name_raw = cells.get("name", "")
        if not name_raw or name_raw in MISSING:
            continue
        if cells.get("category"):
            category = re.sub(r"\s+", "", cells["category"])
        ind = _indicator(row, roles, header, name_raw, category, brackets_cumulative)
        ind.where = f"{table.where}第{i + 1}行"
        ind.source_text = " | ".join(tidy(c) for c in row)
        if i in table.ragged:
            ind.ask("此行在原文中缺少单元格：只有一个数时按目标处理，基数视为空缺，请核对")
        out.indicators.append(ind)
    return out


def _right_align(row: list[str], width: int) -> list[str]:
    """A row that lost cells: keep sequence and name on the left, the rest on the right."""
    keep = 2 if len(row) >= 2 else len(row)
    return row[:keep] + [""] * (width - len(row)) + row[keep:]


def split_unit(name: str) -> tuple[str, str]:
    """ "高新技术企业数量（家）" → ("高新技术企业数量", "家"); also the unclosed "(%"."""
    n = _NUMBERING.sub("", tidy(name))
    m = _UNIT_IN_NAME.search(n)
    if m:
        return _full_brackets(n[: m.start()].strip()), m.group(1).replace("％", "%")
    return _full_brackets(n.strip()), ""


def _full_brackets(name: str) -> str:
    """Names keep the document's full-width brackets: 创新型（试点）企业."""
    return name.replace("(", "（").replace(")", "）")


def _indicator(
    row: list[str],
    roles: dict[int, str],
    header: list[str],
    name_raw: str,
    category: str,
    brackets_cumulative: bool,
) -> DraftIndicator:
    cells: dict[str, str] = {}
    split: dict[str, float] = {}
    for c, v in enumerate(row):
        role = roles.get(c, "")
        if role == "split":
            num, _ = number_and_unit(v)
            if num is not None:
                split[tidy(header[c])] = num
        elif role and role not in cells:
            cells[role] = tidy(v)
    name, unit = split_unit(name_raw)
    ind = DraftIndicator(name=name, unit=unit, category=category, split=split)
    if cells.get("unit"):
        ind.unit = cells["unit"].strip("()（）")
    attr = cells.get("attribute", "")
    ind.attribute = attr if attr in ATTRIBUTES else ""
    base, base_unit = number_and_unit(cells.get("baseline", ""))
    if base is None and cells.get("baseline", "") not in MISSING:
        ind.ask(f"基数“{cells['baseline']}”不是数值，请核对")
    ind.baseline = base
    _target(ind, cells.get("target", ""), cells.get("growth", ""), brackets_cumulative)
    if base_unit and base_unit != ind.unit:
        if ind.unit:
            ind.ask(f"名称中的单位“{ind.unit}”与基数的单位“{base_unit}”不同，已按“{base_unit}”")
        ind.unit = base_unit
    if not ind.unit:
        guess = unit_for(ind.name)
        ind.unit = guess
        ind.ask(f"表中没有写单位，建议“{guess}”，请确认" if guess else "表中没有写单位，请补上")
    if ind.form == "cagr":
        _growth_kind(ind, bool(base_unit))
    if ind.baseline is None and ind.form in ("level", "increase", "cagr", "points"):
        ind.questions.append("规划未给出基数，待录入")
    ind.cadence, ind.profile = cadence_for(ind.name, ind.unit, ind.form)
    resp = cells.get("responsible", "")
    ind.responsible = [s for s in re.split(r"[、,，;；\s]+", resp) if s] if resp else []
    return ind


def _target(ind: DraftIndicator, target: str, growth: str, cumulative: bool) -> None:
    words = read_target(target)
    extra = read_target(growth) if growth else None
    texts = [t for t in (words.text, extra.text if extra else "") if t and t not in MISSING]
    ind.target_text = "；".join(texts)
    ind.comparator = words.comparator
    ind.form = words.form or "level"
    ind.target, ind.increase, ind.rate = words.value, words.increase, words.rate
    if words.unclear:
        ind.ask(words.unclear)
    if extra is not None and extra.form:
        bracketed = bool(re.fullmatch(r"[\[【].*[\]】]", extra.text))
        if extra.form == "increase" or bracketed:
            ind.form, ind.increase = "increase", extra.increase
            if bracketed and not cumulative:
                ind.ask("方括号内的数是否为累计增加？原文未说明")
        elif extra.form in ("level", "cagr", "points"):
            ind.rate = extra.value if extra.form == "level" else extra.rate
            ind.form = "points" if extra.form == "points" else "cagr"
    bracketed_target = re.fullmatch(r"[\[【].*[\]】]", words.text) is not None
    if ind.form == "increase" and not cumulative and bracketed_target:
        ind.ask("方括号内的数是否为累计增加？原文未说明")
    if not ind.form or (ind.form == "level" and ind.target is None):
        ind.ask("没有读到目标值，请补上")
    _check_sum(ind)


def _growth_kind(ind: DraftIndicator, amount_baseline: bool) -> None:
    """年均增长 r: compound growth of an amount, the growth rate itself, or points a year."""
    if ind.unit == "%" and re.search(r"(增长率|增速)$", ind.name) and not amount_baseline:
        ind.form = "growth_rate"
    elif ind.unit == "%" and not amount_baseline:
        ind.form = "points"
        if "%" in ind.target_text:
            ind.ask("“年均增长…%”用在比重类指标上：是每年提高的百分点，还是增速？请确认")


def _check_sum(ind: DraftIndicator) -> None:
    if ind.form == "increase" and None not in (ind.baseline, ind.increase, ind.target):
        assert ind.baseline is not None and ind.increase is not None and ind.target is not None
        if abs(ind.baseline + ind.increase - ind.target) > 1e-6 * max(1.0, abs(ind.target)):
            ind.ask(
                f"基数{ind.baseline:g}加累计增加{ind.increase:g}不等于目标{ind.target:g}，请核对"
            )
