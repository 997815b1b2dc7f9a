"""Pure arithmetic on exact fractions: totals, percentages, capaian, digit slips (no I/O).

Printed figures are exact at their printed precision: a value printed with ``d`` decimals
stands for the interval ±½·10⁻ᵈ, and a report may have rounded *or* truncated. So a printed
``p`` agrees with a computed ``c`` when ``p − ½u ≤ c < p + u`` (``u = 10⁻ᵈ``). All arithmetic is
done on :class:`~fractions.Fraction`, never on floats, so "agrees" has no epsilon.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from lkj_audit.load.cellcache import cell_cache

HUNDRED = Fraction(100)


def exact(value: float | int | Fraction | None, decimals: int = 0) -> Fraction | None:
    """The exact value of a parsed figure (stored as float with its printed decimals)."""
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
    elif type(value) is Fraction or (type(value) is not int and isinstance(value, Fraction)):
        # Fraction's metaclass is ABCMeta: isinstance() of an int or a float costs ~1 µs, so
        # it is asked only of what may be one (asked ~2,500 times per report)
        return value
    try:
        return _exact(value, decimals)
    except TypeError:  # an unhashable number: computed without the memo
        return _exact_value(value, decimals)


def _exact_value(value: float | int, decimals: int) -> Fraction:
    """:func:`exact` of a present figure, memoised.

    The rules and figures ask for the same few dozen cells over a thousand times per report
    (a Fraction costs ~1 µs to build).
    """
    if decimals < 0:  # a figure printed in thousands or millions: exact to 10^-decimals
        unit = 10**-decimals
        return Fraction(round(float(value) / unit) * unit)
    return Fraction(round(float(value) * 10**decimals), 10**decimals)


_exact = cell_cache(_exact_value)


def agrees(printed: Fraction, decimals: int, computed: Fraction) -> bool:
    """Does a figure printed with ``decimals`` decimals stand for ``computed``?

    Accepts rounding (half a unit either way) and truncation (up to one unit below).
    """
    if type(decimals) is int and decimals >= 0 and type(printed) is type(computed) is Fraction:
        # the same two comparisons on integers (denominators are positive): no Fractions made
        scale: int = 10**decimals
        p, q = printed.numerator, printed.denominator
        c, e = computed.numerator, computed.denominator
        return (2 * scale * p - q) * e <= 2 * scale * c * q and scale * c * q < (scale * p + q) * e
    unit = Fraction(1, 10**decimals)
    return printed - unit / 2 <= computed < printed + unit


def agreeing(printed: Fraction, decimals: int) -> tuple[Fraction, Fraction]:
    """The computed values ``printed`` agrees with, as the interval ``[lo, hi)``."""
    unit = Fraction(1, 10**decimals)
    return printed - unit / 2, printed + unit


def integers_scaled_into(lo: Fraction, hi: Fraction, scale: Fraction) -> tuple[int, int]:
    """The integers ``c`` with ``lo <= c × scale < hi`` (``scale > 0``), as ``(first, last)``.

    The slip search asks "would the printed figure agree if this cell were c?" for about a
    hundred candidates per cell; when the figure depends linearly on ``c`` the answer is this
    range, computed once, instead of a Fraction division per candidate (same answer exactly).
    """
    return math.ceil(lo / scale), math.ceil(hi / scale) - 1


def sums_agree(printed_total: Fraction, parts: Sequence[Fraction], decimals: Sequence[int]) -> bool:
    """Does a printed total equal the sum of printed parts, within their rounding?

    Integer figures (rupiah, voters) must match exactly; with decimals, the accumulated
    half-units of every figure involved bound the difference. A negative ``d`` is a figure
    printed in thousands (-3) or millions (-6) of rupiah: its half-unit is 500 or 500.000.
    """
    slack = sum((Fraction(10) ** -d / 2 for d in decimals if d != 0), Fraction(0))
    return abs(sum(parts, Fraction(0)) - printed_total) <= slack


def percent(part: Fraction, whole: Fraction) -> Fraction | None:
    """``part / whole × 100``; ``None`` when ``whole`` is zero."""
    if type(part) is Fraction and type(whole) is Fraction:
        # one Fraction, not two products' (each reduced by a gcd): the same exact value
        if not whole:
            return None
        return Fraction(
            part.numerator * 100 * whole.denominator, part.denominator * whole.numerator
        )
    return None if whole == 0 else part * HUNDRED / whole


def capaian(target: Fraction, realisasi: Fraction, polarity: str = "positive") -> Fraction | None:
    """Capaian kinerja in percent (DOMAIN.md §2.1).

    positive: R / T × 100; negative ("semakin rendah semakin baik"): (2T − R) / T × 100.
    """
    if type(target) is Fraction and type(realisasi) is Fraction:
        # one Fraction, not two products' (each reduced by a gcd): the same exact value
        if not target:
            return None
        tn, td = target.numerator, target.denominator
        rn, rd = realisasi.numerator, realisasi.denominator
        if polarity == "negative":  # (2T − R) / T × 100 = (2·tn·rd − rn·td)·100 / (rd·tn)
            return Fraction((2 * tn * rd - rn * td) * 100, rd * tn)
        return Fraction(rn * 100 * td, rd * tn)
    if target == 0:
        return None
    if polarity == "negative":
        return (2 * target - realisasi) * HUNDRED / target
    return realisasi * HUNDRED / target


def cell_value(row: Any, column: str) -> Fraction | None:
    """Exact value of ``row[column]`` at its printed decimals (``<column>_dec``, if present)."""
    dec = getattr(row, _DEC_NAMES.get(column) or _dec_name(column), 0)
    value = getattr(row, column)
    if type(value) is float:  # most cells: exact()'s own path for a float, inline
        return None if math.isnan(value) else _exact(value, int(dec) if dec == dec else 0)
    return exact(value, int(dec) if dec == dec else 0)


_DEC_NAMES: dict[str, str] = {}


def _dec_name(column: str) -> str:
    name = _DEC_NAMES[column] = f"{column}_dec"
    return name


def column_sum(values: Iterable[Fraction | None]) -> Fraction:
    """Sum of the present values."""
    return sum((v for v in values if v is not None), Fraction(0))


# --- digit slips (R-X01) --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Slip:
    """A plausible typing slip: the printed value and what it may have been meant to be."""

    printed: int
    candidate: int
    kind: str  # "digit" (one digit replaced), "swap" (two adjacent swapped), "scale" (×10^k)


def _candidates(value: int) -> Iterator[tuple[int, str]]:
    """(candidate, kind) of every one-slip variant of ``value``, in a fixed order."""
    s = str(abs(value))
    sign = -1 if value < 0 else 1
    for i, ch in enumerate(s):
        for d in "0123456789":
            if d != ch and not (i == 0 and d == "0" and len(s) > 1):
                yield sign * int(s[:i] + d + s[i + 1 :]), "digit"
    for i in range(len(s) - 1):
        if s[i] != s[i + 1] and not (i == 0 and s[i + 1] == "0"):
            yield sign * int(s[:i] + s[i + 1] + s[i] + s[i + 2 :]), "swap"
    for k in (-3, -1, 1, 3):
        factor: int = 10 ** abs(k)
        scaled = value * factor if k > 0 else (value // factor if value % factor == 0 else None)
        if scaled:
            yield scaled, "scale"


def slip_to(value: int, target: int) -> Slip | None:
    """The slip turning ``value`` into ``target``, if ``target`` is one slip away.

    Read from the two digit strings (the first of :func:`_candidates` equal to ``target``,
    without making the hundred others): a replaced digit or a swap keeps the sign and the
    length, a scale changes the length.
    """
    sign = -1 if value < 0 else 1
    s = str(abs(value))
    t = str(target * sign)
    if target * sign >= 0 and len(t) == len(s):
        diff = [i for i in range(len(s)) if s[i] != t[i]]
        if len(diff) == 1:
            return Slip(value, target, "digit")  # t has no leading zero: a listed variant
        if len(diff) == 2:
            i, j = diff
            if j == i + 1 and s[i] == t[j] and s[j] == t[i] and not (i == 0 and s[1] == "0"):
                return Slip(value, target, "swap")
        return None
    for k in (-3, -1, 1, 3):
        factor: int = 10 ** abs(k)
        scaled = value * factor if k > 0 else (value // factor if value % factor == 0 else None)
        if scaled and scaled == target:
            return Slip(value, target, "scale")
    return None


def slips_matching(value: int, accept: Callable[[int], bool]) -> list[Slip]:
    """Every one-slip variant of ``value`` for which ``accept(candidate)`` holds."""
    return [Slip(value, c, kind) for c, kind in _candidates(value) if accept(c)]
