"""Reading a block pasted into the entry grid (TSV, as Excel and WPS copy it): the edits it makes,
or the one reason nothing is pasted (a cell outside the grid, a greyed cell, a bad number)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from planmonitor.domain.observation import Standing
from planmonitor.domain.periods import Period
from planmonitor.domain.values import NumberError
from planmonitor.gui.entry_model import CellValue, EntryModel
from planmonitor.gui.i18n import period_text

Edit = tuple[str, Period, CellValue | None, CellValue | None]  # code, period, old, new


class PasteRefused(Exception):
    """Nothing is pasted; the message says why (naming the cell)."""


def pasted_edits(model: EntryModel, row: int, column: int, text: str) -> list[Edit]:
    """The edits of pasting ``text`` with its top-left cell at (row, column); all or nothing."""
    translate = QApplication.translate
    lines = text.rstrip("\r\n").replace("\r\n", "\n").split("\n")
    edits: list[Edit] = []
    for dr, cells in enumerate(line.split("\t") for line in lines):
        for dc, raw in enumerate(cells):
            r, c = row + dr, column + dc
            if r >= model.rowCount() or c >= model.columnCount():
                raise PasteRefused(
                    translate(
                        "EntryView", "The pasted block does not fit the grid; nothing was pasted."
                    )
                )
            if not raw.strip() and not model.is_input(r, c):
                continue
            if not model.is_input(r, c):
                msg = translate("EntryView", "Nothing was pasted: {reason}")
                raise PasteRefused(msg.format(reason=model.refusal(r, c)))
            ind = model.indicators[r]
            period = model.period_at(c)
            assert period is not None
            try:
                value = model.parse(ind, raw)
            except NumberError as exc:
                msg = translate("EntryView", "Nothing was pasted: {name} {period}: {reason}")
                raise PasteRefused(
                    msg.format(name=ind.name, period=period_text(period), reason=exc)
                ) from None
            old = model.cells.get((ind.code, period))
            new = (
                None
                if value is None
                else CellValue(
                    value,
                    old.standing if old else Standing.PRELIMINARY,
                    old.comment if old else "",
                )
            )
            if new != old:
                edits.append((ind.code, period, old, new))
    return edits
