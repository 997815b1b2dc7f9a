"""Layouts first met in round 8a of the unseen reports (tests/unseen/test_unseen_round8a.py).

One reading (or one rule's view of it) each, on small reports written for the test.
"""

from __future__ import annotations

from pathlib import Path

from lkj_audit import audit
from lkj_audit.audit import AuditContext
from lkj_audit.model import Finding

COVER = "LAPORAN KINERJA\nSEKRETARIAT KPU KOTA MADIUN\nTAHUN 2024\n\n"


def _open(
    tmp_path: Path, bab3: str, bab2: str = "Renstra 2020-2024.\n", ikhtisar: str = ""
) -> tuple[AuditContext, list[Finding]]:
    path = tmp_path / "lkj_2024_kpu_kota_madiun.txt"
    path.write_text(
        COVER
        + "KATA PENGANTAR\n\nPuji syukur atas tersusunnya laporan ini.\n\n"
        + (f"IKHTISAR EKSEKUTIF\n\n{ikhtisar}\n\n" if ikhtisar else "")
        + "BAB I\nPENDAHULUAN\n\nA. Latar Belakang\n\nKPU Kota Madiun.\n\n"
        + "BAB II\nPERENCANAAN KINERJA\n\nA. Perjanjian Kinerja\n\n"
        + bab2
        + "\n\nBAB III\nAKUNTABILITAS KINERJA\n\nA. Capaian Kinerja\n\n"
        + bab3
        + "\n\nBAB IV\nPENUTUP\n\nDemikian laporan ini.\n",
        encoding="utf-8",
    )
    ctx = audit.open(path)
    return ctx, audit.run_rules(ctx)


# The year's PK revised in July: both agreements printed, Bab III measured against the
# revised one (its targets 70% and 30 Kegiatan).
PK_TWICE = """\
Tabel 2.1 Perjanjian Kinerja Awal Tahun 2024

No\tIndikator Kinerja\tTarget
1\tPersentase partisipasi pemilih pada Pemilihan Wali Kota\t77,5%
2\tJumlah kegiatan sosialisasi dan pendidikan pemilih\t24 Kegiatan
3\tNilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)\t95 Nilai

Tabel 2.2 Perjanjian Kinerja Perubahan Tahun 2024

No\tIndikator Kinerja\tTarget
1\tPersentase partisipasi pemilih pada Pemilihan Wali Kota\t70%
2\tJumlah kegiatan sosialisasi dan pendidikan pemilih\t30 Kegiatan
3\tNilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)\t95 Nilai
"""
CAPAIAN = """\
Tabel 3.1 Pengukuran Kinerja Tahun 2024

No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian (%)
1\tPersentase partisipasi pemilih pada Pemilihan Wali Kota\t70%\t68,12%\t97,31
2\tJumlah kegiatan sosialisasi dan pendidikan pemilih\t30\t28\t93,33
3\tNilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)\t95\t96,21\t101,27
"""


def test_bab3_is_measured_against_the_revised_pk_not_the_one_it_replaced(
    tmp_path: Path,
) -> None:
    _ctx, findings = _open(tmp_path, CAPAIAN, PK_TWICE)
    assert not [f.message for f in findings if f.rule in {"XTB008", "XTB009"}]


def test_a_target_of_the_replaced_pk_in_bab3_is_reported(tmp_path: Path) -> None:
    _ctx, findings = _open(
        tmp_path, CAPAIAN.replace("\t30\t28\t93,33", "\t24\t28\t116,67"), PK_TWICE
    )
    assert [(f.rule, f.expected) for f in findings if f.rule == "XTB009"] == [
        ("XTB009", "30 Kegiatan")
    ]


def test_a_pk_said_to_be_before_the_revision_is_no_revision(tmp_path: Path) -> None:
    bab2 = PK_TWICE.replace("Kinerja Awal Tahun", "Kinerja Tahun 2024 sebelum Perubahan, Tahun")
    _ctx, findings = _open(tmp_path, CAPAIAN, bab2)
    assert not [f.message for f in findings if f.rule == "XTB009"]


