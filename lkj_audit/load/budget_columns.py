"""Column roles and unit of a budget table, found by what the headers say.

Budget tables carry more than pagu and realisasi: a Sisa (unspent) column, a serapan %,
a previous year's realisasi, a realisasi up to a semester. A qualified column ("Realisasi
2023", "Realisasi s.d. Semester I") never stands in for this year's realisasi. When headers
leave a choice, the reading that makes the printed percentages agree wins, and the choice
is recorded (DOMAIN.md §2.2).
"""

from __future__ import annotations

import re
from fractions import Fraction

from lkj_audit.load import columns as col
from lkj_audit.load.document import RawTable
from lkj_audit.load.numbers import YEAR_RE, first_amount, first_percent

_QUALIFIED_RE = re.compile(
    r"(?i)semester|triwulan|\bs\.?\s*d\b\.?|sampai|sebelum|lalu|periode\s+lalu|renstra|"
    r"target|rencana|proyeksi|kumulatif"
)
_SCALES = (
    (re.compile(r"(?i)dalam\s+miliar|\(\s*rp\.?\s*miliar\s*\)|rp\.?\s*\(?\s*miliar\s*\)?"), 10**9),
    (
        re.compile(
            r"(?i)dalam\s+juta(?:an)?(?:\s+rupiah)?|\(\s*(?:rp\.?\s*)?juta(?:\s+rupiah)?\s*\)|"
            r"rp\.?\s*\(?\s*juta\s*\)?|rp\.?\s*000\.?000"
        ),
        10**6,
    ),
    (
        re.compile(
            r"(?i)dalam\s+ribu(?:an)?(?:\s+rupiah)?|\(\s*(?:rp\.?\s*)?ribu(?:an)?(?:\s+rupiah)?"
            r"\s*\)|\(\s*rp\.?\s*000\s*\)|rp\.?\s*\(\s*000\s*\)|dalam\s+rp\.?\s*000|"
            r"x\s*rp\.?\s*1\.?000\b"
        ),
        1000,
    ),
)


def scale_of(table: RawTable) -> int:
    """Rupiah per printed unit: 1000 for "(dalam ribuan rupiah)", "(Rp 000)"; 1 otherwise."""
    texts = [table.header_text, table.caption]
    for rx, factor in _SCALES:
        if any(rx.search(t) for t in texts):
            return factor
    return 1


def _realisasi_candidates(labels: list[str], year: int | None, taken: set[int]) -> list[int]:
    out = []
    for j, lab in enumerate(labels):
        if j in taken or "realisasi" not in lab or re.search(r"%|persen", lab):
            continue
        years = [int(y) for y in YEAR_RE.findall(lab)]
        if years and year is not None and year not in years:
            continue
        if _QUALIFIED_RE.search(lab.replace("realisasi", "")):
            continue
        out.append(j)
    return out


def _agreement(table: RawTable, pagu: int | None, real: int, pct: int | None) -> int:
    """How many rows' printed % equal realisasi / pagu under this reading."""
    hits = 0
    for row in table.rows:
        cells = row.cells
        p = first_amount(col.cell(cells, pagu)) if pagu is not None else None
        r = first_amount(col.cell(cells, real))
        printed = first_percent(col.cell(cells, pct) if pct is not None else col.cell(cells, real))
        if p is None or r is None or printed is None or p.value == 0:
            continue
        computed = r.value * 100 / p.value
        unit = Fraction(1, 10**printed.decimals)
        hits += printed.value - unit / 2 <= computed < printed.value + unit
    return hits


def column_index(table: RawTable, year: int | None) -> dict[str, int | None]:
    """Role -> column index for a budget table; roles and doubts recorded on the table."""
    labels = col.labels(table)
    taken: set[int] = set()
    idx: dict[str, int | None] = {}
    # Two years side by side ("Pagu 2023 | Realisasi 2023 | Pagu 2024 | …"): this year's pagu.
    other = _other_years(labels, year)
    idx["pagu"] = col.find(table, r"pagu|alokasi|dipa", taken=other) or col.find(
        table, r"anggaran", exclude=r"realisasi|sisa|selisih|%|persen", taken=other
    )
    _take(taken, idx["pagu"])
    candidates = _realisasi_candidates(labels, year, taken)
    if not candidates:  # only qualified realisasi columns: take the first, as printed
        candidates = [j for j, lab in enumerate(labels) if "realisasi" in lab and j not in taken]
        candidates = [j for j in candidates if not re.search(r"%|persen", labels[j])][:1]
    idx["pct"] = col.find(
        table, r"%|persen|serapan|capaian", exclude=r"sisa|selisih", taken=taken | set(candidates)
    )
    idx["realisasi"] = candidates[0] if candidates else None
    if len(candidates) > 1:
        scores = [(_agreement(table, idx["pagu"], j, idx["pct"]), -j) for j in candidates]
        best = -max(scores)[1]
        if sorted(scores)[-1][0] == sorted(scores)[-2][0]:
            table.doubts.append(
                "beberapa kolom realisasi; dipilih kolom "
                f"“{labels[best]}” tanpa bukti dari persentase tercetak"
            )
        idx["realisasi"] = best
    _take(taken, idx["realisasi"])
    _take(taken, idx["pct"])
    idx["sisa"] = col.find(table, r"sisa|selisih", taken=taken)
    _take(taken, idx["sisa"])
    idx["kode"] = col.find(table, r"\bkode\b", taken=taken)
    _take(taken, idx["kode"])
    idx["uraian"] = col.find(
        table, r"uraian|program|kegiatan|output|rincian|nama|kgiatan|ro\b", taken=taken
    )
    printed = col.printed_labels(table)
    table.roles = {role: printed[j] for role, j in idx.items() if j is not None}
    return idx


def other_year_pairs(table: RawTable, year: int | None) -> list[tuple[int, int, int]]:
    """(year, pagu column, realisasi column) of each other year printed beside this year's.

    "Pagu 2023 | Realisasi 2023 | Pagu 2024 | Realisasi 2024 | %": one pagu and one
    realisasi column for that year, no column naming both years or qualified ("s.d.").
    """
    labels = col.labels(table)
    if year is None or not any(str(year) in lab for lab in labels):
        return []
    out = []
    for y in sorted({int(y) for lab in labels for y in YEAR_RE.findall(lab)} - {year}):
        dated = [j for j, lab in enumerate(labels) if str(y) in lab]
        if any(str(year) in labels[j] or _QUALIFIED_RE.search(labels[j]) for j in dated):
            continue
        real = [
            j for j in dated if "realisasi" in labels[j] and not re.search(r"%|persen", labels[j])
        ]
        pagu = [
            j
            for j in dated
            if j not in real and re.search(r"pagu|alokasi|dipa|anggaran", labels[j])
        ]
        if len(pagu) == 1 and len(real) == 1:
            out.append((y, pagu[0], real[0]))
    return out


def _other_years(labels: list[str], year: int | None) -> set[int]:
    """Columns labelled with other years only, when another column names ``year``."""
    years = [{int(y) for y in YEAR_RE.findall(lab)} for lab in labels]
    if year is None or not any(year in ys for ys in years):
        return set()
    return {j for j, ys in enumerate(years) if ys and year not in ys}


def _take(taken: set[int], j: int | None) -> None:
    if j is not None:
        taken.add(j)
