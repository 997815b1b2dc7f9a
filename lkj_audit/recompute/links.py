"""Where each RO and indicator appears across tables: RO occurrences and PK ↔ capaian pairs.

Computed once with the figures (DOMAIN.md §1.4 R-V02, §3.1 R-C02/R-C03): each printed RO
code with the name printed next to it in the budget, capaian and PK tables; and each satker
PK indicator with its best Bab III capaian indicator (same RO code, else fuzzy wording).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pandas as pd
from rapidfuzz import fuzz

from lkj_audit.load.anggaran import RO_CODE_RE
from lkj_audit.load.schema import table_rows
from lkj_audit.load.tables import ReportTables

MATCH = 85  # DOMAIN.md R-V02: same wording = fuzzy similarity ≥ 0.85
_PUNCT = re.compile(r"[^a-z0-9]+")


def ro_name(text: str) -> str:
    """An RO/indicator name without its code, brackets, numbering or punctuation (lower case)."""
    text = RO_CODE_RE.sub(" ", text or "")
    text = re.sub(r"^\s*\d{4}\b", " ", text)  # a kegiatan code in front of the name
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where an RO code is named: which table kind, table, line and the name printed there."""

    where: str  # "capaian" | "anggaran" | "pk"
    table: str
    line: int
    name: str
    raw: str


def occurrences(tables: ReportTables) -> dict[str, list[Occurrence]]:
    """Every printed RO code with its name, budget first (the DIPA name is the reference)."""
    out: dict[str, list[Occurrence]] = {}
    budget = tables.anggaran
    for r in table_rows(budget[budget.level == "ro"]):
        out.setdefault(r.kode, []).append(
            Occurrence("anggaran", r.table, r.line, ro_name(r.uraian), r.uraian)
        )
    for r in table_rows(tables.capaian):
        if isinstance(r.kode, str):
            out.setdefault(r.kode, []).append(
                Occurrence("capaian", r.table, r.line, ro_name(r.indikator), r.indikator)
            )
    pk = tables.pk
    for r in table_rows(pk[pk.level == "satker"]):
        if isinstance(r.kode, str):
            out.setdefault(r.kode, []).append(
                Occurrence("pk", r.table, r.line, ro_name(r.indikator), r.indikator)
            )
    return out


def satker_pk(tables: ReportTables) -> pd.DataFrame:
    """The satker's own PK indicators (cascaded PK and OCR debris left out)."""
    pk: pd.DataFrame = tables.pk
    pk = pk[(pk.source == "pk") & (pk.level == "satker")]
    words = pk.indikator.map(lambda t: len([w for w in ro_name(t).split() if len(w) >= 3]))
    return pk[(words >= 2) | pk.kode.notna()]  # OCR debris ("D", "- ý 9") is not an indicator


def similarity(a: Any, b: Any) -> float:
    """How alike two indicators are (0–100): same RO code = 100, else fuzzy on the names."""
    if isinstance(a.kode, str) and a.kode == b.kode:
        return 100.0
    na, nb = ro_name(a.indikator), ro_name(b.indikator)
    return max(fuzz.token_sort_ratio(na, nb), fuzz.ratio(na, nb))


def pk_pairs(
    tables: ReportTables, bab3: pd.DataFrame
) -> tuple[pd.DataFrame, list[tuple[Any, Any | None]]]:
    """Each satker PK indicator with its best Bab III indicator (None below the threshold)."""
    pk = satker_pk(tables)
    cap = list(bab3.itertuples())
    out: list[tuple[Any, Any | None]] = []
    for p in table_rows(pk):
        best = max(cap, key=lambda c: similarity(p, c), default=None)
        out.append((p, best if best is not None and similarity(p, best) >= MATCH else None))
    return pk, out
