"""findings.json ``rules``: what each rule did — checked, failed or not applicable (issue 8.5)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from lkj_audit import audit, show
from lkj_audit.model import AuditContext, Category, Finding, Severity
from lkj_audit.rules.registry import REGISTRY, RuleContext, active_rules, rule
from lkj_audit.rules.status import has_its_tables
from tests.conftest import SEED
from tests.helpers import run_cli


def test_a_report_without_tables_makes_the_table_rules_not_applicable(tmp_path: Path) -> None:
    # Cells one per line, each table cut short before its figures: no table can be read, so no
    # rule on tables has work. (Cells a line, row after row, are rebuilt where every count
    # agrees, lkj_audit.load.flow_cells; cells joined by single spaces, flow_rows.)
    flat = tmp_path / "flat.txt"
    text = "\n".join(
        line.split("\t")[0] if "\t" in line else line
        for line in SEED.read_text(encoding="utf-8").split("\n")
    )
    flat.write_text(text, encoding="utf-8")
    done = run_cli("check", str(flat), "--satker", "656532", "--year", "2024", "--format", "json")
    assert done.returncode == 0, done.stderr
    rules = json.loads(done.stdout)["rules"]
    budget = {code: s for code, s in rules.items() if code.startswith("ANG")}
    assert budget and all(s["status"] == "not_applicable" for s in budget.values()), budget
    assert all(s["findings"] == 0 for s in budget.values())
    # Rules on the text still ran: the Renstra period is checked in any layout.
    assert rules["PER002"]["status"] == "failed"


def test_a_report_printed_a_cell_a_line_reads_only_the_tables_it_can_be_sure_of(
    tmp_path: Path,
) -> None:
    # The bundled report with every tab a line break: a word processor's text export. The few
    # tables every cell count agrees on are read; the others stay unread, and no budget rule
    # concludes more than the report with its tabs does.
    flat = tmp_path / "flat.txt"
    flat.write_text(SEED.read_text(encoding="utf-8").replace("\t", "\n"), encoding="utf-8")
    done = run_cli("check", str(flat), "--satker", "656532", "--year", "2024", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    found = {(f["rule"], f["evidence"]) for f in data["findings"] if f["rule"].startswith("ANG")}
    tabbed = run_cli("check", str(SEED), "--satker", "656532", "--year", "2024", "--format", "json")
    kept = {
        (f["rule"], (f["evidence"] or "").replace("\t", "\n"))
        for f in json.loads(tabbed.stdout)["findings"]
        if f["rule"].startswith("ANG")
    }
    assert {r for r, _ in found} <= {r for r, _ in kept}, found


def test_the_bundled_reports_statuses_agree_with_its_findings(seed_ctx: AuditContext) -> None:
    found = audit.run_rules(seed_ctx)
    data = audit.payload(seed_ctx, found)
    counts = Counter(f["rule"] for f in data["findings"])
    assert set(data["rules"]) == {s.code for s in active_rules()}
    for code, status in data["rules"].items():
        assert status["findings"] == counts.get(code, 0), code
        ran = has_its_tables(REGISTRY[code].tables, seed_ctx.tables)
        expected = "failed" if counts.get(code) else "checked" if ran else "not_applicable"
        assert status["status"] == expected, code
    # The report has no staff count table: the rules on one have no work.
    assert data["rules"]["PEG002"]["status"] == "not_applicable"
    assert sum(s["findings"] for s in data["rules"].values()) == len(data["findings"])


def test_the_html_summary_says_how_many_rules_ran(seed_ctx: AuditContext) -> None:
    found = audit.run_rules(seed_ctx)
    statuses = Counter(s.status for s in seed_ctx.rule_status.values())
    html = show.summary_html(found, ctx=seed_ctx)
    ran = statuses["checked"] + statuses["failed"]
    assert (
        f"{ran} aturan dijalankan: {statuses['failed']} menemukan sesuatu, "
        f"{statuses['checked']} tanpa temuan; {statuses['not_applicable']} aturan tidak berlaku"
    ) in html


@pytest.fixture
def crashing_rule() -> Iterator[str]:
    @rule(
        code="TST999",
        name="test.crashes",
        category=Category.STRUCTURE,
        severity=Severity.INFO,
        severity_reason="test rule",
    )
    def crashes(ctx: RuleContext) -> Iterator[Finding]:
        """Crashes on purpose.

        Why it matters: the engine must record a crash. Fails when: always. Passes when: never.
        """
        raise ValueError("rusak")
        yield  # pragma: no cover - makes this a generator like every rule

    yield "TST999"
    del REGISTRY["TST999"]


def test_a_crashing_rule_is_failed_and_says_it_crashed(
    seed_ctx: AuditContext, crashing_rule: str
) -> None:
    found = audit.run_rules(seed_ctx)
    status = seed_ctx.rule_status[crashing_rule]
    assert (status.status, status.crashed) == ("failed", True)
    assert any(f.rule == "ENG001" and f.location.row == crashing_rule for f in found)
