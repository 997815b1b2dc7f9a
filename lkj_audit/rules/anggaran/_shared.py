"""Helpers shared by several rules of this family; registers no rules.

Used by ANG001, ANG002, ANG003, ANG004, ANG005.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import Any

import pandas as pd

from lkj_audit import numfmt, recompute
from lkj_audit.model import Finding
from lkj_audit.recompute.budget import Footing
from lkj_audit.rules.registry import RuleContext
from lkj_audit.rules.support.common import footing_slip_hint, label, program_members, val

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
