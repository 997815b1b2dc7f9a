"""Reading real-report layouts written by hand: numbers, broken tables, roles, confidence.

The fragments follow layouts seen in real LKj (DOMAIN.md §4/§5 and the seed): PDF text with
space-grouped amounts, captions "(dalam ribuan rupiah)", headers over two lines repeated after
a page break with "Halaman N dari M" between, "Sub Jumlah" rows, qualified capaian columns.
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction
from pathlib import Path

import pytest

from lkj_audit import audit
from lkj_audit.load.numbers import Style, column_style, first_amount, parse_volume, repair_ocr
from lkj_audit.load.tablehead import is_header_row
from lkj_audit.reading import _implausible_serapan
from lkj_audit.render import views
from lkj_audit.render.env import render
from lkj_audit.render.reading_view import reading_rows
from tests.conftest import SEED


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1 234 567 000", 1234567000),
        ("1\u00a0234\u00a0567", 1234567),
        ("1\u2009234\u202f567", 1234567),
        ("1'234'567", 1234567),
        ("Rp. 1.234.567,-", 1234567),
        ("Rp1.234.567,00", 1234567),
        ("(1.234)", -1234),
        ("1 234 567 000 (98,50 %)", 1234567000),
    ],
)
def test_amounts_as_reports_print_them(raw: str, value: int) -> None:
    n = first_amount(raw)
    assert n is not None and n.certain and n.value == value


def test_ocr_digits_are_repaired_and_marked() -> None:
    n = first_amount("1O.5OO.OOO")
    assert n is not None and n.value == 10_500_000 and "ocr_repaired" in n.flags
    v = parse_volume("lOOo/o")
    assert v is not None and v.number is not None and v.number.value == 100 and v.unit == "%"
    assert parse_volume("1.0 Lembaga").number.value == 1  # words are never "repaired"


def test_ocr_digits_after_a_glued_currency_sign_are_repaired() -> None:
    n = first_amount("Rp2l\u202f778\u202f163\u202f037,-")
    assert n is not None and n.certain and n.value == 21_778_163_037
    assert "ocr_repaired" in n.flags
    assert repair_ocr("Terp2l") == ("Terp2l", False)  # inside a word, never a figure


@pytest.mark.parametrize("raw", ["805.812.000 781.065.690", "12.34.567"])
def test_a_cell_that_cannot_be_read_is_uncertain(raw: str) -> None:
    n = first_amount(raw)
    assert n is not None and not n.certain and n.doubt


def test_column_consensus_decides_a_lone_three_digit_group() -> None:
    decimals = column_style(["1,234.5", "2,500.75", "12.345"])
    assert decimals == Style(group=",", decimal=".")
    assert first_amount("12.345", decimals).value == Fraction(12345, 1000)
    thousands = column_style(["1.234.567", "12.345"])
    assert first_amount("12.345", thousands).value == 12345
    # A cell that shows both marks says itself which is which.
    assert first_amount("467,193.00", Style(group=".", decimal=",")).value == 467193


BUDGET = """\
LAPORAN KINERJA KPU KABUPATEN OGAN KOMERING ILIR TAHUN 2024

BAB III

AKUNTABILITAS KINERJA

B. Realisasi Anggaran

Tabel 3.4 Realisasi Anggaran per Kegiatan (dalam ribuan rupiah)

No\tUraian\tAnggaran Tahun 2024\t\t
\t\tPagu\tRealisasi\t%
1\t6709 Perencanaan Program dan Anggaran\t805 812\t781 066\t96,93 %
2\t6867 Pembentukan Badan Adhoc\t44 951 738\t44 843 874\t99,76 %
\tSub Jumlah\t45 757 550\t45 624 940\t99,71 %

Halaman 41 dari 60

No\tUraian\tAnggaran Tahun 2024\t\t
\t\tPagu\tRealisasi\t%
3\t3355 Pengelolaan Keuangan dan BMN\t2 873 037\t2 807 679\t97,73 %
\tSub Jumlah\t2 873 037\t2 807 679\t97,73 %
\tJumlah\t48 630 587\t48 432 619\t99,59 %

BAB IV

