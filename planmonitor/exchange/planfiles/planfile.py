"""Plan files (TOML): the built-in plans and plans a user writes by hand.

The format is documented in the README ("Plan files"). Every error names the file, the
indicator (by position and code) and the field, and says what was expected.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

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
    Target,
    TargetForm,
    Thresholds,
)
from planmonitor.domain.plan import Plan, PlanRef, Region, StatusSettings, Task
from planmonitor.domain.text import clean_text
from planmonitor.domain.values import NumberError, check_number, check_year

FORMAT = 1  # the plan file format this program reads and writes

_DEFAULT_PROFILE = {
    Cadence.CUMULATIVE_FLOW: [25, 50, 75, 100],
    Cadence.BATCH: [0, 0, 0, 100],
    Cadence.ANNUAL_LATE: [0, 0, 0, 100],
    Cadence.SMOOTH_STOCK: [25, 50, 75, 100],
    Cadence.ANNUAL_RESTART: [25, 50, 75, 100],
}
_NATURE_OF = {
    Cadence.CUMULATIVE_FLOW: Nature.FLOW,
    Cadence.BATCH: Nature.STOCK,
    Cadence.SMOOTH_STOCK: Nature.STOCK,
    Cadence.ANNUAL_RESTART: Nature.FLOW,
    Cadence.ANNUAL_LATE: Nature.STOCK,
}
_COMPARATORS = {
    ">=": Comparator.GE,
    "≥": Comparator.GE,
    "<=": Comparator.LE,
    "≤": Comparator.LE,
    "~": Comparator.APPROX,
    "≈": Comparator.APPROX,
    "左右": Comparator.APPROX,
}
_INDICATOR_KEYS = {
    "code",
    "name",
    "unit",
    "category",
    "attribute",
    "nature",
    "cadence",
    "profile",
    "decimals",
    "responsible",
    "source",
    "note",
    "baseline",
    "baseline_year",
    "target_year",
    "form",
    "target",
    "increase",
    "growth",
    "points",
    "rate",
    "quota",
    "due",
    "milestones",
    "comparator",
    "tolerance",
    "target_text",
    "thresholds",
    "ratio",
    "predecessor",
}
_PLAN_KEYS = {
    "format",
    "id",
    "title",
    "issuer",
    "region",
    "baseline_year",
    "target_year",
    "outlook_year",
    "categories",
    "source",
    "note",
    "thresholds",
    "approx_tolerance",
    "regions",
    "tasks",
    "indicators",
    "predecessor",
}


class _Reader:
    """Typed access to one TOML table, with errors that say where."""

    def __init__(self, data: Mapping[str, Any], where: str) -> None:
        self.data = data
        self.where = where

    def fail(self, key: str, expected: str) -> PlanError:
        got = self.data.get(key)
        return PlanError(f"{self.where}：字段 {key} 应为{expected}，实际为{got!r}")

    def text(self, key: str, default: str | None = None) -> str:
        v = self.data.get(key, default)
        if v is None:
            raise PlanError(f"{self.where}：缺少字段 {key}")
        if not isinstance(v, str):
            raise self.fail(key, "文本")
        return clean_text(v).text.strip()

    def number(self, key: str) -> float | None:
        v = self.data.get(key)
        if v is None:
            return None
        if isinstance(v, bool) or not isinstance(v, int | float):
            raise self.fail(key, "数字")
        return self.checked(key, v)

    def checked(self, key: str, v: float) -> float:
        """``v`` through the shared number check, the error naming where."""
        try:
            return check_number(float(v), f"字段 {key} 的值{v!r}")
        except NumberError as exc:
            raise PlanError(f"{self.where}：{exc}") from None

    def integer(self, key: str, default: int | None = None) -> int:
        v = self.data.get(key, default)
        if v is None:
            raise PlanError(f"{self.where}：缺少字段 {key}")
        if isinstance(v, bool) or not isinstance(v, int):
            raise self.fail(key, "整数")
        if key.endswith("year"):
            try:
                check_year(v, f"字段 {key} 的年份")
            except NumberError as exc:
                raise PlanError(f"{self.where}：{exc}") from None
        return v

    def year_of(self, key: str, year: int) -> int:
        """A year inside ``key`` through the shared year check."""
        try:
            return check_year(year, f"字段 {key} 的年份")
        except NumberError as exc:
            raise PlanError(f"{self.where}：{exc}") from None

    def texts(self, key: str) -> tuple[str, ...]:
        v = self.data.get(key, [])
        if isinstance(v, str):
            return tuple(s.strip() for s in v.replace("，", "、").split("、") if s.strip())
        if not isinstance(v, list) or not all(isinstance(s, str) for s in v):
            raise self.fail(key, "文本列表")
        return tuple(clean_text(s).text.strip() for s in v)

    def choice(self, key: str, enum: type[Any], default: Any) -> Any:
        v = self.data.get(key)
        if v is None:
            return default
        try:
            return enum(v)
        except ValueError:
            names = "、".join(str(e.value) for e in enum)
            raise self.fail(key, f"以下之一：{names}") from None

    def unknown(self, allowed: set[str]) -> None:
        extra = sorted(set(self.data) - allowed)
        if extra:
            raise PlanError(f"{self.where}：未知字段 {', '.join(extra)}")


def load_plan_file(path: str | Path) -> Plan:
    """Read and validate a plan file; :class:`PlanError` names file, entry and field."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise PlanError(f"无法读取规划文件 {p}：{exc.strerror or exc}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise PlanError(f"{p.name}：文件不是 UTF-8 编码的文本") from None
    except tomllib.TOMLDecodeError as exc:
        raise PlanError(f"{p.name}：TOML 格式错误：{exc}") from None
    except RecursionError:
        raise PlanError(f"{p.name}：TOML 嵌套过深（数组或表套了上千层），不是规划文件") from None
    try:
        plan = plan_from_mapping(data, p.name)
    except PlanError as exc:
        msg = str(exc)
        raise PlanError(msg if msg.startswith(p.name) else f"{p.name}：{msg}") from None
    return plan


