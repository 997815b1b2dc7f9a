"""Recomputation: exact arithmetic, and every figure of a report recomputed once.

:mod:`~lkj_audit.recompute.arith` holds the pure functions (exact values, agreement within
printed precision, digit slips); :func:`~lkj_audit.recompute.figures.build` turns the typed
tables into :class:`~lkj_audit.recompute.figures.Figures` once per audit, which rules, the
HTML views, the charts and the batch index read instead of re-adding rows themselves.
"""

from __future__ import annotations

from lkj_audit.recompute.arith import (
    HUNDRED,
    Slip,
    agreeing,
    agrees,
    capaian,
    cell_value,
    column_sum,
    exact,
    integers_scaled_into,
    percent,
    slip_to,
    slips_matching,
    sums_agree,
)

__all__ = [
    "HUNDRED",
    "Slip",
    "agreeing",
    "agrees",
    "capaian",
    "cell_value",
    "column_sum",
    "exact",
    "integers_scaled_into",
    "percent",
    "slip_to",
    "slips_matching",
    "sums_agree",
]
