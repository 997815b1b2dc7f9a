"""ANG006 ``anggaran.missing_amount``.

Every budget row prints both its pagu and its realisasi.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.load.rows import BudgetRow
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
    Passes when: both amounts are printed on every row (a dash states one nil), or a
    program/kegiatan header without any amount stands over its own rows.
    """
    rows = ctx.rows.anggaran
    for k, row in enumerate(rows):
        if row.level == "total" or _header_without_amounts(row, rows[k + 1 : k + 2]):
            continue
        for column in ("pagu", "realisasi"):
            raw = row.pagu_raw if column == "pagu" else row.realisasi_raw
            if val(row, column) is not None or f"{column}:" in row.doubt or _is_dash(raw):
                continue  # a dash states the amount nil: nothing is missing
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


_DEPTH = {"program": 0, "kegiatan": 1, "ro": 2}


def _is_dash(raw: str) -> bool:
    return raw.strip() in {"-", "–", "—"}


def _header_without_amounts(row: BudgetRow, after: tuple[BudgetRow, ...]) -> bool:
    """A program or kegiatan printed as a header over its own rows, with no amount at all.

    Its figures are the rows below it (and the "Sub Jumlah" closing them, if printed):
    nothing is missing that could be recomputed.
    """
    if row.pagu_raw or row.realisasi_raw or row.pct_raw or not after:
        return False
    nxt = after[0]
    return nxt.table == row.table and _DEPTH.get(nxt.level, -1) > _DEPTH.get(row.level, 9)
