"""Indonesian number words ("terbilang"): "empat belas" → 14, "seratus dua puluh" → 120.

Reports write counts and amounts twice, in digits and in words: "14 (empat belas) orang",
"6 (enam) misi", "Rp 1.500.000 (satu juta lima ratus ribu rupiah)". :func:`parse_words` reads
the words; :func:`number_pairs` finds every digits-and-words pair in a text so a rule can check
that both say the same number (DOMAIN.md §5.2; issue 3, "digits vs number words").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_UNITS = {
    "nol": 0,
    "kosong": 0,
    "satu": 1,
    "se": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}
_SMALL = {"belas": None, "puluh": 10, "ratus": 100}
_LARGE = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "milyar": 10**9, "triliun": 10**12}
# "sebelas", "duapuluh", "seratus": split a word into a unit and a multiplier where glued.
_GLUED = re.compile(
    r"^(se|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)(belas|puluh|ratus|ribu|juta|miliar|milyar|triliun)$"
)
_NOISE = {"rupiah", "koma", "nol-nol"}  # "… rupiah" after an amount in words


def _tokens(text: str) -> list[str] | None:
    out: list[str] = []
    for word in re.split(r"[\s\-]+", text.lower().strip()):
        if not word or word in _NOISE:
            continue
        m = _GLUED.match(word)
        if m:
            out += [m.group(1), m.group(2)]
        elif word in _UNITS or word in _SMALL or word in _LARGE:
            out.append(word)
        else:
            return None
    return out or None


def parse_words(text: str) -> int | None:
    """The number written in Indonesian words, or ``None`` if ``text`` is not only number words.

    ``"empat belas"`` → 14, ``"seratus dua puluh"`` → 120, ``"sebelas"`` → 11,
    ``"dua juta lima ratus ribu rupiah"`` → 2 500 000. A bare ``"se"`` is not a number.
    """
    tokens = _tokens(text)
    if tokens is None or tokens == ["se"]:
        return None
    total = group = 0
    unit: int | None = None
    last_large = 10**15
    for tok in tokens:
        if tok in _UNITS:
            if unit is not None:
                return None  # "dua tiga" is not a number
            unit = _UNITS[tok]
        elif tok == "belas":
            if unit is None:
                return None
            group, unit = group + 10 + unit, None
        elif tok in _SMALL:
            if unit is None:
                return None
            group, unit = group + unit * int(_SMALL[tok] or 0), None
        else:
            scale = _LARGE[tok]
            if scale >= last_large or (unit is None and group == 0):
                return None
            total += (group + (unit or 0)) * scale
            group, unit, last_large = 0, None, scale
    return total + group + (unit or 0)


@dataclass(frozen=True, slots=True)
class NumberPair:
    """A figure written in digits and in words, as printed (``14 (empat belas)``)."""

    digits: int
    digits_raw: str
    words: int
    words_raw: str
    start: int
    end: int

    @property
    def agrees(self) -> bool:
        """Do the digits and the words say the same number?"""
        return self.digits == self.words

    @property
    def raw(self) -> str:
        """The pair as printed."""
        return f"{self.digits_raw} ({self.words_raw})"


_DIGITS = r"(\d{1,3}(?:[.,]\d{3})+|\d{1,15})(?:,-|,00|\.00)?"
_DIGITS_WORDS_RE = re.compile(rf"(?<![\d.,/-]){_DIGITS}\s*\(\s*([A-Za-z][A-Za-z \-]*?)\s*\)")
_WORDS_DIGITS_RE = re.compile(rf"((?:[A-Za-z]+[ \-]){{0,8}}[A-Za-z]+)\s*\(\s*{_DIGITS}\s*\)")


def _digits_value(raw: str) -> int:
    return int(re.sub(r"[.,]", "", raw))


def count_value(text: str) -> int | None:
    """A count as written: digits ("8") or number words, the longest run at the end ("enam")."""
    if text.isdigit():
        return int(text)
    found = _words_suffix(text)
    return found[0] if found else None


def _words_suffix(text: str) -> tuple[int, str] | None:
    """The longest run of words at the end of ``text`` that reads as a number."""
    words = text.split()
    for k in range(len(words)):
        tail = " ".join(words[k:])
        value = parse_words(tail)
        if value is not None:
            return value, tail
    return None


# The "(digits)" that ends a words-then-digits pair, and, read backwards from its "(", the most
# words a pair may take (``_WORDS_DIGITS_RE`` reversed: white space, then up to 9 words).
_PAREN_DIGITS_RE = re.compile(rf"\(\s*{_DIGITS}\s*\)")
_WORDS_BACK_RE = re.compile(r"\s*[A-Za-z]+(?:[ \-][A-Za-z]+){0,8}")


def _words_digits(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_WORDS_DIGITS_RE.finditer(text)``, found from each "(digits)".

    The pattern alone tries every letter of the text as the start of up to nine words; here
    each "(digits)" is found first and the words before it are read backwards, so the pattern
    only runs from the earliest start it can have. Same matches, in the same order.
    """
    pos = 0
    back: str | None = None
    for paren in _PAREN_DIGITS_RE.finditer(text):
        if paren.start() < pos:
            continue
        back = text[::-1] if back is None else back
        words = _WORDS_BACK_RE.match(back, len(text) - paren.start())
        if words is None:
            continue  # no word right before the bracket
        first = max(pos, len(text) - words.end())
        m = _WORDS_DIGITS_RE.search(text, first, paren.end())
        if m is not None:
            yield m
            pos = m.end()


_MAYBE_PAIR_RE = re.compile(r"\d[,.\-]{0,3}\s*\(\s*[A-Za-z]|[A-Za-z]\s*\(\s*\d")


def _maybe_pair(text: str) -> bool:
    """``_MAYBE_PAIR_RE.search(text)``, tried only around each bracket (same answer).

    Every match holds a "(" with, before it, a letter or a digit and up to three of ",.-"
    after spaces, and after it spaces and a letter or a digit; none of these is a "(", so
    each match lies in the window of one bracket. The whole-text search tries its two
    alternatives at every character of every paragraph.
    """
    n = len(text)
    at = text.find("(")
    while at >= 0:
        lo = at
        while lo > 0 and text[lo - 1].isspace():
            lo -= 1
        hi = at + 1
        while hi < n and text[hi].isspace():
            hi += 1
        if _MAYBE_PAIR_RE.search(text, max(0, lo - 4), hi + 1):
            return True
        at = text.find("(", at + 1)
    return False


def number_pairs(text: str) -> list[NumberPair]:
    """Every ``digits (words)`` and ``words (digits)`` pair in ``text``, in order."""
    pairs: list[NumberPair] = []
    if "(" not in text or not _maybe_pair(text):
        return pairs  # fast path: most sentences hold no pair at all
    for m in _DIGITS_WORDS_RE.finditer(text):
        value = parse_words(m.group(2))
        if value is not None:
            pairs.append(
                NumberPair(
                    _digits_value(m.group(1)), m.group(1), value, m.group(2), m.start(), m.end()
                )
            )
    for m in _words_digits(text):
        found = _words_suffix(m.group(1))
        if found is None or any(p.start <= m.start() < p.end for p in pairs):
            continue
        value, words = found
        start = m.start(1) + m.group(1).rfind(words)
        pairs.append(
            NumberPair(_digits_value(m.group(2)), m.group(2), value, words, start, m.end())
        )
    return sorted(pairs, key=lambda p: p.start)
