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
