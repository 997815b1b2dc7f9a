"""CMP010 ``completeness.ikhtisar_headline_figures``.

The Ikhtisar Eksekutif gives the year's capaian kinerja and serapan anggaran as figures.

DOMAIN.md R-S01 (the Ikhtisar mentions the capaian of the main targets) and R-V08 (its figures
equal the tables'). Whether each percentage is a figure of the tables at all is NAR001's check;
this rule asks that the two headline figures are there and compares them with the one
recomputed answer for each (``ctx.figures``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from lkj_audit import numfmt, recompute
from lkj_audit.load.document import Document, Section
from lkj_audit.load.mentions.figures import percentages_in
from lkj_audit.load.mentions.years import years_in
from lkj_audit.load.numbers import parse_decimal
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule

# What a clause is about. Budget words win: "realisasi anggaran 99,61%" is serapan.
_BUDGET = re.compile(r"(?i)anggaran|serapan|penyerapan|pagu|belanja|\bdana\b|keuangan")
_CAPAIAN = re.compile(r"(?i)capaian|kinerja|tercapai|sasaran|indikator|target\s+terpenuhi")
# Not a result of the year: targets, thresholds, other years.
_NOT_RESULT = re.compile(
    r"(?i)\btarget(?!\s+terpenuhi)|ditargetkan|minimal|sekurang|ambang|batas|maksimal|"
    r"kurang\s+dari|lebih\s+dari|sebelumnya|tahun\s+lalu"
)
# A percentage written in words: "96 persen".
_PERSEN_WORD = re.compile(r"(?i)(\d+(?:[.,]\d+)?)\s*persen\b")
# "kegiatan sosialisasi mencapai 90,00%": a result reached, a capaian when the tables print it.
_REACHED = re.compile(r"(?i)\b(?:men|di|ter)?capai\b")
_CLAUSE_CUT = re.compile(r"[;:]|[.,](?=\s)|\b(?:dan|serta|sedangkan|sementara)\b")


@dataclass(frozen=True, slots=True)
class Quoted:
    """A percentage of the Ikhtisar: what it is about, as printed, and where."""

    kind: str  # "capaian" | "serapan"
    raw: str
    value: Fraction
    decimals: int
    line: int


def _clause(text: str, start: int, ends: list[int]) -> str:
    """Back to the previous clause boundary or the previous percentage.

    "… 79,87% dari target 77,5% dengan capaian 103,06%": the capaian is no target.
    """
    head = text[:start]
    cuts = [m.end() for m in _CLAUSE_CUT.finditer(head)] + [e for e in ends if e <= start]
    return head[max(cuts, default=0) :]


def _quoted(ctx: RuleContext, ikhtisar: Section) -> list[Quoted]:
    """The capaian and serapan percentages of the Ikhtisar's running text, as results."""
    out = []
    printed_capaian = [Fraction(str(c.capaian)) for c in ctx.rows.capaian if c.capaian is not None]
    for block in ctx.doc.mentions.blocks_in(ikhtisar):
        text = block.text
        found = percentages_in(text)
        ends = [p.end for p in found]
        spots = [(p.start, p.raw, p.decimal()) for p in found if p.plain]
        for m in _PERSEN_WORD.finditer(text):
            spots.append((m.start(), m.group(0), parse_decimal(m.group(1))))
        for start, raw, number in spots:
            clause = _clause(text, start, ends)
            if number is None or _NOT_RESULT.search(clause):
                continue
            if {y.value for y in years_in(clause)} - {ctx.year}:
                continue
            kind = (
                "serapan"
                if _BUDGET.search(clause)
                else "capaian"
                if _CAPAIAN.search(clause)
                else ""
            )
            if not kind and _REACHED.search(clause):
                # an indicator's capaian quoted as reached ("mencapai 90,00%")
                if any(recompute.agrees(number.value, number.decimals, c) for c in printed_capaian):
                    kind = "capaian"
            if kind:
                out.append(Quoted(kind, raw, number.value, number.decimals, block.line))
    return out


def _tables_give(ctx: RuleContext, ikhtisar: Section) -> set[str]:
    """Kinds of figure a table of the Ikhtisar gives (a summary capaian or budget table)."""
    doc: Document = ctx.doc
    kinds = set()
    for table in doc.tables:
        if ikhtisar.contains(table.line) and table.kind == "capaian":
            kinds.add("capaian")
        if ikhtisar.contains(table.line) and table.kind == "anggaran":
            kinds.add("serapan")
    return kinds


