"""Perjanjian Kinerja (PK) and Rencana Kinerja Tahunan (RKT) tables (Bab II, Lampiran).

A PK/RKT table lists sasaran, indikator kinerja and target (value + unit), without a
realisasi column; its indicators and targets must reappear in the capaian tables of Bab III
(DOMAIN.md §1.4, R-V02/R-V09). A report may print several PK tables: the satker's own (signed
by the Sekretaris/Ketua) and cascaded ones of its Kasubbag ("bawahan"); only the satker's own
binds Bab III. One row per indicator: a table row holding several indicators (a cell wrapped
over lines, one indicator per line starting with a capital) is split.
"""

from __future__ import annotations

import re

from lkj_audit.load import columns as col
from lkj_audit.load.anggaran import RO_CODE_RE
from lkj_audit.load.document import Document, RawTable, TableRow
from lkj_audit.load.numbers import YEAR_RE, parse_volume
from lkj_audit.load.rawtables import row_number
from lkj_audit.load.schema import Field, Table, TableModel, validate

_PK_RE = re.compile(r"(?i)perjanjian\s+kinerja|penetapan\s+kinerja|\bPK\b")
_RKT_RE = re.compile(r"(?i)rencana\s+kinerja\s+tahunan|\bRKT\b|rencana\s+kerja\s+tahunan")
_RENSTRA_RE = re.compile(r"(?i)renstra|rencana\s+strategis|jangka\s+menengah")
_BAWAHAN_RE = re.compile(
    r"(?i)kasubbag|kasubag|kepala\s+sub\s*bag|sub\s*bagian|kasubbid|kepala\s+seksi|kasi\b|"
    r"kabag\b|kepala\s+bagian"
)


class PkSchema(TableModel):
    """One indicator of a PK or RKT table; targets as number + unit, the printed text kept."""

    table: str
    line: int
    source: str = Field(isin=["pk", "rkt"])
    level: str = Field(isin=["satker", "bawahan"])
    pihak: str
    no: float = Field(nullable=True)
    sasaran: str
    indikator: str
    kode: str = Field(nullable=True)
    target: float = Field(nullable=True)
    target_unit: str
    target_raw: str
    target_dec: int
    evidence: str


def is_pk_table(table: RawTable) -> bool:
    """An untyped table with indicator and target columns and no realisasi, in Bab II/Lampiran."""
    head = table.header_text
    if table.kind or "indikator" not in head or "target" not in head or "realisasi" in head:
        return False
    named = bool(_PK_RE.search(table.caption) or _RKT_RE.search(table.caption))
    if _RENSTRA_RE.search(table.caption) and not named:
        return False  # five-year Renstra targets, not this year's agreement
    chapter = table.section.chapter.key if table.section is not None else None
    return chapter in {"bab2", "lampiran"} or named


def _source(table: RawTable) -> str:
    where = " ".join([table.caption, table.section.title if table.section else ""])
    if _RKT_RE.search(where) and not _PK_RE.search(table.caption):
        return "rkt"
    return "pk"


def _target_column(table: RawTable, year: int | None, taken: set[int]) -> int | None:
    """The target column of this year; None for a multi-year table without one for ``year``.

    Year labels may sit in the header or, when the reader took them for data, in the first row.
    """
    labels = col.labels(table)
    first = table.rows[0].cells if table.rows else []
    years = {y for lab in labels for y in YEAR_RE.findall(lab)}
    years |= {c.strip() for c in first if re.fullmatch(r"20\d\d", c.strip())}
    if len(years) < 2:
        return col.find(table, r"target", taken=taken)
    this_year = [j for j, lab in enumerate(labels) if year is not None and str(year) in lab]
    return this_year[0] if this_year else None


def _other_year(table: RawTable, year: int | None) -> bool:
    """The table's title names other years only (the PK of another year)."""
    years = {int(y) for y in YEAR_RE.findall(table.caption)}
    return year is not None and bool(years) and year not in years


# Words an indicator opens with ("Persentase …", "Jumlah …", "Nilai …", "Indeks …").
_OPENER_RE = re.compile(
    r"(?i)^(?:persentase|jumlah|nilai|indeks|tingkat|rasio|rata-rata|predikat|opini|skor)\b"
)