def plan_from_mapping(data: Mapping[str, Any], name: str = "plan") -> Plan:
    """Build a :class:`Plan` from the parsed TOML tables."""
    r = _Reader(data, name)
    r.unknown(_PLAN_KEYS)
    if data.get("format", FORMAT) != FORMAT:
        raise PlanError(
            f"{name}：“format = {data.get('format')!r}”不受支持：本程序读取“format = {FORMAT}”的"
            "规划文件（由更新版本的程序写入？）"
        )
    baseline_year = r.integer("baseline_year")
    target_year = r.integer("target_year")
    settings = _settings(data.get("thresholds", {}), r.number("approx_tolerance"), name)
    raw_inds = data.get("indicators", [])
    if not isinstance(raw_inds, list) or not raw_inds:
        raise PlanError(f"{name}：至少需要一个 [[indicators]] 指标")
    indicators = tuple(
        _indicator(item, i, name, baseline_year, target_year) for i, item in enumerate(raw_inds)
    )
    predecessor = _predecessor(data.get("predecessor"), name)
    if predecessor is None:
        linked = next((i for i in indicators if i.predecessor), None)
        if linked is not None:
            raise PlanError(
                f"{name} indicators[{linked.position}]（编码{linked.code}）：指明了上期指标 "
                f"predecessor = “{linked.predecessor}”，但规划没有指明上期规划：应在文件开头写 "
                'predecessor = { id = "上期规划的标识", title = "上期规划的标题" }'
            )
    regions = tuple(_region(item, i, name) for i, item in enumerate(data.get("regions", [])))
    tasks = tuple(_task(item, i, name) for i, item in enumerate(data.get("tasks", [])))
    plan = Plan(
        id=r.text("id"),
        title=r.text("title"),
        region=r.text("region"),
        baseline_year=baseline_year,
        target_year=target_year,
        indicators=indicators,
        issuer=r.text("issuer", ""),
        outlook_year=data.get("outlook_year"),
        categories=r.texts("categories") or _categories_in_order(indicators),
        tasks=tasks,
        sub_regions=regions,
        settings=settings,
        source=r.text("source", ""),
        note=r.text("note", ""),
        predecessor=predecessor,
    )
    plan.validate()
    return plan


