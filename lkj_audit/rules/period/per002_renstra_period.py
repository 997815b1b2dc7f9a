"""PER002 ``period.renstra_period``.

The Renstra period is cited the same way everywhere and covers the reporting year.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.load.mentions.renstra import (
    expected_renstra,
)
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.period._shared import _other_period_on_purpose
from lkj_audit.rules.registry import RuleContext, rule


@rule(
    code="PER002",
    name="period.renstra_period",
    category=Category.PERIOD,
    severity=Severity.WARNING,
    severity_reason=(
        "inconsistent: a stale Renstra period in boilerplate misstates no result (policy "
        "example); hint: a consistent period other than the KPU cycle, for the reviewer to "
        "confirm"
    ),
    domain=("R-V04",),
    tolerance="exact period",
)
def renstra_period(ctx: RuleContext) -> Iterator[Finding]:
    """The Renstra period is cited the same way everywhere and covers the reporting year.

    Why it matters: the Renstra is the medium-term plan the year's targets come from; a report
    that cites 2015–2019 in one place and 2021–2024 in another cannot be measured against
    the right plan, and usually contains text copied from another period.
    Fails when: a "Rencana Strategis/Renstra … YYYY–YYYY" mention does not cover the reporting
    year, or differs from the period the report should cite (the KPU cycle covering the year,
    e.g. 2020–2024 for 2024; option ``renstra_period`` overrides) while that period is cited
    elsewhere. A consistent non-KPU period covering the year is reported as info.
    Passes when: every Renstra mention names the same period, which covers the year.
    """
    mentions = ctx.doc.mentions.renstra
    if not mentions:
        return
    expected = expected_renstra(ctx.year, ctx.options.get("renstra_period"))
    covering = Counter((m.start, m.end) for m in mentions if m.start <= ctx.year <= m.end)
    dominant = expected if expected in covering or not covering else covering.most_common(1)[0][0]
    want = f"{dominant[0]}-{dominant[1]}"
    for m in mentions:
        covers = m.start <= ctx.year <= m.end
        if (m.start, m.end) == dominant and covers or _other_period_on_purpose(m, dominant):
            continue
        why = (
            f"tidak mencakup tahun laporan {ctx.year}"
            if not covers
            else f"berbeda dengan periode {want} yang disebut di bagian lain laporan"
        )
        yield ctx.finding(
            line=m.line,
            row=m.raw,
            stated=m.period,
            expected=want,
            message=(
                f"Renstra disebut {numfmt.quoted(m.raw)}: periodenya {why}; seharusnya {want}. "
                "Seragamkan periode Renstra di seluruh laporan."
            ),
        )
    if dominant != expected:
        first = next(m for m in mentions if (m.start, m.end) == dominant)
        yield ctx.finding(
            line=first.line,
            row=first.raw,
            stated=first.period,
            expected=f"{expected[0]}-{expected[1]}",
            severity=Severity.INFO,
            message=(
                f"Laporan menyebut {numfmt.quoted(first.raw)}, bukan periode Renstra KPU "
                f"{expected[0]}-{expected[1]} yang mencakup tahun {ctx.year}; pastikan periode "
                "ini benar."
            ),
        )
