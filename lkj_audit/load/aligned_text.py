"""Tables whose cells are aligned by runs of spaces (``pdftotext -layout``), read as tab cells.

A text extraction made with ``pdftotext -layout`` prints a table as lines of text whose cells
stand at fixed character offsets: columns padded with spaces, figures right-aligned, a wrapped
cell continued on the next lines at the same offset, a group row or "Jumlah" spanning several
columns. The rest of the reader understands tab-separated cells only, so each such line is
rewritten *in place* as tab-separated cells: the number and order of lines never change, so
every finding still cites the source line it came from.

A block is read as a table only when its columns are certain:

* the columns are the *rivers* of the block's data lines: character positions blank on every
  one of them, at least two wide (a cell's own words are one space apart);
* at least three columns, or two with figures, held over several lines (justified prose with
  a double space here and there never lines its gaps up over several lines);
* a data line never puts two chunks of figures into one column (that would be guessing).

A block that looks like a table (its lines split into chunks) but fails these tests is left
as it is and returned in :func:`tabulate`'s ``unread`` list with the reason, for the reading
record: a reviewer must read it by hand, and no rule may claim that the table is absent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lkj_audit.load.rawtables import (
    is_page_furniture,
    is_summary_row,
    is_total_label,
    opens_group,
    row_number,
)
from lkj_audit.load.tablehead import is_enumeration

# A chunk: words one space apart; two or more spaces end it.
# Only ASCII spaces part cells: a no-break or thin space groups thousands ("50 439").
_CHUNK_RE = re.compile(r"[^ ]+(?: [^ ]+)*")
_FIGURE_RE = re.compile(r"\d")
_YEAR_ONLY_RE = re.compile(r"^(?:\D*\b(?:19|20)\d{2}\b\D*)$")
_LEADER_RE = re.compile(r"\.{4,}|(?:\. ){4,}")  # as _has_leader, which is faster
# A chapter heading on a line of its own ("BAB III", "BAB 3 AKUNTABILITAS KINERJA"): a table
# never runs into it, not even when the page before ends in the table's last row.
_CHAPTER_LINE_RE = re.compile(r"^\s*(?:BAB|Bab)\s+(?:[IVX]{1,4}|\d{1,2})\b(?:\s+[A-Z][A-Z ]+)?\s*$")


def _has_leader(text: str) -> bool:
    """Daftar Isi leader dots ("BAB I ........ 1"): ``_LEADER_RE.search`` as substring tests.

    The regex tries both alternatives at every position of every line (~3 ms a report).
    """
    return "...." in text or ". . . . " in text


# A currency sign printed apart from its amount: Word/Excel's accounting format puts "Rp" at
# the left of the cell and the amount at its right ("Rp      186.400.000,00").
_CURRENCY_RE = re.compile(r"\(?(?:Rp|IDR)\.?", re.IGNORECASE)
# A percentage or a range with its operator or "%" (never a bare list number "1.").
_RANGE_RE = re.compile(
    r"^(?:[<>≤≥]=?\s*\d+(?:[.,]\d+)?\s*%?|\d+(?:[.,]\d+)?\s*%"
    r"|\d+(?:[.,]\d+)?\s*%?\s*(?:-|–|s\.?d\.?)\s*(?:[<≤]=?\s*)?\d+(?:[.,]\d+)?\s*%?)$"
)
_MIN_RIVER = 2
_MAX_BLANKS = 2  # blank lines between two rows of one table (bordered rows print one)
_MAX_TEXT_LINES = 9  # lines of one chunk (wrapped cells, group rows) between two table lines


@dataclass(frozen=True, slots=True)
class Chunk:
    """A run of text on one line: its first and past-the-end character offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Unread:
    """A block that looked like an aligned table but could not be read with certainty."""

    line: int  # 1-based, first line of the block
    end_line: int
    why: str  # Bahasa Indonesia, for the reading record
    # "unread": left as printed; "uncertain": rewritten as cells, but where a cell went is a
    # guess (the table it joins must be read with low confidence)
    kind: str = "unread"


