"""CAP002 ``capaian.missing_values``.

Each indicator has a numeric target, a realisasi and a capaian.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import label, val


@rule(
    code="CAP002",
    name="capaian.missing_values",
    category=Category.COMPLETENESS,
    severity=Severity.WARNING,
    severity_reason=(
        "missing: an indicator without a numeric target, realisasi or capaian cannot be measured"
    ),
    domain=("R-A1", "R-S04"),
    tables=("capaian",),
)
def capaian_missing_values(ctx: RuleContext) -> Iterator[Finding]:
    """Each indicator has a numeric target, a realisasi and a capaian.

    Why it matters: without all three the capaian cannot be verified; an empty realisasi
    hides whether the output was produced at all.
    Fails when: the target or realisasi is empty or not a number, the target is zero, or no
    capaian is printed.
    Passes when: target, realisasi and capaian are all present and computable. A realisasi
    printed "-" or "nihil" against a numeric target is nil (realisasi 0: a failed indicator,
    whose capaian CAP001 checks), not a missing value.
    """
    for row in ctx.rows.capaian:
        problems = []
        if val(row, "target") is None:
            problems.append(f"target tidak berupa angka ({row.target_raw or 'kosong'})")
        elif val(row, "target") == 0:
            problems.append("target bernilai 0 sehingga capaian tidak dapat dihitung")
        if val(row, "realisasi") is None:
            problems.append(f"realisasi tidak dicantumkan ({row.realisasi_raw or 'kosong'})")
        if val(row, "capaian") is None:
            problems.append("persentase capaian tidak dicantumkan")
        if not problems:
            continue
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=label(row),
            column="realisasi" if val(row, "realisasi") is None else "target",
            stated=row.realisasi_raw or None,
            message=f"Indikator {label(row)}: " + "; ".join(problems) + ". Lengkapi datanya.",
            evidence=row.evidence,
        )
