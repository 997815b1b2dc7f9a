"""Layouts first met in round 7b of the unseen reports (tests/unseen/test_unseen_round7b.py).

One reading (or one rule's view of it) each, on small reports written for the test.
"""

from __future__ import annotations

from pathlib import Path

from lkj_audit import audit
from lkj_audit.audit import AuditContext
from lkj_audit.model import Finding

COVER = "LAPORAN KINERJA\nSEKRETARIAT KPU KOTA PEMATANGSIANTAR\nTAHUN 2024\n\n"


def _open(tmp_path: Path, body: str) -> tuple[AuditContext, list[Finding]]:
    path = tmp_path / "lkj_2024_kpu_kota_pematangsiantar.txt"
    path.write_text(
        COVER
        + "BAB I\nPENDAHULUAN\n\nA. Latar Belakang\n\nKPU Kota Pematangsiantar.\n\n"
        + "BAB II\nPERENCANAAN KINERJA\n\nA. Rencana Strategis\n\nRenstra 2020-2024.\n\n"
        + "BAB III\nAKUNTABILITAS KINERJA\n\nA. Capaian Kinerja\n\n"
        + body
        + "\n\nBAB IV\nPENUTUP\n\nDemikian laporan ini.\n",
        encoding="utf-8",
    )
    ctx = audit.open(path)
    return ctx, audit.run_rules(ctx)


# A Word table whose No and Sasaran cells are merged down over their indicators: the DOCX
# reader prints the span's other rows with those cells empty.
MERGED_SASARAN = """\
Tabel 3.1 Capaian Kinerja Tahun 2024

No\tSasaran Strategis\tIndikator Kinerja\tSatuan\tTarget 2024\tRealisasi 2024\tCapaian (%)
1\tMeningkatnya partisipasi pemilih\tPersentase partisipasi pemilih Pemilu\t%\t77,5\t78,42\t101,19
\t\tPersentase partisipasi pemilih Pemilihan\t%\t77,5\t62,12\t80,15
2\tTerselenggaranya Pemilu sesuai jadwal\tPersentase tahapan sesuai jadwal\t%\t100\t100\t100,00
\t\tJumlah kegiatan sosialisasi pemilih\tKegiatan\t24\t22\t91,67
"""


def test_indicators_under_a_vertically_merged_sasaran_are_rows_of_their_own(
    tmp_path: Path,
) -> None:
    ctx, findings = _open(tmp_path, MERGED_SASARAN)
    rows = ctx.rows.capaian
    assert [(r.target, r.realisasi, r.capaian) for r in rows] == [
        (77.5, 78.42, 101.19),
        (77.5, 62.12, 80.15),
        (100.0, 100.0, 100.0),
        (24.0, 22.0, 91.67),
    ]
    assert not [f for f in findings if f.rule in {"CAP001", "CAP002"}]


def test_a_misprinted_capaian_under_a_merged_sasaran_is_found(tmp_path: Path) -> None:
    _ctx, findings = _open(tmp_path, MERGED_SASARAN.replace("\t91,67", "\t96,17"))
    assert [(f.rule, f.stated) for f in findings if f.rule == "CAP001"] == [("CAP001", "96,17")]


# pdftotext breaks the header words of narrow columns over two lines ("Realisas" / "i 2024").
BROKEN_HEADER = """\
Tabel 3.1 Capaian Kinerja Tahun 2024

No\tIndikator Kinerja\tSatuan\tRealisas\tTarge\tRealisas\tCapaian
\t\t\ti 2023\tt 2024\ti 2024\t2024 (%)
1\tPersentase tahapan sesuai jadwal\t%\t100\t100\t100\t100,00
2\tJumlah kegiatan sosialisasi pemilih\tKegiatan\t18\t24\t22\t91,67
"""


def test_a_capaian_table_whose_header_words_are_broken_is_read(tmp_path: Path) -> None:
    ctx, findings = _open(tmp_path, BROKEN_HEADER)
    assert [(r.target, r.realisasi) for r in ctx.rows.capaian] == [(100.0, 100.0), (24.0, 22.0)]
    assert not [f for f in findings if f.rule in {"CMP007", "CAP002"}]


def _voters(tmp_path: Path, table: str) -> tuple[AuditContext, list[Finding]]:
    path = tmp_path / "lkj_2023_kpu_kab_tanah_laut.txt"
    path.write_text(
        "LAPORAN KINERJA\nSEKRETARIAT KPU KABUPATEN TANAH LAUT\nTAHUN 2023\n\n"
        "BAB III\nAKUNTABILITAS KINERJA\n\n"
        "Rekapitulasi DPT Pemilu Tahun 2024 per daerah pemilihan:\n\n" + table,
        encoding="utf-8",
    )
    ctx = audit.open(path)
    return ctx, audit.run_rules(ctx)


