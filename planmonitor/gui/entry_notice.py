"""What the entry grid says after a save when the data checks (数据审核) flag a value: which value,
which rule, and that a comment (情况说明) is needed — or that the comment explains it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QApplication

from planmonitor.domain.periods import Period
from planmonitor.gui.entry_model import EntryModel
from planmonitor.gui.i18n import period_text

SHOWN = 3  # findings named in the message; the rest are counted


@dataclass(frozen=True)
class CheckNotice:
    """The message after a save; ``needs_comment`` is the first value still needing a comment."""

    text: str
    needs_comment: tuple[str, Period] | None


def check_notice(model: EntryModel, keys: list[tuple[str, Period]]) -> CheckNotice | None:
    """The notice about the values just saved (``keys``), or None when no check flags them."""
    translate = QApplication.translate
    open_: list[tuple[tuple[str, Period], str]] = []
    explained: list[tuple[str, Period]] = []
    for key in keys:
        for f in model.findings.get(key, []):
            where = f"{f.code} {f.name} {period_text(f.period)}"
            if f.resolved:
                explained.append(key)
            else:
                open_.append((key, f"{where}：{f.rule.label}，{f.message}"))
    if open_:
        items = "；".join(text for _key, text in open_[:SHOWN])
        if len(open_) > SHOWN:
            items += translate("EntryNotice", " and {n} more").format(n=len(open_) - SHOWN)
        text = translate(
            "EntryNotice",
            "Saved, but the data checks flag it: {items}. A comment (情况说明) is needed: "
            "type it in the comment field below.",
        ).format(items=items)
        return CheckNotice(text, open_[0][0])
    if explained:
        code, period = explained[0]
        name = model.context.plan.indicator(code).name if model.context.plan else ""
        text = translate(
            "EntryNotice", "Saved. The data check of {cell} is explained by its comment."
        ).format(cell=f"{code} {name} {period_text(period)}")
        return CheckNotice(text, None)
    return None
