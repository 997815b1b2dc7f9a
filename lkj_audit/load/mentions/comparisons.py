"""Previous-year comparisons and references to earlier years (DOMAIN.md R-A2).

"dibandingkan dengan tahun sebelumnya", "dibanding capaian tahun 2023", "tahun 2023 lalu",
"tahun-tahun sebelumnya". Whether a year is earlier than the reporting year is the rule's
question (the document does not know its year); each mention carries the year it names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lkj_audit.load.mentions.words import folded
from lkj_audit.load.mentions.years import YEAR, years_in

_COMPARISON_RE = re.compile(
    r"(?i)\b(?:per|di)?banding(?:an|kan)?\s+(?:dengan\s+)?(?:(?:capaian|pencapaian|realisasi|kinerja)\s+)*"
    rf"(?:pada\s+)?(?:tahun\s+(?:sebelumnya|lalu|(?P<year>{YEAR}))|periode\s+sebelumnya|tahun-tahun\s+sebelumnya)"
)
_EARLIER_WORDS_RE = re.compile(r"(?i)tahun(?:-tahun)?\s+(?:sebelumnya|lalu)")


@dataclass(frozen=True, slots=True)
class Comparison:
    """A comparison with an earlier year as printed; ``year`` when it names one."""

    raw: str
    start: int
    end: int
    year: int | None


@dataclass(frozen=True, slots=True)
class EarlierRef:
    """A year standing as a word, or "tahun sebelumnya/lalu" (``year`` None), with offsets."""

    start: int
    end: int
    year: int | None


def comparisons_in(text: str) -> list[Comparison]:
    """Every "dibandingkan dengan tahun sebelumnya / tahun 2023 …" of ``text``, in order."""
    if "banding" not in folded(text):
        return []  # cheap: every comparison has the word
    return [
        Comparison(m.group(0), m.start(), m.end(), int(m["year"]) if m["year"] else None)
        for m in _COMPARISON_RE.finditer(text)
    ]


def earlier_words_in(text: str) -> list[EarlierRef]:
    """Every "tahun sebelumnya", "tahun lalu", "tahun-tahun sebelumnya" of ``text``."""
    if not may_refer_earlier(text):
        return []
    return [EarlierRef(m.start(), m.end(), None) for m in _EARLIER_WORDS_RE.finditer(text)]


def may_refer_earlier(text: str) -> bool:
    """Cheap necessary test for :func:`earlier_words_in`: "tahun" and "sebelumnya" or "lalu"."""
    low = folded(text)
    return "tahun" in low and ("sebelumnya" in low or "lalu" in low)


def earlier_refs_in(text: str) -> list[EarlierRef]:
    """Years standing as words and "tahun sebelumnya/lalu" of ``text``, in order."""
    years = [EarlierRef(y.start, y.end, y.value) for y in years_in(text) if not y.in_word]
    return sorted(years + earlier_words_in(text), key=lambda r: r.start)
