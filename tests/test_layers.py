"""Dependency direction (STYLE.md §1): cli, runner, batch -> audit -> render, show -> rules ->
recompute -> load -> model. A lower layer never imports a higher one; notebooks import only
their facade (``audit`` and ``show``; the batch index its view)."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from tests.helpers import PROJECT

PACKAGE = PROJECT / "lkj_audit"
# Lower index = lower layer. A module may import its own layer and anything below.
LAYERS = [
    {"model", "errors", "messages", "ids", "families", "numfmt", "fsutil", "config", "__init__"},
    {"load"},
    {"recompute", "reading", "compare"},
    {"rules"},
    {"render", "workpaper"},
    {"audit"},
    {"show"},
    {"runner"},
    {"batch"},
    {"cli", "cli_check", "__main__"},
]


def _layer(module: str) -> int:
    top = module.split(".")[1] if module.startswith("lkj_audit.") else module
    return next(i for i, names in enumerate(LAYERS) if top in names)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = {
        id(n)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for n in ast.walk(block)
    }
    found = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue  # annotations only: no runtime dependency
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("lkj_audit"):
            base = node.module
            found |= {f"{base}.{a.name}" if base == "lkj_audit" else base for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("lkj_audit")}
    return {m for m in found if m != "lkj_audit" and not m.endswith("__version__")}


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_no_module_imports_a_higher_layer(path: Path) -> None:
    rel = path.relative_to(PACKAGE).with_suffix("")
    own = _layer("lkj_audit." + ".".join(rel.parts))
    upward = [m for m in _imports(path) if _layer(m) > own]
    assert upward == [], f"{rel} (layer {own}) imports higher layers: {upward}"


# Each notebook talks to one facade: the audit notebook to audit/show, the batch index to its view.
ALLOWED_NOTEBOOK_IMPORTS = {
    ("lkj_audit", "audit"),
    ("lkj_audit", "show"),
    ("lkj_audit.batch", "index_view"),
}


def test_notebooks_import_only_their_facade() -> None:
    for nb_path in (PROJECT / "notebooks").glob("*.ipynb"):
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] != "code":
                continue
            tree = ast.parse("".join(cell["source"]))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.ImportFrom)
                    and node.module
                    and node.module.startswith("lkj_audit")
                ):
                    imported = {(node.module, a.name) for a in node.names}
                    assert imported <= ALLOWED_NOTEBOOK_IMPORTS, (nb_path.name, imported)
