"""Prose targets (主要目标, 专栏, 主要任务): 到2030年…达到/不少于/控制在…; 年均增长…; 每年…不少于…
(quotas); 到2020年底75家，到2025年底180家 (milestones); 力争到2021年…进入A类 and 2020年新建1家
(qualitative milestones).

A sentence is read clause by clause; the year a clause is about carries over to the next clause
of the same sentence. Prose values are proposed, never taken as sure without their wording
being one of the plain forms above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planmonitor.domain.draft import DraftIndicator
from planmonitor.exchange.plandocs.blocks import Paragraph
from planmonitor.exchange.plandocs.numerals import NUMBER, parse_number, with_multiplier
from planmonitor.exchange.plandocs.suggest import cadence_for, unit_for
from planmonitor.exchange.plandocs.targets import comparator_of, tidy

_UNITS = r"(?:%|个百分点|亿元|万元|元|家|个|件|项|人次|人|名|所|座|条|篇|台|套|万人)"
_YEAR = re.compile(r"(?:力争)?(?:到|至|在)?\s*(\d{4})\s*年(?:底|末)?(?:前)?[，,]?")
_FIVE_YEAR_END = re.compile(
    r"(?:力争)?(?:到|在)?“?十[一二三四五六七八九]五”?(?:末|期末|时期末)[，,]?"
)
_FIVE_YEAR_SPAN = re.compile(r"“?十[一二三四五六七八九]五”?(?:期间|时期)[，,]?")
_VERB = (
    r"(?:力争|争取|要|将)?"
    r"(?:达到|达|不少于|不低于|超过|控制在|突破|保持在|提高到|提升到|增加到|增长到)"
)
_LEVEL = re.compile(
    rf"^(?P<subj>.{{0,40}}?)(?:{_VERB})+\s*(?P<num>{NUMBER})\s*(?P<unit>{_UNITS})?\s*(?P<cmp>以上|左右|以内|以下)?$"
)
_GROWTH = re.compile(
    rf"^(?P<subj>.{{2,40}}?)(?:年均|年平均)(?:增长|增速|提高|提升)(?:达到)?\s*(?P<num>{NUMBER})\s*(?P<unit>%|个百分点)?\s*(?P<cmp>以上|左右)?$"
)
_QUOTA = re.compile(
    rf"^每年(?:力争|至少|争取)?(?P<verb>[\u4e00-\u9fff].{{1,30}}?)(?:不少于|不低于|至少|达到)?\s*(?P<num>{NUMBER})\s*(?P<unit>{_UNITS})(?P<cmp>以上|左右)?(?:资金)?(?P<tail>.*)$"
)
_CUMULATIVE = re.compile(
    rf"^(?:力争)?(?P<pre>.{{0,30}}?)累计(?:新增|增加|新培育|新认定)(?P<subj>[\u4e00-\u9fff、（）()]{{0,30}}?)"
    rf"\s*(?P<num>{NUMBER})\s*(?P<unit>{_UNITS})(?P<cmp>以上|左右)?$"
)
_NEW = re.compile(
    rf"^(?P<verb>新建|建成|新增|引进|培育|创建)\s*(?P<num>{NUMBER})\s*(?P<unit>{_UNITS})(?P<obj>[\u4e00-\u9fff、]{{2,20}})$"
)
_ENTER = re.compile(
    r"^(?:在)?(?:全省|全市|全国)?(?P<what>[\u4e00-\u9fff]{2,30}?)中(?P<verb>进入|晋级|跃升为|跃升至|达到)(?P<goal>[A-Z\u4e00-\u9fff]{1,10})$"
)
_LEADING = re.compile(r"^(?:\d{1,2}[.、．]|[（(]\d{1,2}[)）]|其中|同时)\s*")
_OPENERS = re.compile(
    r"^(?:全区|全市|全县|我区|我市|我县|本区|本市|区域|其中|力争|争取|同时|并|确保)+"
)
_BAD_SUBJ = re.compile(
    r"[，,“”《》]|^(?:建设|实现|推动|打造|形成|完成|开展|围绕|其中|总量|比|较|是)"
)


@dataclass
class ProseContext:
    """Years that a clause without its own year refers to."""

    baseline_year: int
    target_year: int


def _clauses(text: str) -> list[list[str]]:
    """Sentences (。；) as lists of clauses (，)."""
    t = tidy(text)
    t = re.sub(r"[（(]责任单位[:：][^)）]*[)）]", "。", t)
    sentences = [s for s in re.split(r"[。；;!！？?]", t) if s.strip()]
    out = []
    for s in sentences:
        parts = re.split(r"[，,]|、(?=(?:到|至)?\d{4}年)", s)
        out.append([_LEADING.sub("", c.strip()) for c in parts if c.strip()])
    return out


def read_prose(
    paragraphs: list[Paragraph], ctx: ProseContext, in_goals: set[int]
) -> list[DraftIndicator]:
    """Prose targets of ``paragraphs``; those in ``in_goals`` (by index) need no year."""
    found: list[DraftIndicator] = []
    by_name: dict[str, DraftIndicator] = {}
    for pi, par in enumerate(paragraphs):
        for clauses in _clauses(par.text):
            year: int | None = None
            subject = ""
            for clause in clauses:
                year, rest = _year_prefix(clause, year, ctx)
                ind = _read_clause(rest, year, pi in in_goals, ctx, subject)
                if ind is None:
                    continue
                subject = ind.name
                ind.where = par.where
                ind.source_text = "，".join(clauses)
                if ind.form == "quota" and ind.name.startswith("安排"):
                    _name_money(ind)
                prior = by_name.get(ind.name)
                if prior is not None and _merge(prior, ind, ctx):
                    continue
                by_name[ind.name] = ind
                found.append(ind)
    return found


_MONEY_NAME = re.compile(r"((?:财政)?(?:科技|研发)(?:投入|资金|经费))")


def _name_money(ind: DraftIndicator) -> None:
    """每年安排2000万元资金: the money is the 财政科技投入 the same sentence names, if it does."""
    m = _MONEY_NAME.search(ind.source_text)
    if m:
        ind.name = m.group(1)
        ind.ask(f"名称取自同句“{m.group(1)}”（原文为“{ind.target_text[:30]}”），请确认")


def _year_prefix(clause: str, year: int | None, ctx: ProseContext) -> tuple[int | None, str]:
    m = _YEAR.match(clause) or re.match(r"^(?:力争)?(\d{4})年(?:底|末)?", clause)
    if m:
        return int(m.group(1)), clause[m.end() :].lstrip("，, ")
    m = _FIVE_YEAR_END.match(clause) or re.match(r"^力争在“?十.五”?末", clause)
    if m:
        return ctx.target_year, clause[m.end() :]
    m = _FIVE_YEAR_SPAN.match(clause)
    if m:
        return year, clause[m.end() :]
    return year, clause


def _subject(raw: str) -> str:
    s = _OPENERS.sub("", raw).strip()
    s = re.sub(r"(?:力争|争取|将|要)$", "", s)
    s = re.sub(r"^(?:在|的)", "", s)
    return s.replace("(", "（").replace(")", "）")


def _read_clause(
    clause: str, year: int | None, in_goals: bool, ctx: ProseContext, subject: str = ""
) -> DraftIndicator | None:
    if not clause:
        return None
    m = _QUOTA.match(clause)
    if m and parse_number(m.group("num")) is not None:
        verb = _subject(m.group("verb"))
        tail = m.group("tail")
        name = verb + ("资金" if "资金" in clause[m.end("unit") :][:4] else "")
        if _BAD_SUBJ.search(verb) or (tail and not tail.startswith(("资金", "支持"))):
            return None
        num, unit = with_multiplier(parse_number(m.group("num")) or 0, m.group("unit"))
        return _made(name, unit, "quota", num, clause, comparator=">=")
    m = _CUMULATIVE.match(clause)
    if m and parse_number(m.group("num")) is not None:
        subj = _subject(m.group("subj") or m.group("pre"))
        if subj and not _BAD_SUBJ.search(subj):
            num, unit = with_multiplier(parse_number(m.group("num")) or 0.0, m.group("unit"))
            ind = _made(subj, unit, "increase", None, clause)
            ind.increase = num
            return ind
    m = _ENTER.match(clause)
    if m and year is not None:
        name = _subject(m.group("what")) + m.group("verb") + m.group("goal")
        ind = _made(name, "", "milestone", None, clause)
        ind.due = year
        return ind
    m = _NEW.match(clause)
    if m and year is not None and year < ctx.target_year:
        ind = _made(m.group("verb") + m.group("obj"), m.group("unit"), "milestone", None, clause)
        ind.due = year
        return ind
    m = _GROWTH.match(clause)
    if m and (year is not None or in_goals or m.group("cmp") == "以上"):
        subj = _subject(m.group("subj"))
        if _BAD_SUBJ.search(subj):
            return None
        form = "points" if m.group("unit") == "个百分点" else "cagr"
        ind = _made(subj, "", form, None, clause)
        ind.rate = parse_number(m.group("num"))
        ind.unit = "%" if form == "points" else unit_for(subj)
        if form == "cagr":
            hint = f"，建议“{ind.unit}”" if ind.unit else ""
            ind.ask(f"年均增长的是一个总量，原文未写它的单位{hint}，请确认")
        return ind
    if year is None and not in_goals:
        return None
    m = _LEVEL.match(clause)
    if m:
        subj = _subject(m.group("subj")) or subject
        parsed = parse_number(m.group("num"))
        if _BAD_SUBJ.search(subj) or parsed is None or len(subj) < 2:
            return None
        num, unit = with_multiplier(parsed, m.group("unit") or "")
        if not unit:
            return None
        ind = _made(subj, unit, "level", num, clause, comparator=comparator_of(clause))
        if year is not None and year != ctx.target_year:
            ind.form = "level"
            ind.milestones = [(year, num)]
            ind.target = None
        return ind
    return None


def _made(
    name: str, unit: str, form: str, value: float | None, text: str, comparator: str = ">="
) -> DraftIndicator:
    ind = DraftIndicator(name=name, unit=unit, form=form, target=value, comparator=comparator)
    ind.target_text = text
    ind.cadence, ind.profile = cadence_for(name, unit, form)
    if form != "milestone":
        ind.questions.append("规划未给出基数，待录入")
    return ind


def _merge(prior: DraftIndicator, new: DraftIndicator, ctx: ProseContext) -> bool:
    """A second clause about the same indicator (到2020年底75家，到2025年底180家): milestones."""
    if prior.form != "level" or new.form != "level" or prior.unit != new.unit:
        return False
    points = dict(prior.milestones)
    if prior.target is not None:
        points[ctx.target_year] = prior.target
    points.update(dict(new.milestones))
    if new.target is not None:
        points[ctx.target_year] = new.target
    prior.milestones = sorted(points.items())
    prior.target = None
    prior.target_text = f"{prior.target_text}，{new.target_text}"
    return True
