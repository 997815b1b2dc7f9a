"""Tables printed a row per line with single spaces between cells: rebuilt only when certain.

Small hand-written tables of several column sets (issue 7). Each either rebuilds to exactly
the cells a reviewer reads, or stays unread with the reason: no guess becomes a figure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj_audit import audit
from lkj_audit.load.flow_rebuild import Rebuilt
from lkj_audit.load.flow_rows import rebuild_rows
from lkj_audit.load.text_reader import read_text


def _never_furniture(text: str) -> bool:
    return False


def _rebuilt(text: str) -> Rebuilt:
    lines = text.splitlines()
    built = rebuild_rows(lines, 1, len(lines), _never_furniture)
    assert isinstance(built, Rebuilt), built
    return built


def _doubt(text: str) -> str:
    lines = text.splitlines()
    built = rebuild_rows(lines, 1, len(lines), _never_furniture)
    assert isinstance(built, str), [r.cells for r in built.rows]
    return built


CAPAIAN = """No Indikator Kinerja Target Realisasi % Capaian Kategori
Sasaran 1: Meningkatnya partisipasi pemilih
1 Persentase partisipasi pemilih pada
Pemilihan Tahun 2024 77,5% 81,2% 104,77% Sangat Berhasil
2 Jumlah laporan keuangan 4 Lap 3 Lap 75,00% Belum Berhasil
yang disusun tepat waktu
Sasaran 2: Meningkatnya akuntabilitas
3 Nilai SAKIP 70 72,5 103,57% Berhasil"""


def test_a_capaian_table_with_groups_wraps_and_units_is_rebuilt_cell_for_cell() -> None:
    built = _rebuilt(CAPAIAN)
    assert built.header == ["No", "Indikator Kinerja", "Target", "Realisasi", "% Capaian"] + [
        "Kategori"
    ]
    assert [(r.kind, r.cells) for r in built.rows] == [
        ("group", ["", "Sasaran 1: Meningkatnya partisipasi pemilih", "", "", "", ""]),
        (
            "data",
            [
                "1",
                "Persentase partisipasi pemilih pada Pemilihan Tahun 2024",
                "77,5%",
                "81,2%",
                "104,77%",
                "Sangat Berhasil",
            ],
        ),
        (
            "data",
            [
                "2",
                "Jumlah laporan keuangan yang disusun tepat waktu",
                "4 Lap",
                "3 Lap",
                "75,00%",
                "Belum Berhasil",
            ],
        ),
        ("group", ["", "Sasaran 2: Meningkatnya akuntabilitas", "", "", "", ""]),
        ("data", ["3", "Nilai SAKIP", "70", "72,5", "103,57%", "Berhasil"]),
    ]
    assert [r.lines for r in built.rows[1:3]] == [[3, 4], [5, 6]]
    assert any("tercetak menyambung" in n for n in built.notes)


def test_a_satuan_column_takes_the_unit_word_before_the_figures() -> None:
    built = _rebuilt(
        "No Indikator Kinerja Satuan Target Realisasi Capaian (%)\n"
        "1 Laporan keuangan tepat waktu Laporan 4 4 100\n"
        "2 Pemutakhiran data pemilih Dokumen 12 11 91,67"
    )
    assert [r.cells for r in built.rows] == [
        ["1", "Laporan keuangan tepat waktu", "Laporan", "4", "4", "100"],
        ["2", "Pemutakhiran data pemilih", "Dokumen", "12", "11", "91,67"],
    ]


def test_a_budget_with_rp_signs_sisa_and_a_total_row() -> None:
    built = _rebuilt(
        "No Uraian Pagu Realisasi Sisa Anggaran Serapan (%)\n"
        "1 Dukungan Manajemen Rp 1.250.000.000 Rp 1.187.500.000 Rp 62.500.000 95,00\n"
        "2 Penyelenggaraan Pemilu 2024 Rp 980.000.000 Rp 960.400.000 Rp 19.600.000 98,00\n"
        "Jumlah Rp 2.230.000.000 Rp 2.147.900.000 Rp 82.100.000 96,32"
    )
    assert [(r.kind, r.cells) for r in built.rows] == [
        (
            "data",
            ["1", "Dukungan Manajemen", "Rp 1.250.000.000", "Rp 1.187.500.000"]
            + ["Rp 62.500.000", "95,00"],
        ),
        (
            "data",
            ["2", "Penyelenggaraan Pemilu 2024", "Rp 980.000.000", "Rp 960.400.000"]
            + ["Rp 19.600.000", "98,00"],
        ),
        (
            "total",
            ["", "Jumlah", "Rp 2.230.000.000", "Rp 2.147.900.000", "Rp 82.100.000", "96,32"],
        ),
    ]


def test_a_per_kecamatan_table_without_a_no_column_one_row_a_line() -> None:
    built = _rebuilt(
        "Kecamatan Laki-laki Perempuan Jumlah\n"
        "Wates 10.112 10.950 21.062\n"
        "Pengasih Barat 12.950 13.112 26.062\n"
        "Jumlah 23.062 24.062 47.124"
    )
    assert [r.cells for r in built.rows] == [
        ["Wates", "10.112", "10.950", "21.062"],
        ["Pengasih Barat", "12.950", "13.112", "26.062"],
        ["Jumlah", "23.062", "24.062", "47.124"],
    ]
    assert built.rows[-1].is_total


@pytest.mark.parametrize(
    ("table", "why"),
    [
        # a cell missing: the year of the name would become the target
        (
            "No Indikator Kinerja Target Realisasi Capaian\n"
            "1 Tahapan Pemilu 2024 100% 100%\n"
            "2 Nilai SAKIP 70 72,5 103,57%",
            "tahun",
        ),
        # space-grouped amounts: which spaces part cells cannot be told
        (
            "No Uraian Pagu Realisasi %\n"
            "1 Dukungan Manajemen 1 250 000 000 1 187 500 000 95,00\n"
            "2 Penyelenggaraan Pemilu 980 000 000 960 400 000 98,00",
            "melebihi",
        ),
        # Sasaran beside Indikator: no boundary between two text cells
        (
            "No Sasaran Strategis Indikator Kinerja Target\n"
            "1 Meningkatnya partisipasi Persentase partisipasi pemilih 77,5%\n"
            "2 Meningkatnya akuntabilitas Nilai SAKIP 70",
            "dua kolom teks",
        ),
        # no No column and a wrapped name: the line may belong to either row
        (
            "Indikator Kinerja Target Realisasi Capaian\n"
            "Persentase partisipasi pemilih 77,5% 81,2% 104,77%\n"
            "pada Pemilihan\n"
            "Nilai SAKIP 70 72,5 103,57%",
            "batas baris",
        ),
        # a Kategori word that is no scale word: it may be the last figure's unit
        (
            "No Indikator Kinerja Target Realisasi Kategori\n"
            "1 Jumlah laporan 4 Laporan 4 Laporan Selesai\n"
            "2 Nilai SAKIP 70 72,5 Berhasil",
            "kategori",
        ),
        # the Kategori wrapped onto the next line
        (
            "No Indikator Kinerja Target Realisasi Capaian Kategori\n"
            "1 Jumlah laporan 4 4 100% Sangat\n"
            "Berhasil\n"
            "2 Nilai SAKIP 70 72,5 103,57% Berhasil",
            "kategori",
        ),
        # row numbers out of order: rows or lines are mixed up
        (
            "No Kecamatan L P Jumlah\n1 Wates 10.112 10.950 21.062\n3 Sentolo 9.000 9.100 18.100",
            "nomor urut",
        ),
        # a capaian column printing "%" on some cells only: a cell went to the wrong column
        (
            "No Indikator Kinerja Target Realisasi Capaian\n"
            "1 Jumlah laporan 4 4 100%\n"
            "2 Nilai SAKIP 70 72,5 103,57",
            "tanda %",
        ),
        # "Pemilu 2024 …" under a row: a group, or the row's wrapped name?
        (
            "No Indikator Kinerja Target Realisasi Capaian\n"
            "1 Persentase tahapan 100% 100% 100%\n"
            "Pemilu 2024 sesuai jadwal\n"
            "2 Nilai SAKIP 70 72,5 103,57%",
            "kelompok atau lanjutan",
        ),
        # figures of one row on two lines ("(97,52%)" under the amount)
        (
            "No Uraian Pagu Realisasi %\n"
            "1 Dukungan 1.250.000.000 1.187.500.000 95,00\n"
            "2 Pemilu 980.000.000 960.400.000\n"
            "98,00 %",
            "",
        ),
        # an unknown header word: the columns are not known
        ("No Uraian Pagu Realisasi Deviasi\n1 Dukungan 100 90 10\n2 Pemilu 200 190 10", "Deviasi"),
    ],
)
def test_an_ambiguous_run_together_table_stays_unread_with_its_reason(table: str, why: str) -> None:
    assert why in _doubt(table)


REPORT = """LAPORAN KINERJA
KPU KABUPATEN CONTOH
TAHUN 2023

