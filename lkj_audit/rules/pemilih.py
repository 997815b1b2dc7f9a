"""Voter-table rules (DP4/DPS/DPT): LK + PR = JUMLAH and rows add up (DOMAIN.md §3.3)."""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit import numfmt, recompute
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.common import footing_slip_hint, val
from lkj_audit.rules.registry import RuleContext, rule


def _where(row: object) -> str:
    tahap = getattr(row, "tahap", None) or "daftar pemilih"
    wilayah = getattr(row, "wilayah", "")
    return tahap if wilayah in ("", tahap) else f"{tahap} {wilayah}"


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
    for row in ctx.tables.pemilih.itertuples():
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


@rule(
    code="PML002",
    name="pemilih.rows_sum_to_total",
    category=Category.ARITHMETIC,
    severity=Severity.ERROR,
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
    df = ctx.tables.pemilih
    for _, rows in df.groupby("table", sort=False):
        totals = rows[rows.is_total]
        parts = rows[~rows.is_total]
        if totals.empty or parts.empty:
            continue
        total = next(totals.itertuples())
        for column in ("lk", "pr", "jumlah", "tps"):
            t = val(total, column)
            values = [val(p, column) for p in parts.itertuples()]
            if t is None or any(v is None for v in values):
                continue
            s = recompute.column_sum(values)
            if s == t:
                continue
            raw = getattr(total, f"{column}_raw", "") or numfmt.number(t)
            labelled = [
                (p.wilayah, int(v), getattr(p, f"{column}_raw", str(v)))
                for p, v in zip(parts.itertuples(), values, strict=True)
                if v is not None  # every one is: checked above
            ]
            hint = footing_slip_hint(labelled, ("total", int(t), raw), int(t - s), rupiah=False)
            yield ctx.finding(
                line=total.line,
                table=total.table,
                row=_where(total),
                column=column.upper(),
                stated=raw,
                expected=numfmt.rupiah(s, like=raw),
                message=(
                    f"Total {column.upper()} {_where(total)} tertulis {numfmt.quoted(raw)}, "
                    f"tetapi jumlah {len(values)} baris wilayah = {numfmt.count(int(s))}.{hint}"
                ),
                evidence=total.evidence,
            )
