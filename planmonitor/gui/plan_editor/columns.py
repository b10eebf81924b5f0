"""The plan editor's columns: how each indicator field is shown and read back from text.

A field that cannot be read raises :class:`PlanError` naming the indicator and the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from planmonitor.domain.indicator import (
    Attribute,
    Cadence,
    Comparator,
    Indicator,
    Milestone,
    Nature,
    PlanError,
    RatioSpec,
    ReleaseProfile,
    TargetForm,
)
from planmonitor.domain.values import NumberError, parse_number

FORM_LABELS = {
    TargetForm.LEVEL: str(QT_TRANSLATE_NOOP("PlanEditor", "level")),
    TargetForm.INCREASE: str(QT_TRANSLATE_NOOP("PlanEditor", "cumulative increase")),
    TargetForm.POINTS: str(QT_TRANSLATE_NOOP("PlanEditor", "points a year")),
    TargetForm.CAGR: str(QT_TRANSLATE_NOOP("PlanEditor", "average annual growth")),
    TargetForm.GROWTH_RATE: str(QT_TRANSLATE_NOOP("PlanEditor", "growth rate")),
    TargetForm.QUOTA: str(QT_TRANSLATE_NOOP("PlanEditor", "yearly quota")),
    TargetForm.MILESTONE: str(QT_TRANSLATE_NOOP("PlanEditor", "qualitative milestone")),
}
COMPARATOR_LABELS = {Comparator.GE: "≥", Comparator.LE: "≤", Comparator.APPROX: "≈"}
CADENCE_LABELS = {
    Cadence.CUMULATIVE_FLOW: str(QT_TRANSLATE_NOOP("PlanEditor", "cumulative flow")),
    Cadence.BATCH: str(QT_TRANSLATE_NOOP("PlanEditor", "batch")),
    Cadence.ANNUAL_LATE: str(QT_TRANSLATE_NOOP("PlanEditor", "annual, published late")),
    Cadence.SMOOTH_STOCK: str(QT_TRANSLATE_NOOP("PlanEditor", "smooth stock")),
    Cadence.ANNUAL_RESTART: str(QT_TRANSLATE_NOOP("PlanEditor", "annual count")),
}
_FLOWS = {Cadence.CUMULATIVE_FLOW, Cadence.ANNUAL_RESTART}


def tr(text: str) -> str:
    """Translate in the plan editor's context."""
    return QCoreApplication.translate("PlanEditor", text)


def _num(ind: Indicator, field: str, text: str) -> float | None:
    t = text.strip()
    if t in ("", "—", "-"):
        return None
    try:
        return parse_number(t)
    except NumberError:
        raise PlanError(f"指标{ind.code}“{ind.name}”：{field} 应为数字，实际为“{t}”") from None


def _shown(v: float | None) -> str:
    return "" if v is None else format(v, ".10g")


def _milestones_text(ind: Indicator) -> str:
    return "；".join(f"{m.year}:{_shown(m.value)}" for m in ind.target.milestones)


def _milestones(ind: Indicator, text: str) -> Indicator:
    points = []
    for part in re.split(r"[；;，,\s]+", text.strip()):
        if not part:
            continue
        m = re.fullmatch(r"(\d{4})\s*[:：=]\s*(.+)", part)
        if not m:
            raise PlanError(
                f"指标{ind.code}“{ind.name}”：节点 milestones 应写作“2026:95；2027:108”，"
                f"实际为“{part}”"
            )
        points.append(Milestone(int(m.group(1)), _num(ind, "节点数值", m.group(2)) or 0.0))
    return replace(
        ind, target=replace(ind.target, milestones=tuple(sorted(points, key=lambda p: p.year)))
    )


def _due(ind: Indicator, text: str) -> Indicator:
    t = text.strip()
    if not t:
        return replace(ind, target=replace(ind.target, due=None))
    if not re.fullmatch(r"\d{4}", t):
        raise PlanError(f"指标{ind.code}“{ind.name}”：完成年份 due 应为四位年份，实际为“{t}”")
    return replace(ind, target=replace(ind.target, due=date(int(t), 12, 31)))


def _profile(ind: Indicator, text: str) -> Indicator:
    parts = [p for p in re.split(r"[/、,，\s]+", text.strip()) if p]
    try:
        values = [float(p) for p in parts]
        return replace(ind, profile=ReleaseProfile.from_percent(values))
    except (ValueError, PlanError) as exc:
        raise PlanError(f"指标{ind.code}“{ind.name}”：发布节奏 profile {exc}") from None


def _decimals(ind: Indicator, text: str) -> Indicator:
    t = text.strip()
    if not t.isdigit() or int(t) > 6:
        raise PlanError(f"指标{ind.code}“{ind.name}”：小数位 decimals 应为0—6，实际为“{t}”")
    return replace(ind, decimals=int(t))


def _ratio_text(ind: Indicator) -> str:
    r = ind.ratio
    return "" if r is None else f"{r.numerator}|{r.denominator}|{format(r.scale, '.10g')}"