def chunks(line: str) -> list[Chunk]:
    """The chunks of a line (form feeds of a page break count as spaces).

    A currency sign standing alone before an amount belongs to that amount's cell.
    """
    text = line.replace("\f", " ")
    if "  " not in text:  # one chunk or none (most lines): what _CHUNK_RE would find
        words = text.strip(" ")
        if not words:
            return []
        start = text.index(words[0])
        return [Chunk(start, start + len(words), words)]
    out: list[Chunk] = []
    for m in _CHUNK_RE.finditer(text):
        c = Chunk(m.start(), m.end(), m.group())
        if out and _CURRENCY_RE.fullmatch(out[-1].text) and c.text[:1].isdigit():
            sign = out.pop()
            c = Chunk(sign.start, c.end, f"{sign.text} {c.text}")
        out.append(c)
    return out


def tabulate(
    lines: list[str], furniture: Callable[[str], bool] = lambda text: False
) -> tuple[list[str], list[Unread]]:
    """``lines`` with every space-aligned table line rewritten as tab-separated cells.

    Lines that already hold a tab are never touched (a tab-separated extraction stays as it
    is). Returns the new lines (same count) and the blocks left unread.
    """
    out = list(lines)
    unread: list[Unread] = []
    split = [chunks(t) if "\t" not in t else [] for t in lines]
    last: tuple[int, int] | None = None  # last line converted, end of its block
    last_spans: list[tuple[int, int]] = []  # the columns of that block
    last_figures: list[set[int]] = []  # per column, the lines where it printed a figure
    last_rows: list[list[str]] = []  # the cells of that block's lines
    i = 0
    while i < len(lines):
        if len(split[i]) < 2:
            i += 1
            continue
        block = _block(lines, split, i, furniture)
        lead = i - 1  # a group row opening the next page of a table ("Sasaran 3: …")
        if (
            last is not None
            and len(split[lead]) == 1
            and (
                split[lead][0].start >= 1
                or opens_group([split[lead][0].text])
                or _name_begun_above(split[lead][0], split[i][0])
            )
            and _only_breaks(lines, last, lead, furniture)
            and _page_turns(lines, last, lead, furniture)
        ):
            block = [lead, *block]
        else:
            block = [*_group_label_opening_page(lines, split, i, last, furniture), *block]
        result = _read_block(lines, split, block)
        if isinstance(result, str):
            # A table over two pages whose columns moved a little on the second one (a
            # browser's print, its header repeated): each page is read with its own columns,
            # the second as the continuation of the first.
            turn = next((n for n, k in enumerate(block) if n and "\f" in lines[k]), None)
            if turn is not None:
                page = _read_block(lines, split, block[:turn])
                if not isinstance(page, str):
                    block, result = block[:turn], page
        after_break = last is not None and _only_breaks(lines, last, block[0], furniture)
        if isinstance(result, str) and last is not None and after_break:
            lone = _lone_row(lines, split, block, last_figures, last_rows)
            result = (lone, []) if lone else result
        if isinstance(result, str):
            if len(block) >= 3 and not _justified_prose(lines, split, block):
                unread.append(Unread(block[0] + 1, block[-1] + 1, result))
        else:
            rows, spans = result
            if after_break and 0 < len(spans) < len(last_spans):
                fitted, spans = _fit_to_page_above(rows, spans, last_spans)
                if fitted is rows:  # no single fit: the columns of this page are a guess
                    why = (
                        f"halaman lanjutan tabel memuat {len(spans)} kolom, halaman sebelumnya "
                        f"{len(last_spans)}; letak kolomnya tidak dapat dicocokkan dengan pasti"
                    )
                    unread.append(Unread(block[0] + 1, block[-1] + 1, why, "uncertain"))
                rows = fitted
            for ln, cells in rows.items():
                out[ln] = "\t".join(cells)
            last, last_spans = (max(rows), block[-1]), spans or last_spans
            if spans:
                # The column numbers under the header ("1  2  3") are no figures of a column.
                numbered = {k: c for k, c in rows.items() if not is_enumeration(c)}
                last_figures = [
                    {k for k, c in numbered.items() if _is_figure(c[j])} for j in range(len(spans))
                ]
                last_rows = list(numbered.values())
        i = block[-1] + 1
    return out, unread


