"""CAP001 ``capaian.recomputed``.

The printed capaian of each indicator equals realisasi / target (by polarity).
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit import numfmt, recompute
from lkj_audit.load.rows import IndicatorRow
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.recompute.kinerja import by_formula
from lkj_audit.rules.capaian._shared import printed_against_computed
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import capaian_slip_hint, label, val

_POLARITY_WORD = {"positive": "positif", "negative": "negatif"}


def _fits_other_polarity(row: IndicatorRow) -> bool:
    """Does the printed capaian fit the formula of the polarity the row does not have?"""
    other = "negative" if row.polarity == "positive" else "positive"
    computed, printed = by_formula(row, other), val(row, "capaian")
    if computed is None or printed is None:
        return False
    return recompute.agrees(printed, row.capaian_dec, computed)


def _fits_target_over_realisasi(row: IndicatorRow) -> bool:
    """Is a negative indicator's capaian printed as target / realisasi (DOMAIN.md §2.1)?"""
    target, real, printed = val(row, "target"), val(row, "realisasi"), val(row, "capaian")
    if row.polarity != "negative" or not target or not real or printed is None:
        return False
    return recompute.agrees(printed, row.capaian_dec, target * 100 / real)


@rule(
    code="CAP001",
    name="capaian.recomputed",
    category=Category.ARITHMETIC,
    severity=Severity.ERROR,
    severity_reason=(
        "disproved: the row's own target and realisasi give another capaian; inconsistent: the "
        "figure fits the other polarity's formula, which the report may have meant; hint: a "
        "negative indicator's figure is target / realisasi, a method some reports use"
    ),
    domain=("R-V05", "R-A1"),
    tables=("capaian",),
    tolerance="±½ of the last printed digit of the capaian (rounding or truncation)",
)
def capaian_recomputed(ctx: RuleContext) -> Iterator[Finding]:
    """The printed capaian of each indicator equals realisasi / target (by polarity).

    Why it matters: capaian is the headline of the LKj; a capaian that cannot be reproduced
    from its own target and realisasi (e.g. the budget serapan printed instead) misstates
    performance.
    Fails when: target and realisasi are numbers, target ≠ 0, a capaian is printed, and the
    recomputed capaian (positive: R/T×100; negative: (2T−R)/T×100) lies outside the interval
    of the printed figure. A figure that only fits the other polarity's formula is a warning;
    a negative indicator printed as T/R×100 (the alternative DOMAIN.md §2.1 names) is a hint
    saying which method the LKj used.
    Passes when: the printed capaian rounds or truncates from the recomputed one, or the
    row is printed at the cap its whole table applies (CAP003).
    """
    indicators = {i.line: i for i in ctx.figures.capaian.indicators}
    for row in ctx.rows.capaian:
        fig = indicators[row.line]
        computed = fig.computed
        # a capaian cell that holds no number (a name, a word) is a misread column or no
        # capaian at all (CAP002), never a recomputation that disagrees
        if fig.agrees is True or computed is None or fig.printed is None:
            continue
        if fig.capped_at is not None:  # the table's own cap, CAP003's hint
            continue
        base = printed_against_computed(row, computed, row.capaian_dec)
        severity, message = _verdict(ctx, row, base)
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=label(row),
            column="capaian",
            stated=row.capaian_raw,
            expected=numfmt.pct(computed, row.capaian_dec, like=row.capaian_raw),
            severity=severity,
            message=message,
            evidence=row.evidence,
        )


def _verdict(ctx: RuleContext, row: IndicatorRow, base: str) -> tuple[Severity | None, str]:
    """The severity (``None``: the rule's error) and message for a capaian that disagrees."""
    if _fits_target_over_realisasi(row):
        return Severity.INFO, (
            f"{base} (polaritas negatif, (2×target − realisasi) / target); angka tercetak "
            "adalah target / realisasi, rumus lain untuk indikator negatif. Pastikan LKj "
            "menyebut rumus yang dipakai dan memakainya untuk semua indikator negatif."
        )
    if _fits_other_polarity(row):
        other = "negative" if row.polarity == "positive" else "positive"
        return Severity.WARNING, (
            f"{base} (polaritas {_POLARITY_WORD[row.polarity]}); angka tercetak hanya cocok "
            f"dengan rumus polaritas {_POLARITY_WORD[other]}. Pastikan polaritas indikator ini."
        )
    return None, f"{base}{_serapan_hint(ctx, row)}.{capaian_slip_hint(row)}"


def _serapan_hint(ctx: RuleContext, row: IndicatorRow) -> str:
    """Say so when the printed figure is the budget serapan of the same RO (R-V05)."""
    if row.kode is None:
        return ""
    for b in (b for b in ctx.rows.anggaran if b.kode == row.kode):
        pagu, real = val(b, "pagu"), val(b, "realisasi")
        printed = val(row, "capaian")
        if pagu and real is not None and printed is not None:
            if recompute.agrees(printed, row.capaian_dec, real * 100 / pagu):
                return (
                    " — angka tercetak sama dengan serapan anggaran RO ini, bukan capaian kinerja"
                )
    return ""
