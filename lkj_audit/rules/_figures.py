"""Figures shared by cross-table and narrative rules, read from ``ctx.figures``.

The capaian and serapan figures themselves are recomputed once in
:mod:`lkj_audit.recompute` (per indicator, per sasaran, overall; per budget row and level);
this module only names RO/indicators for fuzzy comparison and finds the figure a printed
percentage stands for.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

import pandas as pd

from lkj_audit import recompute
from lkj_audit.load.anggaran import RO_CODE_RE
from lkj_audit.recompute.kinerja import Aggregate as Aggregate
from lkj_audit.recompute.kinerja import printed_capaian as printed_capaian
from lkj_audit.recompute.kinerja import recomputed_capaian as recomputed_capaian
from lkj_audit.recompute.kinerja import sasaran_key as sasaran_key

_PUNCT = re.compile(r"[^a-z0-9]+")


def ro_name(text: str) -> str:
    """An RO/indicator name without its code, brackets, numbering or punctuation (lower case)."""
    text = RO_CODE_RE.sub(" ", text or "")
    text = re.sub(r"^\s*\d{4}\b", " ", text)  # a kegiatan code in front of the name
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


def capaian_rows(ctx: Any) -> pd.DataFrame:
    """Capaian rows of Bab III (a summary table in the Ikhtisar repeats them), else all rows."""
    rows: pd.DataFrame = ctx.figures.capaian.bab3
    return rows


def matches(printed: Fraction, decimals: int, figures: list[Aggregate]) -> Aggregate | None:
    """The first figure the printed percentage stands for (rounded or truncated)."""
    return next((f for f in figures if recompute.agrees(printed, decimals, f.value)), None)
