"""``lkj-audit batch`` end to end: real worker processes, real kernels, real outputs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from lkj_audit.batch import state
from lkj_audit.fsutil import sha256_file

from .conftest import Reports, run_cli, write_manifest

pytestmark = [pytest.mark.notebook, pytest.mark.slow]

EXTERNAL = re.compile(
    r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|@import|url\(\s*["']?(?:https?:)?//""", re.I
)


def batch_json(out: Path, year: int = 2024) -> dict:  # type: ignore[type-arg]
    return json.loads((out / str(year) / "batch.json").read_text("utf-8"))


def statuses(out: Path) -> dict[str, str]:
    return {i["satker"]: i["status"] for i in batch_json(out)["items"]}


def assert_complete(out: Path, satker: str) -> None:
    folder = out / "2024" / satker
    nb = nbformat.read(folder / "audit_lkj.ipynb", as_version=4)
    assert nb.metadata["papermill"]["parameters"]["satker"] == satker
    assert (folder / "audit.html").read_text("utf-8").rstrip().endswith("</html>")
    data = json.loads((folder / "findings.json").read_text("utf-8"))
    assert data["satker_code"] == satker
    assert (folder / "tables" / "anggaran.csv").is_file()
    assert state.read_stamp(folder) is not None


RUN_TIME_FIELDS = ("generated_at",)  # differ between any two runs, by design


def assert_batch_equals_single_run(reports: Reports, out: Path, manifest: Path, tag: str) -> None:
    """Each batch findings.json equals ``lkj-audit check --format json`` on the same report.

    Batch workers reuse warm kernels; state leaking from one report into the next would show
    here as a finding (or a count, a name) that a fresh single run does not give.
    """
    rows = pd.read_csv(manifest, dtype=str, keep_default_na=False).to_dict("records")
    assert len(rows) >= 2
    for row in rows:
        args = ["check", row["source"], "--format", "json", "--satker", row["satker"]]
        args += ["--year", row["year"]] + (
            ["--satker-name", row["satker_name"]] if row["satker_name"] else []
        )
        single = run_cli(args, tag, timeout=300)
        assert single.returncode == 0, single.stderr
        alone = json.loads(single.stdout)
        batch = json.loads((out / row["year"] / row["satker"] / "findings.json").read_text("utf-8"))
        for data in (alone, batch):
            for field in RUN_TIME_FIELDS:
                data.pop(field, None)
        assert batch == alone, row["satker"]


def test_batch_end_to_end_then_skip_change_force(
    reports: Reports, tmp_path: Path, no_leak: str
) -> None:
    manifest = reports.subset(tmp_path, 4)
    out = tmp_path / "out"
    res = run_cli(["batch", str(manifest), "--out", str(out), "--workers", "2"], no_leak)
    assert res.returncode == 0, res.stderr
    assert "4 done, 0 skipped, 0 failed" in res.stdout
    assert "Traceback" not in res.stderr
    satker = [r["satker"] for r in reports.rows[:4]]
    for code in satker:
        assert_complete(out, code)
    assert_batch_equals_single_run(reports, out, manifest, no_leak)

    record = batch_json(out)
    assert record["tool"]["name"] == "lkj-audit" and record["tool"]["version"]
    assert record["status"] == "complete" and record["started"] and record["ended"]
    assert record["summary"] == {"total": 4, "done": 4, "skipped": 0, "failed": 0, "pending": 0}
    for item in record["items"]:
        assert item["sha256"] == sha256_file(item["source"])
        assert item["duration"] > 0 and item["error"] is None and item["worker"]
    assert record["index"]["status"] == "done"

    # The index: self-contained, in Bahasa Indonesia, a row and a link per satker.
    html = (out / "2024" / "index.html").read_text("utf-8")
    assert not EXTERNAL.search(html), EXTERNAL.search(html)
    assert "<script src" not in html.lower()
    assert "Ringkasan per satker" in html and "Laporan yang gagal diaudit" in html
    for row in reports.rows[:4]:
        assert f'href="{row["satker"]}/audit.html"' in html
        assert row["satker_name"] in html
    assert html.count("data:image/png;base64,") >= 3  # the three charts, embedded

    # findings.parquet: one row per finding of every satker, with satker and year.
    df = pd.read_parquet(out / "2024" / "findings.parquet")
    per_satker = {
        code: len(json.loads((out / "2024" / code / "findings.json").read_text())["findings"])
        for code in satker
    }
    assert len(df) == sum(per_satker.values())
    assert df.groupby("satker").size().to_dict() == per_satker
    assert set(df["year"]) == {2024}
    assert {"rule", "severity", "category", "message", "line"} <= set(df.columns)

    # Unchanged inputs: everything skipped, nothing rewritten.
    html_mtime = (out / "2024" / satker[0] / "audit.html").stat().st_mtime_ns
    index_mtime = (out / "2024" / "index.html").stat().st_mtime_ns
    again = run_cli(["batch", str(manifest), "--out", str(out)], no_leak)
    assert again.returncode == 0 and "0 done, 4 skipped, 0 failed" in again.stdout
    assert set(statuses(out).values()) == {"skipped"}
    assert (out / "2024" / satker[0] / "audit.html").stat().st_mtime_ns == html_mtime
    assert (out / "2024" / "index.html").stat().st_mtime_ns == index_mtime

    # A changed source is redone; the others are still skipped.
    changed = Path(reports.rows[1]["source"])
    source = reports.root / changed
    copy = tmp_path / "changed.txt"
    copy.write_text(source.read_text("utf-8") + "\nCatatan tambahan.\n", encoding="utf-8")
    rows = [dict(r, source=str(reports.root / r["source"])) for r in reports.rows[:4]]
    rows[1]["source"] = str(copy)
    manifest2 = write_manifest(tmp_path / "m2.csv", rows)
    third = run_cli(["batch", str(manifest2), "--out", str(out)], no_leak)
    assert third.returncode == 0 and "1 done, 3 skipped" in third.stdout
    assert statuses(out)[satker[1]] == "done"

    forced = run_cli(["batch", str(manifest2), "--out", str(out), "--force"], no_leak)
    assert forced.returncode == 0 and "4 done, 0 skipped" in forced.stdout


