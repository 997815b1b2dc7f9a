"""Layouts first met in the hand-written unseen reports (tests/unseen), one reading each."""

from __future__ import annotations

from pathlib import Path

from lkj_audit import audit
from lkj_audit.load.aligned_text import tabulate
from lkj_audit.load.headings import numbered_subsection_match
from lkj_audit.load.mentions.figures import percentages_in
from lkj_audit.load.numbers import parse_volume

COVER = "LAPORAN KINERJA\nKPU KOTA TEGAL\nTAHUN 2024\n\n"

ACCOUNTING = """\
 No    Program / Kegiatan                 Pagu                  Realisasi             %
 I     Program Dukungan Manajemen         Rp 6.243.960.000,00   Rp 6.079.948.615,00   97,37
 1.    3355 Pengelolaan Keuangan          Rp 6.057.560.000,00   Rp 5.899.998.615,00   97,40
 2.    6634 Layanan Data                  Rp   186.400.000,00   Rp   179.950.000,00   96,54
       Total                              Rp 6.243.960.000,00   Rp 6.079.948.615,00   97,37
"""

JUTA = """    Tabel 3.4 Realisasi Anggaran Tahun 2024 (dalam juta rupiah)

 Kode    Program / Kegiatan                         Pagu        Realisasi    Serapan
                                                                             (%)
 WA      Program Dukungan Manajemen
 3355    Pengelolaan Keuangan dan BMN              4.215,40     4.118,73     97,71
 3360    Operasional Perkantoran                   1.502,25     1.455,18     96,87
         Jumlah Program Dukungan Manajemen         5.717,65     5.573,91     97,49
 CQ      Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi
 6709    Perencanaan Program dan Anggaran            415,80       398,27     95,78
 6871    Pemutakhiran Data Pemilih                 1.876,30     1.802,45     96,06
         Jumlah Program Penyelenggaraan Pemilu     2.292,10     2.200,72     96,01
         Jumlah Total                              8.009,75     7.774,63     97,06
"""


def test_a_currency_sign_apart_from_its_amount_is_one_cell() -> None:
    # Word/Excel's accounting format: "Rp" at the left of the cell, the amount at its right.
    out, unread = tabulate(ACCOUNTING.split("\n"))
    assert unread == []
    assert out[3].split("\t")[2:] == ["Rp 186.400.000,00", "Rp 179.950.000,00", "96,54"]


def test_a_group_row_over_the_figure_columns_keeps_the_table_read() -> None:
    lines = JUTA.split("\n")
    out, unread = tabulate(lines)
    assert unread == []
    cq = out[8].split("\t")
    assert cq[0] == "CQ" and cq[1].endswith("Konsolidasi Demokrasi") and not any(cq[2:])
    assert out[9].split("\t")[2:] == ["415,80", "398,27", "95,78"]


def test_a_program_row_under_a_two_line_header_is_a_row_and_its_subtotal_foots(
    tmp_path: Path,
) -> None:
    # "(%)" under "Serapan" is the header's second line; "WA  Program …" is a group row,
    # not a third header line, and "CQ  Program …" one too, not a kegiatan without figures
    # (which would hide the subtotal's footing).
    path = tmp_path / "lkj_2024_kpu_kota_tegal.txt"
    body = JUTA.replace("2.292,10", "2.382,10").replace("8.009,75", "8.099,75")
    path.write_text(
        COVER + "BAB III\nAKUNTABILITAS KINERJA\n\nB. Realisasi Anggaran\n\n" + body,
        encoding="utf-8",
    )
    ctx = audit.open(path)
    rows = {r.line: r for r in ctx.rows.anggaran}
    assert 14 not in rows and 18 not in rows  # group rows: they name the program below
    assert "Dukungan Manajemen" in str(rows[15].program)
    assert "Penyelenggaraan Pemilu" in str(rows[19].program)
    assert rows[19].pagu == 415_800_000 and rows[19].scale == 1_000_000
    lines = {f.location.line for f in audit.run_rules(ctx) if f.rule in {"ANG003", "ANG004"}}
    assert 21 in lines  # "Jumlah Program Penyelenggaraan" 2.382,10 over rows of 2.292,10


def test_a_subsection_numbered_after_its_chapter_is_lettered_by_its_place() -> None:
    assert numbered_subsection_match("3.2 Realisasi Anggaran", "bab3") == (
        "B",
        "3.2 Realisasi Anggaran",
    )
    assert numbered_subsection_match("2.1 Rencana Strategis", "bab3") is None  # a list item
    assert numbered_subsection_match("3.1 Realisasi anggaran tahun ini naik.", "bab3") is None
    assert numbered_subsection_match("3.1 Capaian Kinerja", "ikhtisar") is None


