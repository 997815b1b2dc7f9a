"""ANG004 ``anggaran.table_total``.

A Jumlah/Total row equals the sum of the rows it closes.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.anggaran._shared import _TOL, _footing, _footings
from lkj_audit.rules.registry import RuleContext, rule


@rule(
    code="ANG004",
    name="anggaran.table_total",
    category=Category.ARITHMETIC,
    severity=Severity.ERROR,
    sums_rows=True,
    severity_reason=("disproved: the rows the total closes add up to another amount"),
    domain=("R-V07", "R-X01"),
    tables=("anggaran",),
    tolerance=_TOL,
)
def table_total(ctx: RuleContext) -> Iterator[Finding]:
    """A Jumlah/Total row equals the sum of the rows it closes.

    Why it matters: the grand total is the figure a reader takes away; it must be the sum
    of the programs (or kegiatan, or RO) listed above it.
    Fails when: for pagu or realisasi, the total row differs from the sum of the rows it
    closes: a subtotal the rows since the previous total, at their highest level; a grand
    total its subtotals (or the rows above it); a total printed first the rows below it.
    Passes when: every total row reconciles; a row without the figure (ANG006) counts only
    if the printed rows alone exceed the total.
    """
    for fig, parts, total in _footings(ctx, "total"):
        what = "Sub jumlah" if total.subtotal else "Jumlah"
        yield from _footing(ctx, fig, parts, total, what, "baris")
