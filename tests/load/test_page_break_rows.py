"""Rows of a space-aligned table carried over a page break, and rows told apart by a guess.

Seen in Word-made LKj printed with ``pdftotext -layout``: a page can open with a row's name
(no header printed again), or with a single row whose name, formula and polarity stand in
the table's last label columns; a table without a No column can print each name above and
below its figures (vertically centred cells), so which row a wrapped line belongs to is a
guess.
"""

# ruff: noqa: E501 - the layouts are as wide as a printed page
from __future__ import annotations

from pathlib import Path

from lkj_audit import audit
from lkj_audit.load.text_reader import read_text

NAMES_FIRST = """Tabel 3.1 Capaian Kinerja

  Indikator Kinerja                 Target       Realisasi      Capaian

  Persentase partisipasi
  pemilih dalam Pemilu               77,5 %         81,2 %      104,77 %
  Jumlah laporan
  pemutakhiran data                12 Laporan    12 Laporan     100,00 %

- 12 -

  Persentase kecamatan yang
  menyampaikan rekapitulasi           100 %         87,5 %       87,50 %
  Indeks kepuasan
  layanan informasi                    80 %           84 %      105,00 %

Capaian seluruh indikator dibahas berikut ini.
"""

NEW_TABLE_AFTER_BREAK = NAMES_FIRST.replace(
    "  Persentase kecamatan yang\n",
    "  Uraian Kegiatan                    Pagu         Realisasi    Persen\n",
)

CENTRED = """Tabel 3.2 Capaian Kinerja

  Indikator Kinerja                 Target       Realisasi      Capaian

  Persentase partisipasi
  pemilih dalam Pemilu               77,5 %         81,2 %      104,77 %
  pada tahapan
  Jumlah laporan
  pemutakhiran data                12 Laporan    12 Laporan     100,00 %
  pemilih berkelanjutan
  Persentase kecamatan yang
  menyampaikan rekapitulasi           100 %         87,5 %       87,50 %

Capaian seluruh indikator dibahas berikut ini.
"""

LONE_ROW = """Tabel 3.3 Capaian Kinerja

 Sasaran                    Indikator Kinerja             Formula            Polaritas     Target   Realisasi   Capaian

 Tersedianya data           Persentase data pemilih       Realisasi/Target   Positif         90%        95%    105,56%
                            Jumlah laporan pemutakhiran   Realisasi/Target   Positif          12         12    100,00%
 Terwujudnya layanan        Indeks kepuasan layanan       Realisasi/Target   Positif          80         84    105,00%

- 13 -

                              Persentase kecamatan melapor       Realisasi/Target    Positif       100%      87,5%     87,50%

Capaian seluruh indikator dibahas berikut ini.
"""


def _tables(text: str) -> list[list[list[str]]]:
    return [[r.cells for r in t.rows] for t in read_text(text).tables]


def test_a_page_opening_with_a_rows_name_continues_the_table() -> None:
    (rows,) = _tables(NAMES_FIRST)
    names = [cells[0] for cells in rows]
    assert names == [
        "Persentase partisipasi pemilih dalam Pemilu",
        "Jumlah laporan pemutakhiran data",
        "Persentase kecamatan yang menyampaikan rekapitulasi",
        "Indeks kepuasan layanan informasi",
    ]
    assert [cells[3] for cells in rows] == ["104,77 %", "100,00 %", "87,50 %", "105,00 %"]


def test_a_page_opening_with_a_header_of_its_own_starts_another_table() -> None:
    tables = read_text(NEW_TABLE_AFTER_BREAK).tables
    assert len(tables) == 2
    assert tables[1].header[0][0] == "Uraian Kegiatan"


TOP_ALIGNED = """Tabel 3.5 Capaian Kinerja

  Indikator Kinerja                 Target       Realisasi      Capaian

  Persentase partisipasi             77,5 %         81,2 %      104,77 %
  pemilih dalam Pemilu
  Jumlah laporan                   12 Laporan    12 Laporan     100,00 %
  pemutakhiran data

Capaian seluruh indikator dibahas berikut ini.
"""


def test_names_printed_around_or_above_their_figures_make_the_row_bounds_a_guess() -> None:
    """Only cells aligned to the top (figures on a name's first line) divide the rows for
    certain; the rows are then cited at their figures' line, the part that is certain."""
    (centred,) = read_text(CENTRED).tables
    (names_first,) = read_text(NAMES_FIRST).tables
    (top,) = read_text(TOP_ALIGNED).tables
    assert centred.row_bounds_guessed and names_first.row_bounds_guessed
    assert not top.row_bounds_guessed
    assert [r.cited_line for r in centred.rows] == [6, 9, 12]
    assert [r.cited_line for r in top.rows] == [5, 7]


