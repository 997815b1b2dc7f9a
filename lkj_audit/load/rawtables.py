"""Assemble raw tables from tab-separated lines, undoing what PDF extraction did to them.

* A table broken by a page break (blank lines, a running header/footer, the header row
  printed again) continues when the next run of tab lines has no header of its own, or
  repeats the table's header.
* Headers over two or three lines are kept together; a group header spans its sub-columns.
* A cell wrapped over several lines comes out as extra lines whose leading cells are empty:
  they are merged cell by cell into the row above. Figures printed on a wrapped row's last
  line land in that row.
* A group row (a sasaran, a program, an election named in one cell) is marked ``group``.
* Junk columns (a stray ``]`` or page-margin letter in every row) are dropped.
Every line left out is recorded with the reason, for the reading record.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain

from rapidfuzz import fuzz

from lkj_audit.load.cellcache import cell_cache
from lkj_audit.load.document import Block, RawTable, TableRow
from lkj_audit.load.tablehead import (
    AMOUNT_RE,
    PERCENT_RE,
    header_keys,
    is_enumeration,
    is_header_phrase,
    is_header_row,
    is_repeat,
    repeats_header,
    spread_group_headers,
)

_ROWNUM_RE = re.compile(
    r"^\W{0,2}(?:[A-Za-z]\s+)?(\d{1,3})(?:\.\d{1,3}){0,3}\s*[.)]?\s*(?:[A-Za-z])?\W{0,2}$"
)
_ROMAN_RE = re.compile(r"^\s*([IVX]{1,5})\s*[.)]?\s*$")
_ROMAN = {"I": 1, "V": 5, "X": 10}
_LETTER_NUM_RE = re.compile(r"^\(?[a-z]\s*[.)]$")
# A total row's label is the whole cell: "Jumlah", "Total", "Jumlah Keseluruhan", "Sub Jumlah".
# "Jumlah laporan …" is an indicator's name, not a total.
_TOTAL_RE = re.compile(
    r"(?i)^\s*(?:jumlah|total|grand\s+total|sub\s*-?\s*total|sub\s*-?\s*jumlah|jumlah\s+total)"
    r"(?:\s+(?:keseluruhan|seluruhnya|seluruh|akhir|umum))?\s*[:.]?\s*(?:\(.*\))?\s*$"
)
_SUBTOTAL_RE = re.compile(r"(?i)^\s*sub\s*-?\s*(?:total|jumlah)\b")
# "Jumlah Program Dukungan Manajemen": a subtotal only on a row that carries amounts.
_NAMED_SUBTOTAL_RE = re.compile(r"(?i)^\s*(?:jumlah|total|sub\s*total)\s+(?:program|kegiatan)\b")
# A voter table's subtotal of part of its wilayah ("Jumlah Kecamatan Sukorejo", "Jumlah Dapil
# 3"), and its grand total named after the satker's wilayah ("JUMLAH KOTA BLITAR", "Jumlah
# Kabupaten"): rows of their own on a row with figures, never the wrapped rest of the row
# above. A name follows in capitals or a number ("Jumlah kecamatan yang …" is an indicator).
_WILAYAH_SUBTOTAL_RE = re.compile(
    r"^\s*(?i:jumlah|total|sub\s*-?\s*total|sub\s*-?\s*jumlah)\s+"
    r"(?i:kecamatan|kec\.|dapil|daerah\s+pemilihan|kelurahan|desa|distrik)\s*[A-Z0-9]"
)
_WILAYAH_TOTAL_RE = re.compile(
    r"^\s*(?i:jumlah|total)\s+(?i:kabupaten|kota|kab\.|provinsi)(?:[\s/]+[A-Z][\w.-]*)*\s*$"
)
# A row summing up the indicators above it ("Capaian Kinerja Tertimbang", "Rata-rata Capaian
# Kinerja"): a row of its own, never the wrapped rest of the last indicator.
_SUMMARY_RE = re.compile(
    r"(?i)^\s*(?:rata-?\s*rata\s+(?:capaian|nilai\s+kinerja)|"
    r"(?:nilai\s+)?(?:capaian|nilai)\s+kinerja\s+(?:\w+\s+)?(?:rata-?\s*rata|tertimbang|"
    r"keseluruhan|total)\b)"
)
_INDICATOR_NAME_RE = re.compile(r"^\s*\w+\s+(?:kegiatan|program)\s+[a-z]")
_FIGURE_RE = re.compile(r"\d")
_CODE_TAIL_RE = re.compile(r"^\(\s*\d{4}(?:\.[A-Z]{2,3}(?:\.\d{2,3})?)?\s*\)$")  # "(6709.QGE.001)"
_UNIT_LINE_RE = re.compile(r"^\s*\(.*\)\s*$")  # "(Rp 000)", "(dalam ribuan rupiah)"
_RO_START_RE = re.compile(r"^\d{4}\.[A-Z]{3}\.\d{3}\b")  # a rincian output code first
_BRACKET_PCT_RE = re.compile(r"^\(\s*-?\d+(?:[.,]\d+)?\s*%\s*\)$")  # "(97,39%)" under an amount
_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
_SASARAN_LABEL_RE = re.compile(
    r"(?i)^\s*sasaran(?:\s+(?:strategis|kegiatan|program))?\s*\d*\s*[:.\-–]"
)
_GROUP_TEXT_RE = re.compile(
    r"(?i)^\s*(?:(?:[IVX]{1,4}|[A-H])[.)]\s+[A-Za-z]|"
    r"sasaran(?:\s+(?:strategis|kegiatan|program))?\s*(?:\d+|[IVX]+)?\s*[:.\-–]|"
    r"(?:program|kegiatan)\s+(?:\d{3,4}|[A-Z]{2}\b)|"
    r"pemilu(?:han)?\s+(?:tahun\s+|serentak\s+)?\d{4}|"
    r"pemilihan\s+(?:gubernur|bupati|wali\s*kota|kepala|presiden|umum|serentak)|"
    r"indikator\s+kinerja\s+utama\b)"
)
_PAGE_FURNITURE_RE = re.compile(
    r"(?i)^\s*(?:[-–—]\s*)?(?:\d{1,3}|[ivxlc]{1,6})(?:\s*[-–—])?\s*$|"
    r"^\s*(?:halaman|hal\.?|page)\s*\d{1,3}(?:\s*(?:dari|of|/)\s*\d{1,3})?\s*$|"
    r"^\s*\d{1,3}\s*(?:dari|of|/)\s*\d{1,3}\s*$|"
    # A browser's print header and footer: the date and time (and the page's title), the
    # address (and "3/11").
    r"^\s*\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}[:.]\d{2}(?:\s*[AP]M)?(?:\s+\S.{0,99})?$|"
    r"^\s*(?:file|https?)://\S+(?:\s+\d{1,4}\s*/\s*\d{1,4})?\s*$"
)


@cell_cache
def row_number(cell: str) -> int | None:
    """The row number printed in a "No" cell (``1``, ``2.``, ``IV.``, OCR-noisy ``e 2. n``)."""
    m = _ROWNUM_RE.match(cell.strip())
    if m:
        return int(m.group(1))
    r = _ROMAN_RE.match(cell)
    return _roman_value(r.group(1)) if r else None


def _roman_value(text: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(text):
        v = _ROMAN[ch]
        total, prev = (total - v, prev) if v < prev else (total + v, v)
    return total if 0 < total < 40 else None


_NUMBER_OR_CODE_RE = re.compile(r"[\d.]+|\d{3}\.\d{2}\.[A-Z]{2}")


def _label_cells(cells: Sequence[str]) -> tuple[str, ...]:
    """The first label of a row and what stands before it (a No, a code), at most three."""
    return _labels_of(tuple(cells[:3]))


@cell_cache
def _labels_of(first: tuple[str, ...]) -> tuple[str, ...]:
    out = []
    for c in first:
        if not c:
            continue
        out.append(c)
        if row_number(c) is None and not _NUMBER_OR_CODE_RE.fullmatch(c):
            break
    return tuple(out)


@cell_cache
def _says_total(label: str) -> bool:
    return bool(_TOTAL_RE.match(label) or _SUBTOTAL_RE.match(label))


@cell_cache
def _names_subtotal(label: str) -> bool:
    # "Jumlah kegiatan sosialisasi …" is an indicator's name, "Jumlah Program …" a subtotal.
    return bool(_NAMED_SUBTOTAL_RE.match(label)) and not _INDICATOR_NAME_RE.match(label)


def _named_subtotal(cells: Sequence[str]) -> bool:
    labels = _label_cells(cells)
    named = any(map(_names_subtotal, labels)) or any(map(_WILAYAH_SUBTOTAL_RE.match, labels))
    return named and _has_amount(cells[len(labels) :])


def _named_wilayah_total(cells: Sequence[str]) -> bool:
    labels = _label_cells(cells)
    return any(map(_WILAYAH_TOTAL_RE.match, labels)) and _has_amount(cells[len(labels) :])


def is_total_label(cells: list[str]) -> bool:
    """True when the row's label says Jumlah/Total (or Sub Jumlah, Subtotal)."""
    return _is_total_row(tuple(cells))


