"""The text reader on the real seed report: sections, tables, merged rows, parsed values."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from lkj_audit.load import read_document
from lkj_audit.load.document import Document
from lkj_audit.load.identity import detect
from lkj_audit.load.tables import ReportTables, read_tables
from lkj_audit.load.text_reader import PAGE_AT_ENDS_RE, _title_key, read_text
from tests.conftest import SEED


@pytest.fixture(scope="module")
def doc() -> Document:
    return read_document(SEED)


@pytest.fixture(scope="module")
def tables(doc: Document) -> ReportTables:
    return read_tables(doc, 2024)


def test_identity_is_read_from_the_report(doc: Document) -> None:
    ident = detect(doc)
    assert ident.year == 2024
    assert ident.satker is not None and ident.satker.kode == "656532"


def test_chapters_found_once_in_order_despite_sistematika_listing(doc: Document) -> None:
    chapters = [(s.key, s.line) for s in doc.sections if s.level == 1]
    keys = [k for k, _ in chapters]
    assert keys == ["kata_pengantar", "ikhtisar", "daftar_isi", "bab1", "bab2", "bab3", "bab4"]
    # The "Sistematika Penyajian" names every chapter again inside Bab I: those are rejected.
    bab1, bab2 = doc.chapter("bab1"), doc.chapter("bab2")
    assert bab1 is not None and bab2 is not None and bab1.end_line == bab2.line - 1
    assert any(
        title.startswith("BAB II") and bab1.contains(line) for line, title in doc.rejected_headings
    )


def test_subsections_and_sasaran(doc: Document) -> None:
    bab3 = doc.chapter("bab3")
    subs = [s.title for s in doc.subsections(bab3)]
    assert subs == ["A. Capaian Kinerja Organisasi", "B. Realisasi Anggaran"]
    sasaran = [s.number for s in doc.sections if s.level == 3]
    assert sasaran == [1, 2, 3, 4, 5, 5]  # the report numbers two sasaran "5"


def test_budget_rows_parsed_with_originals(tables: ReportTables) -> None:
    df = tables.anggaran
    assert len(df) == 23
    assert list(df.level.value_counts().sort_index().items()) == [
        ("kegiatan", 2),
        ("program", 2),
        ("ro", 18),
        ("total", 1),
    ]
    qge1 = df[df.kode == "6709.QGE.001"].iloc[0]
    # Three source lines merged into one row: code, wrapped name, and "(96.93%)" on line 2.
    assert qge1.uraian == "6709.QGE.001 Perencanaan dan Penganggaran Pemilu"
    assert (qge1.pagu, qge1.realisasi, qge1.pct) == (805_812_000, 781_065_690, 96.93)
    assert qge1.realisasi_raw == "781.065.690" and qge1.pct_raw == "(96.93%)"
    prog = df[df.level == "program"].iloc[0]
    assert prog.realisasi == 112_500_108_073 and prog.realisasi_raw == "112,500,108.073"
    assert "mixed_separators" in prog["flags"]
    total = df[df.level == "total"].iloc[0]
    assert total.pagu == 125_959_537_000 and total.pagu_raw == "125.959.537.000,-"


def test_budget_rows_know_program_and_kegiatan_from_context(tables: ReportTables) -> None:
    df = tables.anggaran
    ros = df[df.level == "ro"]
    assert (ros.kegiatan == ros.kode.str[:4]).all()
    assert set(ros.program) == {"Penyelenggaraan Pemilu dalam Proses Konsolidasi Nasional"}
    keg = df[df.level == "kegiatan"]
    assert list(keg.kegiatan) == ["3355", "3360"]
    assert set(keg.program) == {"Dukunan Manajemen"}  # linked to the program row as printed


def test_junk_column_dropped(doc: Document) -> None:
    # "]\tNo\tRincian…" and "\t1.\t6870.QGE.001…": the stray first column disappears.
    table = next(t for t in doc.tables if any("6870.QGE.001" in " ".join(r.cells) for r in t.rows))
    assert table.header[0][0] == "No" and table.rows[0].cells[0] == "1."


def test_capaian_rows_with_ocr_repeats_and_page_break(tables: ReportTables) -> None:
    df = tables.capaian
    assert len(df) == 10
    assert list(df.sasaran_no.astype(int)) == [1, 2, 3, 3, 4, 4, 4, 4, 4, 5]
    row = df[df.kode == "6709.QGE.006"].iloc[0]  # its name continues after a blank line
    assert row.indikator == "Sosialisasi/ Penyuluhan/ Bimbingan Teknis (6709.QGE.006)"
    assert (row.target, row.target_unit, row.capaian) == (1.0, "Lembaga", 84.04)
    wrapped = df.iloc[3]  # "Pemutakhiran Data Pemilih dan Penyusunan Daftar Pemilih" over 4 lines
    assert wrapped.indikator == "Pemutakhiran Data Pemilih dan Penyusunan Daftar Pemilih"
    nil = df[df.kode == "6709.QGE.003"].iloc[0]
    # "-" is nil (issue 9.6e): realisasi 0 in the target's unit, printed as "-", not missing
    assert (nil.realisasi, nil.realisasi_unit, nil.realisasi_raw) == (0.0, "Lembaga", "-")


def test_voters_staff_scale_toc(tables: ReportTables) -> None:
    v = tables.pemilih.set_index("tahap")
    assert list(v.index) == ["DP4", "DPS", "DPT"]
    dp4 = (v.loc["DP4", "lk"], v.loc["DP4", "pr"], v.loc["DP4", "jumlah"])
    assert dp4 == (282_345, 272_216, 556_561)
    staff = tables.pegawai.groupby("jenis").size().to_dict()
    assert staff == {"PNS": 14, "PPPK": 4, "PPNPN": 8}  # PNS and PPNPN tables span a page break
    nip = tables.pegawai.set_index("nama").loc["ANI SEPTIANA,S.H.I., M.Si", "nip"]
    assert nip == "197909012007012001"
    stated = tables.pegawai_stated.iloc[:3]
    assert list(zip(stated.jenis, stated["count"], stated.words, strict=True)) == [
        ("PNS", 14, "empat belas"),
        ("PPPK", 4, "empat"),
        ("PPNPN", 8, "delapan"),
    ]
    bands = tables.skala
    assert list(bands.kategori) == ["Gagal", "Cukup Baik", "Baik", "Sangat baik"]
    assert (bands.lower.iloc[2], bands.upper.iloc[2]) == (76, 100)
    toc = tables.toc
    assert list(toc[toc.heading == "BAB IV PENUTUP"].page) == [40, 49]


def test_wrapped_cell_rows_merge_cell_by_cell() -> None:
    text = (
        "No\tUraian\tPagu\tRealisasi\n"
        "1.\t6709.QGE.001\t1.000.000\t900.000\n"
        "\tPerencanaan dan\t\t(90,00%)\n"
        "\tPenganggaran\t\t\n"
        "2.\t6709.QGE.004 Sosialisasi\t500.000\t250.000 (50,00%)\n"
    )
    doc = read_text(text)
    rows = doc.tables[0].rows
    assert [r.cells for r in rows] == [
        ["1.", "6709.QGE.001 Perencanaan dan Penganggaran", "1.000.000", "900.000 (90,00%)"],
        ["2.", "6709.QGE.004 Sosialisasi", "500.000", "250.000 (50,00%)"],
    ]
    assert rows[0].lines == [2, 3, 4]


def test_page_furniture_inside_a_table_is_dropped() -> None:
    text = (
        "LKj KPU Kabupaten Contoh Tahun 2024\n\nNo\tNama\tJabatan\tPendidikan\n"
        "1\tA\tSekretaris\tS2\n\nLKj KPU Kabupaten Contoh Tahun 2024\n- 12 -\n\n"
        "2\tB\tAnalis\tS1\n"
    )
    doc = read_text(text)
    assert len(doc.tables) == 1 and [r.cells[1] for r in doc.tables[0].rows] == ["A", "B"]


def test_numbers_keep_exact_values(tables: ReportTables) -> None:
    row = tables.anggaran[tables.anggaran.kode == "6709.QGE.003"].iloc[0]
    assert Fraction(row.pct).limit_denominator(100) == Fraction(9222, 100)


def test_running_title_key_is_the_page_number_pattern_removed() -> None:
    """The key searches only the line's end for the page number: the same as the whole regex."""
    rng = random.Random(7)
    words = ["1", "12", "123", "1234", "-", "–", "|", "a", "LKj", "2024", "Tahun"]
    made = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 7))) for _ in range(3000)]
    printed = SEED.read_text(encoding="utf-8").split("\n")
    lines = [" ".join(t.split()) for t in printed + made + ["12 34", "- 12 -", "LKj 2024 12 –"]]
    assert sum(_title_key(t) != t for t in lines) > 100  # page numbers really are removed
    assert [_title_key(t) for t in lines] == [PAGE_AT_ENDS_RE.sub("", t).strip() for t in lines]
