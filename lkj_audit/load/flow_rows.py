"""Rebuild a table whose rows were printed run together (single spaces), only when certain.

An OCR engine or a PDF viewer's copy prints a table a row per line with single spaces
between its cells ("4 Jumlah kegiatan sosialisasi 30 Kegiatan 27 Kegiatan 95% Berhasil"):
no column boundary is visible. The header line still names the columns, and figures are
recognisable tokens, so a row can be read from its right end when every step has one
answer (issue 7, precision first):

* the header is cut into known column labels ("No", "Indikator Kinerja", "Pagu (Rp)", "%",
  "Kategori", …), every word used, in the order No, Kode, one name column, Satuan, two or
  more figure columns, at most one closing text column (Kategori, Kriteria, Keterangan);
  two text columns side by side (Sasaran beside Indikator) have no visible boundary;
* a figure cell is a number with its "%", "Rp" or one unit word ("30 Kegiatan"); every
  figure column has its cell, read from the right, so a year in the name ("Pemilu 2024")
  is left to the name; a name that would end in another number (a cell may be missing,
  or the figures are space-grouped) leaves the count in doubt;
* a Kategori is a known scale word ("Berhasil", "Belum Tercapai"); a unit before it goes
  with the last figure;
* rows open at their number in order (1, 2, 3 …); the lines between are the name's wrapped
  parts, and exactly one line of a row carries its figures; "Sasaran 1: …" lines are group
  rows and "Jumlah …" lines total rows; without a No column every row is one line;
* a table cut by a page break continues when its header is printed again after page
  furniture only and its numbers go on;
* each column of figures prints them one way (one thousands mark, "%" on all or none).

Anything else keeps the place unread (RDG002), with the reason. A rebuilt table is the
same :class:`RawTable` the other readers give, noted as rebuilt for the reading record.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lkj_audit.load.document import TableRow
from lkj_audit.load.flow_rebuild import Rebuilt
from lkj_audit.load.rawtables import is_subtotal_label, is_total_label, opens_group, row_number

RUN_TOGETHER_NOTE = "disusun ulang dari baris yang tercetak menyambung (batas kolom tidak terlihat)"
_FURNITURE = "nomor halaman / judul berjalan"
_REPEATED = "judul kolom diulang setelah pindah halaman"

# Column labels as whole phrases (lower case), longest first when cutting a header.
_NO, _CODE, _NAME, _UNIT, _FIGURE, _TEXT = "no", "code", "name", "unit", "figure", "text"
_PHRASES: dict[tuple[str, ...], str] = {
    **dict.fromkeys([("no",), ("no.",), ("nomor",)], _NO),
    ("kode",): _CODE,
    **dict.fromkeys(
        [
            ("indikator", "kinerja", "utama"), ("indikator", "kinerja"), ("indikator",),
            ("sasaran", "strategis"), ("sasaran", "kegiatan"), ("sasaran", "program"),
            ("sasaran",), ("uraian",), ("program", "/", "kegiatan"), ("program/kegiatan",),
            ("kegiatan",), ("program",), ("kecamatan",), ("kabupaten/kota",),
            ("kabupaten", "/", "kota"), ("wilayah",), ("jenis", "belanja"), ("nama",),
        ],
        _NAME,
    ),
    ("satuan",): _UNIT,
    **dict.fromkeys(
        [
            ("target",), ("realisasi",), ("realisasi", "anggaran"), ("capaian",),
            ("%", "capaian"), ("capaian", "kinerja"), ("pagu",), ("pagu", "anggaran"),
            ("anggaran",), ("sisa",), ("sisa", "anggaran"), ("serapan",), ("%", "serapan"),
            ("persentase",), ("%",), ("l",), ("p",), ("lk",), ("pr",), ("laki-laki",),
            ("perempuan",), ("jumlah",), ("total",), ("tps",),
        ],
        _FIGURE,
    ),
    **dict.fromkeys([("kategori",), ("kriteria",), ("keterangan",), ("ket.",)], _TEXT),
}  # fmt: skip
_LONGEST = max(len(p) for p in _PHRASES)
# Printed after a label and part of it: "Pagu (Rp)", "Capaian (%)", "Target 2023".
_QUALIFIER_RE = re.compile(r"(?i)^(?:\(rp\.?\)|\(%\)|rp\.?|\((?:19|20)\d{2}\)|(?:19|20)\d{2})$")
# A percentage column: its cells print "%" on all or none.
_PERCENT_LABEL_RE = re.compile(r"(?i)capaian|serapan|persentase|%")
_FREE_TEXT_RE = re.compile(r"(?i)^ket")

# Tokens of a row.
_NUM_RE = re.compile(r"^\(?[-−]?(?:rp\.?)?\d[\d.,]*(?:,-)?%?\)?$", re.I)
_RP_RE = re.compile(r"(?i)^rp\.?$")
_PCT_RE = re.compile(r"^\(?%\)?$")
_BARE_YEAR_RE = re.compile(r"^(?:19|20)\d{2}$")
_CODE_RE = re.compile(r"^(?:\d{4}(?:\.[A-Z]{3}(?:\.\d{3})?)?|[A-Z]{2}|\d{3}\.\d{2}\.[A-Z]{2})$")
# A group label that never continues a name: "Sasaran 2: …", "II. …", "Program 6709 …".
_STRONG_GROUP_RE = re.compile(
    r"(?i)^(?:sasaran(?:\s+(?:strategis|kegiatan|program))?\s*(?:\d+|[ivx]+)?\s*[:.\-–]|"
    r"(?-i:[IVX]{1,4}|[A-H])[.)]\s|(?:program|kegiatan)\s+(?:\d{3,4}|[A-Z]{2}\b))"
)
_NAME_LINE_WORDS = 12  # a wrapped name's line; a longer one is a sentence between tables
_SMALL_NUMBER_RE = re.compile(r"^\d{1,3}[.)]?$")
# The words of a kategori / kriteria scale, as printed in the last column.
_SCALE_RE = re.compile(
    r"(?i)^(?:(?:sangat|cukup|kurang|belum|tidak)\s+)?"
    r"(?:berhasil|tercapai|baik|memuaskan|tinggi|sedang|rendah|cukup|kurang)$|"
    r"^(?:melampaui\s+target|sesuai\s+target|di\s+bawah\s+target)$",
)
# Units a satuan column or a figure prints ("12 Laporan"); a satuan cell must be one.
_UNIT_WORDS = frozenset(
    "% persen laporan dokumen kegiatan orang kali nilai indeks bulan tahap satker tps "
    "lembaga berkas kecamatan desa kelurahan paket unit hari rekomendasi jam buah eksemplar "
    "poin lap dok keg org rupiah rp".split()
)


class _Doubt(Exception):
    """Why a run-together table cannot be rebuilt with certainty (Bahasa Indonesia)."""


@dataclass(frozen=True, slots=True)
class _Column:
    label: str  # as printed
    kind: str  # _NO, _CODE, _NAME, _UNIT, _FIGURE, _TEXT


@dataclass(slots=True)
class _Row:
    kind: str  # "data" | "group" | "total"
    lines: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    figures_at: int | None = None  # index in ``lines`` of the line with the figures
    number: str = ""  # the row number as printed
    parts: list[str] = field(default_factory=list)  # the lines' text, the row number left out
    cells: list[str] = field(default_factory=list)


def rebuild_rows(
    lines: list[str], first: int, last: int, is_furniture: Callable[[str], bool]
) -> Rebuilt | str:
    """The run-together table on 1-based lines ``first`` (its header) to ``last``.

    The reason (Bahasa Indonesia) instead when any step leaves a doubt: the caller keeps
    the place unread.
    """
    try:
        return _rebuild(lines, first, last, is_furniture)
    except _Doubt as doubt:
        return str(doubt)


def continues(lines: list[str], end: int, header: int, is_furniture: Callable[[str], bool]) -> bool:
    """Does the run-together table ending on line ``end`` go on at the header on ``header``?

    Only when that header repeats the table's own and only page furniture and blank lines
    stand between (a page break); the row numbers are checked when the table is rebuilt.
    """
    between = lines[end : header - 1]
    return bool(between) and all(not t.strip() or is_furniture(t) for t in between)


def header_family(text: str) -> str:
    """What a run-together header's table reports: capaian, budget, voters, or "" (other).

    Tables of one family are compared as a whole (a mean capaian, the budget total), so they
    are rebuilt all or none.
    """
    words = {w.lower().strip(",;:()") for w in text.split()}
    if {"target", "realisasi"} <= words:
        return "capaian"
    if words & {"pagu", "anggaran", "serapan"}:
        return "anggaran"
    if words & {"l", "p", "lk", "pr", "laki-laki", "perempuan"}:
        return "pemilih"
    return ""


ONE_OF_A_FAMILY_UNREAD = "tabel sejenis lain di laporan ini tidak dapat disusun ulang dengan pasti"


def same_header(a: str, b: str) -> bool:
    """Two header lines alike but for case and spacing (a header printed again)."""
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def _rebuild(
    lines: list[str], first: int, last: int, is_furniture: Callable[[str], bool]
) -> Rebuilt:
    header_text = " ".join(lines[first - 1].split())
    columns = parse_header(header_text)
    dropped: list[tuple[int, str]] = []
    rows = _rows(lines, first, last, columns, header_text, is_furniture, [])
    last = _wrapped_tail(lines, last, rows, columns)
    rows = _rows(lines, first, last, columns, header_text, is_furniture, dropped)
    for row in rows:
        row.cells = _cells(row, columns)
    _check_formats(rows, columns)
    table_rows = [_table_row(r) for r in rows]
    content = [ln for r in rows for ln in r.lines]
    return Rebuilt(
        first, max(content), [c.label for c in columns], table_rows, sorted(dropped),
        [RUN_TOGETHER_NOTE],
    )  # fmt: skip


def parse_header(text: str) -> list[_Column]:
    """The columns a run-together header names, or :class:`_Doubt`."""
    words = text.split()
    out: list[_Column] = []
    k = 0
    while k < len(words):
        if out and _QUALIFIER_RE.match(words[k]):
            prev = out[-1]
            out[-1] = _Column(f"{prev.label} {words[k]}", prev.kind)
            k += 1
            continue
        for n in range(min(_LONGEST, len(words) - k), 0, -1):
            key = tuple(w.lower().strip(",;:") for w in words[k : k + n])
            if key in _PHRASES:
                out.append(_Column(" ".join(words[k : k + n]), _PHRASES[key]))
                k += n
                break
        else:
            raise _Doubt(f"judul kolom “{words[k]}” tidak dikenali")
    _check_order(out)
    return out


_ORDER = {_NO: 0, _CODE: 1, _NAME: 2, _UNIT: 3, _FIGURE: 4, _TEXT: 5}


def _check_order(columns: list[_Column]) -> None:
    kinds = [c.kind for c in columns]
    if kinds.count(_NAME) != 1:
        raise _Doubt(
            "dua kolom teks berdampingan tanpa batas yang terlihat"
            if kinds.count(_NAME) > 1
            else "tidak ada kolom nama/uraian pada judul kolom"
        )
    if any(kinds.count(k) > 1 for k in (_NO, _CODE, _UNIT, _TEXT)):
        raise _Doubt("kolom teks lebih dari satu sesudah kolom angka (batas sel tidak terlihat)")
    if kinds.count(_FIGURE) < 2:
        raise _Doubt("kurang dari dua kolom angka pada judul kolom")
    if [_ORDER[k] for k in kinds] != sorted(_ORDER[k] for k in kinds):
        raise _Doubt("urutan kolom tidak lazim (kolom teks di antara kolom angka)")


def _rows(
    lines: list[str],
    first: int,
    last: int,
    columns: list[_Column],
    header_text: str,
    is_furniture: Callable[[str], bool],
    dropped: list[tuple[int, str]],
) -> list[_Row]:
    """The table's rows: each with its source lines, before its cells are cut."""
    numbered = columns[0].kind == _NO
    rows: list[_Row] = []
    expected: int | None = None
    for ln in range(first + 1, last + 1):
        text = " ".join(lines[ln - 1].split())
        if not text:
            continue
        if same_header(text, header_text):
            dropped.append((ln, _REPEATED))
            continue
        if is_furniture(text):
            dropped.append((ln, _FURNITURE))
            continue
        tokens = text.split()
        number = row_number(tokens[0]) if numbered and _SMALL_NUMBER_RE.match(tokens[0]) else None
        has_figures = _figure_zone(tokens[1:] if number is not None else tokens)
        if number is not None:
            if expected is not None and number != expected:
                raise _Doubt(f"nomor urut tidak berurutan pada baris {ln}")
            expected = number + 1
            rows.append(_Row("data", number=tokens[0]))
        elif _total_line(tokens, has_figures):
            rows.append(_Row("total"))
        elif not has_figures and opens_group([text]):
            # "Pemilu 2024 …" after a row may be the row's wrapped name as well as a group.
            if rows and rows[-1].kind == "data" and not _STRONG_GROUP_RE.match(text):
                raise _Doubt(f"baris {ln} dapat berupa kelompok atau lanjutan nama")
            rows.append(_Row("group"))
        elif not numbered and has_figures:
            rows.append(_Row("data"))
        elif not rows or rows[-1].kind == "total" or not numbered:
            raise _Doubt(f"baris {ln} tanpa nomor urut dan tanpa angka: batas baris tidak pasti")
        row = rows[-1]
        if has_figures:
            if row.kind == "group" or row.figures_at is not None:
                raise _Doubt(f"angka satu baris tabel tercetak pada dua baris (baris {ln})")
            row.figures_at = len(row.lines)
        elif row.figures_at is not None and _only_scale_words(tokens):
            raise _Doubt(f"kategori terlipat ke baris berikutnya (baris {ln})")
        elif text.endswith(".") or len(tokens) > _NAME_LINE_WORDS:
            raise _Doubt(f"baris {ln} berupa kalimat, bukan bagian nama baris tabel")
        row.lines.append(ln)
        row.texts.append(text)
        row.parts.append(" ".join(tokens[1:]) if number is not None else text)
    if not any(r.kind == "data" for r in rows):
        raise _Doubt("tidak ada baris data")
    for r in rows:
        if r.kind != "group" and r.figures_at is None:
            raise _Doubt(f"baris {r.lines[0]} tidak memuat angkanya")
    return rows


