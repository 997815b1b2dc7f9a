"""Reports the reader was never tuned to: exactly their planted defects are found, nothing else.

Three LKj written by hand (not by the corpus builder), each consistent except for a few
defects planted on purpose (issue 7, "judged on reports of other satker and levels, other
years, other layouts, noisy and Word-made PDFs"):

* KPU Kota Salatiga 2023: space-aligned text as ``pdftotext -layout`` prints it (no tabs),
  page breaks (form feeds) inside tables with the header printed again, running titles and
  page numbers, wrapped cells, a "Program / Kegiatan | Pagu | Realisasi | Sisa | %" budget
  table, DPB per kecamatan per semester, a 5-level scale written "> 75 - 90";
* KPU Provinsi Bengkulu 2022: tab-separated, one capaian table listing every sasaran as group
  rows (Target | Realisasi | Capaian | Kategori "Berhasil"), DPB per kabupaten/kota cut by a
  page break, a staff table by golongan and sex, a budget table "dalam ribuan rupiah";
* KPU Kabupaten Kulon Progo 2023: written in Word (python-docx) and exported to PDF by
  LibreOffice (see ``word_kulon_progo``); checked as DOCX, as PDF and as the
  ``pdftotext -layout`` text of that PDF (top-aligned wrapped cells, words broken mid-word),
  and as its plain ``pdftotext`` text (prose hard-wrapped, tables printed column by column:
  rebuilt where every count agrees, see ``lkj_audit.load.flow_rebuild``; the rest unread).
* KPU Kabupaten Temanggung 2025 (a year without an election, Renstra 2025-2029): pages cut
  by form feeds with "Halaman 6 dari 24" footers, subsections numbered "3.1"/"3.2" instead
  of lettered, one capaian table for all sasaran with no No column and the sasaran cell
  spanning its indicators (its last words printed beside the next indicator), "Capaian" over
  "(%)", DPB per kecamatan with Semester I and II side by side under a group header (20
  rows, cut by a page break with that header repeated), a budget table with roman-numeral
  programs and amounts in accounting format ("Rp   186.400.000,00"), a comparison with last
  year's realisasi whose changes are negatives in brackets ("(Rp 432.389.289,00)"), and
  percentages written "91,67 persen";
* KPU Kota Tegal 2024, an OCR text layer: "2O24" in the title, "lOO" and "1OO,OO" in a
  capaian row, a word hyphenated at a line end, a capaian header over three lines ("Tahun
  2024" over "Target | Realisasi | Capaian", "(%)" below) beside "Realisasi 2023" and "Target
  Akhir Renstra (2024)", DPT per kecamatan with kelurahan and TPS, a participation table,
  and a budget table "dalam juta rupiah" (amounts with two decimals) with a Kode column,
  program group rows ("CQ  Program … Demokrasi" running over the figure columns) and
  "Jumlah Program …" subtotals.

* KIP Kota Banda Aceh 2022 (Aceh's KPU is the Komisi Independen Pemilihan), one paragraph a
  line and tab cells as Word's "Save as text" writes them: a capaian table per "Sasaran
  Strategis N" with Satuan, "Realisasi s.d. Semester I" and "s.d. Semester II" and a
  Polaritas column (one negative indicator), an efficiency table (capaian / serapan), a
  budget table by program, kegiatan and RO whose "Rp" is a column of its own and whose
  amounts end in ",-", a PNS list with name and NIP in separate columns;
* KPU Kabupaten Lombok Timur 2023, text as an OCR engine or a PDF viewer's copy gives it:
  prose hard-wrapped without indent, "2O23" in the title, and every table a row per line with
  single spaces between its cells (values on a wrapped name's second line, sasaran as group
  lines, a DPB table of 21 kecamatan cut by a page break, the budget by kegiatan): no column
  boundary is visible; the tables are rebuilt from their header's labels and the figures at
  each row's right end (``lkj_audit.load.flow_rows``), all but the PK, whose Sasaran and
  Indikator cells stand side by side (recorded as unread, RDG002);
* KPU Provinsi Sulawesi Tengah 2021, written in Word (see ``word_sulawesi_tengah``): a
  capaian header of two rows of merged cells with every sasaran a row merged across the
  table, a "Capaian | Kategori" scale with no No column, DPB per kabupaten/kota and a budget
  per jenis belanja "dalam ribuan rupiah" whose "Jumlah" spans two columns, a staff table by
  education; checked as DOCX, as its LibreOffice PDF and as that PDF's ``pdftotext -layout``.

First run of the Banda Aceh report: 3 of its 6 planted defects (missed: the capaian computed
on the Semester I realisasi and the Penutup's mean capaian, both because no column was taken
for this year's realisasi, the tables read with low confidence, RDG001; the RO footing,
because the "Rp" column left every amount unread), no false error, 24 false warnings (ANG006,
pagu and realisasi "missing" on all 12 budget rows). After the fixes: 6 of 6, no false error
or warning.

First run of the Lombok Timur report: 2 of its 8 planted defects (XTB011, PER003; missed
besides the five in or against its unread tables: the other satker in the Penutup, whose name
a line break cuts after "Kabupaten"), no false error, 2 false warnings (CMP001 and CMP003: the
analysis paragraphs were swallowed by one unread "table" running from the capaian table to
the budget table), 1 false info (STR005 on the signatory "H. LALU …, S.H."). After the fixes:
3 of 8 (the five in or against unread tables stay missed), no false finding. With the
run-together tables rebuilt: 8 of 8, no false finding (and a true CMP010: the Ikhtisar
quotes no capaian percentage).

First run of the Sulawesi Tengah report (the same in all three forms): 3 of its 5 planted
defects (missed: PER002, the stale Renstra 2015-2019 excused by the word "disusun"; NAR005,
the scale table not taken for a scale, its rows merged into one), no false error or warning
(its CMP010 is true). After the fixes: 5 of 5 in every form.

First run of the Temanggung and Tegal reports, before any reader or rule change for them
(`lkj-audit check FILE --format text`). Temanggung: 4 of its 5 planted defects (missed: the
Penutup's "97,70 persen", the budget table unread because "Rp" stood apart from its amount),
no false error, 3 false warnings (CMP009 twice: the per-sasaran analyses after the combined
table were not seen, the "3.1" subsections being unread; STR002: no Realisasi Anggaran
subsection). Tegal: 4 of 5 (missed: the "Jumlah Program" subtotal, the budget table unread
because the CQ row spans the figure columns), no false error, 2 false warnings (CAP002 and
XTB009 on the "lOO" target). After the fixes: 5 of 5 each, no false error or warning; the
findings not planted but true are listed with the defects below.

Together, the five reports written in this round (Sulawesi Tengah counted once, each of its
three forms alike): first run 16 of 29 planted defects found (55 %), no false error, 31 false
warnings (in 8 rule-and-cause groups) and 1 false info; now 24 of 29 (83 %; 24 of 24 outside
tables printed without any column boundary), no false error, warning or info.

Two more written by hand, in layouts of their own:

* KPU Kota Blitar 2022 (a kota beside the kabupaten of the same name, Renstra 2020-2024):
  space-aligned text with a running title on every page, a capaian table with roman-numeral
  sasaran numbers and a "Tidak"/"Ya" column for "tercapai", amounts printed "Rp.   395.250"
  (thousands, the Rp apart), the DPT per kelurahan grouped by kecamatan with "Jumlah
  Kecamatan ..." subtotal rows printed without a No and a "JUMLAH KOTA BLITAR" total row,
  that table cut by a page break. Planted: the kabupaten's name (IDN001), "tahun keempat"
  (PER003), a capaian 78,50 for 87,50 (CAP001), the kota's LK total (PML001/PML002), a
  kegiatan's serapan 95,34 for 95,43 (ANG001), the Penutup's serapan 96,28 for 96,82 (NAR001).
* KPU Kabupaten Gunungkidul 2023 (an election-preparation year): a capaian table with
  "Realisasi 2022", "Target 2023", "Realisasi 2023", "Capaian 2023 (%)" and "Target Renstra
  2024" over two header lines, a staff count table by golongan, the DPT per kecamatan whose
  header prints "Jumlah" over "Desa" beside the LK | PR | JUMLAH | TPS columns, a budget
  table by program, kegiatan and RO. Planted: "15 (lima belas) orang PNS" beside a table of
  14 (PEG001/PEG003), a "Tabel 3.3 ... Tahun 2022" title (PER001), a capaian 89,98 for 88,89
  (CAP001), a Bab III target not the PK's (XTB009), a kecamatan's Jumlah and the TPS total
  (PML001, PML002), a kegiatan pagu that neither its ROs nor its % fit (ANG001/ANG002/ANG003).

First run of these two (before any change for them): 7 of their 13 planted defects
(Blitar 4 of 6: IDN001 and the voter total missed; Gunungkidul 3 of 7), no false error,
1 false warning (CMP004 R-A7: "Keberhasilan didukung kegiatan 6871 ..." names the supporting
kegiatan with no "oleh"). Now: 9 of 13 (IDN001 by the kabupaten-of-the-same-name fix,
PER001 now that a title's sasaran number may stand before its year; the two voter tables
are still read low, RDG001, so PML001/PML002 stay missed, as do PEG001/PEG003 in
Gunungkidul), no false error or warning (both CMP010 are true: each
Ikhtisar quotes no capaian percentage). Round 7b: 13 of 13 (Gunungkidul's PEG001/PEG003 found
in round six; the voter tables read whole: "Jumlah Kecamatan …" subtotal rows without a No
and a running title with its page number inside the table are rows and furniture of their
own, not wrapped lines; "Jumlah" over "Desa" is a count of places, no JUMLAH column).

A defect is named by a piece of the line that carries it and the rules allowed to report it;
every error or warning must sit on a defect's line, and every defect must be reported.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from lkj_audit import audit
from lkj_audit.audit import AuditContext
from lkj_audit.model import Finding, Severity
from tests.load.word_lkj import soffice
from tests.unseen.word_kulon_progo import PLANTED as WORD_PLANTED
from tests.unseen.word_kulon_progo import make
from tests.unseen.word_sulawesi_tengah import PLANTED as SULTENG_PLANTED
from tests.unseen.word_sulawesi_tengah import make as make_sulteng

FIXTURES = Path(__file__).parent / "fixtures"

# A defect printed on every line holding its text (a date repeated under two signatures).
EVERY = "*every line*"
# (file, [(text on the defect's line, rules that may report it), ...])
TEXT_REPORTS = {
    "lkj_2023_kpu_kota_salatiga.txt": [
        ("Laporan", "93,67", {"CAP001"}),  # 11 / 12 = 91,67
        ("Tingkir", "38.325", {"PML001"}),  # 18.840 + 19.395 = 38.235 (Semester II)
        ("Jumlah", "143.528", {"PML002"}),  # ... so the Semester II rows no longer add up
        ("Jumlah", "16.796.441.962", {"ANG001", "ANG004"}),  # rows add up to 16.769.441.962
    ],
    "lkj_2022_kpu_provinsi_bengkulu.txt": [
        ("Sekretariat KPU", "Provinsi Jambi", {"IDN001", "IDN003"}),  # another satker's name
        ("Tabel 3.2", "Pengukuran Kinerja Tahun 2021", {"PER001"}),  # the wrong year
        ("SAKIP", "97,72%", {"CAP001"}),  # 87,5 / 90 = 97,22
        ("Jumlah", "808.958", {"PML001", "PML002"}),  # the kabupaten/kota add up to 808.598
    ],
    "lkj_2025_kpu_kab_temanggung.txt": [
        ("tahun kedua pelaksanaan Rencana Strategis", {"PER003"}),  # 2025 is the first year
        ("23 Kegiatan", "95,38", {"CAP001"}),  # 23 / 24 = 95,83
        ("Nilai Indikator Kinerja", "96,47", {"XTB009"}),  # target 93, the PK says 95
        ("Jumlah", "311.984", {"PML001", "PML002"}),  # the kecamatan add up to 311.948
        ("penyerapan anggaran sebesar 97,70 persen", {"NAR001"}),  # the budget table: 97,07
        # Not planted, but true: the KPU habit "55% - 75%" / "76% - 100%" leaves 75,50 out.
        ("76% - 100%", {"PLA003"}),
    ],
    "lkj_2022_kip_kota_banda_aceh.txt": [
        ("Sekretariat KIP Kabupaten Aceh Besar", {"IDN001"}),  # another satker's name
        # Signed before the year ended, in the Kata Pengantar and again under the Penutup.
        (EVERY, "Banda Aceh, 20 Desember 2022", {"PER004"}),
        ("12 (dua belas) orang PNS", {"PEG001"}),  # the PNS table lists 11
        ("Jumlah kegiatan pendidikan pemilih", "37,50", {"CAP001"}),  # 6 / 16: Semester I
        ("6709.QGE.004", {"ANG001", "ANG002"}),  # realisasi 413.298.000, its % says 431.298.000
        ("6709", "Perencanaan Program", {"ANG002"}),  # ... so the kegiatan's ROs do not foot
        ("rata-rata capaian kinerja sebesar 102,74%", {"NAR001"}),  # the tables give 102,47
    ],
    "lkj_2024_kpu_kota_tegal.txt": [
        ("Sekretariat KPU Kabupaten Brebes", {"IDN001", "IDN002"}),  # another satker's name
        ("Seluruh indikator kinerja Tahun 2024", {"NAR002", "NAR001"}),  # DPB 5 of 6 reports
        ("Jumlah", "27", "823", {"PML002"}),  # the kecamatan have 832 TPS
        ("akan dilaksanakan pada tahun 2024", {"PER007"}),  # a 2024 event still to come
        ("Jumlah Program Penyelenggaraan", {"ANG003", "ANG004", "ANG001"}),  # rows: 24.550,35
        # Not planted, but true: the Ikhtisar quotes no capaian percentage.
        ("IKHTISAR EKSEKUTIF", {"CMP010"}),
    ],
    "lkj_2022_kpu_kota_blitar.txt": [
        # The kabupaten's name, not the kota's; reported on its line of a wrapped paragraph.
        (EVERY, "Sekretariat KPU Kabupaten Blitar", {"IDN001"}),
        ("tahun keempat pelaksanaan", {"PER003"}),  # 2022 is year 3 of 2020-2024
        ("Jumlah kegiatan pendidikan", "78,50 %", {"CAP001"}),  # 7 / 8 = 87,50
        ("6871", "95,34 %", {"ANG001"}),  # 377.180 / 395.250 = 95,43
        ("penyerapan anggaran sebesar 96,28%", {"NAR001"}),  # the budget table: 96,82
        # Not planted, but true: the Ikhtisar quotes no capaian percentage.
        ("IKHTISAR EKSEKUTIF", {"CMP010"}),
        # "JUMLAH KOTA BLITAR" prints LK 56.328 where the rows give 56.382. Missed until the
        # "Jumlah Kecamatan ..." subtotal rows printed without a No (and the running title
        # with its page number inside the table) were no longer read as wrapped lines.
        ("JUMLAH KOTA BLITAR", {"PML001", "PML002"}),
    ],
    "lkj_2023_kpu_kab_gunungkidul.txt": [
        ("Jumlah kegiatan sosialisasi", "89,98", {"CAP001"}),  # 16 / 18 = 88,89
        (EVERY, "Tabel 3.3", "Tahun 2022", {"PER001"}),  # a 2022 title in the 2023 report
        ("Nilai Indikator Kinerja", "96,12", {"XTB009"}),  # target 95, the PK says 93
        ("Program Penyelenggaraan Pemilu", "5.973.550.000,00", {"ANG003"}),  # its kegiatan: 5.991
        ("6871", "2.164.500.000,00", {"ANG001", "ANG002"}),  # pagu 2.146.500.000 fits its %
        # Not planted, but true: the Ikhtisar quotes the serapan but no capaian percentage.
        ("IKHTISAR EKSEKUTIF", {"CMP010"}),
        ("15 (lima belas) orang PNS", {"PEG001", "PEG003"}),  # the golongan table sums to 14
        # The Tepus row Jumlah 38.410 for 38.140 (PML001) and the TPS total 2.358 for 2.385
        # (PML002; the total's Jumlah then differs from its rows too). Missed until the header
        # "Jumlah" over "Desa" (a count of places) was no longer taken for the JUMLAH column.
        ("Tepus", "38.410", {"PML001"}),
        ("Jumlah", "2.358", "595.420", {"PML002"}),
    ],
}


def _pdftotext(pdf: Path, out: Path, *, layout: bool = False) -> None:
    """The text extraction a user makes of ``pdf`` (skips when poppler-utils is missing)."""
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    flags = ["-layout"] if layout else []
    subprocess.run([exe, *flags, str(pdf), str(out)], check=True, timeout=60)


def _word_form(made: tuple[Path, Path], form: str, tmp_path: Path, name: str) -> Path:
    """A Word-made report as it is checked: its DOCX, its PDF, or that PDF's layout text."""
    docx, pdf = made
    if form == "docx":
        return docx
    if form == "pdf":
        return pdf
    path = tmp_path / name
    _pdftotext(pdf, path, layout=True)
    return path


