"""``--scheduler``: one task per satker-year on a real Dask cluster (scheduler + worker CLIs)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from .conftest import Reports, cli_env, run_cli, wait_gone

pytestmark = [pytest.mark.dask, pytest.mark.notebook, pytest.mark.slow]
distributed = pytest.importorskip("distributed")

DASK = str(Path(sys.executable).with_name("dask"))


def _wait_for(path: Path, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert proc.poll() is None, "dask scheduler exited"
        assert time.monotonic() < deadline, "dask scheduler did not start"
        time.sleep(0.1)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture
def cluster(tmp_path: Path, no_leak: str) -> Iterator[tuple[str, psutil.Process]]:
    """A scheduler and one worker process on 127.0.0.1 (free ports), torn down after."""
    env = cli_env(no_leak)
    info = tmp_path / "scheduler.json"
    scheduler = subprocess.Popen(
        [DASK, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
         "--scheduler-file", str(info)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    worker = None
    try:
        _wait_for(info, scheduler)
        address = json.loads(info.read_text())["address"]
        worker = subprocess.Popen(
            [DASK, "worker", address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard",
             "--memory-limit", "0", "--local-directory", str(tmp_path / "dask-worker")],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(1, timeout=120)
        yield address, psutil.Process(worker.pid)
    finally:
        if worker is not None:
            _stop(worker)
        _stop(scheduler)


def test_batch_on_a_dask_cluster(
    reports: Reports, tmp_path: Path, cluster: tuple[str, psutil.Process], no_leak: str
) -> None:
    address, worker = cluster
    worker_pids = {p.pid for p in worker.children(recursive=True)} | {worker.pid}
    manifest = reports.subset(tmp_path, 3)
    out = tmp_path / "out"
    res = run_cli(["batch", str(manifest), "--out", str(out), "--scheduler", address], no_leak)
    assert res.returncode == 0, res.stderr
    assert "3 done, 0 skipped, 0 failed" in res.stdout

    record = json.loads((out / "2024" / "batch.json").read_text("utf-8"))
    assert record["options"]["scheduler"] == address
    assert record["index"]["status"] == "done"
    for item in record["items"]:
        assert item["status"] == "done"
        pid = int(item["worker"].rsplit(":", 1)[1])
        assert pid in worker_pids | {p.pid for p in worker.children(recursive=True)}
        folder = out / "2024" / item["satker"]
        assert (folder / "audit_lkj.ipynb").is_file() and (folder / "audit.html").is_file()
    assert (out / "2024" / "index.html").is_file()
    assert (out / "2024" / "findings.parquet").is_file()
    # The warm kernels live in the Dask worker, not in the CLI that submitted the tasks.
    kernels = [p for p in worker.children(recursive=True) if "ipykernel" in " ".join(p.cmdline())]
    assert kernels


def test_unreachable_scheduler_is_one_line(reports: Reports, tmp_path: Path, tag: str) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    manifest = reports.subset(tmp_path, 1)
    res = run_cli(["batch", str(manifest), "--out", str(tmp_path / "o"),
                   "--scheduler", f"tcp://127.0.0.1:{port}"], tag, timeout=120)
    assert res.returncode == 2
    assert "cannot reach the Dask scheduler" in res.stderr and "Traceback" not in res.stderr
    assert not wait_gone(tag)