def _group_label_opening_page(
    lines: list[str],
    split: list[list[Chunk]],
    start: int,
    last: tuple[int, int] | None,
    furniture: Callable[[str], bool],
) -> list[int]:
    """The lines of a group label wrapped within the first column, opening a table's next page.

    "Sasaran 3:" over "Tersedianya data" over "pemilih yang akurat", then the page's first
    row: the label belongs to the table above (the page turned since), not to the prose.
    """
    if last is None or len(split[start]) < 2:
        return []
    first_col_end = split[start][1].start - _MIN_RIVER
    k = start - 1
    while k > last[1] and start - k <= _MAX_TEXT_LINES and len(split[k]) == 1:
        if split[k][0].end > first_col_end or _is_break(lines[k], furniture):
            break
        k -= 1
    run = list(range(k + 1, start))
    if len(run) < 2 or not opens_group([split[run[0]][0].text]):
        return []
    if not (
        _only_breaks(lines, last, run[0], furniture) and _page_turns(lines, last, run[0], furniture)
    ):
        return []
    return run


def _justified_prose(lines: list[str], split: list[list[Chunk]], block: list[int]) -> bool:
    """One wide-spaced line in a paragraph: justified text, no table ("sebagai    atas ...").

    Its one aligned line starts where the lines around it start and ends where the longest
    of them ends; every other line of the block is a line of that paragraph.
    """
    multi = [k for k in block if len(split[k]) >= 2]
    if len(multi) != 1:
        return False
    k = multi[0]
    around = [
        split[j][0]
        for j in (k - 2, k - 1, k + 1, k + 2)
        if 0 <= j < len(lines) and len(split[j]) == 1
    ]
    if len(around) < 2:
        return False
    start, end = split[k][0].start, split[k][-1].end
    width = max(c.end for c in around)
    return all(c.start == start for c in around) and abs(end - width) <= 2


def _only_breaks(
    lines: list[str], last: tuple[int, int], start: int, furniture: Callable[[str], bool]
) -> bool:
    """Only blank lines and page furniture since the last table: a page break inside it."""
    gap = lines[last[1] + 1 : start]
    return len(gap) <= 10 and all(not t.strip() or _is_break(t, furniture) for t in gap)


def _lone_row(
    lines: list[str],
    split: list[list[Chunk]],
    block: list[int],
    above: list[set[int]],
    above_rows: Sequence[list[str]] = (),
) -> dict[int, list[str]] | None:
    """One row carried over a page break ("Jumlah … 201.053 194.061 395.114"), else None.

    ``above`` holds, per column of the table above, whether it printed figures. The row's
    figures, printed last, go to the table's last columns; its label to the name column
    before them (and a row number to the first). Only when the count leaves no choice.
    The lines of its wrapped cells follow the chunk of the row they stand under.
    """
    multi = [k for k in block if len(split[k]) >= 2]
    if len(multi) != 1 or not _name_lines_before(split, block, multi[0]):
        return None
    row, n = split[multi[0]], len(above)
    if len(row) == n and all(above[j] for j, c in enumerate(row) if j > 0 and _is_figure(c.text)):
        return _spread(split, block, row, list(range(n)), n)  # a chunk for every column
    # a Kategori/Keterangan after the figures: text in the last columns of every row above
    tail = _text_tail(row, n, above_rows)
    row, n = row[: len(row) - tail], n - tail
    # the figures are the run of figure chunks at the end (a formula "x 100%" is a label)
    nf = next((k for k, c in enumerate(reversed(row)) if not _is_figure(c.text)), len(row))
    labels = len(row) - nf
    if labels < 1 or nf < 2 or labels + nf > n:
        return None
    if not all(above[j] for j in range(n - nf, n)):
        return None
    if len(row) == n:
        target = list(range(n))
    elif labels == 1:
        target = [n - 1 - nf]
    elif labels == 2 and row_number(row[0].text) is not None:
        target = [0, n - 1 - nf]
    elif _label_columns_certain(above_rows, n - nf, labels):
        target = list(range(n - nf - labels, n - nf))
    elif row_number(row[0].text) is not None and _label_columns_certain(
        above_rows, n - nf, labels - 1, numbered=True
    ):  # "VI | name | formula | satuan": the number first, the labels before the figures
        target = [0, *range(n - nf - labels + 1, n - nf)]
    else:
        return None
    target += list(range(n - nf, n + tail))
    return _spread(split, block, split[multi[0]], target, n + tail)


