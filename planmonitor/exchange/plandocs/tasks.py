"""Key tasks: （一）… headings of the 主要任务/重点任务 part with their （责任单位：…）/牵头单位."""

from __future__ import annotations

import re

from planmonitor.domain.draft import DraftTask
from planmonitor.exchange.plandocs.blocks import Paragraph
from planmonitor.exchange.plandocs.targets import tidy

_HEAD = re.compile(r"[(（]([一二三四五六七八九十]{1,3})[)）]\s*([^。（(：:]{2,40}?)[。\s]")
_LINE_HEAD = re.compile(r"(?<=\n)()([^。\n（(：:,，、]{4,30}(?:工程|行动|计划))(?=\n)")
_RESP = re.compile(r"[(（]\s*(?:责任单位|牵头单位|责任部门|牵头部门)[:：]\s*([^)）]+)[)）]")
_PART = re.compile(r"(?:主要任务|重点任务|工作任务|重点工作)")
_PART_HEAD = re.compile(r"(?:^|\n)(?:[一二三四五六七八九十]+、|第.章)\s*(?:主要任务|重点任务)")
_END = re.compile(r"(?:保障措施|组织实施|组织保障|实施保障)")


def units(text: str) -> list[str]:
    """ "区发改局、区财政局,各镇" → ["区发改局", "区财政局", "各镇"]."""
    return [u.strip() for u in re.split(r"[、,，;；\s]+", text) if u.strip()]


def read_tasks(paragraphs: list[Paragraph]) -> list[tuple[DraftTask, int, int]]:
    """Tasks with the text span they cover (start, end offsets into the joined text)."""
    text = "\n".join(tidy(p.text) for p in paragraphs)
    start = 0
    part = _PART_HEAD.search(text) or _PART.search(text)
    if part is not None:
        start = part.end()
    end_m = _END.search(text, start)
    end = end_m.start() if end_m else len(text)
    heads = sorted(
        [*_HEAD.finditer(text, start, end), *_LINE_HEAD.finditer(text, start, end)],
        key=lambda m: m.start(),
    )
    unique: dict[int, re.Match[str]] = {}
    for m in heads:
        unique.setdefault(m.start(2), m)
    heads = list(unique.values())
    out: list[tuple[DraftTask, int, int]] = []
    for k, m in enumerate(heads):
        stop = heads[k + 1].start() if k + 1 < len(heads) else end
        body = text[m.end() : stop]
        resp = _RESP.search(body)
        task = DraftTask(title=m.group(2).strip(), where=f"“{m.group(0)[:12]}…”")
        if resp:
            task.responsible = units(resp.group(1))
        out.append((task, m.start(), stop))
    return out


def joined_offsets(paragraphs: list[Paragraph]) -> list[int]:
    """The offset of each paragraph in the text :func:`read_tasks` joins."""
    out, pos = [], 0
    for p in paragraphs:
        out.append(pos)
        pos += len(tidy(p.text)) + 1
    return out