def test_a_table_number_before_pns_is_no_count_of_pns(tmp_path: Path) -> None:
    bab2 = (
        "Sekretariat didukung oleh 14 (empat belas) orang PNS.\n\n"
        "Tabel 1.1 PNS Menurut Golongan dan Jenis Kelamin\n\n"
        "Gambar 2 PNS per Jabatan\n\n"
    )
    ctx, _findings = _open(tmp_path, CAPAIAN, bab2)
    assert [(r.jenis, r.count) for r in ctx.rows.pegawai_stated] == [("PNS", 14)]


def test_a_capaian_quoted_as_reached_in_the_ikhtisar_is_a_capaian_figure(tmp_path: Path) -> None:
    ikhtisar = (
        "Dua indikator mencapai target 100%, sedangkan kegiatan sosialisasi mencapai 93,33%.\n\n"
        "Penyerapan anggaran sebesar 98,08%."
    )
    budget = (
        "\n\nB. Realisasi Anggaran\n\nTabel 3.2 Realisasi Anggaran Tahun 2024\n\n"
        "Kode\tKegiatan\tPagu (Rp)\tRealisasi (Rp)\t%\n"
        "3355\tPengelolaan Keuangan dan BMN\t1.000.000.000\t980.800.000\t98,08\n"
        "\tJUMLAH\t1.000.000.000\t980.800.000\t98,08\n"
    )
    _ctx, findings = _open(tmp_path, CAPAIAN + budget, ikhtisar=ikhtisar)
    assert not [f.message for f in findings if f.rule == "CMP010"]
    # a percentage reached that no capaian table prints is no capaian figure
    _ctx, findings = _open(tmp_path, CAPAIAN + budget, ikhtisar=ikhtisar.replace("93,33", "80,16"))
    assert [f.location.column for f in findings if f.rule == "CMP010"] == ["capaian"]


# LibreOffice's own text export of a Word table: a cell a line, row after row, an empty cell
# an empty line, nothing where a row ends.
CELL_LINES = """\
Tabel 3.1 Capaian Kinerja Tahun 2024
No
Indikator Kinerja
Satuan
Target
Realisasi
Capaian (%)
1
Jumlah kegiatan sosialisasi dan pendidikan pemilih
Kegiatan
30
28
93,33
2
Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)
Nilai
95
96,21
101,27
3
Persentase laporan keuangan yang disusun tepat waktu
%
100
100

Tabel 3.2 Realisasi Anggaran Tahun 2024
Kode
Kegiatan
Pagu (Rp)
Realisasi (Rp)
%
3355
Pengelolaan Keuangan dan BMN
1.000.000.000
980.800.000
98,08
3360
Operasional Perkantoran
500.000.000
490.000.000
98,00

JUMLAH
1.500.000.000
1.470.800.000
98,05

Realisasi anggaran Tahun 2024 per kegiatan disajikan pada tabel di atas sebagai bahan evaluasi.
"""


def test_a_table_printed_a_cell_a_line_row_after_row_is_read(tmp_path: Path) -> None:
    ctx, findings = _open(tmp_path, CELL_LINES)
    assert [(r.target, r.realisasi, r.capaian) for r in ctx.rows.capaian] == [
        (30.0, 28.0, 93.33),
        (95.0, 96.21, 101.27),
        (100.0, 100.0, None),  # its capaian cell is empty
    ]
    budget = [(b.uraian, b.pagu, b.realisasi) for b in ctx.rows.anggaran]
    assert budget[-1] == ("JUMLAH", 1_500_000_000, 1_470_800_000)
    assert not [f.message for f in findings if f.rule in {"ANG001", "ANG004", "CAP001", "RDG002"}]