def _name_lines_before(split: list[list[Chunk]], block: list[int], row_line: int) -> bool:
    """Are the block's lines before the row's figure line the first lines of its name?

    A name wrapped with its figures printed later ("Jumlah Program" over "Dukungan
    Manajemen  1.414.032.000 …") opens with lines of one chunk, each starting where a label
    of the row starts (a group label there is told apart later, as in any table).
    """
    labels = {c.start for c in split[row_line] if not _is_figure(c.text)}
    return all(
        len(split[k]) <= 1 and (not split[k] or split[k][0].start in labels)
        for k in block[: block.index(row_line)]
    )


def _text_tail(row: list[Chunk], n: int, above_rows: Sequence[list[str]]) -> int:
    """How many label chunks end the row, each under a column the rows above fill with text."""
    tail = 0
    while tail < 2 and tail < len(row) - 1 and not _is_figure(row[-1 - tail].text):
        tail += 1
    body = [r for r in above_rows if any(_is_figure(c) for c in r)]
    if not tail or not body:
        return 0
    cols = range(n - tail, n)
    fits = all(all(j < len(r) and r[j] and not _is_figure(r[j]) for j in cols) for r in body)
    return tail if fits else 0


def _spread(
    split: list[list[Chunk]], block: list[int], row: list[Chunk], target: list[int], n: int
) -> dict[int, list[str]]:
    """The block's lines as cells: each chunk in the column of the row chunk it stands under."""
    out: dict[int, list[str]] = {}
    for k in block:
        cells = [""] * n
        for c in split[k]:
            under = min(range(len(row)), key=lambda x: _distance(c, row[x]))
            cells[target[under]] = f"{cells[target[under]]} {c.text}".strip()
        out[k] = cells
    return out


def _label_columns_certain(
    rows: Sequence[list[str]], n_text: int, labels: int, numbered: bool = False
) -> bool:
    """Do ``labels`` label cells leave no choice but the last ``labels`` label columns?

    They do when, in every row of the table above that printed figures, those columns were
    filled (a name, a formula, a polarity) and each column left of them was empty in some
    (a sasaran cell spanning several rows prints once) — but the No column of a
    ``numbered`` row, which the row's number fills.
    """
    body = [r for r in rows if any(_is_figure(c) for c in r[n_text:])]
    if not body or labels > n_text - int(numbered):
        return False
    first = n_text - labels
    filled = all(all(j < len(r) and r[j] for j in range(first, n_text)) for r in body)
    optional = all(any(j >= len(r) or not r[j] for r in body) for j in range(int(numbered), first))
    return filled and optional


def _distance(a: Chunk, b: Chunk) -> int:
    return max(b.start - a.end, a.start - b.end, 0) if a.start != b.start else -1


_CAPTION_RE = re.compile(r"(?i)^(?:tabel|table|gambar|grafik|diagram)\b")


def _name_begun_above(lead: Chunk, first: Chunk) -> bool:
    """A one-chunk line at the start of the first row's name: that name's first line.

    Never a caption ("Tabel 3.2 …", "… sebagai berikut:").
    """
    return (
        lead.start == first.start
        and not _CAPTION_RE.match(lead.text)
        and not lead.text.rstrip().endswith((":", "."))
    )


def _page_turns(
    lines: list[str], last: tuple[int, int], start: int, furniture: Callable[[str], bool]
) -> bool:
    """Does a page end between the last table and ``start`` (a form feed, a page number)?

    Blank lines alone may part a table from the caption of the next one ("Berikut Daftar
    Pemilih Sementara (DPS):"), which is no group row of the table above.
    """
    gap = lines[last[1] + 1 : start + 1]
    return any("\f" in t or (t.strip() and _is_break(t, furniture)) for t in gap)


