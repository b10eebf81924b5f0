"""The quarterly round through the services: task progress, 报送情况, 数据审核, closing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from planmonitor.domain.checks import Rule
from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.tasks import TaskState
from planmonitor.services.errors import UserError
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.services.quarter_locks import QuarterLocks
from planmonitor.services.reporting_round import RoundService
from planmonitor.services.tasks import ProgressEntry, TaskService
from planmonitor.store.models import TaskAttachmentRow

Q3 = Period.quarter(2024, 3)


@pytest.fixture
def xx(db):
    PlanService(db).install(plan_source("xx-district"))
    return db


def test_task_progress_supersedes_and_keeps_history_with_evidence(xx, tmp_path: Path) -> None:
    evidence = tmp_path / "批复.pdf"
    evidence.write_bytes(b"%PDF-1.4 evidence")
    tasks = TaskService(xx)
    first = ProgressEntry("3", Q3, TaskState.IN_PROGRESS, "已拨付1200万元", "四季度拨付余款")
    assert tasks.record("xx-district", first, [evidence], by="王芳") == "new"
    assert tasks.record("xx-district", first, by="王芳") == "unchanged"
    later = ProgressEntry("3", Q3, TaskState.LAGGING, "仅拨付800万元", reason="预算调整")
    assert tasks.record("xx-district", later, by="李明") == "changed"

    (line,) = [ln for ln in tasks.tasks("xx-district", Q3, unit="区财政局") if ln.task.key == "3"]
    p = line.progress
    assert p is not None
    assert (p.state, p.text, p.reason, p.recorded_by) == (
        TaskState.LAGGING,
        "仅拨付800万元",
        "预算调整",
        "李明",
    )
    (att,) = p.attachments
    assert (att.name, att.size) == ("批复.pdf", 17)
    assert att.id is not None
    assert tasks.attachment("xx-district", att.id) == ("批复.pdf", b"%PDF-1.4 evidence")
    history = tasks.history("xx-district", "3")
    assert [(h.state, h.is_current) for h in history] == [
        (TaskState.IN_PROGRESS, False),
        (TaskState.LAGGING, True),
    ]


def test_lagging_without_a_reason_and_unknown_tasks_are_refused(xx) -> None:
    tasks = TaskService(xx)
    with pytest.raises(UserError, match="滞后时须说明原因"):
        tasks.record("xx-district", ProgressEntry("3", Q3, TaskState.LAGGING, "拖延"))
    with pytest.raises(UserError, match="没有任务编号“99”"):
        tasks.record("xx-district", ProgressEntry("99", Q3, TaskState.DONE, "完成"))
    with pytest.raises(UserError, match="应为季度"):
        tasks.record("xx-district", ProgressEntry("3", Period(2024, 8), TaskState.DONE, "完成"))
    assert tasks.history("xx-district", "3") == []


def test_missing_lists_per_unit_exactly_what_is_empty(xx) -> None:
    values = ObservationService(xx)
    values.record("xx-district", Entry("03", Q3, 1500.0))
    values.record("xx-district", Entry("04", Period.annual(2023), 1.2))
    TaskService(xx).record(
        "xx-district", ProgressEntry("3", Q3, TaskState.IN_PROGRESS, "按季度拨付")
    )
    rep = RoundService(xx).missing("xx-district", Q3)
    finance = next(u for u in rep.units if u.unit == "区财政局")
    assert [(i.kind, i.code) for i in finance.done] == [
        ("indicator", "03"),
        ("indicator", "04"),
        ("task", "3"),
    ]
    assert [(i.kind, i.code, i.period.key) for i in finance.missing] == [
        ("indicator", "05", "2023"),
        ("task", "1", "2024Q3"),
    ]
    text = finance.reminder(Q3, "XX区科技创新跃升行动实施方案")
    assert text.startswith(
        "区财政局：《XX区科技创新跃升行动实施方案》2024年第三季度监测数据尚缺2项"
    )
    assert "05 规上工业企业研究与开发经费支出占主营业务收入比重" in text
    assert (rep.filled, rep.asked) == (3, 16 + 12)


def test_checks_flag_a_decreasing_ytd_a_share_over_100_a_stock_fall_and_old_estimates(
    xx,
) -> None:
    values = ObservationService(xx)
    values.record_many(
        "xx-district",
        [
            Entry("03", Period.quarter(2024, 2), 900.0),
            Entry("03", Q3, 800.0),  # year-to-date falls
            Entry("04", Period.annual(2023), 120.0),  # a share over 100 %
            Entry("06", Period.quarter(2024, 2), 100.0),
            Entry("06", Q3, 80.0, comment="12家高企证书到期未重新认定"),
            Entry("07", Period.quarter(2024, 1), 700.0, standing=Standing.ESTIMATE),
            Entry("07", Q3, 720.0),
        ],
    )
    findings = RoundService(xx).check("xx-district", Q3)
    got = {(f.rule, f.code, f.period.key, f.resolved) for f in findings}
    assert got == {
        (Rule.YTD_DECREASE, "03", "2024Q3", False),
        (Rule.RATIO_OVER_100, "04", "2023", False),
        (Rule.STOCK_FALL, "06", "2024Q3", True),
        (Rule.STALE_ESTIMATE, "07", "2024Q1", False),
    }
    ytd = next(f for f in findings if f.rule is Rule.YTD_DECREASE)
    assert ytd.message == "1—9月累计800万元低于1—6月的900万元"


def test_a_jump_far_outside_recent_changes_is_flagged(xx) -> None:
    ObservationService(xx).record_many(
        "xx-district",
        [Entry("07", Period.quarter(2023, q), 600.0 + 10 * q) for q in (1, 2, 3, 4)]
        + [Entry("07", Period.quarter(2024, 1), 700.0)],
    )
    (f,) = RoundService(xx).check("xx-district", Period.quarter(2024, 1))
    assert f.rule is Rule.JUMP and f.code == "07"


def test_closing_needs_comments_then_locks_and_reopen_needs_a_reason(xx) -> None:
    values, rnd = ObservationService(xx), RoundService(xx)
    values.record_many(
        "xx-district",
        [Entry("03", Period.quarter(2024, 2), 900.0), Entry("03", Q3, 800.0)],
    )
    with pytest.raises(UserError, match="尚不能锁定") as err:
        rnd.close("xx-district", Q3, by="科技局")
    assert "指标03“财政科技投入”" in str(err.value)
    values.record("xx-district", Entry("03", Q3, 800.0, comment="部分资金三季度未到位"))
    event = rnd.close("xx-district", Q3, by="科技局")
    assert event.action == "close"

    with pytest.raises(UserError, match=r"2024年第三季度已于.*由科技局锁定") as err:
        values.record("xx-district", Entry("03", Q3, 1200.0))
    assert str(err.value).startswith("指标03，2024年第三季度：")
    with pytest.raises(UserError, match="锁定"):
        TaskService(xx).record("xx-district", ProgressEntry("3", Q3, TaskState.DONE, "全部拨付"))
    with pytest.raises(UserError, match="锁定"):
        values.retract("xx-district", "03", Q3)
    # another quarter stays open
    values.record("xx-district", Entry("03", Period.quarter(2024, 4), 1900.0))

    with pytest.raises(UserError, match="须说明原因"):
        rnd.reopen("xx-district", Q3, "  ")
    rnd.reopen("xx-district", Q3, "统计局正式数据更正", by="科技局")
    values.record("xx-district", Entry("03", Q3, 1200.0, comment="正式数"))
    history = QuarterLocks(xx).history("xx-district")
    assert [(e.action, e.reason, e.by) for e in history] == [
        ("close", "本季度报送完成", "科技局"),
        ("reopen", "统计局正式数据更正", "科技局"),
    ]
    assert QuarterLocks(xx).is_closed("xx-district", Q3) is None


def test_an_attachment_too_large_or_missing_names_the_file(xx, tmp_path: Path) -> None:
    tasks = TaskService(xx)
    entry = ProgressEntry("3", Q3, TaskState.DONE, "完成")
    with pytest.raises(UserError, match=r"无法读取佐证材料 .*nothing\.pdf"):
        tasks.record("xx-district", entry, [tmp_path / "nothing.pdf"])
    with xx.session() as s:
        assert s.scalars(select(TaskAttachmentRow)).all() == []
