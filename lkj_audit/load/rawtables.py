"""Assemble raw tables from tab-separated lines, undoing what PDF extraction did to them.

* A table broken by a page break (blank lines, a running header/footer) continues when the
  next run of tab lines has no header of its own.
* A cell wrapped over several lines comes out as extra lines whose leading cells are empty:
  they are merged cell by cell into the row above.
* Junk columns (a stray ``]`` or page-margin letter in every row) are dropped.
"""

from __future__ import annotations

import re

from lkj_audit.load.document import Block, RawTable, TableRow
from lkj_audit.load.numbers import YEAR_RE

_ROWNUM_RE = re.compile(
    r"^\W{0,2}(?:[A-Za-z]\s+)?(\d{1,3})(?:\.\d{1,3}){0,3}\s*[.)]?\s*(?:[A-Za-z])?\W{0,2}$"
)
_LETTER_NUM_RE = re.compile(r"^\(?[a-z]\s*[.)]$")
_TOTAL_RE = re.compile(r"^\s*(jumlah|total|grand\s+total|sub\s*total)\b", re.I)
_ENUM_CELL_RE = re.compile(r"^\(?\d{1,2}\)?$")
_AMOUNT_RE = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d{4,}")
_PERCENT_RE = re.compile(r"\d\s*%")
_HEADER_WORDS = re.compile(
    r"(?i)\b(no|nama|uraian|program|kegiatan|pagu|anggaran|realisasi|target|indikator|"
    r"capaian|persentase|kategori|rentang|lk|pr|l|p|jumlah|total|kode|output|sasaran|"
    r"satuan|jabatan|pendidikan|gol|tmt|kecamatan|tps|keterangan|tahun)\b"
)


def row_number(cell: str) -> int | None:
    """The row number printed in a "No" cell (``1``, ``2.``, OCR-noisy ``e 2. n``)."""
    m = _ROWNUM_RE.match(cell.strip())
    return int(m.group(1)) if m else None


def is_total_label(cells: list[str]) -> bool:
    """True when one of the first two cells says Jumlah/Total."""
    return any(_TOTAL_RE.match(c) for c in cells[:2])


def _is_enumeration(cells: list[str]) -> bool:
    """Column-number rows like ``(1) (2) (3)`` or ``1 2 3 4 5``."""
    vals = [c.strip() for c in cells if c.strip()]
    if len(vals) < 3 or not all(_ENUM_CELL_RE.match(v) for v in vals):
        return False
    nums = [int(v.strip("()")) for v in vals]
    return nums == list(range(nums[0], nums[0] + len(nums)))


def _is_header_row(cells: list[str]) -> bool:
    if _is_enumeration(cells):
        return True
    joined = " ".join(cells)
    # Years in a header ("Realisasi 2023", "Target Renstra 2024") are labels, not figures.
    if _AMOUNT_RE.search(YEAR_RE.sub(" ", joined)) or _PERCENT_RE.search(joined):
        return False
    first = next((c for c in cells if c.strip()), "")
    if row_number(first) is not None:
        return False
    words = bool(_HEADER_WORDS.search(joined))
    return words or not any(ch.isdigit() for ch in YEAR_RE.sub(" ", joined))


def _split(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t")]


def _drop_junk_columns(rows: list[list[str]]) -> list[list[str]]:
    """Remove columns whose every cell is empty or a lone punctuation/letter mark."""
    width = max(len(r) for r in rows)
    padded = [r + [""] * (width - len(r)) for r in rows]

    def junk(c: str) -> bool:
        return len(c) <= 1 and not c.isdigit()

    keep = [j for j in range(width) if not all(junk(r[j]) for r in padded)]
    return [[r[j] for j in keep] for r in padded]


def _numbered(rows: list[list[str]]) -> bool:
    """True when the first column holds row numbers (a "No" column)."""
    firsts = [r[0] for r in rows if r and r[0]]
    nums = sum(1 for c in firsts if row_number(c) is not None)
    return nums >= max(1, len(firsts) // 2)


def _has_amount(cells: list[str]) -> bool:
    return any(_AMOUNT_RE.search(_PERCENT_RE.sub("", c)) or c.strip().isdigit() for c in cells)


def _starts_row(cells: list[str], numbered: bool) -> bool:
    if is_total_label(cells):
        return True
    first = cells[0] if cells else ""
    if numbered:
        # "a." sub-items start a row only when they carry figures (else: wrapped text).
        letter = bool(_LETTER_NUM_RE.match(first)) and _has_amount(cells[1:])
        return row_number(first) is not None or letter
    # Without a No column a wrapped first cell ("dan Barang Milik Negara") carries no amount.
    return bool(first) and _has_amount(cells[1:])


def build_table(
    table_id: str, lines: list[tuple[int, str]], context: list[Block]
) -> RawTable | None:
    """Build one :class:`RawTable` from its source lines ``(line_number, text)``."""
    split = _drop_junk_columns([_split(t) for _, t in lines])
    header: list[list[str]] = []
    i = 0
    while i < len(split) and i < 4 and _is_header_row(split[i]):
        header.append(split[i])
        i += 1
    data = split[i:]
    numbered = _numbered(data) if data else False
    rows: list[TableRow] = []
    for (ln, text), cells in zip(lines[i:], data, strict=True):
        if not any(cells):
            continue
        if rows and not _starts_row(cells, numbered):
            prev = rows[-1]
            width = max(len(prev.cells), len(cells))
            prev.cells.extend([""] * (width - len(prev.cells)))
            for j, c in enumerate(cells):
                if c:
                    prev.cells[j] = f"{prev.cells[j]} {c}".strip()
            prev.lines.append(ln)
            prev.source.append(text)
            prev.line_cells.append(cells)
        else:
            rows.append(
                TableRow(list(cells), [ln], [text], is_total_label(cells), line_cells=[cells])
            )
    if not rows and not header:
        return None
    return RawTable(
        id=table_id,
        line=lines[0][0],
        end_line=lines[-1][0],
        header=header,
        rows=rows,
        context=context,
    )


def continues_table(prev_lines: list[tuple[int, str]], next_lines: list[tuple[int, str]]) -> bool:
    """Does a run of tab lines continue the previous table across a page break?"""
    first = _split(next_lines[0][1])
    # A wrapped cell carried over the page break starts with an empty first cell.
    if first and first[0] and _is_header_row(first) and not _is_enumeration(first):
        return False
    prev_width = max(len(_split(t)) for _, t in prev_lines)
    width = max(len(_split(t)) for _, t in next_lines)
    if abs(prev_width - width) > 1:
        return False
    prev_nums = [row_number(_split(t)[0]) for _, t in prev_lines]
    last_num = max((n for n in prev_nums if n is not None), default=None)
    num = row_number(first[0]) if first else None
    if num is not None and last_num is not None:
        return num in (last_num, last_num + 1)
    return not first[0] or last_num is None
