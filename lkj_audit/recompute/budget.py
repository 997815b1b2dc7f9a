"""Budget figures recomputed once: serapan per row, footings, and the whole budget.

DOMAIN.md §2.2 and R-V07: every kegiatan, program and Jumlah row is compared with the sum of
the rows it adds up (a Jumlah row closes the rows the loader recorded in ``closes``); every
row's serapan with realisasi / pagu. The budget as a whole is recomputed from the lowest
level whose rows are complete, read with certainty and add up to the whole budget, never
taken from a printed total.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from lkj_audit.load.rows import BudgetRow
from lkj_audit.recompute.arith import agrees, cell_value, column_sum, percent, sums_agree
from lkj_audit.recompute.kinerja import Aggregate

AMOUNTS = ("pagu", "realisasi")


def row_label(row: BudgetRow) -> str:
    """How a budget row is named: its code, else its name (shortened)."""
    if row.kode:
        return row.kode
    text = row.uraian
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


def program_members(budget: Sequence[BudgetRow], program: str | None) -> list[BudgetRow]:
    """The rows a program is the sum of.

    Its kegiatan rows, and the RO rows of any kegiatan printed without a row of its own.
    """
    if program is None:
        return []
    members = [r for r in budget if r.program == program and r.level in ("kegiatan", "ro")]
    with_row = {r.kegiatan for r in members if r.level == "kegiatan" and r.kegiatan is not None}
    return [r for r in members if r.level == "kegiatan" or r.kegiatan not in with_row]


def _serapan(row: BudgetRow) -> Serapan:
    printed, pagu = cell_value(row, "pct"), cell_value(row, "pagu")
    real = cell_value(row, "realisasi")
    computed = percent(real, pagu) if pagu is not None and real is not None else None
    decimals = row.pct_dec
    return Serapan(
        table=row.table,
        line=row.line,
        level=row.level,
        label=row_label(row),
        printed=printed,
        decimals=decimals,
        computed=computed,
        agrees=None if printed is None or computed is None else agrees(printed, decimals, computed),
        over=pagu is not None and real is not None and real > pagu,
    )


def _unreadable(rows: Sequence[BudgetRow], column: str) -> bool:
    """Does any row carry a figure in ``column`` that could not be read with certainty?"""
    return any(f"{column}:" in r.doubt for r in rows)


def _decimals(row: BudgetRow, column: str) -> int:
    return row.pagu_dec if column == "pagu" else row.realisasi_dec


def _raw(row: BudgetRow, column: str) -> str:
    return row.pagu_raw if column == "pagu" else row.realisasi_raw


def _sum(total: BudgetRow, parts: Sequence[BudgetRow], column: str) -> Sum | None:
    """Σ parts against the printed total; ``None`` when neither side prints the column."""
    printed = cell_value(total, column)
    values = [cell_value(p, column) for p in parts]
    present = [v for v in values if v is not None]
    if printed is None or not present:
        return None
    decimals = [_decimals(total, column), *(_decimals(p, column) for p in parts)]
    computed = column_sum(present)
    # A part printed without the figure (ANG006) may be the whole difference: the footing is
    # proven wrong only when the printed parts alone already exceed the total.
    missing = None in values
    comparable = not (missing and (_unreadable(parts, column) or computed <= printed))
    return Sum(
        column=column,
        printed=printed,
        raw=_raw(total, column),
        computed=computed,
        n=len(present),
        agrees=sums_agree(printed, present, decimals) if comparable else None,
    )


def parts_of(rows: Sequence[BudgetRow], row: BudgetRow) -> list[BudgetRow]:
    """The rows ``row`` adds up: a kegiatan its RO, a program its members, a total its lines."""
    if row.level == "kegiatan":
        if row.kegiatan is None:
            return []
        return [r for r in rows if r.level == "ro" and r.kegiatan == row.kegiatan]
    if row.level == "program":
        return program_members(rows, row.uraian)
    lines = {int(x) for x in row.closes.split(",") if x}  # as the loader decided
    return [r for r in rows if r.table == row.table and r.line in lines and r.line != row.line]


def _footings(rows: Sequence[BudgetRow], low: set[str]) -> Iterator[Footing]:
    for row in rows:
        parts = parts_of(rows, row)
        if not parts:
            continue
        sums = {c: s for c in AMOUNTS if (s := _sum(row, parts, c)) is not None}
        yield Footing(
            table=row.table,
            line=row.line,
            level=row.level,
            label=row_label(row),
            parts=tuple(p.line for p in parts),
            trusted=not (low & ({row.table} | {p.table for p in parts})),
            sums=sums,
        )


def _at_level(rows: Sequence[BudgetRow], level: str) -> list[BudgetRow]:
    return [r for r in rows if r.level == level]


def _levels(rows: Sequence[BudgetRow]) -> Iterator[tuple[str, list[BudgetRow]]]:
    """Candidate sets of rows that may make up the whole budget, lowest level first."""
    yield "ro", _at_level(rows, "ro")
    programs = _at_level(rows, "program")
    order = {id(r): i for i, r in enumerate(rows)}
    leaves = [m for p in programs for m in program_members(rows, p.uraian)]
    if leaves:
        yield "kegiatan", sorted(leaves, key=lambda r: order[id(r)])  # reading order
    elif kegiatan := _at_level(rows, "kegiatan"):
        yield "kegiatan", kegiatan
    yield "program", programs


def _grand_totals(rows: Sequence[BudgetRow]) -> list[BudgetRow]:
    return [r for r in rows if r.level == "total" and not r.subtotal]


def _covers(rows: Sequence[BudgetRow], whole_pagu: Fraction | None, decimals: list[int]) -> bool:
    """Do the rows add up to the whole budget (the top level's pagu) within printed precision?"""
    if whole_pagu is None:
        return True
    pagus = [cell_value(r, "pagu") for r in rows]
    present = [p for p in pagus if p is not None]
    return sums_agree(whole_pagu, present, decimals + [r.pagu_dec for r in rows])


def _top_pagu(rows: Sequence[BudgetRow], level: str) -> tuple[Fraction | None, list[int]]:
    """The pagu a lower level must add up to: the programs' sum, else the grand total."""
    programs = _at_level(rows, "program")
    if level != "program" and programs:
        pagus = [cell_value(r, "pagu") for r in programs]
        if None not in pagus:
            return column_sum(pagus), [r.pagu_dec for r in programs]
    totals = _grand_totals(rows)
    if len(totals) == 1:
        return cell_value(totals[0], "pagu"), [totals[0].pagu_dec]
    return None, []


def _whole(all_rows: Sequence[BudgetRow], low: set[str]) -> Whole | None:
    for level, rows in _levels(all_rows):
        if not rows or {r.table for r in rows} & low:
            continue
        pagus = [cell_value(r, "pagu") for r in rows]
        reals = [cell_value(r, "realisasi") for r in rows]
        if None in pagus or None in reals:
            continue  # an incomplete level would understate the budget
        top, decimals = _top_pagu(all_rows, level)
        if not _covers(rows, top, decimals):
            continue  # the level leaves part of the budget out
        pagu, real = column_sum(pagus), column_sum(reals)
        return Whole(
            pagu=pagu,
            realisasi=real,
            serapan_pct=percent(real, pagu),
            level=level,
            rows=len(rows),
            tables=tuple(dict.fromkeys(r.table for r in rows)),
        )
    return None


def all_figures(all_rows: Sequence[BudgetRow]) -> Iterator[Aggregate]:
    """Every serapan figure of the budget tables: printed %, recomputed per row and in total."""
    for row in all_rows:
        name = row.kode if row.kode is not None else row.uraian[:40]
        if (p := cell_value(row, "pct")) is not None:
            yield Aggregate(p, f"serapan {name}, tercetak")
        pagu, real = cell_value(row, "pagu"), cell_value(row, "realisasi")
        if pagu and real is not None:
            yield Aggregate(real * 100 / pagu, f"serapan {name}, dihitung ulang")
    for level in ("program", "kegiatan", "ro"):
        rows = _at_level(all_rows, level)
        pagus = [cell_value(r, "pagu") for r in rows]
        reals = [cell_value(r, "realisasi") for r in rows]
        if not rows or None in pagus or None in reals:
            continue
        total_pagu = column_sum(pagus)
        if total_pagu:
            yield Aggregate(column_sum(reals) * 100 / total_pagu, f"serapan total seluruh {level}")


def build(rows: Sequence[BudgetRow], low: set[str]) -> BudgetFigures:
    """All budget figures of the budget rows; ``low``: tables read with low confidence."""
    serapan = [_serapan(r) for r in rows]
    grand = [s for s, r in zip(serapan, rows, strict=True) if r.level == "total" and not r.subtotal]
    return BudgetFigures(
        rows=serapan,
        footings=list(_footings(rows, low)),
        whole=_whole(rows, low) if rows else None,
        printed_total=grand[0] if len(grand) == 1 else None,
        aggregates=list(all_figures(rows)),
    )
