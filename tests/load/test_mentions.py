"""The loader's text analysis (load/mentions/): one splitter, one blanker, typed mentions.

Realistic Indonesian sentences, with the traps rules fell into: citations whose years are not
the period ("UU No. 7 Tahun 2017", "Perpres 29/2014"), spans ("2020-2024"), previous-year
phrases ("tahun 2023 lalu"), percentages with a decimal comma ("99,61%") and counts written
twice ("dua puluh (20) orang").
"""

from __future__ import annotations

import copy
from datetime import date
from fractions import Fraction

from lkj_audit.load.mentions.citations import blank_citations, citations_in
from lkj_audit.load.mentions.comparisons import comparisons_in, earlier_refs_in, earlier_words_in
from lkj_audit.load.mentions.dates import dates_in, format_date, parse_date, signature_line
from lkj_audit.load.mentions.figures import first_figure, percentages_in
from lkj_audit.load.mentions.renstra import expected_renstra, renstra_spans
from lkj_audit.load.mentions.sections import closing_chapters, penutup, summary_chapters
from lkj_audit.load.mentions.sentences import sentence_around, split_sentences
from lkj_audit.load.mentions.years import free_years, spans_in, without_spans, years_in
from lkj_audit.load.terbilang import count_value
from lkj_audit.load.text_reader import read_text

UU = "Berdasarkan UU No. 7 Tahun 2017 tentang Pemilihan Umum, KPU menyusun LKj Tahun 2024."


# --- sentences ------------------------------------------------------------------------------


def test_an_abbreviation_before_a_number_or_name_does_not_end_a_sentence() -> None:
    text = UU + " Kantor di Jl. Merdeka No. 5 Kab. Ogan Komering Ilir. Capaian 2024 baik."
    assert split_sentences(text) == [
        UU,
        "Kantor di Jl. Merdeka No. 5 Kab. Ogan Komering Ilir.",
        "Capaian 2024 baik.",
    ]


def test_sentences_end_at_quotes_brackets_and_semicolons() -> None:
    text = 'Target "tercapai." Realisasi (99,61%). Lalu; 2024 selesai! Baik? ya'
    assert split_sentences(text) == [
        'Target "tercapai."',
        "Realisasi (99,61%).",
        "Lalu;",
        "2024 selesai!",
        "Baik? ya",
    ]


def test_the_sentence_around_a_name() -> None:
    text = "Rapat di Kab. Musi Rawas. Koordinasi dengan Kota Palembang berjalan baik. Selesai."
    start = text.index("Kota")
    assert sentence_around(text, start, start + 14).strip() == (
        "Koordinasi dengan Kota Palembang berjalan baik."
    )
    assert sentence_around(text, 9, 12).startswith("Rapat di Kab. Musi Rawas.")


# --- citations ------------------------------------------------------------------------------


def test_citations_and_dated_days_are_blanked_offsets_kept() -> None:
    text = (
        "Sesuai UU No. 7 Tahun 2017 dan Perpres 29/2014, surat B/3934/M.PANRB/12/2015 tanggal "
        "23 Januari 2014, LKj Tahun 2024 disusun pada Januari 2025."
    )
    clean = blank_citations(text)
    assert len(clean) == len(text)
    assert free_years(clean) == [2024, 2025]  # the month-and-year of "Januari 2025" stays
    assert "2017" not in clean and "2014" not in clean and "2015" not in clean
    assert len(citations_in(text)) == 3


def test_a_regulation_named_with_nomor_and_tentang_is_blanked_to_the_clause_end() -> None:
    text = "Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang Petunjuk Teknis; capaian 2023."
    assert free_years(blank_citations(text)) == [2023]


# --- years ----------------------------------------------------------------------------------


def test_years_with_their_offsets_and_what_they_touch() -> None:
    text = "Renstra 2020-2024, kode 12/2015, TA2023 dan tahun 2023 lalu; nomor 120245 bukan."
    found = years_in(text)
    assert [(y.value, y.glued, y.in_word) for y in found] == [
        (2020, False, False),
        (2024, True, False),
        (2015, True, False),
        (2023, False, True),
        (2023, False, False),
    ]
    assert text[found[0].start : found[0].end] == "2020"
    assert free_years(text) == [2020, 2023, 2023]


