"""A batch over two years: each satker's 2024 audit is compared with its 2023 run (R-A2)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from lkj_audit.batch import synth
from lkj_audit.fsutil import sha256_file

from .conftest import run_cli

pytestmark = [pytest.mark.notebook, pytest.mark.slow]


def test_two_years_in_one_batch_compare_and_rerun_skips(tmp_path: Path, no_leak: str) -> None:
    manifest = synth.generate(1, tmp_path / "synth", seed=5, years=2)
    with manifest.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["year"] for r in rows] == ["2023", "2024"] and rows[0]["satker"] == rows[1]["satker"]
    satker = rows[0]["satker"]
    out = tmp_path / "out"
    # Two workers: the 2024 item still waits for its 2023 run.
    res = run_cli(["batch", str(manifest), "--out", str(out), "--workers", "2"], no_leak)
    assert res.returncode == 0, res.stderr
    prev = out / "2023" / satker
    data = json.loads((out / "2024" / satker / "findings.json").read_text("utf-8"))
    assert data["comparison"]["previous"]["year"] == 2023
    assert data["comparison"]["previous"]["origin"] == "folder"
    assert data["comparison"]["previous"]["source_sha256"] == sha256_file(
        tmp_path / "synth" / rows[0]["source"]
    )
    before = json.loads((prev / "findings.json").read_text("utf-8"))
    serapan = next(i for i in data["comparison"]["items"] if i["key"] == "serapan_pct")
    assert serapan["previous"] == before["figures"]["anggaran"]["serapan_pct"]
    assert serapan["current"] == data["figures"]["anggaran"]["serapan_pct"]
    assert serapan["previous"] != serapan["current"]  # the generator varied the earlier year
    assert json.loads((prev / "findings.json").read_text("utf-8"))["comparison"] is None
    assert "Perbandingan dengan tahun sebelumnya" in (
        out / "2024" / satker / "audit.html"
    ).read_text("utf-8")
    # A rerun skips both: the stamp names last year's findings as they are now.
    again = run_cli(["batch", str(manifest), "--out", str(out)], no_leak)
    assert again.returncode == 0, again.stderr
    assert "0 done, 2 skipped" in again.stdout
