"""Layouts first met in round 8b of the unseen reports (tests/unseen/test_unseen_round8b.py).

One reading (or one rule's view of it) each, on small reports written for the test.
"""

from __future__ import annotations

from pathlib import Path

from lkj_audit import audit
from lkj_audit.audit import AuditContext
from lkj_audit.load.plain_tables import pandoc_tables_to_tabs, quoted_cells_joined
from lkj_audit.model import Finding

COVER = "LAPORAN KINERJA\nSEKRETARIAT KPU KABUPATEN BANYUMAS\nTAHUN 2023\n\n"


def _open(tmp_path: Path, body: str, *, eol: str = "\n") -> tuple[AuditContext, list[Finding]]:
    path = tmp_path / "lkj_2023_kpu_kab_banyumas.txt"
    text = (
        COVER
        + "BAB I\nPENDAHULUAN\n\nA. Latar Belakang\n\nKPU Kabupaten Banyumas.\n\n"
        + "BAB II\nPERENCANAAN KINERJA\n\nA. Rencana Strategis\n\nRenstra 2020-2024.\n\n"
        + "BAB III\nAKUNTABILITAS KINERJA\n\nA. Capaian Kinerja\n\n"
        + body
        + "\n\nBAB IV\nPENUTUP\n\nDemikian laporan ini.\n"
    )
    path.write_bytes(text.replace("\n", eol).encode("utf-8"))
    ctx = audit.open(path)
    return ctx, audit.run_rules(ctx)


# Word's "Save as Plain Text": a cell of two paragraphs is quoted, the line end inside it.
WORD_QUOTED = """\
Tabel 3.3 Rekapitulasi Daftar Pemilih Berkelanjutan Semester II Tahun 2023
No\tKecamatan\tLaki-laki\tPerempuan\tJumlah
1\tAjibarang\t38.028\t38.727\t76.755
2\t"Purwokerto
Selatan"\t33.188\t33.517\t66.705
3\tSumbang\t30.420\t30.580\t61.000
\tJumlah\t101.636\t102.824\t204.460
"""


def test_a_quoted_cell_of_two_paragraphs_stays_in_its_row(tmp_path: Path) -> None:
    for eol in ("\n", "\r\n"):
        ctx, findings = _open(tmp_path, WORD_QUOTED, eol=eol)
        voters = ctx.tables.pemilih
        assert "Purwokerto Selatan" in set(voters.wilayah), voters.wilayah.tolist()
        assert sorted(voters.lk)[-1] == 101_636
        assert all(r.confidence == "high" for r in ctx.reading)
        assert not [f for f in findings if f.rule.startswith("PML") or f.rule == "RDG001"]


def test_quoted_cells_elsewhere_are_left_as_they_are() -> None:
    prose = 'Ia berkata "kami siap\nbekerja" di depan pegawai.\nNo\tNama\n1\t"Budi"\n'
    assert quoted_cells_joined(prose) == prose
    row = '1\t"Kabupaten\r\nLombok Timur"\t481.630\r\n2\t"Kota Bima"\t55.126'
    assert quoted_cells_joined(row.replace("\r\n", "\n")).split("\n") == [
        "1\tKabupaten Lombok Timur\t481.630",
        '2\t"Kota Bima"\t55.126',
    ]


# pandoc -t plain of a DOCX table whose cells wrap: a multiline table.
PANDOC_MULTILINE = """\
Tabel 3.2 Capaian Indikator Kinerja Tahun 2023

  ---------------------------------------------------------------------------
  No          Indikator       Target      Realisasi   Capaian (%) Kategori
              Kinerja
  ----------- --------------- ----------- ----------- ----------- -----------
  1           Persentase      100%        100%        100,00      Baik
              rekapitulasi
              DPB tepat waktu

  2           Jumlah kegiatan 24 Kegiatan 22 Kegiatan 96,17       Baik
              sosialisasi dan
              pendidikan
              pemilih
  ---------------------------------------------------------------------------
"""


def test_a_pandoc_multiline_table_is_read_row_by_row(tmp_path: Path) -> None:
    ctx, findings = _open(tmp_path, PANDOC_MULTILINE)
    rows = ctx.rows.capaian
    assert [(r.target, r.realisasi, r.capaian) for r in rows] == [
        (100.0, 100.0, 100.0),
        (24.0, 22.0, 96.17),
    ]
    assert "pendidikan pemilih" in rows[1].indikator
    assert [f.rule for f in findings if f.rule in {"CAP001", "RDG002"}] == ["CAP001"]


