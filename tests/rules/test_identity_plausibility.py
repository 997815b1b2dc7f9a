"""Identity and plausibility families: parsers, and what the real seed report must yield.

The seed is the 2024 LKj of KPU Kabupaten Ogan Komering Ilir; the expectations below were
checked by hand against the report (line numbers of tests/fixtures/…ogan_komering_ilir.txt).
"""

from __future__ import annotations

from collections import Counter

from lkj_audit.load import education, nip, regions
from lkj_audit.model import Finding


def _by_rule(found: list[Finding], prefix: str) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    for f in found:
        if f.rule.startswith(prefix):
            out.setdefault(f.rule, []).append(f)
    return out


# --- parsers ------------------------------------------------------------------------------


def test_region_mentions_need_a_level_word_and_tolerate_misspellings() -> None:
    found = regions.mentions(
        "KPU Kabupaten Ogan Komerimg Ilir dan Komisi Informasi Kota Prabumulih;"
    )
    assert [(m.prefixed, m.level, m.satker.kode if m.satker else None) for m in found] == [
        (True, "KAB", "656532"),
        (False, "KOTA", regions.best_match("KOTA", "Prabumulih")[0].kode),  # type: ignore[union-attr]
    ]
    # Bare words equal to a region name, "kabupaten/kota", short names one letter off: nothing.
    assert all(
        m.satker is None
        for m in regions.mentions("wilayah kabupaten/kota, ibu kota Kayuagung, Kota Baru")
    )
    assert (
        regions.best_match("KOTA", "Batu")[0] is not None
        and regions.best_match("KOTA", "Bata")[0] is None
    )


def test_a_near_miss_of_the_own_name_can_be_another_real_satker() -> None:
    oku, score, _ = regions.best_match("KAB", "Ogan Komering Ulu")
    assert oku is not None and oku.wilayah == "Ogan Komering Ulu" and score == 100
    assert regions.own_score("Ogan Komering Ulu", "Ogan Komering Ilir") < score  # another satker
    oki, score, _ = regions.best_match("KAB", "Ogan Komring Ilir")
    assert oki is not None and oki.kode == "656532"  # the own name, misspelt


def test_staff_numbers_parse() -> None:
    pns = nip.parse("19790901 200701 2 001", "PNS")
    assert (
        pns.defects,
        pns.birth and pns.birth.isoformat(),
        pns.start_year,
        pns.start_month,
        pns.sex,
    ) == ([], "1979-09-01", 2007, 1, "2")
    pppk = nip.parse("199408232024212039", "PPPK")
    assert pppk.defects == [] and pppk.start_year == 2024 and pppk.looks_pppk
    assert nip.parse("199408232024212039", "PNS").defects == [
        "bulan TMT CPNS '21' tidak valid (pola NI PPPK)"
    ]
    assert nip.parse("1979090120070120", "PNS").defects == ["terdiri dari 16 digit, seharusnya 18"]


def test_titles_and_education_levels() -> None:
    assert education.title_level("ANI SEPTIANA,S.H.I., M.Si") == ("S2", "S.H.I., M.Si")
    assert education.title_level("CHEMI MARTIN PUNGGAR, SH.,MH")[0] == "S2"
    assert education.title_level("DESIANA,A.Md")[0] == "D3"
    assert education.title_level("Dr. Budi Santoso, M.Si.")[0] == "S3"
    assert education.title_level("IDRIS SULIANTO") == (None, "")
    assert [
        education.column_level(c) for c in ("S1", "S-2", "D-III", "DIV", "SMU/SMK", "SLTP", "")
    ] == ["S1", "S2", "D3", "D4", "SMA", "SMP", None]


# --- the seed report ----------------------------------------------------------------------


def test_seed_identity_findings(seed_findings: list[Finding]) -> None:
    idn = _by_rule(seed_findings, "IDN")
    # "Pelaksanaan kinerja KPU Kota Prabumulih" in the Kata Pengantar: copied from another satker.
    assert [(f.location.line, f.severity.value, f.stated) for f in idn["IDN001"]] == [
        (17, "error", "KPU Kota Prabumulih")
    ]
    # "Fasilitasi pembentukan Komisi Informasi Kota Prabumulih" in the Renstra strategy.
    assert [(f.location.line, f.severity.value) for f in idn["IDN002"]] == [(423, "warning")]
    # The misspelt own name ("Ogan Komring Ilir", "Komerimg") and "KPU Kabupaten/Kota": no finding.
    assert set(idn) == {"IDN001", "IDN002"}


def test_seed_plausibility_findings(seed_findings: list[Finding]) -> None:
    pla = _by_rule(seed_findings, "PLA")
    assert {f.location.line for f in pla["PLA011"]} == {290, 291}  # A.Md with S1
    assert {(f.location.line, f.stated) for f in pla["PLA013"]} == {(296, "SMA"), (297, "SMA")}
    assert [(f.location.line, f.location.row) for f in pla["PLA003"]] == [
        (750, "Baik")
    ]  # 75 → 76 gap
    assert "75,50%" in pla["PLA003"][0].message
    assert [(f.location.line, f.severity.value) for f in pla["PLA002"]] == [
        (785, "info")
    ]  # Lavanan
    assert {f.location.line for f in pla["PLA001"]} == {579, 591, 692}  # 4 Kali, WTP, 100%
    # Every NIP / NI PPPK of the seed is valid; DPT / population = 577.241 / 801.059 = 0,72.
    assert not {"PLA004", "PLA005", "PLA006", "PLA009", "PLA010", "PLA012"} & set(pla)
    assert Counter(f.severity.value for fs in pla.values() for f in fs)["error"] == 0
