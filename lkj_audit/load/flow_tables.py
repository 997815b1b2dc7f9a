"""Tables that came out as flowing text: visible to a reviewer, unreadable as a table.

A text extraction without layout (``pdftotext`` without ``-layout``, a copy from a PDF
viewer) prints a table's cells one per line, or runs a whole row together like a sentence.
Nothing tells which figure belongs to which column, so no table can be typed from it, and
guessing would invent figures. Such a place is only *recorded*: the reviewer is told where
a table is visible but unread (RDG002), and no rule may conclude from its absence that the
report lacks the table.

A place is such a table when a header is visible and figures follow it:

* *one cell per line*: at least three short lines in a row that are column labels
  ("No", "Indikator Kinerja", "Target", "Realisasi", "% Capaian", "Pagu", …), then short lines
  with figures;
* *run together*: one line made (almost) only of column labels, naming at least three columns,
  then lines that hold two or more figures each;
* *column by column*: a run of short lines, no sentence among them, between headings and
  captions, holding at least three distinct column labels as whole lines and figures (plain
  ``pdftotext`` of a Word-made PDF prints a table a whole column at a time, "No" then 1..8,
  "Nama" then the names, …).

Tab-separated tables, space-aligned ones and their unread blocks are never counted again.
A table printed column by column is rebuilt by :mod:`lkj_audit.load.flow_rebuild` when every
count agrees, one whose rows run together by :mod:`lkj_audit.load.flow_rows` when every row's
cells have one reading; only the places neither can rebuild with certainty stay unread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# One column label, as a whole cell (one-per-line layouts; the cell-a-line reader too).
COLUMN_LABEL_RE = re.compile(
    r"(?i)^(?:no\.?|nomor|sasaran(?: strategis| kegiatan| program)?|nama(?: pegawai)?|nip|jabatan|"
    r"pendidikan(?: terakhir)?|golongan|pangkat(?:/golongan)?|indikator(?: kinerja)?(?: utama)?|"
    r"target(?: \d{4})?|realisasi(?: \d{4})?|(?:% )?capaian(?: \(?%\)?)?|\(?%\)?|satuan|"
    r"pagu(?: anggaran)?|anggaran|uraian|program(?:/kegiatan)?|kegiatan|keterangan|"
    r"sisa(?: anggaran)?|serapan(?: \(?%\)?)?|laki-laki|perempuan|jumlah|l|p|lk|pr|"
    r"kecamatan|kabupaten/kota|kriteria|kategori|tahun \d{4}|\(rp\)|rp)$"
)
# Words a run-together header line is made of.
_HEADER_WORDS = {
    "no", "no.", "nomor", "sasaran", "strategis", "indikator", "kinerja", "utama", "target",
    "realisasi", "capaian", "%", "(%)", "satuan", "pagu", "anggaran", "uraian", "program",
    "kegiatan", "keterangan", "sisa", "serapan", "laki-laki", "perempuan", "jumlah", "l", "p",
    "lk", "pr", "kecamatan", "kriteria", "kategori", "tahun", "(rp)", "rp", "/", "dan",
    "polaritas", "bobot", "persentase", "s.d.", "s.d", "sd", "semester", "i", "ii", "renstra",
    "akhir",
}  # fmt: skip
# Words that name a column of figures (a header needs at least three distinct ones).
_ROLE_WORDS = {
    "target", "realisasi", "capaian", "pagu", "anggaran", "sisa", "serapan", "laki-laki",
    "perempuan", "jumlah", "indikator", "sasaran", "uraian", "satuan", "l", "p", "lk", "pr",
    "kegiatan", "program", "persentase",
}  # fmt: skip
_FIGURE_RE = re.compile(r"\d+(?:[.,]\d+)*\s*%?")
_YEAR_RE = re.compile(r"^(?:19|20)\d{2}$")
_CELL_CHARS = 70  # a cell line; a line of running text is longer
_MIN_LABELS = 3
_MIN_FIGURE_LINES = 2
_MAX_GAP = 8  # lines (blank or not) between two rows run together


@dataclass(frozen=True, slots=True)
class FlowTable:
    """A place where a table is visible but was printed as flowing text."""

    line: int  # 1-based, the first header line
    end_line: int
    why: str  # Bahasa Indonesia, for the reviewer
    columns: tuple[str, ...]  # the column labels seen
    # "column" for a table printed a whole column at a time, "row" for rows run together
    shape: str = ""


def find_flow_tables(
    lines: list[str], taken: list[tuple[int, int]], stops: frozenset[int] = frozenset()
) -> list[FlowTable]:
    """Flow-text tables of ``lines`` outside the 1-based line ranges ``taken``.

    ``stops`` are the 1-based lines of headings: a table printed column by column never
    runs over one.
    """
    out: list[FlowTable] = []
    i = 0
    while i < len(lines):
        found = _one_per_line(lines, i) or _run_together(lines, i)
        if found is None or _overlaps(found, taken):
            i += 1
            continue
        out.append(found)
        i = found.end_line
    # Column by column last: a run holding a table of another form is that table.
    i, seen = 0, taken + _spans(out)
    while i < len(lines):
        found = _column_wise(lines, i, stops)
        if found is None or _overlaps(found, seen):
            i = found.end_line if found is not None else i + 1
            continue
        out.append(found)
        i = found.end_line
    return sorted(out, key=lambda t: t.line)


def _spans(tables: list[FlowTable]) -> list[tuple[int, int]]:
    return [(t.line, t.end_line) for t in tables]


_CAPTION_RE = re.compile(r"(?i)^(?:tabel|gambar|grafik)\s+\d")
_MIN_COLUMN_WISE_LINES = 6  # non-blank lines of a table printed column by column


def _column_wise(lines: list[str], start: int, stops: frozenset[int]) -> FlowTable | None:
    """A table printed a whole column at a time, from ``start`` (0-based).

    Short lines up to a sentence, a tab line, a heading or a caption, with column labels and
    figures among them. Only a run that begins at ``start`` (after a sentence, heading or
    caption) is tried, so a run is judged once.
    """
    if lines[start].strip() and not _is_cell(lines[start]):
        return None  # a line of running text: no run begins here (most lines; tested first)
    if start and _is_cell(lines[start - 1]) and not _breaks_run(lines, start - 1, stops):
        return None
    k, body = start, []
    while k < len(lines) and not _breaks_run(lines, k, stops):
        if lines[k].strip() and not _is_cell(lines[k]):
            break
        if lines[k].strip():
            body.append(k)
        k += 1
    if len(body) < _MIN_COLUMN_WISE_LINES:
        return None  # too short to be a table: decided before the labels and figures
    # Only labels and figures mark the table's extent: a short closing line of the paragraph
    # before ("… sebagaimana tabel berikut.") is no cell.
    marked = [j for j in body if COLUMN_LABEL_RE.match(lines[j].strip()) or _figures(lines[j])]
    labels = {lines[j].strip().lower() for j in body if COLUMN_LABEL_RE.match(lines[j].strip())}
    figure_lines = sum(1 for j in body if _figures(lines[j]))
    if (
        len(body) < _MIN_COLUMN_WISE_LINES
        or len(labels) < _MIN_LABELS
        or figure_lines < _MIN_FIGURE_LINES
        or any(_is_sentence(lines[j]) for j in body)
    ):
        return None
    why = "sel tabel tercetak kolom demi kolom (ekstraksi teks tanpa tata letak kolom)"
    return FlowTable(marked[0] + 1, marked[-1] + 1, why, tuple(sorted(labels)), "column")


def _breaks_run(lines: list[str], k: int, stops: frozenset[int]) -> bool:
    text = lines[k].strip()
    return "\t" in lines[k] or k + 1 in stops or bool(_CAPTION_RE.match(text))


def _is_sentence(text: str) -> bool:
    """A line of running text: many words, ending a sentence, within a cell's length."""
    return len(text.split()) > 8 and text.rstrip().endswith((".", ":", "?", "!"))


