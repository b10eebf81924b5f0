"""Field accuracy of a draft against a plan: name, unit, baseline, target, form, comparator.

Each expected indicator is paired with the drafted one of the most similar name. A field is
right when it equals the plan's; the "target" field compares what the form's wording gives (the
level or milestones, the increase, the rate, the quota, the due year). ``wrong_sure`` lists the
fields that are wrong on a drafted indicator marked sure.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from planmonitor.domain.draft import DraftIndicator, DraftPlan
from planmonitor.domain.indicator import Indicator, TargetForm
from planmonitor.exchange.tables.names import normalise, similarity

FIELDS = ("name", "unit", "baseline", "target", "form", "comparator")


@dataclass
class Score:
    right: int = 0
    total: int = 0
    missing: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    wrong_sure: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0


def _key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).replace(" ", "")


def expected_target(ind: Indicator) -> object:
    t = ind.target
    if t.form is TargetForm.LEVEL:
        return [(m.year, m.value) for m in t.milestones] or t.value
    if t.form is TargetForm.INCREASE:
        return (t.increase, t.value)
    if t.form in (TargetForm.CAGR, TargetForm.GROWTH_RATE, TargetForm.POINTS):
        return t.rate
    if t.form is TargetForm.QUOTA:
        return t.value
    return t.due.year if t.due else None


def drafted_target(ind: DraftIndicator, expected: Indicator) -> object:
    if ind.form == "level":
        return list(ind.milestones) or ind.target
    if ind.form == "increase":
        return (ind.increase, ind.target if expected.target.value is not None else None)
    if ind.form in ("cagr", "growth_rate", "points"):
        return ind.rate
    if ind.form == "quota":
        return ind.target
    return ind.due


def _values(ind: DraftIndicator, exp: Indicator) -> dict[str, tuple[object, object]]:
    return {
        "name": (_key(ind.name), _key(exp.name)),
        "unit": (ind.unit, exp.unit),
        "baseline": (ind.baseline, exp.baseline),
        "target": (drafted_target(ind, exp), expected_target(exp)),
        "form": (ind.form, exp.target.form.value),
        "comparator": (ind.comparator, exp.target.comparator.value),
    }


def pair(draft: DraftPlan, exp: Indicator) -> DraftIndicator | None:
    key = normalise(exp.name)
    best = max(draft.indicators, key=lambda d: similarity(key, normalise(d.name)), default=None)
    if best is None or similarity(key, normalise(best.name)) < 0.6:
        return None
    return best


def score(draft: DraftPlan, expected: list[Indicator]) -> Score:
    s = Score()
    for exp in expected:
        s.total += len(FIELDS)
        got = pair(draft, exp)
        if got is None:
            s.missing.append(exp.name)
            continue
        for name, (have, want) in _values(got, exp).items():
            if have == want:
                s.right += 1
                continue
            s.wrong.append(f"{exp.name}.{name}: {have!r} ≠ {want!r}")
            if got.sure and name != "name":
                s.wrong_sure.append(f"{exp.name}.{name}: {have!r} ≠ {want!r}")
    return s
