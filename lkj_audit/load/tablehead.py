"""Header rows of a printed table: recognise them, merge multi-line headers, spot repeats.

Real LKj tables carry headers over two or three lines: a group header over sub-columns
("Tahun 2024" above "Target | Realisasi"), units on their own line ("(%)", "(Rp)"), and a
column-number row ("(1) (2) (3)"). A PDF repeats the header row at the top of every page.
"""

from __future__ import annotations

import re

from lkj_audit.load.cellcache import cell_cache
from lkj_audit.load.numbers import YEAR_RE

# "(3)", "3", and a formula column "5 = 4/3", "(6)=(5):(4)x100%" (PermenPANRB tables number
# their columns and often give the capaian's formula in that row).
_ENUM_CELL_RE = re.compile(r"^\(?(\d{1,2})\)?(?:\s*=\s*[\d()\s/:x×*%+\-]+)?$")
# An amount as printed (any thousands mark, PDF spaces included) and a percentage.
AMOUNT_RE = re.compile(r"\d{1,3}(?:[.,' \u00a0\u2009\u202f]\d{3})+|\d{4,}")
PERCENT_RE = re.compile(r"\d\s*%")
_HEADER_WORDS = re.compile(
    r"(?i)\b(no|nama|uraian|program|kegiatan|pagu|anggaran|realisasi|target|indikator|"
    r"capaian|persentase|kategori|rentang|lk|pr|l|p|jumlah|total|kode|output|sasaran|"
    r"satuan|jabatan|pendidikan|gol|tmt|kecamatan|tps|keterangan|tahun|rp|ribuan|juta|"
    r"semester|renstra|polaritas|kriteria|bobot|formula|sisa|sumber|selisih|persen|"
    r"kinerja|periode|sebelumnya|akhir|alokasi|dipa|predikat|wilayah|desa|kab|kota)\b"
)
# "Rp. 442,00" is a figure; "(Rp 000)" and "(Rp 1.000)" are the unit of a scaled column.
_FIGURE_IN_HEADER_RE = re.compile(
    r"(?i)\brp\.?\s*(?!(?:1[.,])?0+\b)\d|(?<![\d.,])\d+,\d{2}(?![\d.,])"
)
# A unit line under a header: "(%)", "(Rp)", "(Rp 000)", "(dalam ribuan)".
_UNIT_CELL_RE = re.compile(
    r"(?i)^(?:%|rp\.?|\(\s*(?:%|rp\.?(?:\s*000)?|dalam\s+\w+(?:\s+rupiah)?|[a-z. ]{1,20})\s*\))$"
)


def is_enumeration(cells: list[str]) -> bool:
    """Column-number rows like ``(1) (2) (3)`` or ``1 2 3 4 5``."""
    if len(cells) < 3:
        return False  # fewer than three cells: fewer than three numbers (no tuple, no memo)
    return _enumeration(tuple(cells))  # asked of every line, often twice or three times


@cell_cache
def _enumeration(cells: tuple[str, ...]) -> bool:
    if len(cells) < 3:
        return False  # fewer than three cells: fewer than three numbers
    vals = [v for c in cells if (v := c.strip())]
    if len(vals) < 3 or not all(_ENUM_CELL_RE.match(v) for v in vals):
        return False
    nums = [int(m.group(1)) for v in vals if (m := _ENUM_CELL_RE.match(v))]
    return nums == list(range(nums[0], nums[0] + len(nums)))


def is_header_row(cells: list[str], row_number_of: object = None) -> bool:
    """True for a header line: labels, units or column numbers, never figures."""
    return _header_row(tuple(cells), row_number_of)  # a table's first lines, asked again


@cell_cache
def _header_row(cells: tuple[str, ...], row_number_of: object) -> bool:
    if _enumeration(cells):
        return True
    joined = " ".join(cells)
    # Years in a header ("Realisasi 2023", "Target Renstra 2024") are labels, not figures.
    no_years = YEAR_RE.sub(" ", joined)
    if AMOUNT_RE.search(no_years) or PERCENT_RE.search(no_years):
        return False
    if _FIGURE_IN_HEADER_RE.search(no_years):  # "Rp. 442,00", "56,00" (juta): a data row
        return False
    first = next((c for c in cells if c.strip()), "")
    if callable(row_number_of) and row_number_of(first) is not None:
        return False
    if _HEADER_WORDS.search(joined):
        return True
    values = [c for c in cells if c.strip()]
    if values and all(_UNIT_CELL_RE.match(v.strip()) for v in values):
        return True
    return not any(ch.isdigit() for ch in no_years)


