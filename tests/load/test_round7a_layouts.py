"""Layouts first met in round 7a of the unseen reports (tests/unseen/test_unseen_round7a.py).

One reading (or one rule's view of it) each, on small reports written for the test.
"""

from __future__ import annotations

from pathlib import Path

from lkj_audit import audit
from lkj_audit.audit import AuditContext
from lkj_audit.load.aligned_text import tabulate
from lkj_audit.load.markdown import is_markdown, markdown_to_text
from lkj_audit.model import Finding

MD_COVER = "## LAPORAN KINERJA\n\n## SEKRETARIAT KPU KABUPATEN POSO\n\n## TAHUN 2023\n\n"


def _open_md(tmp_path: Path, body: str) -> tuple[AuditContext, list[Finding]]:
    path = tmp_path / "lkj_2023_kpu_kab_poso.md"
    path.write_text(
        MD_COVER
        + "<!-- image -->\n\n## BAB I PENDAHULUAN\n\n## A. Latar Belakang\n\n"
        + "KPU Kabupaten Poso.\n\nLKj KPU Kabupaten Poso 2023\n\n3\n\n"
        + "## BAB II PERENCANAAN KINERJA\n\nRenstra KPU 2020-2024.\n\n"
        + "LKj KPU Kabupaten Poso 2023\n\n7\n\n"
        + "## BAB III AKUNTABILITAS KINERJA\n\n## A. Capaian Kinerja Organisasi\n\n"
        + body
        + "\n\n## BAB IV PENUTUP\n\nDemikian laporan ini.\n",
        encoding="utf-8",
    )
    ctx = audit.open(path)
    return ctx, audit.run_rules(ctx)


def test_markdown_headings_comments_and_br_become_the_plain_extraction() -> None:
    md = (
        "## BAB I PENDAHULUAN\n\n<!-- image -->\n\n**Tabel 1** Data\n\n"
        "| No | Uraian | Nilai |\n|----|:------:|------:|\n| 1 | Nilai<br>IKPA | 96,42 |\n"
    )
    assert is_markdown(md)
    lines = [t for t in markdown_to_text(md).splitlines() if t]
    assert lines == [
        "BAB I PENDAHULUAN",
        "Tabel 1 Data",
        "No\tUraian\tNilai",
        "1\tNilai IKPA\t96,42",
    ]


def test_plain_text_with_a_vertical_bar_is_no_markdown() -> None:
    assert not is_markdown("BAB I\nPENDAHULUAN\n\nRealisasi | Target tahun ini.\n")


def test_merged_cells_repeated_by_the_converter_are_written_once() -> None:
    # The second header row printed under the rule repeats the merged "No" and "Indikator";
    # "Tahun 2023" spans three columns; a sasaran spans two rows; "Jumlah" spans two columns.
    md = (
        "| No | Indikator | Tahun 2023 | Tahun 2023 | Tahun 2023 |\n|---|---|---|---|---|\n"
        "| No | Indikator | Target | Realisasi | Capaian |\n"
        "| 1 | Persentase tahapan yang sesuai jadwal | 100% | 100% | 100,00 |\n"
        "| 2 | Persentase tahapan yang sesuai jadwal | 100% | 100% | 100,00 |\n"
        "| Jumlah | Jumlah | 2 | 2 | 100,00 |\n"
    )
    lines = [t.split("\t") for t in markdown_to_text(md).splitlines() if t]
    assert lines[0] == ["No", "Indikator", "Tahun 2023", "", ""]
    assert lines[1] == ["", "", "Target", "Realisasi", "Capaian"]
    # equal figures side by side and down a column stay figures; the phrase is merged down
    assert lines[2] == ["1", "Persentase tahapan yang sesuai jadwal", "100%", "100%", "100,00"]
    assert lines[3] == ["2", "", "100%", "100%", "100,00"]
    assert lines[4] == ["Jumlah", "", "2", "2", "100,00"]


