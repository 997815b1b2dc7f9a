"""PDF reader: real PDFs built with reportlab, read through the whole audit pipeline."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib import colors, pdfencrypt
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from lkj_audit import audit
from lkj_audit.errors import InputFileError
from lkj_audit.load.pdf_reader import pdf_to_text

from .conftest import HEADER

ARITHMETIC = {"ANG001", "ANG002", "ANG003", "ANG004", "ANG005", "PML001", "PML002", "CAP001"}
STYLES = getSampleStyleSheet()
BODY = STYLES["BodyText"]
CELL = BODY.clone("cell", fontSize=9, leading=11)


def _story_pdf(path: Path, story: list[object]) -> Path:
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def _cells(rows: list[list[str]]) -> list[list[object]]:
    return [[Paragraph(c.replace("\n", "<br/>"), CELL) for c in row] for row in rows]


# --------------------------------------------------------------------------- text format


def test_text_follows_the_seed_conventions(lkj_pdf: Callable[..., Path]) -> None:
    text = pdf_to_text(lkj_pdf())
    lines = text.splitlines()
    for heading in ("KATA PENGANTAR", "BAB III", "AKUNTABILITAS KINERJA", "B. Realisasi Anggaran"):
        assert heading in lines
    # A paragraph wrapped over five printed lines is one line.
    assert any(
        ln.startswith("Laporan Kinerja (LKj)") and ln.endswith("Pemerintah.") for ln in lines
    )
    assert "- Seluruh tahapan dilaksanakan sesuai jadwal." in lines
    # Ruled table: one line per row; wrapped cells joined; merged "Jumlah" cell emitted once.
    assert "No\tRincian Output Kegiatan\tPagu Anggaran\tRealisasi" in lines
    assert (
        "1.\t6709.QGE.001 Perencanaan dan Penganggaran Pemilu\t805.812.000\t781.065.690 (96,93%)"
        in lines
    )
    assert (
        "2.\t6709.QGE.003 Penyelenggaraan Pelatihan Teknis Kepemiluan dan Bimbingan Teknis "
        "Tahapan Pemilu\t4.540.000\t4.186.800 (92,22%)"
    ) in lines
    assert "Jumlah\t\t860.352.000\t818.902.490 (95,18%)" in lines
    # Unruled (text-aligned) voter table.
    assert lines[lines.index("Berikut Daftar Pemilih Sementara (DPS):") + 2] == "LK\tPR\tJUMLAH"
    assert "293.369\t280.796\t574.165" in lines
    # Tables sit where they are printed: the capaian table inside A, the budget table in B.
    assert (
        lines.index("A. Capaian Kinerja Organisasi")
        < lines.index("No\tIndikator Kinerja\tTarget\tRealisasi\tPersentase")
        < lines.index("B. Realisasi Anggaran")
        < lines.index("Jumlah\t\t860.352.000\t818.902.490 (95,18%)")
    )


def test_running_header_and_page_numbers_are_dropped(lkj_pdf: Callable[..., Path]) -> None:
    lines = pdf_to_text(lkj_pdf()).splitlines()
    assert HEADER not in lines
    assert not [ln for ln in lines if ln.strip().isdigit()]


def test_furniture_is_told_from_body_lines_that_differ_only_in_a_number(tmp_path: Path) -> None:
    path = tmp_path / "furniture.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for page in (1, 2, 3):
        c.setFont("Helvetica", 8)
        c.drawString(72, 805, "LKj KPU Kabupaten Ogan Komering Ilir 2024")
        c.drawRightString(523, 805, str(page + 10))  # page number set apart on the header line
        c.drawCentredString(297, 30, f"Halaman {page + 4}")  # numbering starts after the cover
        c.setFont("Helvetica", 11)
        # One sasaran per page: its number follows the page number like a footer's would.
        c.drawString(72, 770, f"Capaian Kinerja Sasaran {page}")
        c.showPage()
    c.save()
    assert pdf_to_text(path).split("\n\n") == [
        "Capaian Kinerja Sasaran 1",
        "Capaian Kinerja Sasaran 2",
        "Capaian Kinerja Sasaran 3\n",
    ]


def test_chapter_heading_survives_a_running_header_with_the_same_words(tmp_path: Path) -> None:
    path = tmp_path / "chapter.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for page in (1, 2):
        c.setFont("Helvetica", 8)
        c.drawString(72, 805, "BAB III AKUNTABILITAS KINERJA")  # chapter running header
        if page == 1:
            c.setFont("Helvetica-Bold", 14)
            c.drawString(72, 760, "BAB III AKUNTABILITAS KINERJA")
        c.setFont("Helvetica", 11)
        c.drawString(72, 730, f"Uraian halaman {page} tentang capaian kinerja.")
        c.showPage()
    c.save()
    assert pdf_to_text(path).split("\n\n") == [
        "BAB III AKUNTABILITAS KINERJA",
        "Uraian halaman 1 tentang capaian kinerja.",
        "Uraian halaman 2 tentang capaian kinerja.\n",
    ]


# --------------------------------------------------------------------------- through audit


def test_audit_open_detects_identity_and_types_tables(lkj_pdf: Callable[..., Path]) -> None:
    ctx = audit.open(lkj_pdf())
    assert ctx.year == 2024
    assert ctx.satker.upper() == "KPU KABUPATEN OGAN KOMERING ILIR"
    assert ctx.satker_code is not None

    ang = ctx.tables.anggaran
    ro = ang[ang.level == "ro"].set_index("kode")
    assert list(ro.index) == ["6709.QGE.001", "6709.QGE.003", "6709.QGE.004"]
    assert ro.loc["6709.QGE.001", ["pagu", "realisasi", "pct"]].tolist() == [
        805_812_000,
        781_065_690,
        96.93,
    ]
    assert ro.loc["6709.QGE.003", "uraian"].endswith("Bimbingan Teknis Tahapan Pemilu")
    assert ro.loc["6709.QGE.003", ["pagu", "realisasi"]].tolist() == [4_540_000, 4_186_800]
    total = ang[ang.level == "total"].iloc[0]
    assert (total.pagu, total.realisasi, total.pct) == (860_352_000, 818_902_490, 95.18)

    cap = ctx.tables.capaian
    assert len(cap) == 2
    assert cap.iloc[0].kode == "6709.QGE.001"
    assert (cap.iloc[1].target, cap.iloc[1].realisasi, cap.iloc[1].capaian) == (100, 95, 95)

    pml = ctx.tables.pemilih.set_index("tahap")
    assert pml.loc["DPT", ["lk", "pr", "jumlah"]].tolist() == [294_966, 282_275, 577_241]
    assert pml.loc["DPS", ["lk", "pr", "jumlah"]].tolist() == [293_369, 280_796, 574_165]


def test_correct_report_has_no_arithmetic_findings(lkj_pdf: Callable[..., Path]) -> None:
    ctx = audit.open(lkj_pdf())
    assert not [f for f in audit.run_rules(ctx) if f.rule in ARITHMETIC]


def test_planted_errors_are_found(lkj_pdf: Callable[..., Path]) -> None:
    ctx = audit.open(lkj_pdf(errors=True))
    found = {f.rule: f for f in audit.run_rules(ctx) if f.rule in ARITHMETIC}
    assert set(found) == {"ANG001", "ANG004", "PML001"}

    total = found["ANG004"]
    assert (total.location.column, total.stated, total.expected) == (
        "realisasi",
        "818.902.940",
        "818.902.490",
    )
    assert ctx.doc.line_text(total.location.line).startswith("Jumlah")

    pct = found["ANG001"]
    assert (pct.location.row, pct.stated, pct.expected) == ("6709.QGE.004", "(76,30%)", "67,30%")

    voters = found["PML001"]
    assert (voters.stated, voters.expected) == ("577.341", "577.241")
    assert ctx.doc.line_text(voters.location.line) == "294.966 | 282.275 | 577.341"


# --------------------------------------------------------------------------- layouts


def test_table_broken_across_pages_keeps_every_row(tmp_path: Path) -> None:
    rows = [["No", "Rincian Output Kegiatan", "Pagu Anggaran", "Realisasi"]]
    rows += [
        [
            f"{i}.",
            f"6709.QGE.{i:03d} Uraian kegiatan nomor {i} yang cukup panjang",
            "1.000.000",
            "900.000\n(90,00%)",
        ]
        for i in range(1, 61)
    ]
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    story = [
        Paragraph("BAB III", STYLES["Heading2"]),
        Paragraph("B. Realisasi Anggaran", STYLES["Heading2"]),
        Paragraph("Realisasi anggaran KPU Kabupaten Ogan Komering Ilir Tahun 2024:", BODY),
        Table(_cells(rows), colWidths=[30, 200, 100, 110], repeatRows=1, style=grid),
        Paragraph("Demikian realisasi anggaran tahun 2024.", BODY),
    ]
    ctx = audit.open(_story_pdf(tmp_path / "long.pdf", story), satker="656532", year=2024)
    ang = ctx.tables.anggaran
    # The header is printed again on each page: one table, the repeats left out and recorded.
    assert ang.table.nunique() == 1
    (reading,) = ctx.reading
    repeats = [ln for ln, why in reading.dropped_lines if "judul kolom" in why]
    assert reading.confidence == "high" and len(repeats) >= 1
    assert list(ang.kode) == [f"6709.QGE.{i:03d}" for i in range(1, 61)]
    assert set(ang.pagu) == {1_000_000} and set(ang.pct) == {90.0}


def test_ruled_table_without_row_rules_is_split_at_row_numbers(tmp_path: Path) -> None:
    rows = [
        ["No", "Indikator Kinerja", "Target", "Realisasi", "Persentase"],
        [
            "1",
            "Perencanaan dan Penganggaran Pemilu (6709.QGE.001)",
            "1.0 Lembaga",
            "1.0 Lembaga",
            "100%",
        ],
        ["2", "Sarana IT Pemilu (6709.RAN.001)", "1.0 Unit", "1.0 Unit", "100%"],
        ["3", "Persentase permohonan informasi yang ditindaklanjuti", "100%", "95%", "95%"],
    ]
    # Outer box and column rules only: pdfplumber sees the whole table as one ruled row.
    style = TableStyle(
        [
            ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
            ("LINEAFTER", (0, 0), (-2, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
    )
    path = _story_pdf(
        tmp_path / "box.pdf", [Table(_cells(rows), colWidths=[30, 190, 75, 75, 70], style=style)]
    )
    lines = pdf_to_text(path).splitlines()
    assert lines[:4] == [
        "No\tIndikator Kinerja\tTarget\tRealisasi\tPersentase",
        "1\tPerencanaan dan Penganggaran Pemilu (6709.QGE.001)\t1.0 Lembaga\t1.0 Lembaga\t100%",
        "2\tSarana IT Pemilu (6709.RAN.001)\t1.0 Unit\t1.0 Unit\t100%",
        "3\tPersentase permohonan informasi yang ditindaklanjuti\t100%\t95%\t95%",
    ]


def test_unruled_table_joins_a_wrapped_cell_printed_above_the_figures(tmp_path: Path) -> None:
    rows = [
        ["Kegiatan", "Pagu Anggaran", "Realisasi"],
        ["Pengelolaan Keuangan dan Barang Milik Negara", "2.873.037.000", "2.807.678.943"],
        ["Operasional Perkantoran", "162.216.000", "161.290.365"],
    ]
    bottom = TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")])
    story = [
        Paragraph("Kegiatan 3355", BODY),
        Table(_cells(rows), colWidths=[130, 120, 120], style=bottom),
    ]
    lines = pdf_to_text(_story_pdf(tmp_path / "plain.pdf", story)).splitlines()
    assert lines == [
        "Kegiatan 3355",
        "",
        "Kegiatan\tPagu Anggaran\tRealisasi",
        "Pengelolaan Keuangan dan Barang Milik Negara\t2.873.037.000\t2.807.678.943",
        "Operasional Perkantoran\t162.216.000\t161.290.365",
    ]


def test_paragraph_broken_by_a_page_break_is_joined(tmp_path: Path) -> None:
    """A page break inside a sentence is no paragraph break (lower-case continuation)."""
    # Lower case throughout, so the page break falls inside a sentence.
    long = "Kalimat " + " ".join(
        f"bagian {i} tentang pemutakhiran data pemilih," for i in range(250)
    )
    story = [
        Paragraph("BAB II", STYLES["Heading2"]),
        Paragraph(long, BODY),
        Paragraph("Akhir bab.", BODY),
    ]
    path = _story_pdf(tmp_path / "long_para.pdf", story)
    assert pdf_to_text(path).split("\n\n") == ["BAB II", long, "Akhir bab.\n"]


def test_line_ending_in_a_hyphen_goes_on_without_a_space(tmp_path: Path) -> None:
    """Word breaks "Undang-Undang" and "2020-2024" after the hyphen; the word is rejoined."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    sentence = (
        "Sekretariat melaksanakan tugas sebagaimana ditetapkan dalam Undang-Undang Nomor 7 "
        "Tahun 2017 tentang Pemilihan Umum dan Rencana Strategis Tahun 2020-2024 yang "
        "menjadi pedoman pelaksanaan kegiatan dan anggaran setiap tahun-tahun berikutnya "
        "sesuai dengan ketentuan peraturan perundang-undangan yang berlaku di lingkungan KPU."
    )

    def fill(width: float) -> list[str]:
        lines, line = [], ""
        for word in sentence.split():
            parts = word.split("-")
            for k, part in enumerate(parts):  # break after a hyphen when the word does not fit
                piece = part + ("-" if k < len(parts) - 1 else "")
                glue = "" if (line.endswith("-") or not line) else " "
                if stringWidth(line + glue + piece, "Helvetica", 11) > width:
                    lines.append(line)
                    line, glue = "", ""
                line += glue + piece
        return [*lines, line]

    # A text width at which at least two lines end in a hyphen.
    fills = (fill(w) for w in range(250, 450, 5))
    lines = next(ls for ls in fills if sum(ln.endswith("-") for ln in ls) >= 2)
    path = tmp_path / "hyphen.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    for k, text in enumerate(lines):
        c.drawString(72, 700 - 14 * k, text)
    c.save()
    assert pdf_to_text(path).strip() == sentence


