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
  either), as its header says ("Kegiatan" names, "Pagu" figures), and at least one column
  holds figures; a column of row numbers ("No") counts 1, 2,
  3 … in order, a row without its number being the rest of a merged cell or a total row;
* exactly one header length gives such a table (a label row shorter by one cell would be
  read as a data row otherwise: "Status Pegawai | L | P | Jumlah" then "PNS").

* a total row whose label is merged over the first two or three columns prints one or two
  lines fewer; it is read so only when its full-length reading does not fit and the shorter
  one does.

Anything else is left to the other flow-text readers, which keep the place unread (RDG002);
a place printed a cell a line that none of them takes either (a header of two levels, a
sasaran as a merged group row) is recorded unread here (:func:`find_unread_cells`), so no
rule concludes from it that the table is missing.
A rebuilt table is the same :class:`Rebuilt` the column-by-column reader gives.
"""

from __future__ import annotations

import re

from lkj_audit.load.document import TableRow
from lkj_audit.load.flow_rebuild import Rebuilt, is_header_cell
from lkj_audit.load.flow_tables import COLUMN_LABEL_RE, FlowTable
from lkj_audit.load.headings import sasaran_match
from lkj_audit.load.rawtables import (
    is_clean_figure,
    is_subtotal_label,
    is_total_label,
    row_number,
)

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
# ("6 Laporan", "100%", "17.190.410.000", "Rp 1.000.000").
_NEUTRAL = frozenset({"", "-", "–", "—"})
# What a header says its column holds: names ("Kegiatan", "Kecamatan") or figures ("Pagu",
# "Realisasi 2022", "Laki-laki", "%"); a column of the other kind is a misreading.
_NAME_LABEL_RE = re.compile(
    r"(?i)indikator|kegiatan|uraian|kecamatan|sasaran|nama|golongan|status|program|jenis|"
    r"wilayah|kabupaten|kota|desa|kelurahan|jabatan|pendidikan|rincian|output"
)
_FIGURE_LABEL_RE = re.compile(
    r"(?i)^(?:no\.?|nomor|target|realisasi|capaian|pagu|anggaran|jumlah|total|%|\(%\)|l|p|lk|"
    r"pr|laki-laki|perempuan|serapan|sisa|tps|persentase)\b"
)


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
    return bool(COLUMN_LABEL_RE.match(t)) or is_header_cell(t)


def _ends_body(text: str, line: int, stops: frozenset[int]) -> bool:
    """A line no table cell is: a caption, a heading, a sentence, a paragraph."""
    t = text.strip()
    if "\t" in text or line in stops or _CAPTION_RE.match(t) or len(t) > _CELL_CHARS:
        return True
    return len(t.split()) > 8 and t.endswith((".", ":", "?", "!"))


# A budget code with letters: program "076.01.WA", RO "3360.EBA.994", KRO "6709.QGE".
_CODE_RE = re.compile(r"^(?:\d{3}\.\d{2}\.[A-Z]{2}|\d{4}\.[A-Z]{3}(?:\.\d{3})?)$")


def _kind(text: str) -> str:
    t = text.strip()
    if t in _NEUTRAL:
        return ""
    if _CODE_RE.match(t):
        return "code"
    return "figure" if is_clean_figure(t) else "text"


def _column_kind(seen: set[str]) -> str | None:
    """One kind for a column's cells; None when they mix.

    A kegiatan "3360" among RO codes "3360.EBA.994" makes a column of codes.
    """
    seen = seen - {""}
    if "code" in seen and seen <= {"code", "figure"}:
        return "code"
    return seen.pop() if len(seen) == 1 else "" if not seen else None


_Row = tuple[list[str], list[int]]  # cells, and the 1-based line of each printed cell


def _rows_of(lines: list[str], body: int, n: int, stops: frozenset[int]) -> list[_Row] | None:
    """The body's rows from 0-based line ``body``, ``n`` lines each; None when a row is cut.

    A total row whose label is merged over the leading columns ("Jumlah" over No and
    Kecamatan) prints one or two lines fewer: it is read so only when its full reading puts
    a figure in a column of text or text in a column of figures and the shorter one fits.
    """
    rows: list[_Row] = []
    kinds: list[str] = [""] * n
    k = body
    while k < len(lines):
        group = list(range(k, min(k + n, len(lines))))
        cut = next((j for j in group if _ends_body(lines[j], j + 1, stops)), None)
        if cut is not None or len(group) < n or all(not lines[j].strip() for j in group):
            rest = group if cut is None else [j for j in group if j < cut]
            if all(not lines[j].strip() for j in rest):
                return rows
            if not (short := _short_total(lines, group, kinds)):
                return None
            rows.append(short)
            k += len(short[1]) - short[1].count(0)
            continue
        cells = [lines[j].strip() for j in group]
        if is_total_label(cells) and not _agrees(cells, kinds, total=True):
            if not (short := _short_total(lines, group, kinds)):
                return None
            rows.append(short)
            k += len(short[1]) - short[1].count(0)
            continue
        if not is_total_label(cells):
            for c, cell in enumerate(cells):
                kinds[c] = kinds[c] or _kind(cell)
        rows.append((cells, [j + 1 for j in group]))
        k += n
    return rows


def _agrees(cells: list[str], kinds: list[str], *, total: bool = False) -> bool:
    """Each cell of the kind its column holds (a total's label may stand in any column)."""
    return all(
        not kinds[c] or _kind(cell) in ("", kinds[c]) or (total and is_total_label([cell]))
        for c, cell in enumerate(cells)
    )


def _short_total(lines: list[str], group: list[int], kinds: list[str]) -> _Row | None:
    """A total row whose label spans the first 2 or 3 columns, when exactly that fits."""
    n, label = len(group), lines[group[0]].strip()
    if not is_total_label([label]):
        return None
    for m in (1, 2):
        printed = group[: n - m]
        cells = [label] + [""] * m + [lines[j].strip() for j in printed[1:]]
        if _agrees(cells, kinds, total=True) and any(kinds[c] == "figure" for c in range(m + 1, n)):
            where = [printed[0] + 1] + [0] * m + [j + 1 for j in printed[1:]]
            return cells, where
    return None


def _fits(header: list[str], rows: list[_Row]) -> bool:
    """Every column of figures or of text; the No column in order; a figure column at all."""
    cells = [c for c, _ in rows]
    totals = [is_total_label(c) for c in cells]
    data = [c for c, t in zip(cells, totals, strict=True) if not t]
    if not data:
        return False
    kinds = []
    for col in range(len(header)):
        kind = _column_kind({_kind(c[col]) for c in data})
        if kind is None:
            return False
        kinds.append(kind)
    if "figure" not in kinds[1:]:
        return False
    for label, kind in zip(header, kinds, strict=True):
        if (kind == "figure" and _NAME_LABEL_RE.search(label)) or (
            kind == "text" and _FIGURE_LABEL_RE.match(label)
        ):
            return False
    if _NO_RE.match(header[0]):
        numbers = [row_number(c[0]) for c in data if c[0]]
        if any(n is None for n in numbers) or numbers != list(range(1, len(numbers) + 1)):
            return False
        if not numbers:
            return False
    return all(_agrees(c, kinds, total=True) for c, t in zip(cells, totals, strict=True) if t)


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
        if rows and _fits(header, rows):
            fitting.append((header, rows))
    if len(fitting) != 1:
        return None
    header, rows = fitting[0]
    table_rows = [_row(cells, where) for cells, where in rows]
    end = max(max(where) for _, where in rows)
    return Rebuilt(start + 1, end, header, table_rows, [], [CELLS_NOTE])


def _row(cells: list[str], where: list[int]) -> TableRow:
    total = is_total_label(cells)
    kind = ("subtotal" if is_subtotal_label(cells) else "total") if total else "data"
    lines = [ln for ln in where if ln]
    return TableRow(
        list(cells), lines, ["\t".join(cells)], total, line_cells=[list(cells)], kind=kind
    )


def _opens_header(
    lines: list[str], k: int, taken: list[tuple[int, int]], stops: frozenset[int]
) -> bool:
    """Line ``k`` (0-based) starts a run of header labels no reader has taken."""
    return (
        _header_like(lines[k])
        and not (k and _header_like(lines[k - 1]))
        and not any(a <= k + 1 <= b for a, b in taken)
        and k + 1 not in stops
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
        if not _opens_header(lines, k, taken, stops):
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


_UNREAD_WHY = (
    "sel tabel tercetak satu per baris, baris demi baris (ekspor teks pengolah kata); jumlah "
    "sel per baris tidak pasti (sel gabungan, judul kolom dua tingkat, atau sel berisi "
    "beberapa paragraf)"
)


def find_unread_cells(
    lines: list[str], taken: list[tuple[int, int]], stops: frozenset[int] = frozenset()
) -> list[FlowTable]:
    """Places printed a cell a line that no reader rebuilt: to be recorded unread (RDG002).

    A header run as :func:`find_cell_tables` asks (at least two known labels), then cells
    up to a caption, a heading or a paragraph, two of them figures. Asked after every other
    reader, for the places none of them took, so a table it names is never read otherwise.
    """
    out: list[FlowTable] = []
    k = 0
    while k < len(lines):
        if not _opens_header(lines, k, taken, stops):
            k += 1
            continue
        run = 0
        while k + run < len(lines) and run < _MAX_COLS and _header_like(lines[k + run]):
            run += 1
        labels = [lines[j].strip() for j in range(k, k + run)]
        if run < _MIN_COLS or sum(map(_known_label, labels)) < 2:
            k += 1
            continue
        j, last, figures = k + run, k + run - 1, 0
        # a sasaran printed as a group row ("Sasaran 1: …", one merged cell) is read as a
        # heading, but goes on the table
        inside = frozenset(s for s in stops if not sasaran_match(lines[s - 1]))
        while j < len(lines) and not _ends_body(lines[j], j + 1, inside):
            if lines[j].strip():
                last = j
                figures += _kind(lines[j]) == "figure"
            j += 1
        span = (k + 1, last + 1)
        if figures < 2 or any(a <= span[1] and span[0] <= b for a, b in taken):
            k += 1
            continue
        out.append(FlowTable(span[0], span[1], _UNREAD_WHY, tuple(labels)))
        k = last + 1
    return out