_CAPTION_RE = re.compile(r"(?i)^(?:tabel|gambar|grafik|sumber|keterangan|catatan)\b")


def _wrapped_tail(lines: list[str], last: int, rows: list[_Row], columns: list[_Column]) -> int:
    """``last`` moved over the last row's name wrapped below its figures, when certain.

    The finder ends the table at its last line of figures. The lines straight under it (no
    blank line between) continue the last row's name when the table is numbered, the row
    is a data row, and the table wraps its names that way elsewhere too, or the line goes
    on in lower case or is a code in brackets ("(3360.EBA.994)"); never a sentence, a
    caption or a line with figures.
    """
    if columns[0].kind != _NO or not rows or rows[-1].kind != "data":
        return last
    wraps_below = any(
        r.kind == "data" and r.figures_at is not None and r.figures_at < len(r.lines) - 1
        for r in rows[:-1]
    )
    k = last  # 0-based index of the line after ``last``
    while k < len(lines):
        text = " ".join(lines[k].split())
        tokens = text.split()
        if (
            not text
            or "\t" in lines[k]
            or len(tokens) > _NAME_LINE_WORDS
            or text.endswith((".", ":"))
            or _CAPTION_RE.match(text)
            or _figure_zone(tokens)
            or _SMALL_NUMBER_RE.match(tokens[0])
            or not (wraps_below or text[:1].islower() or text.startswith("("))
        ):
            break
        k += 1
    return k


