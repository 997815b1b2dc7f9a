"""Staff count tables: staff by education, rank or sex, with a Jumlah row (DOMAIN.md §3.4).

Many LKj do not list their staff by name but count them ("Komposisi PNS menurut tingkat
pendidikan": S2 | 4 | 2 | 6 …, Jumlah | 16 | 11 | 27). Such a table is read cell by cell, one
record per count, so its sums (R-G01) and the counts the text states can be checked. A
table is one only when every count is a whole number: a percentage or amount in it makes it
something else.
"""

from __future__ import annotations

import re

from lkj_audit.load import columns as col
from lkj_audit.load.document import Document, RawTable
from lkj_audit.load.pegawai import kinds_named
from lkj_audit.load.rawtables import row_number
from lkj_audit.load.schema import Field, Table, TableModel, validate

# What a staff count table is about: its caption or header names staff ...
_STAFF_RE = re.compile(
    r"(?i)\b(pegawai|PNS|PPPK|PPNPN|ASN|SDM|sumber\s+daya\s+manusia|personil|personel)\b"
)
# ... and its rows are categories of them.
_CATEGORY_RE = re.compile(
    r"(?i)\b(pendidikan|golongan|pangkat|jabatan|jenis\s+kelamin|status|unit|bagian|"
    r"subbagian|eselon|usia|umur)\b"
)
_TOTAL_RE = re.compile(r"(?i)^\s*(jumlah|total)\b")
_COUNT_RE = re.compile(r"\d{1,4}")
_NIL = {"-", "–", "—", "0", ""}
_MIN_ROWS = 2


class StaffCountSchema(TableModel):
    """One count of a staff count table: the staff of one category in one column."""

    table: str
    line: int
    category: str  # the row's label as printed ("S1", "III/a", "Jumlah")
    column: str  # the column's header as printed ("Laki-laki", "PNS", "Jumlah")
    jenis: str = Field(nullable=True, isin=["PNS", "PPPK", "PPNPN"])
    count: int = Field(ge=0)
    total_row: bool
    total_column: bool
    evidence: str


def _count(text: str) -> int | None:
    """A whole count as printed ("12", "-" for none), else ``None``."""
    text = text.strip()
    if text in _NIL:
        return 0
    return int(text) if _COUNT_RE.fullmatch(text) else None


def _one_kind(text: str) -> str | None:
    """The kind of staff ``text`` names, when it names only one.

    An introducing sentence ("… 9 PNS, 3 PPPK dan 6 PPNPN, dengan komposisi …") names every
    kind and says nothing about which one the table counts.
    """
    named = kinds_named(text)
    return named.pop() if len(named) == 1 else None


def _label_column(table: RawTable) -> int | None:
    """The column naming each row's category: the first whose cells are not counts."""
    width = max(len(r.cells) for r in table.rows)
    for j in range(width):
        cells = [col.cell(r.cells, j) for r in table.rows]
        if all(row_number(c) is not None for c in cells if c):
            continue  # a No column
        # ... whose total row prints "Jumlah" merged across No and label (the label empty)
        merged = [
            r for r in table.rows
            if _TOTAL_RE.match(col.cell(r.cells, j)) and not col.cell(r.cells, j + 1)
        ]  # fmt: skip
        numbers = [c for r, c in zip(table.rows, cells, strict=True) if c and r not in merged]
        if merged and numbers and all(row_number(c) is not None for c in numbers):
            continue
        return j if any(_count(c) is None for c in cells) else None
    return None


def _is_count_table(table: RawTable) -> bool:
    about = f"{table.caption} {table.header_text}"
    return bool(_STAFF_RE.search(about) and _CATEGORY_RE.search(about))


def _records(table: RawTable) -> list[dict[str, object]] | None:
    """The counts of ``table``, or ``None`` when it is no staff count table."""
    label_at = _label_column(table) if table.rows else None
    if label_at is None:
        return None
    printed = col.printed_labels(table)
    count_cols = list(range(label_at + 1, len(printed)))
    rows = [r for r in table.rows if r.kind != "group"]
    # The total row's "Jumlah" stands in its label cell, or before it when merged with No.
    totals = [
        r for r in rows if any(_TOTAL_RE.match(col.cell(r.cells, j)) for j in range(label_at + 1))
    ]
    data = [r for r in rows if r not in totals]
    if not count_cols or len(data) < _MIN_ROWS or len(totals) != 1 or totals[0] is not rows[-1]:
        return None
    counts = [[_count(col.cell(r.cells, j)) for j in count_cols] for r in rows]
    if any(c is None for row in counts for c in row):
        return None  # a percentage, an amount or a word: not a count table
    caption_jenis = _one_kind(table.caption)
    out: list[dict[str, object]] = []
    for r, row_counts in zip(rows, counts, strict=True):
        for j, n in zip(count_cols, row_counts, strict=True):
            header = printed[j]
            out.append(
                {
                    "table": table.id,
                    "line": r.line,
                    "category": col.cell(r.cells, label_at)
                    or (col.cell(r.cells, 0) if r is totals[0] else ""),
                    "column": header,
                    # the kind a cell counts: its column's, its row's, else the caption's
                    "jenis": _one_kind(header)
                    or _one_kind(col.cell(r.cells, label_at))
                    or caption_jenis,
                    "count": n,
                    "total_row": r is totals[0],
                    "total_column": bool(_TOTAL_RE.match(header)),
                    "evidence": " ".join(r.source),
                }
            )
    return out


def load(doc: Document) -> Table:
    """Every count of every staff count table (see :class:`StaffCountSchema`)."""
    records: list[dict[str, object]] = []
    for table in doc.tables:
        if table.kind or not table.rows or not _is_count_table(table):
            continue
        found = _records(table)
        if found is None:
            continue
        table.kind = "pegawai_jumlah"
        printed = col.printed_labels(table)
        table.roles = {"kategori": printed[_label_column(table) or 0]}
        records += found
    return validate(StaffCountSchema, records)
