"""The hidden block that makes a fill-in workbook come back unambiguously.

Each data row carries, in a hidden column, a key naming plan, indicator, region, the period the
row asks for and the quarter of the round: ``PM1|cangzhou|05|*|2024Q3|2024Q3``. The hidden first
row names each column's role (``PM1:col=value``), so re-sorted rows and inserted columns still
read right. Fields are percent-encoded, so no code can break the key apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote

from planmonitor.domain.periods import Period, PeriodError

ROW_PREFIX = "PM1|"
ROLE_PREFIX = "PM1:col="
META_SHEET = "_planmonitor"
DATA_SHEET = "指标填报"
HELP_SHEET = "填报说明"
ROLES = (
    "code",
    "name",
    "unit",
    "value",
    "numerator",
    "denominator",
    "standing",
    "comment",
    "key",
)
VALUE_HEADER = "填报数值"
NUMERATOR_HEADER = "分子数值"
DENOMINATOR_HEADER = "分母数值"
STANDING_HEADER = "数据状态"
COMMENT_HEADER = "情况说明"


@dataclass(frozen=True, slots=True)
class RowKey:
    """What one data row of a fill-in workbook is about."""

    plan: str
    code: str
    region: str
    period: Period
    quarter: Period

    def encode(self) -> str:
        """The text stored in the hidden key cell."""
        parts = (self.plan, self.code, self.region, self.period.key, self.quarter.key)
        return ROW_PREFIX + "|".join(quote(p, safe="") for p in parts)


def decode_key(text: object) -> RowKey | None:
    """The key in a hidden key cell; ``None`` if the text is not one (or was tampered with)."""
    if not isinstance(text, str) or not text.startswith(ROW_PREFIX):
        return None
    parts = text[len(ROW_PREFIX) :].strip().split("|")
    if len(parts) != 5:
        return None
    plan, code, region, period, quarter = (unquote(p) for p in parts)
    try:
        return RowKey(plan, code, region, Period.parse(period), Period.parse(quarter))
    except PeriodError:
        return None


def role_mark(role: str) -> str:
    """The text in the hidden first row above a column with ``role``."""
    return ROLE_PREFIX + role


def role_of(text: object) -> str | None:
    """The role a hidden first-row cell names, ``None`` if it names none."""
    if isinstance(text, str) and text.startswith(ROLE_PREFIX):
        role = text[len(ROLE_PREFIX) :].strip()
        return role if role in ROLES else None
    return None