def test_daftar_isi_dot_leaders_become_a_tab(tmp_path: Path) -> None:
    path = tmp_path / "toc.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 12)
    c.drawCentredString(297, 760, "DAFTAR ISI")
    c.setFont("Helvetica", 11)
    entries = [("KATA PENGANTAR", "i"), ("BAB I PENDAHULUAN", "1"), ("A. Latar Belakang", "1")]
    for k, (title, page) in enumerate(entries):
        c.drawString(72, 730 - 16 * k, title + " " + "." * (80 - len(title)))
        c.drawRightString(523, 730 - 16 * k, page)
    c.save()
    assert pdf_to_text(path).splitlines() == [
        "DAFTAR ISI",
        "",
        "KATA PENGANTAR\ti",
        "BAB I PENDAHULUAN\t1",
        "A. Latar Belakang\t1",
    ]


def test_a_font_change_inside_a_word_does_not_split_it(tmp_path: Path) -> None:
    path = tmp_path / "fonts.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(72, 760, "Kegiatan")
    width = c.stringWidth("Kegiatan", "Helvetica-Bold", 11)
    c.setFont("Helvetica", 11)
    c.drawString(72 + width, 760, ": 6709.QGE.001 Realisasi 96,93%")
    c.save()
    assert pdf_to_text(path) == "Kegiatan: 6709.QGE.001 Realisasi 96,93%\n"


