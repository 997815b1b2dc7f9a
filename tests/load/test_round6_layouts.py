"""Layouts first met in the sixth round of unseen reports (tests/unseen/test_unseen_round6.py).

One reading (or one rule's view of it) each, on small reports written for the test.
"""

from __future__ import annotations

from pathlib import Path

from lkj_audit import audit
from lkj_audit.audit import AuditContext
from lkj_audit.load.aligned_text import tabulate
from lkj_audit.load.columns import mend_broken_words
from lkj_audit.load.pemilih import USED_VOTE
from lkj_audit.load.rawtables import is_subtotal_label, is_summary_row
from lkj_audit.model import Finding

COVER = "LAPORAN KINERJA\nSEKRETARIAT KPU KABUPATEN POSO\nTAHUN 2023\n\n"


def _open(tmp_path: Path, body: str, ikhtisar: str = "") -> tuple[AuditContext, list[Finding]]:
    path = tmp_path / "lkj_2023_kpu_kab_poso.txt"
    intro = (
        "Laporan ini menyajikan capaian kinerja Sekretariat KPU Kabupaten Poso Tahun 2023 "
        "terhadap Perjanjian Kinerja Tahun 2023 beserta realisasi anggarannya."
    )
    head = f"IKHTISAR EKSEKUTIF\n\n{intro}\n\n{ikhtisar}\n\n" if ikhtisar else ""
    path.write_text(
        COVER
        + head
        + "BAB I\nPENDAHULUAN\n\nA. Latar Belakang\n\nKPU Kabupaten Poso.\n\n"
        + "BAB II\nPERENCANAAN KINERJA\n\nA. Rencana Strategis\n\nRenstra 2020-2024.\n\n"
        + "BAB III\nAKUNTABILITAS KINERJA\n\nA. Capaian Kinerja\n\n"
        + body
        + "\n\nBAB IV\nPENUTUP\n\nDemikian laporan ini.\n",
        encoding="utf-8",
    )
    ctx = audit.open(path)
    return ctx, audit.run_rules(ctx)


WEIGHTED = """\
No\tIndikator Kinerja\tSatuan\tBobot (%)\tTarget\tRealisasi\tCapaian (%)
1\tPersentase DPB ditetapkan tepat waktu\t%\t40\t100\t100\t100,00
2\tJumlah kegiatan pendidikan pemilih\tKegiatan\t60\t20\t18\t90,00
Capaian Kinerja Tertimbang\t\t\t100\t\t\t94,00
"""


def test_a_weight_column_is_never_the_capaian_and_a_weighted_row_is_no_indicator(
    tmp_path: Path,
) -> None:
    # "Bobot (%)" is a percentage column left of the capaian; the last row sums up.
    ctx, findings = _open(tmp_path, WEIGHTED, "Capaian kinerja tertimbang sebesar 94,00%.")
    rows = ctx.rows.capaian
    assert [(r.capaian, r.bobot) for r in rows] == [(100.0, 40.0), (90.0, 60.0)]
    assert not [f for f in findings if f.rule in {"CAP001", "CAP002", "NAR001"}]


def test_a_misquoted_weighted_capaian_is_still_found(tmp_path: Path) -> None:
    # 0,4 × 100 + 0,6 × 90 = 94: the recomputed weighted figure, not the printed row, decides.
    _ctx, findings = _open(tmp_path, WEIGHTED, "Capaian kinerja tertimbang sebesar 96,00%.")
    assert [f.rule for f in findings if f.rule == "NAR001"] == ["NAR001"]


def test_a_summary_row_is_told_from_an_indicator_and_a_total() -> None:
    assert is_summary_row(["Capaian Kinerja Tertimbang", "", "100", "94,00"])
    assert is_summary_row(["Rata-rata Capaian Kinerja", "", "97,12"])
    assert not is_summary_row(["Capaian Kinerja Tertimbang", "", ""])  # no figure
    assert not is_summary_row(["3", "Capaian kinerja laporan keuangan", "100%", "100%"])


def test_header_words_broken_by_a_narrow_cell_are_mended() -> None:
    assert mend_broken_words("bob ot (%)") == "bobot (%)"
    assert mend_broken_words("tahun 2023 capaia n (%)") == "tahun 2023 capaian (%)"
    assert mend_broken_words("polarita s") == "polaritas"
    assert mend_broken_words("target realisasi") == "target realisasi"  # two words stay two
    assert mend_broken_words("realisasi semester i") == "realisasi semester i"


VOTED = """\
Tabel 3.2 Partisipasi Pemilih per Kecamatan

No\tKecamatan\tDPT\tPengguna Hak Pilih\t\t\tPartisipasi (%)
\t\t\tL\tP\tJumlah\t
1\tPoso Kota\t21.402\t8.310\t8.902\t17.212\t80,42
2\tLage\t14.118\t5.604\t5.911\t11.515\t81,56
Jumlah\t\t35.520\t13.914\t14.813\t28.727\t80,88
"""


