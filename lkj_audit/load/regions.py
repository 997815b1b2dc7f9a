"""Region names written in a report ("KPU Kota X", "Kabupaten Y", "Provinsi Z") matched to the list.

DOMAIN.md §3.2 (R-W01, R-W02): a report copied from another satker keeps that satker's name.
This module finds every "[KPU] Kabupaten/Kota/Provinsi <Name>" in a line of text and matches
the name against the 552-satker list (``load/satker.py``), tolerating misspellings. A name is
only read after a level word (Kabupaten, Kab., Kota, Provinsi, Prov.) followed by capitalised
words, so an ordinary word that happens to equal a region name is never taken for one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from lkj_audit.load import satker as satker_list
from lkj_audit.load.mentions.words import has_any
from lkj_audit.load.satker import Satker

_PREFIX = (
    r"(?:Sekretariat\s+)?(?:KPU|KIP|KPUD|Komisi\s+Pemilihan\s+Umum|KOMISI\s+PEMILIHAN\s+UMUM|"
    r"Komisi\s+Independen\s+Pemilihan|KOMISI\s+INDEPENDEN\s+PEMILIHAN)(?:\s+Daerah)?"
)
_LEVEL = r"(?i:provinsi|prov\.|kabupaten|kab\.|kota)"
_WORD = r"(?!(?i:provinsi|kabupaten|kota)\b)[A-Z][A-Za-z'\-]*"
# What every level word above starts with (lower case): a text without one names no region.
LEVEL_WORDS = ("prov", "kab", "kota")
MENTION_RE = re.compile(
    rf"(?P<prefix>\b{_PREFIX}\s+)?\b(?P<level>{_LEVEL})(?:\s+|(?<=\.)\s*)(?P<name>{_WORD}(?:\s+(?:dan\s+)?{_WORD}){{0,5}})"
)
# Names of regions as usually written that differ from the Kepmendagri list (DOMAIN.md §3.2).
_ALIASES: dict[str, tuple[str, ...]] = {
    "DAERAH KHUSUS IBUKOTA JAKARTA": ("DKI JAKARTA", "JAKARTA"),
    "DAERAH ISTIMEWA YOGYAKARTA": ("DI YOGYAKARTA", "DIY", "YOGYAKARTA"),
    "KEPULAUAN BANGKA BELITUNG": ("BANGKA BELITUNG",),
    "ACEH": ("NANGGROE ACEH DARUSSALAM",),
}
MIN_SCORE = 90.0  # below this a written name is not taken for a listed region
_SHORT = 5  # names this short must match exactly (one letter off is another word)


@dataclass(frozen=True, slots=True)
class Mention:
    """One region name as written, with the satker it matches best (if any)."""

    start: int
    end: int
    text: str  # the matched words as printed ("KPU Kota Prabumulih")
    prefixed: bool  # preceded by KPU / Komisi Pemilihan Umum / KIP
    level: str  # PROV / KAB / KOTA
    name: str  # the region words that matched
    satker: Satker | None
    score: float


def level_code(word: str) -> str:
    """PROV / KAB / KOTA for a level word."""
    w = word.lower()
    return "PROV" if w.startswith("prov") else "KOTA" if w == "kota" else "KAB"


def _norm(text: str) -> str:
    t = re.sub(r"(?i)\badministrasi\b", " ", text)
    return " ".join(re.sub(r"[^A-Za-z ]", " ", t).upper().split())


@lru_cache(maxsize=1)
def _keys() -> tuple[tuple[str, str, Satker], ...]:
    """(level, normalised name, satker) for every satker and every usual alias."""
    out = []
    for s in satker_list.all_satker():
        name = _norm(s.wilayah)
        out.append((s.tingkat, name, s))
        out += [(s.tingkat, alias, s) for alias in _ALIASES.get(name, ())]
    return tuple(out)


def similarity(written: str, region: str) -> float:
    """0–100 similarity of two region names; short names count only when equal."""
    return _normed_similarity(_norm(written), _norm(region))


def _normed_similarity(a: str, b: str) -> float:
    """:func:`similarity` of two names already normalised."""
    if not a or not b:
        return 0.0
    if min(len(a), len(b)) <= _SHORT:
        return 100.0 if a == b else 0.0
    return float(fuzz.ratio(a, b))


@lru_cache(maxsize=4096)
def best_match(level: str, words: str) -> tuple[Satker | None, float, str]:
    """Best listed satker of ``level`` for a prefix of ``words`` (longest prefix on ties)."""
    tokens = words.split()
    best: tuple[Satker | None, float, str] = (None, 0.0, "")
    for n in range(1, len(tokens) + 1):
        candidate = " ".join(tokens[:n])
        if candidate.lower().endswith(" dan"):
            continue
        written = _norm(candidate)
        for key, s in _level_keys(level):
            score = _normed_similarity(written, key)
            if score >= MIN_SCORE and score >= best[1]:
                best = (s, score, candidate)
    return best


@lru_cache(maxsize=8)
def _level_keys(level: str) -> tuple[tuple[str, Satker], ...]:
    """The normalised keys of one level, in :func:`_keys` order.

    Normalised once, not per comparison: a new process compares thousands of them for its
    first mentions.
    """
    return tuple((_norm(key), s) for lvl, key, s in _keys() if lvl == level)


# Where a match can begin: the prefix's first word (case as written) or the level word.
_PREFIX_STARTS = ("Sekretariat", "KPU", "KIP", "Komisi", "KOMISI")


def _starts(text: str) -> list[int] | None:
    """The offsets where a :data:`MENTION_RE` match can begin, in order (``None``: any).

    The pattern's optional prefix makes ``re`` try all of it at every character; a match
    starts at a prefix word or at its level word (the prefix is case-sensitive; re.I reads a
    level word's letters as ``str.lower`` does, the Kelvin sign included), and a lower case
    as long as the text has its offsets, so those few offsets are found with ``str.find``.
    """
    low = text.lower()
    if len(low) != len(text):
        return None  # an "İ" (two characters in lower case): offsets differ, search it all
    starts: set[int] = set()
    for words, where in ((LEVEL_WORDS, low), (_PREFIX_STARTS, text)):
        for word in words:
            at = where.find(word)
            while at >= 0:
                starts.add(at)
                at = where.find(word, at + 1)
    return sorted(starts)


def _search(text: str, pos: int, starts: list[int] | None) -> re.Match[str] | None:
    """``MENTION_RE.search(text, pos)``, tried only at ``starts`` (same match)."""
    if starts is None:
        return MENTION_RE.search(text, pos)
    for at in starts[bisect_left(starts, pos) :]:
        if m := MENTION_RE.match(text, at):
            return m
    return None


def mentions(text: str) -> list[Mention]:
    """Every "[KPU] Kabupaten/Kota/Provinsi Name" in ``text`` with its best listed match."""
    out: list[Mention] = []
    if not has_any(text, *LEVEL_WORDS):
        return out  # cheap: every mention has its level word, most lines none
    pos = 0
    starts = _starts(text)
    while m := _search(text, pos, starts):
        level = level_code(m.group("level"))
        s, score, name = best_match(level, m.group("name"))
        words = name or m.group("name")
        end = m.start("name") + len(words)
        out.append(
            Mention(
                start=m.start(),
                end=end,
                text=text[m.start() : end].strip(),
                prefixed=bool(m.group("prefix")),
                level=level,
                name=words,
                satker=s,
                score=score,
            )
        )
        pos = end  # the words after a matched name may start another mention
    return out


@lru_cache(maxsize=4096)  # the same names recur line after line
def own_score(written: str, region: str) -> float:
    """Similarity of a written name (or any of its leading words) to the reporting region."""
    tokens = written.split()
    return max(
        (similarity(" ".join(tokens[:n]), region) for n in range(1, len(tokens) + 1)), default=0.0
    )