def _line_of(ctx: AuditContext, *parts: str) -> int:
    """The line a finding about ``parts`` is reported at: its paragraph's first line, or the
    one source line holding all of them (a table row)."""
    paragraphs = [
        b.line for b in ctx.doc.blocks if all(p in " ".join(b.text.split()) for p in parts)
    ]
    hits = paragraphs or [k for k, t in enumerate(ctx.doc.lines, 1) if all(p in t for p in parts)]
    assert len(hits) == 1, f"{parts} must name exactly one line, found {hits}"
    return hits[0]


def _judged(path: Path) -> tuple[AuditContext, list[Finding]]:
    ctx = audit.open(path)
    findings = audit.run_rules(ctx)
    return ctx, [f for f in findings if f.severity != Severity.INFO]


def _every_line(ctx: AuditContext, *parts: str) -> tuple[int, ...]:
    return tuple(k for k, t in enumerate(ctx.doc.lines, 1) if all(p in t for p in parts))


def _lines_of(ctx: AuditContext, *parts: str) -> tuple[int, ...]:
    """The paragraph's first line and the source line holding all ``parts``: a finding about
    a sentence may cite either (a paragraph of ``pdftotext -layout`` spans several lines)."""
    on_line = [k for k, t in enumerate(ctx.doc.lines, 1) if all(p in t for p in parts)]
    return tuple(sorted({_line_of(ctx, *parts), *on_line[:1]}))


