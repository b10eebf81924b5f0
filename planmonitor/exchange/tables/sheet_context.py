"""What reading one sheet needs to know: the plan's names, the user's answers and remembered
mappings, and what the sheet's title, name and file name say about period, unit and region."""

from __future__ import annotations

from decimal import Decimal

from planmonitor.domain.indicator import TargetForm
from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.plan import ROOT_REGION
from planmonitor.exchange.tables.cellvalues import CellNumber
from planmonitor.exchange.tables.column_heads import cached_period
from planmonitor.exchange.tables.found import Catalog
from planmonitor.exchange.tables.header_words import is_whole, standing_in
from planmonitor.exchange.tables.layout import Layout
from planmonitor.exchange.tables.names import Candidate, Method, NameMatch, NameMatcher
from planmonitor.exchange.tables.parts import part_entries, part_units
from planmonitor.exchange.tables.period_text import PeriodHint, find_year
from planmonitor.exchange.tables.units import clean_unit, find_unit, scale_factor, scaled

NO_PERIOD = "无法确定期间：表头和标题中都没有写明期间（可在导入时指定期间）"


def _split(mapping: dict[tuple[str, str], str], kind: str) -> dict[str, str]:
    return {label: code for (k, label), code in mapping.items() if k == kind}


class SheetContext:
    """Per-file knowledge, re-aimed at each sheet with :meth:`begin_sheet`.

    Attributes:
        base_indicators: the plan's indicator names, no remembered mappings (to find tables).
        indicators, regions: matchers with the answers and this layout's remembered mappings.
        layout_key: the current sheet's layout fingerprint.
    """

    def __init__(self, catalog: Catalog, file_name: str) -> None:
        self.catalog = catalog
        self.file_name = file_name
        plan = catalog.plan
        entries = [(i.code, i.name) for i in plan.indicators] + part_entries(plan)
        self.base_indicators = NameMatcher(entries)
        self.region_entries = [(r.code, r.name) for r in plan.regions]
        self.regions = NameMatcher(self.region_entries, region_mode=True)
        self.indicators = self.base_indicators
        self.root = ROOT_REGION
        self.units = {i.code: i.unit for i in plan.indicators} | part_units(plan)
        self.qualitative = {
            i.code for i in plan.indicators if i.target.form is TargetForm.MILESTONE
        }
        self.layout_key = ""
        self.context_hint: PeriodHint | None = None
        self.default_year: int | None = None
        self.context_unit = ""
        self.context_region: str | None = ROOT_REGION
        self.context_standing: Standing | None = None
        self._periods: dict[tuple[object, object], tuple[Period | None, str, bool]] = {}
        self._regions: dict[str, str | None] = {}
        self._factors: dict[tuple[str, str, str, str, str], tuple[Decimal | None, str]] = {}

    def begin_sheet(self, sheet: str, layout: Layout) -> None:
        """Aim at a sheet: remembered mappings of its layout; period, unit, region of its titles."""
        self.layout_key = layout.fingerprint(sheet)
        remembered = self.catalog.remembered.get(self.layout_key, {})
        answers = self.catalog.answers
        self.indicators = NameMatcher(
            self.base_indicators.entries,
            _split(remembered, "indicator"),
            _split(answers, "indicator"),
        )
        self.regions = NameMatcher(
            self.region_entries,
            _split(remembered, "region"),
            _split(answers, "region"),
            region_mode=True,
        )
        texts = [*layout.context, sheet, self.file_name]
        hint = None
        for t in texts:
            hint = cached_period(t)
            if hint is not None and not hint.bare_year and hint.year is not None:
                break
            hint = None
        self.context_hint = hint
        default = self.catalog.default_period
        self.default_year = (
            hint.year if hint else next((y for t in texts if (y := find_year(t))), None)
        ) or (default.year if default else None)
        self.context_unit = next((u for t in layout.context if (u := find_unit(t))), "")
        self.context_region = self._context_region(layout.context)
        self.context_standing = next(
            (st for t in layout.context if (st := standing_in(t)) is not None), None
        )
        self._periods.clear()
        self._regions.clear()
        self._factors.clear()

    def _context_region(self, context: list[str]) -> str | None:
        for text in context:
            for code, name in self.region_entries:
                if code != ROOT_REGION and name and name in text:
                    return code
        return ROOT_REGION

    def resolve_period(
        self, head: PeriodHint | None, row: object
    ) -> tuple[Period | None, str, bool]:
        """The period of a value: the column's, else the row's, else the sheet's, else the
        default given by the user; a problem if there is none; and whether it is that default
        (the file names no period for the value)."""
        key = (head, row)
        found = self._periods.get(key)
        if found is None:
            found = self._periods[key] = self._resolve_period(head, row)
        return found

    def _resolve_period(
        self, head: PeriodHint | None, row: object
    ) -> tuple[Period | None, str, bool]:
        for hint in (head, row):
            if isinstance(hint, PeriodHint):
                p = hint.period(self.default_year)
                if p is not None:
                    return p, "", False
                return None, "无法确定期间：只写了月份，没有写年份", False
        if self.context_hint is not None:
            p = self.context_hint.period(self.default_year)
            if p is not None:
                return p, "", False
        if self.catalog.default_period is not None:
            return self.catalog.default_period, "", True
        return None, NO_PERIOD, False

    def scale(
        self, code: str | None, number: CellNumber, row_unit: str, label: str, head_unit: str
    ) -> tuple[float | None, str]:
        """The value in the indicator's unit, or a problem when the units do not mix."""
        if code is None or number.value is None or code in self.qualitative:
            return number.value, ""
        factor, problem = self.unit_factor(code, number.unit, row_unit, label, head_unit)
        if factor is None:
            return None, problem
        return (number.value if factor == 1 else scaled(number.value, factor)), ""

    def unit_factor(
        self, code: str, cell_unit: str, row_unit: str, label: str, head_unit: str
    ) -> tuple[Decimal | None, str]:
        """The factor from the unit the file uses for a value (its cell's, its row's, its
        label's, its column's, the sheet's) to the indicator's — once per distinct combination;
        ``None`` and the problem when the units do not mix."""
        key = (code, cell_unit, row_unit, label, head_unit)
        found = self._factors.get(key)
        if found is None:
            unit = (
                cell_unit
                or (clean_unit(row_unit) if row_unit else "")
                or find_unit(label)
                or head_unit
                or self.context_unit
            )
            target = self.units.get(code, "")
            factor = scale_factor(unit, target)
            problem = (
                "" if factor is not None else f"单位“{unit}”与指标单位“{target}”不一致，无法换算"
            )
            found = self._factors[key] = (factor, problem)
        return found

    def indicator_match(self, label: str, code_text: str = "") -> NameMatch:
        """The match of a row label, checked against a code column where the table has one."""
        m = self.indicators.match(label)
        if not code_text or m.method in (Method.CONFIRMED, Method.REMEMBERED):
            return m
        code = self.base_indicators.code_for(code_text)
        if code is None:
            return m
        if m.sure and m.code != code:
            cands = (
                Candidate(m.code or "", self.base_indicators.name_of(m.code or ""), m.confidence),
                Candidate(code, self.base_indicators.name_of(code), 0.5),
            )
            return NameMatch(label, None, Method.FUZZY, 0.5, cands)
        if m.sure:
            return m
        if any(c.code == code and c.confidence >= 0.6 for c in m.candidates):
            return NameMatch(label, code, Method.CODE, 0.97)
        return m

    def region_code(self, label: str) -> str | None:
        """The region a label names (the plan's own for 全市 or a blank); ``None`` if unknown."""
        if label in self._regions:
            return self._regions[label]
        if not label or is_whole(label):
            code: str | None = ROOT_REGION
        else:
            m = self.regions.match(label)
            code = m.code if m.sure else None
        self._regions[label] = code
        return code