PENUTUP
"""


def _open(tmp_path: Path, text: str) -> audit.AuditContext:
    path = tmp_path / "lkj.txt"
    path.write_text(text, encoding="utf-8")
    return audit.open(path, satker="656532", year=2024)


def test_budget_over_a_page_break_in_thousands(tmp_path: Path) -> None:
    ctx = _open(tmp_path, BUDGET)
    df = ctx.tables.anggaran
    assert list(df.line) == [13, 14, 15, 21, 22, 23]  # one table; repeated header dropped
    assert list(df.pagu[:2]) == [805_812_000, 44_951_738_000]  # space groups × 1.000
    assert list(df.subtotal) == [False, False, True, False, True, False]
    assert df.closes.iloc[2] == "13,14" and df.closes.iloc[5] == "15,22"
    (reading,) = ctx.reading
    assert reading.confidence == "high"
    assert reading.columns["pagu"] == "Anggaran Tahun 2024 Pagu"
    assert {ln for ln, _ in reading.dropped_lines} == {17, 19, 20}
    found = audit.run_rules(ctx)
    assert [f for f in found if f.category.value == "arithmetic"] == []
    # The HTML adds the same rows: no total is shown as disagreeing.
    footings = [f for f in views.budget_footings(ctx, found) if f["level"] == "total"]
    assert len(footings) == 3 and all(f[c].ok for f in footings for c in ("pagu", "realisasi"))


def test_wrong_subtotal_is_found_at_its_line(tmp_path: Path) -> None:
    ctx = _open(tmp_path, BUDGET.replace("45 757 550", "45 767 550"))
    hits = [f for f in audit.run_rules(ctx) if f.rule == "ANG004"]
    assert {(f.location.line, f.location.column) for f in hits} == {(15, "pagu"), (23, "pagu")}


def test_an_unreadable_cell_withholds_arithmetic_and_says_so(tmp_path: Path) -> None:
    ctx = _open(tmp_path, BUDGET.replace("\t781 066\t", "\t781.066 779.000\t"))
    (reading,) = ctx.reading
    assert reading.confidence == "low" and "baris 13" in reading.reasons[0]
    found = audit.run_rules(ctx)
    assert [
        f.rule for f in found if f.location.table == reading.id and f.severity.value != "info"
    ] == []
    (note,) = [f for f in found if f.rule == "RDG001"]
    assert note.severity.value == "info" and "periksa tabel" in note.message
    assert audit.payload(ctx, found)["tables"][0]["confidence"] == "low"


CAPAIAN = """\
LAPORAN KINERJA KPU KABUPATEN OGAN KOMERING ILIR TAHUN 2024

BAB III

AKUNTABILITAS KINERJA

A. Capaian Kinerja Organisasi

No\tIndikator\tSatuan\tRealisasi 2023\tTarget 2024\tRealisasi 2024\tCapaian (%)\tCapaian thd Renstra
I\tSasaran 1: Terwujudnya Pemilu yang berkualitas\t\t\t\t\t\t
1\tPersentase partisipasi pemilih\t%\t70\t77,5\t81,2\t104,77\t101,50
2\tJumlah laporan pemutakhiran data pemilih\tLaporan\t10\t12\t12\t100,00\t100,00

BAB IV
"""


def test_qualified_capaian_columns_keep_their_roles(tmp_path: Path) -> None:
    ctx = _open(tmp_path, CAPAIAN)
    df = ctx.tables.capaian
    assert list(df.indikator) == [
        "Persentase partisipasi pemilih",
        "Jumlah laporan pemutakhiran data pemilih",
    ]
    assert list(df.target) == [77.5, 12] and list(df.realisasi) == [81.2, 12]
    assert list(df.capaian_raw) == ["104,77", "100,00"]
    assert list(df.realisasi_prev_raw) == ["70", "10"]
    assert set(df.sasaran) == {"Sasaran 1: Terwujudnya Pemilu yang berkualitas"}
    assert [f for f in audit.run_rules(ctx) if f.rule == "CAP001"] == []


def test_the_html_says_how_each_table_was_read(tmp_path: Path) -> None:
    """'Cara tabel dibaca': source lines, columns as printed, skipped lines, low confidence."""
    ctx = _open(tmp_path, BUDGET.replace("\t781 066\t", "\t781.066 779.000\t"))
    html = render("reading.html.j2", tables=reading_rows(ctx), unread=[])
    assert "Cara tabel dibaca" in html
    assert "pagu ← “Anggaran Tahun 2024 Pagu”" in html
    assert "17 (nomor halaman / judul berjalan)" in html
    assert "judul kolom diulang setelah pindah halaman" in html
    assert 'class="low"' in html and "rendah</strong>: angka yang tidak terbaca" in html
    # A table read with certainty is not marked.
    assert 'class="low"' not in render(
        "reading.html.j2", tables=reading_rows(_open(tmp_path, BUDGET)), unread=[]
    )


@pytest.mark.parametrize(
    ("cells", "header"),
    [
        (["No", "Program", "Anggaran Tahun 2025 (Rp 000)"], True),  # the unit of a scaled column
        (["Kode", "Uraian", "Pagu (Rp. 000)", "Realisasi (Rp 000)"], True),
        (["Kegiatan", "Rp. 442,00", "Rp. 431,00"], False),  # amounts in juta: a data row
        (["Operasional Perkantoran", "56,00", "54,00"], False),
    ],
)
def test_header_lines_and_data_rows(cells: list[str], header: bool) -> None:
    assert is_header_row(cells) is header


# pdftotext -layout of a table whose second page lost its (empty) Sasaran column and was laid
# out anew: which column each figure of that page belongs to is a guess.
SHIFTED_PAGE = (Path(__file__).parent / "fixtures" / "aligned_shifted_page.txt").read_text(
    encoding="utf-8"
)


def test_a_continued_page_whose_columns_cannot_be_fitted_is_low_not_an_error(
    tmp_path: Path,
) -> None:
    ctx = _open(tmp_path, SHIFTED_PAGE)
    (reading,) = ctx.reading
    assert reading.name == "capaian" and reading.confidence == "low"
    assert "halaman lanjutan" in reading.reasons[0] and "baris 28–33" in reading.reasons[0]
    found = audit.run_rules(ctx)
    assert not [f for f in found if f.category.value == "arithmetic" and f.severity.value != "info"]
    (note,) = [f for f in found if f.rule == "RDG001"]
    assert "halaman lanjutan" in note.message


PK_SECTION = """BAB II