BAB III
AKUNTABILITAS KINERJA

A. Capaian Kinerja Organisasi

Tabel 3.2 Rekapitulasi DPB per Kecamatan
No Kecamatan L P Jumlah
1 Kota Utara 10.112 10.950 21.062
2 Kota Selatan 12.950 13.112 26.062

Kabupaten Contoh 2023 12

No Kecamatan L P Jumlah
3 Kota Barat 9.000 9.100 18.100
Jumlah 32.062 33.162 {total}

Data pemilih berkelanjutan dimutakhirkan setiap bulan bersama Dinas Kependudukan.
"""


def _report(tmp_path: Path, total: str) -> audit.AuditContext:
    path = tmp_path / "lkj_2023_kpu_kab_contoh.txt"
    path.write_text(REPORT.format(total=total), encoding="utf-8")
    return audit.open(path)


def test_a_table_cut_by_a_page_break_is_one_table_and_its_total_is_checked(
    tmp_path: Path,
) -> None:
    ctx = _report(tmp_path, "65.324")  # 32.062 + 33.162 = 65.224
    [table] = [t for t in ctx.doc.tables if t.kind == "pemilih"]
    assert len(table.rows) == 4
    assert (17, "judul kolom diulang setelah pindah halaman") in table.dropped
    line = next(k for k, t in enumerate(ctx.doc.lines, 1) if t.startswith("Jumlah 32.062"))
    found = [f for f in audit.run_rules(ctx) if f.rule in ("PML001", "PML002")]
    assert found and all(f.location.line == line for f in found)
    assert not ctx.doc.unread_tables


def test_the_same_table_printed_consistently_gives_no_finding_from_it(tmp_path: Path) -> None:
    ctx = _report(tmp_path, "65.224")
    findings = audit.run_rules(ctx)
    assert not [f.rule for f in findings if f.rule.startswith(("PML", "RDG"))]


def test_a_numbering_that_restarts_after_the_page_break_leaves_both_parts_unread() -> None:
    text = REPORT.format(total="65.224").replace("3 Kota Barat", "1 Kota Barat")
    doc = read_text(text)
    assert not [t for t in doc.tables if t.kind == "pemilih"]
    assert len(doc.unread_tables) == 2
    assert all("nomor urut" in why for _, _, why in doc.unread_tables)


TWO_CAPAIAN = """LAPORAN KINERJA
KPU KABUPATEN CONTOH
TAHUN 2023

