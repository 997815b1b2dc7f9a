"""Space-aligned tables (``pdftotext -layout``) rewritten in place as tab cells."""

from __future__ import annotations

from pathlib import Path

from lkj_audit.load.aligned_text import _LEADER_RE, _has_leader, prose_width, tabulate
from lkj_audit.load.headings import subsection_match
from lkj_audit.load.text_reader import read_text
from tests.conftest import SEED

TABLE = """Capaian Kinerja Sasaran 2

    No        Indikator Kinerja                     Target        Realisasi      Capaian

1        Perencanaan dan Penganggaran Pemilu     1 Dokumen        1 Dokumen      100,00%
         (6709.QGE.001)

2        Persentase partisipasi pemilih dalam        77,5%            81,2%      104,77%
         Pemilu
3        Persentase pemilih yang berhak                 2%             1,5%      125,00%
         memilih tetapi tidak masuk
"""

PROSE = """Sasaran ini tercapai dengan  baik karena seluruh tahapan dilaksanakan  sesuai jadwal,
dan kegiatan sosialisasi  dilaksanakan di seluruh kecamatan sehingga  partisipasi pemilih
meningkat dibandingkan  tahun sebelumnya dan  target  Renstra  tercapai pada akhir periode.
"""


def test_an_aligned_table_becomes_tab_cells_line_for_line() -> None:
    lines = TABLE.split("\n")
    out, unread = tabulate(lines)
    assert len(out) == len(lines) and unread == []
    assert out[0] == lines[0]  # the caption stays running text
    assert out[2].split("\t") == ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]
    assert out[4].split("\t") == [
        "1",
        "Perencanaan dan Penganggaran Pemilu",
        "1 Dokumen",
        "1 Dokumen",
        "100,00%",
    ]
    assert out[5].split("\t") == ["", "(6709.QGE.001)", "", "", ""]  # a wrapped cell
    assert out[7].split("\t")[2:] == ["77,5%", "81,2%", "104,77%"]  # right-aligned figures


def test_the_table_is_read_with_its_wrapped_names() -> None:
    doc = read_text(TABLE)
    (table,) = doc.tables
    names = [r.cells[1] for r in table.rows]
    assert names == [
        "Perencanaan dan Penganggaran Pemilu (6709.QGE.001)",
        "Persentase partisipasi pemilih dalam Pemilu",
        "Persentase pemilih yang berhak memilih tetapi tidak masuk",
    ]
    assert table.rows[0].line == 5  # the source line, as in the file


def test_justified_prose_with_double_spaces_is_never_a_table() -> None:
    lines = PROSE.split("\n")
    out, _ = tabulate(lines)
    assert out == lines
    assert read_text(PROSE).tables == []


def test_two_figures_in_one_column_leave_the_block_unread() -> None:
    """Columns that do not line up are not guessed: the block stays text, and says why."""
    text = (
        "No   Uraian               Pagu          Realisasi\n"
        "1    Layanan Umum   1.333.639.000 1.271.796.186\n"
        "2    Layanan Perkantoran      133.956.000      127.574.928\n"
        "3    Honorarium            10.596.562.000   10.256.611.118\n"
    )
    lines = text.split("\n")
    out, unread = tabulate(lines)
    assert out == lines
    assert len(unread) == 1 and unread[0].line == 1 and "dua angka" in unread[0].why


def test_tab_separated_text_is_left_alone() -> None:
    seed = Path("data/raw/2024/656532/lkj_2024_kpu_kab_ogan_komering_ilir.txt")
    lines = seed.read_text(encoding="utf-8").split("\n")
    assert tabulate(lines)[0] == lines


_PROSE = (
    "Sekretariat KPU Kabupaten menetapkan tiga sasaran strategis dengan enam indikator",
    "kinerja pada Perjanjian Kinerja Tahun 2023 dan seluruhnya dilaksanakan tepat waktu",
    "sehingga capaian kinerja tahun ini meningkat dibandingkan tahun-tahun sebelumnya.",
)


def test_prose_width_is_found_among_many_table_cells_printed_one_per_line() -> None:
    # Plain pdftotext of a Word table: many short cell lines outnumber the wrapped prose.
    cells = ["No", "1", "", "Nama", "WAHYU LESTARI,", "S.E.", "III/d", "", "Jabatan", "S1"] * 12
    lines = [*_PROSE] * 8 + cells
    assert 75 <= prose_width(lines) <= 90
    # One paragraph per line (a DOCX reading): long lines of any length, no width.
    assert prose_width([" ".join(_PROSE[: 1 + k % 3]) * (1 + k % 4) for k in range(30)]) == 0


def test_a_degree_alone_on_a_line_is_no_subsection_heading() -> None:
    assert subsection_match("A.Md.") is None and subsection_match("A. Md.") is None
    assert subsection_match("A. Latar Belakang") == ("A", "Latar Belakang")


def test_leader_dots_test_is_the_leader_pattern() -> None:
    made = ["BAB I ........ 1", "a . . . . 3", "a . . . 3", "...", "x....", ". . . .", ". . . . "]
    lines = SEED.read_text(encoding="utf-8").split("\n") + made
    assert sum(map(_has_leader, lines)) >= 3
    assert [_has_leader(t) for t in lines] == [bool(_LEADER_RE.search(t)) for t in lines]
