"""Helpers shared by several rules of this family; registers no rules.

Used by PLA004, PLA005, PLA006.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from lkj_audit import numfmt
from lkj_audit.load import satker as satker_list
from lkj_audit.load.satker import Satker
from lkj_audit.rules.registry import RuleContext
from lkj_audit.rules.support.common import val

STAGE_ORDER = ("DP4", "DPS", "DPSHP", "DPT")  # the order of the updating process


def _satker(ctx: RuleContext) -> Satker | None:
    return satker_list.by_code(ctx.satker_code) if ctx.satker_code else None


def _jumlah(row: Any) -> Fraction | None:
    total = val(row, "jumlah")
    if total is None and val(row, "lk") is not None and val(row, "pr") is not None:
        total = val(row, "lk") + val(row, "pr")  # type: ignore[operator]
    return total


def _stage_totals(ctx: RuleContext) -> list[Any]:
    """The total row of every voter table (a one-row table is its own total)."""
    df = ctx.tables.pemilih
    return [
        rows[rows.is_total].iloc[-1]
        for _, rows in df.groupby("table", sort=False)
        if rows.is_total.any()
    ]


def _ratio(x: Fraction) -> str:
    return numfmt.number(x, 2)
