"""XTB004 ``cross_table.budget_ro_in_capaian``.

Budget ROs without a capaian indicator are listed once for the reviewer.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.load.rows import BudgetRow
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule


@rule(
    code="XTB004",
    name="cross_table.budget_ro_in_capaian",
    category=Category.CROSS_TABLE,
    severity=Severity.INFO,
    severity_reason=("hint: budget outputs without an indicator, listed once for the reviewer"),
    domain=("R-C03", "R-A7"),
    tables=("anggaran", "capaian"),
    tolerance="exact code",
)
def budget_ro_in_capaian(ctx: RuleContext) -> Iterator[Finding]:
    """Budget ROs without a capaian indicator are listed once for the reviewer.

    Why it matters: outputs that consume budget but whose performance is not reported weaken
    the link between resources and results; it is common (PK indicators sit at sasaran level),
    so the reviewer only needs the list.
    Fails when: the capaian tables cite RO codes and some budget RO codes are not among them
    (one finding for the whole report).
    Passes when: every budget RO has a capaian indicator, or the capaian tables cite no RO
    codes (indicators are not output-based).
    """
    cited = {r.kode for r in ctx.rows.capaian if r.kode is not None}
    budget = ctx.rows.anggaran
    if not cited or not budget:
        return
    missing: dict[str, BudgetRow] = {}  # each code once, at its first row
    for r in budget:
        if r.level == "ro" and r.kode is not None and r.kode not in cited:
            missing.setdefault(r.kode, r)
    if not missing:
        return
    codes = list(missing)
    first = missing[codes[0]]
    shown = ", ".join(codes[:12]) + (f" dan {len(codes) - 12} lainnya" if len(codes) > 12 else "")
    yield ctx.finding(
        line=first.line,
        table=first.table,
        row=first.kode,
        column="kode",
        stated=str(len(codes)),
        message=(
            f"{len(codes)} RO di tabel realisasi anggaran tidak memiliki indikator di tabel "
            f"capaian kinerja: {shown}. Pastikan capaian output yang dibiayai ini dilaporkan "
            "atau dijelaskan."
        ),
        evidence=first.evidence,
    )
