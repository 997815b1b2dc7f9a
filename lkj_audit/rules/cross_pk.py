"""Cross-table rules: the Perjanjian Kinerja (Bab II / Lampiran) against the capaian of Bab III.

DOMAIN.md §1.4 R-V02 (every PK indicator appears in Bab III with the same wording and target;
renamed, missing or extra indicators are flagged) and R-V09 (same unit in PK and Bab III).
Only the satker's own PK binds Bab III; cascaded PK of Kasubbag and the RKT are not compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pandas as pd

from lkj_audit import numfmt
from lkj_audit.load.schema import table_rows
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.recompute.links import MATCH as _MATCH
from lkj_audit.recompute.links import similarity
from lkj_audit.rules._figures import capaian_rows
from lkj_audit.rules.common import label, val
from lkj_audit.rules.registry import RuleContext, rule

_LOOSE = 60  # below _MATCH but above this: a renamed indicator rather than another one
_UNIT_ALIASES = {
    "persen": "%",
    "lap": "laporan",
    "dok": "dokumen",
    "keg": "kegiatan",
    "lbg": "lembaga",
}


def _closest(p: Any, cap: pd.DataFrame) -> str | None:
    """The Bab III indicator most like a PK indicator, when it is at least loosely similar."""
    best = max(table_rows(cap), key=lambda c: similarity(p, c), default=None)
    return best.indikator if best is not None and similarity(p, best) >= _LOOSE else None


def _closest_note(p: Any, cap: pd.DataFrame) -> str:
    name = _closest(p, cap)
    return f" Yang paling mirip di Bab III: '{name}' (kemungkinan diubah namanya)." if name else ""


@rule(
    code="XTB008",
    name="cross_table.pk_indicator_in_bab3",
    category=Category.CROSS_TABLE,
    severity=Severity.ERROR,
    severity_reason=(
        "pk-unmeasured: not one PK indicator is measured in Bab III; unproven: one PK indicator "
        "without a Bab III match may only be renamed; hint: a Bab III indicator the PK does not "
        "list"
    ),
    domain=("R-V02", "R-S03", "R-S04"),
    tables=("pk", "capaian"),
    tolerance=f"same RO code, or fuzzy name similarity ≥ {_MATCH}",
)
def pk_indicator_in_bab3(ctx: RuleContext) -> Iterator[Finding]:
    """Every indicator of the satker's Perjanjian Kinerja is reported in Bab III, and no other.

    Why it matters: the LKj must report the performance promised in the PK; an LKj whose Bab III
    measures other indicators is "tidak selaras dengan perjanjian kinerja" (zero on that KKE
    criterion), and a PK indicator left out hides a result.
    Fails when: a PK indicator has no Bab III indicator with the same code or a similar name
    (one error for the whole PK when none is reported, else a warning each); a Bab III indicator
    that is
    not in the PK is reported for information.
    Passes when: PK and Bab III list the same indicators, or the report has no PK or no
    capaian table.
    """
    pk, matched = ctx.figures.pk_pairs
    cap = capaian_rows(ctx)
    if pk.empty or cap.empty:
        return
    hits = [c for _, c in matched if c is not None]
    if not hits and len(matched) > 1:
        first = next(table_rows(pk))
        shown = "; ".join(label(c) for c in cap.drop_duplicates("indikator").head(5).itertuples())
        yield ctx.finding(
            line=first.line,
            table=first.table,
            row="Perjanjian Kinerja",
            column="indikator",
            stated=str(len(matched)),
            message=(
                f"Tidak satu pun dari {len(matched)} indikator Perjanjian Kinerja "
                f"({first.pihak or first.table}) dilaporkan di tabel capaian Bab III, yang "
                f"justru mengukur: {shown}. Capaian harus "
                "dilaporkan untuk indikator yang diperjanjikan."
            ),
            evidence=first.evidence,
        )
        return
    for p, c in matched:
        if c is None:
            yield ctx.finding(
                line=p.line,
                table=p.table,
                row=label(p),
                column="indikator",
                stated=p.indikator,
                severity=Severity.WARNING,
                expected=_closest(p, cap),
                message=(
                    f"Indikator Perjanjian Kinerja {numfmt.quoted(p.indikator)} ("
                    + (f"target {numfmt.quoted(p.target_raw)}" if p.target_raw else "tanpa target")
                    + ") "
                    "tidak ditemukan di tabel capaian Bab III; laporkan capaiannya atau jelaskan "
                    f"perubahannya.{_closest_note(p, cap)}"
                ),
                evidence=p.evidence,
            )
    for c in table_rows(cap):
        if any(similarity(p, c) >= _MATCH for p, _ in matched):
            continue
        yield ctx.finding(
            line=c.line,
            table=c.table,
            row=label(c),
            column="indikator",
            stated=c.indikator,
            severity=Severity.INFO,
            message=(
                f"Indikator '{c.indikator}' di Bab III tidak tercantum dalam Perjanjian Kinerja."
            ),
            evidence=c.evidence,
        )


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
    Passes when: targets and units agree for every matched indicator.
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
