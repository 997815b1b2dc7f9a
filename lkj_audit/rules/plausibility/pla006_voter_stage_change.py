"""PLA006 ``plausibility.voter_stage_change``.

Large changes between voter-list stages (DP4 → DPS → DPSHP → DPT) are explained.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from lkj_audit import numfmt
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.plausibility._voters import STAGE_ORDER, _jumlah, _stage_totals
from lkj_audit.rules.registry import RuleContext, rule

_STAGE_CHANGE = Fraction(5, 100)  # R-P03


@rule(
    code="PLA006",
    name="plausibility.voter_stage_change",
    category=Category.PLAUSIBILITY,
    severity=Severity.INFO,
    severity_reason=(
        "hint: a large change between voter-list stages can be legitimate; the reviewer asks for "
        "its explanation"
    ),
    domain=("R-P03",),
    tables=("pemilih",),
    tolerance="5% of the earlier stage",
)
def voter_stage_change(ctx: RuleContext) -> Iterator[Finding]:
    """Large changes between voter-list stages (DP4 → DPS → DPSHP → DPT) are explained.

    Why it matters: each stage corrects the previous one; a change of more than a few percent
    is unusual and the reviewer should find its explanation (new kecamatan, a data clean-up)
    in the text, or suspect a wrong figure.
    Fails when: two consecutive stages, each printed once, differ by more than 5% of the
    earlier one.
    Passes when: every change is within 5%, or fewer than two stages are printed.
    """
    totals = [t for t in _stage_totals(ctx) if t.tahap in STAGE_ORDER]
    stages = [t.tahap for t in totals]
    if len(set(stages)) != len(stages):
        return  # several lists of one stage (Pemilu and Pilkada): the pairing is unclear
    ordered = sorted(totals, key=lambda t: STAGE_ORDER.index(t.tahap))
    for before, after in zip(ordered, ordered[1:], strict=False):
        a, b = _jumlah(before), _jumlah(after)
        if not a or b is None:
            continue
        change = (b - a) / a
        if abs(change) <= _STAGE_CHANGE:
            continue
        yield ctx.finding(
            line=int(after.line),
            table=after.table,
            row=after.tahap,
            column="JUMLAH",
            stated=after.jumlah_raw,
            message=(
                f"Jumlah {after.tahap} {numfmt.quoted(after.jumlah_raw)} berubah "
                f"{numfmt.pct(change * 100, 2)} dari {before.tahap} "
                f"{numfmt.quoted(before.jumlah_raw)}; perubahan di atas 5% perlu "
                "dijelaskan dalam laporan."
            ),
            evidence=after.evidence,
        )
