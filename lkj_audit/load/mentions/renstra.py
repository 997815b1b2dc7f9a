"""Renstra periods as printed ("Renstra KPU Kabupaten X Tahun 2020-2024"), DOMAIN.md R-V04.

The words between the term and the period are capitalised (the satker's name), so a period
of another plan later in the sentence is not taken; an RPJMN/RKP/national plan is never one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lkj_audit.load.document import Document
from lkj_audit.load.mentions.citations import blank_citations
from lkj_audit.load.mentions.gate import gated
from lkj_audit.load.mentions.sentences import Sentence
from lkj_audit.load.mentions.words import has_any
from lkj_audit.load.mentions.years import YEAR

# What every Renstra period follows (lower case): a text without one prints none.
RENSTRA_WORDS = ("renstra", "rencana")
RENSTRA_WORD_RE = gated(r"(?i)renstra|rencana\s+strategis")
# "Rencana Strategis (Renstra) KPU Kabupaten X Tahun 2020-2024", "Renstra 2020 – 2024",
# "Renstra Tahun 2020 2024".
RENSTRA_RE = re.compile(
    r"(?i:\b(?:rencana\s+strategis|renstra)\b)(?:\s*\((?i:renstra)\))?"
    r"(?P<gap>(?:\s+[A-Z][\w/.'’-]*){0,9}?)\s*,?\s*"
    r"(?:(?i:tahun(?:\s+anggaran)?|periode)\s+)?"
    rf"(?P<a>{YEAR})\s*(?:[-–—]|s\.?\s*d\.?|s/d|(?i:sampai(?:\s+dengan)?|hingga))?\s*"
    rf"(?P<b>{YEAR})\b"
)
_OTHER_PLAN_RE = re.compile(r"RPJ\w*|RKP\w*|Nasional|Daerah")
_PERIOD_RE = re.compile(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*")


@dataclass(frozen=True, slots=True)
class RenstraMention:
    """A Renstra period as printed, with its line."""

    line: int
    start: int
    end: int
    raw: str
    sentence: str

    @property
    def period(self) -> str:
        """``2020-2024``."""
        return f"{self.start}-{self.end}"


@dataclass(frozen=True, slots=True)
class RenstraSpan:
    """A Renstra period inside one text, with its offsets there."""

    first: int
    last: int
    start: int
    end: int


def renstra_spans(text: str) -> list[RenstraSpan]:
    """Every "Renstra … YYYY–YYYY" of ``text`` (citations already blanked), as printed."""
    return [
        RenstraSpan(int(m.group("a")), int(m.group("b")), m.start(), m.end())
        for m in RENSTRA_RE.finditer(text)
    ]


def renstra_mentions(doc: Document, sentences: Iterable[Sentence]) -> list[RenstraMention]:
    """Every Renstra period of ``sentences`` (text and cells), in reading order."""
    out: list[RenstraMention] = []
    seen: set[tuple[int, int, int]] = set()
    for sent in sentences:
        if not has_any(sent.text, *RENSTRA_WORDS):
            continue  # cheap: every period follows one of these words
        for m in RENSTRA_RE.finditer(blank_citations(sent.text)):
            a, b = int(m.group("a")), int(m.group("b"))
            if not 0 < b - a <= 10 or _OTHER_PLAN_RE.search(m.group("gap")):
                continue
            line = sent.line_of(doc, m.group("b"))
            if (line, a, b) not in seen:
                seen.add((line, a, b))
                out.append(RenstraMention(line, a, b, " ".join(m.group(0).split()), sent.text))
    return sorted(out, key=lambda r: r.line)


def expected_renstra(year: int, override: object = None) -> tuple[int, int]:
    """The Renstra period covering ``year``; ``override`` ("2020-2024" or a pair) wins.

    KPU plans run in 5-year cycles aligned with the RPJMN (2015–2019, 2020–2024, 2025–2029).
    """
    if isinstance(override, (tuple, list)) and len(override) == 2:
        return int(override[0]), int(override[1])
    if isinstance(override, str) and (m := _PERIOD_RE.fullmatch(override)):
        return int(m.group(1)), int(m.group(2))
    start = year - year % 5
    return start, start + 4