# Kecamatan grouped by dapil: "Jumlah Dapil N" subtotal rows without a No between them, a
# grand total named after the kabupaten.
BY_DAPIL = """\
  No   Dapil / Kecamatan          Desa     TPS       Laki-laki    Perempuan       Jumlah
  1    Pelaihari                    20     203          24.180       24.143       48.323
  2    Bajuin                        9      67           7.971        8.079       16.050
       Jumlah Dapil 1               29     270          32.151       32.222       64.373
  3    Takisung                     12     115          13.813       13.552       27.365
  4    Panyipatan                   10      49           6.114        5.590       11.704
       Jumlah Dapil 2               22     164          19.927       19.142       39.069
       JUMLAH KABUPATEN             51     434          52.078       51.364      103.442
"""


def test_dapil_subtotals_and_a_named_grand_total_are_rows_of_their_own(tmp_path: Path) -> None:
    ctx, findings = _voters(tmp_path, BY_DAPIL)
    rows = ctx.rows.pemilih
    assert [(r.wilayah, r.is_total, r.is_subtotal) for r in rows if r.is_total] == [
        ("Jumlah Dapil 1", True, True),
        ("Jumlah Dapil 2", True, True),
        ("JUMLAH KABUPATEN", True, False),
    ]
    assert len([r for r in rows if not r.is_total]) == 4
    assert not [f for f in findings if f.rule.startswith(("PML", "RDG"))]


def test_a_subtotal_that_does_not_add_up_is_found_on_its_row(tmp_path: Path) -> None:
    _ctx, findings = _voters(tmp_path, BY_DAPIL.replace("39.069", "39.096"))
    assert {(f.rule, f.stated) for f in findings if f.rule in {"PML001", "PML002"}} == {
        ("PML001", "39.096"),
        ("PML002", "39.096"),
    }


def test_an_indicator_named_jumlah_kecamatan_is_no_subtotal() -> None:
    from lkj_audit.load.rawtables import is_subtotal_label, is_total_label

    assert not is_total_label(["3", "Jumlah kecamatan yang menetapkan DPT", "11", "11"])
    assert is_subtotal_label(["", "Jumlah Kecamatan Sukorejo", "19.271", "19.392"])
    assert not is_subtotal_label(["", "JUMLAH KOTA BLITAR", "56.328", "56.626"])
    assert is_total_label(["", "JUMLAH KOTA BLITAR", "56.328", "56.626"])


# "Jumlah" over "Desa" in a two-line header: a count of places, not the voters' Jumlah.
PLACES_HEADER = """\
 No   Kecamatan           Jumlah      TPS     Laki-laki     Perempuan        L + P
                          Desa
 1    Panggang              6      138       16.911       17.497       34.408
 2    Tepus                 5      153       19.123       19.017       38.410
      Jumlah               11      291       36.034       36.514       72.548
"""


def test_jumlah_over_desa_is_no_jumlah_column(tmp_path: Path) -> None:
    ctx, findings = _voters(tmp_path, PLACES_HEADER)
    assert [r.jumlah for r in ctx.rows.pemilih] == [34408.0, 38410.0, 72548.0]
    assert [(f.rule, f.stated) for f in findings if f.rule == "PML001"] == [("PML001", "38.410")]


# A running title with its page number printed inside a table cut by a page break, right
# under a subtotal row, as on every page of the report.
TITLE = "Laporan Kinerja KPU Kabupaten Tanah Laut Tahun 2023                          {}"
TITLED_BREAK = f"""\
{TITLE.format(5)}

{TITLE.format(6)}

 No    Kecamatan / Kelurahan          Laki-laki      Perempuan       Jumlah
 1     Sukorejo                           2.763          2.721        5.484
 2     Pakunden                           2.908          2.994        5.902
       Jumlah Kecamatan Sukorejo          5.671          5.715       11.386
{TITLE.format(7)}

 No    Kecamatan / Kelurahan          Laki-laki      Perempuan       Jumlah
 3     Sananwetan                         3.384          3.453        6.837
 4     Klampok                            2.226          2.293        4.519
       Jumlah Kecamatan Sananwetan        5.610          5.746       11.356
       JUMLAH KABUPATEN                  11.281         11.461       22.742

{TITLE.format(8)}
"""


def test_a_running_title_inside_a_table_is_no_wrapped_line(tmp_path: Path) -> None:
    ctx, findings = _voters(tmp_path, TITLED_BREAK)
    assert not [r for r in ctx.rows.pemilih if r.doubt]
    assert not [f for f in findings if f.rule.startswith(("PML", "RDG"))]
    _ctx, findings = _voters(tmp_path, TITLED_BREAK.replace("11.281", "11.821"))
    assert {f.rule for f in findings if f.rule.startswith("PML")} == {"PML001", "PML002"}


