"""Runs every YAML rule case in tests/rules/cases/ (STYLE.md §7).

A case file::

    rule: ANG001
    cases:
      name_of_case:
        report: |            # a tiny report; ' | ' separates table cells
          No | Uraian | Pagu | Realisasi
          1. | 6709.QGE.001 Perencanaan | 1.000 | 500 (50,00%)
        passes: true         # the rule must not fire
      other_case:
        report: ...
        year: 2024           # optional (default 2024); satker: optional (default 656532)
        findings:            # exactly these findings, one to one (line + the keys given)
          - {line: 2, column: persentase realisasi, stated: "(40,00%)", expected: "50,00%"}
        also:                # optional: other rules a case shows on purpose -> why
          ANG006: the case leaves a realisasi out
        previous: |          # optional: last year's report (--previous), same cell syntax
          ...

A passing case runs every rule, and no rule may give an error or warning on it, except the
rules the case declares in ``also`` and the whole-report rules below for a case of another rule:
a case is a fragment, so the chapters it leaves out are missing by construction.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from lkj_audit import audit
from lkj_audit.rules.registry import REGISTRY, active_rules, load_all
from tests.message_check import check as message_problems

CASES_DIR = Path(__file__).parent / "cases"

# Rules judging whether the whole report is there (chapters, Lampiran, daftar isi, the
# required analyses): a case is a fragment of a report, so they do not apply to it.
WHOLE_REPORT = {
    "STR001",
    "STR002",
    "STR003",
    "STR010",
    "CMP001",
    "CMP002",
    "CMP003",
    "CMP004",
    "CMP008",
}


def cell_text(report: str) -> str:
    """Turn ' | '-separated cells into tabs (lines without '|' are running text)."""
    return "\n".join(
        re.sub(r"\s*\|\s*", "\t", ln) if "|" in ln else ln for ln in report.splitlines()
    )


def _load() -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data.get("rule") == path.stem, f"{path.name}: 'rule:' must be {path.stem}"
        for name, case in data["cases"].items():
            out.append((data["rule"], name, case))
    return out


CASES = _load()


def _matches(finding: dict[str, Any], expected: dict[str, Any]) -> bool:
    flat = {**finding, **finding["location"]}
    for key, want in expected.items():
        got = flat.get(key)
        if key == "message_contains":
            if want not in finding["message"]:
                return False
        elif str(got) != str(want):
            return False
    return True


def _one_to_one(expected: list[dict[str, Any]], found: list[dict[str, Any]]) -> bool:
    """Can each expected finding be paired with its own found finding (bipartite match)?"""
    pair: dict[int, int] = {}  # found index -> expected index

    def assign(i: int, seen: set[int]) -> bool:
        for j, f in enumerate(found):
            if j in seen or not _matches(f, expected[i]):
                continue
            seen.add(j)
            if j not in pair or assign(pair[j], seen):
                pair[j] = i
                return True
        return False

    return all(assign(i, set()) for i in range(len(expected)))


@pytest.mark.parametrize(("code", "name", "case"), CASES, ids=[f"{c}-{n}" for c, n, _ in CASES])
def test_rule_case(tmp_path: Path, code: str, name: str, case: dict[str, Any]) -> None:
    path = tmp_path / "report.txt"
    path.write_text(cell_text(case["report"]), encoding="utf-8")
    previous = None
    if case.get("previous"):
        previous = tmp_path / "previous.txt"
        previous.write_text(cell_text(case["previous"]), encoding="utf-8")
    ctx = audit.open(
        path,
        satker=str(case.get("satker", "656532")),
        year=int(case.get("year", 2024)),
        previous=previous,
    )
    everything = audit.run_rules(ctx)
    # Every message of every rule on the case: numbers Indonesian, printed values quoted (9.5).
    assert message_problems(ctx, everything, f"{code}-{name}") == []
    if case.get("passes"):
        also = case.get("also", {})
        assert all(str(reason).strip() for reason in also.values()), "give each 'also' a reason"
        exempt = set(also) | (WHOLE_REPORT - {code})
        serious = [
            (f["rule"], f["location"].get("line"), f["message"])
            for f in (f.as_dict() for f in everything)
            if f["severity"] != "info" and (f["rule"] == code or f["rule"] not in exempt)
        ]
        assert serious == [], f"findings on a passing case of {code}: {serious}"
        return
    found = [f.as_dict() for f in everything if f.rule == code]
    expected = case["findings"]
    assert all("line" in want for want in expected), "expected findings are matched by line"
    assert len(found) == len(expected), [(f["location"], f["message"]) for f in found]
    assert _one_to_one(expected, found), (
        expected,
        [(f["location"], f["stated"], f["expected"]) for f in found],
    )


def test_every_active_rule_has_passing_and_failing_cases() -> None:
    load_all()
    by_rule: dict[str, set[str]] = {}
    for code, _, case in CASES:
        by_rule.setdefault(code, set()).add("pass" if case.get("passes") else "fail")
    missing = [s.code for s in active_rules() if by_rule.get(s.code) != {"pass", "fail"}]
    assert missing == [], f"rules without both a passing and a failing YAML case: {missing}"


def test_case_files_name_registered_rules() -> None:
    load_all()
    assert {c for c, _, _ in CASES} <= set(REGISTRY)
