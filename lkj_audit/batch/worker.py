"""What a worker process does: audit one satker-year, or build one year's index.

Runs in a local pool process or on a Dask worker; everything per process is created once
and reused: the papermill engine registration, the nbconvert HTML exporter and the warm
kernel (:mod:`lkj_audit.batch.kernels`). Every failure of an item is caught and returned as
data (status, one-line reason, where the failed notebook is kept): a task never raises.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from lkj_audit import config, fsutil
from lkj_audit.batch import state
from lkj_audit.batch.tasks import IndexResult, IndexTask, ItemResult, ItemTask, RunOptions
from lkj_audit.fsutil import atomic_write_text, sha256_file

INDEX_NOTEBOOK = config.INDEX_NOTEBOOK_NAME
LOG_DIR = config.LOG_DIR
INDEX_HTML = config.INDEX_HTML
_MAX_ERROR = 400
_local = threading.local()


def one_line(text: str, limit: int = _MAX_ERROR) -> str:
    """Collapse whitespace; cut long messages (the full text is in the failed notebook)."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def identity() -> str:
    """``host:pid`` of this worker (recorded per item in batch.json)."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _setup(options: RunOptions) -> tuple[str, dict[str, Any]]:
    """Engine name and engine kwargs for ``options``; registers the warm engine once."""
    engine_kwargs: dict[str, Any] = {"request_save_on_cell_execute": False}
    if options.cell_timeout:
        engine_kwargs["execution_timeout"] = options.cell_timeout
    import papermill.engines  # noqa: F401 - papermill first: it loads its engine entry points

    from lkj_audit.batch import kernels, warm_engine

    warm_engine.ensure_registered()
    pool = kernels.pool()
    wanted = pool_options(options)
    if pool.options != wanted:
        pool.options = wanted  # kernels started from now on use them
    return warm_engine.ENGINE_NAME, engine_kwargs


def pool_options(options: RunOptions) -> Any:
    """Kernel options for a batch: warm and reused, or (``fresh_kernels``) new each time."""
    from lkj_audit.batch import kernels

    log_dir = str(Path(options.out_root) / LOG_DIR)
    if options.fresh_kernels:
        return kernels.PoolOptions(recycle_after=1, modules=(), log_dir=log_dir)
    return kernels.PoolOptions(recycle_after=options.recycle_after, log_dir=log_dir)


def _exporter() -> Any:
    exp = getattr(_local, "exporter", None)
    if exp is None:
        from lkj_audit.render import html_export

        exp = _local.exporter = html_export.exporter()
    return exp


def run_item(task: ItemTask) -> ItemResult:
    """Audit one satker-year; write its stamp last. Never raises."""
    started = time.perf_counter()
    target = config.output_dir(task.options.out_root, task.year, task.satker)
    result = ItemResult(task.satker, task.year, "failed", 0.0, worker=identity())
    fsutil.sync_each_file(False)  # outputs flushed once, before the stamp (state.write_stamp)
    try:
        state.forget(target)
        source = Path(task.source)
        if not source.is_file():
            result.error = f"{source}: file not found. Check the path of the report."
            result.error_type = "ReportNotFoundError"
            return result
        result.sha256 = sha256_file(source)
        _run_notebook(task, target)
        key = {**task.key, "source_sha256": result.sha256}
        state.write_stamp(target, key, time.perf_counter() - started)
        result.status = "done"
    except Exception as exc:  # noqa: BLE001 - recorded per item; the batch goes on
        result.error = one_line(_reason(exc))
        result.error_type = _kind(exc)
        failed = target / state.FAILED_NOTEBOOK
        result.failed_notebook = str(failed) if failed.is_file() else None
    finally:
        result.seconds = round(time.perf_counter() - started, 3)
    return result


def _run_notebook(task: ItemTask, target: Path) -> None:
    from lkj_audit import runner

    engine_name, engine_kwargs = _setup(task.options)
    runner.run_one(
        task.source,
        task.satker,
        task.year,
        task.options.out_root,
        notebook=task.options.notebook,
        engine_name=engine_name,
        kernel_name=task.options.kernel_name,
        exporter=_exporter(),
        engine_kwargs=engine_kwargs,
        workpaper={"previous": task.previous} if task.previous else None,
    )


def _kind(exc: BaseException) -> str:
    from lkj_audit import messages

    return messages.kind(exc)


def _reason(exc: BaseException) -> str:
    from lkj_audit.errors import LkjAuditError

    if isinstance(exc, LkjAuditError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def run_index(task: IndexTask) -> IndexResult:
    """Execute the index notebook for one year and export ``index.html``. Never raises."""
    started = time.perf_counter()
    result = IndexResult(task.year, "failed", 0.0, worker=identity())
    try:
        _index_notebook(task)
        result.status = "done"
    except Exception as exc:  # noqa: BLE001 - reported by the driver as one line
        result.error = one_line(_index_reason(exc))
    finally:
        result.seconds = round(time.perf_counter() - started, 3)
    return result


def _index_notebook(task: IndexTask) -> None:
    import papermill as pm

    from lkj_audit.render import html_export

    year_dir = Path(task.options.out_root) / str(task.year)
    notebook = task.options.index_notebook or str(config.notebook(INDEX_NOTEBOOK))
    tmp = year_dir / f".batch_index.{uuid.uuid4().hex[:12]}.part.ipynb"
    params = {"out_dir": str(Path(task.options.out_root).resolve()), "year": int(task.year)}
    engine_name, engine_kwargs = _setup(task.options)
    try:
        nb = pm.execute_notebook(
            notebook, str(tmp), parameters=params, engine_name=engine_name,
            kernel_name=task.options.kernel_name, progress_bar=False, log_output=False,
            cwd=str(config.project_root()), **engine_kwargs,
        )
    except BaseException:
        if tmp.exists():
            tmp.replace(year_dir / f"{INDEX_NOTEBOOK}.failed")
        raise
    title = f"Indeks Audit LKj {task.year}"
    atomic_write_text(year_dir / INDEX_HTML, html_export.to_html(nb, title, _exporter()))
    tmp.replace(year_dir / INDEX_NOTEBOOK)
    (year_dir / f"{INDEX_NOTEBOOK}.failed").unlink(missing_ok=True)
    fsutil.sync_folder(year_dir)  # on disk before the driver records the index as done


def _index_reason(exc: BaseException) -> str:
    ename = getattr(exc, "ename", None)
    if ename:
        return f"the index notebook failed: {ename}: {getattr(exc, 'evalue', '')}"
    return _reason(exc)


def init_local_worker(parent_pid: int, options: RunOptions, quiet: bool) -> None:
    """Initialise a local pool process: quiet output, orphan watchdog, kernel warming up."""
    if quiet:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.close(devnull)
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    import gc

    gc.disable()  # nothing to collect while importing (tune_gc below re-enables it)
    fsutil.sync_each_file(False)  # each report's outputs are flushed once, before its stamp
    from lkj_audit.batch import kernels

    kernels.configure(pool_options(options))
    kernels.pool().prestart(options.kernel_name, str(config.project_root()))
    from lkj_audit.runner import skip_iri_grammar

    skip_iri_grammar()  # before papermill (nbformat, jsonschema) is imported
    import papermill  # noqa: F401 - imported while the kernel warms up, not by the first task

    _exporter()
    from lkj_audit.batch.kernel_side import tune_gc

    tune_gc()  # this process is long-lived too: same collector settings as the kernels


def _watch_parent(parent_pid: int) -> None:
    """Exit (with our kernels) when the batch driver is gone, e.g. after a SIGKILL."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent_pid:
            from lkj_audit.batch import kernels

            kernels.shutdown_all()
            sys.stdout.flush()
            os._exit(1)