def _total_line(tokens: list[str], has_figures: bool) -> bool:
    if not has_figures:
        return False
    label = []
    for t in tokens:
        if _NUM_RE.match(t) or _RP_RE.match(t):
            break
        label.append(t)
    return bool(label) and is_total_label([" ".join(label)])


def _only_scale_words(tokens: list[str]) -> bool:
    return bool(_SCALE_RE.match(" ".join(tokens))) or all(
        re.fullmatch(r"(?i)sangat|cukup|kurang|belum|tidak", t) for t in tokens
    )


def _figure_zone(tokens: list[str]) -> bool:
    """Does this line end with figures (any number of them, a bare year excepted)?"""
    k = len(tokens) - len(_trailing_words(tokens))
    if k == 0:
        return False
    last = tokens[k - 1]
    if _PCT_RE.match(last):
        return k >= 2 and bool(_NUM_RE.match(tokens[k - 2]))
    return bool(_NUM_RE.match(last)) and not _BARE_YEAR_RE.match(last)


def _trailing_words(tokens: list[str]) -> list[str]:
    k = len(tokens)
    while k and not (_NUM_RE.match(tokens[k - 1]) or _PCT_RE.match(tokens[k - 1])):
        k -= 1
    return tokens[k:]


def _cells(row: _Row, columns: list[_Column]) -> list[str]:
    """The row's cells in column order, cut from the right of its figures' line."""
    cells = [""] * len(columns)
    name_col = _index(columns, _NAME) or 0  # the header has exactly one (``_check_order``)
    if row.kind == "group":
        cells[name_col] = " ".join(" ".join(row.parts).split())
        return cells
    assert row.figures_at is not None
    line = row.lines[row.figures_at]
    tokens = row.parts[row.figures_at].split()
    figures = [j for j, c in enumerate(columns) if c.kind == _FIGURE]
    text_col = next((j for j, c in enumerate(columns) if c.kind == _TEXT), None)
    tail = _trailing_words(tokens)
    tokens = tokens[: len(tokens) - len(tail)]
    unit = _closing_text(tail, columns, text_col, figures, cells, line, row.kind)
    for n, j in enumerate(reversed(figures)):
        if not tokens:
            raise _Doubt(f"sel angka kurang pada baris {line}")
        cell, tokens = _last_figure(tokens, unit if n == 0 else None, line)
        cells[j] = cell
    before = tokens
    if before and not _is_word(before[-1]) and not _BARE_YEAR_RE.match(before[-1]):
        raise _Doubt(
            f"jumlah angka pada baris {line} melebihi kolom angka (sel kosong atau angka "
            "bergrup spasi?)"
        )
    # The name's words in reading order: the lines before the figures', its own, then after.
    at = row.figures_at
    before_words = [w for t in row.parts[:at] for w in t.split()]
    after_words = [w for t in row.parts[at + 1 :] for w in t.split()]
    name = before_words + before + after_words
    if row.kind == "total":
        cells[name_col] = " ".join(name)
        return cells
    cells[0] = row.number if columns[0].kind == _NO else cells[0]
    if _index(columns, _CODE) is not None:
        if not name or not _CODE_RE.match(name[0]):
            raise _Doubt(f"kode tidak terbaca pada baris {row.lines[0]}")
        cells[_index(columns, _CODE) or 0], name = name[0], name[1:]
    unit_col = _index(columns, _UNIT)
    if unit_col is not None:
        if not name or name[-1].lower().strip(".") not in _UNIT_WORDS:
            raise _Doubt(f"satuan tidak terbaca pada baris {line}")
        cells[unit_col], name = name[-1], name[:-1]
    if not name:
        raise _Doubt(f"baris {row.lines[0]} tanpa nama")
    cells[name_col] = " ".join(name)
    return cells