# --------------------------------------------------------------------------- bad input


def test_scanned_pdf_asks_for_ocr(tmp_path: Path) -> None:
    from PIL import Image

    image = tmp_path / "scan.png"
    Image.new("L", (200, 280), 200).save(image)
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(str(image), 50, 50, 495, 740)
    c.showPage()
    c.rect(60, 60, 300, 300, fill=1)
    c.save()
    with pytest.raises(
        InputFileError,
        match=r"no text layer: the PDF looks scanned; run OCR first \(e\.g\. ocrmypdf\)",
    ):
        audit.open(path)


def test_partly_scanned_pdf_warns_about_the_pages_without_text(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "partly.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawString(72, 760, "BAB I PENDAHULUAN")
    c.showPage()
    c.rect(60, 60, 300, 300, fill=1)
    c.save()
    with caplog.at_level(logging.WARNING, logger="lkj_audit.load.pdf_reader"):
        assert pdf_to_text(path) == "BAB I PENDAHULUAN\n"
    assert "pages [2] have no text layer" in caplog.text


@pytest.mark.parametrize(
    "content",
    [os.urandom(5000), b"%PDF-1.4\n" + os.urandom(3000), b""],
    ids=["random-bytes", "pdf-header-then-garbage", "empty"],
)
def test_corrupt_pdf_is_an_input_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(
        InputFileError, match=r"broken\.pdf: not a readable PDF .*re-save it"
    ) as err:
        pdf_to_text(path)
    assert "\n" not in str(err.value)


def test_truncated_pdf_is_an_input_error(tmp_path: Path, lkj_pdf: Callable[..., Path]) -> None:
    data = lkj_pdf().read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputFileError, match="not a readable PDF"):
        pdf_to_text(path)


def test_password_protected_pdf_says_so(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("rahasia"))
    c.drawString(72, 720, "BAB I PENDAHULUAN")
    c.save()
    with pytest.raises(InputFileError, match="password-protected or encrypted"):
        pdf_to_text(path)


def test_owner_password_only_pdf_is_read(tmp_path: Path) -> None:
    path = tmp_path / "restricted.pdf"
    c = canvas.Canvas(
        str(path), encrypt=pdfencrypt.StandardEncryption("", ownerPassword="o", canCopy=0)
    )
    c.drawString(72, 720, "BAB I PENDAHULUAN")
    c.save()
    assert pdf_to_text(path) == "BAB I PENDAHULUAN\n"


# --------------------------------------------------------------------------- command line


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "lkj-audit"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "lkj_audit.cli"]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_cli_check_pdf_prints_json(lkj_pdf: Callable[..., Path]) -> None:
    result = _cli("check", str(lkj_pdf(errors=True)), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["year"] == 2024
    assert {"ANG001", "ANG004", "PML001"} <= {f["rule"] for f in data["findings"]}


def test_cli_check_corrupt_pdf_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(os.urandom(5000))
    result = _cli("check", str(path), "--format", "json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("lkj-audit: error: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
