"""Budget realisation rules (Realisasi Anggaran): footing, cross-footing, plausibility.

DOMAIN.md §2.2 and checks R-V07 (foots and cross-foots), R-B01 (realisasi ≤ pagu),
R-B03 (printed % = recomputed %), R-F01/R-F02 (number format), R-X01 (digit slips).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import Any

import pandas as pd

from lkj_audit import numfmt, recompute
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.recompute.budget import Footing
from lkj_audit.rules.common import footing_slip_hint, label, program_members, val
from lkj_audit.rules.registry import RuleContext, rule

AMOUNTS = {"pagu": "pagu", "realisasi": "realisasi"}
_TOL = (
    "printed precision: integer rupiah exact; "
    "% within ±½ of its last printed digit (rounding or truncation)"
)


def _pct_fits(row: Any, column: str, candidate: int) -> bool:
    """Would the printed % agree if ``row[column]`` were ``candidate``?"""
    return _pct_fits_test(row, column)(candidate)


def _pct_fits_test(row: Any, column: str) -> Callable[[int], bool]:
    """``_pct_fits`` for one row and column, with the row's figures read once.

    The slip search tries ~100 candidates per figure, so the row is not re-parsed each time.
    """
    printed, pagu, real = val(row, "pct"), val(row, "pagu"), val(row, "realisasi")
    if (
        printed is None
        or (column == "pagu" and real is None)
        or (column == "realisasi" and not pagu)
    ):
        return lambda candidate: False
    decimals = int(row.pct_dec)
    if column == "realisasi" and pagu:  # pagu is set: checked above
        return lambda c: recompute.agrees(printed, decimals, Fraction(c * 100) / pagu)
    if real is not None:  # column is "pagu": checked above
        return lambda c: c != 0 and recompute.agrees(printed, decimals, real * 100 / c)
    return lambda candidate: False


@rule(
    code="ANG001",
    name="anggaran.row_percentage",
    category=Category.ARITHMETIC,
    severity=Severity.ERROR,
    severity_reason=("disproved: realisasi / pagu of the same row gives another percentage"),
    domain=("R-V07", "R-B03", "R-X01"),
    tables=("anggaran",),
    tolerance=_TOL,
)
def row_percentage(ctx: RuleContext) -> Iterator[Finding]:
    """The printed serapan % of each budget row equals realisasi / pagu.

    Why it matters: the serapan percentage is what readers quote; a wrong one misstates
    budget performance even when the amounts are right.
    Fails when: a row prints a %, has pagu > 0 and realisasi, and realisasi / pagu × 100 lies
    outside the interval the printed % stands for (rounding or truncation at its decimals).
    Passes when: the printed % rounds or truncates from the recomputed one, or no % is printed.
    """
    serapan = {s.line: s for s in ctx.figures.anggaran.rows}
    foots: _FootsCache = {}
    for row in ctx.tables.anggaran.itertuples():
        fig = serapan[int(row.line)]
        if fig.agrees is not False or fig.computed is None:
            continue
        computed = fig.computed
        expected = numfmt.pct(computed, int(row.pct_dec), like=row.pct_raw)
        hint = _row_slip_hint(row, ctx.tables.anggaran, foots)
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=label(row),
            column="persentase realisasi",
            stated=row.pct_raw,
            expected=expected,
            message=(
                f"Persentase realisasi {label(row)} tertulis {numfmt.quoted(row.pct_raw)}, "
                f"padahal realisasi {numfmt.quoted(row.realisasi_raw)} dibagi pagu "
                f"{numfmt.quoted(row.pagu_raw)} = {numfmt.pct(computed, int(row.pct_dec))}."
                f"{hint}"
            ),
            evidence=row.evidence,
        )


def _program_foots(df: pd.DataFrame, row: Any, column: str) -> bool:
    """Does the program containing ``row`` reconcile on ``column`` as printed?"""
    prog = df[(df.level == "program") & (df.uraian == row.program)]
    if prog.empty:
        return False
    total = val(next(prog.itertuples()), column)
    values = [val(p, column) for p in program_members(df, row.program).itertuples()]
    return total is not None and None not in values and recompute.column_sum(values) == total


# Whether (program, column) reconciles, asked once per rule run: the answer is the same for
# every row of a program and filtering the frame for it per row was most of the slip search.
_FootsCache = dict[tuple[Any, str], bool]


def _foots(df: pd.DataFrame, row: Any, column: str, cache: _FootsCache | None) -> bool:
    if cache is None:
        return _program_foots(df, row, column)
    key = (row.program, column)
    if key not in cache:
        cache[key] = _program_foots(df, row, column)
    return cache[key]


def _row_slip_hint(
    row: Any, df: pd.DataFrame | None = None, foots: _FootsCache | None = None
) -> str:
    hints = []
    for column in ("realisasi", "pagu"):
        value = val(row, column)
        if value is None or value.denominator != 1:
            continue
        if df is not None and row.level != "program" and _foots(df, row, column, foots):
            continue  # the column reconciles with its program: the slip is not there
        for slip in recompute.slips_matching(int(value), _pct_fits_test(row, column)):
            raw = getattr(row, f"{column}_raw")
            shown = numfmt.rupiah(slip.candidate, symbol=True)
            hints.append(f"{column} {shown} (tertulis {numfmt.quoted(raw)})")
    if not hints or len(hints) > 3:
        return ""
    return (
        " Kemungkinan salah ketik: " + "; atau ".join(hints) + " cocok dengan persentase tercetak."
    )


def _footings(ctx: RuleContext, level: str) -> Iterator[tuple[Footing, pd.DataFrame, Any]]:
    """Each trusted footing of ``level`` (recomputed once) with its part rows and total row."""
    df = ctx.tables.anggaran
    for fig in ctx.figures.anggaran.footings:
        if fig.level == level and fig.trusted:  # else RDG001 says the table is in doubt
            yield fig, df[df.line.isin(fig.parts)], next(df[df.line == fig.line].itertuples())


def _footing(
    ctx: RuleContext,
    fig: Footing,
    parts: pd.DataFrame,
    total: Any,
    what: str,
    part_label: str,
) -> Iterator[Finding]:
    """Findings for each amount column where Σ parts ≠ the printed total row."""
    for column in AMOUNTS:
        sum_ = fig.sums.get(column)
        if sum_ is None or sum_.agrees is not False or sum_.printed is None:
            continue  # agrees, nothing to compare, or a part unreadable (reading record)
        values = [val(p, column) for p in parts.itertuples()]
        present = [v for v in values if v is not None]
        total_value, computed = sum_.printed, sum_.computed
        raw = sum_.raw
        hint = ""
        if total_value.denominator == 1 and all(v.denominator == 1 for v in present):
            rows = [
                (label(p), int(v), getattr(p, f"{column}_raw"))
                for p, v in zip(parts.itertuples(), values, strict=True)
                if v is not None
            ]
            part_rows = [
                p for p, v in zip(parts.itertuples(), values, strict=True) if v is not None
            ]

            def fits(
                i: int, candidate: int, column: str = column, rows: list[Any] = part_rows
            ) -> bool:
                return _pct_fits(total if i < 0 else rows[i], column, candidate)

            hint = footing_slip_hint(
                rows, (what, int(total_value), raw), int(total_value - computed), fits
            )
        yield ctx.finding(
            line=total.line,
            table=total.table,
            row=label(total),
            column=column,
            stated=raw,
            expected=numfmt.rupiah(computed, like=raw),
            message=(
                f"{column.capitalize()} {what} tertulis {numfmt.quoted(raw)}, tetapi jumlah "
                f"{len(present)} {part_label} di bawahnya = "
                f"{numfmt.rupiah(computed, symbol=True)} "
                f"(selisih {numfmt.rupiah(total_value - computed, symbol=True)}).{hint}"
            ),
            evidence=total.evidence,
        )


@rule(
    code="ANG002",
    name="anggaran.ro_sum_to_kegiatan",
    category=Category.ARITHMETIC,
    severity=Severity.ERROR,
    severity_reason=("disproved: the RO rows printed under the kegiatan add up to another amount"),
    domain=("R-V07", "R-X01"),
    tables=("anggaran",),
    tolerance=_TOL,
)
def ro_sum_to_kegiatan(ctx: RuleContext) -> Iterator[Finding]:
    """The pagu and realisasi of a kegiatan equal the sums of its RO rows.

    Why it matters: a kegiatan total that does not reconcile with its outputs cannot be
    traced to them; one of the figures is wrong.
    Fails when: a kegiatan row is printed and, for pagu or realisasi, Σ RO of that kegiatan
    differs from it (exactly, for integer rupiah).
    Passes when: every printed kegiatan row reconciles, or the report prints no kegiatan row;
    an RO without the figure (ANG006) counts only if the printed RO alone exceed the total.
    """
    for fig, parts, keg in _footings(ctx, "kegiatan"):
        yield from _footing(ctx, fig, parts, keg, f"kegiatan {keg.kegiatan}", "RO")


@rule(
    code="ANG003",
    name="anggaran.kegiatan_sum_to_program",
    category=Category.ARITHMETIC,
    severity=Severity.ERROR,
    severity_reason=("disproved: the kegiatan of the program add up to another amount"),
    domain=("R-V07", "R-X01"),
    tables=("anggaran",),
    tolerance=_TOL,
)
def kegiatan_sum_to_program(ctx: RuleContext) -> Iterator[Finding]:
    """The pagu and realisasi of a program equal the sums of its kegiatan.

    Why it matters: the program summary is what the Ikhtisar and Penutup quote; it must be
    the sum of the kegiatan detailed in Bab III.B.
    Fails when: for pagu or realisasi, Σ kegiatan of a program (a kegiatan's own row if
    printed, else the sum of its RO rows) differs from the program row.
    Passes when: every program row reconciles, or no kegiatan of the program is detailed; a
    part without the figure (ANG006) counts only if the printed parts alone exceed the total.
    """
    for fig, parts, prog in _footings(ctx, "program"):
        yield from _footing(ctx, fig, parts, prog, f"program {prog.uraian}", "rincian kegiatan/RO")


@rule(
    code="ANG004",
    name="anggaran.table_total",
    category=Category.ARITHMETIC,
    severity=Severity.ERROR,
    severity_reason=("disproved: the rows the total closes add up to another amount"),
    domain=("R-V07", "R-X01"),
    tables=("anggaran",),
    tolerance=_TOL,
)
def table_total(ctx: RuleContext) -> Iterator[Finding]:
    """A Jumlah/Total row equals the sum of the rows it closes.

    Why it matters: the grand total is the figure a reader takes away; it must be the sum
    of the programs (or kegiatan, or RO) listed above it.
    Fails when: for pagu or realisasi, the total row differs from the sum of the rows it
    closes: a subtotal the rows since the previous total, at their highest level; a grand
    total its subtotals (or the rows above it); a total printed first the rows below it.
    Passes when: every total row reconciles; a row without the figure (ANG006) counts only
    if the printed rows alone exceed the total.
    """
    for fig, parts, total in _footings(ctx, "total"):
        what = "Sub jumlah" if total.subtotal else "Jumlah"
        yield from _footing(ctx, fig, parts, total, what, "baris")


@rule(
    code="ANG005",
    name="anggaran.realisasi_above_pagu",
    category=Category.PLAUSIBILITY,
    severity=Severity.ERROR,
    severity_reason=("disproved: the row's own pagu caps its realisasi"),
    domain=("R-B01",),
    tables=("anggaran",),
    tolerance="exact (integer rupiah)",
)
def realisasi_above_pagu(ctx: RuleContext) -> Iterator[Finding]:
    """Realisasi never exceeds pagu.

    Why it matters: spending above the ceiling is not allowed in the DIPA; in a report it is
    almost always a typing slip (a digit or a thousands group too many) that distorts totals.
    Fails when: a row's realisasi is greater than its pagu.
    Passes when: realisasi ≤ pagu on every row where both are printed.
    """
    foots: _FootsCache = {}
    for row in ctx.tables.anggaran.itertuples():
        pagu, real = val(row, "pagu"), val(row, "realisasi")
        if pagu is None or real is None or real <= pagu:
            continue
        hint = _row_slip_hint(row, ctx.tables.anggaran, foots)
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=label(row),
            column="realisasi",
            stated=row.realisasi_raw,
            expected=f"≤ {row.pagu_raw}",
            message=(
                f"Realisasi {label(row)} {numfmt.quoted(row.realisasi_raw)} melebihi pagunya "
                f"{numfmt.quoted(row.pagu_raw)}; "
                f"realisasi tidak boleh melampaui pagu.{hint}"
            ),
            evidence=row.evidence,
        )


@rule(
    code="ANG006",
    name="anggaran.missing_amount",
    category=Category.COMPLETENESS,
    severity=Severity.WARNING,
    severity_reason=(
        'missing: a budget row without its amount cannot be recomputed; cosmetic: a bare "(0%)"'
        " beside no realisasi states nothing to recompute"
    ),
    domain=("R-S05",),
    tables=("anggaran",),
)
def missing_amount(ctx: RuleContext) -> Iterator[Finding]:
    """Every budget row prints both its pagu and its realisasi.

    Why it matters: a row without realisasi cannot be recomputed and hides whether the
    budget was used; a bare "(0%)" is not a figure.
    Fails when: a non-total row lacks pagu or realisasi (info when a bare "(0%)" stands in).
    Passes when: both amounts are printed on every row.
    """
    for row in ctx.tables.anggaran.itertuples():
        if row.level == "total":
            continue
        for column in ("pagu", "realisasi"):
            if val(row, column) is not None or f"{column}:" in str(row.doubt):
                continue
            implied = (
                f" (hanya tertulis persentase {numfmt.quoted(row.pct_raw)})" if row.pct_raw else ""
            )
            yield ctx.finding(
                line=row.line,
                table=row.table,
                row=label(row),
                column=column,
                stated=getattr(row, f"{column}_raw") or None,
                severity=Severity.INFO if column == "realisasi" and row.pct == 0 else None,
                message=(
                    f"Nilai {column} untuk {label(row)} tidak dicantumkan{implied}; "
                    "lengkapi angkanya agar dapat dihitung ulang."
                ),
                evidence=row.evidence,
            )


@rule(
    code="ANG007",
    name="anggaran.number_format",
    category=Category.PLAUSIBILITY,
    severity=Severity.INFO,
    severity_reason=("cosmetic: mixed separators, the amount itself is read unambiguously"),
    domain=("R-F01", "R-F02"),
    tables=("anggaran",),
)
def number_format(ctx: RuleContext) -> Iterator[Finding]:
    """Amounts use one separator convention and groups of three digits.

    Why it matters: "112,500,108.073" mixes two conventions; such figures are often typed by
    hand and deserve a second look, and a reader may misread their magnitude.
    Fails when: an amount uses both "." and "," as group separators, or a group is not 3 digits.
    Passes when: every amount is written consistently.
    """
    for row in ctx.tables.anggaran.itertuples():
        if not row.flags:
            continue
        for column in ("pagu", "realisasi"):
            raw = getattr(row, f"{column}_raw")
            if not raw or ("." not in raw or "," not in raw.replace(",-", "")):
                continue
            yield ctx.finding(
                line=row.line,
                table=row.table,
                row=label(row),
                column=column,
                stated=raw,
                expected=numfmt.rupiah(val(row, column)),
                message=(
                    f"Angka {column} {label(row)} ditulis dengan pemisah campuran "
                    f"{numfmt.quoted(raw)}; "
                    f"periksa kembali dan tulis dengan format Indonesia "
                    f"({numfmt.rupiah(val(row, column))})."
                ),
                evidence=row.evidence,
            )
