"""The report's part of the quarterly round: 重点任务推进情况, the 报送 and 审核 summary, lagging
tasks for 三、存在问题 and the unexplained data checks for the appendix. Plain data and text.

The Word, Excel and PDF reports take every sentence from here, so that the three say the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from planmonitor.domain.checks import Finding
from planmonitor.domain.formatting import zh_amount
from planmonitor.domain.periods import Period
from planmonitor.domain.tasks import TaskState


@dataclass(frozen=True, slots=True)
class TaskReportLine:
    """One task in the report: code, title, units, and its progress (``state`` None: not sent)."""

    code: str
    title: str
    units: tuple[str, ...]
    state: TaskState | None = None
    text: str = ""
    reason: str = ""
    next_step: str = ""

    @property
    def state_text(self) -> str:
        """The state with its mark (■ 滞后), or 未报送 when no progress was sent."""
        return "未报送" if self.state is None else f"{self.state.symbol} {self.state.value}"

    @property
    def units_text(self) -> str:
        """The responsible units, 、-separated ("" when the plan names none)."""
        return "、".join(self.units)

    def problem(self) -> str:
        """The 三、存在问题 line of a lagging task: 3.1 打好…（区财政局），滞后原因：…"""
        units = f"（{self.units_text}）" if self.units else ""
        return f"{self.code} {self.title}{units}，滞后原因：{self.reason}"

    def sentence(self) -> str:
        """任务 3 加大科技投入（区财政局、区发改局）：■ 滞后。已拨付800万元。下一步：…"""
        units = f"（{'、'.join(self.units)}）" if self.units else ""
        head = f"{self.code} {self.title}{units}："
        if self.state is None:
            return head + "本季度未报送进展。"
        parts = [f"{self.state.symbol} {self.state.value}。"]
        if self.text:
            parts.append(_stop(self.text))
        if self.state is TaskState.LAGGING and self.reason:
            parts.append(f"滞后原因：{_stop(self.reason)}")
        if self.next_step:
            parts.append(f"下一步：{_stop(self.next_step)}")
        return head + "".join(parts)


def _stop(text: str) -> str:
    text = text.strip()
    return text if text[-1:] in "。！？；.!?" else f"{text}。"


@dataclass(frozen=True, slots=True)
class RoundSection:
    """What the report says about the round of one quarter.

    Attributes:
        tasks: every task with its progress; filled, asked: distinct items reported / asked for;
        incomplete: (unit, items missing) of the units that have not sent everything;
        findings: every data-check warning (the unexplained ones go to the appendix).
    """

    quarter: Period
    tasks: tuple[TaskReportLine, ...]
    filled: int
    asked: int
    incomplete: tuple[tuple[str, int], ...]
    findings: tuple[Finding, ...]

    @property
    def lagging(self) -> list[TaskReportLine]:
        """Tasks reported as 滞后."""
        return [t for t in self.tasks if t.state is TaskState.LAGGING]

    @property
    def unresolved(self) -> list[Finding]:
        """Warnings without a 情况说明."""
        return [f for f in self.findings if not f.resolved]

    def problem_lead(self) -> str:
        """The sentence before the lagging tasks in 三、存在问题 ("" when none lags)."""
        n = len(self.lagging)
        return f"重点任务方面，{n}项任务推进滞后：" if n else ""

    def problem_lines(self) -> list[str]:
        """1. 3.1 打好…，滞后原因：… — one numbered line per lagging task."""
        return [f"{i}. {t.problem()}" for i, t in enumerate(self.lagging, start=1)]

    def appendix_lines(self) -> list[str]:
        """One numbered line per data check without a 情况说明 (the report's appendix)."""
        return [f"{i}. {finding_line(f)}" for i, f in enumerate(self.unresolved, start=1)]

    def summary(self, see: str = "见附件") -> str:
        """The 报送 and 审核 sentences of 一、总体情况; ``see`` says where the unexplained checks
        are listed (the Word report's appendix, the Excel sheet's table below, the PDF's page)."""
        share = f"（{self.filled / self.asked:.0%}）" if self.asked else ""
        text = f"本季度应报送指标数据和任务进展{self.asked}项，已报送{self.filled}项{share}"
        if self.incomplete:
            units = "、".join(f"{u}（缺{n}项）" for u, n in self.incomplete[:8])
            more = f"等{len(self.incomplete)}个单位" if len(self.incomplete) > 8 else ""
            text += f"，尚未报齐的单位：{units}{more}"
        text += f"。数据审核提示{len(self.findings)}条"
        if self.findings:
            open_ = len(self.unresolved)
            text += f"，其中{open_}条尚无情况说明" + (f"（{see}）" if open_ else "")
        return text + "。"

    def task_summary(self) -> str:
        """The paragraph that opens 重点任务推进情况: counts per state."""
        counts = {s: sum(t.state is s for t in self.tasks) for s in TaskState}
        silent = sum(t.state is None for t in self.tasks)
        parts = [f"{s.value}{n}项" for s, n in counts.items() if n]
        if silent:
            parts.append(f"未报送进展{silent}项")
        return f"规划确定的{len(self.tasks)}项重点任务中，" + "，".join(parts) + "。"


APPENDIX_TITLE = "数据审核尚无情况说明的事项"


def finding_line(f: Finding) -> str:
    """09 技术合同成交额，2024年第三季度（12亿元）：累计值低于上季度，1—9月累计….。"""
    value = "" if f.value is None else f"（{zh_amount(f.value, f.decimals, f.unit)}）"
    return f"{f.code} {f.name}，{f.period.label_zh()}{value}：{f.rule.label}，{f.message}。"
