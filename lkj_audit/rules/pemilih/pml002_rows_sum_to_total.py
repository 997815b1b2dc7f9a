"""PML002 ``pemilih.rows_sum_to_total``.

In a per-kecamatan voter table, the kecamatan rows add up to the total row.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.load.rows import VoterRow
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.pemilih._shared import _where, column_footing
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import val


def _raw(row: VoterRow, column: str) -> str:
    """The printed text of a figure ('' for TPS, which is read without it)."""
    return {"lk": row.lk_raw, "pr": row.pr_raw, "jumlah": row.jumlah_raw}.get(column, "")


@rule(
    code="PML002",
    name="pemilih.rows_sum_to_total",
    category=Category.ARITHMETIC,
    severity=Severity.ERROR,
    sums_rows=True,
    severity_reason=("disproved: the kecamatan rows add up to another total"),
    domain=("R-P02", "R-X01"),
    tables=("pemilih",),
    tolerance="exact",
)
def rows_sum_to_total(ctx: RuleContext) -> Iterator[Finding]:
    """In a per-kecamatan voter table, the kecamatan rows add up to the total row.

    Why it matters: the kabupaten total is the figure quoted elsewhere; it must be the sum
    of the kecamatan it is made of.
    Fails when: for LK, PR, JUMLAH or TPS, Σ kecamatan rows ≠ the Jumlah/Total row.
    Passes when: every column adds up, or the table has no separate total row.
    """
    by_table: dict[str, list[VoterRow]] = {}
    for r in ctx.rows.pemilih:
        by_table.setdefault(r.table, []).append(r)
    for rows in by_table.values():
        totals = [r for r in rows if r.is_total]
        parts = [r for r in rows if not r.is_total]
        if not totals or not parts:
            continue
        total = totals[0]
        for column in ("lk", "pr", "jumlah", "tps"):
            t = val(total, column)
            values = [val(p, column) for p in parts]
            if t is None or any(v is None for v in values):
                continue
            finding = column_footing(
                ctx,
                subject=f"{column.upper()} {_where(total)}",
                total=(
                    total.line,
                    total.table,
                    _where(total),
                    column.upper(),
                    t,
                    _raw(total, column) or numfmt.number(t),
                    total.evidence,
                ),
                parts=[
                    (p.wilayah, v, str(v) if column == "tps" else _raw(p, column))
                    for p, v in zip(parts, values, strict=True)
                    if v is not None  # every one is: checked above
                ],
            )
            if finding is not None:
                yield finding
