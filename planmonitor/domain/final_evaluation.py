"""The 总结评估 of a plan at its end: each target 完成 / 未完成 with its target-year value."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class FinalRow:
    """One indicator's final evaluation.

    Attributes:
        outcome: "完成", "未完成" or "暂无数据".
        value: the value compared (for the target year, or the latest before it);
            period: its period as shown (2025年 / 2025年第四季度); standing: 预计 / 初步 / 正式.
        progress: P against the target (1.04 for 104 %), None where it cannot be computed.
        explanation: the status sentence.
    """

    code: str
    name: str
    unit: str
    category: str
    baseline: float | None
    target_text: str
    target: float | None
    value: float | None
    period: str
    standing: str
    outcome: str
    progress: float | None
    explanation: str
    decimals: int = 2


@dataclass(frozen=True)
class FinalEvaluation:
    """The whole 总结评估: the plan, its target year, every row and the counts."""

    plan_title: str
    region: str
    baseline_year: int
    target_year: int
    rows: list[FinalRow] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        """How many indicators have ``outcome``."""
        return sum(1 for r in self.rows if r.outcome == outcome)

    @property
    def summary(self) -> str:
        """One paragraph: how many targets were met, missed, and lack data."""
        n = len(self.rows)
        met, missed, none = self.count("完成"), self.count("未完成"), self.count("暂无数据")
        text = (
            f"《{self.plan_title}》共设{n}项指标，截至{self.target_year}年末，"
            f"已完成{met}项，未完成{missed}项"
        )
        if none:
            text += f"，{none}项暂无{self.target_year}年数据"
        estimates = sum(1 for r in self.rows if r.standing == "预计")
        if estimates:
            text += f"；其中{estimates}项为预计数，正式统计数据发布后应复核"
        return text + "。"