def test_a_pipe_table_cut_by_a_page_break_is_read_as_one_table(tmp_path: Path) -> None:
    # The converter makes the continuation's first data row its header (over the rule).
    rule = "|---|---|---|---|---|---|---|\n"
    head = "| No | Kecamatan | Jumlah Desa | TPS | Laki-laki | Perempuan | Jumlah |\n" + rule
    first = "".join(f"| {k} | Kec {k} | 9 | 40 | 6.000 | 5.900 | 11.900 |\n" for k in range(1, 6))
    second = "| 6 | Kec 6 | 9 | 40 | 6.000 | 5.900 | 11.900 |\n" + rule
    second += "| 7 | Kec 7 | 9 | 40 | 6.000 | 5.900 | 11.990 |\n"
    second += "| Jumlah | Jumlah | 63 | 280 | 42.000 | 41.300 | 83.300 |\n"
    footer = "LKj KPU Kabupaten Poso 2023\n\n12\n\n"
    body = f"Tabel 3.3 DPT per Kecamatan\n\n{head}{first}\n{footer}{second}"
    ctx, findings = _open_md(tmp_path, body)
    voters = [t for t in ctx.doc.tables if t.kind == "pemilih"]
    assert len(voters) == 1 and len(voters[0].rows) == 8
    # "Jumlah Desa" counts places: the voters' total is the last "Jumlah" column
    assert {(f.rule, ctx.doc.lines[f.location.line - 1].split("\t")[1]) for f in findings
            if f.rule.startswith("PML")} == {("PML001", "Kec 7"), ("PML002", "")}  # fmt: skip


def test_a_staff_count_total_merged_across_no_and_label_is_the_total_row(tmp_path: Path) -> None:
    body = (
        "Sekretariat didukung oleh 9 (sembilan) orang PNS.\n\n"
        "Tabel 1.1 Jumlah PNS menurut Golongan\n\n"
        "| No | Golongan | Laki-laki | Perempuan | Jumlah |\n|---|---|---|---|---|\n"
        "| 1 | Golongan IV | 1 | 0 | 1 |\n| 2 | Golongan III | 4 | 2 | 6 |\n"
        "| 3 | Golongan II | 1 | 0 | 1 |\n| Jumlah | Jumlah | 6 | 2 | 8 |\n"
    )
    ctx, findings = _open_md(tmp_path, body)
    assert [t.kind for t in ctx.doc.tables] == ["pegawai_jumlah"]
    assert [f.rule for f in findings if f.rule.startswith("PEG")] == ["PEG003"]


def _layout_report(tmp_path: Path, body: str) -> tuple[AuditContext, list[Finding]]:
    """A ``pdftotext -layout`` report (pages cut by form feeds) around ``body``."""
    path = tmp_path / "lkj_2024_kpu_kab_poso.txt"
    path.write_text(
        "                    LAPORAN KINERJA\n           SEKRETARIAT KPU KABUPATEN POSO\n"
        "                      TAHUN 2024\n\f                        BAB I\n"
        "                     PENDAHULUAN\nA. Latar Belakang\nKPU Kabupaten Poso.\n"
        + body
        + "\n\f                        BAB IV\n                       PENUTUP\n"
        "Demikian laporan ini disusun.\nLangkah ke depan adalah perbaikan.\n",
        encoding="utf-8",
    )
    ctx = audit.open(path)
    return ctx, audit.run_rules(ctx)


def test_a_table_ending_its_page_does_not_swallow_the_next_chapter(tmp_path: Path) -> None:
    # A browser's print: the PK table is the last thing on its page, the next page opens
    # with the chapter heading centred (indented like a wrapped cell).
    body = (
        "\f                        BAB II\n               PERENCANAAN KINERJA\n"
        "B. Perjanjian Kinerja\n"
        "No    Sasaran Strategis            Indikator Kinerja                 Target\n"
        "1     Meningkatnya akuntabilitas   Nilai IKPA                            95\n"
        "      kinerja                      Persentase laporan tepat waktu      100%\n"
        "\f                       BAB III\n                AKUNTABILITAS KINERJA\n\n"
        "A. Capaian Kinerja Organisasi\n"
        "No    Indikator Kinerja                 Target    Realisasi    Capaian (%)\n"
        "1     Nilai IKPA                            95        96,12         101,18\n"
        "2     Persentase laporan tepat waktu      100%         100%         100,00\n"
    )
    ctx, findings = _layout_report(tmp_path, body)
    assert [s.title for s in ctx.doc.sections if s.level == 1][1:3] == [
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
    ]
    assert not [f for f in findings if f.rule == "STR001" and "BAB III" in f.message]


def test_a_sentence_opening_the_next_page_is_no_row_of_the_table_above(tmp_path: Path) -> None:
    body = (
        "\f                       BAB III\n                AKUNTABILITAS KINERJA\n"
        "B. Realisasi Anggaran\n"
        "Kode    Program/Kegiatan               Pagu          Realisasi    Serapan (%)\n"
        "6709    Perencanaan Program      2 150 000 000    2 087 915 500       97,11\n"
        "6872    Pemungutan dan          15 430 000 000   15 012 876 300       97,30\n"
        "        Penghitungan Suara\n"
        "        Jumlah                  17 580 000 000   17 100 791 800       97,27\n"
        "\fRealisasi kegiatan 6872 lebih rendah karena efisiensi pengadaan logistik\n"
        "Pemilihan.\n"
    )
    ctx, findings = _layout_report(tmp_path, body)
    budget = next(t for t in ctx.doc.tables if t.kind == "anggaran")
    assert [r.cells[1] for r in budget.rows] == [
        "Perencanaan Program",
        "Pemungutan dan Penghitungan Suara",
        "Jumlah",
    ]
    assert not [f for f in findings if f.rule == "ANG006"]


