"""Format numbers for findings and reports: Indonesian by default, or the report's own way.

One formatter per kind: :func:`rupiah` (amounts), :func:`pct` (percentages), :func:`count`
(people, rows, voters) and :func:`number` (plain numbers and ratios); :func:`quoted` cites a
printed value.

Two audiences, two rules:

- a finding's ``expected`` is written like the figure it is compared with (``like=``: a report
  printing ``1,234,567`` gets ``1,234,567`` back), so the auditor can compare by eye;
- a *message* is prose for the auditor: every computed value in Indonesian format
  (``Rp140.823.725.718``, ``91,52%``, never ``like=``), every printed value cited exactly as
  printed, in quotes (``"112,500,108.073"``). ``tests/test_message_numbers.py`` enforces both.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction


def _style_of(raw: str | None) -> tuple[str, str]:
    """(group mark, decimal mark) used by a printed figure; Indonesian when unclear."""
    digits = re.sub(r"[^\d.,]", "", raw or "")
    comma_groups = re.search(r",\d{3}(?!\d)", digits)
    dot_groups = re.search(r"\.\d{3}(?!\d)", digits)
    if comma_groups and not dot_groups:
        return ",", "."
    if dot_groups:
        return ".", ","
    if re.search(r"\.\d{1,2}$", digits):
        return ",", "."
    return ".", ","


def _decimal(value: Fraction | float | int, decimals: int) -> Decimal:
    """``value`` rounded half-up to ``decimals`` (how reports round, unlike Python's round)."""
    q = Fraction(value) if not isinstance(value, float) else Fraction(str(value))
    exact = Decimal(q.numerator) / Decimal(q.denominator)
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _indonesian(value: Fraction | float | int, decimals: int) -> str:
    """Grouped by thousands with ".", decimals after "," (what babel's id_ID "#,##0.00" prints).

    Python's own grouping with the marks swapped: the same text, without a locale lookup per
    figure (tests/test_numbers.py compares the two).
    """
    text = f"{_decimal(value, decimals):,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def _restyle(text: str, like: str | None) -> str:
    """Swap the marks of an Indonesian-formatted figure when ``like`` uses English ones."""
    if like is None or _style_of(like) == (".", ","):
        return text
    return text.replace(".", "\0").replace(",", ".").replace("\0", ",")


def rupiah(
    value: Fraction | float | int | None, like: str | None = None, *, symbol: bool = False
) -> str:
    """An amount with thousands grouping (``1.234.567``), written like ``like`` if given.

    ``symbol=True`` (for messages) gives ``Rp1.234.567`` (``-Rp5.000`` when negative), always
    Indonesian.
    """
    if value is None:
        return "–"
    decimals = 0 if Fraction(value).denominator == 1 else 2
    if symbol:
        text = _indonesian(abs(Fraction(value)), decimals)
        return ("-Rp" if value < 0 else "Rp") + text
    return _restyle(_indonesian(value, decimals), like)


def pct(value: Fraction | float | None, decimals: int = 2, like: str | None = None) -> str:
    """A percentage with ``decimals`` decimals (``99,65%``), written like ``like`` if given."""
    if value is None:
        return "–"
    return _restyle(_indonesian(value, decimals), like) + "%"


def number(value: Fraction | float | int | None, decimals: int = 0) -> str:
    """A plain Indonesian number (``577.241``, ``0,57``) for ratios and measures."""
    if value is None:
        return "–"
    return _indonesian(value, decimals)


def count(value: int) -> str:
    """A count of people, rows or voters, grouped the Indonesian way (``554.561``)."""
    if Fraction(value).denominator != 1:
        raise ValueError(f"a count is a whole number, not {value!r}")
    return _indonesian(value, 0)


def decimals_of(raw: str | None, default: int = 2) -> int:
    """How many decimals a printed figure shows (``(99.65%)`` → 2, ``90 %`` → 0).

    A computed figure set beside it is written at the same precision; ``default`` when
    nothing is printed. Thousands groups (``1.234``) are not decimals.
    """
    digits = re.sub(r"[^\d.,]", "", raw or "").strip(".,")
    if not digits:
        return default
    mark = _style_of(raw)[1]
    head, sep, tail = digits.rpartition(mark)
    return len(tail) if sep and tail.isdigit() else 0


def quoted(raw: str) -> str:
    """A printed value (or text) cited exactly as printed, in quotes: ``"112,500,108.073"``.

    Typographic quotes when the text itself holds a straight double quote, so a reader (and
    the message test) can tell where the citation ends.
    """
    text = " ".join(str(raw).split())
    return f"“{text}”" if '"' in text else f'"{text}"'
