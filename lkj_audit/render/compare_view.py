"""Display data of the comparison with the previous year (R-A2): formatted, no HTML.

Numbers in Indonesian format (:mod:`lkj_audit.numfmt`); percentages change in percentage
points ("poin"), amounts and counts also in percent of last year's figure.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from lkj_audit import numfmt
from lkj_audit.compare import Comparison, Item
from lkj_audit.compare.items import shown

KIND_LABEL = {
    "anggaran": "Anggaran",
    "capaian": "Capaian kinerja",
    "pemilih": "Data pemilih",
    "pegawai": "Pegawai",
}
DIRECTION_LABEL = {"naik": "naik", "turun": "turun", "tetap": "tetap"}


def _value(value: Fraction, unit: str) -> str:
    return shown(value, unit)


def _change(item: Item) -> str:
    sign = "+" if item.change > 0 else ""
    if item.unit == "%":
        return f"{sign}{numfmt.number(item.change, 2)} poin"
    text = sign + (
        _value(item.change, item.unit) if item.unit == "Rp" else numfmt.number(item.change)
    )
    rel = item.change_pct
    return text if rel is None else f"{text} ({sign}{numfmt.pct(rel, 2)})"


def rows(comparison: Comparison) -> list[dict[str, Any]]:
    """One row per item, in the comparison's order (anggaran, capaian, pemilih, pegawai)."""
    return [
        {
            "kind": KIND_LABEL.get(i.kind, i.kind),
            "label": i.label,
            "previous_label": i.extra.get("previous_label"),
            "line": i.extra.get("line"),
            "previous": _value(i.previous, i.unit),
            "current": _value(i.current, i.unit),
            "change": _change(i),
            "direction": DIRECTION_LABEL[i.direction],
            "certain": i.certain,
        }
        for i in comparison.items
    ]


def context(comparison: Comparison | None) -> dict[str, Any]:
    """Everything the comparison template shows."""
    if comparison is None:
        return {"comparison": None}
    prev = comparison.previous
    return {
        "comparison": {
            "year": comparison.year,
            "previous_year": prev.year,
            "satker": prev.satker or "–",
            "path": prev.path,
            "origin": "folder hasil audit" if prev.origin == "folder" else "laporan",
            "sha256": prev.source_sha256,
            "notes": prev.notes,
            "rows": rows(comparison),
            "unmatched": comparison.unmatched,
        }
    }