def _check(
    lines: list[str],
    findings: list[Finding],
    planted: list[tuple[set[str], int]] | list[tuple[set[str], tuple[int, ...]]],
) -> None:
    spots = [(rules, (at,) if isinstance(at, int) else at) for rules, at in planted]
    allowed: dict[int, set[str]] = {}
    for rules, at in spots:
        for line in at:
            allowed.setdefault(line, set()).update(rules)
    false = [
        (f.rule, f.location.line, f.message)
        for f in findings
        if f.location.line not in allowed or f.rule not in allowed[f.location.line]
    ]
    assert not false, f"findings that are no planted defect: {false}"
    reported = {(f.rule, f.location.line) for f in findings}
    missed = [
        (sorted(rules), at, lines[at[0] - 1].strip())
        for rules, at in spots
        if not any((r, line) in reported for r in rules for line in at)
    ]
    assert not missed, f"planted defects not found: {missed}"


@pytest.mark.parametrize("name", sorted(TEXT_REPORTS))
def test_text_report_gives_exactly_its_planted_defects(name: str) -> None:
    ctx, findings = _judged(FIXTURES / name)
    planted = [
        (rules, _every_line(ctx, *parts[1:]) if parts[0] == EVERY else (_line_of(ctx, *parts),))
        for *parts, rules in TEXT_REPORTS[name]
    ]
    _check(ctx.doc.lines, findings, planted)