def test_folder_input_with_fresh_kernels(reports: Reports, tmp_path: Path, no_leak: str) -> None:
    data = tmp_path / "data"
    for row in reports.rows[4:6]:
        target = data / "2024" / row["satker"] / "lkj.txt"
        target.parent.mkdir(parents=True)
        target.write_bytes((reports.root / row["source"]).read_bytes())
    out = tmp_path / "out"
    res = run_cli(["batch", str(data), "--out", str(out), "--workers", "1", "--fresh-kernels"],
                  no_leak)
    assert res.returncode == 0, res.stderr
    assert "2 done, 0 skipped, 0 failed" in res.stdout
    assert batch_json(out)["options"]["fresh_kernels"] is True
    for row in reports.rows[4:6]:
        assert_complete(out, row["satker"])
    assert (out / "2024" / "findings.parquet").is_file()


def test_broken_reports_are_recorded_and_the_batch_goes_on(
    reports: Reports, tmp_path: Path, no_leak: str
) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    extra = [
        {"satker": "900001", "year": "2024", "source": str(tmp_path / "empty.txt"),
         "satker_name": "<script>alert('x')</script> & Co"},
        {"satker": "900002", "year": "2024", "source": str(tmp_path / "binary.txt")},
        {"satker": "900003", "year": "2024", "source": str(tmp_path / "missing.txt")},
    ]
    manifest = reports.subset(tmp_path, 2, extra)
    out = tmp_path / "out"
    res = run_cli(["batch", str(manifest), "--out", str(out), "--workers", "2"], no_leak)
    assert res.returncode == 1
    assert "Traceback" not in res.stderr and "Traceback" not in res.stdout
    assert "2 done, 0 skipped, 3 failed" in res.stdout
    for code in ("900001", "900002", "900003"):
        lines = [ln for ln in res.stderr.splitlines() if ln.startswith(f"failed: 2024/{code}: ")]
        assert len(lines) == 1, res.stderr

    record = {i["satker"]: i for i in batch_json(out)["items"]}
    assert record["900001"]["status"] == "failed" and "empty" in record["900001"]["error"]
    assert "binary" in record["900002"]["error"]
    assert "not found" in record["900003"]["error"]
    assert record["900001"]["error_type"] == "EmptyReportError"
    assert record["900002"]["error_type"] == "BinaryFileError"
    assert record["900003"]["error_type"] == "ReportNotFoundError"
    for code in ("900001", "900002"):
        # Refused by the driver's pre-check: no kernel ran, so no failed notebook and no folder.
        assert record[code]["failed_notebook"] is None
        assert not (out / "2024" / code / state.STAMP_NAME).exists()
        assert "\n" not in record[code]["error"]
    assert batch_json(out)["run"]["dispatched"] == 2
    for row in reports.rows[:2]:
        assert record[row["satker"]]["status"] == "done"
        assert_complete(out, row["satker"])

    html = (out / "2024" / "index.html").read_text("utf-8")
    assert "<script>alert" not in html  # report and manifest text is escaped
    assert "&lt;script&gt;alert(" in html
    assert html.index("900002") < html.index("Ringkasan per satker")  # failures first
    df = pd.read_parquet(out / "2024" / "findings.parquet")
    assert set(df["satker"]) == {r["satker"] for r in reports.rows[:2]}