def _closing_text(
    tail: list[str],
    columns: list[_Column],
    text_col: int | None,
    figures: list[int],
    cells: list[str],
    line: int,
    kind: str,
) -> str | None:
    """The words after the last figure: the Kategori cell and/or the last figure's unit."""
    if not tail:
        return None
    if text_col is None:
        if len(tail) > 1:
            raise _Doubt(f"teks sesudah angka terakhir pada baris {line} tanpa kolomnya")
        return tail[0]
    if _FREE_TEXT_RE.match(columns[text_col].label):
        # Keterangan is free text: a unit of the last figure could not be told from it.
        if not _PERCENT_LABEL_RE.search(columns[figures[-1]].label):
            raise _Doubt(f"keterangan dan satuan angka terakhir tidak terpisahkan (baris {line})")
        cells[text_col] = " ".join(tail)
        return None
    for cut in (0, 1):
        phrase = " ".join(tail[cut:])
        if phrase and _SCALE_RE.match(phrase):
            cells[text_col] = phrase
            return tail[0] if cut else None
    if kind == "total" and len(tail) == 1:
        return tail[0]
    raise _Doubt(f"kategori “{' '.join(tail)}” pada baris {line} tidak dikenali")


def _last_figure(tokens: list[str], unit: str | None, line: int) -> tuple[str, list[str]]:
    """The figure cell at the end of ``tokens`` ([Rp] number [%] [unit]) and what is left."""
    k = len(tokens)
    parts: list[str] = [unit] if unit else []
    if unit is None and k >= 2 and _is_word(tokens[k - 1]) and _is_figure(tokens[k - 2]):
        parts, k = [tokens[k - 1]], k - 1  # "27 Kegiatan": a unit after its number
    if k and _PCT_RE.match(tokens[k - 1]):
        parts, k = [tokens[k - 1], *parts], k - 1
    if not k or not _NUM_RE.match(tokens[k - 1]):
        raise _Doubt(f"sel angka kurang pada baris {line}")
    number = tokens[k - 1]
    if _BARE_YEAR_RE.match(number):
        raise _Doubt(f"tahun “{number}” di tempat sel angka pada baris {line}")
    parts, k = [number, *parts], k - 1
    if k and _RP_RE.match(tokens[k - 1]):
        parts, k = [tokens[k - 1], *parts], k - 1
    cell = " ".join(parts)  # as printed: "100,00 %" keeps its space
    return cell, tokens[:k]


