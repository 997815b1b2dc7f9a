"""ANG002 ``anggaran.ro_sum_to_kegiatan``.

The pagu and realisasi of a kegiatan equal the sums of its RO rows.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.anggaran._shared import _TOL, _footing, _footings
from lkj_audit.rules.registry import RuleContext, rule


@rule(
    code="ANG002",
    name="anggaran.ro_sum_to_kegiatan",
    category=Category.ARITHMETIC,
    severity=Severity.ERROR,
    sums_rows=True,
    severity_reason=("disproved: the RO rows printed under the kegiatan add up to another amount"),
    domain=("R-V07", "R-X01"),
    tables=("anggaran",),
    tolerance=_TOL,
)
def ro_sum_to_kegiatan(ctx: RuleContext) -> Iterator[Finding]:
    """The pagu and realisasi of a kegiatan equal the sums of its RO rows.

    Why it matters: a kegiatan total that does not reconcile with its outputs cannot be
    traced to them; one of the figures is wrong.
    Fails when: a kegiatan row is printed and, for pagu or realisasi, Σ RO of that kegiatan
    differs from it (exactly, for integer rupiah).
    Passes when: every printed kegiatan row reconciles, or the report prints no kegiatan row;
    an RO without the figure (ANG006) counts only if the printed RO alone exceed the total.
    """
    for fig, parts, keg in _footings(ctx, "kegiatan"):
        yield from _footing(ctx, fig, parts, keg, f"kegiatan {keg.kegiatan}", "RO")
