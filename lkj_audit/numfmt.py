"""Format numbers for findings and reports: Indonesian by default, or the report's own way.

``expected`` values in findings are written like the figure they are compared with (a
report printing ``1,234,567`` gets ``1,234,567`` back), so the auditor can compare by eye.
Everything else uses Indonesian conventions via Babel (``1.234.567,89``).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from babel.numbers import format_decimal

_LOCALE = "id_ID"


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
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return str(format_decimal(_decimal(value, decimals), format=pattern, locale=_LOCALE))


def _restyle(text: str, like: str | None) -> str:
    """Swap the marks of an Indonesian-formatted figure when ``like`` uses English ones."""
    if like is None or _style_of(like) == (".", ","):
        return text
    return text.replace(".", "\0").replace(",", ".").replace("\0", ",")


def rupiah(value: Fraction | float | int | None, like: str | None = None) -> str:
    """An amount with thousands grouping (``1.234.567``), written like ``like`` if given."""
    if value is None:
        return "–"
    decimals = 0 if Fraction(value).denominator == 1 else 2
    return _restyle(_indonesian(value, decimals), like)


def pct(value: Fraction | float | None, decimals: int = 2, like: str | None = None) -> str:
    """A percentage with ``decimals`` decimals (``99,65%``), written like ``like`` if given."""
    if value is None:
        return "–"
    return _restyle(_indonesian(value, decimals), like) + "%"


def number(value: Fraction | float | int | None, decimals: int = 0) -> str:
    """A plain Indonesian number (``577.241``, ``1,5``) for counts and ratios."""
    if value is None:
        return "–"
    return _indonesian(value, decimals)
