"""Matching the indicator and region names a table uses to the plan's.

Names are compared after normalisation (full-width → half-width, no spaces, numbering such as
"1." or "（一）" dropped, units in brackets taken out). An exact match, or a unique match once
brackets and generic endings (数量, 数) are dropped, is sure; anything else is a guess with a
confidence and candidates, and a guess is never taken without the user's word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from enum import StrEnum

from planmonitor.exchange.tables.units import find_unit

_NUMBERING = re.compile(
    r"^(?:"
    r"\(?[一二三四五六七八九十]{1,3}[)、.]"
    r"|\(\d{1,3}\)"
    r"|\d{1,3}(?:\.\d{1,3})*[、.)](?!\d)"
    r"|\d{1,3}(?:\.\d{1,3})+(?=[^\d.%])"
    r"|[①-⑳⑴-⒇]"
    r"|[a-zA-Z][.、)](?![a-zA-Z])"
    r"|其中[:,]?|含[:]|#"
    r")"
)
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】")
_GENERIC_END = re.compile(r"(?:数量|个数|总数|总量|数目|家数|人数|数)$")
_GENERIC_START = re.compile(r"^(?:全市|全区|全县|我市|我区|我县|本市|本区|本县)")
_PUNCT = re.compile(r"[\s\"'“”‘’*★☆※:;,，。、]+")
_REGION_SUFFIX = re.compile(r"(?:街道办事处|街道办|街道|管委会|开发区|园区|新区|镇|乡|区|县|市)$")

SURE = 0.95  # confidence of the weakest match taken without asking
ASK_FLOOR = 0.45  # below this a name is unknown, not a candidate


class Method(StrEnum):
    """How a name was matched."""

    EXACT = "exact"  # same name after normalisation
    CORE = "core"  # same once brackets and generic endings are dropped (unique)
    CODE = "code"  # the table gives the indicator's code
    REMEMBERED = "remembered"  # the user confirmed this label for this layout before
    CONFIRMED = "confirmed"  # the user confirmed it now
    FUZZY = "fuzzy"  # similar: must be confirmed
    NONE = "none"  # nothing similar


def normalise(text: str) -> str:
    """Full-width → half-width, no spaces or quotes, no leading numbering, units in brackets out."""
    t = unicodedata.normalize("NFKC", str(text or ""))
    t = re.sub(r"\s+", "", t)
    for _ in range(3):
        stripped = _NUMBERING.sub("", t)
        if stripped == t:
            break
        t = stripped
    unit = find_unit(t)
    if unit:
        t = re.sub(r"[(\[【](?:单位[:])?" + re.escape(unit) + r"[)\]】]", "", t)
    t = re.sub(r"单位[:]\S*$", "", t)
    return _PUNCT.sub("", t).lower()


def core(text: str) -> str:
    """The name without anything in brackets, generic endings or "全市"-style openings."""
    t = _BRACKETED.sub("", normalise(text))
    t = _GENERIC_START.sub("", t)
    return _GENERIC_END.sub("", t) or t


def similarity(a: str, b: str) -> float:
    """0…1: the better of difflib's ratio and the overlap of character pairs."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ratio = SequenceMatcher(None, a, b).ratio()
    pa = {a[i : i + 2] for i in range(len(a) - 1)} or {a}
    pb = {b[i : i + 2] for i in range(len(b) - 1)} or {b}
    dice = 2 * len(pa & pb) / (len(pa) + len(pb))
    return max(ratio, dice)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An indicator (or region) a label may mean."""

    code: str
    name: str
    confidence: float


@dataclass(frozen=True, slots=True)
class NameMatch:
    """What a label matched: ``code`` is set only when the match is sure."""

    label: str
    code: str | None
    method: Method
    confidence: float
    candidates: tuple[Candidate, ...] = ()

    @property
    def sure(self) -> bool:
        """True when the label may be used without asking."""
        return self.code is not None

    @property
    def ignored(self) -> bool:
        """True when the user said the label is none of the plan's (answer "")."""
        return self.code is None and self.method in (Method.CONFIRMED, Method.REMEMBERED)


@dataclass
class NameMatcher:
    """Matches labels to a list of (code, name); caches per label.

    Attributes:
        entries: (code, name) pairs.
        remembered: normalised label → code the user confirmed for this layout before.
        answers: normalised label → code the user gave in this import ("" = not ours).
    """

    entries: list[tuple[str, str]]
    remembered: dict[str, str] = field(default_factory=dict)
    answers: dict[str, str] = field(default_factory=dict)
    region_mode: bool = False
    _cache: dict[str, NameMatch] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._exact: dict[str, list[str]] = {}
        self._core: dict[str, list[str]] = {}
        self._names = dict(self.entries)
        self._keys: dict[str, tuple[str, str]] = {}  # entry name → (key, core key)
        for code, name in self.entries:
            self._keys[name] = keys = (self._key(name), self._core_key(name))
            self._exact.setdefault(keys[0], []).append(code)
            self._core.setdefault(keys[1], []).append(code)

    def _key(self, text: str) -> str:
        return normalise(text)

    def key(self, label: str) -> str:
        """The normalised form under which answers and remembered mappings are kept."""
        return normalise(label)

    def _core_key(self, text: str) -> str:
        if self.region_mode:
            n = _BRACKETED.sub("", normalise(text))
            return _REGION_SUFFIX.sub("", n) or n
        return core(text)

    def match(self, label: str) -> NameMatch:
        """The match for ``label`` (cached)."""
        hit = self._cache.get(label)
        if hit is None:
            hit = self._cache[label] = self._match(label)
        return hit

    def _match(self, label: str) -> NameMatch:
        key = self._key(label)
        if key in self.answers:
            code = self.answers[key]
            return NameMatch(label, code if code in self._names else None, Method.CONFIRMED, 1.0)
        if key in self.remembered:
            code = self.remembered[key]
            return NameMatch(label, code if code in self._names else None, Method.REMEMBERED, 1.0)
        exact = self._exact.get(key, [])
        if len(exact) == 1:
            return NameMatch(label, exact[0], Method.EXACT, 1.0)
        ck = self._core_key(label)
        cores = self._core.get(ck, []) if ck else []
        if not exact and len(cores) == 1:
            return NameMatch(label, cores[0], Method.CORE, SURE)
        ambiguous = set(exact or cores)
        scored = sorted(
            (
                Candidate(code, name, 1.0 if code in ambiguous else self._score(key, ck, name))
                for code, name in self.entries
            ),
            key=lambda c: -c.confidence,
        )
        cands = tuple(c for c in scored[:5] if c.confidence >= ASK_FLOOR)
        best = cands[0].confidence if cands else 0.0
        method = Method.FUZZY if cands else Method.NONE
        return NameMatch(label, None, method, min(best, 0.94), cands)

    def _score(self, key: str, ck: str, name: str) -> float:
        name_key, name_core = self._keys.get(name) or (self._key(name), self._core_key(name))
        return max(similarity(key, name_key), similarity(ck, name_core))

    def code_for(self, code_text: str) -> str | None:
        """The code if ``code_text`` is one of the entries' codes."""
        t = unicodedata.normalize("NFKC", str(code_text)).strip()
        if t.endswith(".0") and t[:-2].isdigit():
            t = t[:-2]
        if t in self._names:
            return t
        if t.isdigit():  # "5" for "05"
            for code in self._names:
                if code.isdigit() and int(code) == int(t):
                    return code
        return None

    def name_of(self, code: str) -> str:
        """The name of ``code``."""
        return self._names.get(code, "")