def _is_prose(text: str) -> bool:
    """A line of a hard-wrapped paragraph, never a table row run together.

    Ten words or more, few figures, a sentence ending inside it or at its end ("… komunitas.
    Analisis Sasaran 3. Nilai IKPA meningkat dari 95,12 pada …").
    """
    words = text.split()
    if len(words) < 10 or _figures(text) * 4 > len(words):
        return False
    return bool(re.search(r"[a-z]{2}[.;] [A-Z]", text)) or text.rstrip().endswith(".")


def _overlaps(t: FlowTable, taken: list[tuple[int, int]]) -> bool:
    return any(a <= t.end_line and t.line <= b for a, b in taken)


def _figures(text: str) -> int:
    return sum(1 for m in _FIGURE_RE.finditer(text) if not _YEAR_RE.match(m.group().strip()))


def _is_cell(text: str) -> bool:
    if "\t" in text:
        return False
    n = len(text.strip())  # stripped once: asked ~3 times of every line
    return 0 < n <= _CELL_CHARS


def _one_per_line(lines: list[str], start: int) -> FlowTable | None:
    """Column labels one per line from ``start``, then short lines with figures."""
    labels: list[str] = []
    k = start
    while k < len(lines) and _is_cell(lines[k]) and COLUMN_LABEL_RE.match(lines[k].strip()):
        labels.append(lines[k].strip())
        k += 1
    if len(labels) < _MIN_LABELS or len({w.lower() for w in labels}) < _MIN_LABELS:
        return None
    end, figure_lines = _extent(lines, k, cell_lines=True)
    if figure_lines < _MIN_FIGURE_LINES:
        return None
    why = "sel tabel tercetak satu per baris (ekstraksi teks tanpa tata letak kolom)"
    return FlowTable(start + 1, end, why, tuple(labels))


