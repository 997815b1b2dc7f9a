"""Round 8b of the unseen reports: two layouts no earlier round has, measured before any fix.

Written by hand, as satker write them, before the reader was run on them:

* KPU Kabupaten Banyumas 2023, written in Word (``pandoc_banyumas``) and read as ``pandoc -t
  plain`` gives it (pandoc 3.9 of the ``pypandoc_binary`` wheel, its defaults): no cover (the
  Title-styled lines are metadata pandoc's plain output leaves out), prose wrapped at 72
  columns, simple tables with ``-----`` rules whose cells wrap inside their column (a blank
  line between rows), the PK as a grid table (``+----+`` borders, ``|`` between cells,
  ``+====+`` under the header) whose No and Sasaran cells are merged over their indicators;
  a capaian table "Target | Realisasi | Capaian (%) | Kategori" with units in the cells, a
  staff count by golongan and sex, the DPT of 27 kecamatan (L | P | Jumlah), a budget by
  program, kegiatan and RO code;
* KPU Provinsi Nusa Tenggara Barat 2023 (``wordtxt_nusa_tenggara_barat``) as Word's "Save as
  Plain Text" writes it: CR LF line ends, tab cells, a cell of two paragraphs wrapped in
  double quotes with the line end inside, U+000B for a manual line break in a header cell, a
  merged header "Realisasi Tahun" over 2021 | 2022 | 2023 (a second header row with empty
  cells under the merged ones) beside "Target Renstra 2024", an efficiency table per IKU
  ("Capaian Kinerja (%) | Serapan Anggaran (%) | Tingkat Efisiensi | Keterangan"), the DPB of
  the 10 kabupaten/kota with "Semester I" and "Semester II" over L | P | Jumlah, a budget per
  rincian output with "Sisa Anggaran (Rp)" (one negative) and "%".

The planted defects are listed below (``BANYUMAS``, ``NTB``), written before the first run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj_audit import audit
from tests.unseen.test_unseen import _check, _judged
from tests.unseen.test_unseen_round6 import Defect, _spots

FIXTURES = Path(__file__).parent / "fixtures"

BANYUMAS: list[Defect] = [
    # Copied from another satker's report (the neighbouring kabupaten).
    ({"IDN001", "IDN002"}, (("Sekretariat KPU Kabupaten Purbalingga Tahun 2023 ini",),)),
    ({"PEG003", "PEG001"}, (("didukung oleh 22 (dua",),)),  # the golongan table totals 21
    ({"PER001"}, (("Tabel 2.1 Perjanjian Kinerja Tahun 2022",),)),  # the report is 2023's
    ({"CAP001"}, (("96,17",),)),  # 22 / 24 = 91,67
    # Sumbang: 30.420 + 30.580 = 61.000, printed 61.600 (so the Jumlah column no longer adds
    # up to its total either: either row).
    ({"PML001", "PML002"}, (("Sumbang", "61.600"), ("Jumlah", "1.553.985"))),
    # The JUMLAH's pagu 13.749.050.000: its rows give 13.794.050.000 (its % fits the latter).
    ({"ANG004", "ANG001"}, (("JUMLAH", "13.749.050.000"),)),
    ({"NAR001"}, (("98,57%",),)),  # the Penutup's serapan; the budget table gives 98,12
]

NTB: list[Defect] = [
    ({"IDN001", "IDN002", "IDN003"}, (("Sekretariat KPU Provinsi Bali",),)),  # another satker
    ({"PER002"}, (("Strategis KPU Tahun 2015-2019",),)),  # 2023 is in Renstra 2020-2024
    ({"CAP001"}, (("103,70",),)),  # SAKIP 72,15 / 70 = 103,07
    ({"NAR001"}, (("98,09%",),)),  # the Ikhtisar's mean capaian; the tables give 99,09
    # DPB Semester II: the Jumlah 3.941.845, its L + P and its rows give 3.925.895.
    ({"PML001", "PML002"}, (("Jumlah", "3.941.845"),)),
    # "Efisien" for the sosialisasi IKU: capaian 90,00 (below target), index 0,96 (R-E01).
    ({"PLA008"}, (("0,96", "Efisien"),)),
    ({"ANG005"}, (("6867.QGE.003",),)),  # realisasi 1.542.450.000 above its pagu 1.530.000.000
]

TEXT_REPORTS = {
    "lkj_2023_kpu_kab_banyumas.txt": BANYUMAS,
    "lkj_2023_kpu_provinsi_ntb.txt": NTB,
}


@pytest.mark.parametrize("name", sorted(TEXT_REPORTS))
def test_round8b_report_gives_exactly_its_planted_defects(name: str) -> None:
    ctx, findings = _judged(FIXTURES / name)
    _check(ctx.doc.lines, findings, _spots(ctx, TEXT_REPORTS[name]))


def test_round8b_reports_are_read_as_their_own_satker_and_year() -> None:
    for name, satker, code, year in (
        ("lkj_2023_kpu_kab_banyumas.txt", "KPU Kabupaten Banyumas", "657391", 2023),
        ("lkj_2023_kpu_provinsi_ntb.txt", "KPU Provinsi Nusa Tenggara Barat", "654450", 2023),
    ):
        ctx = audit.open(FIXTURES / name)
        assert (ctx.satker, ctx.satker_code, ctx.year) == (satker, code, year), name


def test_the_fixtures_are_what_their_builders_write(tmp_path: Path) -> None:
    from tests.unseen import wordtxt_nusa_tenggara_barat as ntb

    assert (FIXTURES / "lkj_2023_kpu_provinsi_ntb.txt").read_bytes() == ntb.text().encode()
    pytest.importorskip("pypandoc")
    from tests.unseen import pandoc_banyumas

    _docx, text = pandoc_banyumas.make(tmp_path)
    assert text.read_text() == (FIXTURES / "lkj_2023_kpu_kab_banyumas.txt").read_text()