def test_a_table_whose_columns_move_on_its_second_page_is_read_page_by_page() -> None:
    # Chromium repeats the <thead> on the next page; pdftotext prints that page's columns a
    # few characters away from the first page's (the lines as it printed them).
    lines = [
        " No        Kabupaten/Kota     Kec.    TPS      Laki-laki     Perempuan      Jumlah",
        "1     Kabupaten Pacitan         12      841       220.040       220.580       440.620",
        "2     Kabupaten Ponorogo        21     1.330      347.294       350.666       697.960",
        "3     Kabupaten Trenggalek      14     1.104      286.516       286.387       572.903",
        "\fNo       Kabupaten/Kota        Kec.      TPS      Laki-laki     Perempuan        Jumlah",
        "36   Kota Madiun                  3         305   "
        "    76.111           75.327      151.438",
        "37   Kota Surabaya               31      4.103    "
        " 1.080.681       1.091.387      2.172.068",
        "38   Kota Batu                    3         314   "
        "    82.081           84.237      166.318",
    ]  # fmt: skip
    out, unread = tabulate(lines)
    assert unread == []
    assert out[1].split("\t")[-3:] == ["220.040", "220.580", "440.620"]
    assert out[5].split("\t")[-3:] == ["76.111", "75.327", "151.438"]


def test_two_figures_a_single_space_apart_are_cut_at_the_river() -> None:
    # An OCR layer: "6 Laporan 6 Laporan" fills Target and Realisasi with one space between;
    # the other rows show where the river runs.
    lines = [
        "  No  Indikator Kinerja                    Target    Realisasi  Capaian (%)",
        "  1   Persentase partisipasi pemilih       77,5%     73,08%      94,30",
        "  2   Jumlah laporan keuangan dan BMN      6 Laporan 6 Laporan  100,00",
        "  3   Nilai IKPA                            90        88,56      98,40",
    ]
    out, unread = tabulate(lines)
    assert unread == []
    assert out[2].split("\t")[2:] == ["6 Laporan", "6 Laporan", "100,00"]
    assert out[1].split("\t")[2:] == ["77,5%", "73,08%", "94,30"]


def test_a_name_ending_on_a_connective_goes_on_under_it(tmp_path: Path) -> None:
    # "… pemilih pada" / "Pemilihan Bupati dan Wakil Bupati": the second line is no group row
    # (an election's name), it ends the indicator's name.
    body = (
        "\f                       BAB III\n                AKUNTABILITAS KINERJA\n"
        "A. Capaian Kinerja Organisasi\n"
        "  No  Indikator Kinerja                    Target    Realisasi  Capaian (%)\n"
        "  1   Persentase partisipasi pemilih pada  77,5%     73,08%      94,30\n"
        "      Pemilihan Bupati dan Wakil Bupati\n"
        "  2   Nilai IKPA                            90        88,56      98,40\n"
    )
    ctx, _findings = _layout_report(tmp_path, body)
    table = next(t for t in ctx.doc.tables if t.kind == "capaian")
    assert [r.kind for r in table.rows] == ["data", "data"]
    assert table.rows[0].cells[1].endswith("pada Pemilihan Bupati dan Wakil Bupati")


def test_a_signature_year_misread_by_ocr_is_still_a_date() -> None:
    from lkj_audit.load.mentions.dates import signature_line

    signed = signature_line(5, "       Purbalingga, 25 Januari 2O21")
    assert signed is not None and (signed.when.year, signed.raw) == (2021, "25 Januari 2O21")
    assert signature_line(5, "Purbalingga, 25 Januari 2OX1") is None


