"""CAP003 ``capaian.capped``.

A capaian printed at the cap its table applies (100 %, 110 %) while its figures give more.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.capaian._shared import printed_against_computed
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import label


@rule(
    code="CAP003",
    name="capaian.capped",
    category=Category.ARITHMETIC,
    severity=Severity.INFO,
    severity_reason=(
        "hint: capping is a method some reports follow (PermenPANRB 8/2021 scores), not a "
        "figure the report disproves; the reviewer decides whether the LKj states it"
    ),
    domain=("R-A1",),
    tables=("capaian",),
)
def capaian_capped(ctx: RuleContext) -> Iterator[Finding]:
    """A capaian printed at the cap its table applies while its figures give more.

    Why it matters: DOMAIN.md §2.1 — PermenPANRB 53/2014 knows no cap; a table that prints
    100 % for a realisasi above target hides how far the target was exceeded, and the mean
    capaian quoted from it is not the recomputed one.
    Fails when: a row is printed at 100 % (or 110 %) though realisasi / target gives more,
    and no row of its table is printed above that cap (the table caps throughout; a single
    such row beside higher ones is CAP001's error).
    Passes when: every capaian is printed as computed.
    """
    rows = {r.line: r for r in ctx.rows.capaian}
    for fig in ctx.figures.capaian.indicators:
        if fig.capped_at is None or fig.computed is None:
            continue
        row = rows[fig.line]
        cap = f"{numfmt.number(fig.capped_at)} persen"  # in words: the stated figure is quoted
        decimals = max(row.capaian_dec, 2)  # how far above the cap, not rounded to it
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=label(row),
            column="capaian",
            stated=row.capaian_raw,
            expected=numfmt.pct(fig.computed, decimals, like=row.capaian_raw),
            message=(
                f"{printed_against_computed(row, fig.computed, decimals)}; tabel ini membatasi "
                f"capaian pada {cap} (tidak ada capaian di atasnya). PermenPANRB 53/2014 tidak "
                "mengenal batas capaian: pastikan LKj menyebut metode pembatasan ini dan "
                "sajikan juga capaian sebenarnya."
            ),
            evidence=row.evidence,
        )