PERENCANAAN KINERJA

A. Perjanjian Kinerja

Perjanjian Kinerja Tahun 2024 memuat sasaran, indikator kinerja dan target sebagai berikut:

No\tSasaran Kegiatan\tIndikator Kinerja\tTarget
1.\tTersedianya data pemilih yang akurat\tJumlah laporan pemutakhiran data pemilih\t12 Laporan
2.\tTersedianya data pemilih yang akurat\tPersentase kecamatan yang menyampaikan rekapitulasi\t100%

"""


def test_a_cross_table_check_against_a_low_table_is_withheld(tmp_path: Path) -> None:
    """The misread page puts the PK indicators in the sasaran column: "not one PK indicator
    is in Bab III" would be a false error resting on the doubted table."""
    ctx = _open(tmp_path, SHIFTED_PAGE.replace("BAB III\n", PK_SECTION + "BAB III\n", 1))
    assert len(ctx.tables.pk) == 2 and [r.confidence for r in ctx.reading] == ["low"]
    found = audit.run_rules(ctx)
    assert [f.rule for f in found if f.rule == "XTB008" and f.severity.value != "info"] == []
    assert any(f.rule == "RDG001" for f in found)


# PermenPANRB 53/2014 formats number the columns under the header, the capaian or % column
# often with its formula.
NUMBERED_COLUMNS = """\
LAPORAN KINERJA KPU KABUPATEN OGAN KOMERING ILIR TAHUN 2024

BAB III

AKUNTABILITAS KINERJA

B. Realisasi Anggaran

Tabel 3.2 Realisasi Anggaran
No\tUraian\tPagu\tRealisasi\t%
1\t2\t3\t4\t5 = 4/3
1\tDukungan Manajemen\t1.250.000.000\t1.187.500.000\t95,00
2\tPenyelenggaraan Pemilu\t980.000.000\t960.400.000\t98,00
\tJumlah\t2.230.000.000\t2.147.900.000\t96,32

BAB IV
"""


def test_a_column_number_row_with_a_formula_is_no_data_row(tmp_path: Path) -> None:
    ctx = _open(tmp_path, NUMBERED_COLUMNS)
    assert list(ctx.tables.anggaran.line) == [12, 13, 14]
    found = audit.run_rules(ctx)
    assert not [f for f in found if f.category.value == "arithmetic" and f.severity.value != "info"]


def test_a_thousandfold_slip_confirmed_by_the_printed_percent_keeps_the_reading() -> None:
    """Realisasi 18.337.257.000 of pagu 20.335.000: 18.337.257 fits the printed 90.18 %."""
    ctx = audit.open(SEED)
    (slipped,) = [r for r in ctx.rows.anggaran if r.line == 921]
    assert _implausible_serapan([slipped]) == []
    for pct in (90.16, 90.20, 9.02):  # no slip of the realisasi gives these
        unconfirmed = dataclasses.replace(slipped, pct=pct)
        assert len(_implausible_serapan([unconfirmed])) == 1, pct
    assert _implausible_serapan([dataclasses.replace(slipped, pct=90.17)]) == []  # truncated


def test_staff_tables_are_in_the_reading_record() -> None:
    """The staff lists PEG001 counts are recorded like every typed table, columns as printed."""
    ctx = audit.open(SEED)
    staff = [r for r in ctx.reading if r.name == "pegawai"]
    assert [r.rows for r in staff] == [14, 4, 8]
    assert staff[-1].columns == {"nama": "NAMA", "pendidikan": "Pendidikan", "jabatan": "Jabatan"}
    html = render("reading.html.j2", tables=reading_rows(ctx), unread=[])
    assert "Daftar pegawai" in html
