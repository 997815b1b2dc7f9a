"""ANG006 ``anggaran.missing_amount``.

Every budget row prints both its pagu and its realisasi.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import label, val


@rule(
    code="ANG006",
    name="anggaran.missing_amount",
    category=Category.COMPLETENESS,
    severity=Severity.WARNING,
    severity_reason=(
        'missing: a budget row without its amount cannot be recomputed; cosmetic: a bare "(0%)"'
        " beside no realisasi states nothing to recompute"
    ),
    domain=("R-S05",),
    tables=("anggaran",),
)
def missing_amount(ctx: RuleContext) -> Iterator[Finding]:
    """Every budget row prints both its pagu and its realisasi.

    Why it matters: a row without realisasi cannot be recomputed and hides whether the
    budget was used; a bare "(0%)" is not a figure.
    Fails when: a non-total row lacks pagu or realisasi (info when a bare "(0%)" stands in).
    Passes when: both amounts are printed on every row.
    """
    for row in ctx.rows.anggaran:
        if row.level == "total":
            continue
        for column in ("pagu", "realisasi"):
            if val(row, column) is not None or f"{column}:" in row.doubt:
                continue
            implied = (
                f" (hanya tertulis persentase {numfmt.quoted(row.pct_raw)})" if row.pct_raw else ""
            )
            yield ctx.finding(
                line=row.line,
                table=row.table,
                row=label(row),
                column=column,
                stated=(row.pagu_raw if column == "pagu" else row.realisasi_raw) or None,
                severity=Severity.INFO if column == "realisasi" and row.pct == 0 else None,
                message=(
                    f"Nilai {column} untuk {label(row)} tidak dicantumkan{implied}; "
                    "lengkapi angkanya agar dapat dihitung ulang."
                ),
                evidence=row.evidence,
            )