def test_the_last_words_of_a_spanning_sasaran_cell_complete_it(tmp_path: Path) -> None:
    path = tmp_path / "lkj_2025_kpu_kab_temanggung.txt"
    path.write_text(
        COVER + "BAB III\nAKUNTABILITAS KINERJA\n\n"
        " Sasaran Strategis          Indikator Kinerja                  Target   Realisasi   Capaian\n"  # noqa: E501
        " Meningkatnya kualitas      Persentase pemutakhiran DPB        100 %    100 %       100,00\n"  # noqa: E501
        " data pemilih\n"
        " berkelanjutan              Jumlah laporan rekapitulasi DPB    12       11          91,67\n"  # noqa: E501
        " Terwujudnya tata kelola    Nilai IKPA                         95       96,47       101,55\n"  # noqa: E501
        " anggaran\n",
        encoding="utf-8",
    )
    sasaran = [r.sasaran for r in audit.open(path).rows.capaian]
    full = "Meningkatnya kualitas data pemilih berkelanjutan"
    assert sasaran == [full, full, "Terwujudnya tata kelola anggaran"]


def test_a_figure_cell_made_only_of_ocr_confusables_is_the_number() -> None:
    v = parse_volume("lOO")
    assert v is not None and v.number is not None and v.number.value == 100
    assert "ocr_repaired" in v.number.flags
    for word in ("II", "Il", "Lembaga", "IX"):  # roman numerals and words stay as printed
        got = parse_volume(word)
        assert got is not None and (word == "Il" or got.number is None), word


def test_a_percentage_written_as_a_word_is_a_percentage() -> None:
    found = percentages_in("capaian 91,67 persen dan serapan 97,07% serta 5 persentase")
    assert [p.number for p in found] == ["91,67", "97,07"]


def test_an_indented_line_after_a_blank_line_opens_a_new_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "lkj_2025_kpu_kab_temanggung.txt"
    path.write_text(
        COVER + "KATA PENGANTAR\n\n     Puji syukur laporan ini selesai disusun.\n\n"
        "     Tahun 2025 merupakan tahun pertama Renstra.\n   lanjutan kalimat yang sama\n",
        encoding="utf-8",
    )
    paragraphs = [b for b in audit.open(path).doc.blocks if b.kind == "paragraph"]
    assert [b.line for b in paragraphs][-2:] == [7, 9]
    assert paragraphs[-1].text.endswith("lanjutan kalimat yang sama")


SCALE_TABS = (
    "Capaian\tKategori\n> 100%\tSangat Baik\n90% - 100%\tBaik\n75% - < 90%\tCukup\n< 75%\tKurang\n"
)
SCALE_ALIGNED = """   Capaian                  Kategori
   > 100%                   Sangat Baik
   90% - 100%               Baik
   75% - < 90%              Cukup
   < 75%                    Kurang
"""


def test_a_capaian_kategori_table_of_ranges_is_the_scale_one_band_a_row(tmp_path: Path) -> None:
    # Word rows (tab lines) and pdftotext -layout lines of a scale with no No column: every
    # range starts its own band, and no column of indicators makes it a capaian table.
    for body in (SCALE_TABS, SCALE_ALIGNED):
        path = tmp_path / "lkj_2024_kpu_kota_tegal.txt"
        path.write_text(
            COVER + "BAB III\nAKUNTABILITAS KINERJA\n\nTabel 3.1 Kategori Capaian\n" + body,
            encoding="utf-8",
        )
        bands = [(b.lower, b.upper, b.kategori) for b in audit.open(path).rows.skala]
        assert bands == [
            (100.0, float("inf"), "Sangat Baik"),
            (90.0, 100.0, "Baik"),
            (75.0, 90.0, "Cukup"),
            (float("-inf"), 75.0, "Kurang"),
        ], body


def test_a_numbered_list_of_two_columns_stays_prose() -> None:
    lines = ["1.   Perjanjian Kinerja Tahun 2021", "2.   Pernyataan Telah Direviu", "3.   Lain"]
    out, _ = tabulate(lines)
    assert out == lines


SEMESTERS = """    Tabel 3.3 Rekapitulasi DPB per Kecamatan Semester I dan Semester II Tahun 2025

                      Semester I                         Semester II
 No   Kecamatan        L          P          L+P        L          P          L+P
  1   Parakan         14.305     14.059     28.364     14.357     14.242     28.599
  2   Kledung          9.791      9.465     19.256      9.915      9.363     19.287
  3   Bansari         14.991     15.187     30.178     14.870     15.296     30.166
      Jumlah          39.087     38.711     77.798     39.142     38.901     78.052
"""


def test_each_semester_of_a_dpb_table_is_read_and_footed(tmp_path: Path) -> None:
    # Semester I and II side by side, each over its own L | P | L+P: a slip in the second
    # ("19.287" for 9.915 + 9.363 = 19.278) is found, at its row and at the total it went into.
    path = tmp_path / "lkj_2025_kpu_kab_temanggung.txt"
    path.write_text(
        "LAPORAN KINERJA\nKPU KABUPATEN TEMANGGUNG\nTAHUN 2025\n\nBAB III\nAKUNTABILITAS\n\n"
        + SEMESTERS,
        encoding="utf-8",
    )
    ctx = audit.open(path)
    assert {r.table for r in ctx.rows.pemilih} == {"T01", "T01.2"}
    second = [r for r in ctx.rows.pemilih if r.table == "T01.2"]
    assert [r.lk for r in second] == [14357, 9915, 14870, 39142]
    found = {(f.rule, f.location.line) for f in audit.run_rules(ctx) if f.rule.startswith("PML")}
    assert found == {("PML001", 13), ("PML001", 15)}  # the total sums the printed rows