@cell_cache
def _is_total_row(cells: tuple[str, ...]) -> bool:
    # asked of a line by the row start, the row kind, the group and late-figures tests
    labels = _label_cells(cells)
    return any(map(_says_total, labels)) or _named_subtotal(cells) or _named_wilayah_total(cells)


def total_label(cells: list[str]) -> str:
    """The "Jumlah"/"Sub Jumlah" label of a total row, in whichever label cell it is printed.

    A total label merged over the leading columns (No, Kode, Uraian) is read into the first
    of them, not under Uraian.
    """
    labels = _label_cells(cells)
    total = (c for c in labels if _TOTAL_RE.match(c) or _SUBTOTAL_RE.match(c))
    named = (
        c
        for c in labels
        if _NAMED_SUBTOTAL_RE.match(c)
        or _WILAYAH_SUBTOTAL_RE.match(c)
        or _WILAYAH_TOTAL_RE.match(c)
    )
    return next(total, next(named, ""))


def is_subtotal_label(cells: list[str]) -> bool:
    """True for "Sub Jumlah", "Subtotal", "Jumlah Program …": a total of part of a table."""
    return _is_subtotal_row(tuple(cells))


@cell_cache
def _is_subtotal_row(cells: tuple[str, ...]) -> bool:
    return any(_SUBTOTAL_RE.match(c) for c in _label_cells(cells)) or _named_subtotal(cells)


