"""Format numbers for findings and reports: Indonesian by default, or the report's own way.

``expected`` values in findings are written like the figure they are compared with (a
report printing ``1,234,567`` gets ``1,234,567`` back), so the auditor can compare by eye.
Everything else uses Indonesian conventions via Babel (``1.234.567,89``).
"""

from __future__ import annotations

import re
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


def rupiah(value: Fraction | float | int | None, like: str | None = None) -> str:
    """An amount with thousands grouping (``1.234.567``), written like ``like`` if given."""
    if value is None:
        return "–"
    group, dec = _style_of(like)
    text = format_decimal(round(float(value), 2), format="#,##0.##", locale="en_US")
    return text.replace(",", "\0").replace(".", dec).replace("\0", group)


def pct(value: Fraction | float | None, decimals: int = 2, like: str | None = None) -> str:
    """A percentage with ``decimals`` decimals (``99,65%``), written like ``like`` if given."""
    if value is None:
        return "–"
    _, dec = _style_of(like) if like else (".", ",")
    q = Fraction(value).limit_denominator(10**9) if not isinstance(value, Fraction) else value
    text = f"{float(round(q, decimals)):.{decimals}f}"
    return text.replace(".", dec) + "%"


def number(value: Fraction | float | int | None, decimals: int = 0) -> str:
    """A plain Indonesian number (``577.241``, ``1,5``) for counts and ratios."""
    if value is None:
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return str(format_decimal(float(value), format=pattern, locale=_LOCALE))


def value_as_printed(value: Fraction | float | None, decimals: int) -> str:
    """A figure with exactly ``decimals`` decimals, Indonesian style."""
    return number(value, decimals)
