"""PML002 ``pemilih.rows_sum_to_total``.

In a per-kecamatan voter table, the kecamatan rows add up to the total row.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.load.rows import VoterRow
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.pemilih._shared import _where, column_footing
from lkj_audit.rules.registry import RuleContext, rule
from lkj_audit.rules.support.common import val


def _raw(row: VoterRow, column: str) -> str:
    """The printed text of a figure ('' for TPS, which is read without it)."""
    return {"lk": row.lk_raw, "pr": row.pr_raw, "jumlah": row.jumlah_raw}.get(column, "")


@rule(
    code="PML002",
    name="pemilih.rows_sum_to_total",
    category=Category.ARITHMETIC,
    severity=Severity.ERROR,
    sums_rows=True,
    severity_reason=("disproved: the kecamatan rows add up to another total"),
    domain=("R-P02", "R-X01"),
    tables=("pemilih",),
    tolerance="exact",
)
def rows_sum_to_total(ctx: RuleContext) -> Iterator[Finding]:
    """In a per-kecamatan voter table, the kecamatan rows add up to the total row.

    Why it matters: the kabupaten total is the figure quoted elsewhere; it must be the sum
    of the kecamatan it is made of.
    Fails when: for LK, PR, JUMLAH or TPS, Σ kecamatan rows ≠ the Jumlah/Total row, or
    Σ the rows above a subtotal ("Jumlah Dapil 1", "Jumlah Kecamatan …") ≠ that subtotal
    (judged only where another subtotal of the table adds up so).
    Passes when: every column adds up, or the table has no separate total row.
    """
    by_table: dict[str, list[VoterRow]] = {}
    for r in ctx.rows.pemilih:
        by_table.setdefault(r.table, []).append(r)
    for rows in by_table.values():
        totals = [r for r in rows if r.is_total and not r.is_subtotal]
        parts = [r for r in rows if not r.is_total]
        if totals and parts:
            yield from _footings(ctx, totals[0], parts)
        for subtotal, section in _sections(rows):
            yield from _footings(ctx, subtotal, section)


def _sections(rows: list[VoterRow]) -> list[tuple[VoterRow, list[VoterRow]]]:
    """Each subtotal row ("Jumlah Dapil 1") with the rows it sums: those since the last one.

    Only when the layout shows it: a subtotal after its rows, and at least one subtotal in
    the table adding up so in every column (a table whose subtotals stand above their rows,
    or sum something else, is not judged by this reading).
    """
    out: list[tuple[VoterRow, list[VoterRow]]] = []
    section: list[VoterRow] = []
    for r in rows:
        if r.is_subtotal:
            if section:
                out.append((r, section))
            section = []
        elif not r.is_total:
            section.append(r)
    return out if any(_adds_up(s, part) for s, part in out) else []


def _adds_up(subtotal: VoterRow, section: list[VoterRow]) -> bool:
    checked = 0
    for column in ("lk", "pr", "jumlah"):
        t = val(subtotal, column)
        values = [val(p, column) for p in section]
        if t is None or any(v is None for v in values):
            continue
        if sum(v for v in values if v is not None) != t:
            return False
        checked += 1
    return checked > 0


def _footings(ctx: RuleContext, total: VoterRow, parts: list[VoterRow]) -> Iterator[Finding]:
    """The findings of ``total`` against the sum of ``parts``, column by column."""
    for column in ("lk", "pr", "jumlah", "tps"):
        t = val(total, column)
        values = [val(p, column) for p in parts]
        if t is None or any(v is None for v in values):
            continue
        finding = column_footing(
            ctx,
            subject=f"{column.upper()} {_where(total)}",
            total=(
                total.line,
                total.table,
                _where(total),
                column.upper(),
                t,
                _raw(total, column) or numfmt.number(t),
                total.evidence,
            ),
            parts=[
                (p.wilayah, v, str(v) if column == "tps" else _raw(p, column))
                for p, v in zip(parts, values, strict=True)
                if v is not None  # every one is: checked above
            ],
        )
        if finding is not None:
            yield finding