def test_a_shared_capaian_table_serves_every_sasaran_of_its_group_rows() -> None:
    # Bengkulu lists all sasaran as group rows of one capaian table (cut by a page break):
    # no sasaran lacks its capaian, not even as an info.
    ctx = audit.open(FIXTURES / "lkj_2022_kpu_provinsi_bengkulu.txt")
    assert [s.number for s in ctx.doc.sections if s.level == 3] == [1, 2, 3]
    assert not [f.message for f in audit.run_rules(ctx) if f.rule == "CMP006"]


@pytest.fixture(scope="module")
def word_made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if soffice() is None:
        pytest.skip("soffice (LibreOffice) not installed")
    return make(tmp_path_factory.mktemp("unseen-word"))


@pytest.mark.soffice
@pytest.mark.slow
@pytest.mark.parametrize("form", ["docx", "pdf"])
def test_word_made_report_gives_exactly_its_planted_defects(
    word_made: tuple[Path, Path], form: str
) -> None:
    path = word_made[0] if form == "docx" else word_made[1]
    ctx, findings = _judged(path)
    planted = [({rule}, _line_of(ctx, marker)) for marker, rule in WORD_PLANTED]
    _check(ctx.doc.lines, findings, planted)


@pytest.mark.soffice
@pytest.mark.slow
def test_word_made_report_as_pdftotext_layout_gives_exactly_its_planted_defects(
    word_made: tuple[Path, Path], tmp_path: Path
) -> None:
    text = tmp_path / "lkj_2023_kpu_kab_kulon_progo.txt"
    _pdftotext(word_made[1], text, layout=True)
    ctx, findings = _judged(text)
    planted = [({rule}, _line_of(ctx, marker)) for marker, rule in WORD_PLANTED]
    _check(ctx.doc.lines, findings, planted)


