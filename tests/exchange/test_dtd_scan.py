"""The DTD check of XML parts finds <!DOCTYPE / <!ENTITY wherever it stands, also in parts full of
"!" (formulas naming other sheets, text) and at the very start of a part."""

from __future__ import annotations

import pytest

from planmonitor.exchange.sheets.zipguard import _MANY_MARKS, _has_dtd

CELLS = b'<row r="1"><c r="A1"><f>Sheet2!A1</f><v>1</v></c></row>'


@pytest.mark.parametrize("mark", [b"<!DOCTYPE x>", b'<!ENTITY a "b">'])
@pytest.mark.parametrize("bangs", [0, 10, _MANY_MARKS + 1])
@pytest.mark.parametrize("at", ["start", "middle", "end"])
def test_a_dtd_is_found(mark: bytes, bangs: int, at: str) -> None:
    body = CELLS * max(1, bangs)
    data = {"start": mark + body, "middle": body + mark + body, "end": body + mark}[at]
    assert _has_dtd(data)


@pytest.mark.parametrize("bangs", [0, 10, _MANY_MARKS + 1])
def test_comments_and_bangs_are_no_dtd(bangs: int) -> None:
    data = b"<!-- a comment --><![CDATA[x]]>!" + CELLS * max(1, bangs) + b"<!"
    assert not _has_dtd(data)
    assert not _has_dtd(b"!DOCTYPE")  # no "<" before it
