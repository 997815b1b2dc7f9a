"""Round 7b of the unseen reports: two layouts no earlier round has, measured before any fix.

Written by hand, as satker write them, before the reader was run on them:

* KPU Kabupaten Tanah Laut 2023 (no pemungutan suara; Tahapan Pemilu 2024 under way), as
  ``pdftotext -layout`` text: a DPT table grouped by daerah pemilihan, with "Jumlah Dapil N"
  subtotal rows (no No) between the kecamatan and a "JUMLAH KABUPATEN" grand total; a budget
  table by KPU RO code ("3360.EBA.994") under program and kegiatan header lines without
  amounts, a "Sub Jumlah" row after each kegiatan, a correction printed as "(1.234.000)" with
  "-" for its pagu, amounts with apostrophe ("2'418'600'000") and no-break-space thousands;
  a PNS table with the sex as rows and the golongan as columns, a Jumlah column and row; a
  capaian table with the sasaran as lines of their own and a Kategori column;
* KPU Kota Pematangsiantar 2024, written in Word (``word_pematangsiantar``) and checked as
  DOCX, as its LibreOffice PDF and as that PDF's ``pdftotext -layout`` text: PK and capaian
  tables whose sasaran cells are merged vertically over their indicators, a capaian table
  "Realisasi 2023 | Target 2024 | Realisasi 2024 | Capaian 2024 (%) | Target Akhir Renstra |
  Capaian thd Renstra (%)" with a Satuan column, two participation tables (the Pemilu split
  L | P | Jumlah for DPT, Pengguna Hak Pilih and Partisipasi (%); the Pemilihan Wali Kota
  with DPT | Pengguna Hak Pilih | Partisipasi only).

The planted defects are listed below (``TANAH_LAUT``, ``word_pematangsiantar.PLANTED``).

First run, before any reader or rule change (``lkj-audit check FILE --format text``):

* Tanah Laut: 4 of 7 (IDN001, PER001, PEG002, CAP001). Missed: PML001/PML002 on "Jumlah Dapil
  3" (the subtotal rows without a No are taken for wrapped lines of the kecamatan above, so
  the voter table is read with low confidence and not checked: RDG001); ANG002 on kegiatan
  6871's Sub Jumlah (the correction row, "-" and "(1.234.000)" without a code, is joined to
  the RO above, so the budget table is not checked either: RDG001); NAR001 on the Ikhtisar's
  98,53% (withheld because that budget table is uncertain). No false error or warning. Infos:
  RDG001 twice (the causes above) and CMP004 (true: no comparison with a national standard).
* Pematangsiantar as DOCX: 4 of 7 (XTB011, PML004 on 139.656, ANG005, STR003). Missed: PML003
  on Siantar Barat's 80,93 (its row only carries a false PML001); CAP001 and XTB009 (the
  capaian table with vertically merged sasaran cells is misread). 13 false errors: XTB008
  once ("none of the 7 PK indicators is in Bab III", the same misreading), PML001 nine times
  and PML002 three times (the "Partisipasi (%)" L | P | Jumlah columns taken for a voter
  table's LK | PR | JUMLAH: "82,23" = "80,57" + "83,81"?). 5 false warnings: PLA004 (DPT
  "78,42" against the population, the same cause), CAP002 three times (no capaian, the
  capaian table misread), NAR001 on the Ikhtisar's 80,15% (the same). Infos: NAR001 twice on
  the participation 78,42% and 62,12% (printed in the participation tables: false), CMP004
  (true) and PLA005 (true of the figures: P above L by 9 %, the population's ratio 0,97).
* Pematangsiantar as PDF: 4 of 7 (the same), 12 false errors (PML001 nine times, PML002 three
  times, as above), 2 false warnings (PLA004; CMP007 "no realisasi column": "Realisasi 2023
  | Target 2024 | Realisasi 2024" misread), infos as DOCX.
* Pematangsiantar as ``pdftotext -layout``: as the PDF, plus 3 false infos (CMP006: the
  sasaran analyses "have no capaian table", the table being misread).

Together (Pematangsiantar counted once, as DOCX): 8 of 14 planted defects found (57 %), 13
false errors, 5 false warnings.

After the fixes (general, each with a focused test in ``tests/load/test_round7b_layouts.py``
or ``tests/load/test_partisipasi.py``): Tanah Laut 7 of 7 (the dapil subtotal rows and the
named grand total are rows of their own; the budget's code header lines, Sub Jumlah rows and
correction read; the JUMLAH is also reported, related, as no longer the sum of the Sub
Jumlah), Pematangsiantar 7 of 7 in each of its three forms (a "Partisipasi (%)" group over
L | P | Jumlah is rates, each sex's rate recomputed; the indicators under a sasaran merged
down are rows of their own; broken header words mended), no false error or warning: 14 of
14. Infos left: CMP004 on both (true: no comparison with a national standard). (The three
false CMP006 infos of the ``pdftotext -layout`` form went too: the first line of an analysis
paragraph, "Sasaran 1. Partisipasi … sebesar 78,42% dari 222.437", is no sasaran heading.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj_audit import audit
from tests.load.word_lkj import soffice
from tests.unseen.test_unseen import _check, _judged, _word_form
from tests.unseen.test_unseen_round6 import Defect, _spots
from tests.unseen.word_pematangsiantar import PLANTED as SIANTAR_PLANTED
from tests.unseen.word_pematangsiantar import make as make_siantar

FIXTURES = Path(__file__).parent / "fixtures"

TANAH_LAUT: list[Defect] = [
    ({"IDN001", "IDN002"}, (("Sekretariat KPU Kota Banjarbaru",),)),  # copied from another satker
    ({"PER001"}, (("Tabel 2.1 Perjanjian Kinerja Tahun 2022",),)),  # the report is 2023's
    ({"PEG002"}, (("Jumlah", "11", "16"),)),  # Gol. III: 6 + 4 = 10, printed 11
    ({"CAP001"}, (("87,50",),)),  # 17 / 20 = 85,00
    ({"NAR001"}, (("98,53%",),)),  # the Ikhtisar's serapan; the budget table totals 98,35
    # Jumlah Dapil 3: 27.365 + 11.704 = 39.069 = 19.927 + 19.142, printed 39.096.
    ({"PML001", "PML002"}, (("Jumlah Dapil 3",),)),
    # Kegiatan 6871: 1.512.000.000 + 642.800.000 = 2.154.800.000, its Sub Jumlah 2.145.800.000
    # (so the JUMLAH, right by its ROs, is no longer the sum of the Sub Jumlah: either row).
    ({"ANG002", "ANG004"}, (("2.145.800.000",), ("JUMLAH", "10.452.500.000"))),
]

TEXT_REPORTS = {"lkj_2023_kpu_kab_tanah_laut.txt": TANAH_LAUT}


@pytest.mark.parametrize("name", sorted(TEXT_REPORTS))
def test_round7b_text_report_gives_exactly_its_planted_defects(name: str) -> None:
    ctx, findings = _judged(FIXTURES / name)
    _check(ctx.doc.lines, findings, _spots(ctx, TEXT_REPORTS[name]))


SIANTAR: list[Defect] = [(rules, places) for places, rules in SIANTAR_PLANTED]


@pytest.fixture(scope="module")
def siantar(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if soffice() is None:
        pytest.skip("soffice (LibreOffice) not installed")
    return make_siantar(tmp_path_factory.mktemp("unseen-siantar"))


@pytest.mark.soffice
@pytest.mark.slow
@pytest.mark.parametrize("form", ["docx", "pdf", "layout"])
def test_word_made_pematangsiantar_report_gives_exactly_its_planted_defects(
    siantar: tuple[Path, Path], form: str, tmp_path: Path
) -> None:
    path = _word_form(siantar, form, tmp_path, "lkj_2024_kpu_kota_pematangsiantar.txt")
    ctx, findings = _judged(path)
    _check(ctx.doc.lines, findings, _spots(ctx, SIANTAR))


def test_round7b_reports_are_read_as_their_own_satker_and_year() -> None:
    ctx = audit.open(FIXTURES / "lkj_2023_kpu_kab_tanah_laut.txt")
    assert (ctx.satker, ctx.satker_code, ctx.year) == ("KPU Kabupaten Tanah Laut", "658791", 2023)
