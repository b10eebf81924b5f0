"""Data checks (数据审核): rules that catch what offices get wrong in the figures they send.

Each finding is a warning that needs a comment (情况说明) on the value, never a silent change: a
check is resolved once the value carries a comment. Plain functions over plain data.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from planmonitor.domain.indicator import Cadence, Indicator, Nature, TargetForm
from planmonitor.domain.observation import Observation, Standing
from planmonitor.domain.periods import Period


class Rule(StrEnum):
    """The checks, by what they catch."""

    RATIO_OVER_100 = "ratio_over_100"  # a share above 100 % or numerator above denominator
    YTD_DECREASE = "ytd_decrease"  # a 1—N月累计 lower than the previous quarter's
    STOCK_FALL = "stock_fall"  # a stock falling by more than a set share
    JUMP = "jump"  # far outside the indicator's recent change
    STALE_ESTIMATE = "stale_estimate"  # 预计 still standing after two quarters

    @property
    def label(self) -> str:
        """The rule's name in Chinese."""
        return _LABELS[self]


_LABELS = {
    Rule.RATIO_OVER_100: "比重超过100%",
    Rule.YTD_DECREASE: "累计值低于上季度",
    Rule.STOCK_FALL: "存量明显下降",
    Rule.JUMP: "异常波动",
    Rule.STALE_ESTIMATE: "预计数未更新",
}


@dataclass(frozen=True, slots=True)
class CheckSettings:
    """How strict the checks are.

    Attributes:
        stock_fall: a stock falling by more than this share of the previous value is flagged.
        jump_factor: a change more than this many times the recent mean change is flagged.
        estimate_quarters: a 预计 value older than this many quarters is flagged.
    """

    stock_fall: float = 0.10
    jump_factor: float = 3.0
    estimate_quarters: int = 2


@dataclass(frozen=True, slots=True)
class Finding:
    """One warning about one value: what rule, which value, what it says, whether explained."""

    rule: Rule
    code: str
    name: str
    region: str
    period: Period
    value: float | None
    message: str
    comment: str = ""
    unit: str = ""  # the indicator's unit and decimals, to write the value as 250家, 12.00亿元
    decimals: int = 2

    @property
    def resolved(self) -> bool:
        """True once the value carries a comment (情况说明) explaining it."""
        return bool(self.comment.strip())


def is_share(ind: Indicator) -> bool:
    """True for a share or intensity in %, which cannot exceed 100 (not a growth rate)."""
    return ind.unit.strip() in ("%", "％") and ind.target.form not in (
        TargetForm.CAGR,
        TargetForm.GROWTH_RATE,
    )


def _counts_ytd(ind: Indicator) -> bool:
    return (
        ind.nature is Nature.FLOW
        or ind.target.form is TargetForm.QUOTA
        or ind.cadence is Cadence.ANNUAL_RESTART
    )


def _fmt(v: float) -> str:
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def check_value(
    ind: Indicator,
    obs: Observation,
    earlier: Sequence[Observation],
    settings: CheckSettings = CheckSettings(),
) -> list[Finding]:
    """The findings about ``obs`` given the earlier current values of the same series.

    ``earlier`` holds the values of the same indicator and region before ``obs`` (any order).
    """
    if obs.value is None or ind.target.form is TargetForm.MILESTONE:
        return []
    v = obs.value
    out: list[Finding] = []

    def add(rule: Rule, message: str) -> None:
        out.append(
            Finding(
                rule,
                ind.code,
                ind.name,
                obs.region,
                obs.period,
                v,
                message,
                obs.comment,
                ind.unit,
                ind.decimals,
            )
        )

    if is_share(ind) and v > 100:
        add(Rule.RATIO_OVER_100, f"比重为{_fmt(v)}%，超过100%")
    elif (
        obs.numerator is not None
        and obs.denominator is not None
        and (ind.ratio is None or ind.ratio.scale <= 100)
        and obs.numerator > obs.denominator
    ):
        add(
            Rule.RATIO_OVER_100,
            f"分子{_fmt(obs.numerator)}大于分母{_fmt(obs.denominator)}",
        )
    before = sorted(
        (o for o in earlier if o.value is not None and o.period < obs.period),
        key=lambda o: o.period.sort_key,
    )
    by_period = {o.period: o for o in before}
    p = obs.period
    if _counts_ytd(ind):
        if p.month is not None and p.month > 3:
            prev = by_period.get(Period(p.year, p.month - 3))
            if prev is not None and prev.value is not None and v < prev.value:
                add(
                    Rule.YTD_DECREASE,
                    f"1—{p.month}月累计{_fmt(v)}{ind.unit}低于1—{p.month - 3}月的"
                    f"{_fmt(prev.value)}{ind.unit}",
                )
        same = [o for o in before if o.period.month == p.month]
        _jump(ind, obs, same, settings, add)
    else:
        last = _latest(before)
        if (
            last is not None
            and last.value is not None
            and last.value > 0
            and not is_share(ind)
            and (last.value - v) / last.value > settings.stock_fall
        ):
            share = (last.value - v) / last.value * 100
            add(
                Rule.STOCK_FALL,
                f"较{last.period.label_zh()}的{_fmt(last.value)}{ind.unit}下降{share:.1f}%"
                "（如有证书到期未重新认定等原因，请在情况说明中写明）",
            )
        _jump(ind, obs, [o for o in before if o.period.is_quarter_end], settings, add)
    return out


def _latest(values: Sequence[Observation]) -> Observation | None:
    return max(values, key=lambda o: o.period.sort_key, default=None)


def _jump(
    ind: Indicator,
    obs: Observation,
    series: Sequence[Observation],
    settings: CheckSettings,
    add: Callable[[Rule, str], None],
) -> None:
    """Flag a change far outside the recent changes (needs three earlier values)."""
    pts = sorted(series, key=lambda o: o.period.sort_key)[-4:]
    if len(pts) < 3 or obs.value is None:
        return
    values = [o.value for o in pts if o.value is not None]
    changes = [abs(b - a) for a, b in itertools.pairwise(values)]
    last = values[-1]
    now = obs.value - last
    usual = max(sum(changes) / len(changes), abs(last) * 0.01, 1e-9)
    if abs(now) > settings.jump_factor * usual:
        add(
            Rule.JUMP,
            f"较上期变化{_fmt(now)}{ind.unit}，远超近期平均变化{_fmt(usual)}{ind.unit}",
        )


def stale_estimates(
    ind: Indicator,
    current: Sequence[Observation],
    quarter: Period,
    settings: CheckSettings = CheckSettings(),
) -> list[Finding]:
    """Current values still standing as 预计 more than ``estimate_quarters`` before ``quarter``."""
    limit = quarter.moment - 3 * settings.estimate_quarters
    return [
        Finding(
            Rule.STALE_ESTIMATE,
            ind.code,
            ind.name,
            o.region,
            o.period,
            o.value,
            f"{o.period.label_zh()}的数值仍为预计数，已超过{settings.estimate_quarters}个季度，"
            "请更新为初步或正式数",
            o.comment,
            ind.unit,
            ind.decimals,
        )
        for o in current
        if o.standing is Standing.ESTIMATE and o.period.moment <= limit and o.value is not None
    ]
