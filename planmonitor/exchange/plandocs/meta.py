"""The plan's title, issuing body, region and years, from the first paragraphs and the title.

十五五 means 2026—2030 with 2025 as the baseline year; (2019—2025年) gives both years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planmonitor.exchange.plandocs.blocks import Paragraph
from planmonitor.exchange.plandocs.numerals import chinese_int
from planmonitor.exchange.plandocs.targets import tidy

_KINDS = r"(?:规划|实施方案|行动方案|工作方案|方案|行动计划|计划|纲要|任务分解表|指标分解表)"
_TITLE_LINE = re.compile(rf"^[^，。,；;：:]{{4,40}}{_KINDS}$")
_TITLE_START = re.compile(rf"^([^，。,；;：:（(《]{{4,30}}?{_KINDS})(?=为|根据|按照|依据|$)")
_INFORM = re.compile(
    rf"^(?P<issuer>.{{2,30}}?)\s*关于印发《?(?P<title>.{{4,40}}?{_KINDS})》?的\s*通\s*知"
)
_ISSUER = re.compile(
    r"^[\u4e00-\u9fff]{2,20}(?:人民政府办公室|人民政府办公厅|人民政府|科学技术局|科技局|管理委员会)$"
)
_REGION = re.compile(r"^(.{1,12}?(?:自治州|自治县|新区|市|区|县|旗|镇))")
_TRAILER = re.compile(
    r"[（(](?:\d{4}\s*[—\-–~～至到]+\s*\d{4}\s*年?|征求意见稿|送审稿|试行|草案|讨论稿)[)）]$"
)
_QUOTED = re.compile(rf"《([^《》]{{4,40}}{_KINDS})》")
_FIVE_YEAR = re.compile(r"十([一二三四五六七八九])五")
_SPAN = re.compile(r"[（(]\s*(\d{4})\s*[—\-–~～至到]+\s*(\d{4})\s*年?\s*[)）]")


@dataclass
class Meta:
    """Title, issuer, region and years found at the top of a document."""

    title: str = ""
    issuer: str = ""
    region: str = ""
    baseline_year: int | None = None
    target_year: int | None = None


def five_year_span(text: str) -> tuple[int, int] | None:
    """ "十四五" → (2020, 2025): the baseline year and the target year."""
    m = _FIVE_YEAR.search(text)
    if not m:
        return None
    n = chinese_int(m.group(1)) or 0
    start = 2001 + 5 * n  # 十一五 = 2006—2010
    return start - 1, start + 4


def read_meta(paragraphs: list[Paragraph]) -> Meta:
    """What the top of the document says about the plan."""
    meta = Meta()
    raw_head = [tidy(p.text) for p in paragraphs[:40]]
    head = [_TRAILER.sub("", t) for t in raw_head]
    for t in head:
        m = _INFORM.match(t)
        if m:
            meta.issuer = meta.issuer or m.group("issuer").strip()
            meta.title = meta.title or m.group("title").replace(" ", "")
    for t in head:
        if _TITLE_LINE.match(t) and "关于" not in t and "通知" not in t:
            meta.title = t
            break
    if not meta.title and head:
        m = _TITLE_START.match(head[0])
        if m:
            meta.title = m.group(1)
    if not meta.title:
        for t in head[:10]:
            q = _QUOTED.search(t)
            if q and "以下简称" in t[q.end() : q.end() + 8]:
                meta.title = q.group(1)
                break
    if not meta.issuer:
        meta.issuer = next((t for t in head[:15] if _ISSUER.match(t)), "")
    m = _REGION.match(meta.title)
    meta.region = m.group(1) if m else ""
    span = five_year_span(meta.title)
    if span is None:
        for t in raw_head[:5]:
            s = _SPAN.search(t)
            if s:
                span = int(s.group(1)), int(s.group(2))
                break
    if span is not None:
        meta.baseline_year, meta.target_year = span
    return meta
