"""Rebuild a table a word processor's text export printed one cell per line, row after row.

LibreOffice's own text export (``soffice --convert-to txt:Text``) prints every paragraph on a
line and every table cell on a line of its own, row after row: the header's cells, then the
first row's, and so on; an empty cell is an empty line, and nothing marks where a row or the
table ends. The header gives the column count, so the table is rebuilt only when every step
has one answer (issue 7, precision first):

* the header is a run of 3 to 12 short lines without figures (a year may be part of a label:
  "Realisasi 2022"), at least two of them known column labels, the line before it no cell
  (a caption, a heading, a paragraph or a blank line);
* the body is cut into groups of as many lines as the header has cells; it ends at a caption,
  a heading, a sentence or a long paragraph line, and what is left before that must be blank
  lines only (a part of a row means a cell of several lines: the count is off);
* every column holds figures in all its data rows or in none ("-" and an empty cell count as
  either) and at least one column holds figures; a column of row numbers ("No") counts 1, 2,
  3 … in order, a row without its number being the rest of a merged cell or a total row;
* exactly one header length gives such a table (a label row shorter by one cell would be
  read as a data row otherwise: "Status Pegawai | L | P | Jumlah" then "PNS").

Anything else is left to the other flow-text readers, which keep the place unread (RDG002).
A rebuilt table is the same :class:`Rebuilt` the column-by-column reader gives.
"""

from __future__ import annotations

import re

from lkj_audit.load.document import TableRow
from lkj_audit.load.flow_rebuild import Rebuilt, is_header_cell
from lkj_audit.load.flow_tables import _LABEL_RE, FlowTable
from lkj_audit.load.rawtables import is_subtotal_label, is_total_label, row_number

CELLS_NOTE = (
    "disusun ulang dari teks satu sel per baris, baris demi baris (ekspor teks pengolah kata)"
)
_WHY = "sel tabel tercetak satu per baris, baris demi baris (ekspor teks pengolah kata)"
_MIN_COLS, _MAX_COLS = 3, 12
_HEADER_CHARS = 40
_CELL_CHARS = 160  # a cell's line; a longer one is a paragraph
_CAPTION_RE = re.compile(r"(?i)^(?:tabel|gambar|grafik|diagram)\s+\d")
_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
_NO_RE = re.compile(r"(?i)^(?:no\.?|nomor)$")
# A figure cell: an amount, a count, a decimal, a percentage, with at most two unit words
# ("6 Laporan", "100%", "17.190.410.000", "Rp 1.000.000").
_FIGURE_RE = re.compile(r"(?i)^\(?[-−]?(?:rp\.?\s*)?\d[\d.,]*\s*%?\)?(?:\s+[a-z]+){0,2}$")
_NEUTRAL = frozenset({"", "-", "–", "—"})


def _header_like(text: str) -> bool:
    t = text.strip()
    return (
        bool(t)
        and len(t) <= _HEADER_CHARS
        and not re.search(r"\d", _YEAR_RE.sub("", t))
        and not _CAPTION_RE.match(t)
    )


def _known_label(text: str) -> bool:
    t = text.strip()
    return bool(_LABEL_RE.match(t)) or is_header_cell(t)


def _ends_body(text: str, line: int, stops: frozenset[int]) -> bool:
    """A line no table cell is: a caption, a heading, a sentence, a paragraph."""
    t = text.strip()
    if "\t" in text or line in stops or _CAPTION_RE.match(t) or len(t) > _CELL_CHARS:
        return True
    return len(t.split()) > 8 and t.endswith((".", ":", "?", "!"))


def _kind(text: str) -> str:
    t = text.strip()
    if t in _NEUTRAL:
        return ""
    return "figure" if _FIGURE_RE.match(t) else "text"


def _rows_of(lines: list[str], body: int, n: int, stops: frozenset[int]) -> list[list[int]] | None:
    """The body's rows from 0-based line ``body``, ``n`` lines each; None when a row is cut."""
    rows: list[list[int]] = []
    k = body
    while k < len(lines):
        group = list(range(k, min(k + n, len(lines))))
        cut = next((j for j in group if _ends_body(lines[j], j + 1, stops)), None)
        if cut is not None or len(group) < n or all(not lines[j].strip() for j in group):
            rest = group if cut is None else [j for j in group if j < cut]
            return rows if all(not lines[j].strip() for j in rest) else None
        rows.append(group)
        k += n
    return rows


def _fits(lines: list[str], header: list[str], rows: list[list[int]]) -> bool:
    """Every column of figures or of text; the No column in order; a figure column at all."""
    cells = [[lines[j].strip() for j in r] for r in rows]
    totals = [is_total_label(c) for c in cells]
    data = [c for c, t in zip(cells, totals, strict=True) if not t]
    if not data:
        return False
    kinds = []
    for col in range(len(header)):
        seen = {_kind(c[col]) for c in data} - {""}
        if len(seen) > 1:
            return False
        kinds.append(seen.pop() if seen else "")
    if "figure" not in kinds[1:]:
        return False
    if _NO_RE.match(header[0]):
        numbers = [row_number(c[0]) for c in data if c[0]]
        if any(n is None for n in numbers) or numbers != list(range(1, len(numbers) + 1)):
            return False
        if not numbers:
            return False
    return True


def _table_at(lines: list[str], start: int, stops: frozenset[int]) -> Rebuilt | None:
    """The table whose header starts at 0-based ``start``, when exactly one reading fits."""
    run = 0
    while start + run < len(lines) and run < _MAX_COLS and _header_like(lines[start + run]):
        run += 1
    if run < _MIN_COLS:
        return None
    fitting = []
    for n in range(_MIN_COLS, run + 1):
        header = [lines[j].strip() for j in range(start, start + n)]
        if sum(map(_known_label, header)) < 2:
            continue
        rows = _rows_of(lines, start + n, n, stops)
        if rows and _fits(lines, header, rows):
            fitting.append((header, rows))
    if len(fitting) != 1:
        return None
    header, rows = fitting[0]
    table_rows = [_row([lines[j].strip() for j in r], [j + 1 for j in r]) for r in rows]
    return Rebuilt(start + 1, rows[-1][-1] + 1, header, table_rows, [], [CELLS_NOTE])


def _row(cells: list[str], where: list[int]) -> TableRow:
    total = is_total_label(cells)
    kind = ("subtotal" if is_subtotal_label(cells) else "total") if total else "data"
    return TableRow(
        list(cells), list(where), ["\t".join(cells)], total, line_cells=[list(cells)], kind=kind
    )


def find_cell_tables(
    lines: list[str], taken: list[tuple[int, int]], stops: frozenset[int] = frozenset()
) -> list[tuple[FlowTable, Rebuilt]]:
    """The tables of ``lines`` printed one cell per line, row after row, that rebuild for sure.

    ``taken`` are 1-based line ranges already read; ``stops`` the 1-based heading lines.
    """
    out: list[tuple[FlowTable, Rebuilt]] = []
    k = 0
    while k < len(lines):
        if (
            not _header_like(lines[k])
            or (k and _header_like(lines[k - 1]))
            or any(a <= k + 1 <= b for a, b in taken)
            or k + 1 in stops
        ):
            k += 1
            continue
        built = _table_at(lines, k, stops)
        if built is None or any(a <= built.end_line and built.line <= b for a, b in taken):
            k += 1
            continue
        flow = FlowTable(built.line, built.end_line, _WHY, tuple(built.header), "cells")
        out.append((flow, built))
        k = built.end_line
    return out