def _is_break(text: str, furniture: Callable[[str], bool]) -> bool:
    """Page furniture: a page number, or a running title (with its page number beside it).

    A header line of three or more cells repeated on every page is no running title.
    """
    joined = " ".join(text.split())
    if not joined or len(chunks(text)) > 2:
        return False
    return is_page_furniture(joined) or furniture(text)


def _block(
    lines: list[str], split: list[list[Chunk]], start: int, furniture: Callable[[str], bool]
) -> list[int]:
    """Line indexes of the aligned block starting at ``start`` (a line of two or more chunks).

    It runs over multi-chunk lines, the blank lines and one-chunk lines between them (wrapped
    cells, group rows), and the one-chunk lines right under its last row that are indented
    like a wrapped cell. Page furniture, tab lines and long gaps end it.
    """
    core = [start]
    pending: list[int] = []
    blanks = texts = paragraphs = prose = 0
    # A one-chunk line under the figure columns is a wrapped cell ("(%)" under "Serapan"),
    # never running text or a caption between two tables (those start at the left).
    first = split[start]
    figure_cols = first[min(2, len(first) - 1)].start - _MIN_RIVER
    k = start + 1
    while k < len(lines):
        text = lines[k]
        if "\t" in text or _is_break(text, furniture):
            break
        if not text.strip():
            blanks += 1
            if blanks > _MAX_BLANKS:
                break
            pending.append(k)
        elif len(split[k]) >= 2:
            # A header after running text opens the next table, never this one's row.
            if prose and not _is_data(split[k]):
                break
            core += [*pending, k]
            pending, blanks, texts, paragraphs, prose = [], 0, 0, 0, 0
        else:
            paragraphs += 1 if blanks or not texts else 0
            texts += 1
            prose += 1 if split[k][0].start < figure_cols else 0
            blanks = 0
            # Two paragraphs of one-chunk text (a sentence, a caption): the table has ended.
            if texts > _MAX_TEXT_LINES or paragraphs > 1:
                break
            pending.append(k)
        k += 1
    # One-chunk lines straight under the last row, indented or within the first column (they
    # end before the second column begins): the rest of its wrapped cells, or a group row.
    rows = [split[k] for k in core if len(split[k]) >= 2]
    first_col_end = min((r[1].start for r in rows), default=0) - _MIN_RIVER
    k = core[-1] + 1
    while k < len(lines) and len(split[k]) == 1:
        c = split[k][0]
        # A page's first line starts after its form feed, which is no indent.
        start = c.start - lines[k].count("\f", 0, c.start + 1)
        if _is_break(lines[k], furniture) or not (start >= 1 or c.end <= first_col_end):
            break
        if _CHAPTER_LINE_RE.match(lines[k].replace("\f", " ")):
            break
        core.append(k)
        k += 1
    return core


def _is_figure(text: str) -> bool:
    return bool(_FIGURE_RE.search(text)) and not _YEAR_ONLY_RE.match(text)


def _is_data(row: list[Chunk]) -> bool:
    """A data line: figures after its first cell, or a row number ("1.", "IV") first."""
    return any(_is_figure(c.text) for c in row[1:]) or row_number(row[0].text) is not None


def _columns(rows: list[list[Chunk]]) -> list[tuple[int, int]]:
    """The columns of ``rows``: union of their chunks, split where a river ≥ 2 wide runs."""
    spans = sorted((c.start, c.end) for row in rows for c in row)
    cols: list[list[int]] = []
    for s, e in spans:
        if cols and s < cols[-1][1] + _MIN_RIVER:
            cols[-1][1] = max(cols[-1][1], e)
        else:
            cols.append([s, e])
    return [(s, e) for s, e in cols]


def _overlapping(chunk: Chunk, cols: list[tuple[int, int]]) -> list[int]:
    return [j for j, (s, e) in enumerate(cols) if chunk.start < e and s < chunk.end]


def _nearest(chunk: Chunk, cols: list[tuple[int, int]]) -> int:
    mid = (chunk.start + chunk.end) / 2
    return min(range(len(cols)), key=lambda j: max(cols[j][0] - mid, mid - cols[j][1], 0))


