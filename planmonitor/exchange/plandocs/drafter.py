"""Blocks → a draft plan: metadata, indicator tables, prose targets, key tasks, questions."""

from __future__ import annotations

import re

from planmonitor.domain.draft import DraftIndicator, DraftPlan
from planmonitor.exchange.plandocs.blocks import Block, Paragraph, Table
from planmonitor.exchange.plandocs.indicator_table import is_indicator_table, read_indicator_table
from planmonitor.exchange.plandocs.meta import read_meta
from planmonitor.exchange.plandocs.prose import ProseContext, read_prose
from planmonitor.exchange.plandocs.targets import tidy
from planmonitor.exchange.plandocs.tasks import joined_offsets, read_tasks
from planmonitor.exchange.tables.names import normalise, similarity

_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章节]|专栏)"
)


def draft_from_blocks(blocks: list[Block], source: str = "") -> DraftPlan:
    """The draft plan the blocks of one document propose."""
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    meta = read_meta(paragraphs)
    plan = DraftPlan(
        title=meta.title,
        issuer=meta.issuer,
        region=meta.region,
        baseline_year=meta.baseline_year,
        target_year=meta.target_year,
        source=source,
    )
    table_inds: list[DraftIndicator] = []
    for k, block in enumerate(blocks):
        if not isinstance(block, Table) or not is_indicator_table(block):
            continue
        notes = " ".join(
            tidy(b.text) for b in blocks[max(0, k - 2) : k + 3] if isinstance(b, Paragraph)
        )
        reading = read_indicator_table(block, notes)
        _table_years(plan, reading.baseline_year, reading.target_year)
        for name in reading.sub_regions:
            if name not in plan.sub_regions:
                plan.sub_regions.append(name)
        table_inds.extend(reading.indicators)
    if plan.baseline_year is None or plan.target_year is None:
        plan.questions.append(
            "没有找到规划的基期年和目标年（如“十五五”或“2025年基数/2030年目标”），请补上"
        )
    ctx = ProseContext(plan.baseline_year or 0, plan.target_year or 0)
    prose = read_prose(paragraphs, ctx, _goal_paragraphs(paragraphs))
    plan.indicators = table_inds + _new_prose(prose, table_inds, ctx)
    for n, ind in enumerate(plan.indicators, start=1):
        ind.code = f"{n:02d}"
    _tasks(plan, paragraphs)
    if not plan.title:
        plan.questions.append("没有找到规划标题，请补上")
    if not plan.region:
        plan.questions.append("没有找到规划覆盖的地区，请补上")
    if not plan.indicators:
        plan.questions.append("文件中没有找到指标表或带数值的目标")
    return plan


def _table_years(plan: DraftPlan, base: int | None, target: int | None) -> None:
    for attr, year in (("baseline_year", base), ("target_year", target)):
        if year is None:
            continue
        have = getattr(plan, attr)
        if have is None:
            setattr(plan, attr, year)
        elif have != year:
            plan.questions.append(f"标题推出的年份{have}与指标表表头的{year}不一致，请确认")


def _goal_paragraphs(paragraphs: list[Paragraph]) -> set[int]:
    """Paragraphs under a 目标 heading (主要目标, 发展目标, 工作目标) or in a 专栏."""
    out: set[int] = set()
    inside = False
    for i, p in enumerate(paragraphs):
        t = tidy(p.text)
        if _HEADING.match(t) and len(t) <= 40:
            inside = "目标" in t or t.startswith("专栏")
            continue
        if inside:
            out.add(i)
    return out


def _similar(name: str, others: list[DraftIndicator]) -> DraftIndicator | None:
    key = normalise(name)
    best = max(others, key=lambda o: similarity(key, normalise(o.name)), default=None)
    if best is not None and similarity(key, normalise(best.name)) >= 0.8:
        return best
    return None


def _new_prose(
    prose: list[DraftIndicator], table: list[DraftIndicator], ctx: ProseContext
) -> list[DraftIndicator]:
    """Prose targets not already in a table; statements about the baseline year fill baselines."""
    kept: list[DraftIndicator] = []
    baselines: list[DraftIndicator] = []
    for ind in prose:
        first = ind.milestones[0][0] if ind.milestones else None
        single = ind.form == "level" and ind.target is None and len(ind.milestones) == 1
        if single and first is not None and first <= ctx.baseline_year:
            if first == ctx.baseline_year:
                baselines.append(ind)
            continue
        ind.milestones = [(y, v) for y, v in ind.milestones if y >= ctx.baseline_year]
        if _similar(ind.name, table) is not None:
            continue
        if (
            ind.form == "level"
            and ind.milestones
            and ind.target is None
            and len(ind.milestones) == 1
        ):
            ind.ask(f"原文只给出{ind.milestones[0][0]}年的数，不是目标年，请确认")
        kept.append(ind)
    for b in baselines:
        for ind in kept:
            if ind.baseline is None and ind.unit == b.unit and _same_tail(ind.name, b.name):
                ind.baseline = b.milestones[0][1]
                ind.questions = [q for q in ind.questions if q != "规划未给出基数，待录入"]
                ind.ask(f"基数取自正文“{b.source_text[:60]}”，请核对")
                break
    return kept


def _same_tail(a: str, b: str) -> bool:
    """Names that end the same way for at least four characters (…经费投入强度)."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n >= 4 or (n >= 2 and n == min(len(a), len(b)))


def _tasks(plan: DraftPlan, paragraphs: list[Paragraph]) -> None:
    found = read_tasks(paragraphs)
    offsets = joined_offsets(paragraphs)
    where_to_offset = {p.where: off for p, off in zip(paragraphs, offsets, strict=True)}
    for task, start, end in found:
        for ind in plan.indicators:
            off = where_to_offset.get(ind.where)
            if off is None:
                continue
            pos = off + _position_in(paragraphs, ind)
            if start <= pos < end:
                task.indicators.append(ind.code)
                if task.responsible and not ind.responsible:
                    ind.responsible = list(task.responsible)
        plan.tasks.append(task)


def _position_in(paragraphs: list[Paragraph], ind: DraftIndicator) -> int:
    for p in paragraphs:
        if p.where == ind.where:
            t = tidy(p.text)
            probe = ind.source_text.split("，")[0][:12]
            k = t.find(probe)
            return max(k, 0)
    return 0
