"""Tables printed as flowing text: seen, recorded as unread, never taken for missing (issue 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj_audit import audit
from lkj_audit.load.flow_tables import find_flow_tables
from lkj_audit.show import recompute_html
from tests.corpus.layouts.report import render

ONE_PER_LINE = """Tabel 3.1 Capaian Kinerja Tahun 2024
No
Indikator Kinerja
Target
Realisasi
% Capaian
1
Persentase partisipasi pemilih
77,5%
81,2%
104,77%
2
Jumlah laporan pemutakhiran data pemilih
12 Laporan
12 Laporan
100,00%

Capaian indikator pertama melampaui target karena sosialisasi yang masif di kecamatan.
""".splitlines()

RUN_TOGETHER = """Tabel 3.5 Realisasi Anggaran
No Uraian Pagu Realisasi Sisa Anggaran Serapan (%)
1 Dukungan Manajemen 1.250.000.000 1.187.500.000 62.500.000 95,00
2 Penyelenggaraan Pemilu 980.000.000 960.400.000 19.600.000 98,00
Jumlah 2.230.000.000 2.147.900.000 82.100.000 96,32
""".splitlines()

PROSE = """Pengukuran kinerja membandingkan target dengan realisasi sehingga diperoleh capaian.
Target 12 laporan dengan realisasi 12 laporan memberi capaian 100%, dan target 90% dengan
realisasi 95% memberi capaian 105,56%.
""".splitlines()


def test_cells_one_per_line_are_seen_as_an_unread_table() -> None:
    [t] = find_flow_tables(ONE_PER_LINE, [])
    assert (t.line, t.end_line) == (2, 16)
    assert "satu per baris" in t.why and "Realisasi" in t.columns


def test_a_row_run_together_is_seen_as_an_unread_table() -> None:
    [t] = find_flow_tables(RUN_TOGETHER, [])
    assert (t.line, t.end_line) == (2, 5) and "menyambung" in t.why


def test_prose_about_target_and_realisasi_is_no_table() -> None:
    assert find_flow_tables(PROSE, []) == []


def test_a_place_already_read_as_a_table_is_not_counted_again() -> None:
    assert find_flow_tables(RUN_TOGETHER, [(2, 5)]) == []


def _flowing(text: str, mode: str) -> str:
    """The tab tables of a render as a text extraction without layout would print them."""
    out: list[str] = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        if "\t" not in line:
            out.append(line)
        elif mode == "lines":
            out += cells
        else:
            out.append(" ".join(cells))
    return "\n".join(out)


@pytest.mark.parametrize("mode", ["lines", "prose"])
def test_a_report_with_flowing_tables_is_told_so_and_accused_of_nothing(
    tmp_path: Path, mode: str
) -> None:
    path = tmp_path / "flow.txt"
    path.write_text(_flowing(render(3).text, mode), encoding="utf-8")
    ctx = audit.open(path)
    findings = audit.run_rules(ctx)
    unread = [f for f in findings if f.rule == "RDG002"]
    assert len(unread) >= 5 and all(f.severity.value == "info" for f in unread)
    assert "Tabel terlihat tetapi tidak terbaca" in unread[0].message
    # No table typed, so nothing recomputed; and no rule calls the unread tables missing.
    accusing = [
        f"{f.rule} l.{f.location.line}"
        for f in findings
        if f.severity.value in ("error", "warning")
        and f.category.value in ("arithmetic", "cross_table", "narrative", "completeness")
    ]
    assert accusing == []
    assert not any(f.rule in ("CMP006", "STR007") for f in findings)


# Shapes seen in real KPU LKj copied from PDF viewers (Sekretariat KPU Prov. Kaltim 2020, KPU
# Kab. Sarolangun 2019): a header run together over several lines, group rows ("KEGIATAN …",
# "Sasaran 1 : …") between the rows, names wrapped with the figures on their last line, and
# a blank line after every line. Names and figures here are made up.
GROUPED_RUN_TOGETHER = """Capaian sasaran strategis dapat dilihat pada tabel berikut:

Kinerja
Indikator Kinerja Utama
Target Realisasi Capaian Kategori
KEGIATAN 3361: Dukungan Manajemen dan Pelaksanaan Tugas Teknis Lainnya di
Lingkungan KPU.
Meningkatnya kualitas laporan keuangan.
Persentase laporan keuangan yang disusun
tepat waktu 90% 95% 105% Berhasil
Jumlah laporan pertanggungjawaban
4 Lap 4 Lap 100% Berhasil