def _split_at_rivers(chunk: Chunk, cols: list[int], spans: list[tuple[int, int]]) -> list[Chunk]:
    """A chunk over several columns cut at single spaces that fall in the rivers between them."""
    parts: list[Chunk] = []
    begin = chunk.start
    for a, b in zip(cols, cols[1:], strict=False):
        gap = (spans[a][1], spans[b][0])
        cut = next(
            (
                p
                for p in range(gap[0] - 1, gap[1] + 1)
                if chunk.text[p - chunk.start : p - chunk.start + 1] == " "
            ),
            None,
        )
        if cut is None or not begin < cut < chunk.end:
            return [chunk]
        parts.append(Chunk(begin, cut, chunk.text[begin - chunk.start : cut - chunk.start]))
        begin = cut + 1
    parts.append(Chunk(begin, chunk.end, chunk.text[begin - chunk.start :]))
    return parts


def _place(
    row: list[Chunk], cols: list[tuple[int, int]], data: bool, roman_sections: bool = False
) -> list[str] | str:
    """The cells of one line, or why the line does not fit the columns."""
    cells: list[list[str]] = [[] for _ in cols]
    pieces: list[Chunk] = []
    # "II   Meningkatnya partisipasi …" without a figure, in a table whose rows are numbered
    # 1, 2, 3: a sasaran label, left whole.
    label = roman_sections and bool(_ROMAN_NO_RE.match(row[0].text))
    figured = not label or any(_is_figure(c.text) for c in row[1:])
    for k, c in enumerate(row):
        over = _overlapping(c, cols)
        # Only a data line is cut at a river; a header label centred over two columns is not,
        # nor a total's label merged over the leading columns ("Capaian Kinerja Tertimbang").
        cut = (
            len(over) > 1
            and len(row) > 1
            and data
            and figured
            and not (k == 0 and _merged_label(c.text))
        )
        pieces += _split_at_rivers(c, over, cols) if cut else [c]
    for c in pieces:
        over = _overlapping(c, cols)
        j = over[0] if over else _nearest(c, cols)
        if data and cells[j] and (_is_figure(c.text) or any(_is_figure(t) for t in cells[j])):
            return f"dua angka dalam satu kolom ('{cells[j][-1]}', '{c.text}')"
        cells[j].append(c.text)
    return [" ".join(parts) for parts in cells]


_ROMAN_NO_RE = re.compile(r"^[IVX]{1,5}\.?$")
_ARABIC_NO_RE = re.compile(r"^\d{1,3}\.?$")


def _merged_label(text: str) -> bool:
    return is_total_label([text]) or is_summary_row([text, "1"])


def _read_block(
    lines: list[str], split: list[list[Chunk]], block: list[int]
) -> tuple[dict[int, list[str]], list[tuple[int, int]]] | str:
    """The cells of every line of the block, or why it cannot be read as a table."""
    multi = [k for k in block if len(split[k]) >= 2]
    # Header lines (no figure but a year) sit above the data, often centred on their column:
    # the columns come from the data lines; the header words go to the nearest column.
    first_data = next((k for k in multi if _is_data(split[k])), None)
    body = [k for k in multi if first_data is not None and k >= first_data] or multi
    if len(multi) < 2:
        return "hanya satu baris yang rata kolom"
    cols = _columns([split[k] for k in body])
    figures = sum(1 for k in body if any(_is_figure(c.text) for c in split[k][1:]))
    result = _cells_of(lines, split, block, body, multi, cols, figures, body)
    figured = [k for k in body if any(_is_figure(c.text) for c in split[k][1:])]
    if isinstance(result, str) and len(figured) >= 2 and len(figured) < len(body):
        # A group row without figures whose long title runs over the figure columns
        # ("CQ  Program Penyelenggaraan … Demokrasi") joins them into one: the columns are
        # then those of the rows with figures, and the group row's title stays in one cell.
        cols = _columns([split[k] for k in figured])
        retry = _cells_of(lines, split, block, body, multi, cols, figures, figured)
        result = result if isinstance(retry, str) else retry
    numbered = [k for k in figured if row_number(split[k][0].text) is not None]
    if isinstance(result, str) and len(numbered) >= 2 and len(numbered) < len(figured):
        # A total or summary label merged over the leading columns ("Capaian Kinerja
        # Tertimbang" over No | Indikator | Satuan) joins them: the numbered rows keep them.
        cols = _columns([split[k] for k in numbered])
        retry = _cells_of(lines, split, block, body, multi, cols, figures, numbered)
        result = result if isinstance(retry, str) else retry
    bridged = [k for k in body if any(_two_figures(c.text) for c in split[k][1:])]
    if isinstance(result, str) and bridged and len(body) - len(bridged) >= 2:
        # A row whose two figures stand a single space apart ("6 Laporan 6 Laporan": an OCR
        # layer, a cell filled to its edge) bridges the river between their columns: the
        # columns are those of the other rows, and that row is cut at the river.
        rest = [k for k in body if k not in bridged]
        cols = _columns([split[k] for k in rest])
        retry = _cells_of(lines, split, block, body, multi, cols, figures, rest)
        result = result if isinstance(retry, str) else retry
    return result


