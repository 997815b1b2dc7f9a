"""Small Word reports whose tables plain ``pdftotext`` prints column by column (issue 7).

Each is written with python-docx and exported to PDF by LibreOffice, one table per report
(so each report is judged alone):

* ``clean``: voters per kecamatan, one row that does not add up (PML001 must find it);
* ``wrapped``: the same table with kecamatan names long enough to wrap over two lines, and no
  other text column to name the rows: where a name ends cannot be told, so it stays unread;
* ``gap``: the same table with one Perempuan cell left empty: pdftotext skips the empty cell,
  the column is one cell short, so it stays unread;
* ``budget_kode``: Kode | Uraian | Pagu | Realisasi | Serapan (%), the names wrapped, the
  figures printed row by row after the headers; the codes name the rows, so it is read with
  Uraian left empty, and its one wrong serapan (ANG001) is found;
* ``budget_no``: the same budget with a No column instead of codes: nothing but the wrapped
  names tells a program from a kegiatan, so it stays unread;
* ``capaian``: No | Indikator Kinerja | Target | Realisasi | Capaian, the header wrapped
  ("Indikator" / "Kinerja"), units in the cells ("24 Kegiatan"), one wrong capaian (CAP001);
* ``long``: 45 kecamatan over two pages, the header row repeated (``w:tblHeader``), running
  header and "Halaman N dari M" footer, the "Jumlah" label merged over No and Kecamatan,
  one row that does not add up;
* ``numbered``: a column-number row "(1) … (5)" under the header and the total first, its
  "Jumlah" printed in the No column.
"""

from __future__ import annotations

from pathlib import Path

from tests.load.word_lkj import _merge, _page_footer, _repeat_header, _running_header, to_pdf

SATKER = "KPU Kabupaten Mekar Jaya"
_ROWS = (
    ("Mekarsari", "12.105", "12.391", "24.496"),
    ("Sukadana", "10.085", "10.762", "20.847"),
    ("Cibunar", "9.899", "10.175", "20.074"),
    ("Talang Jaya", "11.201", "11.521", "22.722"),
    ("Air Bening", "8.311", "8.305", "16.616"),
)
# The row that does not add up in ``clean``: 9.899 + 10.175 = 20.074, printed 20.174.
BAD_ROW = ("Cibunar", "9.899", "10.175", "20.174")
_LONG_NAMES = (
    "Mekarsari Kidul Wetan Lor",
    "Sukadana Tengah Baru Jaya",
    "Cibunar Girang Hilir Utara",
    "Talang Jaya Makmur Sentosa",
    "Air Bening Panjang Selatan",
)


KINDS = ("clean", "wrapped", "gap", "budget_kode", "budget_no", "capaian", "long", "numbered")
_SYLLABLES = ("Sari", "Jaya", "Tegal", "Indah", "Baru", "Rejo", "Mulya", "Agung", "Asri")
# The long table's row that does not add up (its Jumlah is 100 too many), as printed.
LONG_BAD = 17
LONG_BAD_TOTAL = "19.362"


def _dotted(v: int) -> str:
    return f"{v:,}".replace(",", ".")


def _long_rows() -> list[list[str]]:
    rows, lk, pr = [], 0, 0
    for k in range(1, 46):
        name = f"{_SYLLABLES[k % 9]} {_SYLLABLES[(k // 9) % 9]}"
        male, female = 8000 + 97 * k, 8100 + 89 * k
        lk, pr = lk + male, pr + female
        total = male + female + (100 if k == LONG_BAD else 0)
        rows.append([str(k), name, _dotted(male), _dotted(female), _dotted(total)])
    return [*rows, ["Jumlah", "", _dotted(lk), _dotted(pr), _dotted(lk + pr)]]


def _rows(kind: str) -> list[list[str]]:
    rows = [list(r) for r in _ROWS]
    if kind == "clean":
        rows[2] = list(BAD_ROW)
    if kind == "wrapped":
        for r, name in zip(rows, _LONG_NAMES, strict=True):
            r[0] = name
    if kind == "gap":
        rows[3][2] = ""
    lk = sum(int(r[1].replace(".", "")) for r in _ROWS)
    pr = sum(int(r[2].replace(".", "")) for r in _ROWS)
    total = ["Jumlah", _dotted(lk), _dotted(pr), _dotted(lk + pr)]
    return [[str(k), *r] for k, r in enumerate(rows, 1)] + [["", *total]]


