"""NAR001 ``narrative.percent_in_tables``.

Every percentage quoted in the Ikhtisar and the Penutup is a figure of the tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction

from lkj_audit import numfmt
from lkj_audit.load.document import Block
from lkj_audit.load.mentions.figures import percentages_in
from lkj_audit.load.mentions.sections import summary_chapters
from lkj_audit.load.mentions.years import years_in
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.figures import (
    Aggregate,
    matches,
)

# A clause also ends after each percentage (a list of figures: "95%, 100% dan 90%").
_CLAUSE_END = re.compile(r"[;:]|[.,](?=\s)|\b(?:dan|serta|sedangkan|sementara)\b")


_SKIP_CLAUSE = re.compile(
    r"(?i)\btarget|minimal|sekurang|paling\s+(?:sedikit|rendah|tinggi)|ambang|batas|maksimal|"
    r"kurang\s+dari|lebih\s+dari|di\s+atas|di\s+bawah|sebelumnya|tahun\s+lalu|ditargetkan"
)


# "100% atau lebih", "90% ke atas": a threshold named after the figure, not a result.
_THRESHOLD_AFTER = re.compile(r"(?i)\s*(?:atau\s+(?:lebih|kurang)|ke\s+(?:atas|bawah))\b")


_BUDGET_CLAUSE = re.compile(r"(?i)anggaran|serapan|penyerapan|pagu|\bdana\b|belanja|keuangan")


_AGGREGATE_CLAUSE = re.compile(
    r"(?i)rata|seluruh|semua|keseluruhan|secara\s+umum|pencapaian\s+kinerja|capaian\s+kinerja(?!\s+indikator)|sasaran"
)


_ONE_SASARAN_RE = re.compile(r"(?i)\bsasaran\s+(?:ke-?\s*)?(\d{1,2})\b")


_CAPAIAN_CLAUSE = re.compile(r"(?i)capaian|kinerja|indikator|tercapai|terealisasi")


# The voters' turnout: the participation tables say it (their total, a wilayah's rate) and the
# capaian table's participation indicator does. A national figure is no figure of the report.
_PARTICIPATION_CLAUSE = re.compile(r"(?i)partisipasi|pengguna(?:an)?\s+hak\s+pilih")
_NATIONAL = re.compile(r"(?i)nasional")


def _sentence(text: str, start: int) -> str:
    """The sentence a percentage at ``start`` belongs to, up to the percentage."""
    head = text[:start]
    cuts = [m.end() for m in re.finditer(r"[.;:](?=\s)", head)]
    return head[max(cuts, default=0) :]


def _clause(text: str, start: int, pct_ends: list[int]) -> str:
    """The clause a percentage at ``start`` belongs to: back to the previous clause boundary."""
    head = text[:start]
    cuts = [m.end() for m in _CLAUSE_END.finditer(head)] + [e for e in pct_ends if e <= start]
    return head[max(cuts, default=0) :]


def _figures_for(ctx: RuleContext, clause: str, sentence: str) -> tuple[str, list[Aggregate]]:
    cap, budget = ctx.figures.capaian, ctx.figures.anggaran
    if _BUDGET_CLAUSE.search(clause) and not _capaian_named_last(clause):
        return "anggaran", list(budget.aggregates)
    # "partisipasi pemilih Pemilihan Gubernur dan Wakil Gubernur sebesar 68,72%": the clause
    # after "dan" names no kind; the sentence it continues does.
    about = clause
    if not (_AGGREGATE_CLAUSE.search(clause) or _CAPAIAN_CLAUSE.search(clause)):
        about = sentence
    turnout = _participation(ctx) if _PARTICIPATION_CLAUSE.search(about) else []
    if turnout and not _NATIONAL.search(about):
        return "partisipasi", turnout + list(cap.aggregates)
    one = _ONE_SASARAN_RE.search(clause)
    if one:  # "rata-rata capaian Sasaran 2 sebesar …": that sasaran's mean
        key = f"sasaran {int(one.group(1))}"
        return f"capaian rata-rata {key}", [
            Aggregate(m, f"rata-rata capaian {key}, {how}")
            for means, how in (
                (cap.sasaran_recomputed, "dihitung ulang"),
                (cap.sasaran_printed, "tercetak"),
            )
            if (m := means.get(key)) is not None
        ]
    if _AGGREGATE_CLAUSE.search(clause):
        return "capaian rata-rata", list(cap.overall)
    if _CAPAIAN_CLAUSE.search(clause):
        return "capaian", list(cap.aggregates)
    return "tabel", list(cap.aggregates) + list(budget.aggregates) + _rates(ctx)


def _rates(ctx: RuleContext) -> list[Aggregate]:
    """Printed rates a sentence may quote without naming a capaian or the budget.

    The total participation of a participation table, the realisasi of an indicator in %.
    """
    out = [
        Aggregate(Fraction(str(r.pct)), f"partisipasi {r.wilayah}, tercetak")
        for r in ctx.rows.partisipasi
        if r.is_total and r.pct is not None and r.sex in ("", "L+P")
    ]
    out += [
        Aggregate(Fraction(str(r.realisasi)), f"realisasi {r.indikator[:40]}, tercetak")
        for r in ctx.rows.capaian
        if r.realisasi is not None and "%" in r.realisasi_unit
    ]
    return out


def _participation(ctx: RuleContext) -> list[Aggregate]:
    """The turnout figures of the participation tables, printed and recomputed.

    None unless a table has its total row (a table without one gives no headline figure).
    """
    rows = ctx.figures.rows.partisipasi
    if not any(r.is_total for r in rows):
        return []
    out: list[Aggregate] = []
    for r in rows:
        where = "Jumlah" if r.is_total else r.wilayah
        if r.pct is not None:
            out.append(Aggregate(Fraction(str(r.pct)), f"partisipasi {where}, tercetak"))
        if r.dpt and r.pengguna is not None:
            value = Fraction(str(r.pengguna)) / Fraction(str(r.dpt)) * 100
            out.append(Aggregate(value, f"partisipasi {where}, dihitung ulang"))
    return out


def _capaian_named_last(clause: str) -> bool:
    """The word next to the figure says it is a capaian, though a budget word comes first.

    "… laporan keuangan tepat waktu (capaian 91,67%": the budget word names the indicator.
    """
    budget = [m.end() for m in _BUDGET_CLAUSE.finditer(clause)]
    capaian = [m.end() for m in re.finditer(r"(?i)\bcapaian\b", clause)]
    return bool(capaian) and max(capaian) > max(budget, default=-1)


def _nearest(figures: list[Aggregate], value: Fraction, like: str | None) -> str:
    """The headline figure (table total) first, then the closest others.

    Written like ``like`` for ``expected``; Indonesian (``like=None``) for the message.
    """
    head = [f for f in figures if "total" in f.method or "Jumlah" in f.method][:1]
    best = head + sorted((f for f in figures if f not in head), key=lambda f: abs(f.value - value))
    best = best[:3]
    return "; ".join(f"{numfmt.pct(f.value, 2, like=like)} ({f.method})" for f in best)


@rule(
    code="NAR001",
    name="narrative.percent_in_tables",
    category=Category.NARRATIVE,
    severity=Severity.WARNING,
    severity_reason=(
        "unproven: the table figure the sentence should equal is not certain; hint: the sentence "
        "names no kind of figure, it may cite another table"
    ),
    domain=("R-X03", "R-V08", "R-S06"),
    tables=("capaian", "anggaran", "partisipasi"),
    tolerance=(
        "the quoted % rounds or truncates from a printed or recomputed table figure at its "
        "printed decimals"
    ),
)
def percent_in_tables(ctx: RuleContext) -> Iterator[Finding]:
    """Every percentage quoted in the Ikhtisar and the Penutup is a figure of the tables.

    Why it matters: readers take the summary figures from the Ikhtisar and the Penutup; a
    figure there that no table supports (e.g. "pencapaian kinerja 100%" while the capaian
    table averages less) misreports the year.
    Fails when: a percentage in those chapters matches no candidate figure at its printed
    precision. Candidates by context: budget words → every printed and recomputed serapan
    (rows, totals); "rata-rata/seluruh/semua/pencapaian kinerja/sasaran" → the mean capaian
    per sasaran and overall (mean of indicators, mean of sasaran; printed and recomputed);
    other capaian words → every capaian figure; otherwise any of them, or a printed total
    participation or realisasi in % (an info when none matches). Percentages that are
    targets, thresholds ("100% atau lebih") or previous-year figures are not checked.
    Participation words ("partisipasi", "pengguna hak pilih"; not a national figure) → the
    participation tables' rates (printed and recomputed, where a table has its total row)
    and every capaian figure.
    Passes when: every checked percentage matches, or the report has no table to check it on.
    """
    for chapter in summary_chapters(ctx.doc):
        for block in ctx.doc.mentions.blocks_in(chapter):
            if block.kind not in {"paragraph", "list_item"}:
                continue
            yield from _check_block(ctx, block)


def _check_block(ctx: RuleContext, block: Block) -> Iterator[Finding]:
    found = percentages_in(block.text)
    ends = [p.end for p in found]
    for pct in found:
        if not pct.plain:
            continue
        clause = _clause(block.text, pct.start, ends)
        years = {y.value for y in years_in(clause)}
        if _SKIP_CLAUSE.search(clause) or years - {ctx.year}:
            continue
        if _THRESHOLD_AFTER.match(block.text, pct.end):
            continue
        number = pct.decimal()
        if number is None:
            continue
        kind, figures = _figures_for(ctx, clause, _sentence(block.text, pct.start))
        if not figures or matches(number.value, number.decimals, figures):
            continue
        raw = pct.raw
        yield ctx.finding(
            severity=Severity.INFO
            if kind == "tabel"
            else None,  # context unclear: may be another table
            line=block.line,
            row=raw,
            column=kind,
            stated=raw,
            expected=_nearest(figures, number.value, raw),
            message=(
                f"Persentase {numfmt.quoted(raw)} "
                f"({numfmt.quoted('…' + clause.strip()[-80:] + ' ' + raw)}) tidak ditemukan "
                f"sebagai angka {kind} di tabel laporan; angka tabel yang terdekat: "
                f"{_nearest(figures, number.value, None)}."
            ),
        )
