"""Counts as printed: digits or Indonesian number words ("8", "enam", "dua belas").

The words themselves are read by :mod:`lkj_audit.load.terbilang`; this module answers the cheap
question a rule asks before its pattern runs: can this text hold a count of two or more?
"""

from __future__ import annotations

from lkj_audit.load.terbilang import _LARGE, _SMALL, _UNITS

# Every count of two or more names one of these words (or is written in digits); "satu",
# "se" and "nol" alone are at most one.
_COUNT_WORDS = tuple(w for w, v in _UNITS.items() if v >= 2) + tuple(_SMALL) + tuple(_LARGE)


def may_count_two_or_more(text: str) -> bool:
    """Can ``text`` hold a count of at least 2 (a digit, or a number word from "dua" on)?

    A necessary test: ``True`` does not mean it does, ``False`` means no part of it does.
    """
    if any(c.isdigit() for c in text):
        return True
    low = text.lower()
    return any(w in low for w in _COUNT_WORDS)
