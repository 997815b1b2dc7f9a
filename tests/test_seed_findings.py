"""On the real seed report: every arithmetic discrepancy found, nothing correct flagged.

The expected sets are recomputed here independently (decimal arithmetic on the raw printed
strings of the typed tables), not by calling the rules, so a rule that drifts is caught. The
full list of the seed's findings is pinned by tests/golden.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from lkj_audit.model import AuditContext, Finding
from tests.helpers import CONTRACT_CATEGORIES


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


def _amount(row: Any, column: str) -> Decimal | None:
    raw = getattr(row, f"{column}_raw")
    return _dec(raw) if raw and re.search(r"\d", raw) else None


def _footing_errors(total: Any, parts: list[Any], column: str) -> tuple[str, str, str] | None:
    """(column, stated, Σ printed parts) when the printed parts prove the total wrong."""
    stated = _amount(total, column)
    values = [_amount(p, column) for p in parts]
    present = sum((v for v in values if v is not None), Decimal(0))
    if stated is None or stated == present or (None in values and present < stated):
        return None  # a part without a figure may be the difference
    return column, getattr(total, f"{column}_raw"), f"{present:,}"


def _by_rule(found: list[Finding], rule: str) -> set[tuple[int | None, str | None, str, str]]:
    return {
        (f.location.line, f.location.column, f.stated or "", re.sub(r"\D", "", f.expected or ""))
        for f in found
        if f.rule == rule
    }


def _expected(rows: list[tuple[int, tuple[str, str, str]]]) -> set[tuple[int, str, str, str]]:
    return {(line, col, stated, re.sub(r"\D", "", total)) for line, (col, stated, total) in rows}


def test_program_footing_recomputed(seed_ctx: AuditContext, seed_findings: list[Finding]) -> None:
    budget = seed_ctx.tables.anggaran
    wrong = []
    for prog in budget[budget.level == "program"].itertuples():
        members = budget[(budget.program == prog.uraian) & budget.level.isin(["kegiatan", "ro"])]
        with_row = set(members[members.level == "kegiatan"].kegiatan)
        parts = [
            m for m in members.itertuples() if m.level == "kegiatan" or m.kegiatan not in with_row
        ]
        if not parts:
            continue
        for column in ("pagu", "realisasi"):
            if err := _footing_errors(prog, parts, column):
                wrong.append((prog.line, err))
    assert wrong, "the seed's election program does not reconcile"
    assert _by_rule(seed_findings, "ANG003") == _expected(wrong)


def test_table_total_recomputed(seed_ctx: AuditContext, seed_findings: list[Finding]) -> None:
    budget = seed_ctx.tables.anggaran
    wrong = []
    for total in budget[budget.level == "total"].itertuples():
        closes = {int(x) for x in str(total.closes).split(",") if x}
        parts = [r for r in budget.itertuples() if r.line in closes and r.table == total.table]
        for column in ("pagu", "realisasi"):
            if err := _footing_errors(total, parts, column):
                wrong.append((total.line, err))
    assert wrong, "the seed's Jumlah row does not reconcile"
    assert _by_rule(seed_findings, "ANG004") == _expected(wrong)
    f = next(f for f in seed_findings if f.rule == "ANG004")
    assert "cocok dengan persentase" in f.message  # the one slip that fits the printed %


def test_realisasi_above_pagu_recomputed(
    seed_ctx: AuditContext, seed_findings: list[Finding]
) -> None:
    over = set()
    for r in seed_ctx.tables.anggaran.itertuples():
        pagu, real = _amount(r, "pagu"), _amount(r, "realisasi")
        if pagu is not None and real is not None and real > pagu:
            over.add(r.line)
    assert over
    found = {f.location.line: f for f in seed_findings if f.rule == "ANG005"}
    assert set(found) == over
    slips = 0
    for line, f in found.items():
        row = next(r for r in seed_ctx.tables.anggaran.itertuples() if r.line == line)
        # A scale slip (three zeros too many) is named when it makes the printed % fit.
        real, pagu = _amount(row, "realisasi"), _amount(row, "pagu")
        assert real is not None and pagu is not None
        printed, d = _pct(row.pct_raw)
        unit = Decimal(1).scaleb(-d)
        if printed - unit / 2 <= (real / 1000) * 100 / pagu < printed + unit:
            assert f'tertulis "{row.realisasi_raw}")' in f.message
            slips += 1
    assert slips  # the seed has a realisasi typed with three zeros too many


def test_voter_tables(seed_ctx: AuditContext, seed_findings: list[Finding]) -> None:
    wrong = {
        r.line
        for r in seed_ctx.tables.pemilih.itertuples()
        if _dec(r.lk_raw) + _dec(r.pr_raw) != _dec(r.jumlah_raw)
    }
    assert wrong == {824}
    f = next(f for f in seed_findings if f.rule == "PML001")
    assert (f.location.line, f.stated, f.expected) == (824, "556.561", "554.561")


def _volume(raw: str) -> Decimal | None:
    m = re.match(r"\s*(\d+(?:[.,]\d+)?)", raw or "")
    return Decimal(m.group(1).replace(",", ".")) if m else None


def test_capaian_recomputed(seed_ctx: AuditContext, seed_findings: list[Finding]) -> None:
    wrong, right = set(), set()
    for r in seed_ctx.tables.capaian.itertuples():
        target, real = _volume(r.target_raw), _volume(r.realisasi_raw)
        if not target or real is None or not r.capaian_raw:
            continue
        exact = (2 * target - real if r.polarity == "negative" else real) * 100 / target
        printed, d = _pct(r.capaian_raw)
        unit = Decimal(1).scaleb(-d)
        ok = printed - unit / 2 <= exact < printed + unit
        (right if ok else wrong).add(r.line)
    assert wrong and right
    lines = _lines(seed_findings, "CAP001")
    assert lines == wrong and not lines & right


def test_every_finding_has_contract_fields(seed_findings: list[Finding]) -> None:
    for f in seed_findings:
        d = f.as_dict()
        assert d["category"] in CONTRACT_CATEGORIES
        assert d["severity"] in {"error", "warning", "info"} and d["message"]
        assert set(d["location"]) <= {"section", "table", "row", "column", "line"}
        if f.category.value == "arithmetic":
            assert f.stated and f.expected and f.evidence and f.location.line
