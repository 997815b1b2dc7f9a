"""Helpers shared by several rules of this family; registers no rules.

Used by PLA004, PLA005, PLA006.
"""

from __future__ import annotations

from fractions import Fraction

from lkj_audit import numfmt
from lkj_audit.load import satker as satker_list
from lkj_audit.load.rows import VoterRow
from lkj_audit.load.satker import Satker
from lkj_audit.rules.registry import RuleContext
from lkj_audit.rules.support.common import val

STAGE_ORDER = ("DP4", "DPS", "DPSHP", "DPT")  # the order of the updating process


def _satker(ctx: RuleContext) -> Satker | None:
    return satker_list.by_code(ctx.satker_code) if ctx.satker_code else None


def _jumlah(row: VoterRow) -> Fraction | None:
    total = val(row, "jumlah")
    lk, pr = val(row, "lk"), val(row, "pr")
    if total is None and lk is not None and pr is not None:
        total = lk + pr
    return total


def _stage_totals(ctx: RuleContext) -> list[VoterRow]:
    """The total row of every voter table (a one-row table is its own total)."""
    last: dict[str, VoterRow] = {}  # tables in reading order, each with its last total row
    for row in ctx.rows.pemilih:
        if row.is_total and not row.is_subtotal:
            last[row.table] = row
    return list(last.values())


def _ratio(x: Fraction) -> str:
    return numfmt.number(x, 2)
