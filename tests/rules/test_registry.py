"""Meta-tests of the rule registry (STYLE.md §2, §7)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from lkj_audit.errors import RuleDefinitionError
from lkj_audit.model import AuditContext, Category, Finding, Severity
from lkj_audit.rules import registry
from lkj_audit.rules.registry import REGISTRY, RuleContext, load_all, rule, run_rules

DOC = '''Summary.

    Why it matters: x.
    Fails when: y.
    Passes when: z.
    '''


def test_codes_names_and_docs_are_well_formed() -> None:
    load_all()
    assert len(REGISTRY) >= 12
    names = [s.name for s in REGISTRY.values()]
    assert len(names) == len(set(names))
    for code, spec in REGISTRY.items():
        assert re.fullmatch(r"[A-Z]{3}\d{3}", code) and spec.code == code
        assert isinstance(spec.category, Category) and isinstance(spec.severity, Severity)
        assert spec.summary and spec.summary.endswith(".")
        for part in ("Why it matters:", "Fails when:", "Passes when:"):
            assert spec.doc_part(part), (code, part)
        assert all(re.fullmatch(r"R-[A-Z]+\d*", d) for d in spec.domain), (code, spec.domain)


def test_registry_refuses_duplicates_and_undocumented_rules() -> None:
    def f(ctx: RuleContext) -> Iterator[Finding]:
        yield from ()

    f.__doc__ = DOC
    with pytest.raises(RuleDefinitionError):
        rule(
            code="ANG001",
            name="x.duplicate_code",
            category=Category.ARITHMETIC,
            severity=Severity.ERROR,
        )(f)
    with pytest.raises(RuleDefinitionError):
        rule(
            code="ZZZ999",
            name="anggaran.row_percentage",
            category=Category.ARITHMETIC,
            severity=Severity.ERROR,
        )(f)
    f.__doc__ = "Only a summary."
    with pytest.raises(RuleDefinitionError):
        rule(
            code="ZZZ998",
            name="x.undocumented",
            category=Category.ARITHMETIC,
            severity=Severity.ERROR,
        )(f)
    with pytest.raises(RuleDefinitionError):
        rule(
            code="bad", name="x.bad_code", category=Category.ARITHMETIC, severity=Severity.ERROR
        )(f)


def test_a_crashing_rule_becomes_finding_eng001(seed_ctx: AuditContext) -> None:
    def crashing(ctx: RuleContext) -> Iterator[Finding]:
        raise ZeroDivisionError("boom")
        yield  # pragma: no cover

    crashing.__doc__ = DOC
    rule(
        code="ZZZ001", name="test.crashing", category=Category.ARITHMETIC, severity=Severity.ERROR
    )(crashing)
    try:
        found = run_rules(seed_ctx, only={"ZZZ001"})
    finally:
        del registry.REGISTRY["ZZZ001"]
    assert [f.rule for f in found] == ["ENG001"]
    assert "ZZZ001" in found[0].message and "ZeroDivisionError" in found[0].message


def test_findings_stamped_by_the_spec(seed_findings: list[Finding]) -> None:
    load_all()
    for f in seed_findings:
        spec = REGISTRY[f.rule]
        assert f.name == spec.name and f.category == spec.category