def test_a_misprint_in_a_table_printed_a_cell_a_line_is_found_on_its_row(tmp_path: Path) -> None:
    ctx, findings = _open(tmp_path, CELL_LINES.replace("101,27", "101,72"))
    (cap,) = [f for f in findings if f.rule == "CAP001"]
    assert ctx.doc.lines[cap.location.line - 1] == "2"  # the row's first cell, its No
    _ctx, findings = _open(tmp_path, CELL_LINES.replace("1.470.800.000", "1.407.800.000"))
    assert {"ANG004"} <= {f.rule for f in findings}


def test_a_cell_of_two_lines_leaves_the_table_unread(tmp_path: Path) -> None:
    # The name cell of row 2 holds two paragraphs: every later cell is off by one line.
    shifted = CELL_LINES.replace(
        "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)\n",
        "Nilai Indikator Kinerja\nPelaksanaan Anggaran (IKPA)\n",
    )
    ctx, findings = _open(tmp_path, shifted)
    assert not ctx.rows.capaian
    assert not [f.message for f in findings if f.rule in {"CAP001", "CAP002"}]


def test_a_first_row_of_labels_is_not_taken_for_the_header(tmp_path: Path) -> None:
    staff = (
        "Tabel 1.1 Pegawai Menurut Status\nStatus Pegawai\nLaki-laki\nPerempuan\nJumlah\n"
        "PNS\n8\n6\n14\nPPPK\n1\n2\n3\nJumlah\n9\n8\n17\n\n"
        "Sekretariat didukung oleh 14 (empat belas) orang PNS dan 3 (tiga) orang PPPK.\n"
    )
    ctx, findings = _open(tmp_path, CAPAIAN, staff)
    (table,) = [t for t in ctx.doc.tables if t.kind == "pegawai_jumlah"]
    assert table.header == [["Status Pegawai", "Laki-laki", "Perempuan", "Jumlah"]]
    assert not [f.message for f in findings if f.rule.startswith("PEG")]


# Two years side by side; the % is this year's serapan.
TWO_YEARS = """\
B. Realisasi Anggaran

Tabel 3.3 Perbandingan Realisasi Anggaran Tahun 2023 dan Tahun 2024

Kode\tKegiatan\tPagu 2023\tRealisasi 2023\tPagu 2024\tRealisasi 2024\t%
3355\tKeuangan dan BMN\t1.987.600.000\t1.962.411.300\t2.145.300.000\t2.118.642.150\t98,76
6872\tPemungutan dan Penghitungan Suara\t85.000.000\t82.450.000\t1.934.200.000\t1.902.631.800\t98,37
\tJUMLAH\t2.072.600.000\t2.044.861.300\t4.079.500.000\t4.021.273.950\t98,57
"""


def test_a_budget_of_two_years_is_read_in_this_years_columns(tmp_path: Path) -> None:
    ctx, findings = _open(tmp_path, CAPAIAN + "\n\n" + TWO_YEARS)
    assert [(b.pagu, b.realisasi) for b in ctx.rows.anggaran] == [
        (2_145_300_000, 2_118_642_150),
        (1_934_200_000, 1_902_631_800),
        (4_079_500_000, 4_021_273_950),
    ]
    assert not [f.message for f in findings if f.rule.startswith(("ANG", "RDG"))]
    _ctx, findings = _open(
        tmp_path, CAPAIAN + "\n\n" + TWO_YEARS.replace("4.021.273.950", "4.012.273.950")
    )
    assert "ANG004" in {f.rule for f in findings}


def test_a_total_label_merged_over_two_columns_prints_one_cell_less(tmp_path: Path) -> None:
    # "JUMLAH" merged over Kode and Kegiatan: the export prints it once, four lines in all.
    merged = CELL_LINES.replace("\nJUMLAH\n1.500", "JUMLAH\n1.500")
    assert "98,00\nJUMLAH\n" in merged
    ctx, findings = _open(tmp_path, merged)
    budget = [(b.uraian, b.pagu, b.realisasi) for b in ctx.rows.anggaran]
    assert budget[-1][1:] == (1_500_000_000, 1_470_800_000)
    assert not [f.message for f in findings if f.rule.startswith(("ANG", "RDG"))]


