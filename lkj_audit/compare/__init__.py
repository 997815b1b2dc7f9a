"""Comparison with the previous year (DOMAIN.md R-A2): the figures of both years, side by side.

:func:`~lkj_audit.compare.previous.load` reads last year's report or run folder (refusing
another satker's or a later year's); :func:`~lkj_audit.compare.items.build` pairs its
recomputed figures with this year's (``ctx.figures``): serapan, capaian per matched
indicator, voter stages, staff. findings.json carries the result as ``comparison``, the
audit HTML shows it, and rule NAR006 checks "meningkat/menurun dibanding tahun sebelumnya".
"""

from __future__ import annotations

from lkj_audit.compare.items import Comparison, Item, build
from lkj_audit.compare.previous import PreviousYear, load

__all__ = ["Comparison", "Item", "PreviousYear", "build", "load"]
