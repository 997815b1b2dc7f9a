"""NAR006 ``narrative.previous_year_change``.

A claim that a figure rose or fell against last year agrees with last year's report.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.compare.claims import claims
from lkj_audit.compare.items import Item, shown
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule

_WORD = {"naik": "naik", "turun": "turun", "tetap": "tidak berubah"}


@rule(
    code="NAR006",
    name="narrative.previous_year_change",
    category=Category.NARRATIVE,
    severity=Severity.WARNING,
    severity_reason=(
        "unproven: the claim is contradicted by last year's report, a second document, not by "
        "this report's own tables"
    ),
    domain=("R-A2", "R-V08"),
    tables=("anggaran", "capaian", "pemilih", "pegawai"),
    tolerance="percentages compared at two decimals; amounts and counts exactly",
)
def previous_year_change(ctx: RuleContext) -> Iterator[Finding]:
    """A claim that a figure rose or fell against last year agrees with last year's report.

    Why it matters: "serapan anggaran meningkat dibanding tahun sebelumnya" is the analysis
    PermenPANRB 53/2014 asks for (R-A2); when last year's own report shows the opposite, the
    reader is told the wrong story about the year.
    Fails when: last year's report is given (``--previous``) and one sentence compares with
    the previous year, names exactly one figure both reports have (serapan, realisasi or
    pagu anggaran, capaian kinerja, DPT/DPS/DP4/DPB, jumlah pegawai) and says it rose
    (meningkat, naik…) or fell (menurun, turun…), while the recomputed figures of the two
    years moved the other way or not at all.
    Passes when: no previous year is given (or not the year just before), the claim agrees
    with both years' figures, or the sentence is no clear claim (two figures, both
    directions, hedged or negated, or a figure read with doubt in either year).
    """
    comparison = ctx.comparison
    if comparison is None:
        return
    before = comparison.previous.year
    for claim in claims(ctx.doc, comparison):
        actual = claim.actual
        if actual is None or actual == claim.claimed:
            continue
        figures = "; ".join(_figures(i, before, ctx.year) for i in claim.items)
        yield ctx.finding(
            line=claim.line,
            row=claim.subject,
            column="perbandingan tahun sebelumnya",
            stated=claim.words,
            expected=_WORD[actual],
            evidence=claim.sentence,
            message=(
                f"Teks menyatakan {claim.subject} '{claim.words}' dibanding tahun sebelumnya, "
                f"tetapi menurut hasil hitung ulang kedua laporan {claim.subject} "
                f"{_WORD[actual]} ({figures}). Perbaiki uraian perbandingan atau angkanya."
            ),
        )


def _figures(item: Item, before: int, year: int) -> str:
    return f"{item.label}: {before} {shown(item.previous, item.unit)}, {year} " + shown(
        item.current, item.unit
    )
