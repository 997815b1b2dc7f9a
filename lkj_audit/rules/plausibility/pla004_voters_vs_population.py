"""PLA004 ``plausibility.voters_vs_population``.

The DPT is a plausible share of the satker's population.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from lkj_audit import numfmt
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.plausibility._voters import (
    STAGE_ORDER,
    _jumlah,
    _ratio,
    _satker,
    _stage_totals,
)
from lkj_audit.rules.registry import RuleContext, rule

_RATIO_USUAL = (Fraction(60, 100), Fraction(80, 100))  # DPT / penduduk, R-P04


_RATIO_POSSIBLE = (Fraction(50, 100), Fraction(90, 100))  # outside: very likely wrong


@rule(
    code="PLA004",
    name="plausibility.voters_vs_population",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    severity_reason=(
        "unproven: a DPT share outside 0,50-0,90 of the population is implausible, not proven "
        "wrong; hint: outside 0,60-0,80 only"
    ),
    domain=("R-P04",),
    tables=("pemilih",),
    tolerance="usual 0,60–0,80 (info outside); possible 0,50–0,90 (warning outside)",
)
def voters_vs_population(ctx: RuleContext) -> Iterator[Finding]:
    """The DPT is a plausible share of the satker's population.

    Why it matters: voters are residents aged 17 or married, about 0,73 of the population
    nationally in 2024; a DPT far outside that share points at a digit slip, a table from
    another region, or a total that is not the satker's.
    Fails when: the satker is in the list and its DPT total (else the latest stage printed)
    divided by its December 2024 population lies outside 0,50–0,90 (warning) or 0,60–0,80
    (info).
    Passes when: the share is within 0,60–0,80, or the satker or the DPT is unknown.
    """
    satker = _satker(ctx)
    totals = _stage_totals(ctx)
    if satker is None or not totals or satker.penduduk_total <= 0:
        return
    present = [t for t in totals if t.tahap in STAGE_ORDER]
    latest = max((STAGE_ORDER.index(t.tahap) for t in present), default=None)
    for row in [t for t in present if latest is not None and STAGE_ORDER.index(t.tahap) == latest]:
        voters = _jumlah(row)
        if voters is None:
            continue
        share = voters / satker.penduduk_total
        if _RATIO_USUAL[0] <= share <= _RATIO_USUAL[1]:
            continue
        likely = _RATIO_POSSIBLE[0] <= share <= _RATIO_POSSIBLE[1]
        usual = f"{_ratio(_RATIO_USUAL[0])}–{_ratio(_RATIO_USUAL[1])}"
        penduduk = numfmt.number(satker.penduduk_total)
        yield ctx.finding(
            line=int(row.line),
            table=row.table,
            row=row.tahap,
            column="JUMLAH",
            stated=row.jumlah_raw,
            expected=f"{usual} × {penduduk}",
            severity=Severity.INFO if likely else None,
            message=(
                f"Jumlah {row.tahap} {numfmt.quoted(row.jumlah_raw)} adalah {_ratio(share)} kali "
                "jumlah penduduk "
                f"{satker.level_word} {satker.wilayah} ({penduduk}, Dukcapil Desember 2024); "
                f"lazimnya {usual}. Periksa angka dan wilayah tabel pemilih ini."
            ),
            evidence=row.evidence,
        )
