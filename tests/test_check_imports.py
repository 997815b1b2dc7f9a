"""`lkj-audit check` imports only what its path needs (a property, not a timing)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import SEED

# Heavy packages the check path never uses: the notebook run, the charts, the reviewer's
# Word/Excel files (only `run`/`save`), pandera (the fast schema check validates; pandera
# only when a table does not fit it), hypothesis (pandera's strategies), PyYAML (only when the
# report's folder has a reviewer's corrections.yaml / review.yaml), rich (typer's help and
# error panels), typer and pydantic (a plain check line is read by lkj_audit.cli_check) and
# pandas with numpy and pyarrow (the audit reads validated row records; the DataFrames are
# built only for CSV export, the notebook and the HTML views).
NOT_ON_CHECK_PATH = (
    "pandas",
    "numpy",
    "pyarrow",
    "papermill",
    "nbconvert",
    "jupyter_client",
    "matplotlib",
    "seaborn",
    "docx",
    "openpyxl",
    "dask",
    "pandera",
    "hypothesis",
    "yaml",
    "rich",
    "typer",
    "pydantic",
)

PROBE = """
import runpy, sys
sys.argv = ["lkj-audit", "check", sys.argv[1], "--format", "json"]
try:
    runpy.run_module("lkj_audit", run_name="__main__")
except SystemExit:
    pass
print(sorted({name.split(".")[0] for name in sys.modules}), file=sys.stderr)
"""


def test_check_process_does_not_import_notebook_chart_or_office_packages() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE, str(SEED)], capture_output=True, text=True)
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1].replace("'", '"')))
    assert json.loads(done.stdout)["findings"], "the probe must really have run the check"
    assert "rapidfuzz" in loaded  # the probe sees the real process's modules (the budget reader's)
    assert sorted(loaded & set(NOT_ON_CHECK_PATH)) == []
