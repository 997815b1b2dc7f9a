"""A batch killed with SIGKILL leaves nothing that looks finished but is not; a rerun completes.

The driver is killed mid-run (its workers and kernels must then exit on their own); every
file that has its final name must be complete, every stamped item must have all its
outputs, and the next run must skip what was finished and do the rest.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from lkj_audit.batch import state

from .conftest import Reports, cli_env, run_cli, wait_gone

pytestmark = [pytest.mark.notebook, pytest.mark.slow]


def stamped(year_dir: Path) -> set[str]:
    return {p.parent.name for p in year_dir.glob(f"*/{state.STAMP_NAME}")}


def assert_nothing_half_written(year_dir: Path) -> None:
    for path in year_dir.rglob("findings.json"):
        json.loads(path.read_text("utf-8"))
    for path in year_dir.rglob("audit_lkj.ipynb"):
        nbformat.read(path, as_version=4)
    for path in year_dir.rglob("audit.html"):
        assert path.read_text("utf-8").rstrip().endswith("</html>"), path
    for satker in stamped(year_dir):
        for name in state.OUTPUTS:
            assert (year_dir / satker / name).is_file(), (satker, name)
    if (year_dir / "batch.json").exists():
        json.loads((year_dir / "batch.json").read_text("utf-8"))


def test_sigkill_then_resume(reports: Reports, tmp_path: Path, no_leak: str) -> None:
    manifest = reports.subset(tmp_path, 6)
    out = tmp_path / "out"
    year_dir = out / "2024"
    proc = subprocess.Popen(
        [sys.executable, "-m", "lkj_audit.cli", "batch", str(manifest), "--out", str(out),
         "--workers", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=cli_env(no_leak),
    )
    try:
        deadline = time.monotonic() + 300
        while not stamped(year_dir) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the batch finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    # Orphaned workers notice the driver is gone and take their kernels with them (one may
    # still finish the item it was writing: complete outputs, then its stamp).
    assert not wait_gone(no_leak, timeout=30)
    finished = stamped(year_dir)
    assert 1 <= len(finished) < 6
    assert_nothing_half_written(year_dir)
    assert json.loads((year_dir / "batch.json").read_text("utf-8"))["ended"] is None

    res = run_cli(["batch", str(manifest), "--out", str(out), "--workers", "2"], no_leak)
    assert res.returncode == 0, res.stderr
    record = json.loads((year_dir / "batch.json").read_text("utf-8"))
    status = {i["satker"]: i["status"] for i in record["items"]}
    assert {s for s, v in status.items() if v == "skipped"} == finished
    assert {s for s, v in status.items() if v == "done"} == set(status) - finished
    assert record["status"] == "complete" and record["ended"]
    assert stamped(year_dir) == set(status)
    assert_nothing_half_written(year_dir)
    assert not list(out.rglob("*.part*"))  # temporary files of the killed run are gone
    assert (year_dir / "index.html").is_file() and (year_dir / "findings.parquet").is_file()
