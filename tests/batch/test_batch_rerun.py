"""A rerun with nothing changed does nothing: no kernel, no index rebuilt, failures kept.

Two good reports and two broken ones: an empty file (refused by the driver's pre-check,
before any kernel) and a text that is no LKj (only the reader in the kernel finds out).
The counters in ``batch.json`` (``run``) and the index's modification time tell what a run
did; wall time is never compared.
"""

from __future__ import annotations

import json
from pathlib import Path

import html5lib
import pytest

from .conftest import Reports, run_cli

pytestmark = [pytest.mark.notebook, pytest.mark.slow]

NOT_AN_LKJ = "Daftar belanja\nberas\ntelur\n"


def record(out: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((out / "2024" / "batch.json").read_text("utf-8"))


def items(out: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    return {i["satker"]: i for i in record(out)["items"]}


def test_rerun_keeps_unchanged_failures_and_retries_changed_ones(
    reports: Reports, tmp_path: Path, no_leak: str
) -> None:
    empty, not_lkj = tmp_path / "empty.txt", tmp_path / "belanja.txt"
    empty.write_text("", encoding="utf-8")
    not_lkj.write_text(NOT_AN_LKJ, encoding="utf-8")
    manifest = reports.subset(tmp_path, 2, [
        {"satker": "900001", "year": "2024", "source": str(empty)},
        {"satker": "900002", "year": "2024", "source": str(not_lkj)},
    ])
    out = tmp_path / "out"
    batch = ["batch", str(manifest), "--out", str(out), "--workers", "1"]
    index = out / "2024" / "index.html"

    first = run_cli(batch, no_leak)
    assert first.returncode == 1, first.stderr
    assert record(out)["run"] == {"dispatched": 3, "workers_started": True, "kept_failures": 0,
                                  "index_rebuilt": True}
    failed = items(out)
    assert failed["900001"]["error_type"] == "EmptyReportError"  # the pre-check, no kernel
    assert failed["900002"]["error_type"] == "NotAReportError"  # found in the kernel
    assert "no LKj structure found" in failed["900002"]["error"]  # the reader's own detail, kept
    for code in ("900001", "900002"):
        assert failed[code]["failure_key"]["source_sha256"] == failed[code]["sha256"]
        assert failed[code]["failure_key"]["tool_version"] == record(out)["tool"]["version"]
    html = index.read_text("utf-8")
    html5lib.HTMLParser(strict=True).parse(html)  # the failures table is valid HTML too
    assert "Berkas laporan kosong" in html and "tidak berbentuk Laporan Kinerja" in html
    assert "Yang perlu dilakukan" in html
    for developer_text in ("InputFileError", "NotAReportError", "the audit notebook failed",
                           "no LKj structure", "file is empty"):
        assert developer_text not in html, developer_text
    built = index.stat().st_mtime_ns

    # Nothing changed: no worker, no kernel, the index untouched, the failures kept as they were.
    second = run_cli(batch, no_leak)
    assert second.returncode == 1, second.stderr
    assert "0 done, 2 skipped, 2 failed (2 unchanged, kept" in second.stdout
    assert record(out)["run"] == {"dispatched": 0, "workers_started": False, "kept_failures": 2,
                                  "index_rebuilt": False}
    assert index.stat().st_mtime_ns == built
    again = items(out)
    for code in ("900001", "900002"):
        assert again[code]["failure_kept"] is True
        assert again[code]["error"] == failed[code]["error"]
        assert again[code]["failed_notebook"] == failed[code]["failed_notebook"]
    assert record(out)["index"]["status"] == "done"

    # A third run with nothing changed still does nothing (the index stays known as built).
    assert record(out)["run"]["dispatched"] == 0
    third = run_cli(batch, no_leak)
    assert third.returncode == 1 and record(out)["run"]["index_rebuilt"] is False
    assert index.stat().st_mtime_ns == built

    # --retry-failed: the kernel failure is run again; the pre-check refuses the empty one again.
    retried = run_cli([*batch, "--retry-failed"], no_leak)
    assert retried.returncode == 1, retried.stderr
    assert record(out)["run"]["dispatched"] == 1 and record(out)["run"]["kept_failures"] == 0
    assert not any(i["failure_kept"] for i in items(out).values() if i["status"] == "failed")

    # A broken report that changed is retried (without --retry-failed); the index follows.
    built = index.stat().st_mtime_ns
    empty.write_text(reports.root.joinpath(reports.rows[2]["source"]).read_text("utf-8"),
                     encoding="utf-8")
    changed = run_cli(batch, no_leak)
    assert changed.returncode == 1, changed.stderr
    assert "1 done, 2 skipped, 1 failed" in changed.stdout
    assert record(out)["run"] == {"dispatched": 1, "workers_started": True, "kept_failures": 1,
                                  "index_rebuilt": True}
    assert items(out)["900001"]["status"] == "done"
    assert index.stat().st_mtime_ns != built
    assert "Berkas laporan kosong" not in index.read_text("utf-8")
