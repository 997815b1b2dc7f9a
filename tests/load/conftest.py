"""Builders for small but realistic LKj reports as real PDF (reportlab) and DOCX (python-docx).

Both formats are built from one description of the report (``lkj_blocks``), so the PDF and
DOCX tests check the same figures. ``errors=True`` plants three mistakes:

* the budget table's Jumlah realisasi has two digits swapped (ANG004),
* one RO row prints 76,30% where realisasi / pagu is 67,30% (ANG001),
* the DPT voter table prints a JUMLAH that is not LK + PR (PML001).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.load.word_lkj import WordMade, make_all, soffice

SATKER = "KPU Kabupaten Ogan Komering Ilir"
HEADER = "Laporan Kinerja KPU Kabupaten Ogan Komering Ilir Tahun 2024"

LONG = (
    f"Laporan Kinerja (LKj) {SATKER} Tahun 2024 disusun sebagai wujud pertanggungjawaban "
    "atas pelaksanaan tugas dan fungsi selama tahun anggaran, berpedoman pada Peraturan "
    "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 "
    "tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas "
    "Laporan Kinerja Instansi Pemerintah."
)


@dataclass(frozen=True)
class Table:
    """A table of the sample report: header row, body rows, column widths in points."""

    rows: list[list[str]]  # first row is the header; "\n" inside a cell = a line break
    widths: list[float]
    ruled: bool = True
    span_total: bool = False  # the last row's first cell spans the first two columns


# A block is ("h", text) heading, ("p", text) paragraph, ("li", text) list item,
# ("table", Table) or ("page", "") page break.
Block = tuple[str, "str | Table"]


def lkj_blocks(errors: bool = False) -> list[Block]:
    """The sample report, block by block."""
    jumlah_real = "818.902.940" if errors else "818.902.490"
    pct_ro3 = "(76,30%)" if errors else "(67,30%)"
    dpt_jumlah = "577.341" if errors else "577.241"
    anggaran = Table(
        rows=[
            ["No", "Rincian Output Kegiatan", "Pagu Anggaran", "Realisasi"],
            [
                "1.",
                "6709.QGE.001 Perencanaan dan Penganggaran Pemilu",
                "805.812.000",
                "781.065.690\n(96,93%)",
            ],
            [
                "2.",
                "6709.QGE.003 Penyelenggaraan Pelatihan Teknis Kepemiluan dan Bimbingan "
                "Teknis Tahapan Pemilu",
                "4.540.000",
                "4.186.800\n(92,22%)",
            ],
            [
                "3.",
                "6709.QGE.004 Sosialisasi dan Penyuluhan",
                "50.000.000",
                f"33.650.000\n{pct_ro3}",
            ],
            ["Jumlah", "", "860.352.000", f"{jumlah_real}\n(95,18%)"],
        ],
        widths=[30, 200, 100, 110],
        span_total=True,
    )
    capaian = Table(
        rows=[
            ["No", "Indikator Kinerja", "Target", "Realisasi", "Persentase"],
            [
                "1",
                "Perencanaan dan Penganggaran Pemilu (6709.QGE.001)",
                "1.0 Lembaga",
                "1.0 Lembaga",
                "100%",
            ],
            [
                "2",
                "Persentase permohonan informasi yang ditindaklanjuti melalui PPID sesuai "
                "dengan SOP",
                "100%",
                "95%",
                "95%",
            ],
        ],
        widths=[30, 190, 75, 75, 70],
    )
    dpt = Table(
        rows=[["LK", "PR", "JUMLAH"], ["294.966", "282.275", dpt_jumlah]], widths=[90, 90, 90]
    )
    dps = Table(
        rows=[["LK", "PR", "JUMLAH"], ["293.369", "280.796", "574.165"]],
        widths=[90, 90, 90],
        ruled=False,
    )
    return [
        ("h", "KATA PENGANTAR"),
        ("p", LONG),
        (
            "p",
            f"Laporan ini menjadi bahan evaluasi kinerja {SATKER} pada tahun-tahun "
            "berikutnya agar pelaksanaan tugas semakin akuntabel.",
        ),
        ("h", "BAB I"),
        ("h", "PENDAHULUAN"),
        (
            "p",
            f"{SATKER} merupakan penyelenggara pemilihan umum di tingkat kabupaten yang "
            "bersifat nasional, tetap, dan mandiri.",
        ),
        (
            "p",
            "Laporan kinerja disusun setiap tahun sebagai bagian dari Sistem Akuntabilitas "
            "Kinerja Instansi Pemerintah.",
        ),
        ("page", ""),
        ("h", "BAB III"),
        ("h", "AKUNTABILITAS KINERJA"),
        ("h", "A. Capaian Kinerja Organisasi"),
        ("p", "Capaian kinerja setiap indikator sasaran tahun 2024 adalah sebagai berikut:"),
        ("li", "Sasaran kegiatan dapat dicapai dengan baik melalui rapat koordinasi."),
        ("li", "Seluruh tahapan dilaksanakan sesuai jadwal."),
        ("p", "Capaian Kinerja Sasaran 1"),
        ("table", capaian),
        ("p", "Berikut Daftar Pemilih Sementara (DPS):"),
        ("table", dps),
        ("p", "Berikut Daftar Pemilih Tetap (DPT):"),
        ("table", dpt),
        ("h", "B. Realisasi Anggaran"),
        (
            "p",
            "Kegiatan 6709 (Perencanaan Program dan Anggaran, serta Penyusunan Peraturan "
            "Pelaksanaan Penyelenggaraan Pemilu)",
        ),
        ("table", anggaran),
        ("p", "Realisasi anggaran kegiatan tersebut mencapai 95,18% dari pagu yang tersedia."),
        ("page", ""),
        ("h", "BAB IV"),
        ("h", "PENUTUP"),
        (
            "p",
            f"Laporan Kinerja {SATKER} Tahun 2024 merupakan wujud akuntabilitas kinerja "
            "dalam menjalankan tugas.",
        ),
        ("p", "Semoga laporan ini bermanfaat bagi seluruh pemangku kepentingan."),
    ]


# --------------------------------------------------------------------------- PDF


def build_pdf(path: Path, blocks: list[Block], *, header: str | None = HEADER) -> Path:
    """Write ``blocks`` as a PDF with a running header and a page-number footer."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import (
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        TableStyle,
    )
    from reportlab.platypus import Table as RLTable

    styles = getSampleStyleSheet()
    body, cell = styles["BodyText"], styles["BodyText"].clone("cell", fontSize=9, leading=11)
    head = styles["Heading2"]

    def furniture(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        if header:
            canvas.drawString(72, A4[1] - 40, header)
            canvas.line(72, A4[1] - 44, A4[0] - 72, A4[1] - 44)
        canvas.drawCentredString(A4[0] / 2, 30, str(doc.page))
        canvas.restoreState()

    story: list[object] = []
    for kind, value in blocks:
        if kind == "h":
            story.append(Paragraph(str(value), head))
        elif kind == "p":
            story.append(Paragraph(str(value), body))
        elif kind == "li":
            story.append(Paragraph(str(value), body, bulletText="\u2022"))
        elif kind == "page":
            story.append(PageBreak())
        elif kind == "table":
            assert isinstance(value, Table)
            data = [[Paragraph(c.replace("\n", "<br/>"), cell) for c in row] for row in value.rows]
            style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
            if value.ruled:
                style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
            if value.span_total:
                style.append(("SPAN", (0, -1), (1, -1)))
            story += [RLTable(data, colWidths=value.widths, style=TableStyle(style)), Spacer(1, 8)]
    SimpleDocTemplate(str(path), pagesize=A4, topMargin=60, bottomMargin=50).build(
        story, onFirstPage=furniture, onLaterPages=furniture
    )
    return path


# --------------------------------------------------------------------------- DOCX


def build_docx(path: Path, blocks: list[Block]) -> Path:
    """Write ``blocks`` as a DOCX: heading styles, bullet list, Table Grid tables."""
    import docx

    document = docx.Document()
    for kind, value in blocks:
        if kind == "h":
            document.add_paragraph(str(value), style="Heading 1")
        elif kind == "p":
            document.add_paragraph(str(value))
        elif kind == "li":
            document.add_paragraph(str(value), style="List Bullet")
        elif kind == "page":
            document.add_page_break()
        elif kind == "table":
            assert isinstance(value, Table)
            table = document.add_table(rows=len(value.rows), cols=len(value.rows[0]))
            if value.ruled:
                table.style = "Table Grid"
            for r, row in enumerate(value.rows):
                for c, text in enumerate(row):
                    first, *more = text.split("\n")
                    target = table.cell(r, c)
                    target.paragraphs[0].text = first
                    for extra in more:  # a second paragraph inside the cell
                        target.add_paragraph(extra)
            if value.span_total:
                last = len(value.rows) - 1
                merged = table.cell(last, 0).merge(table.cell(last, 1))
                merged.paragraphs[0].text = value.rows[-1][0]
                for extra in merged.paragraphs[1:]:
                    extra._p.getparent().remove(extra._p)
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER
    document.save(str(path))
    return path


@pytest.fixture
def lkj_pdf(tmp_path: Path) -> Callable[..., Path]:
    """Build the sample report as a PDF: ``lkj_pdf(errors=False, name="lkj.pdf")``."""

    def build(errors: bool = False, name: str = "lkj.pdf") -> Path:
        return build_pdf(tmp_path / name, lkj_blocks(errors))

    return build


@pytest.fixture
def lkj_docx(tmp_path: Path) -> Callable[..., Path]:
    """Build the sample report as a DOCX: ``lkj_docx(errors=False, name="lkj.docx")``."""

    def build(errors: bool = False, name: str = "lkj.docx") -> Path:
        return build_docx(tmp_path / name, lkj_blocks(errors))

    return build


@pytest.fixture(scope="session")
def word_made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, WordMade]:
    """The Word-made report (consistent and damaged) as text, DOCX and LibreOffice PDF.

    Made once per session: one soffice run converts both documents (it takes seconds).
    """
    if soffice() is None:
        if os.environ.get("LKJ_AUDIT_REQUIRE_SOFFICE") == "1":
            pytest.fail("LibreOffice is required (LKJ_AUDIT_REQUIRE_SOFFICE=1) but not installed")
        pytest.skip("LibreOffice not installed (apt-get install libreoffice-writer-nogui)")
    return make_all(tmp_path_factory.mktemp("word_made"))