def _is_word(token: str) -> bool:
    return not (_NUM_RE.match(token) or _PCT_RE.match(token) or _RP_RE.match(token))


def _is_figure(token: str) -> bool:
    return bool(_NUM_RE.match(token) or _PCT_RE.match(token))


def _index(columns: list[_Column], kind: str) -> int | None:
    return next((j for j, c in enumerate(columns) if c.kind == kind), None)


_GROUP_MARK_RE = re.compile(r"(?<=\d)([.,])(?=\d{3}(?:\D|$))")
_DECIMAL_MARK_RE = re.compile(r"(?<=\d)([.,])(?=\d{1,2}(?:\D|$))")
_UNGROUPED_RE = re.compile(r"(?<![\d.,])\d{4,}(?![\d])")


def _check_formats(rows: list[_Row], columns: list[_Column]) -> None:
    """Each column of figures prints them one way, else a cell went to the wrong column."""
    for j, c in enumerate(columns):
        if c.kind != _FIGURE:
            continue
        cells = [r.cells[j] for r in rows if r.kind != "group" and r.cells[j]]
        groups = {m for t in cells for m in _GROUP_MARK_RE.findall(t)}
        decimals = {m for t in cells for m in _DECIMAL_MARK_RE.findall(t)}
        if len(groups) > 1 or len(decimals) > 1 or groups & decimals:
            raise _Doubt(f"angka kolom “{c.label}” tidak seragam formatnya")
        if groups and any(_UNGROUPED_RE.search(t) for t in cells):
            raise _Doubt(f"angka kolom “{c.label}” tidak seragam formatnya")
        if _PERCENT_LABEL_RE.search(c.label) and len({t.endswith(("%", "%)")) for t in cells}) > 1:
            raise _Doubt(f"tanda % kolom “{c.label}” tidak seragam")


def _table_row(row: _Row) -> TableRow:
    total = row.kind == "total"
    kind = ("subtotal" if is_subtotal_label(row.cells) else "total") if total else row.kind
    return TableRow(
        list(row.cells),
        list(row.lines),
        list(row.texts),
        total,
        line_cells=[list(row.cells)],
        kind=kind,
    )
