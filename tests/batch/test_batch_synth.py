"""Synthetic satker reports: renamed everywhere, figures varied, deterministic, auditable."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import pytest

from lkj_audit import audit, config
from lkj_audit.batch import synth, synth_text
from lkj_audit.load import read_document
from lkj_audit.load import satker as satker_list
from lkj_audit.load.identity import detect

from .conftest import Reports

SEED_WORDS = re.compile(r"(?i)\b(ogan|komering|komring|kayuagung)\b")


def test_same_seed_same_bytes_other_seed_other_satker(tmp_path: Path) -> None:
    a = synth.generate(3, tmp_path / "a", seed=11)
    b = synth.generate(3, tmp_path / "b", seed=11)
    c = synth.generate(3, tmp_path / "c", seed=12)
    assert a.read_text() == b.read_text()
    files_a = sorted(p.relative_to(a.parent) for p in a.parent.rglob("*.txt"))
    assert files_a == sorted(p.relative_to(b.parent) for p in b.parent.rglob("*.txt"))
    for rel in files_a:
        assert (a.parent / rel).read_bytes() == (b.parent / rel).read_bytes()
    assert a.read_text() != c.read_text()


def test_reports_name_their_satker_and_only_it(reports: Reports) -> None:
    seed_text = config.DEMO_REPORT.read_text(encoding="utf-8")
    for row in reports.rows:
        target = satker_list.by_code(row["satker"])
        assert target is not None and target.tingkat in ("KAB", "KOTA")
        assert row["satker_name"] == target.nama
        text = (reports.root / row["source"]).read_text(encoding="utf-8")
        if not SEED_WORDS.search(target.nama):
            assert not SEED_WORDS.search(text), row["satker"]
        region = synth_text.region(target)
        assert text.count(region) >= 40  # every self-mention of the seed, cover included
        assert f"{target.level_word.upper()} {region.upper()}" in text.splitlines()[2]
        assert text != seed_text


def test_identity_is_read_back_from_the_text(reports: Reports) -> None:
    for row in reports.rows[:3]:
        doc = read_document(reports.root / row["source"])
        ident = detect(doc)
        assert ident.satker is not None and ident.satker.kode == row["satker"]
        assert ident.year == 2024


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d[\d.,]{3,}\d", text)


def test_figures_differ_between_satker(reports: Reports) -> None:
    texts = [(reports.root / r["source"]).read_text(encoding="utf-8") for r in reports.rows]
    figure_sets = {tuple(_numbers(t)) for t in texts}
    assert len(figure_sets) == len(texts)  # no two reports print the same figures
    seed = config.DEMO_REPORT.read_text(encoding="utf-8")
    assert all("577.241" not in t for t in texts)  # DPT scaled to the satker's population
    assert "577.241" in seed


def test_synthetic_reports_audit_with_their_own_findings(reports: Reports) -> None:
    totals = set()
    for row in reports.rows[:3]:
        ctx = audit.open(reports.root / row["source"], satker=row["satker"], year=2024)
        found = audit.run_rules(ctx)
        assert ctx.satker_code == row["satker"] and found
        totals.add(tuple(sorted((f.rule, f.location.line or 0, f.stated or "") for f in found)))
    assert len(totals) == 3


@pytest.mark.parametrize(
    ("raw", "value", "expected"),
    [
        ("112,500,108.073", 111414914570, "111,414,914.570"),  # same digits: layout kept
        ("125.959.537.000,-", 99000000, "99.000.000,-"),  # fewer digits: regrouped, suffix kept
        ("282.345", 1282345, "1.282.345"),
        ("0", 15, "15"),
    ],
)
def test_format_amount_keeps_the_printed_style(raw: str, value: int, expected: str) -> None:
    assert synth_text.format_amount(raw, value) == expected


@pytest.mark.parametrize(
    ("raw", "value", "decimals", "expected"),
    [
        ("(99,61%)", Fraction(9302, 100), 2, "(93,02%)"),
        ("(99.65%)", Fraction(98765, 1000), 2, "(98.77%)"),
        ("97,73%", Fraction(5, 100), 2, "0,05%"),
        ("(0%)", Fraction(49, 2), 0, "(25%)"),
    ],
)
def test_format_percent(raw: str, value: Fraction, decimals: int, expected: str) -> None:
    assert synth_text.format_percent(raw, value, decimals) == expected


def test_too_many_reports_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="can make 1 to 513"):
        synth.generate(600, tmp_path)
