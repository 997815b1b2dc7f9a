"""PML003 ``pemilih.participation_rate``.

On every row of a participation table, the printed percentage equals pengguna hak pilih / DPT
× 100 at its printed precision, and pengguna + tidak menggunakan = DPT when both are printed.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from lkj_audit import numfmt, recompute
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.pemilih._participation import where
from lkj_audit.rules.registry import RuleContext, rule


@rule(
    code="PML003",
    name="pemilih.participation_rate",
    category=Category.ARITHMETIC,
    severity=Severity.ERROR,
    severity_reason=(
        "disproved: the printed pengguna and DPT give another percentage, or do not add up "
        "with the voters who did not vote"
    ),
    domain=("R-P01", "R-X01"),
    tables=("partisipasi",),
    tolerance="the printed precision of the percentage (rounded or truncated); counts exact",
)
def participation_rate(ctx: RuleContext) -> Iterator[Finding]:
    """The participation percentage of each row equals pengguna hak pilih / DPT × 100.

    Why it matters: participation is the KPU's main outcome indicator (IKU "tingkat
    partisipasi pemilih"); a percentage that its own row does not give was miscopied or
    computed from other figures.
    Fails when: pengguna / DPT × 100 does not round (or truncate) to the printed percentage
    (on a table split L | P, the rate of each sex printed), or pengguna + tidak menggunakan
    hak pilih ≠ DPT on a row where all three are printed.
    Passes when: every row's figures agree.
    """
    for row in ctx.rows.partisipasi:
        dpt, used, unused = row.dpt, row.pengguna, row.tidak
        if dpt is None or used is None:
            continue
        if unused is not None and used + unused != dpt:
            yield ctx.finding(
                line=row.line,
                table=row.table,
                row=where(row),
                column="DPT",
                stated=row.dpt_raw,
                expected=numfmt.rupiah(used + unused, like=row.dpt_raw),
                message=(
                    f"Pada {where(row)}, pengguna hak pilih {numfmt.quoted(row.pengguna_raw)} + "
                    f"tidak menggunakan {numfmt.quoted(row.tidak_raw)} = "
                    f"{numfmt.count(int(used + unused))}, bukan DPT {numfmt.quoted(row.dpt_raw)} "
                    f"(selisih {numfmt.count(int(dpt - used - unused))})."
                ),
                evidence=row.evidence,
            )
        if row.pct is None or dpt <= 0:
            continue
        computed = Fraction(int(used)) * 100 / int(dpt)
        printed = Fraction(str(row.pct))  # exact: pct is the printed decimal
        lo, hi = recompute.agreeing(printed, row.pct_dec)
        if lo <= computed < hi:
            continue
        expected = numfmt.pct(computed, row.pct_dec, like=row.pct_raw)
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=where(row),
            column="PARTISIPASI",
            stated=row.pct_raw,
            expected=expected,
            message=(
                f"Persentase {where(row)} tertulis {numfmt.quoted(row.pct_raw)}, padahal "
                f"pengguna hak pilih {numfmt.quoted(row.pengguna_raw)} / DPT "
                f"{numfmt.quoted(row.dpt_raw)} × 100 = {expected}."
            ),
            evidence=row.evidence,
        )
