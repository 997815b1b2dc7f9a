"""Shared fixtures: the seed report and a tiny-report builder for rule cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj_audit import audit, runner
from lkj_audit.model import AuditContext

# The test process is ours too: nbformat (imported by the notebook and batch tests) then
# loads in 0.2 s instead of 2.5 s (no IRI grammar for jsonschema; see runner.skip_iri_grammar).
runner.skip_iri_grammar()

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "lkj_2024_kpu_kab_ogan_komering_ilir.txt"


def table_text(text: str) -> str:
    """Write tables readably in tests: ' | ' separates cells (becomes a tab)."""
    return "\n".join(
        line.replace(" | ", "\t").replace("| ", "\t").replace(" |", "\t") if "|" in line else line
        for line in text.splitlines()
    )


@pytest.fixture(scope="session")
def seed_ctx() -> AuditContext:
    return audit.open(SEED)


@pytest.fixture(scope="session")
def seed_findings(seed_ctx: AuditContext):  # type: ignore[no-untyped-def]
    return audit.run_rules(seed_ctx)


@pytest.fixture
def make_ctx(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Build an audit context from a small report text (cells separated by ' | ')."""

    def build(text: str, year: int = 2024, satker: str = "656532") -> AuditContext:
        path = tmp_path / "report.txt"
        path.write_text(table_text(text), encoding="utf-8")
        return audit.open(path, satker=satker, year=year)

    return build
