"""CMP007 ``completeness.indicator_table_columns``.

Indicator tables of Bab III have both a target and a realisasi column.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.load import columns as col
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.completeness._shared import _short, is_trend_by_year
from lkj_audit.rules.registry import RuleContext, rule


@rule(
    code="CMP007",
    name="completeness.indicator_table_columns",
    category=Category.COMPLETENESS,
    severity=Severity.WARNING,
    severity_reason=("missing: an indicator table without its target or realisasi column"),
    domain=("R-A1",),
)
def indicator_table_columns(ctx: RuleContext) -> Iterator[Finding]:
    """Indicator tables of Bab III have both a target and a realisasi column.

    Why it matters: capaian is realisasi against target; a Bab III table listing indicators
    with targets but no realisasi (or realisasi without targets) reports no achievement.
    Fails when: a Bab III table (not a PK table) has an indicator column and only one of the
    target / realisasi columns.
    Passes when: every such table has both (missing values in them are CAP002's concern), or
    the table is a trend of realisasi with one column per year (three years or more).
    """
    bab3 = ctx.doc.chapter("bab3")
    for t in ctx.doc.tables:
        if bab3 is None or not bab3.contains(t.line) or t.kind == "pk" or not t.rows:
            continue
        head = col.header_words(t)
        if "indikator" not in head or ("target" in head) == ("realisasi" in head):
            continue
        lacking = "realisasi" if "target" in head else "target"
        if lacking == "target" and is_trend_by_year(head):
            continue
        yield ctx.finding(
            line=t.line,
            table=t.id,
            column=lacking,
            message=(
                f'Tabel indikator "{_short(t.caption)}" tidak memiliki kolom {lacking}; '
                "capaian tidak dapat dinilai."
            ),
        )
