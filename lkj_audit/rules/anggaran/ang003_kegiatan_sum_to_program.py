"""ANG003 ``anggaran.kegiatan_sum_to_program``.

The pagu and realisasi of a program equal the sums of its kegiatan.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.anggaran._shared import _TOL, _footing, _footings
from lkj_audit.rules.registry import RuleContext, rule


@rule(
    code="ANG003",
    name="anggaran.kegiatan_sum_to_program",
    category=Category.ARITHMETIC,
    severity=Severity.ERROR,
    sums_rows=True,
    severity_reason=("disproved: the kegiatan of the program add up to another amount"),
    domain=("R-V07", "R-X01"),
    tables=("anggaran",),
    tolerance=_TOL,
)
def kegiatan_sum_to_program(ctx: RuleContext) -> Iterator[Finding]:
    """The pagu and realisasi of a program equal the sums of its kegiatan.

    Why it matters: the program summary is what the Ikhtisar and Penutup quote; it must be
    the sum of the kegiatan detailed in Bab III.B.
    Fails when: for pagu or realisasi, Σ kegiatan of a program (a kegiatan's own row if
    printed, else the sum of its RO rows) differs from the program row.
    Passes when: every program row reconciles, or no kegiatan of the program is detailed; a
    part without the figure (ANG006) counts only if the printed parts alone exceed the total.
    """
    for fig, parts, prog in _footings(ctx, "program"):
        yield from _footing(ctx, fig, parts, prog, f"program {prog.uraian}", "rincian kegiatan/RO")