# A header of two levels ("Tahun 2024" merged over Target | Realisasi | Capaian) and the
# sasaran as merged group rows: no cell count holds, the place is recorded unread.
TWO_LEVELS = """\
Tabel 3.1 Pengukuran Kinerja Tahun 2024
No
Indikator Kinerja
Tahun 2024
Realisasi 2023
Target Akhir Renstra


Target
Realisasi
Capaian


Sasaran 1: Meningkatnya partisipasi pemilih
1
Persentase partisipasi pemilih pada Pemilihan Wali Kota
70%
68,12%
97,31%
66,50%
75%
2
Jumlah kegiatan sosialisasi dan pendidikan pemilih
30
28
93,33%
19
30

Analisis Sasaran 1. Partisipasi pemilih pada Pemilihan Wali Kota sebesar 68,12% dari DPT.
"""


def test_a_cell_a_line_table_of_two_header_levels_is_recorded_unread(tmp_path: Path) -> None:
    ctx, findings = _open(tmp_path, TWO_LEVELS)
    assert not ctx.rows.capaian
    (unread,) = [u for u in ctx.doc.unread_tables if u[0] > 20]
    first = ctx.doc.lines.index("Persentase partisipasi pemilih pada Pemilihan Wali Kota") + 1
    assert unread[0] < first and ctx.doc.lines[unread[1] - 1] == "30"
    assert "RDG002" in {f.rule for f in findings}
    assert not [f.message for f in findings if f.rule in {"CMP006", "CMP007", "CAP002"}]


def test_a_name_cell_absorbed_into_the_header_leaves_the_table_unread(tmp_path: Path) -> None:
    # A row wrapped over two lines in the source, then every tab made a line break: taking
    # "Pengelolaan Keuangan" for a fourth header cell lines up, but puts the amounts under
    # "Kegiatan": the header says names, the column holds figures.
    wrapped = (
        "B. Realisasi Anggaran\n\nKegiatan\nPagu Anggaran\nRealisasi\nPengelolaan Keuangan\n"
        "2.873.037.000\n2.807.678.943\ndan Barang Milik Negara\n\n97,73%\n\n"
        "- Kegiatan 3360\n\n"
        "Kegiatan ini dilakukan untuk mendukung jalannya layanan perkantoran dalam rangka "
        "penyelenggaraan tahapan Pemilu dan Pemilihan Tahun 2024 di kabupaten.\n"
    )
    ctx, findings = _open(tmp_path, CAPAIAN + "\n\n" + wrapped)
    assert not ctx.rows.anggaran
    assert not [f.message for f in findings if f.rule.startswith("ANG")]


def test_kegiatan_and_ro_codes_in_one_column_are_a_column_of_codes(tmp_path: Path) -> None:
    coded = (
        "Tabel 3.2 Realisasi Anggaran per Rincian Output Tahun 2024\nKode\nUraian\nPagu (Rp)\n"
        "Realisasi (Rp)\nSerapan (%)\n"
        "3360\nOperasional Perkantoran\n500.000.000\n490.000.000\n98,00\n"
        "3360.EBA.994\nLayanan Perkantoran\n300.000.000\n295.000.000\n98,33\n"
        "3360.EBA.962\nLayanan Umum\n200.000.000\n195.000.000\n97,50\n"
        "\nJUMLAH\n500.000.000\n490.000.000\n98,00\n\n"
        "Realisasi anggaran Tahun 2024 per rincian output disajikan pada tabel di atas.\n"
    )
    ctx, findings = _open(tmp_path, CAPAIAN + "\n\n" + coded)
    assert [b.kode for b in ctx.rows.anggaran][:2] == ["3360", "3360.EBA.994"]
    assert not [f.message for f in findings if f.rule.startswith(("ANG", "RDG"))]
