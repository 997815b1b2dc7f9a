"""Helpers of the capaian rules (no rules here)."""

from __future__ import annotations

from fractions import Fraction

from lkj_audit import numfmt
from lkj_audit.load.rows import IndicatorRow
from lkj_audit.rules.support.common import label


def printed_against_computed(row: IndicatorRow, computed: Fraction, decimals: int) -> str:
    """'Capaian indikator X tertulis "…", sedangkan realisasi "…" terhadap target "…" memberi …'."""
    return (
        f"Capaian indikator {label(row)} tertulis {numfmt.quoted(row.capaian_raw)}, "
        f"sedangkan realisasi {numfmt.quoted(row.realisasi_raw)} terhadap target "
        f"{numfmt.quoted(row.target_raw)} memberi {numfmt.pct(computed, decimals)}"
    )
