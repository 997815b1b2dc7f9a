"""XTB003 ``cross_table.capaian_ro_in_budget``.

Every RO cited in the capaian tables appears in the budget realisation table.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.load.rows import BudgetRow
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule


def _budget_ro_codes(budget: tuple[BudgetRow, ...]) -> set[str]:
    return {r.kode for r in budget if r.level == "ro" and r.kode is not None}


@rule(
    code="XTB003",
    name="cross_table.capaian_ro_in_budget",
    category=Category.CROSS_TABLE,
    severity=Severity.WARNING,
    severity_reason=("inconsistent: an output reported without its budget row"),
    domain=("R-C03", "R-S05"),
    tables=("capaian", "anggaran"),
    tolerance="exact code",
)
def capaian_ro_in_budget(ctx: RuleContext) -> Iterator[Finding]:
    """Every RO cited in the capaian tables appears in the budget realisation table.

    Why it matters: an output whose capaian is reported but which has no budget line cannot be
    tied to the resources used (R-S05, efficiency); usually the code is wrong or the budget
    table is incomplete.
    Fails when: a capaian indicator cites an RO code that no budget RO row carries, while the
    budget details that kegiatan by RO or does not list the kegiatan at all.
    Passes when: every cited RO is in the budget, or the budget details its kegiatan only at
    kegiatan level (nothing to compare), or the report has no budget table.
    """
    budget = ctx.rows.anggaran
    if not budget:
        return
    ros = _budget_ro_codes(budget)
    seen: set[str] = set()
    for row in ctx.rows.capaian:
        code = row.kode
        if code is None or code in ros or code in seen:
            continue
        seen.add(code)
        keg = code[:4]
        siblings = sorted(c for c in ros if c.startswith(keg + "."))
        if siblings:
            why = f"kegiatan {keg} di tabel anggaran hanya memuat RO {', '.join(siblings)}"
        elif any(r.kegiatan == keg for r in budget):
            continue  # kegiatan shown only as a whole: the RO cannot be checked
        else:
            why = f"kegiatan {keg} pun tidak ada di tabel realisasi anggaran"
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=code,
            column="kode",
            stated=code,
            message=(
                f"Indikator {code} dilaporkan capaiannya, tetapi RO ini tidak ada di tabel "
                f"realisasi anggaran ({why}); periksa kodenya atau lengkapi tabel anggaran."
            ),
            evidence=row.evidence,
        )