@pytest.mark.soffice
@pytest.mark.slow
def test_word_made_report_as_plain_pdftotext_gives_exactly_its_planted_defects(
    word_made: tuple[Path, Path], tmp_path: Path
) -> None:
    """Plain ``pdftotext`` prints every table column by column. The PNS, PPNPN, DPB, DPT and
    budget tables are rebuilt (every count agrees; the wrapped Nama / NIP and Uraian cells are
    left empty), so all three planted defects are found; the PK and capaian tables, whose
    sasaran cells span several rows, stay unread (RDG002)."""
    text = tmp_path / "lkj_2023_kpu_kab_kulon_progo.txt"
    _pdftotext(word_made[1], text)
    ctx, findings = _judged(text)
    planted = [({rule}, _line_of(ctx, marker)) for marker, rule in WORD_PLANTED]
    _check(ctx.doc.lines, findings, planted)
    assert sorted(t.kind or "" for t in ctx.doc.tables) == [
        "anggaran",
        "pegawai",
        "pegawai",
        "pemilih",
        "pemilih",
    ]
    assert all(any("disusun ulang" in n for n in t.doubts) for t in ctx.doc.tables)
    assert all(r.confidence == "high" for r in ctx.reading)
    unread = [f for f in audit.run_rules(ctx) if f.rule == "RDG002"]
    assert len(unread) == 2, [(f.location.line, f.message) for f in unread]


