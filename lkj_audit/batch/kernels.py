"""Warm Jupyter kernels: started once, libraries pre-imported, reset between notebooks.

A kernel costs seconds to start (interpreter, ipykernel, pandas, pandera, seaborn); an audit
costs well under one. So each worker keeps a started kernel per kernel name and reuses it:

- the kernel imports the heavy libraries while it starts (``IPKernelApp.exec_lines``), so
  the start overlaps with the worker's own imports and costs nothing per notebook;
- before each notebook, :func:`lkj_audit.batch.kernel_side.reset` empties the user namespace,
  restarts the execution counter, closes figures and restores settings (silently: the
  notebook's counters and outputs look exactly like a fresh kernel's);
- a kernel is recycled (killed, replaced) after ``recycle_after`` notebooks, after any cell
  error, timeout or failed reset; the replacement starts once the old one is shut down
  (so a worker never holds two warm kernels), booting while the worker exports the notebook;
- no kernel outlives its worker: :func:`shutdown_all` runs at exit, and ipykernel itself
  exits when its parent process disappears (``JPY_PARENT_PID``), even after SIGKILL.

The kernel runs the driver's own interpreter: jupyter_client replaces the ``python`` of the
kernel spec with ``sys.executable``, so a worker started from ``.venv`` gets a ``.venv`` kernel.
"""

from __future__ import annotations

import atexit
import itertools
import logging
import os
import signal
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync

from lkj_audit.batch import kernel_side

log = logging.getLogger(__name__)

DEFAULT_RECYCLE_AFTER = 50
_HIST = "--HistoryManager.hist_file=:memory:"  # as nbclient does: no shared sqlite history
_SERIAL = itertools.count(1)


class KernelProblem(RuntimeError):
    """A warm kernel did not start, did not reset, or died; the kernel is replaced."""


