"""XTB007 ``cross_table.indicator_under_one_sasaran``.

An indicator (RO code) is measured under one sasaran only.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.load.rows import IndicatorRow
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import label
from lkj_audit.rules.support.figures import (
    capaian_rows,
    ro_name,
    sasaran_key,
)


@rule(
    code="XTB007",
    name="cross_table.indicator_under_one_sasaran",
    category=Category.CROSS_TABLE,
    severity=Severity.WARNING,
    severity_reason=("inconsistent: one indicator counted under two sasaran"),
    domain=("R-S04", "R-V02"),
    tables=("capaian",),
    tolerance="same RO code, or the same indicator name after normalisation",
)
def indicator_under_one_sasaran(ctx: RuleContext) -> Iterator[Finding]:
    """An indicator (RO code) is measured under one sasaran only.

    Why it matters: the same output reported as the indicator of two sasaran counts one
    achievement twice and leaves one of the sasaran without its own measure.
    Fails when: the same RO code, or the same indicator name, appears in the capaian tables
    of two different sasaran.
    Passes when: each indicator belongs to one sasaran.
    """
    first: dict[str, IndicatorRow] = {}
    for row in capaian_rows(ctx):
        key = row.kode if row.kode is not None else ro_name(row.indikator)
        if not key:
            continue
        prev = first.setdefault(key, row)
        if prev is row or sasaran_key(prev) == sasaran_key(row):
            continue
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=label(row),
            column="indikator",
            stated=row.indikator,
            message=(
                f"Indikator {label(row)} dipakai untuk {sasaran_key(row)} dan juga untuk "
                f"{sasaran_key(prev)} (baris {prev.line}); setiap sasaran perlu indikatornya "
                "sendiri agar capaiannya tidak dihitung dua kali."
            ),
            evidence=row.evidence,
        )
