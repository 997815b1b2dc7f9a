"""Default locations (overridable by arguments and environment variables)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
NOTEBOOK_DIR = Path(os.environ.get("LKJ_AUDIT_NOTEBOOKS", PROJECT_DIR / "notebooks"))
AUDIT_NOTEBOOK = NOTEBOOK_DIR / "audit_lkj.ipynb"
DATA_DIR = PROJECT_DIR / "data"
DEMO_REPORT = DATA_DIR / "raw" / "2024" / "656532" / "lkj_2024_kpu_kab_ogan_komering_ilir.txt"
REPORTS_DIR = Path(os.environ.get("LKJ_AUDIT_REPORTS", PROJECT_DIR / "reports"))
NB_TEMPLATE_DIR = PACKAGE_DIR / "render" / "nbtemplate"


def output_dir(root: str | Path, year: int, satker_id: str) -> Path:
    """``<root>/<year>/<satker>/``: where one satker-year's outputs go."""
    return Path(root) / str(year) / satker_id
