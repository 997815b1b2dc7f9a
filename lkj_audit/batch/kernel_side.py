"""Code that runs *inside* a warm kernel: pre-import once, reset state between notebooks.

:mod:`lkj_audit.batch.kernels` sends one-line calls into these functions (silently, without
touching the kernel's execution counter). Modules stay imported — that is the whole point —
but everything a notebook leaves behind in the user namespace, open figures, changed
matplotlib settings, warning filters and the working directory go back to the state right
after warm-up, so each notebook sees what a fresh kernel would show it.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
import warnings
from collections.abc import Callable
from typing import Any, cast

#: What the audit and index notebooks import; importing them once per kernel is the saving.
#: (Not pandera: the audit validates its tables without it and imports it only for a table
#: its own check cannot vouch for.)
DEFAULT_MODULES: tuple[str, ...] = (
    "numpy",
    "pandas",
    "matplotlib",
    "matplotlib.pyplot",
    "seaborn",
    "IPython.display",
    "lkj_audit.audit",
    "lkj_audit.show",
    "lkj_audit.render.charts",
    "lkj_audit.batch.index_view",
)

_snapshot: dict[str, Any] = {}


def warm(modules: tuple[str, ...] | list[str] = DEFAULT_MODULES) -> list[str]:
    """Import ``modules``, fill the caches every audit needs, and snapshot global settings.

    Returns the modules that could not be imported (an optional extra may be missing);
    the notebooks then import them themselves, exactly as in a fresh kernel.
    """
    missing = []
    gc.disable()  # no collections while importing: ~13 % of the warm-up
    try:
        for name in modules:
            try:
                importlib.import_module(name)
            except ImportError:
                missing.append(name)
        _fill_caches()
        _take_snapshot()
    finally:
        tune_gc()  # enables the collector again
    from lkj_audit import fsutil

    fsutil.sync_each_file(False)  # the worker flushes each report's outputs before its stamp
    return missing


def tune_gc() -> None:
    """Make the cyclic garbage collector cheap in a long-lived, pre-imported process.

    ``gc.freeze()`` moves everything imported so far out of the collector's sight, so the
    full collection IPython runs on every reset walks only what notebooks created (ms, not
    0.1 s). A larger first-generation threshold stops the audit's many short-lived pandas
    objects from triggering a collection every 700 allocations (about 15 % of its CPU time).
    Memory is unaffected in practice: reference counting frees almost everything at once.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)
    gc.enable()


def _fill_caches() -> None:
    """Load the satker list and compile the templates (per-process caches, not user state)."""
    try:
        from lkj_audit.load import satker
        from lkj_audit.render.env import environment

        satker.match(satker.all_satker()[0].nama)
        env = environment()
        for name in env.list_templates():
            env.get_template(name)
    except Exception:  # noqa: BLE001 - warming is an optimisation, never a failure
        pass


def _take_snapshot() -> None:
    _snapshot["warnings"] = list(warnings.filters)
    matplotlib = sys.modules.get("matplotlib")
    if matplotlib is not None:
        _snapshot["rc"] = dict(matplotlib.rcParams)


def reset(cwd: str | None = None) -> None:
    """Forget the previous notebook: namespace, history, counter, figures, settings, cwd."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        # new_session=True also restarts the execution counter at 1, as in a fresh kernel.
        _without_collect(lambda: shell.reset(new_session=True))
    _restore_globals()
    gc.collect()
    gc.freeze()  # what survived the reset is module-level (caches), not user state
    if cwd:
        os.chdir(cwd)


def _without_collect(call: Callable[[], object]) -> None:
    """Run ``call`` with ``gc.collect`` a no-op (used around IPython's reset).

    IPython's reset collects garbage *before* it clears the namespace: a full walk of
    everything the notebook still holds, which frees nothing (~15-20 ms per notebook). The
    collection in :func:`reset`, after the namespace is gone, is the one that frees cycles.
    """
    collect = gc.collect
    gc.collect = lambda generation=2: 0  # the kernel's own thread; nothing else collects
    try:
        call()
    finally:
        gc.collect = collect


def _restore_globals() -> None:
    if "warnings" in _snapshot:
        filters = cast(list[Any], warnings.filters)
        filters[:] = _snapshot["warnings"]  # in place: the C side keeps this very list
        getattr(warnings, "_filters_mutated", lambda: None)()  # drop cached decisions
    plt = sys.modules.get("matplotlib.pyplot")  # never import it here (fresh kernels)
    if plt is None:
        return
    plt.close("all")
    rc = _snapshot.get("rc")
    if rc is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            sys.modules["matplotlib"].rcParams.update(rc)