@cell_cache
def is_page_furniture(text: str) -> bool:
    """Page numbers as printed: ``12``, ``- 12 -``, ``iv``, ``Halaman 12 dari 40``.

    Also a browser's print header (``12/6/26, 10:10 PM  Title``) and footer
    (``file:///… 3/11``).
    """
    return bool(_PAGE_FURNITURE_RE.match(text))


def _split(line: str) -> list[str]:
    return list(_cells_of(line))  # a new list each time: callers may change theirs


@cell_cache
def _cells_of(line: str) -> tuple[str, ...]:
    # a run's lines are split again by every page-break test of the run and by build_table
    return tuple(c.strip() for c in line.split("\t"))


def _drop_junk_columns(rows: list[list[str]]) -> list[list[str]]:
    """Remove columns whose every cell is empty or a lone punctuation/letter mark."""
    width = max(len(r) for r in rows)
    padded = [r + [""] * (width - len(r)) for r in rows]

    # junk: a cell of at most one character that is no digit (tested inline, per cell)
    keep = [
        j for j in range(width) if not all(len(r[j]) <= 1 and not r[j].isdigit() for r in padded)
    ]
    return [[r[j] for j in keep] for r in padded]


_CURRENCY_CELL_RE = re.compile(r"(?i)\(?(?:rp|idr)\.?")


def _join_currency_columns(rows: list[list[str]]) -> list[list[str]]:
    """A column of lone "Rp" signs joined to the amounts beside it ("Rp | 1.645.150.000,-").

    Word tables often give the currency sign a narrow column of its own, under the amount's
    header. Only when the column holds nothing but the sign (on at least two rows) and the
    next column holds a figure wherever the sign is printed.
    """
    width = max((len(r) for r in rows), default=0)
    padded = [r + [""] * (width - len(r)) for r in rows]
    j = 0
    while j + 1 < width:
        if sum(map(_is_currency_sign, [r[j] for r in padded])) < 2:
            j += 1  # fewer than two signs: nothing to join (the common case, decided cheaply)
            continue
        signs = [r for r in padded if _CURRENCY_CELL_RE.fullmatch(r[j])]
        others = [r[j] for r in padded if r[j] and not _CURRENCY_CELL_RE.fullmatch(r[j])]
        header_only = all(not _FIGURE_RE.search(c) for c in others) and len(others) <= 2
        if len(signs) >= 2 and header_only and all(_FIGURE_RE.search(r[j + 1]) for r in signs):
            for r in padded:
                joined = " ".join(c for c in (r[j], r[j + 1]) if c)
                r[j : j + 2] = [joined]
            width -= 1
            continue
        j += 1
    return padded


@cell_cache
def _is_currency_sign(cell: str) -> bool:
    return bool(_CURRENCY_CELL_RE.fullmatch(cell))