def _starts_indicator(cells: list[str], j_ind: int | None, j_tgt: int | None) -> bool:
    """A capitalised line opens an indicator when it carries a target or an indicator word.

    A capital alone is not enough: a wrapped name goes on with "Pemilu 2024 …" or
    "Anggaran (IKPA)".
    """
    text = col.cell(cells, j_ind).strip()
    if not text[:1].isupper():
        return False
    return bool(_OPENER_RE.match(text)) or (
        j_tgt is not None and bool(col.cell(cells, j_tgt).strip())
    )


def _split(row: TableRow, j_ind: int | None, j_tgt: int | None = None) -> list[list[list[str]]]:
    """Source lines of a row grouped per indicator: a new one starts at an indicator's line."""
    groups: list[list[list[str]]] = []
    for cells in row.line_cells or [row.cells]:
        if (
            groups
            and _starts_indicator(cells, j_ind, j_tgt)
            and any(col.cell(c, j_ind).strip() for c in groups[-1])
        ):
            groups.append([cells])
        elif groups:
            groups[-1].append(cells)
        else:
            groups.append([cells])
    return groups


def _joined(lines: list[list[str]], j: int | None) -> str:
    return " ".join(" ".join(col.cell(c, j) for c in lines).split())


def _records(table: RawTable, source: str, level: str, year: int | None) -> list[dict[str, object]]:
    j_ind = col.find(table, r"indikator")
    j_sas = col.find(table, r"sasaran", taken={j_ind} - {None})  # type: ignore[arg-type]
    j_tgt = _target_column(table, year, {j for j in (j_ind, j_sas) if j is not None})
    if j_tgt is None:
        return []
    j_sat = col.find(table, r"satuan", taken={j for j in (j_ind, j_sas, j_tgt) if j is not None})
    out: list[dict[str, object]] = []
    above = ""
    for row in table.rows:
        # An empty sasaran cell under a sasaran is the rest of a cell spanning several
        # indicator rows (a merged cell in Word; its text is printed once, in the first row).
        sasaran = _joined(row.line_cells or [row.cells], j_sas) or above
        above = sasaran
        for k, lines in enumerate(_split(row, j_ind, j_tgt)):
            indikator = _joined(lines, j_ind)
            if not indikator:
                continue
            target = parse_volume(next((t for c in lines if (t := col.cell(c, j_tgt).strip())), ""))
            unit = _joined(lines, j_sat)
            code = RO_CODE_RE.search(indikator)
            out.append(
                {
                    "line": row.lines[0] if k == 0 else _first_line(row, lines),
                    "no": row_number(row.cells[0]) if row.cells else None,
                    "sasaran": sasaran,
                    "indikator": indikator,
                    "kode": f"{code.group(1)}.{code.group(2)}.{code.group(3)}" if code else None,
                    "target": float(target.number.value) if target and target.number else None,
                    "target_unit": (target.unit if target else "") or unit,
                    "target_raw": target.raw if target else "",
                    "target_dec": target.number.decimals if target and target.number else 0,
                    "evidence": row.evidence,
                    "table": table.id,
                    "source": source,
                    "level": level,
                    "pihak": " ".join(table.caption.split())[:200],
                }
            )
    return out


def _first_line(row: TableRow, lines: list[list[str]]) -> int:
    for ln, cells in zip(row.lines, row.line_cells, strict=False):
        if cells is lines[0]:
            return ln
    return row.lines[0]


def empty() -> Table:
    """A PK frame without rows (reports without a PK table)."""
    return validate(PkSchema, [])


def load(doc: Document, year: int | None = None) -> Table:
    """Every indicator of every PK/RKT table (see :class:`PkSchema`); tables are marked ``pk``.

    Tables titled with another year only, and multi-year (Renstra) target tables without a
    column for ``year``, are left out: they are not this year's agreement.
    """
    records: list[dict[str, object]] = []
    for table in doc.tables:
        if not is_pk_table(table) or _other_year(table, year):
            continue
        table.kind = "pk"
        source = _source(table)
        level = "bawahan" if _BAWAHAN_RE.search(table.caption) else "satker"
        records += _records(table, source, level, year)
    return validate(PkSchema, records)
