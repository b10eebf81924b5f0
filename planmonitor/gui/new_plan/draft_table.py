"""The draft as an editable table: one row per proposed indicator with its source text, unsure
rows marked, questions answered in place (editing a row answers them), rejected rows unticked.
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from planmonitor.domain.draft import DraftIndicator
from planmonitor.domain.indicator import PlanError
from planmonitor.domain.values import NumberError, parse_number
from planmonitor.gui.plan_editor.columns import COMPARATOR_LABELS, FORM_LABELS
from planmonitor.gui.plan_editor.columns import tr as editor_tr
from planmonitor.gui.plan_editor.delegate import VALUE_ROLE, ChoiceDelegate

UNSURE = QColor("#fff3c4")
_FORMS = {k.value: v for k, v in FORM_LABELS.items()}
_COMPARATORS = {k.value: v for k, v in COMPARATOR_LABELS.items()}
HEADERS = (
    str(QT_TRANSLATE_NOOP("DraftTable", "Keep")),
    str(QT_TRANSLATE_NOOP("DraftTable", "Name")),
    str(QT_TRANSLATE_NOOP("DraftTable", "Unit")),
    str(QT_TRANSLATE_NOOP("DraftTable", "Category")),
    str(QT_TRANSLATE_NOOP("DraftTable", "Baseline")),
    str(QT_TRANSLATE_NOOP("DraftTable", "Target form")),
    str(QT_TRANSLATE_NOOP("DraftTable", "Comparator")),
    str(QT_TRANSLATE_NOOP("DraftTable", "Target")),
    str(QT_TRANSLATE_NOOP("DraftTable", "Rate")),
    str(QT_TRANSLATE_NOOP("DraftTable", "Increase")),
    str(QT_TRANSLATE_NOOP("DraftTable", "Milestones")),
    str(QT_TRANSLATE_NOOP("DraftTable", "Questions")),
    str(QT_TRANSLATE_NOOP("DraftTable", "Source text")),
)
KEEP, NAME, UNIT, CATEGORY, BASELINE, FORM, COMPARATOR, TARGET, RATE, INCREASE = range(10)
MILESTONES, QUESTIONS, SOURCE = 10, 11, 12
_NUMBERS = {BASELINE: "baseline", TARGET: "target", RATE: "rate", INCREASE: "increase"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("DraftTable", text)


def _shown(v: float | None) -> str:
    return "" if v is None else format(v, ".10g")


class DraftTable(QTableWidget):
    """Shows and edits the indicators of a draft.

    Signals:
        problem(str): a cell could not be read (names the indicator and field); "" clears it.
    """

    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setObjectName("draftTable")
        self.setHorizontalHeaderLabels([_tr(h) for h in HEADERS])
        choices: list[dict[str, str] | None] = [None] * len(HEADERS)
        choices[FORM], choices[COMPARATOR] = _FORMS, _COMPARATORS
        self.setItemDelegate(ChoiceDelegate(self, choices))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.indicators: list[DraftIndicator] = []
        self.itemChanged.connect(self._on_item_changed)

    def show_draft(self, indicators: list[DraftIndicator], keep: list[bool] | None = None) -> None:
        """Fill the table (the indicators are copied; :meth:`kept` gives the edited ones)."""
        self.indicators = [replace(i, questions=list(i.questions)) for i in indicators]
        self.blockSignals(True)
        self.setRowCount(len(self.indicators))
        for r in range(len(self.indicators)):
            self._fill(r)
            if keep is not None and r < len(keep) and not keep[r]:
                item = self.item(r, KEEP)
                if item is not None:
                    item.setCheckState(Qt.CheckState.Unchecked)
        self.blockSignals(False)
        self.resizeColumnsToContents()
        self.setColumnWidth(SOURCE, 360)
        self.setColumnWidth(QUESTIONS, 260)

    def _fill(self, r: int) -> None:
        ind = self.indicators[r]
        keep = QTableWidgetItem()
        keep.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        keep.setCheckState(Qt.CheckState.Checked)
        self.setItem(r, KEEP, keep)
        milestones = "；".join(f"{y}:{_shown(v)}" for y, v in ind.milestones)
        if ind.form == "milestone" and ind.due:
            milestones = str(ind.due)
        texts = {
            NAME: ind.name,
            UNIT: ind.unit,
            CATEGORY: ind.category,
            BASELINE: _shown(ind.baseline),
            TARGET: _shown(ind.target),
            RATE: _shown(ind.rate),
            INCREASE: _shown(ind.increase),
            MILESTONES: milestones,
        }
        for col, text in texts.items():
            self.setItem(r, col, QTableWidgetItem(text))
        for col, value, labels in (
            (FORM, ind.form, _FORMS),
            (COMPARATOR, ind.comparator, _COMPARATORS),
        ):
            item = QTableWidgetItem(
                editor_tr(labels.get(value, value))
                if labels is _FORMS
                else labels.get(value, value)
            )
            item.setData(VALUE_ROLE, value)
            self.setItem(r, col, item)
        self._mark(r)
        source = QTableWidgetItem(f"{ind.where}：{ind.source_text}")
        source.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        source.setToolTip(ind.source_text)
        self.setItem(r, SOURCE, source)

    def _mark(self, r: int) -> None:
        ind = self.indicators[r]
        questions = QTableWidgetItem(("？" if not ind.sure else "") + "；".join(ind.questions))
        questions.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.setItem(r, QUESTIONS, questions)
        brush = QBrush(UNSURE) if not ind.sure else QBrush()
        for c in range(1, SOURCE + 1):
            item = self.item(r, c)
            if item is not None:
                item.setBackground(brush)

    def mark_checked(self, rows: list[int]) -> None:
        """The user looked at these rows and accepts them as they stand: questions answered."""
        self.blockSignals(True)
        for r in rows:
            if 0 <= r < len(self.indicators):
                self.indicators[r].sure, self.indicators[r].questions = True, []
                self._mark(r)
        self.blockSignals(False)

    def is_unsure(self, r: int) -> bool:
        """True while row ``r`` still has unanswered questions about its values."""
        return not self.indicators[r].sure

    @Slot(QTableWidgetItem)
    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        r, c = item.row(), item.column()
        if c in (KEEP, QUESTIONS, SOURCE) or not 0 <= r < len(self.indicators):
            return
        ind = self.indicators[r]
        try:
            self.indicators[r] = self._read(ind, c, item)
        except (PlanError, NumberError) as exc:
            self.problem.emit(str(exc))
            return
        self.problem.emit("")
        answered = self.indicators[r]
        answered.sure, answered.questions = True, []  # the user has looked at it and decided
        self.blockSignals(True)
        if c in (FORM, COMPARATOR):
            value = str(item.data(VALUE_ROLE))
            item.setText(editor_tr(_FORMS[value]) if c == FORM else _COMPARATORS[value])
        self._mark(r)
        self.blockSignals(False)

    def _read(self, ind: DraftIndicator, c: int, item: QTableWidgetItem) -> DraftIndicator:
        text = item.text().strip()
        new = replace(ind)
        if c in (NAME, UNIT, CATEGORY):
            setattr(new, {NAME: "name", UNIT: "unit", CATEGORY: "category"}[c], text)
        elif c in (FORM, COMPARATOR):
            setattr(new, "form" if c == FORM else "comparator", str(item.data(VALUE_ROLE)))
        elif c in _NUMBERS:
            setattr(new, _NUMBERS[c], parse_number(text))
        elif c == MILESTONES and ind.form == "milestone":
            if text and not re.fullmatch(r"\d{4}", text):
                raise PlanError(f"指标“{ind.name}”：完成年份应为四位年份，实际为“{text}”")
            new.due = int(text) if text else None
        elif c == MILESTONES:
            new.milestones = sorted(self._points(ind, text))
        return new

    @staticmethod
    def _points(ind: DraftIndicator, text: str) -> list[tuple[int, float]]:
        points = []
        for part in re.split(r"[；;，,\s]+", text):
            if not part:
                continue
            m = re.fullmatch(r"(\d{4})\s*[:：=]\s*(.+)", part)
            value = parse_number(m.group(2)) if m else None
            if m is None or value is None:
                raise PlanError(f"指标“{ind.name}”：节点应写作“2026:95；2027:108”，实际为“{part}”")
            points.append((int(m.group(1)), value))
        return points

    def keep_states(self) -> list[bool]:
        """Whether each row's 保留 box is ticked."""
        return [
            (item := self.item(r, KEEP)) is not None and item.checkState() == Qt.CheckState.Checked
            for r in range(self.rowCount())
        ]

    def kept(self) -> list[DraftIndicator]:
        """The indicators whose 保留 box is ticked, as edited."""
        return [
            ind
            for r, ind in enumerate(self.indicators)
            if (keep := self.item(r, KEEP)) is not None
            and keep.checkState() == Qt.CheckState.Checked
        ]