def _numbered(rows: list[list[str]]) -> bool:
    """True when the first column holds row numbers (a "No" column)."""
    firsts = [r[0] for r in rows if r and r[0]]
    nums = sum(1 for c in firsts if row_number(c) is not None)
    return nums >= max(1, len(firsts) // 2)


def _has_amount(cells: Sequence[str]) -> bool:
    return any(map(_is_amount, cells))


@cell_cache
def _is_amount(cell: str) -> bool:
    return bool(AMOUNT_RE.search(PERCENT_RE.sub("", cell))) or cell.strip().isdigit()


def _has_figures(cells: Sequence[str]) -> bool:
    return any(_FIGURE_RE.search(c) for c in cells)


def is_summary_row(cells: list[str]) -> bool:
    """A "Capaian Kinerja Tertimbang" / "Rata-rata Capaian" row with its figures."""
    return _is_summary_row(tuple(cells))  # asked twice of most lines (row start, row kind)


@cell_cache
def _is_summary_row(cells: tuple[str, ...]) -> bool:
    labels = _label_cells(cells)
    return any(_SUMMARY_RE.match(c) for c in labels) and _has_figures(cells[len(labels) :])


def _starts_row(
    cells: list[str],
    numbered: bool,
    prev: TableRow | None,
    figure_cols: set[int],
    numbers_late: bool = False,
) -> bool:
    if is_total_label(cells) or _opens_named_subtotal(cells, prev, figure_cols):
        return True
    if is_summary_row(cells):
        return True
    first = cells[0] if cells else ""
    if prev is not None and _RANGE_CELL_RE.match(first) and _RANGE_CELL_RE.match(prev.cells[0]):
        # "90% - 100%" under "> 100%": a column of ranges (a rating scale) is never wrapped
        return True
    if numbered:
        # "a." sub-items start a row only when they carry figures (else: wrapped text).
        letter = bool(_LETTER_NUM_RE.match(first)) and _has_amount(cells[1:])
        return row_number(first) is not None or letter
    if not first:
        return _own_uncoded_row(cells, prev, figure_cols)
    if prev is None:
        return True
    if _opens_with_budget_code(cells) and _opens_with_budget_code(prev.line_cells[-1]):
        return True  # "3355 | Pengelolaan …" under "076.01.WA | Program …": a code per row
    if first[:1].islower() or _CODE_TAIL_RE.match(first):
        return False  # "dan Barang Milik Negara", "(6709.QGE.001)": the rest of a wrapped name
    if _RO_START_RE.match(first) and prev.kind == "data" and not _RO_START_RE.match(prev.cells[0]):
        return True  # "6871.QGE.002 Pemutakhiran": an output code opens its row
    if _only_bracketed_percents(cells) and prev.kind == "data":
        return False  # "(97,39%)" under the realisasi, beside the name's second line
    if _figures_in(cells, figure_cols):
        # In a table whose names come before their figures ("Layanan Perkantoran" alone, the
        # figures on the next line), the figures line after a name printed alone is its rest.
        return not numbers_late or prev.kind != "data" or not _is_text_only(prev, figure_cols)
    # A figure-less line after a complete row: the start of a name whose figures come on a
    # later line; the fold pass gives it back to the row above if no figures follow.
    return not _is_text_only(prev, figure_cols) and not first[:1].islower()


def _own_uncoded_row(cells: list[str], prev: TableRow | None, figure_cols: set[int]) -> bool:
    """A line with no code or No, a name of its own and amounts, under a complete row.

    A correction or a detail line of a budget table ("Koreksi pengembalian belanja | - |
    (1.234.000)"): the row above already has its amounts, so these are no wrapped rest of it.
    """
    if prev is None or prev.kind != "data" or len(prev.line_cells) > 1:
        return False
    name = next((c.strip() for c in cells[1:] if c.strip()), "")
    if not name[:1].isupper() or _is_text_only(prev, figure_cols):
        return False
    figures = [
        cells[j] for j in sorted(figure_cols) if 0 < j < len(cells) and _FIGURE_RE.search(cells[j])
    ]
    return bool(figures) and all(is_clean_figure(c) and _is_amount(c) for c in figures)


def _only_bracketed_percents(cells: list[str]) -> bool:
    """The line's only figures are percents in brackets (the row above's serapan)."""
    figures = [c for c in cells[1:] if _FIGURE_RE.search(c)]
    return bool(figures) and all(_BRACKET_PCT_RE.match(c.strip()) for c in figures)


def _opens_named_subtotal(cells: list[str], prev: TableRow | None, figure_cols: set[int]) -> bool:
    """A "Jumlah Program …" label after a complete row, its amounts on a later line."""
    if prev is None or not any(map(_names_subtotal, _label_cells(cells))):
        return False  # the label first: cheap (memoised), and false on most lines
    return not _is_text_only(prev, figure_cols) and not _figures_in(cells, figure_cols)


def _sums_a_program_above(cells: list[str], rows: list[TableRow], figure_cols: set[int]) -> bool:
    """A "Jumlah Program Dukungan Manajemen" row with figures, below a row naming that program.

    Its amounts may be too small to look like rupiah (a table in juta: "45,00"): the program
    printed above tells it is that program's subtotal, not a row of its own.
    """
    label = next((c for c in _label_cells(cells) if _names_subtotal(c)), None)
    if label is None or not _figures_in(cells, figure_cols):
        return False
    name = " ".join(_TOTAL_WORD_RE.sub("", label).casefold().split())
    return any(
        name in " ".join(" ".join(r.cells[:3]).casefold().split()) for r in rows if not r.is_total
    )


_TOTAL_WORD_RE = re.compile(r"(?i)^\s*(?:jumlah|total|sub\s*total)\s+")


def _figures_in(cells: list[str], figure_cols: set[int]) -> bool:
    cols = figure_cols or set(range(1, len(cells)))
    return any(j < len(cells) and _FIGURE_RE.search(cells[j]) for j in cols if j > 0)


def _is_text_only(row: TableRow, figure_cols: set[int] | None = None) -> bool:
    return not _figures_in(row.cells, figure_cols or set())


_CLEAN_FIGURE_RE = re.compile(
    r"^\(?[-−]?(?:rp\.?\s*)?\d[\d.,' \u00a0\u2009\u202f]*(?:[.,]-)?\s*"
    r"(?:%|[A-Za-z][A-Za-z.]{0,14})?\s*\)?(?:\s*\(\s*\d[\d.,]*\s*%\s*\))?$",
    re.I,
)
# Budget codes (076.01.CQ, 6709, 6709.QGE.001) are labels, not figures.
_CODE_CELL_RE = re.compile(
    r"^\d{3}\.\d{2}\.[A-Z]{2}$|^\d{4}(?:\s*\.\s*[A-Z]{2,3}(?:\s*\.\s*\d{2,3})?)?$"
)


def figure_columns(rows: list[list[str]]) -> set[int]:
    """Columns where most cells are a clean figure (``1.234``, ``95%``, ``1.0 Laporan``)."""
    width = max((len(r) for r in rows), default=0)
    out = set()
    for j in range(width):
        cells = [r[j] for r in rows if j < len(r) and r[j]]
        # (the tests are bools: summed by map, no generator per column)
        if sum(map(_is_code_cell, cells)) * 2 >= len(cells):
            continue  # a Kode column
        clean = sum(map(is_clean_figure, cells))
        if cells and clean * 2 >= len(cells):
            out.add(j)
    return out


@cell_cache
def _is_code_cell(cell: str) -> bool:
    return bool(_CODE_CELL_RE.match(cell))


@cell_cache
def is_clean_figure(cell: str) -> bool:
    """One figure as tables print it: ``1.234``, ``Rp 5.000,-``, ``95 %``, ``1 Laporan``."""
    return bool(_CLEAN_FIGURE_RE.match(cell))


def _malformed(cell: str, above: str) -> bool:
    """A garbled repeat: not a clean figure, or a % figure printed without its %."""
    bare_number = bool(re.fullmatch(r"[\d.,\s]+", cell))
    return not _CLEAN_FIGURE_RE.match(cell) or (above.endswith("%") and bare_number)


def _starts_sub_row(prev: TableRow, cells: list[str], figure_cols: set[int]) -> bool:
    """Does a line without a row number hold a row of its own (one span, several rows)?

    It does when it prints a figure in every figure column the row above filled, and is
    not an OCR text layer printing the row's figures again, garbled ("91.7370" under
    "91.75%"). Otherwise it is the wrapped rest of the row above.
    """
    filled = [j for j in figure_cols if j < len(prev.cells) and _FIGURE_RE.search(prev.cells[j])]
    name = next((c.strip() for c in cells[1:] if c.strip()), "")
    if prev.cells and row_number(prev.cells[0]) is not None and name[:1].isupper():
        # The row's No, merged down over the span (a Word cell merged vertically): the
        # span's other rows print none of their own, and a name of their own ("Jumlah
        # kegiatan …", not the rest of the name above, "(6709.RAN.001)").
        filled = [j for j in filled if j > 0]
    last = prev.line_cells[-1] if prev.line_cells else []
    if len(prev.line_cells) > 1 and not _figures_in(last, set(filled) - {0}):
        # After the wrapped rest of the row above ("partisipasi pemilih" under "1 | Meningkatnya"),
        # a line of figures is the next indicator of the same span: it prints no No of its own.
        filled = [j for j in filled if j > 0]
    if len(filled) < 2 or any(j >= len(cells) or not _FIGURE_RE.search(cells[j]) for j in filled):
        return False
    pairs = [
        (prev.line_cells[-1][j] if j < len(prev.line_cells[-1]) else "", cells[j]) for j in filled
    ]
    similar_or_garbled = all(fuzz.ratio(a, b) >= 60 or _malformed(b, a) for a, b in pairs)
    garbled = any(_malformed(b, a) for a, b in pairs)
    return not (similar_or_garbled and garbled)


def _roman_sections(rows: list[list[str]]) -> bool:
    """Roman numerals number the sections of a table whose rows are numbered 1, 2, 3."""
    # The column numbers repeated under a page's header ("1 | 2 | 3") number no row.
    firsts = [r[0].strip() for r in rows if r and r[0].strip() and not is_enumeration(r)]
    return any(_ROMAN_RE.match(c) for c in firsts) and any(
        re.fullmatch(r"\d{1,3}\.?", c) for c in firsts
    )


def _is_group_row(cells: list[str], numbered: bool, roman_sections: bool = False) -> bool:
    """A section row: one label cell and no figures (a sasaran, a program, an election)."""
    if not 0 < len(cells) - cells.count("") <= 2:
        return False  # no cell or three and more filled (most lines): no section row
    filled = [(j, c) for j, c in enumerate(cells) if c]
    if len(filled) == 2 and filled[0][0] == 0 and row_number(filled[0][1]) is not None:
        # "I | Sasaran 1: …": a numbered section label, never a row without figures
        text = filled[1][1]
        no_figures = not (_has_amount([text]) or PERCENT_RE.search(text))
        # "II | Meningkatnya partisipasi …" above "3 | Jumlah …": the roman numeral numbers a
        # sasaran (where roman numerals number the rows themselves, it is a row's first line)
        roman = roman_sections and bool(_ROMAN_RE.match(filled[0][1])) and len(text.split()) >= 2
        return no_figures and (roman or bool(_GROUP_TEXT_RE.match(text)))
    if len(filled) != 1 or is_total_label(cells):
        return False
    j, text = filled[0]
    if j >= 2:
        return False  # a lone cell right of the label columns is the rest of a wrapped cell
    # A year in a sasaran label ("Sasaran 2: … tahapan Pemilu 2024 …") is not a figure.
    label = _YEAR_RE.sub("", text) if _SASARAN_LABEL_RE.match(text) else text
    if _has_amount([label]) or PERCENT_RE.search(text):
        return False
    if numbered and j == 0 and row_number(text) is None:
        return len(text) > 3
    return bool(_GROUP_TEXT_RE.match(text))


def _continues_group(cells: list[str], numbered: bool) -> bool:
    """A label line under a group row ("Sasaran 1:" / "Terselenggaranya …") wraps its text."""
    filled = [c for c in cells if c]
    return (
        len(filled) == 1
        and not _has_figures(filled)
        and not (numbered and cells[0] and row_number(cells[0]) is not None)
        and not _is_group_row(cells, numbered)
    )


def _merge(prev: TableRow, ln: int, text: str, cells: list[str]) -> None:
    width = max(len(prev.cells), len(cells))
    prev.cells.extend([""] * (width - len(prev.cells)))
    for j, c in enumerate(cells):
        if c:
            prev.cells[j] = f"{prev.cells[j]} {c}".strip()
    prev.lines.append(ln)
    prev.source.append(text)
    prev.line_cells.append(cells)


def _inherit_spans(prev: TableRow, cells: list[str]) -> list[str]:
    """A sub-row under a spanning cell (one sasaran, several indicators) keeps the span."""
    first = next((j for j, c in enumerate(cells) if c), len(cells))
    return [prev.cells[j] if j < first and j < len(prev.cells) else c for j, c in enumerate(cells)]


def _fold_orphan_text(rows: list[TableRow], figure_cols: set[int]) -> list[TableRow]:
    """In a table without a No column, a figure-less line after a complete row is a wrap."""
    out: list[TableRow] = []
    for row in rows:
        prev = out[-1] if out else None
        if (
            prev is not None
            and row.kind == "data"
            and prev.kind == "data"
            and _is_text_only(row, figure_cols)
            and not _is_text_only(prev, figure_cols)
            and not (_RANGE_CELL_RE.match(row.cells[0]) and _RANGE_CELL_RE.match(prev.cells[0]))
        ):
            for ln, text, cells in zip(row.lines, row.source, row.line_cells, strict=True):
                _merge(prev, ln, text, cells)
            continue
        out.append(row)
    return out


def _numbers_printed_late(data: list[list[str]], figure_cols: set[int]) -> bool:
    """Does the first row print its name before its figures (a figure-less first line)?

    A table wraps its names one way throughout: either the figures stand on a row's first
    line and the name continues below, or the name comes first and the figures after it.
    """
    # the rows read in turn: most tables are decided by their first row
    rows = (c for c in data if any(c) and not is_enumeration(c))
    first = next(rows, None)
    if first is None:
        return False
    if _opens_group(first):
        # A group row first ("Sasaran 1:" and its wrapped label): its label lines hide how
        # the names wrap. The last row tells: its figures printed last, or its name going on.
        filled = [first, *rows]
        body = [c for c in filled if not _opens_group(c) and not is_total_label(c)]
        return bool(body) and _figures_in(body[-1], figure_cols)
    for cells in chain((first,), rows):
        if _opens_group(cells) or is_total_label(cells) or _only_bracketed_percents(cells):
            continue  # a total printed first, and its "(97,30 %)" below, say nothing of names
        return not _figures_in(cells, figure_cols)
    return False


# Words a name cannot end on: the line under it holds the rest of that cell.
_UNFINISHED_RE = re.compile(
    r"(?i)\b(?:pada|dan|yang|di|dari|untuk|dalam|terhadap|oleh|ke|serta|atau|bagi|dengan)$"
)


def _ends_unfinished(prev: TableRow, cells: list[str]) -> bool:
    """A lone cell under a row whose same cell ends on a connective ("… pemilih pada")."""
    if len(cells) - cells.count("") != 1:
        return False  # not one lone cell (most lines): decided without a list
    j = next(j for j, c in enumerate(cells) if c)
    if j >= len(prev.cells):
        return False
    above = prev.cells[j].strip()
    return bool(above) and bool(_UNFINISHED_RE.search(above))


def opens_group(cells: list[str]) -> bool:
    """A lone section label ("Sasaran 3: …", "Program 6709 …"): a group row, not a header."""
    return _opens_group(cells)


def _opens_group(cells: list[str]) -> bool:
    """A lone section label ("Sasaran 3: …", "Program 6709 …"): a group row, not a header."""
    filled = [c for c in cells if c]
    return len(filled) == 1 and bool(_GROUP_TEXT_RE.match(filled[0]))


# A first cell that is only a figure, a percentage or a range of them ("> 75 - 90", "< 75%").
_RANGE_CELL_RE = re.compile(
    r"^\s*(?:[<>≤≥]=?\s*)?\d+(?:[.,]\d+)?\s*%?"
    r"(?:\s*(?:-|–|s\.?d\.?)\s*(?:[<≤]=?\s*)?\d+(?:[.,]\d+)?\s*%?)?\s*$"
)
_CODED_GROUP_RE = re.compile(r"^(?:Program|Kegiatan)\s+[A-Z]")


_GROUP_CODE_RE = re.compile(r"[A-Z]{2}|\d{4}")


def _opens_coded_group(cells: list[str]) -> bool:
    """A program code and name alone ("WA | Program Dukungan Manajemen"): the first group row.

    Never a header line: a header names its columns ("Kode | Program / Kegiatan").
    """
    if len(cells) - cells.count("") < 2:
        return False  # one cell or none: no code beside a name
    filled = [c.strip() for c in cells if c.strip()]
    code = filled[0] if len(filled) == 2 else ""
    coded = bool(_GROUP_CODE_RE.fullmatch(code)) or row_number(code) is not None
    return coded and bool(_CODED_GROUP_RE.match(filled[1]))


def _wrapped_first_name(cells: list[str], above: list[str]) -> bool:
    """A label alone in the first column under a full header: the first row's wrapped name.

    "Perencanaan dan" under "Indikator Kinerja | Target | …" starts the data; "Kinerja" under
    "Indikator | Target | …" is the header's own label wrapped (only header words).
    """
    filled = [j for j, c in enumerate(cells) if c]
    return (
        filled == [0]
        and sum(1 for c in above if c) >= 2
        and not is_header_phrase(cells[0])
        and not _UNIT_LINE_RE.match(cells[0])
    )


def _opens_with_budget_code(cells: list[str]) -> bool:
    """A line led by a budget code (never a header's: a year is no code here)."""
    first = cells[0].strip() if cells else ""
    return bool(_CODE_CELL_RE.match(first)) and not _YEAR_RE.fullmatch(first)


def _widest(lines: list[list[str]]) -> list[str]:
    """The header line with the most cells filled (a units line "(%)" fills one)."""
    return max(lines, key=lambda cells: sum(1 for c in cells if c))


def _header_lines(split: list[list[str]]) -> int:
    i = 0
    while i < len(split) and i < 4 and is_header_row(split[i], row_number):
        if i > 0 and is_enumeration(split[i - 1]):
            break  # the column numbers ("1 | 2 | 3") are the header's last line
        if _opens_with_budget_code(split[i]):
            break  # "076.01.CQ | Program Penyelenggaraan …": a row whose figures come later
        if i > 0 and (_opens_group(split[i]) or _opens_coded_group(split[i])):
            break  # "Sasaran 1:" alone under the header opens the first group
        if i > 0 and _wrapped_first_name(split[i], _widest(split[:i])):
            break
        i += 1
    return i


def build_table(
    table_id: str,
    lines: list[tuple[int, str]],
    context: list[Block],
    furniture: set[str] | None = None,
) -> RawTable | None:
    """Build one :class:`RawTable` from its source lines ``(line_number, text)``."""
    dropped: list[tuple[int, str]] = []
    kept: list[tuple[int, str]] = []
    for ln, text in lines:
        joined = " ".join(text.split())
        if not joined:
            continue  # a blank line between the rows of an aligned table
        if is_page_furniture(joined) or (furniture and joined in furniture):
            dropped.append((ln, "nomor halaman / judul berjalan"))
        else:
            kept.append((ln, text))
    if not kept:
        return None
    split = _join_currency_columns(_drop_junk_columns([_split(t) for _, t in kept]))
    n_head = _header_lines(split)
    printed_header = split[:n_head]
    header = spread_group_headers(printed_header)
    data = split[n_head:]
    numbered = _numbered(data) if data else False
    roman_sections = _roman_sections(data)
    figure_cols = figure_columns(data)
    numbers_late = _numbers_printed_late(data, figure_cols)
    rows: list[TableRow] = []
    head_keys = header_keys(printed_header)
    for (ln, text), cells in zip(kept[n_head:], data, strict=True):
        if not any(cells):
            continue
        if header and (is_repeat(cells, head_keys) or is_enumeration(cells)):
            dropped.append((ln, "judul kolom diulang setelah pindah halaman"))
            continue
        prev = rows[-1] if rows else None
        if prev is not None and prev.kind == "group" and _continues_group(cells, numbered):
            _merge(prev, ln, text, cells)
            continue
        if prev is not None and prev.kind != "group" and _ends_unfinished(prev, cells):
            _merge(prev, ln, text, cells)  # "… pemilih pada" / "Pemilihan Bupati …": one name
            continue
        if _is_group_row(cells, numbered, roman_sections) or _opens_coded_group(cells):
            rows.append(TableRow(list(cells), [ln], [text], kind="group", line_cells=[cells]))
            continue
        starts = prev is None or _starts_row(cells, numbered, prev, figure_cols, numbers_late)
        # "Jumlah Program Dukungan Manajemen" under that program's rows: its subtotal, which
        # neither continues the row above nor shares its No and Kode.
        sums_program = _sums_a_program_above(cells, rows, figure_cols)
        if prev is not None and prev.kind != "group" and not starts and not sums_program:
            if _starts_sub_row(prev, cells, figure_cols):
                cells = _inherit_spans(prev, cells)
            else:
                _merge(prev, ln, text, cells)
                continue
        named = sums_program or _opens_named_subtotal(cells, prev, figure_cols)
        total = named or is_total_label(cells)
        subtotal = named or is_subtotal_label(cells)
        kind = ("subtotal" if subtotal else "total") if total else "data"
        if kind == "data" and is_summary_row(cells):
            kind = "summary"
        rows.append(TableRow(list(cells), [ln], [text], total, line_cells=[cells], kind=kind))
    if not numbered:
        rows = _fold_orphan_text(rows, figure_cols)
    if not rows and not header:
        return None
    guessed = not numbered and _row_bounds_guessed(rows, figure_cols, numbers_late)
    if guessed:
        _anchor_at_figures(rows, figure_cols)
    return RawTable(
        id=table_id,
        line=lines[0][0],
        end_line=lines[-1][0],
        header=header,
        rows=rows,
        context=context,
        dropped=dropped,
        row_bounds_guessed=guessed,
    )


def _anchor_at_figures(rows: list[TableRow], figure_cols: set[int]) -> None:
    """Cite each row at its figures' line: the one line of it that is certain."""
    for row in rows:
        at = [
            ln
            for ln, cells in zip(row.lines, row.line_cells, strict=False)
            if _figures_in(cells, figure_cols)
        ]
        if at:
            row.anchor = at[0]


def _row_bounds_guessed(rows: list[TableRow], figure_cols: set[int], numbers_late: bool) -> bool:
    """Are the rows of a table without a No column told apart by a guess?

    Names wrapped over several lines are only divided with certainty when every row prints
    its figures on the first line of its name (cells aligned to the top, as Word prints
    them). Figures printed below a name's first line come from cells aligned to the middle
    (more common) or to the bottom: the lines between two figure lines may go to either row.
    """
    if not figure_cols:
        return False
    places: set[str] = set()
    for row in rows:
        if row.kind != "data" or len(row.line_cells) < 2:
            continue
        named = [k for k, cells in enumerate(row.line_cells) if any(cells)]
        at = [  # the serapan printed under its amount, "(97,43 %)", is no figure line
            k
            for k in named
            if _figures_in(row.line_cells[k], figure_cols)
            and not _only_bracketed_percents(row.line_cells[k])
        ]
        if len(named) < 2 or len(at) != 1:
            continue
        places.add("first" if at[0] == named[0] else "last" if at[0] == named[-1] else "middle")
    return bool(places - {"first"}) or (numbers_late and bool(places))


def continues_table(prev_lines: list[tuple[int, str]], next_lines: list[tuple[int, str]]) -> bool:
    """Does a run of tab lines continue the previous table across a page break?"""
    first = _split(next_lines[0][1])
    prev_split = [_split(t) for _, t in prev_lines]
    head = prev_split[: _header_lines(prev_split)]
    repeated = bool(head) and repeats_header(first, head)
    # A wrapped cell carried over the page break starts with an empty first cell.
    # A numbered row is data even when its words look like a header ("4 | Persentase …").
    if (
        not repeated
        and first
        and first[0]
        and is_header_row(first, row_number)
        and not is_enumeration(first)
        and not _opens_group(first)
        and not _opens_row_like_above(first, prev_split)
    ):
        return False
    prev_width = max(len(c) for c in prev_split)
    width = max(len(_split(t)) for _, t in next_lines)
    if abs(prev_width - width) > 1:
        return False
    if repeated:
        return True
    # The column-number row ("1 | 2 | 3 …") under the header numbers columns, not rows.
    prev_nums = [row_number(c[0]) for c in prev_split if not is_enumeration(c)]
    last_num = max((n for n in prev_nums if n is not None), default=None)
    num = row_number(first[0]) if first else None
    if num is not None and last_num is not None:
        return num in (last_num, last_num + 1)
    return not first[0] or last_num is None


def _opens_row_like_above(first: list[str], prev_split: list[list[str]]) -> bool:
    """Is a figure-less first line on the new page a row's name, as the table above printed them?

    In a table whose names come before their figures ("Tersedianya data … | Persentase data",
    the figures a line later) a row can open a page. A new table's header always has a cell of
    header words only ("Sasaran", "Target", "Indikator Kinerja"); such a name has none, and the
    table above opened its rows the same way.
    """
    filled = [c for c in first if c]
    if not filled or any(is_header_phrase(c) for c in filled):
        return False
    data = prev_split[_header_lines(prev_split) :]
    figure_cols = figure_columns(data)
    # the same shape above: as many cells filled, the first among them, and no figure
    return any(
        cells
        and cells[0]
        and not _figures_in(cells, figure_cols)
        and not _opens_group(cells)
        and sum(1 for c in cells if c) == len(filled)
        for cells in data
    ) and any(_figures_in(cells, figure_cols) for cells in data)
