"""Voter tables (DP4, DPS, DPSHP, DPT, DPTb, DPK, DPB): male, female, total (DOMAIN.md §3.3).

Handles the three one-row tables of a kabupaten report and per-kecamatan tables (one row per
kecamatan, optional TPS column, a Jumlah/Total row), in any column order.
"""

from __future__ import annotations

import re

from lkj_audit.load import columns as col
from lkj_audit.load.document import Document, RawTable
from lkj_audit.load.numbers import first_amount
from lkj_audit.load.rawtables import row_number
from lkj_audit.load.schema import Field, Table, TableModel, validate

STAGES = ("DP4", "DPSHP", "DPS", "DPTb", "DPT", "DPK", "DPB")
_STAGE_RE = re.compile(r"\b(DP4|DPSHP|DPS|DPTb|DPT|DPK|DPB)\b")
_STAGE_WORDS = {
    "DP4": r"penduduk\s+potensial",
    "DPSHP": r"sementara\s+hasil\s+perbaikan",
    "DPS": r"pemilih\s+sementara",
    "DPTb": r"pemilih\s+tambahan",
    "DPK": r"pemilih\s+khusus",
    # Between elections: the continuously updated list (Daftar Pemilih Berkelanjutan).
    "DPB": r"pemilih\s+berkelanjutan",
    "DPT": r"pemilih\s+tetap",
}
_LK = r"(?:^|\s)(lk|l|laki|laki-laki|laki\s*-\s*laki|pria)\b"
_PR = r"(?:^|\s)(pr|p|perempuan|wanita)\b"


class PemilihSchema(TableModel):
    """One row of a voter table (a kecamatan, or the whole satker)."""

    table: str
    line: int
    tahap: str = Field(nullable=True)
    wilayah: str
    is_total: bool
    lk: float = Field(nullable=True, ge=0)
    lk_raw: str
    pr: float = Field(nullable=True, ge=0)
    pr_raw: str
    jumlah: float = Field(nullable=True, ge=0)
    jumlah_raw: str
    tps: float = Field(nullable=True, ge=0)
    evidence: str
    doubt: str  # why a figure could not be read with certainty ('' when it could)


def _columns(table: RawTable) -> dict[str, int | None]:
    labels = [lab.strip() for lab in col.labels(table)]

    def find(rx: str) -> int | None:
        return next((j for j, lab in enumerate(labels) if re.search(rx, lab)), None)

    idx = {"lk": find(_LK), "pr": find(_PR)}
    sexes = {j for j in (idx["lk"], idx["pr"]) if j is not None}
    idx["jumlah"] = next(
        (
            j
            for j, lab in enumerate(labels)
            if j not in sexes
            and re.search(r"jumlah|total|l\s*\+\s*p", lab)
            and not re.search(r"\btps\b", lab)
        ),
        None,
    )
    idx["tps"] = find(r"\btps\b")
    taken = {j for j in idx.values() if j is not None}
    idx["wilayah"] = next(
        (
            j
            for j, lab in enumerate(labels)
            if j not in taken and re.search(r"kecamatan|desa|wilayah|kab|kota|nama", lab)
        ),
        None,
    )
    return idx


# Tables of staff by sex ("Komposisi PNS menurut golongan: Golongan | L | P | Jumlah").
_STAFF_RE = re.compile(r"(?i)\b(?:golongan|pangkat|pegawai|pns|pppk|ppnpn|jabatan)\b")


def is_voter_table(table: RawTable) -> bool:
    """Header has separate male and female columns, and neither it nor the caption is staff."""
    idx = _columns(table)
    if _STAFF_RE.search(f"{table.header_text} {table.caption}"):
        return False
    return idx["lk"] is not None and idx["pr"] is not None


def _continues(table: RawTable, previous: RawTable | None) -> bool:
    """``table`` is the rest of ``previous`` after a page break (header printed again).

    Same header, the previous part has no total row, and this part's numbering goes on
    ("6", "7", …) instead of starting at 1.
    """
    if previous is None or not table.rows or col.labels(table) != col.labels(previous):
        return False
    if any(r.is_total for r in previous.rows):
        return False
    first = _row_no(table.rows[0].cells)
    last = next((n for r in reversed(previous.rows) if (n := _row_no(r.cells))), None)
    return first is not None and last is not None and first == last + 1


def _row_no(cells: list[str]) -> int | None:
    """The row's number when its first cell is only a number ("6", "6."), not a figure."""
    first = cells[0].strip() if cells else ""
    return row_number(first) if re.fullmatch(r"\d{1,3}\.?", first) else None


def stage_of(table: RawTable) -> str | None:
    """DP4/DPS/DPT… named in the header or the sentence introducing the table."""
    for text in [table.header_text.upper(), *(b.text for b in reversed(table.context))]:
        m = _STAGE_RE.search(text)
        if m:
            return m.group(1)
        for stage, words in _STAGE_WORDS.items():
            if re.search(words, text, re.I):
                return stage
    return None


def load(doc: Document) -> Table:
    """Every row of every voter table (see :class:`PemilihSchema`)."""
    records: list[dict[str, object]] = []
    previous: RawTable | None = None
    for table in doc.tables:
        if table.kind or not is_voter_table(table):
            continue
        table.kind = "pemilih"
        # A table cut by a page break is one table: its total adds up both parts.
        part_of = previous if _continues(table, previous) else None
        previous = table
        idx = _columns(table)
        printed = col.printed_labels(table)
        table.roles = {k: printed[j] for k, j in idx.items() if j is not None}
        stage = stage_of(part_of) if part_of else stage_of(table)
        styles = col.column_styles(table, idx, ("lk", "pr", "jumlah", "tps"))
        for row in table.rows:
            if row.kind == "group":
                continue
            vals = {k: col.cell(row.cells, idx[k]) for k in ("lk", "pr", "jumlah", "tps")}
            read = {k: first_amount(v, styles.get(k)) for k, v in vals.items()}
            nums = {k: n if n is not None and n.certain else None for k, n in read.items()}
            doubt = "; ".join(f"{k}: {n.doubt}" for k, n in read.items() if n and n.doubt)
            wilayah = col.cell(row.cells, idx["wilayah"]) or (
                "Jumlah" if row.is_total else stage or ""
            )
            records.append(
                {
                    "table": part_of.id if part_of else table.id,
                    "line": row.cited_line,
                    "tahap": stage,
                    "wilayah": wilayah,
                    "is_total": row.is_total or (len(table.rows) == 1),
                    **{k: float(n.value) if n else None for k, n in nums.items()},
                    **{f"{k}_raw": vals[k] for k in ("lk", "pr", "jumlah")},
                    "evidence": row.evidence,
                    "doubt": doubt,
                }
            )
    return validate(PemilihSchema, records)
