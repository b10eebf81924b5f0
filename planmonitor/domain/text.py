"""Text as it enters and leaves the program: control characters cleaned at the boundary.

Text typed in a dialog, given to ``record --note``, read from a plan file or from an imported
cell (Excel writes a vertical tab as ``_x000B_``) may carry control characters that no file
format wants: a vertical tab breaks the .xlsx and .docx writers for ever once it is stored. Where
text enters, :func:`clean_text` turns line-breaking controls into a newline and removes the
others, and says how many it removed; the writers call :func:`printable` (and
:func:`clean_strings` on a whole model) so that text stored before this rule existed is safe too.
"""

from __future__ import annotations

import dataclasses
import re
from enum import Enum
from typing import TypeVar

T = TypeVar("T")

# Vertical tab, form feed, file/group/record separators, NEL, line and paragraph separators:
# each meant "new line" to whoever typed it.
_LINE_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# C0 controls other than tab, newline and carriage return; DEL and the C1 controls; and the
# non-characters XML 1.0 forbids (U+FFFE, U+FFFF) and lone surrogates.
_REMOVED = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")


@dataclasses.dataclass(frozen=True, slots=True)
class Cleaned:
    """Text after :func:`clean_text`: the text, and how many characters were removed or
    turned into a newline (0: nothing changed)."""

    text: str
    changed: int

    @property
    def note(self) -> str:
        """What happened, for a preview or a message ("" when nothing changed)."""
        if not self.changed:
            return ""
        return f"已清除{self.changed}个控制字符（换行类控制符改为换行）"


def clean_text(text: str) -> Cleaned:
    """``text`` with line-breaking controls as "\\n" and other control characters removed;
    "\\r\\n" and a lone "\\r" become "\\n" too (not counted: they are ordinary line ends)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    broken, n_breaks = _LINE_BREAKS.subn("\n", lines)
    cleaned, n_removed = _REMOVED.subn("", broken)
    return Cleaned(cleaned, n_breaks + n_removed)


def printable(text: str) -> str:
    """``text`` as any writer can store it (what :func:`clean_text` would make of it)."""
    if _LINE_BREAKS.search(text) is None and _REMOVED.search(text) is None:
        return text
    return clean_text(text).text


def clean_strings(value: T) -> T:
    """A copy of ``value`` (dataclasses, lists, tuples, dicts of them) with every string
    passed through :func:`printable`; enums and other objects are kept as they are."""
    return _clean(value, 0)  # type: ignore[return-value]


def _clean(value: object, depth: int) -> object:
    if depth > 40:  # models are a few levels deep; nothing this program builds goes further
        return value
    if type(value) is str:
        return printable(value)
    if isinstance(value, Enum) or value is None or isinstance(value, int | float):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            if not f.init:
                continue
            old = getattr(value, f.name)
            new = _clean(old, depth + 1)
            if new is not old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, list | tuple):
        items = [_clean(v, depth + 1) for v in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return type(value)(items) if type(value) in (list, tuple) else value
    if isinstance(value, dict):
        pairs = {_clean(k, depth + 1): _clean(v, depth + 1) for k, v in value.items()}
        return pairs if type(value) is dict else value
    return value
