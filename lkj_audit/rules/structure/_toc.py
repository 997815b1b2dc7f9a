"""Helpers shared by several rules of this family; registers no rules.

Used by STR008, STR009, STR010.
"""

from __future__ import annotations

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def normalise(heading: str) -> str:
    """Compare headings regardless of case, spacing and trailing punctuation ("A.Capaian")."""
    text = " ".join(heading.lower().split())
    if "." in text or ":" in text:  # most lines have neither
        # No space before a mark, one after it: with white space already one space, plain
        # replacements (a pattern opening with \s would be tried at every character).
        text = text.replace(" .", ".").replace(" :", ":").replace(".", ". ").replace(":", ": ")
        text = " ".join(text.split())
    return text.strip(" .:-–")


def roman(text: str) -> int | None:
    """Value of a lower/upper-case roman page number (``iii`` → 3)."""
    t = text.strip().lower()
    if not t or any(ch not in _ROMAN for ch in t):
        return None
    total = 0
    for ch, nxt in zip(t, t[1:] + " ", strict=True):
        v = _ROMAN[ch]
        total += -v if nxt in _ROMAN and _ROMAN[nxt] > v else v
    return total