def _recomputed(ctx: RuleContext, kind: str) -> list[Fraction]:
    """The recomputed headline figure(s): overall serapan; mean capaian (indicators, sasaran)."""
    if kind == "serapan":
        whole = ctx.figures.anggaran.whole
        return [whole.serapan_pct] if whole is not None and whole.serapan_pct is not None else []
    mean = ctx.figures.capaian.mean
    if mean is None:
        return []
    return [v for v in (mean.mean_pct, mean.sasaran_mean_pct) if v is not None]


def _printed(ctx: RuleContext, kind: str) -> list[Fraction]:
    """The printed headline figure(s): the total row's %; the printed mean capaian."""
    if kind == "serapan":
        total = ctx.figures.anggaran.printed_total
        return [total.printed] if total is not None and total.printed is not None else []
    return [a.value for a in ctx.figures.capaian.overall if "tercetak" in a.method]


_WHAT = {"capaian": "capaian kinerja", "serapan": "realisasi (serapan) anggaran"}


@rule(
    code="CMP010",
    name="completeness.ikhtisar_headline_figures",
    category=Category.COMPLETENESS,
    severity=Severity.WARNING,
    severity_reason=(
        "missing: the Ikhtisar states neither the capaian nor the serapan of the year as a figure; "
        "hint: a headline figure equals a printed figure but not the recomputed one, which the "
        "table findings explain"
    ),
    domain=("R-S01", "R-V08", "R-X03"),
    tolerance="the quoted % rounds or truncates from the recomputed figure at its decimals",
)
def ikhtisar_headline_figures(ctx: RuleContext) -> Iterator[Finding]:
    """The Ikhtisar Eksekutif gives the year's capaian kinerja and serapan anggaran as figures.

    Why it matters: the Ikhtisar is what a reader (and the KKE evaluator) reads first; one
    that says "semua target terpenuhi" without the capaian achieved and the budget used gives
    the year's result in words only (R-S01).
    Fails when: the report has an Ikhtisar Eksekutif whose running text and tables give no
    capaian percentage, or no serapan percentage, as this year's result (targets, thresholds
    and other years' figures do not count; a percentage said to be reached, "sosialisasi
    mencapai 90,00%", is a capaian when a capaian table prints it); one finding naming what
    is missing. A headline
    percentage that does not agree with the recomputed figure (overall serapan; mean capaian
    of the indicators or of the sasaran) is reported for information when NAR001 does not
    already report it (it matches a printed table figure, so the tables themselves disagree).
    Passes when: both figures are given; without an Ikhtisar (STR001) or without the tables
    there is nothing to give.
    """
    ikhtisar = ctx.doc.chapter("ikhtisar")
    if ikhtisar is None:
        return
    quoted = _quoted(ctx, ikhtisar)
    given = {q.kind for q in quoted} | _tables_give(ctx, ikhtisar)
    wanted = [k for k in ("capaian", "serapan") if _has_tables(ctx, k)]
    missing = [k for k in wanted if k not in given]
    if missing:
        what = " maupun ".join(_WHAT[k] for k in missing)
        yield ctx.finding(
            line=ikhtisar.line,
            row="Ikhtisar Eksekutif",
            column=" dan ".join(missing),
            message=(
                f"Ikhtisar Eksekutif tidak menyebut angka {what} tahun {ctx.year}; "
                "cantumkan persentase capaian kinerja dan penyerapan anggaran "
                "(sesuai tabel Bab III) agar ringkasan memuat hasil tahun ini."
            ),
        )
    yield from _disagreeing(ctx, quoted)


def _has_tables(ctx: RuleContext, kind: str) -> bool:
    return ctx.tables.has_rows("capaian" if kind == "capaian" else "anggaran")


def _disagreeing(ctx: RuleContext, quoted: list[Quoted]) -> Iterator[Finding]:
    for q in quoted:
        recomputed = _recomputed(ctx, q.kind)
        if not recomputed or any(recompute.agrees(q.value, q.decimals, v) for v in recomputed):
            continue
        if not any(recompute.agrees(q.value, q.decimals, v) for v in _printed(ctx, q.kind)):
            continue  # not the printed headline either: NAR001 reports it
        shown = " atau ".join(numfmt.pct(v, 2) for v in recomputed)
        table = "anggaran" if q.kind == "serapan" else "capaian"
        yield ctx.finding(
            line=q.line,
            row=q.raw,
            column=q.kind,
            stated=q.raw,
            expected=numfmt.pct(recomputed[0], q.decimals, like=q.raw),
            severity=Severity.INFO,
            message=(
                f"Ikhtisar Eksekutif menyebut {_WHAT[q.kind]} {numfmt.quoted(q.raw)}, sama dengan "
                f"angka tercetak di tabel, tetapi hasil hitung ulang dari rincian tabel adalah "
                f"{shown}; periksa temuan pada tabel {table} "
                "dan sesuaikan angka ringkasan setelah tabel diperbaiki."
            ),
        )
