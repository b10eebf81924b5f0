"""The Word report of a seed plan carries 重点任务推进情况, lagging tasks in 三、存在问题, the 报送
and 审核 summary, and the unexplained data checks in an appendix — read back from the file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx import Document

from planmonitor.domain.periods import Period
from planmonitor.domain.tasks import TaskState
from planmonitor.exchange.reports.docx_writer import write_report_docx
from planmonitor.services.observations import Entry, ObservationService
from planmonitor.services.plans import PlanService, plan_source
from planmonitor.services.report import build_report
from planmonitor.services.tasks import ProgressEntry, TaskService

Q3 = Period.quarter(2024, 3)


def test_the_word_report_shows_the_task_section(sqlite_db, tmp_path: Path) -> None:
    db = sqlite_db
    PlanService(db).install(plan_source("chengde"))
    tasks = TaskService(db)
    tasks.record(
        "chengde",
        ProgressEntry(
            "Z6.1", Q3, TaskState.IN_PROGRESS, "引进高端人才320人", "开展专家教授承德行活动"
        ),
    )
    tasks.record(
        "chengde",
        ProgressEntry("3.1", Q3, TaskState.LAGGING, "攻关清单已建立", reason="揭榜挂帅项目未落地"),
    )
    ObservationService(db).record_many(
        "chengde", [Entry("09", Period.quarter(2024, 2), 15.0), Entry("09", Q3, 12.0)]
    )
    model = build_report(db, "chengde", Q3, report_date=date(2024, 10, 12))
    assert model.round is not None and len(model.round.tasks) == 56
    out = tmp_path / "承德.docx"
    write_report_docx(model, out)

    paras = [p.text for p in Document(str(out)).paragraphs]
    at = paras.index("（六）重点任务推进情况")  # after the five indicator groups
    assert paras[at + 1] == "规划确定的56项重点任务中，推进中1项，滞后1项，未报送进展54项。"
    assert (
        "Z6.1 加强人才引进培养：● 推进中。引进高端人才320人。下一步：开展专家教授承德行活动。"
        in paras
    )
    assert (
        "3.1 打好关键核心技术攻坚战：■ 滞后。攻关清单已建立。滞后原因：揭榜挂帅项目未落地。"
        in paras
    )
    assert "2.1 打造创新引领可持续发展“主引擎”：本季度未报送进展。" in paras
    problems = paras.index("三、存在问题")
    after = paras[problems:]
    assert "重点任务方面，1项任务推进滞后：" in after
    assert "1. 3.1 打好关键核心技术攻坚战，滞后原因：揭榜挂帅项目未落地" in after
    summary = paras[paras.index("一、总体情况") + 2]
    assert summary.startswith("本季度应报送指标数据和任务进展")
    assert "数据审核提示1条，其中1条尚无情况说明（见附件）。" in summary
    appendix = paras.index("附件　数据审核尚无情况说明的事项")
    assert paras[appendix + 1] == (
        "1. 09 技术合同成交总额，2024年第三季度（12.00亿元）：累计值低于上季度，"
        "1—9月累计12亿元低于1—6月的15亿元。"
    )


def test_the_city_report_checks_the_city_s_own_values_not_every_county_s(sqlite_db) -> None:
    """A region's report reads that region's values (issue 16): a county's flagged value is
    checked in the 数据审核 tab, not read into the city's report."""
    db = sqlite_db
    plans = PlanService(db)
    plans.install(plan_source("chengde"))
    plans.add_region("chengde", "C01", "双桥区")
    falling = [Entry("09", Period.quarter(2024, 2), 15.0), Entry("09", Q3, 12.0)]
    observations = ObservationService(db)
    observations.record_many("chengde", falling)
    observations.record_many(
        "chengde",
        [
            Entry("09", Period.quarter(2024, 2), 5.0, region="C01"),
            Entry("09", Q3, 4.0, region="C01"),
        ],
    )
    model = build_report(db, "chengde", Q3, report_date=date(2024, 10, 12))
    assert model.round is not None
    assert [(f.code, f.region, f.value) for f in model.round.findings] == [("09", "*", 12.0)]
    from planmonitor.services.reporting_round import RoundService

    everywhere = RoundService(db).check("chengde", Q3)  # the 数据审核 tab: every region
    assert sorted((f.region, f.value) for f in everywhere) == [("*", 12.0), ("C01", 4.0)]


def test_checking_every_region_at_once_finds_what_checking_each_region_finds(sqlite_db) -> None:
    """The 数据审核 of a city reads every region in one query: the same findings, in the same
    order, as checking the regions one by one."""
    db = sqlite_db
    plans = PlanService(db)
    plans.install(plan_source("chengde"))
    for i in range(1, 4):
        plans.add_region("chengde", f"C{i:02d}", f"第{i}县")
    entries = []
    for region, scale in (("*", 1.0), ("C01", 0.3), ("C02", 0.2), ("C03", 0.1)):
        for code in ("05", "09"):
            entries += [
                Entry(code, Period.quarter(2024, 1), 20.0 * scale, region=region),
                Entry(code, Period.quarter(2024, 2), 15.0 * scale, region=region),
                Entry(code, Q3, (12.0 if region != "C02" else 40.0) * scale, region=region),
            ]
    ObservationService(db).record_many("chengde", entries)
    from planmonitor.services.reporting_round import RoundService

    rnd = RoundService(db)
    each = [f for r in ("*", "C01", "C02", "C03") for f in rnd.check("chengde", Q3, r)]
    assert rnd.check("chengde", Q3) == each
    assert {f.region for f in each} == {"*", "C01", "C03"}  # C02's values rise: nothing to say
