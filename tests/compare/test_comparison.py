"""The comparison with the previous year (R-A2): its numbers, its matching, its refusals."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from lkj_audit import audit, show
from lkj_audit.compare import match
from lkj_audit.errors import PreviousYearError
from lkj_audit.fsutil import sha256_file
from lkj_audit.messages import explain
from tests.compare.conftest import previous_text
from tests.conftest import SEED


@pytest.fixture(scope="module")
def compared(previous_report: Path) -> audit.AuditContext:
    return audit.open(SEED, previous=previous_report)


def _item(ctx: audit.AuditContext, kind: str, key: str) -> dict:  # type: ignore[type-arg]
    data = audit.payload(ctx, [])["comparison"]
    found = [i for i in data["items"] if i["kind"] == kind and i["key"] == key]
    assert len(found) == 1, (kind, key)
    return found[0]


def test_items_hold_both_years_recomputed_figures(
    compared: audit.AuditContext, previous_report: Path
) -> None:
    before = audit.open(previous_report)  # last year audited on its own
    data = audit.payload(compared, [])["comparison"]
    assert data["previous"]["year"] == 2023
    assert data["previous"]["source_sha256"] == sha256_file(previous_report)
    serapan = _item(compared, "anggaran", "serapan_pct")
    assert serapan["previous"] == before.figures.as_dict()["anggaran"]["serapan_pct"]
    assert serapan["current"] == compared.figures.as_dict()["anggaran"]["serapan_pct"]
    assert serapan["current"] != 99.61  # the printed Jumlah row is never the figure compared
    assert serapan["change"] == pytest.approx(serapan["current"] - serapan["previous"])
    realisasi = _item(compared, "anggaran", "realisasi")
    assert realisasi["change"] == realisasi["current"] - realisasi["previous"]
    assert isinstance(realisasi["change"], int)
    # The indicator whose realisasi was halved last year: 50% then, 100% now.
    qge = _item(compared, "capaian", "6709.QGE.007")
    assert (qge["previous"], qge["current"], qge["change"], qge["direction"]) == (
        50,
        100,
        50,
        "naik",
    )
    # One indicator under two sasaran is paired by its sasaran, never by guess.
    assert _item(compared, "capaian", "3360.EBA.994 (sasaran 2)")["line"] == 785
    dpt = _item(compared, "pemilih", "DPT")
    prev_dpt = before.tables.pemilih.query("tahap == 'DPT'").iloc[0]
    assert dpt["previous"] == prev_dpt.lk + prev_dpt.pr and dpt["current"] == 294966 + 282275
    # DP4 is printed 556.561 although LK + PR = 554.561: shown, never judged.
    assert _item(compared, "pemilih", "DP4")["certain"] is False
    ppnpn = _item(compared, "pegawai", "PPNPN")
    assert (ppnpn["previous"], ppnpn["current"], ppnpn["direction"]) == (7, 8, "naik")
    assert ppnpn["change_pct"] == pytest.approx(100 / 7)
    assert data["unmatched"] == {"current": [], "previous": [], "ambiguous": []}
    json.dumps(data)  # the contract is JSON


def test_without_previous_the_comparison_is_null_and_the_html_says_so() -> None:
    ctx = audit.open(SEED)
    assert audit.payload(ctx, [])["comparison"] is None
    assert "Tidak ada laporan tahun sebelumnya" in show.comparison_html(ctx)


def test_html_section_is_indonesian_and_escaped(previous_report: Path, tmp_path: Path) -> None:
    # A report's own text (an indicator named with markup) is data, never HTML.
    evil = "Penyusunan Peraturan <b>x</b>"
    for name, text in (("now.txt", SEED.read_text("utf-8")), ("before.txt", previous_text())):
        (tmp_path / name).write_text(text.replace("Penyusunan Peraturan", evil), "utf-8")
    ctx = audit.open(tmp_path / "now.txt", previous=tmp_path / "before.txt")
    html = show.comparison_html(ctx)
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "Tahun 2023" in html and "Tahun 2024" in html
    assert "+50,00 poin" in html and "Rp125.959.537.000" in html and "577.241" in html


def test_indicators_match_by_normalised_name_and_ties_stay_unmatched() -> None:
    def ind(name: str, kode: str | None = None, sasaran: str = "sasaran 1") -> dict:  # type: ignore[type-arg]
        return {"indikator": name, "kode": kode, "sasaran": sasaran, "line": 1}

    now = [
        ind("Persentase partisipasi pemilih dalam Pemilu"),
        ind("Jumlah laporan keuangan  tepat waktu"),
        ind("Layanan Perkantoran", "3360.EBA.994"),
        ind("Indikator baru tahun ini"),
    ]
    before = [
        ind("Persentase Partisipasi Pemilih dalam  Pemilu."),
        ind("Jumlah Laporan Keuangan Tepat Waktu"),
        ind("Jumlah laporan keuangan tepat waktu", sasaran="sasaran 2"),
        ind("Layanan Perkantoran", "3360.EBA.962"),  # another RO: never the same indicator
    ]
    found = match.match(now, before)
    assert [(a["indikator"], b["indikator"]) for a, b, _ in found.pairs] == [
        ("Persentase partisipasi pemilih dalam Pemilu", before[0]["indikator"]),
        ("Jumlah laporan keuangan  tepat waktu", "Jumlah Laporan Keuangan Tepat Waktu"),
    ]
    assert [i["indikator"] for i in found.only_current] == [
        "Layanan Perkantoran",
        "Indikator baru tahun ini",
    ]
    # Two current indicators claiming one previous one are both ambiguous.
    twice = match.match([ind("Indeks A"), ind("Indeks  A")], [ind("Indeks A", sasaran="x")])
    assert not twice.pairs and len(twice.ambiguous) == 2


def test_previous_of_another_satker_or_not_earlier_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(previous_text("655629"), encoding="utf-8")  # KPU Kabupaten Aceh Selatan
    cases = {
        other: "milik KPU Kabupaten Aceh Selatan, bukan KPU Kabupaten Ogan Komering Ilir",
        SEED: "laporan itu tahun 2024, bukan tahun sebelum 2024",
        tmp_path / "missing.txt": "tidak ditemukan",
        tmp_path: "tidak berisi findings.json",
    }
    for path, words in cases.items():
        with pytest.raises(PreviousYearError) as err:
            audit.open(SEED, previous=path)
        assert words in explain(err.value).line(), path
        assert str(path) in str(err.value)


def test_run_folder_is_read_from_findings_json(
    compared: audit.AuditContext, previous_report: Path, tmp_path: Path
) -> None:
    before = audit.open(previous_report)
    folder = audit.save(before, audit.run_rules(before), tmp_path)
    again = audit.open(SEED, previous=folder)
    assert again.comparison is not None and compared.comparison is not None
    assert (
        audit.payload(again, [])["comparison"]["items"]
        == audit.payload(compared, [])["comparison"]["items"]
    )
    assert again.comparison.previous.origin == "folder"
    # A findings.json without the figures a comparison needs (an older version) is named.
    data = json.loads((folder / "findings.json").read_text("utf-8"))
    del data["figures"]["pemilih"], data["figures"]["capaian"]["indicators"]
    (folder / "findings.json").write_text(json.dumps(data), "utf-8")
    with pytest.raises(PreviousYearError, match="figures.capaian.indicators, figures.pemilih"):
        audit.open(SEED, previous=folder)


def test_direction_is_judged_at_printed_precision() -> None:
    from lkj_audit.compare.items import Item

    assert Item(
        "anggaran", "s", "s", "%", Fraction(9161, 100), Fraction(91614, 1000)
    ).direction == ("tetap")
    assert Item("pegawai", "PNS", "PNS", "orang", Fraction(14), Fraction(13)).direction == "turun"


def test_capaian_claim_of_a_generated_report_is_checked_against_last_year(
    tmp_path: Path,
) -> None:
    """The corpus generator's sentence "… sehingga capaian tahun 2024 meningkat" (NAR006)."""
    from tests.corpus.builder import default_spec
    from tests.corpus.render import render

    now, before = tmp_path / "2024.txt", tmp_path / "2023.txt"
    now.write_text(render(default_spec(year=2024)), encoding="utf-8")
    same = render(default_spec(year=2023))
    before.write_text(same, encoding="utf-8")

    def nar006() -> list[str]:
        ctx = audit.open(now, previous=before)
        return [f.expected or "" for f in audit.run_rules(ctx, only={"NAR006"})]

    assert nar006() == ["tidak berubah"]  # the same figures both years: not "meningkat"
    # Last year's participation was lower (realisasi 79,0% against target 77,5%): it rose.
    assert "\t81,2%\t" in same
    before.write_text(same.replace("\t81,2%\t", "\t79,0%\t"), encoding="utf-8")
    assert nar006() == []
    before.write_text(same.replace("\t81,2%\t", "\t90,0%\t"), encoding="utf-8")
    assert nar006() == ["turun"]
    # A report two years back: "tahun sebelumnya" is not the year compared, so no judgement.
    before.write_text(
        render(default_spec(year=2022)).replace("\t81,2%\t", "\t90,0%\t"), encoding="utf-8"
    )
    assert nar006() == []