def test_a_lone_row_after_a_page_break_fills_the_last_label_columns() -> None:
    (rows,) = _tables(LONE_ROW)
    assert len(rows) == 4
    last = rows[-1]  # under the sasaran spanning it
    assert last[:4] == [
        "Terwujudnya layanan",
        "Persentase kecamatan melapor",
        "Realisasi/Target",
        "Positif",
    ]
    assert last[4:] == ["100%", "87,5%", "87,50%"]


LONE_WRAPPED_TOTAL = """Tabel 3.9 Realisasi Anggaran

 Kode          Program / Kegiatan               Pagu (Rp)       Realisasi (Rp)         Sisa (Rp)

 WA            Program Dukungan Manajemen     1.414.032.000     1.355.168.182        58.863.818
 3355          Pengelolaan Keuangan dan
               Barang Milik Negara            1.266.455.000     1.212.869.465        53.585.535
 3360          Operasional Perkantoran          147.577.000       142.298.717         5.278.283

- 30 -

               Jumlah Program
               Dukungan Manajemen             1.414.032.000     1.355.168.182        58.863.818

Realisasi anggaran dibahas berikut ini.
"""


def test_a_lone_row_whose_name_wraps_above_its_figures_is_kept_whole() -> None:
    """A total carried over a page break, its name's first line printed above its figures."""
    (rows,) = _tables(LONE_WRAPPED_TOTAL)
    assert len(rows) == 4
    assert rows[-1] == [
        "",
        "Jumlah Program Dukungan Manajemen",
        "1.414.032.000",
        "1.355.168.182",
        "58.863.818",
    ]


def test_a_group_label_is_no_first_line_of_a_lone_rows_name() -> None:
    text = LONE_WRAPPED_TOTAL.replace("Jumlah Program\n", "Sasaran 2: Program\n")
    (rows,) = _tables(text)
    assert not any("Sasaran 2" in " ".join(cells) for cells in rows if cells[2])


QUALIFIED_BETWEEN = """Tabel 3.4 Capaian Kinerja

No\tIndikator Kinerja\tCapaian thd Renstra\tRealisasi s.d. Semester I\tTarget\tRealisasi 2024\tCapaian (%)
1\tLayanan Perkantoran\t50,00 %\t1 Laporan\t1 Laporan\t1 Laporan\t100,00 %
\t(3360.EBA.994)\t\t\t\t\t
"""


def test_a_qualified_figure_column_beside_the_name_is_no_part_of_it(tmp_path: Path) -> None:
    """ "Capaian thd Renstra" or "Realisasi s.d. Semester I" printed between the name and
    this year's figures is a column of figures of its own, whether or not it has a role."""
    report = tmp_path / "lkj_2024.txt"
    report.write_text(QUALIFIED_BETWEEN, encoding="utf-8")
    (row,) = audit.open(report, "656532", 2024).rows.capaian
    assert row.indikator == "Layanan Perkantoran (3360.EBA.994)"
    assert (row.target, row.realisasi, row.capaian) == (1.0, 1.0, 100.0)


TOTAL_FIRST = """Tabel 3.6 Realisasi Anggaran per Program

Program                            Pagu                Realisasi

Jumlah                     54.540.595.000      53.070.174.676
                                                   (97,30 %)
Penyelenggaraan
Pemilu dalam Proses        51.688.332.000      50.357.396.530
Konsolidasi Demokrasi                              (97,43 %)
Dukungan Manajemen          2.852.263.000       2.712.778.146
                                                   (95,11 %)

Realisasi anggaran dibahas berikut ini.
"""


def test_a_total_printed_first_does_not_decide_how_the_names_wrap() -> None:
    """A "Jumlah" row on top prints its figures on its first line; the names under it come
    before their figures all the same, so "Penyelenggaraan" is no row of its own."""
    (table,) = read_text(TOTAL_FIRST).tables
    names = [r.cells[0] for r in table.rows]
    assert names[0] == "Jumlah"
    assert names[1].startswith("Penyelenggaraan Pemilu dalam Proses")
    assert len(table.rows) == 3
    assert table.row_bounds_guessed
