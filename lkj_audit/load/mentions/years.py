"""Years as printed: the one year pattern, each year with its offsets, and spans of years.

``2024``, ``Tahun 2023 lalu``, ``2020-2024``, ``2020 s.d. 2024``; a year that is part of a
longer number is none. Whether a year is glued to a code or a date ("12/2015", "2014/2015",
"-2024") or sits inside a word is recorded, so each rule decides which ones count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A calendar year as printed (1900–2099), as a piece of larger patterns.
YEAR = r"(?:19|20)\d\d"
# "(?<!\d)(?:19|20)\d\d(?!\d)", with the look-behind after the "19"/"20" (three characters back:
# the two just read are digits, so it tests the one before them): a pattern that opens with a
# look-behind is tried at every character, one that opens with "1" or "2" only there.
YEAR_RE = re.compile(r"(?:19|20)(?<!\d\d\d)\d\d(?!\d)")
# "2020-2024", "2020 – 2024", "2020 s.d. 2024", "2020 s/d 2024".
SPAN_RE = re.compile(rf"{YEAR}\s*(?:[-–—]|s\.?d\.?|s/d)\s*{YEAR}")


@dataclass(frozen=True, slots=True)
class Year:
    """One printed year and where it is in its text."""

    value: int
    start: int
    end: int
    glued: bool  # after "/", "." or "-", or before "/": part of a code, date or span
    in_word: bool  # a letter or "_" touches it ("TA2024")


def years_in(text: str) -> list[Year]:
    """Every year printed in ``text``, in order."""
    out: list[Year] = []
    if "20" not in text and "19" not in text:
        return out  # every year starts with one of them: nothing to scan
    for m in YEAR_RE.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        out.append(
            Year(
                int(m.group(0)),
                m.start(),
                m.end(),
                glued=before in "/.-" or after == "/",
                in_word=before.isalpha() or before == "_" or after.isalpha() or after == "_",
            )
        )
    return out


def free_years(text: str) -> list[int]:
    """The years of ``text`` that stand alone (not glued to a code, a date or a span)."""
    return [y.value for y in years_in(text) if not y.glued]


def without_spans(text: str) -> str:
    """``text`` with each span of years ("2020-2024") replaced by one space."""
    return SPAN_RE.sub(" ", text)


def spans_in(text: str) -> list[tuple[int, int, int, int]]:
    """(first year, last year, start, end) of every span of years in ``text``."""
    return [
        (int(m.group(0)[:4]), int(m.group(0)[-4:]), m.start(), m.end())
        for m in SPAN_RE.finditer(text)
    ]
