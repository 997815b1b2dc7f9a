"""PEG002 ``pegawai.count_table_sums``.

The Jumlah row and the Jumlah column of a staff count table equal the sums of their counts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from lkj_audit.load.rows import StaffCountRow
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule


@rule(
    code="PEG002",
    name="pegawai.count_table_sums",
    category=Category.ARITHMETIC,
    severity=Severity.ERROR,
    sums_rows=True,
    severity_reason="disproved: the table's own counts add up to another number",
    domain=("R-G01", "R-P01"),
    tables=("pegawai_jumlah",),
    tolerance="exact (whole people)",
)
def count_table_sums(ctx: RuleContext) -> Iterator[Finding]:
    """The Jumlah row and the Jumlah column of a staff count table equal the sums of their counts.

    Why it matters: a staff table by education, rank or sex whose Jumlah does not add up
    shows that a row or a total was not updated, and the staff count the text states may
    come from either.
    Fails when: a Jumlah row's count differs from the sum of the counts above it in its
    column, or a Jumlah column's count differs from the sum of the other counts of its row.
    Passes when: every Jumlah adds up (a table without a Jumlah column is checked by rows).
    """
    by_table: dict[str, list[StaffCountRow]] = defaultdict(list)
    for r in ctx.rows.pegawai_jumlah:
        by_table[r.table].append(r)
    for table, counts in by_table.items():
        yield from _column_sums(ctx, table, counts)
        yield from _row_sums(ctx, table, counts)


def _column_sums(ctx: RuleContext, table: str, counts: list[StaffCountRow]) -> Iterator[Finding]:
    for column in dict.fromkeys(r.column for r in counts):
        cells = [r for r in counts if r.column == column]
        total = next((r for r in cells if r.total_row), None)
        if total is None:
            continue
        parts = [r.count for r in cells if not r.total_row]
        if sum(parts) == total.count:
            continue
        yield _finding(ctx, table, total, sum(parts), f"{len(parts)} baris di atasnya")


def _row_sums(ctx: RuleContext, table: str, counts: list[StaffCountRow]) -> Iterator[Finding]:
    for line in dict.fromkeys(r.line for r in counts):
        cells = [r for r in counts if r.line == line]
        totals = [r for r in cells if r.total_column]
        parts = [r for r in cells if not r.total_column]
        if len(totals) != 1 or len(parts) < 2:
            continue
        if sum(r.count for r in parts) == totals[0].count:
            continue
        names = " + ".join(r.column for r in parts)
        yield _finding(ctx, table, totals[0], sum(r.count for r in parts), names)


def _finding(
    ctx: RuleContext, table: str, total: StaffCountRow, expected: int, parts: str
) -> Finding:
    return ctx.finding(
        line=total.line,
        table=table,
        row=total.category,
        column=total.column,
        stated=str(total.count),
        expected=str(expected),
        message=(
            f"Tabel jumlah pegawai: {total.column} pada baris {total.category} tertulis "
            f'"{total.count}", tetapi {parts} berjumlah {expected}. Periksa angka baris dan '
            "jumlahnya."
        ),
        evidence=total.evidence,
    )
