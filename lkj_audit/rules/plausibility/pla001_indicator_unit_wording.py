"""PLA001 ``plausibility.indicator_unit_wording``.

An indicator worded as a percentage has a % target; one worded as a count has a count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.load.numbers import parse_volume
from lkj_audit.load.rows import IndicatorRow, PkRow
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import label

_PERCENT_WORDING = re.compile(r"(?i)^\W*(persentase|prosentase|presentase|persen)\b")


_COUNT_WORDING = re.compile(r"(?i)^\W*(jumlah|banyaknya)\b")


_QUALITATIVE = re.compile(r"(?i)^(WTP|WDP|TMP|TW|tepat\s+waktu|sangat\s+baik|baik|AA|BB|CC|[ABC])$")


def _target_kind(raw: str) -> str | None:
    """'%', 'count' (number + unit word), 'qualitative' (WTP…), or None (bare number, empty)."""
    vol = parse_volume(raw or "")
    if vol is None:
        return None
    if vol.is_percent:
        return "%"
    if vol.number is None:
        return "qualitative" if _QUALITATIVE.match(raw.strip()) else None
    return "count" if re.match(r"[A-Za-z]{2,}", vol.unit) else None


def _wording_problem(indikator: str, raw: str) -> str | None:
    percent, count = _PERCENT_WORDING.match(indikator), _COUNT_WORDING.match(indikator)
    if not (percent or count):
        return None  # neither wording: the target is not read at all
    kind = _target_kind(raw)
    if percent and kind in ("count", "qualitative"):
        what = "jumlah dengan satuan" if kind == "count" else "nilai kualitatif"
        return f"indikator berbentuk persentase, tetapi targetnya {what} {numfmt.quoted(raw)}"
    if count and kind in ("%", "qualitative"):
        what = "persentase" if kind == "%" else "nilai kualitatif"
        return f"indikator berbentuk jumlah, tetapi targetnya {what} {numfmt.quoted(raw)}"
    return None


def _indicator_rows(ctx: RuleContext) -> Iterator[tuple[PkRow | IndicatorRow, str, str]]:
    """(row, table kind word, target/realisasi text) for PK/RKT and capaian indicators."""
    for pk in ctx.rows.pk:
        yield pk, "PK/RKT", pk.target_raw
    for row in ctx.rows.capaian:
        yield row, "capaian", row.target_raw
        yield row, "capaian", row.realisasi_raw


@rule(
    code="PLA001",
    name="plausibility.indicator_unit_wording",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    severity_reason=("inconsistent: the indicator's wording and its target's unit disagree"),
    domain=("R-V09",),
    tables=("pk", "capaian"),
)
def indicator_unit_wording(ctx: RuleContext) -> Iterator[Finding]:
    """An indicator worded as a percentage has a % target; one worded as a count has a count.

    Why it matters: "Persentase dokumen RPD tepat waktu" with a target of "4 Kali", or
    "Jumlah laporan" with a target of "WTP", cannot be measured as written: capaian is then
    computed on an undefined scale and the PK is not measurable.
    Fails when: an indicator starting with "Persentase" has a target or realisasi that is a
    count with a unit (Laporan, Dokumen, Kali…) or a qualitative value (WTP), or one starting
    with "Jumlah" has a percentage or qualitative target, in a PK/RKT or capaian table.
    Passes when: wording and units agree, or the target is a bare number or unreadable.
    """
    seen: set[tuple[int, str]] = set()
    for row, where, raw in _indicator_rows(ctx):
        problem = _wording_problem(str(row.indikator), str(raw or ""))
        if problem is None or (row.line, raw) in seen:
            continue
        seen.add((row.line, raw))
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=label(row),
            column="target",
            stated=raw,
            message=(
                f'Indikator {where} "{label(row)}": {problem}. Samakan rumusan indikator '
                "dengan satuan targetnya."
            ),
            evidence=row.evidence,
        )
