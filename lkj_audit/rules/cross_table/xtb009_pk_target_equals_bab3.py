"""XTB009 ``cross_table.pk_target_equals_bab3``.

Bab III measures each PK indicator against the target and unit of the PK.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import label, val

_UNIT_ALIASES = {
    "persen": "%",
    "lap": "laporan",
    "dok": "dokumen",
    "keg": "kegiatan",
    "lbg": "lembaga",
}


def _unit(text: str) -> str:
    t = re.sub(r"[^a-z%]", "", (text or "").lower())
    return _UNIT_ALIASES.get(t, t)


def _same_unit(a: str, b: str) -> bool:
    ua, ub = _unit(a), _unit(b)
    return not ua or not ub or ua.startswith(ub) or ub.startswith(ua)


@rule(
    code="XTB009",
    name="cross_table.pk_target_equals_bab3",
    category=Category.CROSS_TABLE,
    severity=Severity.ERROR,
    severity_reason=(
        "disproved: the PK and Bab III print different targets for one indicator; inconsistent: "
        "they print different units"
    ),
    domain=("R-V02", "R-V09"),
    tables=("pk", "capaian"),
    tolerance="exact at printed precision; units compared after abbreviation (Lap = Laporan)",
)
def pk_target_equals_bab3(ctx: RuleContext) -> Iterator[Finding]:
    """Bab III measures each PK indicator against the target and unit of the PK.

    Why it matters: a capaian computed against another target than the one agreed in the PK
    overstates or understates performance; a different unit (Dokumen vs Laporan, % vs
    Lembaga) means another indicator is measured.
    Fails when: a PK indicator and its Bab III indicator both print a numeric target and the
    values differ (error), or both print a unit and the units differ (warning).
    Passes when: targets and units agree for every matched indicator. When the report prints
    the year's PK and its revision ("Perjanjian Kinerja Perubahan"), only the revision binds.
    """
    _, matched = ctx.figures.pk_pairs
    for p, c in matched:
        if c is None:
            continue
        tp, tc = val(p, "target"), val(c, "target")
        if tp is not None and tc is not None and tp != tc:
            yield ctx.finding(
                line=c.line,
                table=c.table,
                row=label(c),
                column="target",
                stated=c.target_raw,
                expected=p.target_raw,
                message=(
                    f"Target indikator {label(c)} di Bab III tertulis "
                    f"{numfmt.quoted(c.target_raw)}, sedangkan Perjanjian Kinerja "
                    f"(baris {p.line}) menetapkan {numfmt.quoted(p.target_raw)}; capaian harus "
                    "diukur terhadap target PK."
                ),
                evidence=c.evidence,
            )
        elif not _same_unit(p.target_unit, c.target_unit):
            yield ctx.finding(
                line=c.line,
                table=c.table,
                row=label(c),
                column="satuan",
                stated=c.target_unit,
                expected=p.target_unit,
                severity=Severity.WARNING,
                message=(
                    f"Satuan target indikator {label(c)} di Bab III ({c.target_unit}) berbeda "
                    "dengan "
                    f"satuan di Perjanjian Kinerja ({p.target_unit}, baris {p.line})."
                ),
                evidence=c.evidence,
            )