@dataclass(eq=False)
class WarmKernel:
    """One started kernel with its client, and how many notebooks it has run."""

    kernel_name: str
    modules: tuple[str, ...]
    km: Any = None
    kc: Any = None
    uses: int = 0
    ready: bool = False
    started: float = field(default_factory=time.monotonic)
    owner: int = field(default_factory=threading.get_ident)  # the thread whose loop owns kc
    log_path: Path | None = None

    def start(self, cwd: str | None = None, log_dir: str | None = None) -> WarmKernel:
        """Launch the kernel process (returns at once; the kernel warms up on its own).

        The kernel's own output goes to ``log_dir/kernel-…log`` (deleted again when the
        kernel ends normally, kept when it misbehaved), or nowhere without ``log_dir``.
        """
        warm_line = (
            "import lkj_audit.batch.kernel_side as _lkj_ks; "
            f"_lkj_ks.warm({list(self.modules)!r}); del _lkj_ks"
        ) if self.modules else None
        # IPC sockets with a unique path per kernel: nothing listens on the network, and no
        # two kernels can ever share an address. (With TCP, or with jupyter_client's default
        # IPC name "kernel-ipc" in the cwd, kernels started at the same moment by different
        # workers can pick the same port/path: a client then talks to the wrong kernel —
        # "Invalid Signature", or a start-up that never answers.)
        self.km = AsyncKernelManager(kernel_name=self.kernel_name, transport="ipc")
        self.km.ip = _ipc_prefix()
        sink: Any = subprocess.DEVNULL
        if log_dir:
            Path(log_dir).mkdir(parents=True, exist_ok=True)
            name = f"kernel-{socket.gethostname()}-{os.getpid()}-{next(_SERIAL)}.log"
            self.log_path = Path(log_dir) / name
            sink = self.log_path.open("wb")
        try:
            run_sync(self._launch)(cwd or os.getcwd(), sink, warm_line)
        finally:
            if sink is not subprocess.DEVNULL:
                sink.close()  # the kernel has its own copy of the descriptor
        _LIVE.add(self)
        return self

    async def _launch(self, cwd: str, sink: Any, warm_line: str | None) -> None:
        # As nbclient does it: start the kernel and its client inside the thread's loop.
        args = [_HIST] + ([f"--IPKernelApp.exec_lines={warm_line}"] if warm_line else [])
        await self.km.start_kernel(extra_arguments=args, cwd=cwd, stdout=sink, stderr=sink)
        self.kc = self.km.client()
        self.kc.allow_stdin = False
        # No heartbeat thread: liveness comes from the kernel manager (the process itself).
        self.kc.start_channels(hb=False)

    @property
    def pid(self) -> int | None:
        """Process id of the kernel (``None`` once shut down)."""
        prov = getattr(self.km, "provisioner", None) if self.km else None
        return getattr(prov, "pid", None)

    def wait_ready(self, timeout: float) -> None:
        """Block until the kernel has finished warming up and answers requests."""
        if self.ready:
            return
        try:
            run_sync(self.kc.wait_for_ready)(timeout=timeout)
        except RuntimeError as exc:
            raise KernelProblem(f"kernel did not start: {exc}{self._log_hint()}") from None
        self.ready = True
        log.debug("kernel %s ready in %.1f s", self.pid, time.monotonic() - self.started)

    def reset(self, cwd: str | None, timeout: float = 60.0) -> None:
        """Forget the previous notebook (see :func:`kernel_side.reset`)."""
        code = (
            "import lkj_audit.batch.kernel_side as _lkj_ks; "
            f"_lkj_ks.reset({cwd!r})"
        )
        run_sync(self._silent)(code, timeout)

    async def _silent(self, code: str, timeout: float) -> None:
        """Run ``code`` without output or history; wait for its reply and its idle status."""
        msg_id = self.kc.execute(code, silent=True, store_history=False, allow_stdin=False)
        deadline = time.monotonic() + timeout
        reply = None
        try:
            while reply is None:
                msg = await self.kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
                if msg["parent_header"].get("msg_id") == msg_id:
                    reply = msg
            while True:  # drain this request's iopub messages so nbclient starts clean
                msg = await self.kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
                if (
                    msg["parent_header"].get("msg_id") == msg_id
                    and msg["msg_type"] == "status"
                    and msg["content"].get("execution_state") == "idle"
                ):
                    break
        except Empty:
            raise KernelProblem(
                f"kernel did not answer within {timeout:.0f} s{self._log_hint()}") from None
        content = reply["content"]
        if content.get("status") != "ok":
            raise KernelProblem(f"kernel reset failed: {content.get('ename')}: "
                                f"{content.get('evalue')}{self._log_hint()}")

    def _log_hint(self) -> str:
        return f" (kernel log: {self.log_path})" if self.log_path else ""

    def shutdown(self, keep_log: bool = False) -> None:
        """Stop the kernel now; remove its connection file and, unless kept, its log."""
        _LIVE.discard(self)
        if self.log_path and not keep_log:
            self.log_path.unlink(missing_ok=True)
        if self.km is None:
            return
        try:
            self.kc.stop_channels()
            run_sync(self.km.shutdown_kernel)(now=True)
        except Exception:  # noqa: BLE001 - fall back to killing the process ourselves
            self._kill()
        self.km = self.kc = None
        self.ready = False

    def _kill(self) -> None:
        pid = self.pid
        if pid:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        try:
            self.km.cleanup_connection_file()
        except Exception:  # noqa: BLE001
            pass


_LIVE: set[WarmKernel] = set()


def _ipc_prefix() -> str:
    """A fresh, short socket path prefix in a private folder (AF_UNIX paths are short)."""
    folder = Path(tempfile.gettempdir()) / f"lkj-ipc-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return str(folder / f"{os.getpid()}-{uuid.uuid4().hex[:10]}")


@dataclass(frozen=True, slots=True)
class PoolOptions:
    """How warm kernels are used: recycling, timeouts, what to pre-import.

    ``recycle_after=1, modules=()`` is the strict mode (``--fresh-kernels``): a new kernel
    process for every notebook, nothing pre-imported; a spare still boots ahead of time.
    """

    recycle_after: int = DEFAULT_RECYCLE_AFTER
    startup_timeout: float = 60.0
    modules: tuple[str, ...] = kernel_side.DEFAULT_MODULES
    log_dir: str | None = None  # kernel output, kept only for kernels that misbehaved


