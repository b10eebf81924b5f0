"""Tabs whose view is built the first time it is shown (or asked for).

At start only the overview is on screen; the entry grid, the indicator detail and the round's
views each cost a few database reads (and their modules' imports) to fill. :class:`LazyTabs`
puts an empty page in their place and builds the real view — which fills itself from the
context then and follows the context from there on — when its tab becomes current or when the
program asks for it (``window.entry``). The real view then takes the empty page's place, so
``tabs.currentWidget() is window.entry`` holds as before.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs(QObject):
    """The views of ``tabs`` that are built on first show (see the module docstring)."""

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self._views: dict[str, QWidget] = {}
        self._pending: dict[str, tuple[QWidget, Callable[[], QWidget]]] = {}
        tabs.currentChanged.connect(self._on_current)

    def add(self, name: str, title: str, build: Callable[[], QWidget]) -> None:
        """A tab titled ``title`` whose view ``build()`` makes when it is first needed."""
        page = QWidget()
        page.setObjectName(f"{name}NotBuilt")
        self._pending[name] = (page, build)
        self.tabs.addTab(page, title)

    def built(self, name: str) -> QWidget | None:
        """The view ``name`` if it has been built (never builds it)."""
        return self._views.get(name)

    def view(self, name: str) -> QWidget:
        """The view ``name``, built now (in its tab's place) if it has not been yet."""
        view = self._views.get(name)
        if view is not None:
            return view
        page, build = self._pending.pop(name)
        view = build()
        self._views[name] = view
        index, current = self.tabs.indexOf(page), self.tabs.currentIndex()
        blocked = self.tabs.blockSignals(True)  # the same tab stays current: no change to report
        try:
            self.tabs.insertTab(index, view, self.tabs.tabText(index))
            self.tabs.removeTab(index + 1)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(blocked)
        page.deleteLater()
        return view

    @Slot(int)
    def _on_current(self, index: int) -> None:
        page = self.tabs.widget(index)
        for name, (pending, _build) in list(self._pending.items()):
            if pending is page:
                self.view(name)
