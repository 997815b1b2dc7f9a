"""On the real seed report: every arithmetic discrepancy found, nothing correct flagged.

The expected sets are recomputed here independently (decimal arithmetic on the raw printed
strings), not by calling the rules, so a rule that drifts is caught.
"""

from __future__ import annotations

import re
from decimal import Decimal

from lkj_audit.model import AuditContext, Finding


def _dec(raw: str) -> Decimal:
    digits = re.sub(r"[^\d]", "", raw.split("(")[0].replace(",-", ""))
    return Decimal(digits)


def _pct(raw: str) -> tuple[Decimal, int]:
    m = re.search(r"(\d+)(?:[.,](\d+))?\s*%", raw)
    assert m, raw
    frac = m.group(2) or ""
    return Decimal(f"{m.group(1)}.{frac}" if frac else m.group(1)), len(frac)


def _lines(found: list[Finding], rule: str) -> set[int]:
    return {f.location.line for f in found if f.rule == rule}


def test_every_wrong_budget_percentage_reported_and_no_right_one(
    seed_ctx: AuditContext, seed_findings: list[Finding]
) -> None:
    wrong, right = set(), set()
    for r in seed_ctx.tables.anggaran.itertuples():
        if not (r.pct_raw and r.pagu_raw and r.realisasi_raw):
            continue
        pagu, real = _dec(r.pagu_raw), _dec(r.realisasi_raw)
        printed, d = _pct(r.pct_raw)
        exact = real * 100 / pagu
        unit = Decimal(1).scaleb(-d)
        ok = printed - unit / 2 <= exact < printed + unit
        (right if ok else wrong).add(r.line)
    assert wrong == {874, 921, 934}
    assert _lines(seed_findings, "ANG001") == wrong
    assert len(right) >= 15 and not (right & _lines(seed_findings, "ANG001"))


def test_budget_footing_discrepancies(seed_findings: list[Finding]) -> None:
    by_rule = {(f.rule, f.location.line, f.location.column): f for f in seed_findings}
    # Σ programs realisasi = 115.469.077.381 but the Jumlah row says 125.469.077.381.
    total = by_rule[("ANG004", 879, "realisasi")]
    assert (total.stated, total.expected) == ("125,469,077,381", "115,469,077,381")
    assert "122.500.108.073" in total.message and "cocok dengan persentase" in total.message
    # Σ RO of the election program ≠ its printed realisasi; its pagu reconciles exactly.
    assert ("ANG003", 874, "realisasi") in by_rule and ("ANG003", 874, "pagu") not in by_rule
    assert ("ANG004", 879, "pagu") not in by_rule
    # The Dukungan Manajemen program reconciles with its two kegiatan.
    assert not [f for f in seed_findings if f.rule == "ANG003" and f.location.line == 877]


def test_realisasi_above_pagu_and_scale_slip(seed_findings: list[Finding]) -> None:
    over = {f.location.line: f for f in seed_findings if f.rule == "ANG005"}
    assert set(over) == {921, 934}
    assert "18.337.257 (tertulis 18.337.257.000)" in over[921].message


def test_voter_tables(seed_ctx: AuditContext, seed_findings: list[Finding]) -> None:
    wrong = {r.line for r in seed_ctx.tables.pemilih.itertuples()
             if _dec(r.lk_raw) + _dec(r.pr_raw) != _dec(r.jumlah_raw)}
    assert wrong == {824}
    f = next(f for f in seed_findings if f.rule == "PML001")
    assert (f.location.line, f.stated, f.expected) == (824, "556.561", "554.561")


def test_capaian_recomputed(seed_findings: list[Finding]) -> None:
    lines = _lines(seed_findings, "CAP001")
    assert lines == {841, 848, 852, 857, 863}  # printed ≠ 100% for 1.0/1.0
    assert not lines & {764, 785, 809, 812}  # the 100% rows are right


def test_every_finding_has_contract_fields(seed_findings: list[Finding]) -> None:
    for f in seed_findings:
        d = f.as_dict()
        assert d["category"] in {"arithmetic", "cross_table", "narrative", "period", "identity",
                                 "structure", "completeness", "plausibility"}
        assert d["severity"] in {"error", "warning", "info"} and d["message"]
        assert set(d["location"]) <= {"section", "table", "row", "column", "line"}
        if f.category.value == "arithmetic":
            assert f.stated and f.expected and f.evidence and f.location.line
