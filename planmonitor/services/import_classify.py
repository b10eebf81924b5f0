"""Classifying what a file holds against the database: each found value becomes a preview row
(new, changed, conflict, unchanged, unsure, unknown, error, missing) and each unsure or unknown
label a question. Plain functions over plain data; ``ImportService.preview_steps`` calls
:func:`classify`."""

from __future__ import annotations

from dataclasses import replace

from planmonitor.domain.indicator import Indicator, TargetForm
from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import Plan
from planmonitor.domain.text import clean_text
from planmonitor.exchange.sheets.grid import column_letters
from planmonitor.exchange.tables.cellvalues import CellNumber
from planmonitor.exchange.tables.found import Extraction, FoundValue
from planmonitor.exchange.tables.names import normalise
from planmonitor.services.import_current import CurrentValue
from planmonitor.services.import_preview import (
    Confirmed,
    ImportPreview,
    ItemKind,
    Message,
    PreviewRow,
    Question,
)


def _note_answers(preview: ImportPreview, v: FoundValue, seen: set[tuple[str, str, str]]) -> None:
    """Record which answers this value used, for the layout it was found in."""
    for kind, label in (("indicator", v.label), ("region", v.region_label)):
        if not label:
            continue
        key = normalise(label)
        code = preview.answers.get((kind, key))
        if code is not None and (v.layout, kind, key) not in seen:
            seen.add((v.layout, kind, key))
            preview.confirmed.append(Confirmed(v.layout, kind, key, code, v.where.sheet))


def _letters(known: dict[int, str], col: int) -> str:
    known[col] = column_letters(col)
    return known[col]


def classify(
    preview: ImportPreview,
    ex: Extraction,
    plan: Plan,
    current: dict[tuple[str, str, Period], CurrentValue],
    who: str,
) -> None:
    """Fill ``preview`` (rows, questions, messages) from ``ex``; ``current`` holds the database's
    current value of every (code, region, period) found, ``who`` is the importing user."""
    inds = {i.code: i for i in plan.indicators}
    ranges = {i.code: (i.baseline_year - 1, i.target_year + 5) for i in plan.indicators}
    milestones = {i.code for i in plan.indicators if i.target.form is TargetForm.MILESTONE}
    regions = {r.code: r.name for r in plan.regions}
    questions: dict[tuple[str, str], Question] = {}
    for f in ex.findings:
        preview.messages.append(
            Message(
                f.level,
                f.message,
                f.where.sheet if f.where else f.sheet,
                f.where.cell if f.where else "",
            )
        )
    rows = preview.rows
    seen: set[tuple[str, str, str]] = set()
    quantitative = {
        code: (lo, hi, inds[code].name, inds[code].unit)
        for code, (lo, hi) in ranges.items()
        if code not in milestones
    }
    answers = bool(preview.answers)
    preliminary, new = Standing.PRELIMINARY, ItemKind.NEW
    hidden_note = "位于隐藏的行或列，默认不导入"
    letters: dict[int, str] = {}  # column → "D"
    for v in ex.values:
        m = v.match
        code, period, value, region = m.code, v.period, v.value, v.region
        if (  # the common case, in one step: a clean new value of a quantitative indicator
            code in quantitative
            and period is not None
            and value is not None
            and region is not None
            and not v.problem
            and not v.comment
            and not answers
            and v.numerator is None
            and v.denominator is None
            and not v.number.error
            and (not current or (code, region, period) not in current)
        ):
            lo, hi, name, unit = quantitative[code]
            if lo <= period.year <= hi:
                where, hidden = v.where, v.hidden
                rows.append(
                    PreviewRow(
                        len(rows),
                        new,
                        where.sheet,
                        (letters.get(where.col) or _letters(letters, where.col))
                        + str(where.row + 1),
                        v.label,
                        code,
                        name,
                        unit,
                        period,
                        region,
                        regions.get(region, v.region_label),
                        value,
                        v.number.text,
                        v.standing or preliminary,
                        "",
                        None,
                        "",
                        "",
                        "",
                        m.confidence,
                        m.method,
                        m.candidates,
                        hidden_note if hidden else "",
                        hidden,
                        not hidden,
                        v.layout,
                        None,
                        None,
                        None,
                        v.period_assumed,
                    )
                )
                continue
        if v.comment and clean_text(v.comment).changed:  # e.g. _x000B_ (vertical tab) in a cell
            cleaned = clean_text(v.comment)
            v = replace(v, comment=cleaned.text)
            where = v.where
            preview.messages.append(
                Message("note", f"{where}：情况说明中{cleaned.note}", where.sheet, where.cell)
            )
        if preview.answers:
            _note_answers(preview, v, seen)
        m = v.match
        if m.ignored:
            continue
        if m.code in inds and (v.numerator is not None or v.denominator is not None):
            _with_parts(v, inds[m.code])
        if v.number.missing and m.code is None:
            continue
        where = v.where
        row = PreviewRow(
            len(rows),
            ItemKind.ERROR,
            where.sheet,
            where.cell,
            v.label,
            m.code,
            "",
            "",
            v.period,
            v.region,
            regions.get(v.region or "", v.region_label),
            v.value,
            v.number.text,
            comment=v.comment,
            confidence=m.confidence,
            method=m.method,
            candidates=m.candidates,
            hidden=v.hidden,
            layout=v.layout,
            numerator=v.numerator,
            denominator=v.denominator,
            period_assumed=v.period_assumed,
        )
        rows.append(row)
        if m.code is None or v.region is None:
            kind = "indicator" if m.code is None else "region"
            label = v.label if m.code is None else v.region_label
            row.kind = (
                ItemKind.UNSURE if (kind == "indicator" and m.candidates) else ItemKind.UNKNOWN
            )
            row.message = (
                f"指标名称“{label}”需要确认"
                if row.kind is ItemKind.UNSURE
                else (f"无法识别的指标“{label}”" if kind == "indicator" else v.problem)
            )
            q = questions.setdefault(
                (kind, normalise(label)),
                Question(
                    kind,
                    label,
                    normalise(label),
                    m.candidates if kind == "indicator" else (),
                    sheet=v.where.sheet,
                    layout=v.layout,
                ),
            )
            q.rows.append(row.id)
            continue
        ind = inds[m.code]
        row.name, row.unit = ind.name, ind.unit
        period = v.period
        if (
            not v.problem
            and v.value is not None
            and period is not None
            and ranges[m.code][0] <= period.year <= ranges[m.code][1]
            and not v.number.error
            and m.code not in milestones
        ):  # the common case: a readable value of a quantitative indicator
            _compare(row, v, current.get((m.code, v.region, period)), preview.file, who)
            continue
        if v.number.missing and v.numerator is None and v.denominator is None:
            row.kind, row.message = ItemKind.MISSING, "未填写"
            continue
        problem = v.problem or v.number.error or ""
        if (
            not problem
            and v.period is not None
            and not (ind.baseline_year - 1 <= v.period.year <= ind.target_year + 5)
        ):
            problem = (
                f"期间{v.period.label_zh()}不在规划期{ind.baseline_year}—{ind.target_year}年之内"
            )
        if not problem and ind.target.form is TargetForm.MILESTONE and v.value not in (0.0, 1.0):
            problem = "定性指标应填“完成”或“未完成”"
        if problem or v.period is None or v.value is None:
            row.message = (
                f"单元格内容“{v.number.text}”{problem}" if v.number.error else problem or "无法读取"
            )
            continue
        _compare(row, v, current.get((m.code, v.region, v.period)), preview.file, who)
    preview.questions = list(questions.values())


