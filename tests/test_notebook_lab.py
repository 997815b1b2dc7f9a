"""Each notebook run the way JupyterLab runs it: Run All on a fresh kernel whose working
directory is the notebook's own folder, with the parameters exactly as shipped.

papermill runs (tests/test_notebook.py) start in the project folder; JupyterLab does not, so
relative defaults such as ``source = "data/raw/…"`` must not depend on the kernel's cwd.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from lkj_audit import config
from lkj_audit.render import html_export
from tests.helpers import PROJECT, run_cli

pytestmark = pytest.mark.notebook
NOTEBOOKS = PROJECT / "notebooks"
# Appended after the notebook's own cells: proves where the kernel ran, changes nothing else.
CWD_PROBE = "import os as _os; print(_os.getcwd())"


def lab_client(path: Path) -> tuple[nbformat.NotebookNode, NotebookClient]:
    """A notebook and a client that runs it as JupyterLab does: fresh kernel, its folder as cwd."""
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(CWD_PROBE))
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    return nb, client


def run_all(path: Path) -> nbformat.NotebookNode:
    """Execute every cell in order, stopping at the first error, as Run All does."""
    nb, client = lab_client(path)
    client.execute()
    return nb


def errors_of(nb: nbformat.NotebookNode) -> list[dict[str, object]]:
    return [
        o
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if o.output_type == "error"
    ]


def kernel_cwd(nb: nbformat.NotebookNode) -> Path:
    probe = nb.cells[-1]
    return Path("".join(o.get("text", "") for o in probe.outputs).strip())


def kernel_cwd_never_reached(nb: nbformat.NotebookNode) -> bool:
    return not nb.cells[-1].get("outputs")


def test_first_cell_is_the_reviewer_guide_tagged_for_export() -> None:
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        first = nbformat.read(path, as_version=4).cells[0]
        assert first.cell_type == "markdown", path.name
        assert html_export.GUIDE_TAG in first.metadata.get("tags", []), path.name
        text = first.source
        assert "Petunjuk" in text and "parameters" in text and "Run All" in text, path.name
        assert "corrections.yaml" in text and "review.yaml" in text, path.name
        assert "folder proyek" in text, path.name  # where relative paths start


def test_audit_notebook_runs_all_from_its_folder(seed_findings) -> None:  # type: ignore[no-untyped-def]
    target = config.output_dir(PROJECT / "reports", 2024, "656532")  # where the README says
    started = time.time() - 1  # file-system timestamps may be coarse
    nb = run_all(NOTEBOOKS / "audit_lkj.ipynb")

    assert errors_of(nb) == []
    assert kernel_cwd(nb) == NOTEBOOKS
    data = json.loads((target / "findings.json").read_text(encoding="utf-8"))
    assert (target / "findings.json").stat().st_mtime >= started
    assert (target / "tables" / "anggaran.csv").stat().st_mtime >= started
    assert Path(data["source"]["path"]) == config.DEMO_REPORT
    assert sorted(f["fingerprint"] for f in data["findings"]) == sorted(
        f.fingerprint for f in seed_findings
    )
    assert not (NOTEBOOKS / "reports").exists()  # nothing lands beside the notebook

    html = html_export.to_html(nb, "Audit LKj 656532 2024")
    assert "Kertas Kerja Reviu" in html  # the title cell stays
    assert "Petunjuk untuk reviewer" not in html and "Run All" not in html  # the guide does not


def test_batch_index_without_a_batch_says_what_to_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(config.HOME_ENV, str(tmp_path))  # a project folder with no batch yet
    nb, client = lab_client(NOTEBOOKS / "batch_index.ipynb")
    with pytest.raises(CellExecutionError):
        client.execute()
    assert kernel_cwd_never_reached(nb)  # Run All stopped at the failing cell
    (error,) = errors_of(nb)
    assert error["ename"] == "InputFileError"
    (line,) = error["traceback"]  # type: ignore[misc]  # one line, no stack frames
    assert "Belum ada hasil batch" in line and "out_dir" in line and "make demo-batch" in line
    assert str(tmp_path / "reports" / "batch" / "2024") in line
    assert 'File "' not in line


def test_batch_index_runs_all_on_the_default_batch_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch_out = tmp_path / "reports" / "batch"  # the notebook's default out_dir
    synth = run_cli("synth", "1", "--out", str(tmp_path / "synth"))
    assert synth.returncode == 0, synth.stderr
    batch = run_cli(
        "batch", str(tmp_path / "synth" / "manifest.csv"), "--out", str(batch_out), "--workers", "1"
    )
    assert batch.returncode == 0, batch.stderr
    monkeypatch.setenv(config.HOME_ENV, str(tmp_path))
    started = time.time() - 1

    nb = run_all(NOTEBOOKS / "batch_index.ipynb")

    assert errors_of(nb) == []
    assert kernel_cwd(nb) == NOTEBOOKS
    assert (batch_out / "2024" / "findings.parquet").stat().st_mtime >= started
    shown = " ".join(
        o.get("data", {}).get("text/html", "") for c in nb.cells for o in c.get("outputs", [])
    )
    satker = json.loads((batch_out / "2024" / "batch.json").read_text("utf-8"))["items"]
    assert len(satker) == 1 and all(item["satker"] in shown for item in satker)
