"""Rebuild a table that plain ``pdftotext`` printed column by column, only when certain.

Plain ``pdftotext`` (no ``-layout``) prints a Word table as blocks of lines split by blank
lines: a header cell, often with its column's cells below it ("Kode", then every code), or
the cells first and the header after them ("1 … 12", then "No"); when rows are tall it
prints the remaining columns row by row ("Pagu", "Realisasi", "Serapan" of one or two rows,
then of the next ones); other PDF makers (reportlab) print every cell as its own block, row
by row. Nothing in the text says where a wrapped cell ends, so a rebuild is kept only when
every count agrees (issue 7, precision first):

* each header cell opens its own block; the header list is the same on every page;
* after the last header, the blocks cycle over the last ``m`` columns, one block per column
  per round, and exactly one ``m`` makes the counts agree;
* every column of figures has one cell per row, in one format;
* a text column whose lines outnumber its rows is *unsplittable*: its cells stay empty and
  the reading record says so; a round of one row proves a wrap (the block is that cell);
* a round whose No cell is one row number is one row (its blocks are its cells);
* a column one cell short is placed only when it is one a total row leaves empty (No, Kode,
  or the name beside a "Jumlah" printed under No) and that total is the first or last row;
* a header printed again starts the next page's part only after a page break; without one
  it is another table, and the place stays unread.

Anything else keeps the table unread (RDG002). A rebuilt table is the same
:class:`RawTable` the other readers produce, so it is typed and checked like them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from lkj_audit.load.aligned_text import wraps_on
from lkj_audit.load.document import RawTable, TableRow
from lkj_audit.load.rawtables import is_subtotal_label, is_total_label, row_number
from lkj_audit.load.tablehead import is_header_phrase

REBUILT_NOTE = "disusun ulang dari teks per kolom (pdftotext tanpa tata letak)"
_FURNITURE = "nomor halaman / judul berjalan"
_EXTRA_HEADER_WORDS = frozenset(
    {"nip", "laki", "perempuan", "serapan", "strategis", "utama", "rentang", "nomor", "gol"}
    | {"rincian", "uraian"}
)
_HEADER_CHARS = 40
_CAPTION_RE = re.compile(r"(?i)^(?:tabel|gambar|grafik)\s+\d")
# A bare number or roman numeral: a No cell here, never a page number.
_BARE_RE = re.compile(r"^\s*(?:\d{1,3}|[ivxlcIVXLC]{1,6})\s*$")
# A figure with its unit ("24 Kegiatan", "4 Laporan", "1.0 Lembaga").
_VOLUME_RE = re.compile(r"^\(?-?\d[\d.,]*(?:\s*%)?\)?\s*%?(?:\s+[A-Za-z]+){0,2}$")
# A figure cell: an amount, a count, a decimal, a percentage, a bracketed negative.
_FIGURE_CELL_RE = re.compile(r"^\(?-?(?:rp\.?\s*)?\d[\d.,]*(?:\s*%)?\)?\s*%?$", re.I)


@dataclass(frozen=True, slots=True)
class _Cell:
    line: int  # 1-based
    text: str


_Block = list[_Cell]


@dataclass(slots=True)
class _Column:
    header: _Cell
    pieces: list[list[_Block]] = field(default_factory=list)  # per round: its blocks
    rows: list[int] = field(default_factory=list)  # rows each piece covers (cycle columns)
    sure: list[bool] = field(default_factory=list)  # a round proven to be one row


@dataclass(slots=True)
class Rebuilt:
    """A table rebuilt from column-by-column text (before it gets an id and a context)."""

    line: int
    end_line: int
    header: list[str]
    rows: list[TableRow]
    dropped: list[tuple[int, str]]
    notes: list[str]


@lru_cache(maxsize=4096)  # asked for every block start, for every rebuild try
def is_header_cell(text: str) -> bool:
    """A column label printed alone on its line ("Kode", "Pagu (Rp)", "Nama / NIP")."""
    t = text.strip()
    if not t or len(t) > _HEADER_CHARS or re.search(r"\d", re.sub(r"\b(?:19|20)\d{2}\b", "", t)):
        return False
    words = re.findall(r"[A-Za-z]+", t)
    return bool(words) and all(
        w.lower() in _EXTRA_HEADER_WORDS or is_header_phrase(w) for w in words
    )


class _Doubt(Exception):
    """Why a table printed column by column cannot be rebuilt with certainty (Bahasa)."""


def rebuild(
    lines: list[str], first: int, last: int, is_furniture: Callable[[str], bool], width: int
) -> Rebuilt | str:
    """The table printed column by column on 1-based lines ``first..last``.

    ``is_furniture`` tells running titles and page numbers; ``width`` is the prose width
    (a caption hard-wrapped onto the table's first line is no header). Whenever any count
    leaves a doubt, the reason (Bahasa Indonesia) instead: the caller keeps the place unread.
    """
    try:
        return _rebuild(lines, first, last, is_furniture, width)
    except _Doubt as doubt:
        return str(doubt)


def _rebuild(
    lines: list[str], first: int, last: int, is_furniture: Callable[[str], bool], width: int
) -> Rebuilt:
    start = _run_start(lines, first)
    dropped: list[tuple[int, str]] = []
    blocks = _blocks(lines, start, last, is_furniture, dropped)
    if not blocks:
        raise _Doubt("sel tabel bercampur dengan baris bertab")
    blocks = _drop_caption_tail(lines, start, blocks, dropped, width)
    parts = [_segment(s, dropped) for s in _segments(blocks, dropped)]
    header = [c.text for c in parts[0][0]]
    if any([c.text.lower() for c in p[0]] != [h.lower() for h in header] for p in parts[1:]):
        raise _Doubt("judul kolom berbeda antarhalaman")
    rows = [r for p in parts for r in p[1]]
    notes = sorted({n for p in parts for n in p[2]})
    content = [c.line for b in blocks for c in b]
    return Rebuilt(
        min(content), max(content), header, rows, sorted(dropped), [REBUILT_NOTE, *notes]
    )


def _run_start(lines: list[str], first: int) -> int:
    """Header cells printed just above the first cell the finder marked ("Kode")."""
    k = first - 1  # 0-based index of the first line
    while k > 0 and (not lines[k - 1].strip() or is_header_cell(lines[k - 1])):
        if _CAPTION_RE.match(lines[k - 1].strip()):
            break
        k -= 1
    while k < first - 1 and not lines[k].strip():
        k += 1
    return k + 1


def _blocks(
    lines: list[str],
    start: int,
    last: int,
    is_furniture: Callable[[str], bool],
    dropped: list[tuple[int, str]],
) -> list[_Block]:
    """Runs of non-blank lines; blank lines and page furniture end a block."""
    out: list[_Block] = []
    current: _Block = []
    for ln in range(start, last + 1):
        text = lines[ln - 1]
        if "\t" in text:
            return []
        # A bare number is a cell here ("1" … "12" of a No column), never a page number.
        if text.strip() and not _BARE_RE.match(text) and is_furniture(text):
            dropped.append((ln, _FURNITURE))
            text = ""
        if not text.strip():
            if current:
                out.append(current)
            current = []
            continue
        current.append(_Cell(ln, " ".join(text.split())))
    if current:
        out.append(current)
    return out


def _drop_caption_tail(
    lines: list[str], start: int, blocks: list[_Block], dropped: list[tuple[int, str]], width: int
) -> list[_Block]:
    """A caption wrapped onto the run's first line ("… per" / "Kecamatan") is no header.

    Only when the caption fills its line and that word is printed again as a header cell.
    """
    head = blocks[0][0]
    before = lines[start - 2] if start >= 2 else ""
    if not (
        _CAPTION_RE.match(before.strip())
        and is_header_cell(head.text)
        and wraps_on(before, head.text, width)
    ):
        return blocks
    later = [b[0].text.lower() for b in blocks[1:] if is_header_cell(b[0].text)]
    if head.text.lower() not in later:
        return blocks
    dropped.append((head.line, "lanjutan judul tabel"))
    rest = blocks[0][1:]
    return ([rest] if rest else []) + blocks[1:]


def _segments(blocks: list[_Block], dropped: list[tuple[int, str]]) -> list[list[_Block]]:
    """One list of blocks per page: a header cell printed again opens the next page's part.

    A header printed again with no page break before it is another table, and which caption
    is whose cannot be told: :class:`_Doubt`.
    """
    out: list[list[_Block]] = [[]]
    seen: set[str] = set()
    breaks = [ln for ln, why in dropped if why == _FURNITURE]
    prev_end = 0
    for b in blocks:
        key = b[0].text.lower()
        if is_header_cell(b[0].text) and key in seen:
            # The page break lies between the last cells and the header printed again.
            if not any(prev_end < k < b[0].line for k in breaks):
                raise _Doubt("judul kolom tercetak lagi tanpa pindah halaman (tabel lain)")
            dropped.append((b[0].line, "judul kolom diulang setelah pindah halaman"))
            out.append([])
            seen = set()
        if is_header_cell(b[0].text):
            seen.add(key)
        out[-1].append(b)
        prev_end = b[-1].line
    return [s for s in out if s]


_Part = tuple[list[_Cell], list[TableRow], list[str]]


def _segment(blocks: list[_Block], dropped: list[tuple[int, str]]) -> _Part:
    """The rows of one page's part of the table, or ``None`` when a count leaves a doubt.

    A "Jumlah" printed last, alone, is a column's header ("324.062" then "Jumlah") or the
    label of a total row printed after its figures; the one that makes the counts agree.
    """
    last = blocks[-1]
    try:
        return _segment_as(blocks, dropped, None)
    except _Doubt:
        if len(last) == 1 and is_total_label([last[0].text]):
            return _segment_as(blocks, dropped, last[0])
        raise


def _segment_as(blocks: list[_Block], dropped: list[tuple[int, str]], label: _Cell | None) -> _Part:
    columns: list[_Column] = []
    pending: list[_Block] = []
    for b in blocks:
        if b[0] is label or not is_header_cell(b[0].text):
            pending.append(b)
            continue
        if len(b) > 1 and pending:
            # A header printed with its own cells: the blocks before it go on the column
            # above (a tall row split that column's cells in two blocks).
            if not columns or not _same_kind(columns[-1].pieces[0], pending):
                raise _Doubt("sel tercetak sebelum judul kolomnya")
            columns[-1].pieces[0] += pending
            pending = []
        column = _Column(b[0])
        column.pieces.append([b[1:]] if len(b) > 1 else pending)
        pending = []
        columns.append(column)
    if len(columns) < 2:
        raise _Doubt("kurang dari dua judul kolom dikenali")
    _drop_column_numbers(columns, dropped)
    fits = [p for m in range(len(columns) + 1) if (p := _cycle(columns, pending, m)) is not None]
    if not fits:
        raise _Doubt("jumlah sel per kolom tidak cocok dengan jumlah baris")
    if len(fits) > 1:
        raise _Doubt("sel dapat dibagi ke kolom dengan lebih dari satu cara")
    return _assemble(*fits[0])


_COLUMN_NUMBER_RE = re.compile(r"^\((\d{1,2})\)$")


def _drop_column_numbers(columns: list[_Column], dropped: list[tuple[int, str]]) -> None:
    """The row "(1) (2) (3) …" under the header: every column's first cell is its number."""
    firsts = [_lines(c.pieces[0])[:1] for c in columns]
    numbers = [
        m.group(1) if f and (m := _COLUMN_NUMBER_RE.match(f[0].text)) else "" for f in firsts
    ]
    if numbers != [str(k) for k in range(1, len(columns) + 1)]:
        return
    for c in columns:
        first = c.pieces[0][0]
        dropped.append((first[0].line, "nomor kolom"))
        c.pieces[0] = [first[1:], *c.pieces[0][1:]]


def _lines(blocks: list[_Block]) -> list[_Cell]:
    return [c for b in blocks for c in b]


def _cycle(columns: list[_Column], rest: list[_Block], m: int) -> tuple[list[_Column], int] | None:
    """Columns with the blocks after the last header dealt to the last ``m`` columns."""
    if (m == 0) != (not rest) or (m and len(rest) % m and len(rest) % m != m - 1):
        return None
    cols = [_Column(c.header, [list(p) for p in c.pieces]) for c in columns]
    cycle = cols[len(cols) - m :] if m else []
    rest = _total_spanning_two(cols, rest, m)
    if m and len(rest) % m:
        return None
    for r in range(0, len(rest), m or 1):
        for col, b in zip(cycle, rest[r : r + m], strict=True):
            col.pieces.append([b])
    # A column keeps its kind over the rounds: figures stay figures, text stays text.
    if any(len({_kind(_lines(p)) for p in c.pieces if _lines(p)}) > 1 for c in cycle):
        return None
    if cycle:
        rounds = len(cycle[0].pieces)
        for r in range(rounds):
            sizes = [len(_lines(c.pieces[r])) for c in cycle]
            if r == 0 and not any(sizes):
                for c in cycle:
                    c.rows.append(0)
                    c.sure.append(False)
                continue
            k = min(n for n in sizes if n) if any(sizes) else 0
            if k == 0 or (0 in sizes and k != 1):
                return None
            sure = r > 0 and k == 1 and _numbered_round(cycle, r)
            for c in cycle:
                c.rows.append(k)
                c.sure.append(sure)
        n_rows = sum(cycle[0].rows)
    else:
        figures = [
            len(_lines(c.pieces[0]))
            for c in cols
            if _all_figures(_lines(c.pieces[0])) and not _is_number_column(c)
        ]
        # A table of names only (PPNPN): its row numbers count the rows.
        figures = figures or [len(_lines(c.pieces[0])) for c in cols if _is_number_column(c)]
        if not figures or len(set(figures)) != 1:
            return None
        n_rows = figures[0]
    if n_rows < 1:
        return None
    return (cols, n_rows) if _counts_agree(cols, n_rows) else None


def _same_kind(column: list[_Block], more: list[_Block]) -> bool:
    """Blocks that continue a column hold what it holds: figures, or text."""
    return len({_kind(b) for b in column + more if b}) <= 1


def _kind(cells: list[_Cell]) -> str:
    """Figures ("96,71", "24 Kegiatan": a figure and its unit) or text.

    A total's label ("Jumlah" in the No column) belongs to any column.
    """
    told = [c for c in cells if not is_total_label([c.text])]
    return "figures" if all(_VOLUME_RE.match(c.text) for c in told) else "text"


def _all_figures(cells: list[_Cell]) -> bool:
    return bool(cells) and all(_FIGURE_CELL_RE.match(c.text) for c in cells)


def _split(col: _Column, n_rows: int) -> list[_Cell | None] | None:
    """One cell per row (``None`` = empty); ``None`` when the column cannot be split."""
    if not col.rows:  # a column printed whole
        cells = _lines(col.pieces[0])
        if len(cells) == n_rows:
            return list(cells)
        if n_rows == 1 and cells and _kind(cells) == "text":  # one row: all its lines
            return [_Cell(cells[0].line, " ".join(c.text for c in cells))]
        if n_rows == 1 and not cells:
            return [None]
        return None
    out: list[_Cell | None] = []
    for r, (piece, k) in enumerate(zip(col.pieces, col.rows, strict=True)):
        cells = _lines(piece)
        if len(cells) == k:
            out += cells
        elif not cells and k == 1 and col.sure[r]:  # the cell a total label spans
            out.append(None)
        elif r and k == 1 and len(piece) == 1 and (col.sure[r] or not _all_figures(cells)):
            # A round of one row: the block is that row's cell, wrapped. Two figures only
            # when the row's number proves the round is one row ("781.065.690 / (96,93%)").
            out.append(_Cell(cells[0].line, " ".join(c.text for c in cells)))
        else:
            return None
    return out


def _numbered_round(cycle: list[_Column], r: int) -> bool:
    """The round's block in the No column is one row number or one total label."""
    for c in cycle:
        if _is_number_column(c):
            cells = _lines(c.pieces[r])
            return len(cells) == 1 and (
                row_number(cells[0].text) is not None or is_total_label([cells[0].text])
            )
    return False


def _total_spanning_two(cols: list[_Column], rest: list[_Block], m: int) -> list[_Block]:
    """Rows dealt cell by cell, the last a "Jumlah" merged over No and the next column.

    Its label goes under No and the next column gets an empty cell; the merged cell may be
    printed before or after the row's figures, which keep their order.
    """
    if not m or m != len(cols) or len(rest) % m != m - 1 or not _is_number_column(cols[0]):
        return rest
    at = len(rest) - (m - 1)
    last = rest[at:]
    labels = [b for b in last if len(b) == 1 and is_total_label([b[0].text])]
    if len(labels) != 1 or any(_kind(b) != "figures" for b in last if b is not labels[0]):
        return rest
    return [*rest[:at], labels[0], [], *(b for b in last if b is not labels[0])]


def _counts_agree(cols: list[_Column], n_rows: int) -> bool:
    """Every column of figures has exactly one cell per row, and some label column too."""
    splits = [_split(c, n_rows) for c in cols]
    for c, s in zip(cols, splits, strict=True):
        cells = _lines([b for p in c.pieces for b in p])
        # Row numbers may skip the total row; any other column of figures has every row.
        short_ok = _is_number_column(c) and not c.rows and len(cells) == n_rows - 1
        if _all_figures(cells) and (s is None or len(s) != n_rows) and not short_ok:
            return False
        if _all_figures(cells) and not _one_format(cells):
            return False
    return any(s is not None and len(s) == n_rows for s in splits)


_GROUP_MARK_RE = re.compile(r"(?<=\d)([.,' ])(?=\d{3}(?:\D|$))")
_DECIMAL_MARK_RE = re.compile(r"(?<=\d)([.,])(?=\d{1,2}(?:\D|$))")


def _one_format(cells: list[_Cell]) -> bool:
    """A column of figures prints them one way: one thousands mark, another decimal mark."""
    groups = {m for c in cells for m in _GROUP_MARK_RE.findall(c.text)}
    decimals = {m for c in cells for m in _DECIMAL_MARK_RE.findall(c.text)}
    return len(groups) <= 1 and len(decimals) <= 1 and not groups & decimals


def _assemble(cols: list[_Column], n_rows: int) -> _Part:
    notes: list[str] = []
    grid: list[list[str]] = [[""] * len(cols) for _ in range(n_rows)]
    where: list[list[int]] = [[0] * len(cols) for _ in range(n_rows)]
    short: list[int] = []
    unsplit: list[int] = []
    for j, c in enumerate(cols):
        s = _split(c, n_rows)
        lines = _lines([b for p in c.pieces for b in p])
        if (
            s is None
            and not c.rows
            and len(lines) == n_rows + 1
            and _label_not_total(lines[0].text)
        ):
            # The header wrapped onto a second line ("Indikator" / "Kinerja"): one line more
            # than the rows, and that line a column label.
            c.header = _Cell(c.header.line, f"{c.header.text} {lines[0].text}")
            s = list(lines[1:])
        if s is None:
            if len(lines) == n_rows - 1 and not c.rows:
                short.append(j)
            elif len(lines) > n_rows:
                unsplit.append(j)
            else:
                raise _Doubt(f"jumlah sel kolom “{c.header.text}” tidak cocok dengan jumlah baris")
            continue
        # A column label among the cells: a header over two rows ("Tahun 2024" above
        # "Target"), or a title glued to the first cells; either way the columns are unknown.
        if any(c is not None and _label_not_total(c.text) for c in s):
            raise _Doubt("judul kolom bertingkat atau judul tabel menempel pada sel")
        for i, cell in enumerate(s):
            if cell is not None:
                grid[i][j], where[i][j] = cell.text, cell.line
    # A wrapped text column left empty: another text column must name the rows (a code, a
    # kecamatan, a jabatan), or the rows of a budget could not be told apart.
    named = [
        j
        for j, c in enumerate(cols)
        if j not in unsplit
        and not _is_number_column(c)
        and _kind(_lines([b for p in c.pieces for b in p])) == "text"
    ]
    if unsplit and not named:
        raise _Doubt(
            "sel terlipat dan tidak ada kolom teks lain yang menamai baris (batas sel tidak pasti)"
        )
    totals = [i for i in range(n_rows) if is_total_label(grid[i])]
    for j in unsplit:
        tail = _lines([b for p in cols[j].pieces for b in p])[-1]
        # A total label alone on the column's last line, with a column one cell short
        # (the total row has no code or number): the last row is that total.
        if short and not totals and is_total_label([tail.text]) and tail.text[:1].isupper():
            grid[-1][j], where[-1][j] = tail.text, tail.line
            totals = [n_rows - 1]
        notes.append(
            f"kolom “{cols[j].header.text}” tidak dapat dibagi per baris (sel terlipat); "
            "selnya dibiarkan kosong"
        )
    for j in short:
        if len(totals) != 1 or totals[0] not in (0, n_rows - 1) or n_rows < 2:
            raise _Doubt(
                f"kolom “{cols[j].header.text}” kurang satu sel; baris yang kosong tidak pasti"
            )
        if not _spanned_by_total(grid[totals[0]], cols, j):
            raise _Doubt(
                f"kolom “{cols[j].header.text}” kurang satu sel; baris yang kosong tidak pasti"
            )
        cells = _lines(cols[j].pieces[0])
        if any(_label_not_total(c.text) for c in cells):
            raise _Doubt("judul kolom menempel pada sel")
        others = [i for i in range(n_rows) if i != totals[0]]
        for i, cell in zip(others, cells, strict=True):
            grid[i][j], where[i][j] = cell.text, cell.line
    if not _numbered_in_order(grid, cols):
        raise _Doubt("nomor urut tidak berurutan")
    rows = [_row(grid[i], where[i]) for i in range(n_rows)]
    return [c.header for c in cols], rows, notes


def _spanned_by_total(total: list[str], cols: list[_Column], j: int) -> bool:
    """Column ``j`` is one a total row leaves empty.

    Left of its label (No, Kode), or the name column right after a label printed in the No
    column ("Jumlah" over No and Kecamatan). An empty Keterangan could be any row's.
    """
    label_at = next((k for k, cell in enumerate(total) if cell), 0)
    return j < label_at or (j == label_at + 1 and _is_number_column(cols[label_at]))


def _label_not_total(text: str) -> bool:
    return is_header_cell(text) and not is_total_label([text])


def _is_number_column(c: _Column) -> bool:
    return bool(re.fullmatch(r"(?i)no\.?|nomor", c.header.text))


def _numbered_in_order(grid: list[list[str]], cols: list[_Column]) -> bool:
    """A "No" column counts 1, 2, 3 … down its filled cells (else the rows are mixed up)."""
    for j, c in enumerate(cols):
        if not _is_number_column(c):
            continue
        nums = [row_number(r[j]) for r in grid if r[j] and not is_total_label([r[j]])]
        first = nums[0] if nums else None
        if first is not None and nums != list(range(first, first + len(nums))):
            return False
        if nums and first is None:
            return False
    return True


def _row(cells: list[str], where: list[int]) -> TableRow:
    lines = [ln for ln in where if ln]
    ordered = list(dict.fromkeys(lines))
    total = is_total_label(cells)
    kind = ("subtotal" if is_subtotal_label(cells) else "total") if total else "data"
    return TableRow(
        list(cells), ordered, ["\t".join(cells)], total, line_cells=[list(cells)], kind=kind
    )


def as_raw_table(table_id: str, rebuilt: Rebuilt) -> RawTable:
    """The rebuilt table as the other readers give it; the rebuild is noted for the record."""
    return RawTable(
        id=table_id,
        line=rebuilt.line,
        end_line=rebuilt.end_line,
        header=[list(rebuilt.header)],
        rows=rebuilt.rows,
        dropped=list(rebuilt.dropped),
        doubts=list(rebuilt.notes),
    )