def _with_parts(v: FoundValue, ind: Indicator) -> None:
    """Compute a ratio from the parts the file gives, or say why they cannot make it."""
    ratio, num, den = ind.ratio, v.numerator, v.denominator
    if ratio is None:
        v.problem = v.problem or f"指标{ind.code}不是比值指标，不能按分子、分母填报"
    elif num is None or den is None:
        v.problem = v.problem or f"分子和分母应同时填写（{ratio.numerator}、{ratio.denominator}）"
    elif den <= 0:
        v.problem = v.problem or f"分母（{ratio.denominator}）应大于零"
    else:
        computed = ratio.value(num, den)
        if v.value is None and not v.number.error:
            v.value = computed
            v.number = CellNumber(computed, text=f"{num:g}÷{den:g}")
        elif v.value is not None and abs(v.value - computed) > 0.5 * 10.0**-ind.decimals:
            v.problem = v.problem or (
                f"填报数值{v.value:g}与分子、分母算得的{computed:.{ind.decimals}f}不符"
            )
        elif v.value is not None:  # the rounded ratio the file shows: keep the exact one
            v.value = computed


def _compare(row: PreviewRow, v: FoundValue, cur: CurrentValue | None, file: str, who: str) -> None:
    # Standing and comment are the file's. Only the same value, re-sent without them, keeps what
    # is recorded: a new value never takes over the standing and comment of the one it replaces.
    same_value = cur is not None and cur.value == row.value
    row.standing = v.standing or (
        Standing(cur.standing) if cur is not None and same_value else Standing.PRELIMINARY
    )
    row.comment = v.comment or (cur.comment if cur is not None and same_value else "")
    if cur is None:
        row.kind = ItemKind.NEW
    else:
        row.old_value, row.old_standing = cur.value, cur.standing
        row.old_source, row.old_by = cur.source, cur.recorded_by
        row.base_version = cur.version
        same = (
            cur.value == row.value
            and cur.standing == row.standing.value
            and cur.comment == row.comment
            and (
                (row.numerator is None and row.denominator is None)  # the file gives no parts
                or (cur.numerator, cur.denominator) == (row.numerator, row.denominator)
            )
        )
        if same:
            row.kind = ItemKind.UNCHANGED
        elif cur.value == row.value or (cur.is_import_of(file) and cur.recorded_by == who):
            row.kind = ItemKind.CHANGED
        else:
            row.kind = ItemKind.CONFLICT
            row.message = (
                f"与现有数值{_num(cur.value)}（{cur.source}，{cur.recorded_by or '未知'}录入）不同"
            )
    row.selected = row.kind in (ItemKind.NEW, ItemKind.CHANGED) and not row.hidden
    if row.hidden:
        row.message = (row.message + "；" if row.message else "") + "位于隐藏的行或列，默认不导入"


def _num(value: float | None) -> str:
    return "—" if value is None else format(value, ".15g")