def test_voters_under_pengguna_hak_pilih_are_no_stage_of_the_voter_list(tmp_path: Path) -> None:
    # Their L | P is not the DPT's: no DPT-to-population or population sex-ratio comparison.
    ctx, findings = _open(tmp_path, VOTED)
    assert {r.tahap for r in ctx.rows.pemilih} == {USED_VOTE}
    assert not [f for f in findings if f.rule in {"PLA004", "PLA005", "PML001", "PML002"}]


MERGED_LABEL = """\
 No           Indikator Kinerja        Bobot     Target    Realisasi   Capaian
Sasaran 1: Meningkatnya kualitas data pemilih berkelanjutan
 1            Persentase DPB tepat     50        100       100         100,00
              waktu
 2            Jumlah laporan DPB       50        12        11          91,67
Capaian Kinerja Tertimbang             100                             95,84
"""


def test_a_summary_label_merged_over_the_leading_columns_keeps_the_table_read() -> None:
    # pdftotext -layout: the label runs from the No column into the Indikator column.
    out, unread = tabulate(MERGED_LABEL.split("\n"))
    assert unread == []
    assert out[2].split("\t")[:2] == ["1", "Persentase DPB tepat"]
    last = out[5].split("\t")
    assert last[0] == "Capaian Kinerja Tertimbang" and last[-1] == "95,84"


ROMAN_SASARAN = """\
 No   Sasaran / Indikator              Satuan     Target     Realisasi   Capaian
 I    Terwujudnya tata kelola keuangan yang akuntabel
 1    Nilai IKPA                       Nilai      90         92,10       102,33%
 2    Laporan keuangan tepat waktu     %          100%       100%        100,00%
 II   Meningkatnya kualitas pelayanan informasi publik
 3    Jumlah layanan informasi         Layanan    24         24          100,00%
"""


def test_a_roman_numbered_line_without_figures_is_a_sasaran_row(tmp_path: Path) -> None:
    ctx, findings = _open(tmp_path, ROMAN_SASARAN)
    rows = ctx.rows.capaian
    assert [r.indikator for r in rows] == [
        "Nilai IKPA",
        "Laporan keuangan tepat waktu",
        "Jumlah layanan informasi",
    ]
    assert rows[2].sasaran == "Meningkatnya kualitas pelayanan informasi publik"
    assert not [f for f in findings if f.rule in {"CAP002", "PLA002", "XTB008"}]


def test_a_caption_after_a_colon_and_a_blank_line_is_a_block_of_its_own(tmp_path: Path) -> None:
    body = (
        "     Hasil pengukuran kinerja Tahun 2023 adalah sebagai\nberikut:\n\n"
        "     Tabel 3.1 Pengukuran Kinerja Tahun 2022\n\n" + ROMAN_SASARAN
    )
    ctx, findings = _open(tmp_path, body)
    captions = [b for b in ctx.doc.blocks if b.text.startswith("Tabel 3.1")]
    assert len(captions) == 1
    assert [f.location.line for f in findings if f.rule == "PER001"] == [captions[0].line]


SPANNED = """\
No\tSasaran Strategis\tIndikator Kinerja\tTarget\tRealisasi\t%\tKriteria
1\tMeningkatnya\tPersentase DPT\t100%\t100%\t100,00\tSangat Berhasil
\tkualitas data\tyang ditetapkan tepat\t\t\t\t
\t\twaktu\t\t\t\t
\t\tJumlah laporan\t12\t10\t83,33\tBerhasil
\t\tpemutakhiran data\tLaporan\tLaporan\t\t
2\tMeningkatnya\tJumlah kegiatan sosialisasi\t30\t30\t100,00\tSangat Berhasil
\tpartisipasi\ttahapan\tKegiatan\tKegiatan\t\t
"""


def test_an_indicator_under_a_spanning_sasaran_cell_prints_no_number_of_its_own(
    tmp_path: Path,
) -> None:
    # The second indicator of sasaran 1 follows the first one's wrapped lines, without a No;
    # "Jumlah kegiatan sosialisasi …" is an indicator's name, not a "Jumlah Kegiatan" subtotal.
    ctx, _findings = _open(tmp_path, SPANNED)
    rows = ctx.rows.capaian
    assert [(r.indikator, r.target_raw, r.capaian_raw) for r in rows] == [
        ("Persentase DPT yang ditetapkan tepat waktu", "100%", "100,00"),
        ("Jumlah laporan pemutakhiran data", "12 Laporan", "83,33"),
        ("Jumlah kegiatan sosialisasi tahapan", "30 Kegiatan", "100,00"),
    ]
    assert rows[1].sasaran == rows[0].sasaran


