"""Calendar dates as printed ("20 Januari 2025", "Januari 2025") and signature lines.

A place-and-date line alone above a signature ("Kayuagung, 20 Januari 2025") is how an LKj
and its PK are dated (DOMAIN.md R-D01, R-D04).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lkj_audit.load.mentions.gate import gated
from lkj_audit.load.mentions.years import YEAR

MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5,
    "juni": 6, "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "nopember": 11,
    "november": 11, "desember": 12,
}  # fmt: skip
MONTH_NAMES = ("", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
               "September", "Oktober", "November", "Desember")  # fmt: skip
_MONTH = "|".join(MONTHS)
# A year an OCR layer misread ("2O21", "2Ol4": O for 0, l or I for 1): after a month name it
# can only be a year. Read as the digits; the raw text keeps what was printed.
_OCR_YEAR = r"(?:19|2[0O])[\dOoIl]{2}"
_OCR_DIGITS = str.maketrans("OoIl", "0011")
_ANY_YEAR = rf"(?:{YEAR}|{_OCR_YEAR})"
DATE_RE = re.compile(rf"(?i)\b(?:(\d{{1,2}})\s+)?({_MONTH})\s+({_ANY_YEAR})\b")
# "Kayuagung, 20 Januari 2025" alone on its line: the place and date above a signature.
_SIGNATURE_RE = gated(
    rf"(?i)^\s*([A-Z][\w .'’()/-]{{1,50}}?)\s*,\s*((?:\d{{1,2}}\s+)?(?:{_MONTH})\s+{_ANY_YEAR})\s*$"
)
# The words one of which every signature line holds (its month), read from the pattern.
SIGNATURE_WORDS = _SIGNATURE_RE.words


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date as printed, with its offsets; ``has_day`` False for "Januari 2025"."""

    when: date
    has_day: bool
    raw: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SignedDate:
    """A place-and-date line above a signature."""

    line: int
    place: str
    raw: str
    when: date
    has_day: bool


def dates_in(text: str) -> list[DateMention]:
    """Every valid date printed in ``text`` (an impossible one, "31 Februari", is none)."""
    out = []
    for m in DATE_RE.finditer(text):
        day = int(m.group(1)) if m.group(1) else 1
        try:
            when = date(int(m.group(3).translate(_OCR_DIGITS)), MONTHS[m.group(2).lower()], day)
        except ValueError:
            continue
        out.append(DateMention(when, bool(m.group(1)), m.group(0), m.start(), m.end()))
    return out


def parse_date(text: str) -> tuple[date, bool] | None:
    """``(date, day printed?)`` of the first date in ``text``; ``None`` if none or invalid."""
    m = DATE_RE.search(text)
    if not m:
        return None
    found = dates_in(m.group(0))
    return (found[0].when, found[0].has_day) if found else None


def signature_line(line: int, text: str) -> SignedDate | None:
    """The place and date of a signature line, or ``None`` (a table row is never one)."""
    m = _SIGNATURE_RE.match(text) if "\t" not in text else None
    parsed = parse_date(m.group(2)) if m else None
    if m is None or parsed is None:
        return None
    return SignedDate(line, m.group(1).strip(), m.group(2).strip(), parsed[0], parsed[1])


def format_date(d: date) -> str:
    """``20 Januari 2025``."""
    return f"{d.day} {MONTH_NAMES[d.month]} {d.year}"