# A budget table by RO code: program and kegiatan header lines without amounts, a "Sub
# Jumlah" after each kegiatan, a correction printed "(1.234.000)" with "-" for its pagu.
RO_BUDGET = """\
Realisasi anggaran per rincian output Tahun 2024:

Kode           Uraian                                       Pagu (Rp)      Realisasi (Rp)        %
076.01.WA      Program Dukungan Manajemen
3360           Operasional Perkantoran
3360.EBA.994   Layanan Perkantoran                      1.046.300.000       1.012.455.700    96,77
               Koreksi pengembalian belanja                         -         (1.234.000)
3360.EBA.962   Layanan Umum                               412.300.000         398.107.000    96,56
               Sub Jumlah                               1.458.600.000       1.409.328.700    96,62
076.01.CQ      Program Penyelenggaraan Pemilu
6871           Pemutakhiran Data Pemilih
6871.QGE.002   Pencocokan dan Penelitian                1.512.000.000       1.478.336.500    97,77
6871.QGE.003   Rekapitulasi dan Penetapan DPT             642.800.000         630.118.000    98,03
               Sub Jumlah                               2.154.800.000       2.108.454.500    97,85
               JUMLAH                                   3.613.400.000       3.517.783.200    97,35
"""


def test_a_budget_by_ro_code_with_headers_and_a_correction_is_read(tmp_path: Path) -> None:
    ctx, findings = _open(tmp_path, RO_BUDGET)
    rows = ctx.rows.anggaran
    assert [(r.level, r.kode) for r in rows if r.level != "total"] == [
        ("program", "WA"),
        ("kegiatan", "3360"),
        ("ro", "3360.EBA.994"),
        ("ro", None),  # the correction, added up with the ROs
        ("ro", "3360.EBA.962"),
        ("program", "CQ"),
        ("kegiatan", "6871"),
        ("ro", "6871.QGE.002"),
        ("ro", "6871.QGE.003"),
    ]
    assert not [r for r in rows if r.doubt]
    assert not [f for f in findings if f.rule.startswith(("ANG", "RDG"))]


def test_a_sub_jumlah_that_does_not_add_up_its_ros_is_found(tmp_path: Path) -> None:
    _ctx, findings = _open(tmp_path, RO_BUDGET.replace("2.154.800.000", "2.145.800.000"))
    stated = {(f.rule, f.stated) for f in findings if f.rule.startswith("ANG")}
    assert ("ANG004", "2.145.800.000") in stated
    _ctx, findings = _open(tmp_path, RO_BUDGET.replace("1.409.328.700", "1.410.562.700"))
    assert ("ANG004", "1.410.562.700") in {(f.rule, f.stated) for f in findings}


PEMILIHAN = """\
Tabel 3.3 Partisipasi Pemilih Pemilihan Wali Kota Tahun 2024 per Kecamatan

No\tKecamatan\tDPT\tPengguna Hak Pilih\tPartisipasi (%)
1\tSiantar Marihat\t32.876\t20.738\t63,08
2\tSiantar Marimbun\t23.975\t15.807\t65,93
Jumlah\t\t56.851\t36.545\t64,28
"""


def test_a_participation_quoted_in_the_penutup_is_a_table_figure(tmp_path: Path) -> None:
    """NAR001: "partisipasi … sebesar 64,28%" names no capaian: the printed total rate of the
    participation table is a table figure (no info that it is found nowhere)."""
    _open(tmp_path, PEMILIHAN)
    path = tmp_path / "lkj_2024_kpu_kota_pematangsiantar.txt"
    body = path.read_text(encoding="utf-8").replace(
        "Demikian laporan ini.", "Partisipasi pada Pemilihan Wali Kota sebesar {}%."
    )
    for quoted, flagged in (("64,28", False), ("64,82", True)):
        path.write_text(body.format(quoted), encoding="utf-8")
        ctx = audit.open(path)
        nar = [f for f in audit.run_rules(ctx) if f.rule == "NAR001"]
        assert bool(nar) is flagged, quoted


def test_the_first_line_of_a_sasaran_analysis_is_no_sasaran_heading() -> None:
    """pdftotext keeps "Sasaran 1. Partisipasi … sebesar 78,42% dari 222.437" as a line of its
    own: its figures or second sentence make it a paragraph, not a "Sasaran N" heading."""
    from lkj_audit.load.headings import sasaran_match

    for line in (
        "Sasaran 1. Partisipasi pemilih pada Pemilu 14 Februari 2024 sebesar 78,42% dari 222.437",
        "Sasaran 2. Seluruh tahapan Pemilu dan Pemilihan dilaksanakan sesuai jadwal. Kegiatan",
        "Sasaran 3. Nilai IKPA Tahun 2024 sebesar 96,48 meningkat dari 94,87 pada Tahun 2023 dan",
    ):
        assert sasaran_match(line) is None, line
    assert sasaran_match("Sasaran 2: Terselenggaranya tahapan Pemilu 2024 sesuai jadwal") == (
        2,
        "Terselenggaranya tahapan Pemilu 2024 sesuai jadwal",
    )
    assert sasaran_match("3. Sasaran 3 - Meningkatnya akuntabilitas Kab. Tanah Laut") == (
        3,
        "Meningkatnya akuntabilitas Kab. Tanah Laut",
    )