Seluruh indikator kegiatan ini tercapai dengan kategori berhasil karena didukung oleh koordinasi.
""".splitlines()

BLANK_AFTER_EVERY_LINE = """Capaian tersebut dapat dilihat sebagaimana tabel di bawah ini.

INDIKATOR KINERJA KINERJA

Target % Realisasi % Capaian %

(1) (2) (3) (4)

Sasaran 1 : Meningkatnya Penyelenggaraan Pemilihan yang Demokratis

Persentase partisipasi pemilih dalam Pemilihan 77% 80% 103%

Persentase pemilih yang berhak memilih tetapi tidak masuk

dalam daftar pemilih 0,5% 0,4% 125%
""".splitlines()


def test_a_real_grouped_table_run_together_is_seen_from_its_header_to_its_last_row() -> None:
    [t] = find_flow_tables(GROUPED_RUN_TOGETHER, [])
    assert (t.line, t.end_line) == (5, 12)
    assert t.columns == ("Target", "Realisasi", "Capaian")


def test_a_table_with_a_blank_after_every_line_is_seen_whole() -> None:
    [t] = find_flow_tables(BLANK_AFTER_EVERY_LINE, [])
    assert (t.line, t.end_line) == (5, 15)


def test_findings_json_lists_the_unread_tables(tmp_path: Path) -> None:
    path = tmp_path / "flow.txt"
    path.write_text(_flowing(render(3).text, "lines"), encoding="utf-8")
    ctx = audit.open(path)
    unread = audit.payload(ctx, audit.run_rules(ctx))["unread_tables"]
    assert unread and unread[0]["lines"][0] < unread[0]["lines"][1]
    assert "satu per baris" in unread[0]["why"]


def test_the_html_lists_the_unread_tables_where_the_reader_looks(tmp_path: Path) -> None:
    """'Cara tabel dibaca' names each unread table: its lines, its section and why."""
    path = tmp_path / "flow.txt"
    path.write_text(_flowing(render(3).text, "lines"), encoding="utf-8")
    ctx = audit.open(path)
    html = recompute_html(ctx, audit.run_rules(ctx))
    first, last, why = ctx.doc.unread_tables[0]
    assert "tidak terbaca</strong>" in html
    assert f"<td>{first}–{last}</td>" in html and why in html
    # A report whose tables were all read shows no such list.
    clean = tmp_path / "clean.txt"
    clean.write_text(render(3).text, encoding="utf-8")
    ctx = audit.open(clean)
    assert 'class="grid unread"' not in recompute_html(ctx, audit.run_rules(ctx))


# Plain pdftotext of a Word table: a whole column at a time, blank lines between the columns.
COLUMN_WISE = """dengan realisasi sebagaimana tabel berikut.
Tabel 3.4 Daftar Pemilih Tetap (DPT) Pemilu Tahun 2024
No
1
2

Kecamatan
Wates
Pengasih

Laki-laki
10.112
12.950

Perempuan
10.950
13.112

Capaian ini didukung oleh pemutakhiran data pemilih yang dilakukan setiap bulan di wilayah.
""".splitlines()

# Short lines with labels between sentences, but the sentences run through them: no table.
SHORT_PROSE = """Target
Realisasi
Jumlah
Kegiatan sosialisasi dilaksanakan sebanyak 22 kali di 12 kecamatan pada tahun ini.
Realisasi 22 kegiatan
Target 24 kegiatan
""".splitlines()


def test_cells_printed_column_by_column_are_seen_as_an_unread_table() -> None:
    [t] = find_flow_tables(COLUMN_WISE, [])
    assert (t.line, t.end_line) == (3, 17) and "kolom demi kolom" in t.why


def test_a_heading_ends_a_table_printed_column_by_column() -> None:
    # A heading line inside (here line 10) splits the run: neither half has three labels.
    assert find_flow_tables(COLUMN_WISE, [], frozenset({7, 10})) == []


def test_short_lines_with_a_sentence_among_them_are_no_table() -> None:
    assert find_flow_tables(SHORT_PROSE, []) == []
