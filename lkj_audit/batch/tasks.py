"""The messages between the batch driver and its workers (small, picklable, no behaviour).

One :class:`ItemTask` per satker-year and one :class:`IndexTask` per year go out; an
:class:`ItemResult` / :class:`IndexResult` comes back. Paths are absolute strings: on a Dask
cluster they must name the same files on every worker (a shared or network file system).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How workers execute notebooks (the same for every task of one batch)."""

    out_root: str
    notebook: str | None = None  # the audit notebook (default: notebooks/audit_lkj.ipynb)
    index_notebook: str | None = None  # default: notebooks/batch_index.ipynb
    fresh_kernels: bool = False  # a new kernel process per notebook, nothing pre-imported
    recycle_after: int = 50  # warm kernel replaced after this many notebooks
    cell_timeout: int | None = 600  # seconds per cell; None = no limit
    kernel_name: str = "python3"


@dataclass(frozen=True, slots=True)
class ItemTask:
    """Audit one satker-year."""

    satker: str
    year: int
    source: str
    key: dict[str, Any]  # what the stamp must record (see state.item_key)
    options: RunOptions
    previous: str | None = None  # last year's run folder of the same satker (R-A2), if any


@dataclass(slots=True)
class ItemResult:
    """What happened to one satker-year."""

    satker: str
    year: int
    status: str  # done / failed
    seconds: float
    sha256: str | None = None
    error: str | None = None  # English technical detail (batch.json)
    error_type: str | None = None  # error class: its Bahasa explanation in lkj_audit.messages
    failed_notebook: str | None = None
    worker: str = ""


@dataclass(frozen=True, slots=True)
class IndexTask:
    """Build ``<out>/<year>/index.html`` and ``findings.parquet`` from a year's batch.json."""

    year: int
    options: RunOptions


@dataclass(slots=True)
class IndexResult:
    """Outcome of the index notebook."""

    year: int
    status: str  # done / failed
    seconds: float
    error: str | None = None
    worker: str = ""
