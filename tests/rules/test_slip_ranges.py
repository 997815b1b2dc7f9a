"""The slip search's closed-form ranges answer exactly what the Fraction test answers.

``_pct_fits_test`` (ANG001/ANG005/ANG00x hints) and ``capaian_slip_hint`` (CAP001) no longer
divide Fractions per candidate where the figure is linear in the candidate; these tests put
the fast predicates next to the definition (``recompute.agrees`` on the recomputed figure)
over many rows and candidates, including the edges of each interval.
"""

from __future__ import annotations

import random
from dataclasses import replace
from fractions import Fraction

from lkj_audit import recompute
from lkj_audit.load.rows import BudgetRow, IndicatorRow
from lkj_audit.rules.anggaran._shared import _pct_fits_test
from lkj_audit.rules.support.common import _capaian_candidates, _volume_candidates

RNG = random.Random(20241203)


def _budget(pagu: int, real: int, pct: Fraction, dec: int) -> BudgetRow:
    return BudgetRow(
        table="T1", line=1, level="ro", program=None, kegiatan=None, kode="3360.EBA.994",
        uraian="x", pagu=float(pagu), pagu_raw=str(pagu), pagu_dec=0, realisasi=float(real),
        realisasi_raw=str(real), realisasi_dec=0, pct=float(pct), pct_raw=str(pct),
        pct_dec=dec, flags="", evidence="", scale=1, sisa=None, sisa_raw="", closes="",
        subtotal=False, doubt="",
    )  # fmt: skip


def _candidates(value: int, *centres: Fraction) -> list[int]:
    out = [s.candidate for s in recompute.slips_matching(value, lambda c: True)]
    for centre in centres:  # the integers around each edge of the interval
        k = int(centre)
        out += list(range(k - 3, k + 4))
    return [c for c in out if c != 0] + [0, -1, 1]


def test_integers_scaled_into_is_the_brute_force_range() -> None:
    for _ in range(300):
        lo = Fraction(RNG.randint(-500, 500), RNG.randint(1, 40))
        hi = lo + Fraction(RNG.randint(1, 300), RNG.randint(1, 40))
        scale = Fraction(RNG.randint(1, 50), RNG.randint(1, 50))
        first, last = recompute.integers_scaled_into(lo, hi, scale)
        for c in range(int(lo / scale) - 5, int(hi / scale) + 6):
            assert (first <= c <= last) == (lo <= c * scale < hi)


def test_budget_percentage_ranges_equal_the_fraction_test() -> None:
    checked = 0
    for _ in range(150):
        pagu = RNG.choice([RNG.randint(1, 10**6), RNG.randint(10**8, 10**11)])
        real = RNG.randint(0, pagu * 2)
        dec = RNG.choice([0, 1, 2])
        exact_pct = Fraction(real * 100, pagu)
        pct = Fraction(round(exact_pct * 10**dec) + RNG.choice([-1, 0, 0, 1]), 10**dec)
        if pct <= 0:
            continue
        row = _budget(pagu, real, pct, dec)
        lo, hi = recompute.agreeing(pct, dec)
        for column, value, fixed in (("realisasi", real, pagu), ("pagu", pagu, real)):
            fast = _pct_fits_test(row, column)
            centres = (lo * fixed / 100, hi * fixed / 100, fixed * 100 / lo, fixed * 100 / hi)
            for c in _candidates(value, *centres):
                computed = (
                    Fraction(c * 100, pagu) if column == "realisasi" else
                    (Fraction(real * 100, c) if c else None)
                )  # fmt: skip
                want = computed is not None and recompute.agrees(pct, dec, computed)
                assert fast(c) == want, (column, pagu, real, pct, dec, c)
                checked += 1
    assert checked > 10_000


