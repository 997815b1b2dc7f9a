"""The report's own rating scale (Skala Penilaian Capaian; DOMAIN.md §2.3).

Scales differ between reports (4-band KPU, 5-level, 6-level, binary), so the scale is read
from the report and stored as data: one band per row with its bounds and inclusiveness.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from lkj_audit.load import columns as col
from lkj_audit.load.document import Document, RawTable
from lkj_audit.load.numbers import Number, parse_decimal
from lkj_audit.load.schema import Table, TableModel, table_rows, validate

if TYPE_CHECKING:
    import pandas as pd

    from lkj_audit.load.rows import ScaleRow

_N = r"(\d+(?:[.,]\d+)?)\s*%?"


class SkalaSchema(TableModel):
    """One band: lower/upper bound (percent) with inclusiveness, and its category."""

    table: str
    line: int
    lower: float
    lower_inclusive: bool
    upper: float
    upper_inclusive: bool
    kategori: str
    rentang_raw: str
    decimals: int
    evidence: str


def _parsed(token: str) -> Number:
    # Only called on what _N captured (digits, at most one mark), which parse_decimal accepts.
    return cast(Number, parse_decimal(token))


def _num(token: str) -> float:
    return float(_parsed(token).value)


def _dec(*tokens: str) -> int:
    return max((_parsed(s).decimals for s in tokens), default=0)


def parse_band(text: str) -> tuple[float, bool, float, bool, int] | None:
    """Bounds of a printed range: ``Kurang dari 55 %``, ``55 % - 75 %``, ``>85 - 100``, ``≤ 50``."""
    t = " ".join(text.lower().replace(",", ".").split())
    # "55% - < 76%", "≥ 55 - < 76", "> 75 s.d. ≤ 90": a range whose ends carry their operator
    if m := re.search(
        rf"(>=|≥|>)?\s*{_N}\s*(?:-|–|s\.?d\.?|sampai(?:\s+dengan)?)\s*(<=|≤|<)\s*{_N}", t
    ):
        low_in = m[1] != ">"
        return _num(m[2]), low_in, _num(m[4]), m[3] != "<", _dec(m[2], m[4])
    if m := re.search(rf"(?:>|lebih\s+dari|di\s+atas)\s*{_N}\s*(?:-|–|s\.?d\.?|sampai)\s*{_N}", t):
        return _num(m[1]), False, _num(m[2]), True, _dec(m[1], m[2])
    if m := re.search(rf"{_N}\s*(?:-|–|s\.?d\.?|sampai(?:\s+dengan)?)\s*{_N}", t):
        return _num(m[1]), True, _num(m[2]), True, _dec(m[1], m[2])
    if m := re.search(rf"(?:<|kurang\s+dari|di\s+bawah)\s*{_N}", t):
        return -math.inf, False, _num(m[1]), False, _dec(m[1])
    if m := re.search(rf"(?:≤|<=|maksimal|paling\s+tinggi)\s*{_N}", t):
        return -math.inf, False, _num(m[1]), True, _dec(m[1])
    if m := re.search(rf"(?:>|lebih\s+dari|di\s+atas)\s*{_N}", t):
        return _num(m[1]), False, math.inf, False, _dec(m[1])
    if m := re.search(rf"(?:≥|>=|minimal|paling\s+rendah)\s*{_N}", t):
        return _num(m[1]), True, math.inf, False, _dec(m[1])
    return None


def is_scale_table(table: RawTable) -> bool:
    """Header speaks of a range and a category, or the caption of a rating scale."""
    head = table.header_text
    # The category column: "Kategori", "Predikat", or "Kriteria" (older LAKIP: "Sangat Berhasil")
    category = bool(re.search(r"kategori|predikat|kriteria", head))
    if (bool(re.search(r"rentang|interval|skala|nilai", head)) and category) or (
        "skala" in table.caption.lower() and category
    ):
        return True
    # "Capaian | Kategori" (or Predikat): a scale when nothing is measured in it (no
    # indicator, target or realisasi column) and its rows are ranges ("90% - 100%", "< 75%").
    if not re.search(r"capaian", head) or not category:
        return False
    if re.search(r"indikator|target|realisasi|sasaran", head):
        return False
    bands = [parse_band(row.cells[0]) for row in table.rows if row.cells]
    return len(bands) >= 2 and all(b is not None for b in bands)


def load(doc: Document) -> Table:
    """Bands of every rating-scale table, in printed order (see :class:`SkalaSchema`)."""
    records = []
    for table in doc.tables:
        if table.kind or not is_scale_table(table):
            continue
        table.kind = "skala"
        j_range = col.find(
            table, r"rentang|interval|nilai|skala|capaian", exclude=r"kategori|kriteria"
        )
        j_cat = col.find(table, r"kategori|predikat|kriteria|keterangan")
        for row in table.rows:
            rentang = col.cell(row.cells, j_range)
            band = parse_band(rentang)
            if band is None:
                continue
            lower, lo_inc, upper, up_inc, decimals = band
            records.append(
                {
                    "table": table.id,
                    "line": row.line,
                    "lower": lower,
                    "lower_inclusive": lo_inc,
                    "upper": upper,
                    "upper_inclusive": up_inc,
                    "kategori": " ".join(col.cell(row.cells, j_cat).split()),
                    "rentang_raw": rentang,
                    "decimals": decimals,
                    "evidence": row.evidence,
                }
            )
    return validate(SkalaSchema, records)


def category_for(skala: pd.DataFrame | Sequence[ScaleRow], value: float) -> str | None:
    """The category the scale (its frame or rows) assigns to ``value`` (None in a gap)."""
    bands = skala if isinstance(skala, Sequence) else table_rows(skala)  # a DataFrame is none
    for band in bands:
        lo_ok = value > band.lower or (band.lower_inclusive and value == band.lower)
        up_ok = value < band.upper or (band.upper_inclusive and value == band.upper)
        if lo_ok and up_ok:
            return str(band.kategori)
    return None