def test_a_currency_column_of_its_own_joins_the_amount_beside_it(tmp_path: Path) -> None:
    # A Word table with a narrow "Rp" column under the amount's merged header.
    rows = [
        ("3360", "Dukungan Operasional Perkantoran", "1.496.900.000", "1.451.081.370", "96,94"),
        ("3360.EBA.994", "Layanan Perkantoran", "1.184.500.000", "1.152.309.870", "97,28"),
        ("3360.EBA.962", "Layanan Umum", "312.400.000", "298.771.500", "95,64"),
    ]
    body = "Kode\tUraian\tPagu\t\tRealisasi\t\t%\n" + "".join(
        f"{k}\t{n}\tRp\t{p},-\tRp\t{r},-\t{q}\n" for k, n, p, r, q in rows
    )
    path = tmp_path / "lkj_2024_kpu_kota_tegal.txt"
    path.write_text(COVER + "BAB III\nAKUNTABILITAS\n\nB. Realisasi Anggaran\n\n" + body)
    budget = audit.open(path).rows.anggaran
    assert [(r.kode, r.pagu, r.realisasi) for r in budget] == [
        ("3360", 1_496_900_000, 1_451_081_370),
        ("3360.EBA.994", 1_184_500_000, 1_152_309_870),
        ("3360.EBA.962", 312_400_000, 298_771_500),
    ]


def test_the_realisasi_to_the_end_of_the_year_is_the_years_realisasi(tmp_path: Path) -> None:
    # "s.d. Semester II" is cumulative to December; "s.d. Semester I" is half a year.
    head = "No\tIndikator Kinerja\tTarget\tRealisasi s.d. Semester I\tRealisasi s.d. Semester II"
    path = tmp_path / "lkj_2024_kpu_kota_tegal.txt"
    path.write_text(
        COVER + "BAB III\nAKUNTABILITAS\n\nA. Capaian Kinerja\n\n"
        f"{head}\tCapaian (%)\n1\tJumlah kegiatan pendidikan pemilih\t16\t6\t15\t37,50\n"
    )
    ctx = audit.open(path)
    (row,) = ctx.rows.capaian
    assert (row.target, row.realisasi) == (16, 15)
    assert any(f.rule == "CAP001" and f.location.line == 11 for f in audit.run_rules(ctx))
    # "Semester II" alone may be the second half only: no realisasi is guessed.
    path.write_text(path.read_text().replace("s.d. Semester", "Semester"))
    assert not [r for r in audit.open(path).rows.capaian if r.realisasi is not None]


def test_a_satker_name_cut_by_a_line_break_is_still_named(tmp_path: Path) -> None:
    path = tmp_path / "lkj_2023_kpu_kab_lombok_timur.txt"
    path.write_text(
        "LAPORAN KINERJA\nKPU KABUPATEN LOMBOK TIMUR\nTAHUN 2023\n\nBAB IV\nPENUTUP\n\n"
        "Laporan Kinerja Sekretariat KPU Kabupaten\nLombok Tengah ini menjadi bahan evaluasi.\n"
    )
    ctx = audit.open(path)
    named = [(r.line, r.mention.satker.nama) for r in ctx.doc.mentions.regions if r.mention.satker]
    assert (8, "KPU Kabupaten Lombok Tengah") in named
    assert any(f.rule == "IDN001" and f.location.line == 8 for f in audit.run_rules(ctx))


ROW_WISE = """Tabel 3.1 Pengukuran Kinerja Tahun 2023
No Indikator Kinerja Target Realisasi Capaian Kategori
1 Persentase pemutakhiran DPB yang
ditetapkan tepat waktu 100% 100% 100% Berhasil
2 Jumlah rekapitulasi DPB 12 Laporan 12 Laporan 100% Berhasil

Analisis Sasaran 1. DPB ditetapkan setiap bulan dan direkapitulasi tepat waktu, sama
dengan Tahun 2022. Target akhir Renstra Tahun 2024 adalah 100%. Kegiatan pendukung adalah
6871 Pemutakhiran Data Pemilih. Rekapitulasi DPB Semester II Tahun 2023:

No Kecamatan L P Jumlah
1 Keruak 29.823 30.769 60.592
2 Jerowaru 30.258 30.983 61.241
Jumlah 60.081 61.752 121.833
"""


def test_a_paragraph_after_a_run_together_table_is_prose_and_the_next_table_is_seen() -> None:
    from lkj_audit.load.flow_tables import find_flow_tables

    found = [(t.line, t.end_line) for t in find_flow_tables(ROW_WISE.split("\n"), [])]
    assert found == [(2, 5), (11, 14)]


def test_a_signatory_whose_name_starts_with_a_letter_and_a_dot_is_no_subsection() -> None:
    from lkj_audit.load.headings import subsection_match

    assert subsection_match("H. LALU MUHAMMAD ZAINI, S.H.") is None
    assert subsection_match("H. Pernyataan Telah Direviu") == ("H", "Pernyataan Telah Direviu")
