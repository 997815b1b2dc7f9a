"""XTB008 ``cross_table.pk_indicator_in_bab3``.

Every indicator of the satker's Perjanjian Kinerja is reported in Bab III, and no other.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lkj_audit import numfmt
from lkj_audit.load.rows import IndicatorRow, PkRow
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.recompute.links import MATCH as _MATCH
from lkj_audit.recompute.links import similarity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import label
from lkj_audit.rules.support.figures import capaian_rows
from lkj_audit.rules.support.printed import name_printed_at

_LOOSE = 60  # below _MATCH but above this: a renamed indicator rather than another one


def _bab3_table_lines(ctx: RuleContext) -> list[tuple[int, str]]:
    """Bab III's table lines (cells parted by tabs) as printed, with their line numbers.

    Not those of a table typed as something else (a budget table names its RO as a PK may).
    """
    bab3 = ctx.doc.chapter("bab3")
    if bab3 is None:
        return []
    other = {
        ln
        for t in ctx.doc.tables
        if t.kind not in (None, "capaian")
        for ln in range(t.line, t.end_line + 1)
    }
    lines = ctx.doc.lines[bab3.line - 1 : bab3.end_line]
    return [
        (bab3.line + k, t) for k, t in enumerate(lines) if "\t" in t and bab3.line + k not in other
    ]


def _closest(p: PkRow, cap: Sequence[IndicatorRow]) -> str | None:
    """The Bab III indicator most like a PK indicator, when it is at least loosely similar."""
    best = max(((similarity(p, c), c) for c in cap), key=lambda sc: sc[0], default=None)
    return best[1].indikator if best is not None and best[0] >= _LOOSE else None


def _closest_note(p: PkRow, cap: Sequence[IndicatorRow]) -> str:
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
        "list, or a PK indicator printed in a Bab III table whose row was not read"
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
    that is not in the PK is reported for information, and so is a PK indicator whose name is
    printed in a Bab III table (words in order, figures between them) but read as no row of it.
    Passes when: PK and Bab III list the same indicators, or the report has no PK or no
    capaian table, or Bab III holds a table the reader saw but could not read (RDG002).
    """
    pk, matched = ctx.figures.pk_pairs
    cap = capaian_rows(ctx)
    if not pk or not cap:
        return
    bab3 = ctx.doc.chapter("bab3")
    if bab3 is not None and ctx.doc.unread_within(bab3.line, bab3.end_line):
        return  # a Bab III table visible but unread (RDG002) may report the indicators
    hits = [c for _, c in matched if c is not None]
    if not hits and len(matched) > 1:
        first = pk[0]
        named: dict[str, IndicatorRow] = {}  # each indicator once, at its first row
        for row in cap:
            named.setdefault(row.indikator, row)
        shown = "; ".join(label(row) for row in list(named.values())[:5])
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
    table_lines = _bab3_table_lines(ctx)
    cut: list[str] = []  # PK names printed in a Bab III table but read as no row of it
    for p, c in matched:
        if c is not None:
            continue
        at = name_printed_at(p.indikator, table_lines)
        if at is not None:  # printed in a Bab III table, not read as its row: the reading
            cut.append(p.indikator)
            severity, expected = Severity.INFO, None
            message = (
                f"Indikator Perjanjian Kinerja {numfmt.quoted(p.indikator)} tercetak di "
                f"tabel Bab III (baris {at}), tetapi barisnya tidak terbaca sebagai baris "
                "tabel capaian; periksa target, realisasi dan capaiannya di sumber."
            )
        else:
            severity, expected = Severity.WARNING, _closest(p, cap)
            target = f"target {numfmt.quoted(p.target_raw)}" if p.target_raw else "tanpa target"
            message = (
                f"Indikator Perjanjian Kinerja {numfmt.quoted(p.indikator)} ({target}) "
                "tidak ditemukan di tabel capaian Bab III; laporkan capaiannya atau jelaskan "
                f"perubahannya.{_closest_note(p, cap)}"
            )
        yield ctx.finding(
            line=p.line,
            table=p.table,
            row=label(p),
            column="indikator",
            stated=p.indikator,
            severity=severity,
            expected=expected,
            message=message,
            evidence=p.evidence,
        )
    for c in cap:
        if any(similarity(p, c) >= _MATCH for p, _ in matched):
            continue
        if any(name_printed_at(c.indikator, [(c.line, name)]) for name in cut):
            continue  # the rest of a cut PK name ("… dalam Pemilu"), told above
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
