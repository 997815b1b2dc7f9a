"""Figures shared by cross-table and narrative rules, read from ``ctx.figures``.

The capaian and serapan figures themselves are recomputed once in
:mod:`lkj_audit.recompute` (per indicator, per sasaran, overall; per budget row and level);
this module only finds the figure a printed percentage stands for.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from lkj_audit import recompute
from lkj_audit.load.rows import IndicatorRow
from lkj_audit.recompute.kinerja import Aggregate as Aggregate
from lkj_audit.recompute.kinerja import printed_capaian as printed_capaian
from lkj_audit.recompute.kinerja import recomputed_capaian as recomputed_capaian
from lkj_audit.recompute.kinerja import sasaran_key as sasaran_key
from lkj_audit.recompute.links import ro_name as ro_name

if TYPE_CHECKING:
    from lkj_audit.rules.registry import RuleContext


def capaian_rows(ctx: RuleContext) -> tuple[IndicatorRow, ...]:
    """Capaian rows of Bab III (a summary table in the Ikhtisar repeats them), else all rows."""
    return ctx.figures.capaian.bab3


def matches(printed: Fraction, decimals: int, figures: list[Aggregate]) -> Aggregate | None:
    """The first figure the printed percentage stands for (rounded or truncated)."""
    return next((f for f in figures if recompute.agrees(printed, decimals, f.value)), None)
