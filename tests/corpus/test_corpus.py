"""The generated corpus: consistent reports are clean; each injected defect is caught."""

from __future__ import annotations

import tempfile
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from lkj_audit import audit
from lkj_audit.model import Finding
from lkj_audit.rules.registry import REGISTRY, load_all
from tests.corpus.builder import default_spec
from tests.corpus.injections import INJECTIONS, Injection
from tests.corpus.render import render
from tests.message_check import check as message_problems

VARIANTS = {
    "kabupaten_id": {},
    "english_numbers": {"number_style": "en"},
    "mixed_numbers_kecamatan_negative": {
        "number_style": "mixed",
        "voter_layout": "kecamatan",
        "negative_indicator": True,
        "budget_columns": ("no", "uraian", "pagu", "realisasi", "pct"),
    },
    "kota_2023": {
        "level": "Kota",
        "region": "Bukit Permai",
        "capital": "Bukit Permai",
        "year": 2023,
    },
    "provinsi_columns_swapped": {
        "level": "Provinsi",
        "region": "Nusa Indah",
        "budget_columns": ("no", "uraian", "realisasi", "pagu"),
    },
    "single_budget_table": {"budget_layout": "single_table", "renstra": (2025, 2029), "year": 2025},
}

# Budget rows the reader must return, as rendered: "split" = 2 programs + Jumlah, 5 kegiatan
# and 5 RO rows; "single_table" = 2 programs, 5 kegiatan, 7 RO rows and Jumlah.
BUDGET_ROWS = {"split": 13, "single_table": 15}


def _audit(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    ctx = audit.open(path)
    return ctx, audit.run_rules(ctx)


def _spec(**overrides):  # type: ignore[no-untyped-def]
    spec = default_spec(**overrides)
    spec.programs[0].detail = "both"  # kegiatan rows with their RO rows (exercises ANG002)
    return spec


@pytest.mark.parametrize("variant", VARIANTS)
def test_consistent_report_is_clean(tmp_path: Path, variant: str) -> None:
    spec = _spec(**VARIANTS[variant])
    ctx, found = _audit(tmp_path, render(spec))
    assert ctx.satker == spec.satker and ctx.year == spec.year
    # The tables were really read, every row of them (a silent reader failure, or a lost
    # or duplicated row, would also give "no findings").
    assert len(ctx.tables.anggaran) == BUDGET_ROWS[spec.budget_layout]
    assert len(ctx.tables.capaian) == sum(len(s.indicators) for s in spec.sasaran)
    voter_rows = [len(rows) + (spec.voter_layout == "kecamatan") for rows in spec.voters.values()]
    assert len(ctx.tables.pemilih) == (sum(voter_rows) if spec.voter_layout == "kecamatan" else 3)
    assert len(ctx.tables.pegawai) == len(spec.pns) + len(spec.pppk) + len(spec.ppnpn)
    serious = [
        f"{f.rule} l.{f.location.line}: {f.message}" for f in found if f.severity.value != "info"
    ]
    assert serious == []
    assert message_problems(ctx, found, variant) == []


def _key(f: Finding) -> tuple[str, str, str, str, str]:
    # Not the line: an injection that adds or removes a line moves every finding below it.
    loc = f.location
    return (f.rule, f.severity.value, str(loc.row), str(loc.column), f.message)


@cache
def _clean_findings(text: str) -> Counter[tuple[str, str, str, str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        _, found = _audit(Path(tmp), text)
    return Counter(_key(f) for f in found)


@pytest.mark.parametrize("name", sorted(INJECTIONS))
def test_injected_defect_is_found_by_its_rule(tmp_path: Path, name: str) -> None:
    inj: Injection = INJECTIONS[name]
    spec = _spec(**inj.spec)
    clean = render(spec)
    damaged = inj.mutate(clean, spec)
    assert damaged != clean
    ctx, found = _audit(tmp_path, damaged)
    # Every message on the damaged report: numbers Indonesian, printed values quoted (9.5).
    assert message_problems(ctx, found, name) == []
    # Only the intended rule and the knock-ons the injection declares may change.
    before, after = _clean_findings(clean), Counter(_key(f) for f in found)
    allowed = {inj.rule, *inj.also}
    changed = [("+", *k) for k in after - before] + [("-", *k) for k in before - after]
    unexpected = sorted(c for c in changed if c[1] not in allowed)
    assert unexpected == [], f"{name} changed findings of rules it does not declare: {unexpected}"
    for rule in inj.also:
        assert any(c[1] == rule for c in changed), f"{name}: declared knock-on {rule} is stale"
    hits = [f for f in found if f.rule == inj.rule]
    assert hits, f"{inj.rule} did not fire; fired: {sorted({f.rule for f in found})}"
    load_all()
    severity = inj.severity or REGISTRY[inj.rule].severity.value
    assert any(f.severity.value == severity for f in hits)
    if inj.line_marker:
        lines = damaged.split("\n")
        marked = {i + 1 for i, ln in enumerate(lines) if inj.line_marker in ln}
        assert any(f.location.line in marked for f in hits), [f.location.line for f in hits]
    if inj.message_contains:
        assert any(inj.message_contains in f.message for f in hits), [f.message for f in hits]
    for f in hits:
        assert f.message and f.evidence


def test_every_active_rule_has_an_injection_or_is_listed() -> None:
    """Rules without a corpus injection must be covered by YAML cases instead."""
    load_all()
    injected = {i.rule for i in INJECTIONS.values()}
    missing = {c for c, s in REGISTRY.items() if s.status == "active"} - injected
    cases = {p.stem for p in (Path(__file__).parent.parent / "rules" / "cases").glob("*.yaml")}
    assert missing <= cases, (
        f"rules with neither an injection nor YAML cases: {sorted(missing - cases)}"
    )
