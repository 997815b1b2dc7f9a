"""PML001 ``pemilih.lk_plus_pr``.

Male plus female voters equal the printed total on every row.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.pemilih._shared import _where
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import footing_slip_hint, val


@rule(
    code="PML001",
    name="pemilih.lk_plus_pr",
    category=Category.ARITHMETIC,
    severity=Severity.ERROR,
    severity_reason=("disproved: LK + PR of the same row give another total"),
    domain=("R-P01", "R-X01"),
    tables=("pemilih",),
    tolerance="exact (voters are counted, never rounded)",
)
def lk_plus_pr(ctx: RuleContext) -> Iterator[Finding]:
    """Male plus female voters equal the printed total on every row.

    Why it matters: voter counts are legal figures (penetapan DPT); a row that does not add
    up means one of the three numbers was copied wrongly.
    Fails when: LK + PR ≠ JUMLAH on a row where all three are printed.
    Passes when: every row adds up exactly.
    """
    for row in ctx.rows.pemilih:
        lk, pr, jml = val(row, "lk"), val(row, "pr"), val(row, "jumlah")
        if lk is None or pr is None or jml is None or lk + pr == jml:
            continue
        hint = footing_slip_hint(
            [("LK", int(lk), row.lk_raw), ("PR", int(pr), row.pr_raw)],
            ("JUMLAH", int(jml), row.jumlah_raw),
            int(jml - lk - pr),
            rupiah=False,
        )
        expected = numfmt.rupiah(lk + pr, like=row.jumlah_raw)
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=_where(row),
            column="JUMLAH",
            stated=row.jumlah_raw,
            expected=expected,
            message=(
                f"Jumlah pemilih {_where(row)} tertulis {numfmt.quoted(row.jumlah_raw)}, "
                f"padahal LK {numfmt.quoted(row.lk_raw)} + PR {numfmt.quoted(row.pr_raw)} = "
                f"{numfmt.count(int(lk + pr))} (selisih {numfmt.count(int(jml - lk - pr))}).{hint}"
            ),
            evidence=row.evidence,
        )
