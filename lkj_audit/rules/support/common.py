"""Helpers shared by rules of several families: exact cell values, row labels, slip hints."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

from lkj_audit import numfmt, recompute
from lkj_audit.load.rows import IndicatorRow
from lkj_audit.recompute.budget import program_members as program_members

BUDGET_LEVELS = ("program", "kegiatan", "ro")


val = recompute.cell_value  # the exact value of a cell at its printed decimals


def label(row: Any) -> str:
    """How a finding names a table row: its code, else its name (shortened)."""
    kode = getattr(row, "kode", None)
    if isinstance(kode, str) and kode:
        return kode
    for attr in ("uraian", "indikator", "wilayah", "nama"):
        text = getattr(row, attr, None)
        if isinstance(text, str) and text:
            return text if len(text) <= 60 else text[:57] + "…"
    return f"baris {getattr(row, 'line', '?')}"


def footing_slip_hint(
    parts: Sequence[tuple[str, int, str]],
    total: tuple[str, int, str],
    delta_sum: int,
    fits_percent: Callable[[int, int], bool] | None = None,
    *,
    rupiah: bool = True,
) -> str:
    """Sentence naming single-slip corrections that would make parts add up to the total.

    ``parts`` and ``total`` are ``(label, printed integer value, printed text)``; ``delta_sum``
    is printed total − Σ parts. ``fits_percent(index, candidate)`` says whether a candidate for
    part ``index`` (``-1`` = the total) also agrees with that row's printed %: when exactly one
    candidate fits both the sum and its %, only that one is named (R-X01). Lists at most three
    candidates; '' when there are none or more. Candidates are computed, so Indonesian
    (``Rp`` for amounts, a plain count when ``rupiah`` is false); printed values are quoted.
    """
    cands: list[tuple[bool, str]] = []
    targets = [(i, p, p[1] + delta_sum) for i, p in enumerate(parts)]
    targets.append((-1, total, total[1] - delta_sum))
    for i, (name, value, raw), wanted in targets:
        slip = recompute.slip_to(value, wanted)
        if slip:
            fits = bool(fits_percent and fits_percent(i, slip.candidate))
            shown = (
                numfmt.rupiah(slip.candidate, symbol=True)
                if rupiah
                else numfmt.count(slip.candidate)
            )
            text = f"{name} {shown} (tertulis {numfmt.quoted(raw)})"
            cands.append(
                (fits, text + (", yang juga cocok dengan persentase tercetak" if fits else ""))
            )
    both = [text for fits, text in cands if fits]
    if len(both) == 1:
        return f" Kemungkinan salah ketik: {both[0]}."
    if not cands or len(cands) > 3:
        return ""
    return " Kemungkinan salah ketik: " + "; atau ".join(text for _, text in cands) + "."


def _volume_text(value: Fraction, decimals: int, raw: str, unit: str) -> str:
    """A computed target/realisasi candidate at the printed precision (``81,2%``, ``2,0 Unit``)."""
    if unit == "%":
        return numfmt.pct(value, decimals)
    return f"{numfmt.number(value, decimals)} {unit}".strip()


def _capaian_candidates(computed: Fraction, cdec: int) -> Callable[[int], bool]:
    """Which printed capaian ``c / 10^cdec`` would agree with ``computed`` (one int range)."""
    # agrees(c/u, d, x) ⇔ c/u − 1/(2u) ≤ x < c/u + 1/u ⇔ 2c − 1 ≤ 2ux < 2c + 2
    twice = 2 * 10**cdec * computed
    first, last = math.floor((twice - 2) / 2) + 1, math.floor((twice + 1) / 2)
    return lambda c: first <= c <= last


def _volume_candidates(
    row: IndicatorRow, column: str, u: int, target: Fraction, real: Fraction, printed: Fraction
) -> Callable[[int], bool]:
    """Which ``c / u`` in ``column`` would make the row's capaian agree with ``printed``."""
    cdec = row.capaian_dec
    if column == "realisasi" and target > 0:
        # capaian is linear in realisasi: c/u × 100/T (positive) or 200 − c/u × 100/T
        lo, hi = recompute.agreeing(printed, cdec)
        if row.polarity == "negative":
            lo, hi = 200 - hi, 200 - lo  # lo < c·s ≤ hi: the integers just above each bound
            scale = Fraction(100, u) / target
            above, upto = math.floor(lo / scale), math.floor(hi / scale)
            return lambda c: above < c <= upto
        first, last = recompute.integers_scaled_into(lo, hi, Fraction(100, u) / target)
        return lambda c: first <= c <= last

    def fits(c: int) -> bool:
        t = Fraction(c, u) if column == "target" else target
        r = Fraction(c, u) if column == "realisasi" else real
        cap = recompute.capaian(t, r, row.polarity) if t else None
        return cap is not None and recompute.agrees(printed, cdec, cap)

    if column == "target":
        # capaian = R'/c (positive) or 200 − R'/c (negative), R' = 100·R·u; for c > 0 the
        # agreeing c are one range when both bounds (of R'/c) are positive.
        lo, hi = recompute.agreeing(printed, cdec)
        if row.polarity == "negative":
            lo, hi = 200 - hi, 200 - lo  # lo < R'/c ≤ hi
            if lo > 0:
                scaled = 100 * real * u
                first, last = math.ceil(scaled / hi), math.ceil(scaled / lo) - 1
                return lambda c: first <= c <= last if c > 0 else fits(c)
        elif lo > 0:  # lo ≤ R'/c < hi
            scaled = 100 * real * u
            above, upto = math.floor(scaled / hi), math.floor(scaled / lo)
            return lambda c: above < c <= upto if c > 0 else fits(c)
    return fits


def capaian_slip_hint(row: IndicatorRow) -> str:
    """Sentence naming one-slip corrections that reconcile a capaian row (R-X01).

    A capaian row "foots" when capaian = f(target, realisasi) at the printed precision. Each
    single-digit substitution, swap of adjacent digits or 10^k scale slip of the printed
    capaian, realisasi or target is tried; a candidate is named when it makes the row agree.
    At most three candidates; '' when there are none or more.
    """
    target, real, printed = val(row, "target"), val(row, "realisasi"), val(row, "capaian")
    if target is None or real is None or printed is None or target == 0:
        return ""
    cdec = row.capaian_dec
    computed = recompute.capaian(target, real, row.polarity)
    hints: list[str] = []
    unit = 10**cdec
    if computed is not None and (printed * unit).denominator == 1:
        for slip in recompute.slips_matching(
            int(printed * unit), _capaian_candidates(computed, cdec)
        ):
            shown = numfmt.pct(Fraction(slip.candidate, unit), cdec)
            hints.append(f"capaian {shown} (tertulis {numfmt.quoted(row.capaian_raw)})")
    for column in ("realisasi", "target"):
        value = val(row, column)
        dec = row.realisasi_dec if column == "realisasi" else row.target_dec
        u = 10**dec
        if value is None or (value * u).denominator != 1:
            continue
        fits = _volume_candidates(row, column, u, target, real, printed)
        if column == "realisasi":
            raw, vunit = row.realisasi_raw, row.realisasi_unit
        else:
            raw, vunit = row.target_raw, row.target_unit
        for slip in recompute.slips_matching(int(value * u), fits):
            shown = _volume_text(Fraction(slip.candidate, u), dec, raw, vunit)
            hints.append(f"{column} {shown} (tertulis {numfmt.quoted(raw)})")
    if not hints or len(hints) > 3:
        return ""
    return " Kemungkinan salah ketik: " + "; atau ".join(hints) + "."