# Not planted, but true: the Ikhtisar quotes no capaian percentage.
_SULTENG_TRUE = (("IKHTISAR EKSEKUTIF", {"CMP010"}),)


@pytest.fixture(scope="module")
def sulteng(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if soffice() is None:
        pytest.skip("soffice (LibreOffice) not installed")
    return make_sulteng(tmp_path_factory.mktemp("unseen-sulteng"))


@pytest.mark.soffice
@pytest.mark.slow
def test_plain_pdftotext_rebuilds_the_tables_the_layout_form_reads(
    word_made: tuple[Path, Path], tmp_path: Path
) -> None:
    """A rebuilt table is the table ``pdftotext -layout`` gives, value for value, except the
    wrapped cells it leaves empty (Nama / NIP, Uraian) and the source lines."""
    plain, layout = tmp_path / "plain.txt", tmp_path / "layout.txt"
    _pdftotext(word_made[1], plain)
    _pdftotext(word_made[1], layout, layout=True)
    got, want = audit.open(plain).tables, audit.open(layout).tables
    empty_in_plain = {"pegawai": ("nama", "nip"), "anggaran": ("uraian", "program")}
    for name in ("pemilih", "anggaran", "pegawai"):
        skip = {"table", "line", "evidence", "closes", *empty_in_plain.get(name, ())}
        a, b = getattr(got, name), getattr(want, name)
        keep = [c for c in b.columns if c not in skip]
        assert len(a) == len(b) > 0, name
        assert a[keep].astype(str).to_dict("records") == b[keep].astype(str).to_dict("records")
    assert set(got.anggaran.uraian) >= {"6709.QGE.004", "Jumlah"}


@pytest.mark.soffice
@pytest.mark.slow
@pytest.mark.parametrize("form", ["docx", "pdf", "layout"])
def test_word_made_provincial_report_gives_exactly_its_planted_defects(
    sulteng: tuple[Path, Path], form: str, tmp_path: Path
) -> None:
    path = _word_form(sulteng, form, tmp_path, "lkj_2021_kpu_provinsi_sulawesi_tengah.txt")
    ctx, findings = _judged(path)
    planted = [(rules, _lines_of(ctx, m)) for m, rules in (*SULTENG_PLANTED, *_SULTENG_TRUE)]
    _check(ctx.doc.lines, findings, planted)


# Lombok Timur: its tables are row-per-line text without column boundaries, rebuilt from the
# header's column labels and the figures at each row's right end (lkj_audit.load.flow_rows).
LOMBOK = "lkj_2023_kpu_kab_lombok_timur.txt"
LOMBOK_FOUND = [
    ("21 (dua puluh) kecamatan", {"XTB011"}),
    ("tahun ketiga pelaksanaan Rencana Strategis", {"PER003"}),
    ("97,52%. Laporan Kinerja Sekretariat KPU Kabupaten", {"IDN001"}),  # "/ Lombok Tengah"
    # The row's first line; its figures are on the next: "Pemilu 2024 30 Kegiatan 27 Kegiatan 95%"
    ("4 Jumlah kegiatan sosialisasi tahapan", {"CAP001"}),  # 27 / 30 = 90%
    ("Jumlah 494.258", {"PML002", "PML001"}),  # the kecamatan add up to 494.285
    ("2.106.574.300 96,86", {"ANG001"}),  # 2.106.574.300 / 2.178.900.000 = 96,68
    ("mencapai 97,61%", {"NAR001"}),  # the budget table totals 97,52%
    ("Seluruh sasaran strategis", {"NAR002"}),  # one indicator at 90%
    # Not planted, but true: the Ikhtisar quotes no capaian percentage.
    ("IKHTISAR EKSEKUTIF", {"CMP010"}),
]
LOMBOK_UNREAD: list[tuple[str, str]] = []  # planted, but in or against a table no reader reads


def test_a_report_of_run_together_tables_gives_its_defects_and_nothing_false() -> None:
    ctx, findings = _judged(FIXTURES / LOMBOK)
    planted = [(rules, _lines_of(ctx, *parts)) for *parts, rules in LOMBOK_FOUND]
    _check(ctx.doc.lines, findings, planted)
    # Capaian, DPB (both pages, one table) and budget are rebuilt and noted as such; the PK,
    # whose Sasaran and Indikator cells stand side by side with no boundary, stays unread.
    assert sorted(t.kind or "" for t in ctx.doc.tables) == ["anggaran", "capaian", "pemilih"]
    assert all(r.confidence == "high" for r in ctx.reading)
    assert all(any("tercetak menyambung" in n for n in r.notes) for r in ctx.reading)
    unread = [f for f in audit.run_rules(ctx) if f.rule == "RDG002"]
    assert [f.location.line for f in unread] == [_line_of(ctx, "No Sasaran Strategis Indikator")]
    assert "dua kolom teks berdampingan" in unread[0].message
    for marker, _rule in LOMBOK_UNREAD:  # the defects really are in the report
        assert any(marker in " ".join(t.split()) for t in ctx.doc.lines), marker
