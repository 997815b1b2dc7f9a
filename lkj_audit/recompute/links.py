"""Where each RO and indicator appears across tables: RO occurrences and PK ↔ capaian pairs.

Computed once with the figures (DOMAIN.md §1.4 R-V02, §3.1 R-C02/R-C03): each printed RO
code with the name printed next to it in the budget, capaian and PK tables; and each satker
PK indicator with its best Bab III capaian indicator (same RO code, else fuzzy wording).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz import fuzz

from lkj_audit.load.anggaran import RO_CODE_RE
from lkj_audit.load.cellcache import cell_cache
from lkj_audit.load.rows import IndicatorRow, PkRow, TableRows

MATCH = 85  # DOMAIN.md R-V02: same wording = fuzzy similarity ≥ 0.85
_PUNCT = re.compile(r"[^a-z0-9]+")


class NamedIndicator(Protocol):
    """What :func:`similarity` compares: an RO code (if any) and an indicator name."""

    @property
    def kode(self) -> str | None:
        """The RO code, or None."""
        ...

    @property
    def indikator(self) -> str:
        """The indicator's name as printed."""
        ...


@cell_cache  # the same names are compared many times (PK × Bab III)
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


def occurrences(rows: TableRows) -> dict[str, list[Occurrence]]:
    """Every printed RO code with its name, budget first (the DIPA name is the reference)."""
    out: dict[str, list[Occurrence]] = {}
    for b in rows.anggaran:
        if b.level == "ro" and b.kode is not None:
            out.setdefault(b.kode, []).append(
                Occurrence("anggaran", b.table, b.line, ro_name(b.uraian), b.uraian)
            )
    for c in rows.capaian:
        if c.kode is not None:
            out.setdefault(c.kode, []).append(
                Occurrence("capaian", c.table, c.line, ro_name(c.indikator), c.indikator)
            )
    for p in rows.pk:
        if p.level == "satker" and p.kode is not None:
            out.setdefault(p.kode, []).append(
                Occurrence("pk", p.table, p.line, ro_name(p.indikator), p.indikator)
            )
    return out


# A revised agreement: "Perjanjian Kinerja Perubahan", "PK (Revisi)", "setelah perubahan";
# not "sebelum perubahan", which names the agreement it replaced.
_REVISED_RE = re.compile(r"(?i)(?<!sebelum )\bperubahan\b|\brevisi\b")


def satker_pk(rows: TableRows) -> tuple[PkRow, ...]:
    """The satker's own PK indicators (cascaded PK and OCR debris left out).

    When the year's PK was revised and the report prints both (a "Perjanjian Kinerja Awal"
    and a "Perjanjian Kinerja Perubahan" table), only the revised one binds Bab III: the
    rows of PK tables not titled as a revision are superseded (DOMAIN.md R-V02).
    """

    def words(text: str) -> int:
        return len([w for w in ro_name(text).split() if len(w) >= 3])

    own = [
        p
        for p in rows.pk
        if p.source == "pk"
        and p.level == "satker"
        # OCR debris ("D", "- ý 9") is not an indicator
        and (words(p.indikator) >= 2 or p.kode is not None)
    ]
    revised = [p for p in own if _REVISED_RE.search(p.pihak)]
    return tuple(revised or own)


def similarity(a: NamedIndicator, b: NamedIndicator) -> float:
    """How alike two indicators are (0–100): same RO code = 100, else fuzzy on the names."""
    if a.kode is not None and a.kode == b.kode:
        return 100.0
    na, nb = ro_name(a.indikator), ro_name(b.indikator)
    return max(fuzz.token_sort_ratio(na, nb), fuzz.ratio(na, nb))


PkPairs = tuple[tuple[PkRow, ...], list[tuple[PkRow, IndicatorRow | None]]]


def pk_pairs(rows: TableRows, bab3: Sequence[IndicatorRow]) -> PkPairs:
    """Each satker PK indicator with its best Bab III indicator (None below the threshold)."""
    pk = satker_pk(rows)
    out: list[tuple[PkRow, IndicatorRow | None]] = []
    for p in pk:
        scored = [(similarity(p, c), c) for c in bab3]
        # max() keeps the first of equals, as reading order should
        best = max(scored, key=lambda sc: sc[0], default=None)
        out.append((p, best[1] if best is not None and best[0] >= MATCH else None))
    return pk, out