def test_one_table_of_the_pk_indicators_serves_every_sasaran_block(tmp_path: Path) -> None:
    # No Sasaran column in the capaian table; the PK sets its indicators under sasaran 1, 1, 2.
    body = (
        "\f                        BAB II\n               PERENCANAAN KINERJA\n"
        "B. Perjanjian Kinerja\n"
        "No    Sasaran Strategis            Indikator Kinerja                 Target\n"
        "1     Meningkatnya kualitas        Persentase tahapan sesuai jadwal   100%\n"
        "      penyelenggaraan              Persentase DPT ditetapkan tepat    100%\n"
        "2     Meningkatnya akuntabilitas   Nilai IKPA                            95\n\n"
        "\f                       BAB III\n                AKUNTABILITAS KINERJA\n\n"
        "A. Capaian Kinerja Organisasi\n"
        "No    Indikator Kinerja                 Target    Realisasi    Capaian (%)\n"
        "1     Persentase tahapan sesuai jadwal    100%         100%         100,00\n"
        "2     Persentase DPT ditetapkan tepat     100%         100%         100,00\n"
        "3     Nilai IKPA                            95        96,12         101,18\n\n"
        "  Sasaran 1. Meningkatnya kualitas penyelenggaraan\n\n"
        "  Seluruh tahapan terlaksana sesuai jadwal dan DPT ditetapkan tepat waktu.\n\n"
        "  Sasaran 2. Meningkatnya akuntabilitas\n\n"
        "  Nilai IKPA melampaui target.\n"
    )
    ctx, findings = _layout_report(tmp_path, body)
    assert [s.number for s in ctx.doc.sections if s.level == 3] == [1, 2]
    assert [f.message for f in findings if f.rule == "CMP006"] == []


def test_a_browser_print_header_and_footer_are_page_furniture() -> None:
    from lkj_audit.load.rawtables import is_page_furniture

    assert is_page_furniture("12/6/26, 10:10 PM LKj KPU Provinsi Jawa Timur 2024")
    assert is_page_furniture("06/12/2026 22.10 Laporan Kinerja")
    assert is_page_furniture("file:///home/user/lkj_2024.html 3/11")
    assert is_page_furniture("https://jdih.kpu.go.id/lkj/2024 12/40")
    assert not is_page_furniture("12/6/26 adalah tanggal penetapan DPT")
    assert not is_page_furniture("Lihat https://kpu.go.id untuk rinciannya.")


def test_one_justified_line_of_a_paragraph_is_no_unread_table() -> None:
    # A browser justifies the text: one line of few long words gets wide gaps.
    lines = [
        "    Puji syukur ke hadirat Allah SWT atas tersusunnya Laporan Kinerja Sekretariat",
        "    Komisi Pemilihan Umum Provinsi Jawa Timur Tahun 2024. Laporan ini disusun",
        "    sebagai    pertanggungjawaban    atas   Perjanjian  Kinerja  Tahun   2024,",
        "    penyelenggaraan Pemilu Serentak 14 Februari 2024 dan Pemilihan Gubernur",
        "    November 2024.",
    ]
    width = len(lines[0])
    lines[2] = lines[2].replace("2024,", "2024,".rjust(5 + width - len(lines[2])))
    assert len(lines[2]) == width
    out, unread = tabulate(lines)
    assert (out, unread) == (lines, [])


def test_a_ruled_table_read_by_ocr_as_bars_is_read_as_cells(tmp_path: Path) -> None:
    # An OCR layer of a ruled table prints its lines as "|"; the total's "Jumlah" spans No
    # and Kecamatan, so its row has one cell fewer: its figures stay in the last columns.
    body = (
        "\f                       BAB III\n                AKUNTABILITAS KINERJA\n"
        "A. Capaian Kinerja Organisasi\nTabel 3.2 Rekapitulasi DPT per Kecamatan\n\n"
        "  | No | Kecamatan | TPS | Laki-laki | Perempuan | Jumlah |\n"
        "  | 1 | Kemangkon | 117 | 17.850 | 17.587 | 35.437 |\n"
        "  | 2 | Kejobong | 17O | 27.720 | 26.733 | 54.003 |\n"
        "  | 3 | Rembang | 192 | 30.758 | 29.933 | 60.691 |\n"
        "  | Jumlah | 479 | 75.878 | 74.253 | 150.131 |\n"
    )
    ctx, findings = _layout_report(tmp_path, body)
    voters = next(t for t in ctx.doc.tables if t.kind == "pemilih")
    assert voters.rows[-1].cells[-4:] == ["479", "75.878", "74.253", "150.131"]
    pml = sorted((f.rule, f.location.line) for f in findings if f.rule.startswith("PML"))
    kejobong = next(k for k, t in enumerate(ctx.doc.lines, 1) if "Kejobong" in t)
    total = next(k for k, t in enumerate(ctx.doc.lines, 1) if "150.131" in t)
    assert pml == [("PML001", kejobong), ("PML002", total)]
