"""The papermill engine ``lkj_warm``: papermill's nbclient engine on a reused, warm kernel.

Registered through papermill's entry point group (``[project.entry-points."papermill.engine"]``
in ``pyproject.toml``, via the forwarder :mod:`lkj_audit.batch.engine_entry`), so
``papermill --engine lkj_warm …`` and
``papermill.execute_notebook(…, engine_name="lkj_warm")`` both use it. Everything papermill
records (cell timings, status, the error cell on failure) is unchanged: the only difference
from :class:`papermill.engines.NBClientEngine` is *which* kernel runs the cells.

Engine keyword arguments: ``execution_timeout`` (seconds per cell, as papermill's) and
``start_timeout``; recycling and pre-imports come from :func:`lkj_audit.batch.kernels.configure`.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines
from papermill.exceptions import PapermillException
from papermill.utils import merge_kwargs, remove_args

from lkj_audit.batch import kernels

log = logging.getLogger(__name__)
ENGINE_NAME = "lkj_warm"


class WarmEngine(NBClientEngine):  # type: ignore[misc]  # papermill is untyped
    """Execute a notebook on this thread's warm kernel instead of starting a new one."""

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man: Any,
        kernel_name: str,
        log_output: bool = False,
        stdout_file: Any = None,
        stderr_file: Any = None,
        start_timeout: int = 60,
        execution_timeout: int | None = None,
        **kwargs: Any,
    ) -> Any:
        """Run every cell on a reset warm kernel; recycle the kernel after any failure."""
        kwargs = remove_args(["input_path"], **kwargs)
        safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
        final_kwargs = merge_kwargs(
            safe_kwargs,
            timeout=execution_timeout if execution_timeout else kwargs.get("timeout"),
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log=log,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        pool = kernels.pool()
        # papermill has already chdir-ed to the requested cwd: the kernel follows.
        kernel = pool.acquire(kernel_name, cwd=os.getcwd())
        healthy = False
        try:
            client = PapermillNotebookClient(nb_man, km=kernel.km, **final_kwargs)
            client.kc = kernel.kc  # reuse the started client: nbclient then neither starts
            # nor stops anything (it does not own the kernel manager)
            client.execute()
            healthy = not nb_man.nb.metadata.get("papermill", {}).get("exception")
        finally:
            pool.release(kernel, healthy=healthy)
        return nb_man.nb


def ensure_registered() -> None:
    """Register the engine with papermill if the entry point is not installed (dev trees)."""
    try:
        papermill_engines.get_engine(ENGINE_NAME)
    except PapermillException:
        papermill_engines.register(ENGINE_NAME, WarmEngine)