def test_previous_report_as_docx_gives_the_same_comparison(tmp_path: Path) -> None:
    """Last year's report in Word (python-docx), read with the same DOCX reader."""
    from tests.corpus.builder import default_spec
    from tests.corpus.render import render
    from tests.load.word_lkj import build_docx

    now = tmp_path / "2024.txt"
    now.write_text(render(default_spec(year=2024)), encoding="utf-8")
    text = render(default_spec(year=2023, seed=11))  # other budget figures
    (tmp_path / "2023.txt").write_text(text, encoding="utf-8")
    docx = build_docx(text, tmp_path / "2023.docx", "LAPORAN KINERJA TAHUN 2023")
    as_text = audit.open(now, previous=tmp_path / "2023.txt").comparison
    as_word = audit.open(now, previous=docx).comparison
    assert as_text is not None and as_word is not None
    assert as_word.previous.source_sha256 == sha256_file(docx)
    serapan = as_word.item("anggaran", "serapan_pct")
    assert serapan is not None and serapan.previous != serapan.current
    keys = {(i.kind, i.key) for i in as_word.items}
    assert {("anggaran", "serapan_pct"), ("pemilih", "DPT"), ("pegawai", "PNS")} <= keys

    def figures(c: object) -> list[tuple[str, str, object, object]]:
        return [(i.kind, i.key, i.previous, i.current) for i in c.items]  # type: ignore[attr-defined]

    assert figures(as_word) == figures(as_text)  # the same figures; only source lines differ