def test_spans_of_years() -> None:
    text = "Renstra 2020-2024, RPJMN 2020 s.d. 2024 dan 2025 – 2029; tahun 2024."
    assert [s[:2] for s in spans_in(text)] == [(2020, 2024), (2020, 2024), (2025, 2029)]
    assert free_years(without_spans(text)) == [2024]


# --- dates and signatures -------------------------------------------------------------------


def test_dates_as_printed() -> None:
    found = dates_in("ditandatangani 20 Januari 2025, revisi Pebruari 2024, bukan 31 Februari 2024")
    assert [(d.when, d.has_day, d.raw) for d in found] == [
        (date(2025, 1, 20), True, "20 Januari 2025"),
        (date(2024, 2, 1), False, "Pebruari 2024"),
    ]
    assert parse_date("31 Februari 2024") is None
    assert format_date(date(2025, 1, 20)) == "20 Januari 2025"


def test_a_signature_line_is_a_place_and_a_date_alone() -> None:
    signed = signature_line(7, "Kayuagung, 20 Januari 2025")
    assert signed is not None and (signed.line, signed.place, signed.when) == (
        7,
        "Kayuagung",
        date(2025, 1, 20),
    )
    assert signature_line(8, "Pada 20 Januari 2025, LKj disampaikan") is None
    assert signature_line(9, "Kayuagung\t20 Januari 2025") is None  # a table row


# --- Renstra --------------------------------------------------------------------------------


def test_renstra_periods_as_printed() -> None:
    text = blank_citations(
        "Rencana Strategis (Renstra) KPU Kabupaten Ogan Komering Ilir Tahun 2020-2024 mengacu "
        "pada UU No. 7 Tahun 2017; Renstra periode 2025 sampai dengan 2029 disusun."
    )
    assert [(s.first, s.last) for s in renstra_spans(text)] == [(2020, 2024), (2025, 2029)]
    assert expected_renstra(2024) == (2020, 2024)
    assert expected_renstra(2025) == (2025, 2029)
    assert expected_renstra(2024, "2021 – 2026") == (2021, 2026)


# --- percentages ----------------------------------------------------------------------------


def test_percentages_at_their_printed_precision() -> None:
    text = "serapan sebesar 99,61%, capaian (100 %) dan kode A1.5% serta 1.234,5%."
    found = percentages_in(text)
    assert [(p.number, p.plain) for p in found] == [
        ("99,61", True),
        ("100", True),
        ("1.5", False),  # glued to a code
        ("1.234,5", False),  # not a percentage a summary quotes
    ]
    first = found[0].decimal()
    assert first is not None and (first.value, first.decimals) == (Fraction(9961, 100), 2)
    assert found[0].point_value == Fraction(9961, 100)
    assert text[found[1].start : found[1].end] == "100 %"


def test_the_first_figure_is_a_percentage_or_a_grouped_amount() -> None:
    assert first_figure("tahun 2023 sebesar 1.250.000 rupiah") == 19
    assert first_figure("tahun 2023 sebesar 95%") == 19
    assert first_figure("tahun 2023 tidak ada") is None


# --- previous-year comparisons --------------------------------------------------------------


def test_previous_year_comparisons() -> None:
    text = (
        "Capaian meningkat dibandingkan dengan tahun sebelumnya, dan dibanding capaian tahun "
        "2023 lalu; perbandingan dengan periode sebelumnya juga."
    )
    assert [(c.raw, c.year) for c in comparisons_in(text)] == [
        ("dibandingkan dengan tahun sebelumnya", None),
        ("dibanding capaian tahun 2023", 2023),
        ("perbandingan dengan periode sebelumnya", None),
    ]