def _run_together(lines: list[str], start: int) -> FlowTable | None:
    """A header line made of column labels, then lines with two or more figures each."""
    text = lines[start].strip()
    roles = _header_roles(text)
    if not roles:
        return None
    end, figure_lines = _extent(lines, start + 1, cell_lines=False)
    # A header line of labels is no sentence: one row of figures under it is a table already
    # (a capaian table per sasaran often has a single indicator).
    if figure_lines < 1:
        return None
    why = "sel tabel tercetak menyambung seperti kalimat (batas kolom tidak terlihat)"
    labels = tuple(w for w in text.split() if w.lower() in roles)
    return FlowTable(start + 1, end, why, labels, "row")


def _header_roles(text: str) -> set[str]:
    """The column words of a line made (almost) only of column labels; empty when it is not."""
    if not text or "\t" in text or len(text) > 2 * _CELL_CHARS:
        return set()
    words = [w.strip(",;:") for w in text.lower().split()]  # lower case keeps the words apart
    roles = _ROLE_WORDS.intersection(words)  # the same set, built in C (asked of most lines)
    if len(roles) < _MIN_LABELS:
        return set()  # decided without the header count (most lines)
    header = [w for w in words if w in _HEADER_WORDS or _YEAR_RE.match(w)]
    return roles if len(header) >= 0.8 * len(words) else set()


def _extent(lines: list[str], k: int, *, cell_lines: bool) -> tuple[int, int]:
    """Where the table body from ``k`` ends (1-based last line) and its lines with figures.

    One cell per line: the body runs over short lines, single blank lines between. Run
    together: rows are lines with two or more figures; between them wrapped names and group
    rows ("Sasaran 1 : …", "KEGIATAN 3355: …"), blank lines (some extractions print one
    after every line) — but :data:`_MAX_GAP` lines without a row, or a tab line, end it.
    """
    end, figure_lines, blanks, since_row = k, 0, 0, 0
    while k < len(lines):
        text = lines[k]
        if "\t" in text:
            break
        if not text.strip():
            blanks += 1
            if cell_lines and blanks > 1:
                break
            since_row += 0 if cell_lines else 1
            if since_row > _MAX_GAP:
                break
            k += 1
            continue
        blanks = 0
        n = _figures(text)
        if not cell_lines and _header_roles(text.strip()):
            break  # the next table's header
        if cell_lines:
            if not _is_cell(text):
                break
            figure_lines += 1 if n else 0
            end = k + 1
        elif not cell_lines and _is_prose(text):
            break  # a paragraph after the table (hard-wrapped), never one of its rows
        elif n >= 2 and len(text.strip()) <= 3 * _CELL_CHARS:
            figure_lines += 1
            end, since_row = k + 1, 0
        else:
            since_row += 1
            if since_row > _MAX_GAP or len(text.strip()) > 2 * _CELL_CHARS:
                break
        k += 1
    return end, figure_lines
