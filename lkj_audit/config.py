"""Default locations and the names of every output file (one place for both).

Two ways to run: from a checkout (``notebooks/``, ``data/`` and ``reports/`` beside the
package) or from an installed wheel (the notebooks travel inside the package). Notebook
parameters may be relative paths; they start from :func:`project_root`, never from the
kernel's working directory (JupyterLab starts kernels in ``notebooks/``).
"""

from __future__ import annotations

import os
from pathlib import Path

from lkj_audit.errors import InputFileError

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
# In the checkout this is a symlink to ../notebooks (one source of truth); a wheel holds copies.
PACKAGED_NOTEBOOKS = PACKAGE_DIR / "notebooks"

# Output names. Per satker-year, in <out>/<year>/<satker>/:
NOTEBOOK_NAME = "audit_lkj.ipynb"  # the executed working paper (also the notebook's own name)
AUDIT_NOTEBOOK_NAME = NOTEBOOK_NAME
HTML_NAME = "audit.html"
FINDINGS_NAME = "findings.json"
TABLES_DIR = "tables"  # tables/<name>.csv
STAMP_NAME = ".lkj-stamp.json"  # batch: written last, marks the item current
# Per batch year, in <out>/<year>/:
RECORD_NAME = "batch.json"
INDEX_NOTEBOOK_NAME = "batch_index.ipynb"
INDEX_HTML = "index.html"
PARQUET_NAME = "findings.parquet"
LOG_DIR = ".lkj-logs"  # logs of kernels that misbehaved (normal kernels leave none)

DATA_DIR = PROJECT_DIR / "data"
DEMO_REPORT = DATA_DIR / "raw" / "2024" / "656532" / "lkj_2024_kpu_kab_ogan_komering_ilir.txt"
NB_TEMPLATE_DIR = PACKAGE_DIR / "render" / "nbtemplate"
HOME_ENV = "LKJ_AUDIT_HOME"
NOTEBOOKS_ENV = "LKJ_AUDIT_NOTEBOOKS"


def in_checkout() -> bool:
    """Whether the package runs from the project's own source tree (editable install, tests)."""
    return (PROJECT_DIR / "pyproject.toml").is_file() and (
        PROJECT_DIR / "notebooks" / AUDIT_NOTEBOOK_NAME
    ).is_file()


def project_root() -> Path:
    """The folder relative notebook parameters start from.

    ``$LKJ_AUDIT_HOME`` when set; else the checkout (the folder holding ``README.md``,
    ``notebooks/``, ``data/``); for an installed package, the current directory.
    """
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home).expanduser().resolve()
    return PROJECT_DIR if in_checkout() else Path.cwd()


def project_path(path: str | Path) -> Path:
    """``path`` made absolute: a relative one is taken from :func:`project_root`."""
    p = Path(path).expanduser()
    return p if p.is_absolute() else project_root() / p


def notebook_dir() -> Path:
    """Where the notebooks are: ``$LKJ_AUDIT_NOTEBOOKS``, the checkout's, or the package's."""
    override = os.environ.get(NOTEBOOKS_ENV)
    if override:
        return Path(override)
    return PROJECT_DIR / "notebooks" if in_checkout() else PACKAGED_NOTEBOOKS


def notebook(name: str) -> Path:
    """The path of notebook ``name`` (e.g. ``audit_lkj.ipynb``), checked to exist."""
    path = notebook_dir() / name
    if not path.is_file():
        raise InputFileError(
            f"notebook {name} not found in {path.parent}; reinstall lkj-audit, or set "
            f"{NOTEBOOKS_ENV} to the folder holding it."
        )
    return path


# Kept for callers that read the constants; resolved once, at import.
NOTEBOOK_DIR = notebook_dir()
AUDIT_NOTEBOOK = NOTEBOOK_DIR / AUDIT_NOTEBOOK_NAME


def output_dir(root: str | Path, year: int, satker_id: str) -> Path:
    """``<root>/<year>/<satker>/``: where one satker-year's outputs go."""
    return Path(root) / str(year) / satker_id
