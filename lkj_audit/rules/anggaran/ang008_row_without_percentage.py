"""ANG008 ``anggaran.row_without_percentage``.

Every budget row that prints its pagu and realisasi also prints its serapan %.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import label, val


@rule(
    code="ANG008",
    name="anggaran.row_without_percentage",
    category=Category.COMPLETENESS,
    severity=Severity.WARNING,
    severity_reason=(
        "missing: the serapan % of a budget row (R-S05: pagu, realisasi, %) is not printed"
    ),
    domain=("R-S05", "R-V07"),
    tables=("anggaran",),
    tolerance="none: a % is printed or it is not",
)
def row_without_percentage(ctx: RuleContext) -> Iterator[Finding]:
    """Every budget row that prints its pagu and realisasi also prints its serapan %.

    Why it matters: Bab III.B reports the budget used for the performance as pagu, realisasi
    and % (R-S05); a row whose % is left out, while the other rows print theirs, is the row a
    reader cannot compare and that ANG001 cannot cross-foot (often the last table, added
    later without the percentage).
    Fails when: a budget row prints both pagu and realisasi but no percentage, while another
    budget row of the report prints one (one finding per row); or no budget row of the report
    prints a percentage at all (one finding, at the first budget row).
    Passes when: every budget row with both amounts prints its %; rows lacking an amount are
    ANG006's concern.
    """
    rows = ctx.rows.anggaran
    complete = [r for r in rows if val(r, "pagu") is not None and val(r, "realisasi") is not None]
    bare = [r for r in complete if not str(r.pct_raw).strip()]
    if not bare:
        return
    if all(not str(r.pct_raw).strip() for r in rows):
        first = rows[0]
        yield ctx.finding(
            line=first.line,
            table=first.table,
            column="persentase realisasi",
            message=(
                "Tabel realisasi anggaran tidak mencantumkan persentase realisasi (serapan) "
                "pada satu baris pun; cantumkan persentase realisasi terhadap pagu untuk setiap "
                "program, kegiatan dan output (PermenPANRB 53/2014, Bab III.B)."
            ),
            evidence=first.evidence,
        )
        return
    for row in bare:
        pagu, real = val(row, "pagu"), val(row, "realisasi")
        serapan = (
            f" (hasil hitung: {numfmt.pct(real * 100 / pagu, 2)})"
            if pagu and real is not None
            else ""
        )
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=label(row),
            column="persentase realisasi",
            message=(
                f"Baris {label(row)} mencantumkan pagu {numfmt.quoted(row.pagu_raw)} dan "
                f"realisasi {numfmt.quoted(row.realisasi_raw)} tanpa persentase realisasinya"
                f"{serapan}, padahal baris anggaran lain mencantumkannya; lengkapi persentase "
                "serapan baris ini."
            ),
            evidence=row.evidence,
        )