BAB III
AKUNTABILITAS KINERJA

A. Capaian Kinerja Organisasi

Tabel 3.1 Capaian Sasaran 1
No Indikator Kinerja Target Realisasi Capaian
1 Nilai SAKIP 70 72,5 103,57%

Sasaran 1 tercapai karena evaluasi internal dilaksanakan setiap triwulan bersama inspektorat.

Tabel 3.2 Capaian Sasaran 2
No Indikator Kinerja Target Realisasi Capaian
1 Jumlah laporan keuangan 4 4 {capaian}
2 Persentase partisipasi pemilih 77,5% 81,2% 104,77%

Rata-rata capaian kinerja seluruh sasaran sebesar 102,78%.
"""


def test_capaian_tables_are_rebuilt_all_or_none() -> None:
    """A mean capaian is checked against every capaian table: one left unread (its "%"
    printed on some cells only) keeps the other unread too, or the mean would be
    recomputed from part of the tables."""
    doc = read_text(TWO_CAPAIAN.format(capaian="100%"))
    assert len(doc.tables) == 2
    assert not doc.unread_tables
    doc = read_text(TWO_CAPAIAN.format(capaian="100"))
    assert not doc.tables
    whys = [why for _, _, why in doc.unread_tables]
    assert len(whys) == 2 and "tanda %" in whys[1] and "tabel sejenis lain" in whys[0]


def test_the_last_rows_name_wrapped_under_its_figures_is_kept_and_a_sentence_is_not() -> None:
    """The finder ends a table at its last line of figures; a name wrapped below it (the
    table wraps its names so throughout) still belongs to the row, the paragraph does not."""
    lines = (
        "No Indikator Kinerja Target Realisasi Capaian\n"
        "1 Persentase data pemilih 90% 95% 105,56%\n"
        "yang dimutakhirkan\n"
        "2 Persentase kecamatan 100% 87,5% 87,50%\n"
        "yang menyampaikan\n"
        "rekapitulasi daftar pemilih\n"
        "Capaian ini belum memenuhi target karena dua kecamatan terlambat.\n"
    ).splitlines()
    built = rebuild_rows(lines, 1, 4, _never_furniture)
    assert isinstance(built, Rebuilt), built
    assert built.rows[-1].cells[1] == (
        "Persentase kecamatan yang menyampaikan rekapitulasi daftar pemilih"
    )
    assert built.end_line == 6
