"""The built-in plan files (resources/plans) load and agree with the seed texts they transcribe."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from planmonitor.domain.indicator import (
    Cadence,
    Comparator,
    Indicator,
    Milestone,
    Nature,
    TargetForm,
)
from planmonitor.domain.plan import Plan
from planmonitor.exchange.planfiles.planfile import load_plan_file

REPO = Path(__file__).parents[2]
PLANS_DIR = REPO / "resources" / "plans"
SEEDS_DIR = Path(__file__).parents[2].parent / "shared" / "seeds"
PLAN_FILES = sorted(PLANS_DIR.glob("*.toml"))

needs_seeds = pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="seed texts not available")


def _plan(prefix: str) -> Plan:
    (path,) = [p for p in PLAN_FILES if p.name.startswith(prefix)]
    return load_plan_file(path)


def _seed(prefix: str) -> str:
    (path,) = sorted(SEEDS_DIR.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _by_name(plan: Plan) -> dict[str, Indicator]:
    return {ind.name: ind for ind in plan.indicators}


def _numbers(ind: Indicator) -> list[float]:
    t = ind.target
    values = [ind.baseline, t.value, t.increase, t.rate, *(m.value for m in t.milestones)]
    return [v for v in values if v is not None]


def _number_text(value: float) -> str:
    return f"{abs(value):g}"


def _occurs(value: float, text: str) -> bool:
    """``value`` written as a number of its own in ``text`` (795 matches "795" and "795.0")."""
    s = re.escape(_number_text(value))
    return re.search(rf"(?<![\d.]){s}(?:\.0+)?(?!\.?\d)", text) is not None


# --- every file ---------------------------------------------------------------------------------


def test_all_five_plans_present() -> None:
    assert [p.name[:3] for p in PLAN_FILES] == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_plan_file_loads(path: Path) -> None:
    plan = load_plan_file(path)
    assert plan.baseline_year < plan.target_year == 2025
    codes = [ind.code for ind in plan.indicators]
    assert codes == [f"{i:02d}" for i in range(1, len(codes) + 1)]
    for ind in plan.indicators:
        assert ind.final_target() is not None or ind.target.form in (
            TargetForm.CAGR,
            TargetForm.GROWTH_RATE,
            TargetForm.QUOTA,
            TargetForm.MILESTONE,
        ), ind.code
        if ind.cadence is Cadence.BATCH:
            assert ind.profile.shares == (0.0, 0.0, 0.0, 1.0), ind.code
        if ind.cadence is Cadence.CUMULATIVE_FLOW:
            assert ind.nature is Nature.FLOW, ind.code
        if ind.target.form is TargetForm.INCREASE and ind.target.value is not None:
            assert ind.baseline is not None
            assert ind.baseline + (ind.target.increase or 0) == pytest.approx(ind.target.value)


@pytest.mark.parametrize(
    ("prefix", "at_least", "exactly"),
    [("000", 4, None), ("001", 11, 11), ("002", 14, None), ("003", 11, 11), ("004", 14, None)],
)
def test_indicator_counts(prefix: str, at_least: int, exactly: int | None) -> None:
    # the table's own indicators; targets inside key tasks follow (test_builtin_tasks)
    table = {"000": 4, "001": 11, "002": 16, "003": 11, "004": 16}[prefix]
    n = len([i for i in _plan(prefix).indicators if int(i.code) <= table])
    assert n >= at_least
    if exactly is not None:
        assert n == exactly


@needs_seeds
@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_names_occur_in_seed(path: Path) -> None:
    seed = _squash(_seed(path.name[:3]))
    plan = load_plan_file(path)
    for ind in plan.indicators:
        quoted = re.findall(r"“([^“”]+)”", ind.note)
        candidates = [ind.name, *quoted]
        assert any(_squash(c) in seed for c in candidates), (
            f"{ind.code} {ind.name!r}: neither the name nor a quoted original occurs in the seed"
        )
    for task in plan.tasks:
        assert _squash(task.title) in seed, task.title


@needs_seeds
@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: p.name)
def test_numbers_occur_in_seed(path: Path) -> None:
    seed = _seed(path.name[:3])
    plan = load_plan_file(path)
    for ind in plan.indicators:
        for value in _numbers(ind):
            assert _occurs(value, seed), f"{ind.code} {ind.name}: {_number_text(value)} not in seed"


# --- 000 山海关区 ---------------------------------------------------------------------------------


def test_000_shanhaiguan_prose_targets() -> None:
    plan = _plan("000")
    assert (plan.id, plan.region, plan.baseline_year, plan.target_year) == (
        "shanhaiguan",
        "山海关区",
        2020,
        2025,
    )
    assert plan.issuer == ""  # the plan does not say who issued it
    rd = plan.indicator("01")
    assert rd.target.form is TargetForm.CAGR
    assert (rd.target.rate, rd.unit, rd.baseline) == (11, "亿元", None)
    assert rd.cadence is Cadence.ANNUAL_LATE
    levels = {i.name: (i.target.form, i.target.value, i.baseline) for i in plan.indicators[1:]}
    assert levels == {
        "高新技术企业": (TargetForm.LEVEL, 16, None),
        "科技型中小企业": (TargetForm.LEVEL, 240, None),
        "省级以上科技创新平台": (TargetForm.LEVEL, 4, None),
    }
    assert all(ind.baseline is None for ind in plan.indicators)


# --- 001 沧州市 -----------------------------------------------------------------------------------


def test_001_cangzhou_table() -> None:
    plan = _plan("001")
    by = _by_name(plan)
    hte = by["高新技术企业数量"]
    assert (hte.baseline, hte.target.value, hte.unit) == (795, 1300, "家")
    assert hte.cadence is Cadence.BATCH
    assert by["全社会研发经费支出占GDP比重"].baseline == 1.29
    leader = by["科技领军企业"]
    assert leader.baseline is None and leader.target.value == 5
    share = by["高新技术产业增加值占规模以上工业增加值比重"]
    assert share.target.form is TargetForm.INCREASE
    assert share.final_target() == pytest.approx(24.4)


# --- 002 XX区 ------------------------------------------------------------------------------------


def test_002_xx_district_milestones_and_quotas() -> None:
    plan = _plan("002")
    assert (plan.id, plan.region, plan.baseline_year, plan.target_year) == (
        "xx-district",
        "XX区",
        2019,
        2025,
    )
    assert all(ind.baseline is None for ind in plan.indicators)
    by = _by_name(plan)
    expected_paths = {
        "地方财政科技支出占公共财政支出的比重": (1, 2),
        "规上工业企业研究与开发经费支出占主营业务收入比重": (0.75, 1.5),
        "高新技术企业": (75, 180),
        "科技型中小企业": (650, 1100),
        "市级以上各类研发平台": (60, 80),
        "规上工业企业建立研发机构的比例": (40, 90),
        "市级以上孵化器、众创空间": (10, 20),
        "农业科技园区": (7, 12),
        "农业产业化经营率": (60, 75),
    }
    for name, (v2020, v2025) in expected_paths.items():
        ind = by[name]
        assert ind.target.form is TargetForm.LEVEL, name
        assert ind.target.milestones == (Milestone(2020, v2020), Milestone(2025, v2025)), name
        assert ind.final_target() == v2025
    assert by["高新技术企业"].cadence is Cadence.BATCH

    quotas = {
        i.name: (i.target.value, i.unit)
        for i in plan.indicators
        if i.target.form is TargetForm.QUOTA
    }
    assert quotas == {
        "财政科技投入": (2000, "万元"),
        "实施市级以上科技计划": (30, "项"),
        "选派科技特派员": (30, "人"),
    }
    a_class = plan.indicator("01")
    assert a_class.target.form is TargetForm.MILESTONE
    assert (a_class.target.due, a_class.unit) == (date(2021, 12, 31), "")
    hti = by["高新技术产业增加值"]
    assert (hti.target.form, hti.target.rate, hti.baseline) == (TargetForm.CAGR, 10, None)
    patents = by["万人有效发明专利拥有量"]
    assert (patents.target.form, patents.target.value) == (TargetForm.LEVEL, 25)
    assert by["新建众创空间"].target.due == date(2020, 12, 31)


def test_002_tasks_and_responsible_units() -> None:
    plan = _plan("002")
    assert len(plan.tasks) == 12
    linked: dict[str, tuple[str, ...]] = {}
    for task in plan.tasks:
        for code in task.indicators:
            assert code not in linked, f"{code} linked to two tasks"
            linked[code] = task.responsible
    for ind in plan.indicators:
        if ind.code in linked:
            assert ind.responsible == linked[ind.code], ind.code
    # every indicator except the overall goal (进入A类) belongs to a task
    assert set(linked) == {i.code for i in plan.indicators} - {"01"}
    by = _by_name(plan)
    assert by["高新技术企业"].responsible[:2] == ("区发改局", "区行政审批局")
    assert by["财政科技投入"].responsible == ("区财政局", "区发改局")


@needs_seeds
def test_002_responsible_units_as_written() -> None:
    seed = _seed("002")
    written = [
        tuple(u.strip() for u in re.split(r"[、,，]", units) if u.strip())
        for units in re.findall(r"[(（]责任单位[:：]([^)）]*)[)）]", seed)
    ]
    assert len(written) == 12
    assert [t.responsible for t in _plan("002").tasks] == written


# --- 003 承德市 -----------------------------------------------------------------------------------


def test_003_chengde_table() -> None:
    plan = _plan("003")
    assert plan.issuer == "承德市人民政府办公室"
    assert plan.categories == ("创新实力", "创新主体", "创新支撑", "创新环境", "重点任务目标")
    rd = plan.indicator("01")
    assert rd.name == "全社会研究与试验经费支出增长率"
    assert rd.target.form is TargetForm.CAGR
    assert (rd.baseline, rd.target.rate, rd.unit) == (21.87, 10, "亿元")
    assert rd.cadence is Cadence.ANNUAL_LATE
    assert rd.final_target() == pytest.approx(21.87 * 1.1**5)
    by = _by_name(plan)
    leader = by["科技领军企业"]
    assert (leader.baseline, leader.target.value, leader.cadence) == (0, 5, Cadence.BATCH)
    assert (by["高新技术企业数量"].baseline, by["高新技术企业数量"].target.value) == (221, 300)
    patents = by["每万人口拥有高价值发明专利数"]
    assert (patents.baseline, patents.target.value, patents.decimals) == (0.53, 1.5, 2)
    contracts = by["技术合同成交总额"]
    assert (contracts.baseline, contracts.target.value) == (20.8, 30)
    assert contracts.nature is Nature.FLOW
    literacy = by["公民具备科学素质的比例"]
    assert (literacy.baseline, literacy.target.value) == (8, 12)
    assert [i.category for i in plan.indicators].count("创新主体") == 3


# --- 004 石家庄市 ---------------------------------------------------------------------------------


def test_004_shijiazhuang_table() -> None:
    plan = _plan("004")
    assert plan.issuer == "石家庄市人民政府办公室"
    assert plan.categories == (
        "创新投入",
        "创新能力",
        "创新产出",
        "创新转化",
        "创新生态",
        "重点任务目标",
    )
    rates = {i.code: (i.baseline, i.target.rate) for i in plan.indicators[:3]}
    assert rates == {"01": (3.4, 12), "02": (9.43, 15), "03": (-6.52, 10)}
    for ind in plan.indicators[:3]:
        assert ind.target.form is TargetForm.GROWTH_RATE
        assert (ind.unit, ind.cadence) == ("%", Cadence.ANNUAL_LATE)
    by = _by_name(plan)
    hte = by["高新技术企业数量"]
    assert hte.target.form is TargetForm.INCREASE
    assert (hte.baseline, hte.target.value, hte.target.increase) == (2499, 4000, 1501)
    assert hte.target.text == "4000（累计增加1501）"
    increases = [i for i in plan.indicators if i.target.form is TargetForm.INCREASE]
    assert [i.code for i in increases] == [f"{n:02d}" for n in (4, 5, 6, 7, 8, 9, 11, 12, 13, 14)]
    assert by["每万人口高价值发明专利拥有量"].target.increase == 3.5
    share = plan.indicator("10")
    assert share.target.form is TargetForm.POINTS
    assert (share.baseline, share.target.rate, share.target.value) == (32, 2, 42)
    assert share.baseline + share.target.rate * 5 == share.target.value
    assert by["技术合同成交总额"].cadence is Cadence.CUMULATIVE_FLOW


def test_004_prose_targets() -> None:
    plan = _plan("004")
    intensity = plan.indicator("15")
    assert intensity.name == "全社会研发经费投入强度"
    assert intensity.target.comparator is Comparator.APPROX
    t = intensity.target
    assert (t.value, t.tolerance, intensity.baseline) == (3.0, 0.5, 2.13)  # 正文“2020 年…为 2.13%”
    assert intensity.cadence is Cadence.ANNUAL_LATE
    assert plan.settings.tolerance_for(intensity) == 0.5
    agents = plan.indicator("16")
    assert (agents.name, agents.target.value, agents.unit, agents.baseline) == (
        "科技特派员规模",
        1500,
        "人",
        None,
    )