def spread_group_headers(header: list[list[str]]) -> list[list[str]]:
    """Copy a group header over the empty cells of its span.

    A cell followed by empty cells, in a header line above a line with labels under those
    cells, spans them ("Realisasi" over "2023 | 2024"; "Tahun 2024" over "Target | Realisasi").
    """
    if len(header) < 2:
        return header
    width = max(len(r) for r in header)
    header = [
        _merged_across(r, header[i + 1], width) if i + 1 < len(header) else r
        for i, r in enumerate(header)
    ]
    rows = [r + [""] * (width - len(r)) for r in header]
    for i in range(len(rows) - 1):
        below = rows[i + 1]
        row = rows[i]
        for j in range(width):
            if not row[j]:
                continue
            k = j + 1
            while k < width and not row[k] and below[k] and below[j]:
                row[k] = row[j]
                k += 1
    return rows


def _merged_across(row: list[str], below: list[str], width: int) -> list[str]:
    """A header row whose cells merged across columns were written once, at full width.

    Word's plain text writes a cell merged across columns as one cell: "No | Indikator |
    Realisasi Tahun | Target" over ", | , | 2021 | 2022 | 2023 | ," (the row below, at full
    width, empty under the cells merged down). A cell above an empty cell spans one column;
    the cells above a run of labels share it evenly ("Semester I | Semester II" over "L | P |
    Jumlah | L | P | Jumlah"). The row as it was when no such reading is certain.
    """
    given = list(row)
    while given and not given[-1]:
        given.pop()  # padded to the table's width by the reader
    if len(given) >= width or len(below) != width or below[0] or not all(given):
        return row
    row_in = row
    row = given
    runs: list[tuple[int, int]] = []  # (start, length) of the runs of labels below
    j = 0
    while j < width:
        if below[j]:
            k = j
            while k < width and below[k]:
                k += 1
            runs.append((j, k - j))
            j = k
        else:
            j += 1
    out: list[str] = []
    pos, i = 0, 0
    while i < len(row):
        if pos >= width:
            return row_in
        run = next((r for r in runs if r[0] == pos), None)
        if run is None:
            if below[pos]:
                return row_in
            out.append(row[i])
            pos, i = pos + 1, i + 1
            continue
        start, length = run
        after = [r for r in runs if r[0] > start]
        empties = sum(1 for c in below[start + length :] if not c)
        groups = len(row) - i - empties - len(after)
        if groups < 1 or length % groups:
            return row_in
        span = length // groups
        for g in range(groups):
            out.extend([row[i + g], *[""] * (span - 1)])
        pos, i = start + length, i + groups
    return out if pos == width else row_in


def normalised(cells: list[str]) -> tuple[str, ...]:
    """A header line for comparison: case, spacing and empty trailing cells ignored."""
    out = [" ".join(c.lower().split()) for c in cells]
    while out and not out[-1]:
        out.pop()
    return tuple(out)


def is_header_phrase(text: str) -> bool:
    """Every word is header vocabulary ("Kinerja", "Anggaran (Rp)"): a header's wrapped label."""
    words = re.findall(r"[A-Za-z]+", text)
    return bool(words) and all(_HEADER_WORDS.fullmatch(w) for w in words)


def repeats_header(cells: list[str], header: list[list[str]]) -> bool:
    """Is this line one of the table's header lines printed again (after a page break)?"""
    return is_repeat(cells, header_keys(header))


HeaderKeys = tuple[frozenset[tuple[str, ...]], frozenset[str]]


def header_keys(header: list[list[str]]) -> HeaderKeys:
    """The header lines as compared by :func:`is_repeat` (normalised once per table).

    With the first cell of each: a data line whose first cell differs is no repeat, and
    is not normalised whole.
    """
    keys = frozenset(normalised(h) for h in header if any(h))
    return keys, frozenset(k[0] for k in keys if k)


def is_repeat(cells: list[str], keys: HeaderKeys) -> bool:
    """:func:`repeats_header` with the header's keys made once (asked for every data line)."""
    lines, firsts = keys
    if not cells or " ".join(cells[0].lower().split()) not in firsts:
        return False
    line = normalised(cells)
    return bool(line) and line in lines