def test_jumlah_kegiatan_as_an_indicator_name_is_no_named_subtotal() -> None:
    assert not is_subtotal_label(["", "Jumlah kegiatan sosialisasi", "30", "30"])
    assert is_subtotal_label(["", "Jumlah Kegiatan 6709", "1.250.000", "1.200.000"])
    assert is_subtotal_label(["", "Jumlah Program Dukungan Manajemen", "5.717", "5.573"])


ANALYSED_ELSEWHERE = (
    "     Tabel 3.1 Pengukuran Kinerja Tahun 2023\n\n"
    + SPANNED
    + """
B. Analisis Capaian Kinerja

Sasaran 1: Meningkatnya kualitas data

     Laporan pemutakhiran bulan Juli dan Agustus terlambat karena gangguan jaringan;
upaya yang dilakukan adalah menyiapkan jaringan cadangan di kantor KPU.

Sasaran 2: Meningkatnya partisipasi

     Seluruh kegiatan sosialisasi tahapan terlaksana sesuai rencana.
"""
)


def test_a_combined_table_is_analysed_in_the_sasaran_blocks_of_another_subsection(
    tmp_path: Path,
) -> None:
    ctx, findings = _open(tmp_path, ANALYSED_ELSEWHERE)
    assert len(ctx.rows.capaian) == 3
    assert not [f for f in findings if f.rule in {"CMP006", "CMP009"}]


PARTISIPASI = """\
No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian
1\tPersentase partisipasi pemilih pada Pemilihan\t80%\t81,20%\t101,50%
"""


def test_the_ikhtisar_capaian_after_a_target_percentage_counts(tmp_path: Path) -> None:
    # The capaian's clause begins after the target's percentage: it is no target itself.
    ikhtisar = "Partisipasi pemilih mencapai 81,20% dari target 80% dengan capaian 101,50%."
    _ctx, findings = _open(tmp_path, PARTISIPASI, ikhtisar)
    assert not [f for f in findings if f.rule == "CMP010"]


def test_a_capaian_quoted_for_a_finance_indicator_is_a_capaian(tmp_path: Path) -> None:
    # "laporan keuangan … (capaian 100,00%)": a budget word names the indicator only.
    ikhtisar = "Indikator laporan keuangan tepat waktu tercapai penuh (capaian 100,00%)."
    budget = (
        "\nB. Realisasi Anggaran\n\n"
        "No\tKegiatan\tPagu\tRealisasi\t%\n"
        "1\tPengelolaan Keuangan dan BMN\t2.400.000.000\t2.316.000.000\t96,50\n"
        "\tJumlah\t2.400.000.000\t2.316.000.000\t96,50\n"
    )
    ctx, findings = _open(tmp_path, ROMAN_SASARAN + budget, ikhtisar)
    assert len(ctx.rows.anggaran) == 2
    assert not [f for f in findings if f.rule == "NAR001"]


KRITERIA = """\
     Tabel 3.1 Kriteria Capaian

     Capaian (%)          Kriteria
     ≥ 90                 Sangat Berhasil
     75 - < 90            Berhasil
     < 75                 Kurang Berhasil

     Tabel 3.2 Pengukuran Kinerja

 No  Indikator Kinerja              Target     Realisasi   %        Kriteria
 1   Jumlah laporan DPB             12         10          83,33    Sangat Berhasil
 2   Nilai IKPA                     90         93          103,33   Sangat Berhasil
"""


def test_a_kriteria_scale_rates_the_kriteria_column(tmp_path: Path) -> None:
    ctx, findings = _open(tmp_path, KRITERIA)
    assert [s.kategori for s in ctx.rows.skala] == [
        "Sangat Berhasil",
        "Berhasil",
        "Kurang Berhasil",
    ]
    nar005 = [f for f in findings if f.rule == "NAR005"]
    assert [f.location.line for f in nar005] == [
        next(k for k, t in enumerate(ctx.doc.lines, 1) if "Jumlah laporan DPB" in t)
    ]


ROMAN_ROWS = """\
 No    Indikator Kinerja                         Target       Realisasi    Capaian
 I     Persentase DPB yang ditetapkan
       tepat waktu                               100%         100%         100,00%
 II    Jumlah kegiatan pendidikan pemilih
       berbasis komunitas                        20           19           95,00%
"""


def test_a_roman_line_without_figures_is_a_row_where_roman_numerals_number_the_rows(
    tmp_path: Path,
) -> None:
    # Every row numbered I, II and its figures printed on its name's second line: no sasaran.
    ctx, _findings = _open(tmp_path, ROMAN_ROWS)
    assert [(r.indikator, r.capaian_raw) for r in ctx.rows.capaian] == [
        ("Persentase DPB yang ditetapkan tepat waktu", "100,00%"),
        ("Jumlah kegiatan pendidikan pemilih berbasis komunitas", "95,00%"),
    ]
