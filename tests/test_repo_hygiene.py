"""Repository rules: notebooks carry no outputs; docs/rules.md matches the registry."""

from __future__ import annotations

import json
import subprocess

from lkj_audit.rules import catalogue
from tests.helpers import PROJECT


def _tracked(pattern: str) -> list[str]:
    out = subprocess.run(["git", "ls-files", pattern], capture_output=True, text=True, cwd=PROJECT)
    return [line for line in out.stdout.splitlines() if line]


def test_notebooks_in_git_carry_no_outputs() -> None:
    notebooks = _tracked("notebooks/*.ipynb") or [
        str(p.relative_to(PROJECT)) for p in (PROJECT / "notebooks").glob("*.ipynb")
    ]
    assert notebooks
    for name in notebooks:
        nb = json.loads((PROJECT / name).read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert cell.get("outputs") == [] and cell.get("execution_count") is None, name


def test_notebooks_are_thin() -> None:
    for path in (PROJECT / "notebooks").glob("*.ipynb"):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            src = "".join(cell["source"])
            if cell["cell_type"] == "code":
                assert "def " not in src and "class " not in src, path.name
                # The parameters cell declares one typed, commented line per parameter.
                if "parameters" not in cell["metadata"].get("tags", []):
                    assert len(src.strip().splitlines()) <= 6, path.name


def test_rules_doc_matches_the_registry() -> None:
    doc = (PROJECT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert doc == catalogue.as_markdown(), "docs/rules.md is stale: run `make docs`"
