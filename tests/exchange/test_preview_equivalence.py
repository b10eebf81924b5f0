"""Issue 16 §4: the faster preview gives the rows it gave before — indicator, region, period,
value, standing, comment, kind (new, changed, conflict, unchanged, unsure, unknown, error,
missing), selection, hidden mark, message, candidates — and the same questions and messages, on
every file of the corpus (preview_corpus.py), before and after values were recorded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from preview_corpus import EXPECTED, corpus, previews

WANTED = json.loads(EXPECTED.read_text(encoding="utf-8"))


def test_the_corpus_is_the_one_the_expectations_were_written_for(tmp_path: Path) -> None:
    assert [name for name, _s, _p in corpus(tmp_path)] == list(WANTED)
    assert sum(len(p["rows"]) for v in WANTED.values() for p in v) >= 400


@pytest.mark.parametrize("name", sorted(WANTED))
def test_the_preview_gives_the_expected_rows(name: str, tmp_path: Path) -> None:
    (source, path) = next((s, p) for n, s, p in corpus(tmp_path) if n == name)
    got = json.loads(json.dumps(previews(source, path, tmp_path / "e.sqlite"), ensure_ascii=False))
    for before, after in zip(WANTED[name], got, strict=True):
        assert after["rows"] == before["rows"]
        assert after["questions"] == before["questions"]
        assert after["messages"] == before["messages"]
