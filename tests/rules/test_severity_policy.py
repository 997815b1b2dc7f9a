"""The severity policy (issue 9.4): stated in the catalogue, cited by every rule, kept by findings.

Each rule declares ``severity_reason="clause: why"`` where the clause is one of
:data:`lkj_audit.families.SEVERITY_CLAUSES` of the rule's own severity; further
``"; clause: why"`` parts declare the cases in which one of its findings takes another
severity. Every finding the suite produces must keep to what its rule declared.
"""

from __future__ import annotations

import re

import pytest

from lkj_audit import audit
from lkj_audit.families import SEVERITY_CLAUSES, SEVERITY_POLICY
from lkj_audit.model import Severity
from lkj_audit.rules import catalogue
from lkj_audit.rules.registry import RuleSpec, active_rules
from tests.golden.update import SOURCE

RULES = active_rules()


def allowed_severities(spec: RuleSpec) -> set[str]:
    """The severities a rule's findings may have: those of the clauses it cites."""
    return {SEVERITY_CLAUSES[c][0] for c in spec.severity_clauses if c in SEVERITY_CLAUSES}


def test_catalogue_states_the_policy() -> None:
    md = catalogue.as_markdown()
    policy = md.split("## Severity policy", 1)[1].split("\n## ", 1)[0]
    for severity in Severity:
        assert f"- **{severity.value}**: {SEVERITY_POLICY[severity.value]}." in policy
    for key, (severity, text) in SEVERITY_CLAUSES.items():
        assert f"- `{key}` ({severity}): {text}" in policy
    # The policy's own examples, in the words of issue 9.4.
    for words in ("Renstra", "kategori", "daftar isi", "huruf subbab", "(0%)", "satker lain"):
        assert words in policy, words
    assert {sev for sev, _ in SEVERITY_CLAUSES.values()} == {s.value for s in Severity}


@pytest.mark.parametrize("spec", RULES, ids=[s.code for s in RULES])
def test_every_rule_gives_its_severity_a_policy_reason(spec: RuleSpec) -> None:
    reason = spec.severity_reason
    assert reason and "\n" not in reason, f"{spec.code}: one-line severity_reason required"
    clauses = spec.severity_clauses
    unknown = [c for c in clauses if c not in SEVERITY_CLAUSES]
    assert clauses and not unknown, f"{spec.code}: clauses {clauses} (unknown: {unknown})"
    first = SEVERITY_CLAUSES[clauses[0]][0]
    assert first == spec.severity.value, f"{spec.code} is {spec.severity} but cites {first}"
    # Each part says why, not only which clause.
    parts = [p.split(":", 1)[1].strip() for p in reason.split("; ") if ":" in p]
    assert len(parts) == len(clauses) and all(len(p) >= 10 for p in parts), reason
    assert f"- Severity: {reason}" in catalogue.as_markdown()


def test_bundled_findings_keep_their_rules_declared_severities() -> None:
    by_code = {s.code: s for s in RULES}
    ctx = audit.open(SOURCE, satker="656532", year=2024)
    off = [
        (f.rule, f.location.line, f.severity.value)
        for f in audit.run_rules(ctx)
        if f.rule in by_code and f.severity.value not in allowed_severities(by_code[f.rule])
    ]
    assert off == []


def test_clause_parsing() -> None:
    spec = next(s for s in RULES if "; " in s.severity_reason)
    assert len(spec.severity_clauses) >= 2
    assert all(re.fullmatch(r"[a-z-]+", c) for c in spec.severity_clauses)
