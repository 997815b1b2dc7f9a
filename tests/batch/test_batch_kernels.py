"""The warm-kernel papermill engine: reuse, reset, recycling, fresh mode, no leaks.

Real kernels through papermill's Python API and the ``lkj_warm`` entry point.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path

import nbformat
import papermill as pm
import psutil
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from lkj_audit.batch import kernels, warm_engine

pytestmark = pytest.mark.notebook

PROBE = """\
import os, sys, json
print(json.dumps({"pid": os.getpid(), "exe": sys.executable, "cwd": os.getcwd(),
                  "leftover": "leftover" in globals(),
                  "pandas": "pandas" in sys.modules, "seaborn": "seaborn" in sys.modules}))"""


def notebook(path: Path, *cells: str) -> Path:
    nb = new_notebook(cells=[new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {
        "name": "python3", "display_name": "Python 3", "language": "python"
    }
    nbformat.write(nb, path)
    return path


def run(nb: Path, out: Path) -> dict[str, object]:
    """Execute with the warm engine; the probe cell's JSON and the first execution count."""
    done = pm.execute_notebook(str(nb), str(out), engine_name="lkj_warm", progress_bar=False,
                               cwd=str(out.parent), request_save_on_cell_execute=False)
    first = next(c for c in done.cells if c.cell_type == "code")
    probe = next(c for c in done.cells if "leftover" in c.source)
    data: dict[str, object] = json.loads(probe.outputs[0]["text"])
    data["first_count"] = first.execution_count
    return data


@pytest.fixture
def pool() -> Iterator[kernels.KernelPool]:
    warm_engine.ensure_registered()
    p = kernels.pool()
    saved = p.options
    yield p
    p.shutdown()
    p.options = saved
    kernels.shutdown_all()


def test_entry_point_is_registered() -> None:
    names = {ep.name: ep.value for ep in entry_points(group="papermill.engine")}
    assert names.get("lkj_warm") == "lkj_audit.batch.engine_entry:WarmEngineEntry"
    from papermill.engines import papermill_engines

    assert papermill_engines.get_engine("lkj_warm").engine() is warm_engine.WarmEngine
    assert issubclass(warm_engine.WarmEngine, pm.engines.NBClientEngine)


def test_kernel_is_reused_and_reset(pool: kernels.KernelPool, tmp_path: Path) -> None:
    pool.options = kernels.PoolOptions(recycle_after=10)
    nb = notebook(tmp_path / "nb.ipynb", "x = 1", PROBE, "leftover = True")
    first = run(nb, tmp_path / "1.ipynb")
    second = run(nb, tmp_path / "2.ipynb")
    assert first["pid"] == second["pid"]  # the same kernel process ...
    assert second["leftover"] is False  # ... without the previous notebook's variables
    assert first["first_count"] == second["first_count"] == 1  # counter restarts
    assert first["exe"] == sys.executable  # the venv's interpreter
    assert first["pandas"] and first["seaborn"]  # pre-imported while the kernel started
    assert second["cwd"] == str(tmp_path)


def test_cell_error_recycles_the_kernel(pool: kernels.KernelPool, tmp_path: Path) -> None:
    pool.options = kernels.PoolOptions(recycle_after=10)
    ok = notebook(tmp_path / "ok.ipynb", PROBE)
    bad = notebook(tmp_path / "bad.ipynb", "raise ValueError('broken report')")
    before = run(ok, tmp_path / "a.ipynb")
    with pytest.raises(pm.PapermillExecutionError, match="broken report"):
        run(bad, tmp_path / "b.ipynb")
    after = run(ok, tmp_path / "c.ipynb")
    assert after["pid"] != before["pid"]
    assert not psutil.pid_exists(int(before["pid"])) or psutil.Process(
        int(before["pid"])).status() == psutil.STATUS_ZOMBIE


def test_recycled_after_k_notebooks(pool: kernels.KernelPool, tmp_path: Path) -> None:
    pool.options = kernels.PoolOptions(recycle_after=3)
    nb = notebook(tmp_path / "nb.ipynb", PROBE)
    pids, live = [], []
    for i in range(4):
        pids.append(run(nb, tmp_path / f"{i}.ipynb")["pid"])
        live.append([k.pid for k in kernels.live_kernels()])
    assert pids[0] == pids[1] == pids[2] != pids[3]
    # Never two warm kernels at once (each ~235 MiB): no replacement boots beside the kernel
    # running its last notebook, and none stands beside the new one afterwards.
    assert all(len(pids_now) == 1 for pids_now in live), live
    assert live[3] == [pids[3]]


def test_fresh_mode_new_kernel_nothing_preimported(
    pool: kernels.KernelPool, tmp_path: Path
) -> None:
    pool.options = kernels.PoolOptions(recycle_after=1, modules=())
    nb = notebook(tmp_path / "nb.ipynb", "x = 1", PROBE)
    a, b = run(nb, tmp_path / "a.ipynb"), run(nb, tmp_path / "b.ipynb")
    assert a["pid"] != b["pid"]
    assert not a["pandas"] and not b["pandas"]


def test_cell_timeout_recycles(pool: kernels.KernelPool, tmp_path: Path) -> None:
    pool.options = kernels.PoolOptions(recycle_after=10)
    probe = notebook(tmp_path / "p.ipynb", PROBE)
    slow = notebook(tmp_path / "slow.ipynb", "import time; time.sleep(60)")
    before = run(probe, tmp_path / "a.ipynb")
    with pytest.raises(Exception, match="(?i)timed? ?out"):
        pm.execute_notebook(str(slow), str(tmp_path / "s.ipynb"), engine_name="lkj_warm",
                            progress_bar=False, execution_timeout=2)
    assert run(probe, tmp_path / "b.ipynb")["pid"] != before["pid"]


def test_shutdown_all_leaves_no_kernel(pool: kernels.KernelPool, tmp_path: Path) -> None:
    pool.options = kernels.PoolOptions(recycle_after=1)
    pool.prestart("python3", str(tmp_path))  # a kernel and a spare
    pids = [k.pid for k in kernels.live_kernels()]
    assert len(pids) == 2
    kernels.shutdown_all()
    assert kernels.live_kernels() == []
    for pid in pids:
        assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