class KernelPool:
    """The kernels of one thread, by kernel name: the one in use and, at times, a spare.

    A spare boots ahead only when every notebook gets a new kernel (small, nothing
    pre-imported); a warm kernel is replaced after it is shut down (memory: one per thread).
    """

    def __init__(self, options: PoolOptions | None = None) -> None:
        self._options = options or PoolOptions()
        self._kernels: dict[str, WarmKernel] = {}
        self._spares: dict[str, WarmKernel] = {}

    @property
    def options(self) -> PoolOptions:
        """How kernels are started and recycled."""
        return self._options

    @options.setter
    def options(self, value: PoolOptions) -> None:
        if value.modules != self._options.modules:
            self.shutdown()  # e.g. a --fresh-kernels batch after a warm one on a Dask worker
        self._options = value

    def _new(self, kernel_name: str, cwd: str | None) -> WarmKernel:
        return WarmKernel(kernel_name, self.options.modules).start(cwd, self.options.log_dir)

    def _current(self, kernel_name: str, cwd: str | None) -> WarmKernel:
        kernel = self._kernels.get(kernel_name)
        if kernel is None:
            kernel = self._spares.pop(kernel_name, None) or self._new(kernel_name, cwd)
            self._kernels[kernel_name] = kernel
        return kernel

    def acquire(self, kernel_name: str, cwd: str | None = None) -> WarmKernel:
        """A ready, freshly reset kernel (one retry with a new kernel if the reset fails)."""
        for attempt in (1, 2):
            kernel = self._current(kernel_name, cwd)
            try:
                kernel.wait_ready(self.options.startup_timeout)
                kernel.reset(cwd)
                return kernel
            except KernelProblem as exc:
                log.warning("%s; starting another kernel", exc)
                self.discard(kernel, keep_log=True)
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def release(self, kernel: WarmKernel, *, healthy: bool) -> None:
        """Count a finished notebook; recycle after an error or ``recycle_after`` notebooks.

        A warm kernel's replacement boots only once the old kernel is gone: a warm kernel
        holds ~235 MiB, and one booting beside it (even for one notebook) made the peak of a
        batch one extra kernel per worker. On a busy machine the boot costs no throughput:
        the other workers use the cores meanwhile. Only small fresh kernels
        (``recycle_after=1``, nothing pre-imported) boot one notebook ahead.
        """
        kernel.uses += 1
        name, cwd = kernel.kernel_name, os.getcwd()
        if healthy and kernel.uses < self.options.recycle_after:
            return
        log.debug("recycling kernel %s (%s)", kernel.pid,
                  "error" if not healthy else f"{kernel.uses} notebooks")
        self.discard(kernel)
        self._current(name, cwd)  # the spare if there is one, else a new kernel (booting)
        if self.options.recycle_after <= 1 and name not in self._spares:
            self._spares[name] = self._new(name, cwd)  # a new kernel per notebook: boot ahead

    def discard(self, kernel: WarmKernel, keep_log: bool = False) -> None:
        """Shut ``kernel`` down and forget it."""
        for table in (self._kernels, self._spares):
            if table.get(kernel.kernel_name) is kernel:
                del table[kernel.kernel_name]
        kernel.shutdown(keep_log=keep_log)

    def prestart(self, kernel_name: str = "python3", cwd: str | None = None) -> None:
        """Start the kernel now (and a spare when each notebook needs a new kernel)."""
        self._current(kernel_name, cwd)
        if self.options.recycle_after <= 1 and kernel_name not in self._spares:
            self._spares[kernel_name] = self._new(kernel_name, cwd)

    def shutdown(self) -> None:
        """Stop every kernel of this pool."""
        for kernel in [*self._kernels.values(), *self._spares.values()]:
            self.discard(kernel)


_local = threading.local()
_options = PoolOptions()


def configure(options: PoolOptions) -> None:
    """Set the options of pools created from now on in this process."""
    global _options
    _options = options


def pool() -> KernelPool:
    """The pool of the calling thread (threads of a Dask worker each get their own kernels)."""
    found: KernelPool | None = getattr(_local, "pool", None)
    if found is None:
        found = _local.pool = KernelPool(_options)
    return found


def live_kernels() -> list[WarmKernel]:
    """Every kernel started by this process and not yet shut down."""
    return list(_LIVE)


@atexit.register
def shutdown_all() -> None:
    """Stop every warm kernel of this process (at exit, and on a worker's orphan watchdog)."""
    for kernel in list(_LIVE):
        if kernel.owner == threading.get_ident():
            kernel.shutdown()
        else:  # another thread's event loop owns the sockets: just kill the process
            _LIVE.discard(kernel)
            kernel._kill()
