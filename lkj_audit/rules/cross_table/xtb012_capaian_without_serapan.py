"""XTB012 ``cross_table.capaian_without_serapan``.

An output reported as achieved (≥ 100%) has budget actually spent on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from lkj_audit import numfmt
from lkj_audit.load.rows import BudgetRow
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import val
from lkj_audit.rules.support.figures import (
    capaian_rows,
    printed_capaian,
    recomputed_capaian,
)

_LOW_SERAPAN = Fraction(1)  # percent: below this the output was in effect not financed


def _budget_row(ctx: RuleContext, kode: str) -> BudgetRow | None:
    return next((b for b in ctx.rows.anggaran if b.level == "ro" and b.kode == kode), None)


@rule(
    code="XTB012",
    name="cross_table.capaian_without_serapan",
    category=Category.CROSS_TABLE,
    severity=Severity.WARNING,
    severity_reason=("inconsistent: an output achieved with no budget spent needs an explanation"),
    domain=("R-E01", "R-A6", "R-C03"),
    tables=("capaian", "anggaran"),
    tolerance="realisasi anggaran 0, or serapan below 1%",
)
def capaian_without_serapan(ctx: RuleContext) -> Iterator[Finding]:
    """An output reported as achieved (≥ 100%) has budget actually spent on it.

    Why it matters: an RO with its target realised but no rupiah spent is either not really
    produced, financed elsewhere (to be explained), or paired with the wrong budget line; the
    efficiency analysis would otherwise show an impossible "100% for free".
    Fails when: an indicator with an RO code has realisasi ≥ target (recomputed capaian
    ≥ 100%) while the budget row of the same RO shows realisasi 0 or serapan below 1%.
    Passes when: every achieved output shows spending, or it has no budget row (see XTB003).
    """
    for row in capaian_rows(ctx):
        if row.kode is None:
            continue
        cap = recomputed_capaian(row)
        b = _budget_row(ctx, row.kode)
        if cap is None or cap < 100 or b is None:
            continue
        pagu, real = val(b, "pagu"), val(b, "realisasi")
        if pagu is None or real is None or pagu == 0 or real * 100 / pagu >= _LOW_SERAPAN:
            continue
        serapan = numfmt.pct(real * 100 / pagu, 2, like=b.pct_raw or None)
        printed = printed_capaian(row)
        shown = (
            f"{numfmt.quoted(row.capaian_raw)}, dihitung ulang {numfmt.pct(cap, 2)}"
            if printed != cap
            else numfmt.quoted(row.capaian_raw)
        )
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=row.kode,
            column="capaian",
            stated=row.capaian_raw or numfmt.pct(cap, 2),
            expected=f"serapan {serapan}",
            message=(
                f"Output {row.kode} dilaporkan tercapai (realisasi "
                f"{numfmt.quoted(row.realisasi_raw)} dari target {numfmt.quoted(row.target_raw)}; "
                f"capaian {shown}), tetapi realisasi anggarannya "
                f"{numfmt.quoted(b.realisasi_raw) if b.realisasi_raw else 'kosong'} dari pagu "
                f"{numfmt.quoted(b.pagu_raw)} (serapan {numfmt.pct(real * 100 / pagu, 2)}, "
                f"baris {b.line}); jelaskan sumber "
                "pembiayaannya atau periksa pasangan kode output dan anggaran."
            ),
            evidence=row.evidence,
        )
