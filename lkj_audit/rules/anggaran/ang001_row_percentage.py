"""ANG001 ``anggaran.row_percentage``.

The printed serapan % of each budget row equals realisasi / pagu.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.anggaran._shared import _TOL, _FootsCache, _row_slip_hint
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import label


@rule(
    code="ANG001",
    name="anggaran.row_percentage",
    category=Category.ARITHMETIC,
    severity=Severity.ERROR,
    severity_reason=("disproved: realisasi / pagu of the same row gives another percentage"),
    domain=("R-V07", "R-B03", "R-X01"),
    tables=("anggaran",),
    tolerance=_TOL,
)
def row_percentage(ctx: RuleContext) -> Iterator[Finding]:
    """The printed serapan % of each budget row equals realisasi / pagu.

    Why it matters: the serapan percentage is what readers quote; a wrong one misstates
    budget performance even when the amounts are right.
    Fails when: a row prints a %, has pagu > 0 and realisasi, and realisasi / pagu × 100 lies
    outside the interval the printed % stands for (rounding or truncation at its decimals).
    Passes when: the printed % rounds or truncates from the recomputed one, or no % is printed.
    """
    serapan = {s.line: s for s in ctx.figures.anggaran.rows}
    foots: _FootsCache = {}
    for row in ctx.rows.anggaran:
        fig = serapan[row.line]
        if fig.agrees is not False or fig.computed is None:
            continue
        computed = fig.computed
        expected = numfmt.pct(computed, row.pct_dec, like=row.pct_raw)
        hint = _row_slip_hint(row, ctx.rows.anggaran, foots)
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=label(row),
            column="persentase realisasi",
            stated=row.pct_raw,
            expected=expected,
            message=(
                f"Persentase realisasi {label(row)} tertulis {numfmt.quoted(row.pct_raw)}, "
                f"padahal realisasi {numfmt.quoted(row.realisasi_raw)} dibagi pagu "
                f"{numfmt.quoted(row.pagu_raw)} = {numfmt.pct(computed, row.pct_dec)}."
                f"{hint}"
            ),
            evidence=row.evidence,
        )
