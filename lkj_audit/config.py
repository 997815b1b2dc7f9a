"""Default locations and the names of every output file (one place for both)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
NOTEBOOK_DIR = Path(os.environ.get("LKJ_AUDIT_NOTEBOOKS", PROJECT_DIR / "notebooks"))

# Output names. Per satker-year, in <out>/<year>/<satker>/:
NOTEBOOK_NAME = "audit_lkj.ipynb"  # the executed working paper (also the notebook's own name)
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

AUDIT_NOTEBOOK = NOTEBOOK_DIR / NOTEBOOK_NAME
DATA_DIR = PROJECT_DIR / "data"
DEMO_REPORT = DATA_DIR / "raw" / "2024" / "656532" / "lkj_2024_kpu_kab_ogan_komering_ilir.txt"
NB_TEMPLATE_DIR = PACKAGE_DIR / "render" / "nbtemplate"


def output_dir(root: str | Path, year: int, satker_id: str) -> Path:
    """``<root>/<year>/<satker>/``: where one satker-year's outputs go."""
    return Path(root) / str(year) / satker_id
