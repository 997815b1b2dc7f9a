"""Real papermill runs of notebooks/audit_lkj.ipynb with a real kernel."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from lkj_audit import runner
from tests.conftest import SEED
from tests.helpers import PROJECT, external_references

pytestmark = pytest.mark.notebook


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> runner.RunResult:
    out = tmp_path_factory.mktemp("reports")
    return runner.run_one(SEED, "656532", 2024, out)


def test_run_writes_the_four_outputs(seed_run: runner.RunResult) -> None:
    d = seed_run.out_dir
    assert d.parts[-2:] == ("2024", "656532")
    for name in ("audit_lkj.ipynb", "audit.html", "findings.json"):
        assert (d / name).stat().st_size > 0
    csvs = sorted(p.name for p in (d / "tables").glob("*.csv"))
    assert {"anggaran.csv", "capaian.csv", "pemilih.csv", "pegawai.csv", "skala.csv"} <= set(csvs)
    assert not list(d.glob("*.part*"))  # no temporary file left behind


def test_executed_notebook_has_no_errors_and_real_outputs(seed_run: runner.RunResult) -> None:
    nb = nbformat.read(seed_run.notebook, as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    assert sum(1 for o in outputs if "image/png" in o.get("data", {})) >= 2  # the two charts
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and "656532" in injected[0].source


def test_findings_json_matches_contract(seed_run: runner.RunResult) -> None:
    data = json.loads(seed_run.findings.read_text(encoding="utf-8"))
    assert data["satker"] == "KPU Kabupaten Ogan Komering Ilir" and data["year"] == 2024
    assert data["source"]["sha256"] and data["findings"]
    rules = {f["rule"] for f in data["findings"]}
    assert {"ANG001", "ANG004", "PML001", "CAP001"} <= rules


def test_html_is_self_contained_small_and_in_indonesian(seed_run: runner.RunResult) -> None:
    html = seed_run.html.read_text(encoding="utf-8")
    assert external_references(html) == []
    assert "<script" not in html.lower()  # no require.js, no MathJax
    assert len(html.encode()) < 1_000_000
    for heading in ("Identitas laporan", "Ringkasan hasil reviu", "Daftar temuan", "Kesimpulan"):
        assert heading in html
    assert "def " not in html and "audit.open(" not in html  # code hidden
    assert "Petunjuk untuk reviewer" not in html  # the JupyterLab guide cell is not printed
    assert html.count("data:image/png;base64,") >= 2


def test_html_marks_exactly_the_figures_findings_report(seed_run: runner.RunResult) -> None:
    html = seed_run.html.read_text(encoding="utf-8")
    data = json.loads(seed_run.findings.read_text(encoding="utf-8"))
    marked = set(re.findall(r'data-finding="([0-9a-f]+)"', html))
    assert marked and marked <= {f["fingerprint"] for f in data["findings"]}
    for fp in marked:  # each marked cell links to its finding's entry
        assert f'href="#f-{fp}"' in html and f'id="f-{fp}"' in html
    linked = re.findall(r'class="num diff[^"]*" data-finding', html)
    assert html.count('class="num diff') == len(linked)
    # The whole budget: printed (the Jumlah row) and recomputed, each labelled.
    budget = data["figures"]["anggaran"]
    assert "Serapan dihitung ulang" in html and "Serapan tercetak" in html
    assert f"{budget['serapan_pct']:.2f}".replace(".", ",") + "%" in html


def test_plain_papermill_cli_works_with_the_documented_parameters(tmp_path: Path) -> None:
    out_nb = tmp_path / "out.ipynb"
    help_text = subprocess.run(
        [sys.executable, "-m", "papermill", "--help-notebook", "notebooks/audit_lkj.ipynb"],
        capture_output=True, text=True, cwd=PROJECT, check=True,
    ).stdout
    for name, typ in (("source", "str"), ("satker", "str"), ("year", "int"), ("out_dir", "str")):
        assert name in help_text and typ in help_text
    subprocess.run(
        [sys.executable, "-m", "papermill", "notebooks/audit_lkj.ipynb", str(out_nb),
         "-p", "source", str(SEED), "-p", "satker", "656532", "-p", "year", "2024",
         "-p", "out_dir", str(tmp_path / "reports"), "--no-progress-bar"],
        capture_output=True, text=True, cwd=PROJECT, check=True, timeout=300,
    )
    assert (tmp_path / "reports" / "2024" / "656532" / "findings.json").exists()