# A grid table (cells merged down over two indicators), then a simple table of one-line rows.
PANDOC_GRID = """\
Tabel 2.1 Perjanjian Kinerja Tahun 2023

+-----------------+------------------+-----------------+-----------------+
| No              | Sasaran          | Indikator       | Target          |
|                 | Strategis        | Kinerja         |                 |
+=================+==================+=================+=================+
| 1               | Meningkatnya     | Persentase      | 100%            |
|                 | kualitas data    | rekapitulasi    |                 |
|                 | pemilih          | DPB tepat waktu |                 |
|                 |                  +-----------------+-----------------+
|                 |                  | Jumlah laporan  | 12 Laporan      |
|                 |                  | pemutakhiran    |                 |
+-----------------+------------------+-----------------+-----------------+

Tabel 3.1 Skala Penilaian

  Capaian                  Kategori
  ------------------------ ------------------------
  > 100%                   Sangat Baik
  > 75% - 100%             Baik

Sekian.
"""


def test_pandoc_grid_and_simple_tables_become_tab_rows() -> None:
    lines = [line for line in pandoc_tables_to_tabs(PANDOC_GRID).split("\n") if "\t" in line]
    assert lines == [
        "No\tSasaran Strategis\tIndikator Kinerja\tTarget",
        "1\tMeningkatnya kualitas data pemilih\tPersentase rekapitulasi DPB tepat waktu\t100%",
        "\t\tJumlah laporan pemutakhiran\t12 Laporan",
        "Capaian\tKategori",
        "> 100%\tSangat Baik",
        "> 75% - 100%\tBaik",
    ]


def test_a_pandoc_grid_pk_gives_each_indicator_and_target(tmp_path: Path) -> None:
    ctx, _findings = _open(tmp_path, PANDOC_GRID)
    pk = ctx.tables.pk
    assert list(pk.indikator) == [
        "Persentase rekapitulasi DPB tepat waktu",
        "Jumlah laporan pemutakhiran",
    ]


# Word's plain text writes a header cell merged across columns once: "Semester I" over
# L | P | Jumlah is one cell of the first header row, the second row at full width.
WORD_MERGED_ACROSS = """\
Tabel 3.3 Rekapitulasi Daftar Pemilih Berkelanjutan Tahun 2023
No\tKecamatan\tSemester I\tSemester II
\t\tL\tP\tJumlah\tL\tP\tJumlah
1\tAjibarang\t38.028\t38.727\t76.755\t38.100\t38.800\t76.900
2\tSumbang\t30.420\t30.580\t61.000\t30.500\t30.600\t61.100
\tJumlah\t68.448\t69.307\t137.755\t68.600\t69.400\t138.000
"""


def test_a_header_cell_merged_across_spans_the_labels_under_it(tmp_path: Path) -> None:
    ctx, findings = _open(tmp_path, WORD_MERGED_ACROSS)
    got = {
        t: [(r.lk, r.pr, r.jumlah) for r in rows.itertuples()]
        for t, rows in ctx.tables.pemilih.groupby("table")
    }
    assert sorted(got.values()) == [
        [(38_028, 38_727, 76_755), (30_420, 30_580, 61_000), (68_448, 69_307, 137_755)],
        [(38_100, 38_800, 76_900), (30_500, 30_600, 61_100), (68_600, 69_400, 138_000)],
    ]
    assert not [f for f in findings if f.rule.startswith("PML")]
    bad = WORD_MERGED_ACROSS.replace("\t138.000", "\t138.100")
    _ctx, findings = _open(tmp_path, bad)
    assert {f.rule for f in findings if f.rule.startswith("PML")} >= {"PML001"}


def test_a_merged_across_header_is_spread_only_when_certain() -> None:
    from lkj_audit.load.tablehead import spread_group_headers

    trend = [["No", "Indikator", "Realisasi Tahun", "Target Renstra", "Capaian"],
             ["", "", "2021", "2022", "2023", "", ""]]  # fmt: skip
    assert spread_group_headers(trend)[0] == [
        "No", "Indikator", "Realisasi Tahun", "Realisasi Tahun", "Realisasi Tahun",
        "Target Renstra", "Capaian",
    ]  # fmt: skip
    # Three cells over a run of four labels: no even share, the row is left as printed.
    odd = [["No", "A", "B", "C"], ["", "x", "y", "z", "w"]]
    assert spread_group_headers(odd)[0][:4] == ["No", "A", "B", "C"]


WORD_TREND = """\
Tabel 3.2 Perbandingan Realisasi Tahun 2021-2023 dan Target Renstra
No\tIndikator Kinerja Utama\tRealisasi Tahun\tTarget Renstra 2024\tCapaian terhadap Renstra (%)
\t\t2021\t2022\t2023\t\t
1\tJumlah kegiatan sosialisasi dan pendidikan pemilih\t24\t30\t36\t45\t80,00
2\tNilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)\t93,85\t95,12\t96,37\t95\t101,44
"""


