"""Round six of the unseen reports: three layouts no earlier round has, measured before any fix.

Written by hand (not by the corpus builder) after looking at how real KPU LKj and LAKIP lay
out their tables (the Kaltim 2020 Ringkasan table with sasaran as lines of their own, the
Sarolangun 2019 "Target % | Realisasi % | Capaian %" table with "(1) (2) (3)" numbering,
"0.2%" with a dot). Each report is consistent except for the defects planted on purpose:

* KPU Provinsi Kalimantan Utara 2024, written in Word (``word_kalimantan_utara``) and checked
  as DOCX, as its LibreOffice PDF and as that PDF's ``pdftotext -layout`` text: a capaian
  table with Satuan, Polaritas (one negative indicator) and Bobot under a header of two rows
  of merged cells, a weighted-capaian last row, participation per kabupaten/kota ("Pengguna
  Hak Pilih" over L | P | Jumlah, cut by a page break), a staff table by status and jabatan,
  a budget per kegiatan under "Anggaran" over Pagu | Realisasi | Sisa;
* KPU Kabupaten Kapuas Hulu 2021 (a year without an election): chapters "BAB 1  PENDAHULUAN"
  on one line with Arabic numbers and "1.1" / "3.1.1" subsections, PK and capaian tables with
  a "(1) (2) (3) (4)" numbering row and the sasaran as roman-numbered lines of their own,
  percentages with a dot ("95.54%", "88.40%") beside ones with a comma, a budget per jenis
  belanja (51 / 52 / 53), "- 5 -" page numbers under form feeds;
* KPU Kota Bitung 2019 (LAKIP, Pemilu 2019, Renstra 2015-2019): "Ringkasan Eksekutif",
  "Penetapan Kinerja", a "Target | Realisasi | % | Kriteria" table whose units wrap under
  their figures ("40" over "Kegiatan"), a "≥ 85 Sangat Berhasil" scale, participation per
  kecamatan (DPT | Pengguna Hak Pilih | Partisipasi), a PNS list with NIP under the name, a
  budget per kegiatan with "%" before "Sisa", "Kesimpulan" and "Saran" in the Penutup.

The planted defects are listed below (``KAPUAS_HULU``, ``BITUNG``, ``word_kalimantan_utara.
PLANTED``), written before the reader was run on them.

First run, before any reader or rule change (``lkj-audit check FILE --format text``):

* Kalimantan Utara as DOCX and as PDF (alike): 6 of its 7 planted defects (the misprinted
  95,33 was flagged on its row, but for the wrong reason: every capaian was read from the
  Bobot column, so it is counted missed); 5 false errors (CAP001 on five correct rows, the
  same cause); 3 false warnings (CAP002 on the last row, the same cause; NAR001 twice on the
  weighted capaian 103,44%, the "Capaian Kinerja Tertimbang" row not taken for a table
  figure); 2 false infos (PLA004 and PLA005: the voters who used their vote, "Pengguna Hak
  Pilih" over L | P | Jumlah, compared with the population as if they were the DPT).
* Kalimantan Utara as ``pdftotext -layout``: 5 of 7 (the capaian table unread, RDG002: its
  header words are broken over lines, "Polarita" / "s", "Bob" / "ot"; so the misprinted
  capaian and the PK target are missed); no false error or warning; 3 false infos (PLA004,
  PLA005 as above; NAR001 on the participation 81,15%, printed in the participation table).
* Kapuas Hulu: 6 of 7 (missed: PER001, the capaian table titled "Tahun 2020"); no false
  error; 4 false warnings (CAP002 three times and PLA002 once: the roman-numbered sasaran
  lines "I  Meningkatnya ..." taken for indicators with no figures); 3 false infos (XTB008,
  the same rows "not in the PK"). Not planted but true: CMP004 (no analysis names the
  programs or kegiatan behind the results).
* Bitung: 3 of 6 (missed: NAR005 and CAP001, the capaian table misread: an indicator whose
  unit wraps under its figures ("40" over "Kegiatan") is joined with the next, so its
  kriteria and capaian are not checked; PML002, the participation table (DPT | Pengguna Hak
  Pilih | Partisipasi, no L | P) is not typed at all); no false error; 9 false warnings
  (XTB008 four times, CAP002 twice: the joined rows; CMP009 on the sosialisasi indicator,
  whose cause and remedy sit under "B. Analisis Capaian Kinerja"; CMP010: the Ringkasan
  quotes capaian 103,06%; NAR001 on the Ringkasan's correct 91,67%, compared with budget
  figures only); 5 false infos (XTB008 twice, the joined rows; CMP006 three times: the
  sasaran analyses sit under "B. Analisis", after the one combined table). Not planted but
  true: CMP004 (no program or kegiatan named in the analyses) and CMP009 on the Sasaran 3
  indicator (its late report has a cause and no remedy).

Together (Kalimantan Utara counted once, as DOCX): 15 of 20 planted defects found (75 %), 5
false errors (one cause), 16 false warnings and 10 false infos.

After the fixes (general, each with a focused test in ``tests/load/test_round6_layouts.py``):
Kalimantan Utara 7 of 7 in each of its three forms, Kapuas Hulu 7 of 7, Bitung 5 of 6 (the
participation table's total stays unfooted: a table of DPT and voters without L | P is typed
by no reader yet), no false error, warning or info: 19 of 20 (95 %).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj_audit import audit
from lkj_audit.audit import AuditContext
from tests.load.word_lkj import soffice
from tests.unseen.test_unseen import _check, _judged, _lines_of, _word_form
from tests.unseen.word_kalimantan_utara import PLANTED as KALTARA_PLANTED
from tests.unseen.word_kalimantan_utara import make as make_kaltara

FIXTURES = Path(__file__).parent / "fixtures"

# A defect: the rules allowed to report it and the places it may be reported at, each given
# by pieces of text on that line (a PK target that differs from Bab III: either row).
Defect = tuple[set[str], tuple[tuple[str, ...], ...]]

KAPUAS_HULU: list[Defect] = [
    ({"IDN001", "IDN002"}, (("pertanggungjawaban Sekretariat KPU Kabupaten Sintang",),)),
    ({"PER001"}, (("Tabel 3.1 Pengukuran Kinerja Tahun 2020",),)),  # the report is 2021's
    ({"CAP001"}, (("95.54%",),)),  # 21 / 22 = 95,45
    ({"ANG004", "ANG001"}, (("6.464.780.000",),)),  # 51 + 52 + 53 = 6.446.780.000
    # The PK's target for the segmen indicator is 90%, Bab III measures against 85%.
    ({"XTB009"}, (("Persentase segmen pemilih", "90%"), ("Persentase segmen pemilih", "85%"))),
    ({"NAR001"}, (("penyerapan anggaran 96.38%",),)),  # the budget table: 96,83
    ({"XTB011"}, (("23 (dua puluh dua) kecamatan",),)),  # the digits and the words differ
    # Not planted, but true: no analysis names the programs or kegiatan behind the results.
    ({"CMP004"}, (("3.1 Capaian Kinerja Organisasi",),)),
]

BITUNG: list[Defect] = [
    ({"PER003"}, (("tahun keempat pelaksanaan Rencana Strategis",),)),  # 2019 is the fifth
    ({"IDN001", "IDN002", "IDN003"}, (("KPU Provinsi Gorontalo",),)),  # Bitung: Sulawesi Utara
    ({"PEG001", "PEG003", "XTB010"}, (("10 (sepuluh) orang PNS",),)),  # the list names 9
    ({"NAR005", "NAR003"}, (("Jumlah kegiatan sosialisasi", "80,00"),)),  # the scale: Berhasil
    ({"CAP001"}, (("91,76",),)),  # 11 / 12 = 91,67
    # Not planted, but true: the Sasaran 3 analysis gives the cause of the late report and no
    # remedy; and no analysis names the programs or kegiatan behind the results.
    ({"CMP009"}, (("Jumlah laporan", "91,76"),)),
    ({"CMP004"}, (("B. Analisis Capaian Kinerja",),)),
    # The participation total: the kecamatan add up to 143.019 (PML004), so its rate is off
    # (PML003). Missed by round six alone, found once the participation tables were typed.
    ({"PML002", "PML003", "PML004"}, (("143.091",),)),
]
BITUNG_MISSED: list[Defect] = []

TEXT_REPORTS = {
    "lkj_2021_kpu_kab_kapuas_hulu.txt": KAPUAS_HULU,
    "lkj_2019_kpu_kota_bitung.txt": BITUNG,
}


def _spots(ctx: AuditContext, defects: list[Defect]) -> list[tuple[set[str], tuple[int, ...]]]:
    return [
        (rules, tuple(sorted({line for parts in places for line in _lines_of(ctx, *parts)})))
        for rules, places in defects
    ]


@pytest.mark.parametrize("name", sorted(TEXT_REPORTS))
def test_round6_text_report_gives_exactly_its_planted_defects(name: str) -> None:
    ctx, findings = _judged(FIXTURES / name)
    _check(ctx.doc.lines, findings, _spots(ctx, TEXT_REPORTS[name]))


KALTARA: list[Defect] = [(rules, places) for places, rules in KALTARA_PLANTED]


@pytest.fixture(scope="module")
def kaltara(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if soffice() is None:
        pytest.skip("soffice (LibreOffice) not installed")
    return make_kaltara(tmp_path_factory.mktemp("unseen-kaltara"))


@pytest.mark.soffice
@pytest.mark.slow
@pytest.mark.parametrize("form", ["docx", "pdf", "layout"])
def test_word_made_kaltara_report_gives_exactly_its_planted_defects(
    kaltara: tuple[Path, Path], form: str, tmp_path: Path
) -> None:
    path = _word_form(kaltara, form, tmp_path, "lkj_2024_kpu_provinsi_kalimantan_utara.txt")
    ctx, findings = _judged(path)
    _check(ctx.doc.lines, findings, _spots(ctx, KALTARA))


def test_round6_missed_defects_really_are_in_the_report() -> None:
    ctx = audit.open(FIXTURES / "lkj_2019_kpu_kota_bitung.txt")
    for _rules, places in BITUNG_MISSED:
        assert all(_lines_of(ctx, *parts) for parts in places)


def test_round6_reports_are_read_as_their_own_satker_and_year() -> None:
    for name, satker, code, year in (
        ("lkj_2021_kpu_kab_kapuas_hulu.txt", "KPU Kabupaten Kapuas Hulu", "658525", 2021),
        ("lkj_2019_kpu_kota_bitung.txt", "KPU Kota Bitung", "659026", 2019),
    ):
        ctx = audit.open(FIXTURES / name)
        assert (ctx.satker, ctx.satker_code, ctx.year) == (satker, code, year), name
