"""Where tasks run: a local pool of worker processes, or an existing Dask cluster.

Both give the driver the same three calls: ``submit(fn, task)``, ``as_completed(futures)``
and ``close(cancel)``. The local pool uses ``spawn`` processes (no fork of a driver that
has threads), each with its own warm kernel. Dask is imported only here and only for a
``--scheduler`` address, so the base install does not need it (extra ``lkj-audit[dask]``).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import as_completed as _as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from lkj_audit.batch import worker
from lkj_audit.batch.tasks import RunOptions
from lkj_audit.errors import SchedulerError

__all__ = ["Scheduler", "SchedulerError"]
log = logging.getLogger(__name__)


class Scheduler(Protocol):
    """What the driver needs from a scheduler."""

    description: str

    def submit(self, fn: Callable[[Any], Any], task: Any, key: str) -> Any:
        """Start ``fn(task)``; return a future."""

    def as_completed(self, futures: Iterable[Any]) -> Iterator[Any]:
        """Futures in the order they finish."""

    def close(self, cancel: bool = False) -> None:
        """Release workers (cancel queued tasks when ``cancel``)."""

    def restart(self) -> bool:
        """Replace lost workers; ``False`` when the scheduler cannot (or need not)."""


def default_workers() -> int:
    """Number of cores available to this process."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


class LocalScheduler:
    """``workers`` spawned processes on this machine."""

    def __init__(self, workers: int, options: RunOptions, *, quiet: bool = True) -> None:
        self.description = f"local, {workers} worker{'s' if workers != 1 else ''}"
        self._args = (workers, options, quiet)
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        workers, options, quiet = self._args
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=worker.init_local_worker,
            initargs=(os.getpid(), options, quiet),
        )

    def submit(self, fn: Callable[[Any], Any], task: Any, key: str) -> Future[Any]:
        """Queue ``fn(task)`` on the pool (a new pool if a worker process has died)."""
        try:
            return self._pool.submit(fn, task)
        except BrokenProcessPool:
            self.restart()
            return self._pool.submit(fn, task)

    def restart(self) -> bool:
        """A fresh pool after a worker process died (the old pool is unusable)."""
        log.warning("a worker process died; starting new workers")
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._new_pool()
        return True

    def as_completed(self, futures: Iterable[Any]) -> Iterator[Any]:
        """Futures as they finish."""
        return _as_completed(list(futures))

    def close(self, cancel: bool = False) -> None:
        """Stop the worker processes (they shut their kernels down on exit)."""
        self._pool.shutdown(wait=True, cancel_futures=cancel)


class DaskScheduler:
    """One task per satker-year on an existing ``dask.distributed`` cluster."""

    def __init__(self, address: str, *, timeout: float = 10.0) -> None:
        try:
            import distributed
        except ImportError:
            raise SchedulerError(
                "--scheduler needs Dask; install it with: pip install 'lkj-audit[dask]'"
            ) from None
        self._distributed = distributed
        try:
            self._client = distributed.Client(  # type: ignore[no-untyped-call]
                address, timeout=timeout, set_as_default=False
            )
        except (OSError, TimeoutError) as exc:
            raise SchedulerError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        n = len(self._client.scheduler_info().get("workers", {}))
        if n == 0:
            self._client.close()  # type: ignore[no-untyped-call]
            raise SchedulerError(f"the Dask scheduler at {address} has no workers; start some with "
                                 f"'dask worker {address}'.")
        self.description = f"dask {address}, {n} worker{'s' if n != 1 else ''}"
        self._futures: list[Any] = []

    def submit(self, fn: Callable[[Any], Any], task: Any, key: str) -> Any:
        """Send ``fn(task)`` to the cluster (``pure=False``: always run, never cached)."""
        future = self._client.submit(fn, task, key=key, pure=False, retries=0)
        self._futures.append(future)
        return future

    def as_completed(self, futures: Iterable[Any]) -> Iterator[Any]:
        """Futures as they finish."""
        done = self._distributed.as_completed(  # type: ignore[no-untyped-call]
            list(futures), loop=self._client.loop
        )
        return iter(done)

    def restart(self) -> bool:
        """Dask reschedules tasks of lost workers itself; nothing more to do."""
        return False

    def close(self, cancel: bool = False) -> None:
        """Disconnect (cancelling this batch's queued tasks when ``cancel``)."""
        try:
            if cancel and self._futures:
                self._client.cancel(self._futures, force=True)  # type: ignore[no-untyped-call]
        finally:
            self._client.close()  # type: ignore[no-untyped-call]


def make(
    address: str | None, workers: int, options: RunOptions, *, quiet: bool = True
) -> Scheduler:
    """A Dask scheduler for ``address``, else a local pool of ``workers`` processes."""
    if address:
        return DaskScheduler(address)
    return LocalScheduler(max(1, workers), options, quiet=quiet)