def test_budget_percentage_ranges_at_exact_edges() -> None:
    """Candidates landing exactly on an interval bound (closed below, open above)."""
    for pct in range(1, 150):
        for c0 in (100, 200, 1500, 10**6):
            for real in ((pct + 1) * c0 // 100, pct * c0 // 100, (2 * pct - 1) * c0 // 200):
                row = _budget(c0, real, Fraction(pct), 0)
                for column, fixed in (("pagu", real), ("realisasi", c0)):
                    fast = _pct_fits_test(row, column)
                    for c in (c0 - 1, c0, c0 + 1, real - 1, real, real + 1):
                        if column == "pagu":
                            comp = Fraction(fixed * 100, c) if c else None
                        else:
                            comp = Fraction(c * 100, fixed)
                        want = comp is not None and recompute.agrees(Fraction(pct), 0, comp)
                        assert fast(c) == want, (column, c0, real, pct, c)


def _indicator(
    target: Fraction, real: Fraction, tdec: int, rdec: int, polarity: str
) -> IndicatorRow:
    return IndicatorRow(
        table="T2", line=2, sasaran_no=1.0, sasaran="s", no=1.0, indikator="i", kode=None,
        target=float(target), target_unit="%", target_raw=str(target), target_dec=tdec,
        realisasi=float(real), realisasi_unit="%", realisasi_raw=str(real),
        realisasi_dec=rdec, capaian=None, capaian_raw="", capaian_dec=2, kategori_raw="",
        polarity=polarity, polarity_source="declared", realisasi_prev_raw="",
        target_renstra_raw="", evidence="",
    )  # fmt: skip


def test_capaian_ranges_equal_the_fraction_test() -> None:
    checked = 0
    for _ in range(200):
        cdec, rdec = RNG.choice([0, 1, 2]), RNG.choice([0, 1, 2])
        u = 10**rdec
        target = Fraction(RNG.randint(1, 5000), 10)
        real = Fraction(RNG.randint(0, 10000), u)
        polarity = RNG.choice(["positive", "negative"])
        computed = recompute.capaian(target, real, polarity)
        assert computed is not None
        printed = Fraction(round(computed * 10**cdec) + RNG.choice([-1, 0, 1]), 10**cdec)
        # the printed capaian as candidate
        fast = _capaian_candidates(computed, cdec)
        unit = 10**cdec
        for c in _candidates(int(printed * unit), computed * unit):
            assert fast(c) == recompute.agrees(Fraction(c, unit), cdec, computed)
            checked += 1
        # the realisasi as candidate (linear in it, both polarities)
        row = replace(_indicator(target, real, 1, rdec, polarity), capaian_dec=cdec)
        fits = _volume_candidates(row, "realisasi", u, target, real, printed)
        lo, hi = recompute.agreeing(printed, cdec)
        edges = [x * target * u / 100 for x in (lo, hi, 200 - lo, 200 - hi)]
        for c in _candidates(int(real * u), *edges):
            cap = recompute.capaian(target, Fraction(c, u), polarity)
            assert fits(c) == (cap is not None and recompute.agrees(printed, row.capaian_dec, cap))
            checked += 1
        # the target as candidate (capaian is R/T or 2 − R/T: a range in T, edges included)
        tu = 10
        fits = _volume_candidates(row, "target", tu, target, real, printed)
        scaled = 100 * real * tu
        edges = [scaled / x for x in (lo, hi, 200 - lo, 200 - hi) if x]
        for c in _candidates(int(target * tu), *edges):
            cap = recompute.capaian(Fraction(c, tu), real, polarity) if c else None
            assert fits(c) == (cap is not None and recompute.agrees(printed, cdec, cap)), (
                polarity,
                target,
                real,
                printed,
                cdec,
                c,
            )
            checked += 1
    assert checked > 10_000


def test_slip_to_is_the_first_listed_variant_equal_to_the_target() -> None:
    """``slip_to`` reads the digit strings; the answer is the enumeration's own."""
    values = list(range(-150, 1250)) + [RNG.randint(-(10**12), 10**12) for _ in range(1500)]
    values += [RNG.choice([10, 1000, 25000, -3000]) * RNG.randint(1, 99) for _ in range(300)]
    for value in values:
        variants = recompute.slips_matching(value, lambda c: True)
        targets = {s.candidate for s in variants} | {value, -value, value + 1, 0, value * 100}
        targets.add(RNG.randint(-(10**13), 10**13))
        for target in targets:
            listed = next((s for s in variants if s.candidate == target), None)
            assert recompute.slip_to(value, target) == listed, (value, target)
