"""PML004 ``pemilih.participation_sums``.

In a participation table, the DPT, pengguna hak pilih and tidak menggunakan columns of the
wilayah rows add up to the total row.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.pemilih._participation import by_table, where
from lkj_audit.rules.pemilih._shared import column_footing
from lkj_audit.rules.registry import RuleContext, rule

_LABELS = {"dpt": "DPT", "pengguna": "pengguna hak pilih", "tidak": "tidak menggunakan hak pilih"}


@rule(
    code="PML004",
    name="pemilih.participation_sums",
    category=Category.ARITHMETIC,
    severity=Severity.ERROR,
    sums_rows=True,
    severity_reason="disproved: the wilayah rows add up to another total",
    domain=("R-P02", "R-X01"),
    tables=("partisipasi",),
    tolerance="exact",
)
def participation_sums(ctx: RuleContext) -> Iterator[Finding]:
    """The wilayah rows of a participation table add up to its total row.

    Why it matters: the total participation is the figure reported as the IKU realisasi;
    it must be made of the kecamatan (or kabupaten/kota) it sums.
    Fails when: for DPT, pengguna or tidak menggunakan, Σ wilayah rows ≠ the Jumlah row.
    Passes when: every column adds up, or the table has no separate total row.
    """
    # A table split by sex is footed as a voter table (PML002): its rows are not summed here.
    for rows in by_table(tuple(r for r in ctx.rows.partisipasi if not r.sex)).values():
        totals = [r for r in rows if r.is_total]
        parts = [r for r in rows if not r.is_total]
        if len(totals) != 1 or len(parts) < 2:
            continue
        total = totals[0]
        for column, label in _LABELS.items():
            t = getattr(total, column)
            values = [getattr(p, column) for p in parts]
            if t is None or any(v is None for v in values):
                continue
            finding = column_footing(
                ctx,
                subject=f"{label} pada tabel partisipasi",
                total=(
                    total.line,
                    total.table,
                    where(total),
                    column.upper(),
                    t,
                    getattr(total, f"{column}_raw"),
                    total.evidence,
                ),
                parts=[
                    (p.wilayah, v, getattr(p, f"{column}_raw"))
                    for p, v in zip(parts, values, strict=True)
                ],
            )
            if finding is not None:
                yield finding
