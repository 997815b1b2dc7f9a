"""Budget figures recomputed once: serapan per row, footings, and the whole budget.

DOMAIN.md §2.2 and R-V07: every kegiatan, program and Jumlah row is compared with the sum of
the rows it adds up (a Jumlah row closes the rows the loader recorded in ``closes``); every
row's serapan with realisasi / pagu. The budget as a whole is recomputed from the lowest
level whose rows are complete, read with certainty and add up to the whole budget, never
taken from a printed total.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import pandas as pd

from lkj_audit.load.schema import table_rows
from lkj_audit.recompute.arith import agrees, cell_value, column_sum, percent, sums_agree
from lkj_audit.recompute.kinerja import Aggregate

AMOUNTS = ("pagu", "realisasi")


def row_label(row: Any) -> str:
    """How a budget row is named: its code, else its name (shortened)."""
    kode = getattr(row, "kode", None)
    if isinstance(kode, str) and kode:
        return kode
    text = str(getattr(row, "uraian", "") or "")
    return (text if len(text) <= 60 else text[:57] + "…") or f"baris {row.line}"


@dataclass(frozen=True, slots=True)
class Serapan:
    """One budget row: its printed serapan % next to realisasi / pagu."""

    table: str
    line: int
    level: str
    label: str
    printed: Fraction | None
    decimals: int
    computed: Fraction | None
    agrees: bool | None  # None: no % printed, or pagu/realisasi missing or zero
    over: bool  # realisasi above pagu


@dataclass(frozen=True, slots=True)
class Sum:
    """One amount column of a footing: the printed figure and the sum of its parts."""

    column: str
    printed: Fraction | None
    raw: str
    computed: Fraction
    n: int  # parts with a figure in this column
    agrees: bool | None  # None: not comparable (nothing printed, or a part unreadable)


@dataclass(frozen=True, slots=True)
class Footing:
    """A kegiatan, program or Jumlah row and the rows it adds up."""

    table: str
    line: int
    level: str
    label: str
    parts: tuple[int, ...]  # source lines of the rows it adds
    trusted: bool  # every table involved was read with certainty
    sums: dict[str, Sum] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Whole:
    """The whole budget, recomputed: Σ pagu, Σ realisasi and the serapan of one level."""

    pagu: Fraction
    realisasi: Fraction
    serapan_pct: Fraction | None
    level: str
    rows: int
    tables: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BudgetFigures:
    """Every budget figure of one report, printed and recomputed."""

    rows: list[Serapan]
    footings: list[Footing]
    whole: Whole | None
    printed_total: Serapan | None  # the printed grand total row, for display only
    aggregates: list[Aggregate]  # every serapan figure a sentence may cite

    def footing_at(self, line: int) -> Footing | None:
        """The footing of the row printed on ``line``."""
        return next((f for f in self.footings if f.line == line), None)


def program_members(budget: pd.DataFrame, program: str) -> pd.DataFrame:
    """The rows a program is the sum of.

    Its kegiatan rows, and the RO rows of any kegiatan printed without a row of its own.
    """
    members = budget[(budget.program == program) & budget.level.isin(["kegiatan", "ro"])]
    with_row = set(members[members.level == "kegiatan"].kegiatan.dropna())
    return members[(members.level == "kegiatan") | ~members.kegiatan.isin(with_row)]


def _serapan(row: Any) -> Serapan:
    printed, pagu = cell_value(row, "pct"), cell_value(row, "pagu")
    real = cell_value(row, "realisasi")
    computed = percent(real, pagu) if pagu is not None and real is not None else None
    decimals = int(row.pct_dec)
    return Serapan(
        table=row.table,
        line=int(row.line),
        level=row.level,
        label=row_label(row),
        printed=printed,
        decimals=decimals,
        computed=computed,
        agrees=None if printed is None or computed is None else agrees(printed, decimals, computed),
        over=pagu is not None and real is not None and real > pagu,
    )


def _unreadable(rows: pd.DataFrame, column: str) -> bool:
    """Does any row carry a figure in ``column`` that could not be read with certainty?"""
    return any(f"{column}:" in str(d) for d in rows.doubt)


def _sum(total: Any, parts: pd.DataFrame, column: str) -> Sum | None:
    """Σ parts against the printed total; ``None`` when neither side prints the column."""
    printed = cell_value(total, column)
    values = [cell_value(p, column) for p in parts.itertuples()]
    present = [v for v in values if v is not None]
    if printed is None or not present:
        return None
    decimals = [int(getattr(total, f"{column}_dec")), *(int(d) for d in parts[f"{column}_dec"])]
    computed = column_sum(present)
    # A part printed without the figure (ANG006) may be the whole difference: the footing is
    # proven wrong only when the printed parts alone already exceed the total.
    missing = None in values
    comparable = not (missing and (_unreadable(parts, column) or computed <= printed))
    return Sum(
        column=column,
        printed=printed,
        raw=getattr(total, f"{column}_raw"),
        computed=computed,
        n=len(present),
        agrees=sums_agree(printed, present, decimals) if comparable else None,
    )


def _parts(df: pd.DataFrame, row: Any) -> pd.DataFrame:
    if row.level == "kegiatan":
        if not isinstance(row.kegiatan, str):
            return df.iloc[:0]
        return df[(df.level == "ro") & (df.kegiatan == row.kegiatan)]
    if row.level == "program":
        return program_members(df, row.uraian)
    lines = {int(x) for x in str(row.closes).split(",") if x}  # as the loader decided
    closed: pd.DataFrame = df[(df.table == row.table) & df.line.isin(lines) & (df.line != row.line)]
    return closed


def _footings(df: pd.DataFrame, low: set[str]) -> Iterator[Footing]:
    for row in table_rows(df):
        parts = _parts(df, row)
        if parts.empty:
            continue
        sums = {c: s for c in AMOUNTS if (s := _sum(row, parts, c)) is not None}
        yield Footing(
            table=row.table,
            line=int(row.line),
            level=row.level,
            label=row_label(row),
            parts=tuple(int(x) for x in parts.line),
            trusted=not (low & ({row.table} | set(parts.table))),
            sums=sums,
        )


def _levels(df: pd.DataFrame) -> Iterator[tuple[str, pd.DataFrame]]:
    """Candidate sets of rows that may make up the whole budget, lowest level first."""
    yield "ro", df[df.level == "ro"]
    members = [program_members(df, p) for p in df[df.level == "program"].uraian]
    leaves = pd.concat(members) if members else df.iloc[:0]
    if not leaves.empty:
        yield "kegiatan", leaves.sort_index()
    elif not (kegiatan := df[df.level == "kegiatan"]).empty:
        yield "kegiatan", kegiatan
    yield "program", df[df.level == "program"]


def _grand_totals(df: pd.DataFrame) -> pd.DataFrame:
    return df[(df.level == "total") & ~df.subtotal.astype(bool)]


def _covers(rows: pd.DataFrame, whole_pagu: Fraction | None, decimals: list[int]) -> bool:
    """Do the rows add up to the whole budget (the top level's pagu) within printed precision?"""
    if whole_pagu is None:
        return True
    pagus = [cell_value(r, "pagu") for r in rows.itertuples()]
    present = [p for p in pagus if p is not None]
    return sums_agree(whole_pagu, present, decimals + [int(d) for d in rows.pagu_dec])


def _top_pagu(df: pd.DataFrame, level: str) -> tuple[Fraction | None, list[int]]:
    """The pagu a lower level must add up to: the programs' sum, else the grand total."""
    programs = df[df.level == "program"]
    if level != "program" and not programs.empty:
        pagus = [cell_value(r, "pagu") for r in programs.itertuples()]
        if None not in pagus:
            return column_sum(pagus), [int(d) for d in programs.pagu_dec]
    totals = _grand_totals(df)
    if len(totals) == 1:
        total: Any = next(totals.itertuples())
        return cell_value(total, "pagu"), [int(total.pagu_dec)]
    return None, []


def _whole(df: pd.DataFrame, low: set[str]) -> Whole | None:
    for level, rows in _levels(df):
        if rows.empty or set(rows.table) & low:
            continue
        pagus = [cell_value(r, "pagu") for r in rows.itertuples()]
        reals = [cell_value(r, "realisasi") for r in rows.itertuples()]
        if None in pagus or None in reals:
            continue  # an incomplete level would understate the budget
        top, decimals = _top_pagu(df, level)
        if not _covers(rows, top, decimals):
            continue  # the level leaves part of the budget out
        pagu, real = column_sum(pagus), column_sum(reals)
        return Whole(
            pagu=pagu,
            realisasi=real,
            serapan_pct=percent(real, pagu),
            level=level,
            rows=len(rows),
            tables=tuple(dict.fromkeys(rows.table)),
        )
    return None


def all_figures(df: pd.DataFrame) -> Iterator[Aggregate]:
    """Every serapan figure of the budget tables: printed %, recomputed per row and in total."""
    for row in table_rows(df):
        name = row.kode if isinstance(row.kode, str) else row.uraian[:40]
        if (p := cell_value(row, "pct")) is not None:
            yield Aggregate(p, f"serapan {name}, tercetak")
        pagu, real = cell_value(row, "pagu"), cell_value(row, "realisasi")
        if pagu and real is not None:
            yield Aggregate(real * 100 / pagu, f"serapan {name}, dihitung ulang")
    for level in ("program", "kegiatan", "ro"):
        rows = df[df.level == level]
        pagus = [cell_value(r, "pagu") for r in rows.itertuples()]
        reals = [cell_value(r, "realisasi") for r in rows.itertuples()]
        if rows.empty or None in pagus or None in reals:
            continue
        total_pagu = column_sum(pagus)
        if total_pagu:
            yield Aggregate(column_sum(reals) * 100 / total_pagu, f"serapan total seluruh {level}")


def build(df: pd.DataFrame, low: set[str]) -> BudgetFigures:
    """All budget figures of the typed anggaran table; ``low``: tables read with low confidence."""
    rows = [_serapan(r) for r in table_rows(df)]
    grand = [
        r
        for r, t in zip(rows, table_rows(df), strict=True)
        if t.level == "total" and not t.subtotal
    ]
    return BudgetFigures(
        rows=rows,
        footings=list(_footings(df, low)),
        whole=_whole(df, low) if not df.empty else None,
        printed_total=grand[0] if len(grand) == 1 else None,
        aggregates=list(all_figures(df)),
    )