_FIGURE_WORD_RE = re.compile(r"(?<!\S)[\d][\d.,]*%?(?!\S)")


def _two_figures(text: str) -> bool:
    """Two numbers in one chunk, a single space (and perhaps a unit word) apart."""
    return len(_FIGURE_WORD_RE.findall(text)) >= 2 and not _YEAR_ONLY_RE.match(text)


def _cells_of(
    lines: list[str],
    split: list[list[Chunk]],
    block: list[int],
    body: list[int],
    multi: list[int],
    cols: list[tuple[int, int]],
    figures: int,
    col_lines: list[int],
) -> tuple[dict[int, list[str]], list[tuple[int, int]]] | str:
    """The cells of every line of the block under the columns ``cols``, or why not.

    ``col_lines``: the lines ``cols`` were taken from (without a group row running over them).
    """
    # A rating scale prints its figures first: "> 100%   Sangat Baik", "76% - 100%   Baik".
    ranges = sum(1 for k in body if _RANGE_RE.match(split[k][0].text))
    if len(cols) < 3 and not (len(cols) == 2 and (figures >= 2 or ranges >= 3)):
        return "kurang dari tiga kolom yang rata di semua baris"
    # One data line under its header: the rivers must hold through the header too.
    if len(body) < 2 and len(_columns([split[k] for k in multi])) < 3:
        return "kolom tidak bertahan di beberapa baris"
    # A header label over no data (its column empty on this page, or centred in a gutter)
    # is a column of its own; _merge_exclusive joins it to its data column when it has one.
    above = [c for k in block if k < body[0] for c in split[k] if not _overlapping(c, cols)]
    if above:
        cols = _columns([[c for k in col_lines for c in split[k]] + above])
    out: dict[int, list[str]] = {}
    # The column numbers repeated under a page's header ("1  2  3") number no row.
    firsts = [
        split[k][0].text
        for k in body
        if split[k] and not is_enumeration([c.text for c in split[k]])
    ]
    roman = any(map(_ROMAN_NO_RE.match, firsts)) and any(map(_ARABIC_NO_RE.match, firsts))
    for k in block:
        if not lines[k].strip():
            out[k] = [""] * len(cols)  # written as tabs only: the table goes on below
            continue
        data = k in body and (len(split[k]) < 2 or _is_data(split[k]))
        cells = _place(split[k], cols, data=data, roman_sections=roman)
        if isinstance(cells, str):
            return f"baris {k + 1}: {cells}"
        out[k] = cells
    return _merge_exclusive(out, {k for k in out if k not in body and k < body[0]}, cols)