def test_a_trend_header_merged_across_gives_each_year_its_column(tmp_path: Path) -> None:
    ctx, findings = _open(tmp_path, WORD_TREND)
    (reading,) = [r for r in ctx.reading if r.name == "capaian"]
    assert reading.columns["realisasi"] == "Realisasi Tahun 2023"
    assert reading.columns["realisasi_prev"] == "Realisasi Tahun 2021"
    assert reading.columns["target_renstra"] == "Target Renstra 2024"
    # No capaian table missing its target: a comparison with earlier years and the Renstra,
    # read with certainty (a doubt would withhold every comparison with the capaian tables).
    assert reading.confidence == "high", reading.reasons
    assert not [f for f in findings if f.rule in {"RDG001", "CAP002", "CMP005"}]


# A grid table whose header cell spans three columns: its first border draws fewer "+".
PANDOC_GRID_SPAN = """\
+-------------+----------------+---------+--------------------------------------+-------------+
| No          | Kabupaten/Kota | DPT     | Pengguna Hak Pilih                   | Partisipasi |
|             |                |         |                                      | (%)         |
|             |                |         +------------+------------+------------+             |
|             |                |         | L          | P          | Jumlah     |             |
+=============+================+=========+============+============+============+=============+
| 1           | Kabupaten      | 104.512 | 42.118     | 42.906     | 85.024     | 81,35       |
|             | Bulungan       |         |            |            |            |             |
+-------------+----------------+---------+------------+------------+------------+-------------+
| Jumlah                       | 104.512 | 42.118     | 42.906     | 85.024     | 81,35       |
+------------------------------+---------+------------+------------+------------+-------------+
"""


def test_a_pandoc_grid_header_spanning_columns_keeps_every_column() -> None:
    lines = [line for line in pandoc_tables_to_tabs(PANDOC_GRID_SPAN).split("\n") if line]
    assert lines == [
        "No\tKabupaten/Kota\tDPT\tPengguna Hak Pilih\t\t\tPartisipasi (%)",
        "\t\t\tL\tP\tJumlah\t",
        "1\tKabupaten Bulungan\t104.512\t42.118\t42.906\t85.024\t81,35",
        "Jumlah\t\t104.512\t42.118\t42.906\t85.024\t81,35",
    ]


# The same DOCX as ``pandoc -t markdown``: "#" headings, "\>" escapes, grid borders with
# ":" alignment marks, a total row whose first cell is empty.
PANDOC_MARKDOWN = """\
# BAB III AKUNTABILITAS KINERJA

## A. Capaian Kinerja

Tabel 3.1 Skala Penilaian

  -----------------------------------------------------------------------
  Capaian                             Kategori
  ----------------------------------- -----------------------------------
  \\> 100%                             Sangat Baik

  \\> 75% - 100%                       Baik

  55% - 75%                           Cukup Baik

  \\< 55%                              Gagal
  -----------------------------------------------------------------------

Tabel 3.3 DPT per Kecamatan

+:-------------+:----------------+:-------------+:-------------+:-------------+
| No           | Kecamatan       | Laki-laki    | Perempuan    | Jumlah       |
+==============+=================+==============+==============+==============+
| 1            | Purwokerto      | 33.188       | 33.517       | 66.705       |
|              | Selatan         |              |              |              |
+--------------+-----------------+--------------+--------------+--------------+
| 2            | Sumbang         | 30.420       | 30.580       | 61.000       |
+--------------+-----------------+--------------+--------------+--------------+
|              | Jumlah          | 63.608       | 64.097       | 127.705      |
+--------------+-----------------+--------------+--------------+--------------+

# BAB IV PENUTUP

Demikian laporan ini.
"""


def test_pandoc_markdown_tables_are_read_like_its_plain_ones(tmp_path: Path) -> None:
    path = tmp_path / "lkj_2023_kpu_kab_banyumas.md"
    path.write_text("# LAPORAN KINERJA KPU KABUPATEN BANYUMAS TAHUN 2023\n\n" + PANDOC_MARKDOWN)
    ctx = audit.open(path)
    findings = audit.run_rules(ctx)
    voters = ctx.tables.pemilih
    assert list(voters.wilayah) == ["Purwokerto Selatan", "Sumbang", "Jumlah"]
    assert list(voters.is_total) == [False, False, True]
    assert not [f for f in findings if f.rule in {"PLA003", "PML001", "PML002", "PLA005"}]
