"""Audit one render (consistent and damaged) and score it against its truth.

Shared by ``test_layouts.py`` and ``benchmarks/bench_reading.py`` so both measure the same.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lkj_audit import audit
from lkj_audit.model import Finding
from tests.corpus.layouts.report import Render, render
from tests.corpus.layouts.truth import Mismatches, compare

# Findings from these categories on a consistent render are false findings.
WATCHED = ("arithmetic", "cross_table", "narrative")


@dataclass
class Outcome:
    seed: int
    traits: list[str]
    reading: Mismatches
    false_findings: list[str]
    defects: list[dict[str, Any]]
    found: list[bool] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.reading.count and not self.false_findings and all(self.found)

    def problems(self) -> list[str]:
        missed = [f"defect {d['rule']} at l.{d['lines'][0]} ({d['what']}) not found"
                  for d, ok in zip(self.defects, self.found, strict=True) if not ok]
        return self.reading.lines() + self.false_findings + missed


def run_audit(r: Render) -> tuple[Any, list[Finding]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"render_{r.seed}.txt"
        path.write_text(r.text, encoding="utf-8")
        ctx = audit.open(path)
        return ctx, audit.run_rules(ctx)


def _false(findings: list[Finding]) -> list[str]:
    return [f"{f.severity.value} {f.rule} l.{f.location.line}: {f.message}" for f in findings
            if f.category.value in WATCHED and f.severity.value in ("error", "warning")]


def _found(defect: dict[str, Any], findings: list[Finding]) -> bool:
    a, b = defect["lines"]
    return any(f.rule == defect["rule"] and f.location.line is not None
               and a <= f.location.line <= b for f in findings)


def evaluate(seed: int, **fixed: str) -> Outcome:
    clean = render(seed, **fixed)
    try:
        ctx, findings = run_audit(clean)
        guessed = frozenset(r.id for r in ctx.reading if r.row_bounds_guessed)
        reading, false = compare(clean.rows, ctx.tables, guessed), _false(findings)
    except Exception as exc:  # a reader crash is a reading failure of this render
        reading, false = Mismatches(missing=[f"reader crashed: {exc!r}"]), []
    damaged = render(seed, damaged=True, **fixed)
    try:
        _, dfind = run_audit(damaged)
    except Exception:
        dfind = []
    found = [_found(d, dfind) for d in damaged.defects]
    return Outcome(seed, clean.traits, reading, false, damaged.defects, found)
