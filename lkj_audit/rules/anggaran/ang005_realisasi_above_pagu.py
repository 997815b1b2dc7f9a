"""ANG005 ``anggaran.realisasi_above_pagu``.

Realisasi never exceeds pagu.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.anggaran._shared import _FootsCache, _row_slip_hint
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import label, val


@rule(
    code="ANG005",
    name="anggaran.realisasi_above_pagu",
    category=Category.PLAUSIBILITY,
    severity=Severity.ERROR,
    severity_reason=("disproved: the row's own pagu caps its realisasi"),
    domain=("R-B01",),
    tables=("anggaran",),
    tolerance="exact (integer rupiah)",
)
def realisasi_above_pagu(ctx: RuleContext) -> Iterator[Finding]:
    """Realisasi never exceeds pagu.

    Why it matters: spending above the ceiling is not allowed in the DIPA; in a report it is
    almost always a typing slip (a digit or a thousands group too many) that distorts totals.
    Fails when: a row's realisasi is greater than its pagu.
    Passes when: realisasi ≤ pagu on every row where both are printed.
    """
    foots: _FootsCache = {}
    for row in ctx.rows.anggaran:
        pagu, real = val(row, "pagu"), val(row, "realisasi")
        if pagu is None or real is None or real <= pagu:
            continue
        hint = _row_slip_hint(row, ctx.rows.anggaran, foots)
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=label(row),
            column="realisasi",
            stated=row.realisasi_raw,
            expected=f"≤ {row.pagu_raw}",
            message=(
                f"Realisasi {label(row)} {numfmt.quoted(row.realisasi_raw)} melebihi pagunya "
                f"{numfmt.quoted(row.pagu_raw)}; "
                f"realisasi tidak boleh melampaui pagu.{hint}"
            ),
            evidence=row.evidence,
        )
