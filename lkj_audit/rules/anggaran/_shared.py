"""Helpers shared by several rules of this family; registers no rules.

Used by ANG001, ANG002, ANG003, ANG004, ANG005.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from fractions import Fraction

from lkj_audit import numfmt, recompute
from lkj_audit.load.rows import BudgetRow
from lkj_audit.model import Finding
from lkj_audit.recompute.budget import Footing
from lkj_audit.rules.registry import RuleContext
from lkj_audit.rules.support.common import footing_slip_hint, label, program_members, val

AMOUNTS = {"pagu": "pagu", "realisasi": "realisasi"}


_TOL = (
    "printed precision: integer rupiah exact; "
    "% within ±½ of its last printed digit (rounding or truncation)"
)


def _pct_fits(row: BudgetRow, column: str, candidate: int) -> bool:
    """Would the printed % agree if ``row[column]`` were ``candidate``?"""
    return _pct_fits_test(row, column)(candidate)


def _pct_fits_test(row: BudgetRow, column: str) -> Callable[[int], bool]:
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
    decimals = row.pct_dec
    lo, hi = recompute.agreeing(printed, decimals)
    if column == "realisasi" and pagu:  # pagu is set: checked above
        if pagu > 0:  # % = c × 100 / pagu, linear in c: the agreeing c are one range
            first, last = recompute.integers_scaled_into(lo, hi, 100 / pagu)
            return lambda c: first <= c <= last
        return lambda c: recompute.agrees(printed, decimals, Fraction(c * 100) / pagu)
    if real is not None:  # column is "pagu": checked above
        if lo > 0 and hi > 0:
            # % = real × 100 / c; for c > 0: lo ≤ R / c < hi ⇔ R / hi < c ≤ R / lo.
            r = real * 100
            above, upto = math.floor(r / hi), math.floor(r / lo)
            return lambda c: (
                above < c <= upto
                if c > 0
                else c != 0 and recompute.agrees(printed, decimals, r / c)
            )
        return lambda c: c != 0 and recompute.agrees(printed, decimals, real * 100 / c)
    return lambda candidate: False


def _program_foots(rows: Sequence[BudgetRow], row: BudgetRow, column: str) -> bool:
    """Does the program containing ``row`` reconcile on ``column`` as printed?"""
    prog = next((r for r in rows if r.level == "program" and r.uraian == row.program), None)
    if prog is None:
        return False
    total = val(prog, column)
    values = [val(p, column) for p in program_members(rows, row.program)]
    return total is not None and None not in values and recompute.column_sum(values) == total


# Whether (program, column) reconciles, asked once per rule run: the answer is the same for
# every row of a program and filtering the frame for it per row was most of the slip search.
_FootsCache = dict[tuple[str | None, str], bool]


def _foots(df: Sequence[BudgetRow], row: BudgetRow, column: str, cache: _FootsCache | None) -> bool:
    if cache is None:
        return _program_foots(df, row, column)
    key = (row.program, column)
    if key not in cache:
        cache[key] = _program_foots(df, row, column)
    return cache[key]


def _row_slip_hint(
    row: BudgetRow, df: Sequence[BudgetRow] | None = None, foots: _FootsCache | None = None
) -> str:
    hints = []
    for column in ("realisasi", "pagu"):
        value = val(row, column)
        if value is None or value.denominator != 1:
            continue
        if df is not None and row.level != "program" and _foots(df, row, column, foots):
            continue  # the column reconciles with its program: the slip is not there
        for slip in recompute.slips_matching(int(value), _pct_fits_test(row, column)):
            raw = row.realisasi_raw if column == "realisasi" else row.pagu_raw
            shown = numfmt.rupiah(slip.candidate, symbol=True)
            hints.append(f"{column} {shown} (tertulis {numfmt.quoted(raw)})")
    if not hints or len(hints) > 3:
        return ""
    return (
        " Kemungkinan salah ketik: " + "; atau ".join(hints) + " cocok dengan persentase tercetak."
    )


def _footings(ctx: RuleContext, level: str) -> Iterator[tuple[Footing, list[BudgetRow], BudgetRow]]:
    """Each trusted footing of ``level`` (recomputed once) with its part rows and total row."""
    rows = ctx.rows.anggaran
    at_line: dict[int, BudgetRow] = {}
    for r in rows:
        at_line.setdefault(r.line, r)
    for fig in ctx.figures.anggaran.footings:
        if fig.level == level and fig.trusted:  # else RDG001 says the table is in doubt
            lines = set(fig.parts)
            yield fig, [r for r in rows if r.line in lines], at_line[fig.line]


def _footing(
    ctx: RuleContext,
    fig: Footing,
    parts: Sequence[BudgetRow],
    total: BudgetRow,
    what: str,
    part_label: str,
) -> Iterator[Finding]:
    """Findings for each amount column where Σ parts ≠ the printed total row."""
    for column in AMOUNTS:
        sum_ = fig.sums.get(column)
        if sum_ is None or sum_.agrees is not False or sum_.printed is None:
            continue  # agrees, nothing to compare, or a part unreadable (reading record)
        values = [val(p, column) for p in parts]
        present = [v for v in values if v is not None]
        total_value, computed = sum_.printed, sum_.computed
        raw = sum_.raw
        hint = ""
        if total_value.denominator == 1 and all(v.denominator == 1 for v in present):
            rows = [
                (label(p), int(v), p.pagu_raw if column == "pagu" else p.realisasi_raw)
                for p, v in zip(parts, values, strict=True)
                if v is not None
            ]
            part_rows = [p for p, v in zip(parts, values, strict=True) if v is not None]

            def fits(
                i: int, candidate: int, column: str = column, rows: list[BudgetRow] = part_rows
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