def _predecessor(data: Any, name: str) -> PlanRef | None:
    """The plan-level ``predecessor = { id = "…", title = "…" }`` (or just the id)."""
    if data is None:
        return None
    if isinstance(data, str):
        data = {"id": data}
    if not isinstance(data, Mapping):
        raise PlanError(
            f'{name}：字段 predecessor 应为表 {{ id = "上期规划的标识", '
            f'title = "上期规划的标题" }}，实际为{data!r}'
        )
    r = _Reader(data, f"{name} predecessor")
    r.unknown({"id", "title"})
    ref = PlanRef(r.text("id", ""), r.text("title", ""))
    if not ref.id and not ref.title:
        raise PlanError(f"{name} predecessor：应给出上期规划的标识 id 或标题 title")
    return ref


def _categories_in_order(indicators: tuple[Indicator, ...]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for ind in indicators:
        if ind.category:
            seen.setdefault(ind.category)
    return tuple(seen)


def _thresholds(data: Any, where: str, default: Thresholds) -> Thresholds:
    if not isinstance(data, Mapping):
        raise PlanError(f"{where}：thresholds 应为表 {{green = 1.0, yellow = 0.9}}")
    r = _Reader(data, f"{where} thresholds")
    green = r.number("green")
    yellow = r.number("yellow")
    return Thresholds(
        green=default.green if green is None else green,
        yellow=default.yellow if yellow is None else yellow,
    )


def _settings(data: Any, approx: float | None, where: str) -> StatusSettings:
    normal = _thresholds(
        {k: v for k, v in dict(data).items() if k != "binding"}, where, Thresholds()
    )
    binding = _thresholds(dict(data).get("binding", {}), f"{where} binding", normal)
    return StatusSettings(normal, binding, 0.5 if approx is None else approx)


def _region(item: Any, i: int, name: str) -> Region:
    r = _Reader(item, f"{name} regions[{i + 1}]")
    r.unknown({"code", "name", "parent"})
    parent = item.get("parent")
    return Region(code=r.text("code"), name=r.text("name"), parent=parent or "*")


def _task(item: Any, i: int, name: str) -> Task:
    r = _Reader(item, f"{name} tasks[{i + 1}]")
    r.unknown({"code", "title", "kind", "chapter", "responsible", "lead", "support", "indicators"})
    kind = r.text("kind", "任务")
    if kind not in ("任务", "专栏"):
        raise r.fail("kind", "“任务”或“专栏”")
    return Task(
        r.text("title"),
        r.texts("responsible"),
        r.texts("indicators"),
        position=i + 1,
        code=r.text("code", ""),
        lead=r.texts("lead"),
        support=r.texts("support"),
        kind=kind,
        chapter=r.text("chapter", ""),
    )


def _form(r: _Reader) -> TargetForm:
    explicit = r.choice("form", TargetForm, None)
    if explicit is not None:
        return explicit  # type: ignore[no-any-return]
    d = r.data
    for key, form in (
        ("due", TargetForm.MILESTONE),
        ("quota", TargetForm.QUOTA),
        ("rate", TargetForm.GROWTH_RATE),
        ("growth", TargetForm.CAGR),
        ("points", TargetForm.POINTS),
        ("increase", TargetForm.INCREASE),
    ):
        if key in d:
            return form
    if "target" in d or "milestones" in d:
        return TargetForm.LEVEL
    raise PlanError(
        f"{r.where}：缺少目标：应给出 target、increase、growth、points、rate、quota、due "
        "或 milestones 之一"
    )


def _milestones(r: _Reader) -> tuple[Milestone, ...]:
    raw = r.data.get("milestones", [])
    out = []
    for m in raw:
        if (
            isinstance(m, list)
            and len(m) == 2
            and isinstance(m[0], int)
            and isinstance(m[1], int | float)
            and not isinstance(m[1], bool)
        ):
            r.year_of("milestones", m[0])
            out.append(Milestone(m[0], r.checked("milestones", m[1])))
        else:
            raise r.fail("milestones", "[[年份, 数值], …] 形式的列表")
    return tuple(sorted(out, key=lambda m: m.year))


def _due(r: _Reader) -> date | None:
    v = r.data.get("due")
    if v is None:
        return None
    if isinstance(v, date):
        return v
    if isinstance(v, int) and not isinstance(v, bool):
        return date(r.year_of("due", v), 12, 31)
    raise r.fail("due", "日期（2021-12-31）或年份（2021）")


def _target(r: _Reader, form: TargetForm) -> Target:
    rate = {
        TargetForm.CAGR: r.number("growth"),
        TargetForm.POINTS: r.number("points"),
        TargetForm.GROWTH_RATE: r.number("rate"),
    }.get(form, r.number("rate"))
    value = r.number("quota") if form is TargetForm.QUOTA else r.number("target")
    comparator = _COMPARATORS.get(str(r.data.get("comparator", ">=")).strip())
    if comparator is None:
        raise r.fail("comparator", "“>=”、“<=” 或 “~”（左右）")
    return Target(
        form=form,
        comparator=comparator,
        value=value,
        increase=r.number("increase"),
        rate=rate,
        milestones=_milestones(r),
        due=_due(r),
        tolerance=r.number("tolerance"),
        text=r.text("target_text", ""),
    )


def _indicator(item: Any, i: int, name: str, baseline_year: int, target_year: int) -> Indicator:
    if not isinstance(item, Mapping):
        raise PlanError(f"{name} indicators[{i + 1}]：应为表")
    code = item.get("code", "?")
    r = _Reader(item, f"{name} indicators[{i + 1}]（编码{code}）")
    r.unknown(_INDICATOR_KEYS)
    form = _form(r)
    cadence = r.choice("cadence", Cadence, Cadence.SMOOTH_STOCK)
    default_nature = Nature.FLOW if form is TargetForm.QUOTA else _NATURE_OF[cadence]
    profile_raw = item.get("profile", _DEFAULT_PROFILE[cadence])
    if not isinstance(profile_raw, list) or not all(
        isinstance(x, int | float) and not isinstance(x, bool) for x in profile_raw
    ):
        raise r.fail("profile", "四个数的列表，如 [0, 0, 0, 100]")
    profile_raw = [r.checked("profile", x) for x in profile_raw]
    try:
        profile = ReleaseProfile.from_percent(profile_raw)
    except PlanError as exc:
        raise PlanError(f"{r.where}：{exc}") from None
    thresholds = item.get("thresholds")
    ratio = item.get("ratio")
    ind = Indicator(
        code=r.text("code"),
        name=r.text("name"),
        unit=r.text("unit", ""),
        target=_target(r, form),
        baseline_year=r.integer("baseline_year", baseline_year),
        target_year=r.integer("target_year", target_year),
        category=r.text("category", ""),
        attribute=r.choice("attribute", Attribute, Attribute.EXPECTED),
        nature=r.choice("nature", Nature, default_nature),
        cadence=cadence,
        profile=profile,
        baseline=r.number("baseline"),
        responsible=r.texts("responsible"),
        source=r.text("source", ""),
        decimals=r.integer("decimals", _default_decimals(item.get("unit", ""))),
        note=r.text("note", ""),
        ratio=_ratio(ratio, r) if ratio is not None else None,
        thresholds=_thresholds(thresholds, r.where, Thresholds()) if thresholds else None,
        position=i + 1,
        predecessor=r.text("predecessor", ""),
    )
    try:
        ind.validate()
    except PlanError as exc:
        raise PlanError(f"{r.where}：{exc}") from None
    return ind


def _ratio(data: Any, r: _Reader) -> RatioSpec:
    if not isinstance(data, Mapping):
        raise r.fail("ratio", "表 {numerator = …, denominator = …, scale = 100}")
    rr = _Reader(data, f"{r.where} ratio")
    scale = rr.number("scale")
    return RatioSpec(
        rr.text("numerator"), rr.text("denominator"), 100.0 if scale is None else scale
    )


def _default_decimals(unit: Any) -> int:
    return 0 if unit in ("家", "个", "件", "人", "项", "名", "所") else 2


def builtin_plans_dir() -> Path:
    """The folder holding the built-in plan files."""
    from planmonitor.paths import data_dir

    return data_dir("resources") / "plans"


def builtin_plan_files() -> list[Path]:
    """The built-in plan files, in order."""
    return sorted(builtin_plans_dir().glob("*.toml"))


def load_builtin_plans() -> list[Plan]:
    """All built-in plans."""
    return [load_plan_file(p) for p in builtin_plan_files()]
