"""Small Word reports whose tables plain ``pdftotext`` prints column by column (issue 7).

Each is written with python-docx and exported to PDF by LibreOffice, one table per report
(so each report is judged alone):

* ``clean``: voters per kecamatan, one row that does not add up (PML001 must find it);
* ``wrapped``: the same table with kecamatan names long enough to wrap over two lines, and no
  other text column to name the rows: where a name ends cannot be told, so it stays unread;
* ``gap``: the same table with one Perempuan cell left empty: pdftotext skips the empty cell,
  the column is one cell short, so it stays unread.
"""

from __future__ import annotations

from pathlib import Path

from tests.load.word_lkj import to_pdf

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
    total = ["Jumlah", f"{lk:,}".replace(",", "."), f"{pr:,}".replace(",", ".")]
    total.append(f"{lk + pr:,}".replace(",", "."))
    return [[str(k), *r] for k, r in enumerate(rows, 1)] + [["", *total]]


def build_docx(kind: str, path: Path) -> Path:
    """One short report with the voter table of ``kind`` (see the module docstring)."""
    import docx
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    document.add_heading("BAB III\nAKUNTABILITAS KINERJA")
    document.add_heading("A. Capaian Kinerja Organisasi", level=2)
    document.add_paragraph(
        f"Daftar Pemilih Berkelanjutan {SATKER} pada Semester II Tahun 2024 ditetapkan dalam "
        "rapat pleno terbuka dengan rincian per kecamatan sebagai berikut."
    )
    document.add_paragraph("Tabel 3.1 Daftar Pemilih Berkelanjutan per Kecamatan")
    rows = [["No", "Kecamatan", "Laki-laki", "Perempuan", "Jumlah"], *_rows(kind)]
    table = document.add_table(rows=len(rows), cols=5)
    table.style = "Table Grid"
    widths = (Cm(1.2), Cm(3.2), Cm(2.6), Cm(2.6), Cm(2.6))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            cell = table.cell(r, c)
            cell.width = widths[c]
            run = cell.paragraphs[0].add_run(text)
            run.font.size = Pt(10)
            run.bold = r == 0
    document.add_paragraph()
    document.add_paragraph(
        "Jumlah pemilih meningkat dibandingkan semester sebelumnya karena pemutakhiran data "
        "pemilih pemula yang dilakukan bersama sekolah dan perguruan tinggi di setiap kecamatan."
    )
    document.save(str(path))
    return path


def make(outdir: Path) -> dict[str, Path]:
    """The three reports as PDF (one LibreOffice run), by kind."""
    outdir.mkdir(parents=True, exist_ok=True)
    kinds = ("clean", "wrapped", "gap")
    docs = [build_docx(k, outdir / f"flow_{k}.docx") for k in kinds]
    return dict(zip(kinds, to_pdf(docs, outdir), strict=True))