def _ratio(ind: Indicator, text: str) -> Indicator:
    """ "分子|分母|100" (scale optional, 100 by default); empty for no ratio parts."""
    t = text.strip()
    if not t:
        return replace(ind, ratio=None)
    parts = [p.strip() for p in re.split(r"[|｜]", t)]
    if len(parts) not in (2, 3) or not all(parts[:2]):
        raise PlanError(
            f"指标{ind.code}“{ind.name}”：分子分母 ratio 应写作“分子|分母|100”，实际为“{t}”"
        )
    scale = _num(ind, "倍数 scale", parts[2]) if len(parts) == 3 else None
    return replace(ind, ratio=RatioSpec(parts[0], parts[1], 100.0 if scale is None else scale))


def _cadence(ind: Indicator, value: str) -> Indicator:
    cadence = Cadence(value)
    nature = Nature.FLOW if cadence in _FLOWS else Nature.STOCK
    return replace(ind, cadence=cadence, nature=nature)


@dataclass(frozen=True)
class Column:
    """One editable field: its header, how it is shown, how text is read back.

    ``choices`` (value → label) makes the cell a drop-down list.
    """

    key: str
    header: str
    get: Callable[[Indicator], str]
    set: Callable[[Indicator, str], Indicator]
    choices: dict[str, str] | None = None


def _target(ind: Indicator, **kw: object) -> Indicator:
    return replace(ind, target=replace(ind.target, **kw))  # type: ignore[arg-type]


COLUMNS: list[Column] = [
    Column(
        "code",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Code")),
        lambda i: i.code,
        lambda i, t: replace(i, code=t.strip()),
    ),
    Column(
        "name",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Name")),
        lambda i: i.name,
        lambda i, t: replace(i, name=t.strip()),
    ),
    Column(
        "unit",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Unit")),
        lambda i: i.unit,
        lambda i, t: replace(i, unit=t.strip()),
    ),
    Column(
        "category",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Category")),
        lambda i: i.category,
        lambda i, t: replace(i, category=t.strip()),
    ),
    Column(
        "attribute",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Attribute")),
        lambda i: i.attribute.value,
        lambda i, t: replace(i, attribute=Attribute(t)),
        {a.value: a.value for a in Attribute},
    ),
    Column(
        "form",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Target form")),
        lambda i: i.target.form.value,
        lambda i, t: _target(i, form=TargetForm(t)),
        {k.value: v for k, v in FORM_LABELS.items()},
    ),
    Column(
        "comparator",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Comparator")),
        lambda i: i.target.comparator.value,
        lambda i, t: _target(i, comparator=Comparator(t)),
        {k.value: v for k, v in COMPARATOR_LABELS.items()},
    ),
    Column(
        "baseline",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Baseline")),
        lambda i: _shown(i.baseline),
        lambda i, t: replace(i, baseline=_num(i, "基数 baseline", t)),
    ),
    Column(
        "target",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Target (or yearly quota)")),
        lambda i: _shown(i.target.value),
        lambda i, t: _target(i, value=_num(i, "目标 target", t)),
    ),
    Column(
        "rate",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Rate (% or points a year)")),
        lambda i: _shown(i.target.rate),
        lambda i, t: _target(i, rate=_num(i, "增长率 rate", t)),
    ),
    Column(
        "increase",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Cumulative increase")),
        lambda i: _shown(i.target.increase),
        lambda i, t: _target(i, increase=_num(i, "累计增加 increase", t)),
    ),
    Column(
        "milestones",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Milestones (2026:95；2027:108)")),
        _milestones_text,
        _milestones,
    ),
    Column(
        "due",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Due year")),
        lambda i: str(i.target.due.year) if i.target.due else "",
        _due,
    ),
    Column(
        "cadence",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Cadence")),
        lambda i: i.cadence.value,
        _cadence,
        {k.value: v for k, v in CADENCE_LABELS.items()},
    ),
    Column(
        "profile",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Release profile")),
        lambda i: i.profile.percent_text(),
        _profile,
    ),
    Column(
        "responsible",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Responsible units")),
        lambda i: "、".join(i.responsible),
        lambda i, t: replace(i, responsible=tuple(u for u in re.split(r"[、,，;；\s]+", t) if u)),
    ),
    Column(
        "ratio",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Ratio parts (numerator|denominator|scale)")),
        _ratio_text,
        _ratio,
    ),
    Column(
        "decimals",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Decimals")),
        lambda i: str(i.decimals),
        _decimals,
    ),
    Column(
        "note",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Note")),
        lambda i: i.note,
        lambda i, t: replace(i, note=t.strip()),
    ),
    # a drop-down of the predecessor plan's indicators (its choices are set by the editor)
    Column(
        "predecessor",
        str(QT_TRANSLATE_NOOP("PlanEditor", "Carried over from (earlier plan)")),
        lambda i: i.predecessor,
        lambda i, t: replace(i, predecessor=t.strip()),
    ),
]
PREDECESSOR = len(COLUMNS) - 1