def _merge_exclusive(
    rows: dict[int, list[str]], header: set[int], spans: list[tuple[int, int]]
) -> tuple[dict[int, list[str]], list[tuple[int, int]]]:
    """Join two neighbouring columns that no line fills both of, when one has no header.

    A right-aligned code under left-aligned ones ("6709" under "6709.QGE.001"), a figure
    centred in a wide cell, a header word centred in a gutter: a second river inside one
    printed column. Two real columns are filled together on some line, or both headed.
    """
    width = max((len(c) for c in rows.values()), default=0)
    # The column numbers under the header ("1  2  3  4") are no data of a column.
    figures = [c for k, c in rows.items() if k not in header and not is_enumeration(c)]
    j = 0
    while j + 1 < width:
        both = any(c[j] and c[j + 1] for c in rows.values())
        headed = [any(rows[k][x] for k in header) for x in (j, j + 1)]
        data = [any(c[x] for c in figures) for x in (j, j + 1)]
        if not both and not (all(headed) and all(data)):
            for cells in rows.values():
                cells[j : j + 2] = [cells[j] or cells[j + 1]]
            spans[j : j + 2] = [(spans[j][0], spans[j + 1][1])]
            width -= 1
            continue
        j += 1
    return rows, spans


def _fit_to_page_above(
    rows: dict[int, list[str]], spans: list[tuple[int, int]], above: list[tuple[int, int]]
) -> tuple[dict[int, list[str]], list[tuple[int, int]]]:
    """A table continued on the next page, one of its columns empty there, fitted to its page.

    An empty column prints nothing, so the page below shows fewer columns. pdftotext puts
    the same table at nearly the same offsets on every page: the columns are matched by
    overlap, over the shift that overlaps most. Unless one order-keeping match wins, the
    block is kept as read (the table reader then decides whether it continues).
    """
    best: tuple[int, list[int]] | None = None
    tie = False
    for shift in range(-8, 9):
        match, score = [], 0
        for s0, e0 in spans:
            over = [max(0, min(e0 + shift, e) - max(s0 + shift, s)) for s, e in above]
            j = max(range(len(above)), key=lambda x: over[x])
            match.append(j)
            score += over[j]
        if any(b <= a for a, b in zip(match, match[1:], strict=False)) or not score:
            continue
        if best is None or score > best[0]:
            best, tie = (score, match), False
        elif score == best[0] and match != best[1]:
            tie = True
    if best is None or tie:
        return rows, spans
    fitted = {}
    for k, cells in rows.items():
        wide = [""] * len(above)
        for j, c in zip(best[1], cells, strict=True):
            wide[j] = c
        fitted[k] = wide
    return fitted, list(above)


def prose_width(lines: list[str]) -> int:
    """The width of a full line of running text (0 when the text is not hard-wrapped).

    ``pdftotext`` wraps each paragraph at the page width; a text extraction with one paragraph
    per line has no such width (its long lines vary wildly), and then nothing is rejoined.
    """
    # Left-aligned lines only: running titles, centred headings and Daftar Isi leaders
    # ("BAB I ........ 1") are not running text.
    left = [
        t.rstrip()
        for t in lines
        if t[:1].strip() and "\t" not in t and "   " not in t.strip() and not _has_leader(t)
    ]
    width = _full_line_width(sorted(len(t) for t in left))
    if not width:
        # Tables printed one cell per line (plain ``pdftotext`` of a Word-made PDF) outnumber
        # the prose lines; the width is then that of the lines that carry sentences.
        width = _full_line_width(sorted(len(t) for t in left if len(t.split()) >= _PROSE_WORDS))
    return width


_PROSE_WORDS = 6  # a line of running text has this many words; a table cell rarely has


def _full_line_width(lengths: list[int]) -> int:
    """The 80th-percentile length, when at least a third of the lines come near it."""
    if len(lengths) < 20:
        return 0
    p80 = lengths[int(len(lengths) * 0.8)]
    full = sum(1 for n in lengths if 0.8 * p80 <= n <= p80 * 1.1)
    return p80 if p80 <= 160 and full * 3 >= len(lengths) else 0


def wraps_on(previous: str, line: str, width: int) -> bool:
    """Is ``line`` the next line of the paragraph ``previous`` was wrapped from?

    It is when ``previous`` fills the line (at least 80 % of ``width``) and the sentence goes
    on: ``line`` begins in lower case, or ``previous`` ends without a full stop or colon.
    """
    prev, text = previous.rstrip(), line.strip()
    if not width or not text or not prev or "\t" in previous or len(prev) < 0.8 * width:
        return False
    return text[:1].islower() or not prev.endswith((".", ":", ";", "!", "?"))