def test_references_to_earlier_years() -> None:
    text = "Realisasi tahun 2023 lalu 95%, tahun-tahun sebelumnya 90%, TA2022 dan tahun lalu."
    refs = earlier_refs_in(text)
    assert [(text[r.start : r.end], r.year) for r in refs] == [
        ("2023", 2023),
        ("tahun-tahun sebelumnya", None),
        ("tahun lalu", None),
    ]
    assert len(earlier_words_in("tahun 2023 lalu")) == 0  # a year, not the words


# --- counts ---------------------------------------------------------------------------------


def test_counts_with_their_number_words() -> None:
    doc = read_text(
        "BAB I PENDAHULUAN\nSekretariat dilayani dua puluh (20) orang dan 6 (tujuh) misi.\n"
    )
    block = next(b for b in doc.blocks_in(None) if "orang" in b.text)
    pairs = doc.mentions.number_pairs(block)
    assert [(p.digits, p.words, p.agrees) for p in pairs] == [(20, 20, True), (6, 7, False)]
    assert doc.mentions.number_pairs(block) is pairs  # built once


def test_a_count_written_in_digits_or_words() -> None:
    assert [count_value(t) for t in ("8", "terdapat enam", "dua puluh", "beberapa")] == [
        8,
        6,
        20,
        None,
    ]


# --- the whole document ---------------------------------------------------------------------

RENSTRA = (
    "KPU Kabupaten Ogan Komering Ilir berpedoman pada Renstra KPU Kabupaten Ogan Komering "
    "Ilir Tahun 2020-2024."
)
REPORT = f"""KATA PENGANTAR

Puji syukur atas tersusunnya LKj Tahun 2024.

Kayuagung, 20 Januari 2025

BAB I
PENDAHULUAN

{RENSTRA} Kunjungan ke KPU Kota Palembang dilakukan.

BAB II
PERENCANAAN KINERJA

Uraian perencanaan.

BAB III
AKUNTABILITAS KINERJA

Capaian sebesar 99,61%.

BAB IV
PENUTUP

Demikian laporan ini.
"""


def test_the_analysis_is_built_once_and_kept_on_the_document() -> None:
    doc = read_text(REPORT)
    analysis = doc.mentions
    assert doc.mentions is analysis
    texts = [(s.text, s.line) for s in analysis.sentences()]
    assert (
        "KPU Kabupaten Ogan Komering Ilir berpedoman pada Renstra KPU Kabupaten Ogan Komering "
        "Ilir Tahun 2020-2024.",
        10,
    ) in texts
    bab3 = doc.chapter("bab3")
    assert [s.text for s in analysis.sentences(bab3)][-1] == "Capaian sebesar 99,61%."
    assert [(r.line, r.period) for r in analysis.renstra] == [(10, "2020-2024")]
    assert [(d.line, d.raw) for d in analysis.signatures()] == [(5, "20 Januari 2025")]
    assert analysis.signatures(6, 27) == []
    names = [(r.line, r.mention.text) for r in analysis.regions]
    assert (10, "KPU Kota Palembang") in names
    assert analysis.renstra is analysis.renstra


def test_a_copied_document_gets_its_own_analysis() -> None:
    doc = read_text(REPORT)
    first = doc.mentions.renstra
    twin = copy.deepcopy(doc)
    assert twin.mentions is not doc.mentions
    assert [r.period for r in twin.mentions.renstra] == [r.period for r in first]


def test_the_penutup_and_the_summary_chapters() -> None:
    doc = read_text(REPORT)
    assert [s.key for s in closing_chapters(doc)] == ["bab4"]
    assert penutup(doc) is doc.chapter("bab4")
    assert [s.key for s in summary_chapters(doc)] == ["bab4"]  # no Ikhtisar in this report
    five = read_text(
        REPORT.replace("BAB IV\nPENUTUP", "BAB IV\nEVALUASI") + "\nBAB V\nPENUTUP\n\nAkhir.\n"
    )
    assert [s.title for s in closing_chapters(five)] == ["BAB V PENUTUP"]