_BUDGET = (
    ("3360", "Dukungan Operasional Perkantoran", "1.496.900.000", "1.451.081.370", "96,94"),
    ("3360.EBA.994", "Layanan Perkantoran", "1.184.500.000", "1.152.309.870", "97,28"),
    ("3360.EBA.962", "Layanan Umum", "312.400.000", "298.771.500", "96,64"),  # 95,64
    ("", "Jumlah", "1.496.900.000", "1.451.081.370", "96,94"),
)
BAD_SERAPAN = "96,64"
_CAPAIAN = (
    ("1", "DPT", "100%", "100%", "100%"),
    ("2", "Sosialisasi", "24 Kegiatan", "22 Kegiatan", "93,67%"),  # 22 / 24 = 91,67
    ("3", "IKPA", "90", "95,21", "105,79%"),
)
BAD_CAPAIAN = "93,67%"


def _table_of(kind: str) -> tuple[str, str, list[list[str]]]:
    """Subsection, caption and rows (header first) of the report's one table."""
    if kind.startswith("budget"):
        head = ["Kode", "Uraian", "Pagu", "Realisasi", "Serapan (%)"]
        rows = [list(r) for r in _BUDGET]
        if kind == "budget_no":
            head[0] = "No"
            for k, r in enumerate(rows[:-1], 1):
                r[0] = str(k)
        return "B. Realisasi Anggaran", "Tabel 3.5 Realisasi Anggaran", [head, *rows]
    if kind == "capaian":
        head = ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]
        caption = "Tabel 3.2 Pengukuran Kinerja Tahun 2024"
        return "A. Capaian Kinerja Organisasi", caption, [head, *map(list, _CAPAIAN)]
    head = ["No", "Kecamatan", "Laki-laki", "Perempuan", "Jumlah"]
    caption = "Tabel 3.1 Daftar Pemilih Berkelanjutan per Kecamatan"
    if kind == "long":
        return "A. Capaian Kinerja Organisasi", caption, [head, *_long_rows()]
    if kind == "numbered":
        *rows, total = _rows("consistent")
        numbers = [f"({k})" for k in range(1, 6)]
        total = ["Jumlah", "", *total[2:]]
        return "A. Capaian Kinerja Organisasi", caption, [head, numbers, total, *rows]
    return "A. Capaian Kinerja Organisasi", caption, [head, *_rows(kind)]


def build_docx(kind: str, path: Path) -> Path:
    """One short report with the table of ``kind`` (see the module docstring)."""
    import docx
    from docx.shared import Cm, Pt

    subsection, caption, rows = _table_of(kind)
    document = docx.Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    document.add_heading("BAB III\nAKUNTABILITAS KINERJA")
    document.add_heading(subsection, level=2)
    document.add_paragraph(
        f"Data {SATKER} Tahun 2024 ditetapkan dalam rapat pleno dan disajikan dengan rincian "
        "sebagai berikut."
    )
    document.add_paragraph(caption)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            run = table.cell(r, c).paragraphs[0].add_run(text)
            run.font.size = Pt(10)
            run.bold = r == 0
    if kind == "long":  # as a Word user lays out a long table
        _repeat_header(table.rows[0])
        _merge(table, (len(rows) - 1, 0), (len(rows) - 1, 1), "Jumlah")
        _running_header(section, f"Laporan Kinerja {SATKER} Tahun 2024")
        _page_footer(section)
    document.add_paragraph()
    document.add_paragraph(
        "Hasil tersebut dicapai karena pelaksanaan kegiatan sesuai dengan jadwal yang telah "
        "ditetapkan dalam rencana kerja dan didukung koordinasi dengan seluruh pemangku "
        "kepentingan."
    )
    document.save(str(path))
    return path


def make(outdir: Path) -> dict[str, Path]:
    """The three reports as PDF (one LibreOffice run), by kind."""
    outdir.mkdir(parents=True, exist_ok=True)
    kinds = KINDS
    docs = [build_docx(k, outdir / f"flow_{k}.docx") for k in kinds]
    return dict(zip(kinds, to_pdf(docs, outdir), strict=True))
