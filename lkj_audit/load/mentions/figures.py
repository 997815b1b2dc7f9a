"""Percentages and grouped amounts as printed in running text, with their offsets.

"sebesar 99,61%", "(98.72 %)", "100%"; "1.234.567" for an amount. Each percentage keeps the
number as printed, so a rule reads it at its printed precision (DOMAIN.md §5.1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from lkj_audit.load.mentions.years import years_in
from lkj_audit.load.numbers import Number, parse_decimal

# "%" or the word: "91,67 persen" is as common in Indonesian running text as "91,67%".
_PERCENT_RE = re.compile(r"(\d+(?:[.,]\d+)*)\s*(?:%|persen\b)", re.IGNORECASE)
_AMOUNT_RE = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
_PLAIN_RE = re.compile(r"\d{1,3}(?:[.,]\d{1,4})?")


@dataclass(frozen=True, slots=True)
class Percentage:
    """A percentage as printed: ``number`` "99,61", ``raw`` "99,61%", offsets in its text."""

    number: str
    raw: str
    start: int
    end: int
    glued: bool  # a letter, digit, "." or "," right before it: part of a code or a longer figure

    @property
    def marks(self) -> int:
        """How many "." or "," the number has."""
        return sum(self.number.count(c) for c in ".,")

    @property
    def plain(self) -> bool:
        """Standing alone, at most 3 integer digits and 4 decimals ("99,61", not "1.234,5")."""
        return not self.glued and _PLAIN_RE.fullmatch(self.number) is not None

    def decimal(self) -> Number | None:
        """The value at its printed precision (:func:`~lkj_audit.load.numbers.parse_decimal`)."""
        return parse_decimal(self.number)

    @property
    def point_value(self) -> Fraction:
        """The value reading its one mark as the decimal point ("99,61" → 99.61)."""
        return Fraction(self.number.replace(",", "."))


def percentages_in(text: str) -> list[Percentage]:
    """Every percentage printed in ``text``, in order."""
    if "%" not in text and "persen" not in text.lower():
        return []  # cheap: most sentences print none
    return [
        Percentage(
            m.group(1),
            m.group(0),
            m.start(),
            m.end(),
            glued=m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_.,"),
        )
        for m in _PERCENT_RE.finditer(text)
    ]


def first_figure(text: str) -> int | None:
    """Where the first percentage or grouped amount ("1.234.567") of ``text`` starts."""
    starts = [m.start() for m in (_PERCENT_RE.search(text), _AMOUNT_RE.search(text)) if m]
    return min(starts) if starts else None


_QUANTITY_RE = re.compile(r"\d[\d.,]*\s+(?!tahun)[A-Za-z]")


def has_quantity(text: str) -> bool:
    """Does ``text`` print a number followed by a word ("12 orang", "3 dokumen"), years aside?"""
    kept, last = [], 0
    for y in years_in(text):
        if not y.glued:
            kept += [text[last : y.start], " "]
            last = y.end
    return _QUANTITY_RE.search("".join(kept) + text[last:]) is not None
