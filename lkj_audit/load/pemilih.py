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
_RATE_HEAD = r"partisipasi|persen|%"
# "Jumlah" over "Desa" (two header lines): a count of places, not the voters' Jumlah column.
_PLACES = r"jumlah\s+(?:desa|kelurahan|kel\b|kecamatan|kec\b|tps|dapil)"


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
    # A total of part of the table ("Jumlah Kecamatan …", "Jumlah Dapil 1"), is_total too.
    is_subtotal: bool


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
            and not re.search(_PLACES, lab)
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


def _groups(table: RawTable, idx: dict[str, int | None]) -> list[dict[str, int | None]]:
    """One column mapping per L | P | Jumlah group of the header, left to right.

    DPB per semester prints "Semester I" and "Semester II" side by side, each over its own
    L | P | L+P: every group is read (a slip in the second must not go unseen), each as a
    table of its own. One mapping unless the groups pair up without doubt.
    """
    labels = [lab.strip() for lab in col.labels(table)]
    # "Partisipasi (%)" over L | P | Jumlah: rates, not voters (L + P is no Jumlah there).
    triples = [t for t in sex_groups(table) if not is_rate_group(labels, t)]
    if not triples:
        return [idx]
    out = []
    for k, (lk, pr, total) in enumerate(triples):
        group = dict(idx, lk=lk, pr=pr, jumlah=total)
        if k:
            group["tps"] = None  # one TPS column serves the first group only
        out.append(group)
    return out


def sex_groups(table: RawTable) -> list[tuple[int, int, int]]:
    """The (L, P, Jumlah) columns of each L | P | Jumlah group of the header, left to right.

    Empty unless there are two groups or more and they pair up without doubt.
    """
    labels = [lab.strip() for lab in col.labels(table)]
    totals = [
        j
        for j, lab in enumerate(labels)
        if re.search(r"jumlah|total|l\s*\+\s*p", lab)
        and not re.search(r"\btps\b", lab)
        and not re.search(_PLACES, lab)
    ]
    lks = [j for j, lab in enumerate(labels) if j not in totals and re.search(_LK, lab)]
    prs = [j for j, lab in enumerate(labels) if j not in totals and re.search(_PR, lab)]
    n = len(lks)
    if n < 2 or len(prs) != n or len(totals) < n:
        return []
    totals = totals[-n:]  # a Jumlah column before the groups is no group's
    triples = list(zip(lks, prs, totals, strict=True))
    bounds = [min(t) for t in triples[1:]] + [len(labels)]
    if any(max(t) >= b for t, b in zip(triples, bounds, strict=True)):
        return []  # the groups interleave: no pairing is certain
    return triples


def is_rate_group(labels: list[str], group: tuple[int, int, int]) -> bool:
    """The group holds percentages ("Partisipasi (%)" over L | P | Jumlah).

    Judged by the group's Jumlah label: a heading spanning the group may be printed off
    centre and reach the next group's L column, never past its own Jumlah.
    """
    return bool(re.search(_RATE_HEAD, labels[group[2]]))


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


# L | P under "Pengguna Hak Pilih" (or "Pemilih yang Hadir"): the voters who used their vote,
# beside a DPT column; not a stage of the list, whatever stage the header names elsewhere.
USED_VOTE = "pengguna hak pilih"
_USED_VOTE_RE = re.compile(r"(?i)pengguna|hak\s+pilih|menggunakan|\bhadir\b")


def _stage(table: RawTable, part_of: RawTable | None, idx: dict[str, int | None]) -> str | None:
    labels = col.labels(part_of or table)
    if any(
        j is not None and j < len(labels) and _USED_VOTE_RE.search(labels[j])
        for j in (idx["lk"], idx["pr"])
    ):
        return USED_VOTE
    return stage_of(part_of) if part_of else stage_of(table)


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
        groups = _groups(table, _columns(table))
        printed = col.printed_labels(table)
        table.roles = {k: printed[j] for k, j in groups[0].items() if j is not None}
        base = part_of.id if part_of else table.id
        for k, idx in enumerate(groups):
            # each group its own stage: "DPT" over one, "Pengguna Hak Pilih" over the next
            stage = _stage(table, part_of, idx)
            records += _records(table, idx, f"{base}.{k + 1}" if k else base, stage)
    return validate(PemilihSchema, records)


def _records(
    table: RawTable, idx: dict[str, int | None], table_id: str, stage: str | None
) -> list[dict[str, object]]:
    """The rows of ``table`` read with the columns ``idx``."""
    records: list[dict[str, object]] = []
    styles = col.column_styles(table, idx, ("lk", "pr", "jumlah", "tps"))
    for row in table.rows:
        if row.kind == "group":
            continue
        vals = {k: col.cell(row.cells, idx[k]) for k in ("lk", "pr", "jumlah", "tps")}
        read = {k: first_amount(v, styles.get(k)) for k, v in vals.items()}
        nums = {k: n if n is not None and n.certain else None for k, n in read.items()}
        doubt = "; ".join(f"{k}: {n.doubt}" for k, n in read.items() if n and n.doubt)
        wilayah = col.cell(row.cells, idx["wilayah"]) or ("Jumlah" if row.is_total else stage or "")
        records.append(
            {
                "table": table_id,
                "line": row.cited_line,
                "tahap": stage,
                "wilayah": wilayah,
                "is_total": row.is_total or (len(table.rows) == 1),
                **{k: float(n.value) if n else None for k, n in nums.items()},
                **{f"{k}_raw": vals[k] for k in ("lk", "pr", "jumlah")},
                "evidence": row.evidence,
                "doubt": doubt,
                "is_subtotal": row.kind == "subtotal",
            }
        )
    return records
