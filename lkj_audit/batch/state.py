"""What a batch has done: per-item stamps (skip and resume) and ``<out>/<year>/batch.json``.

A satker-year is *current* when its stamp ``<out>/<year>/<satker>/.lkj-stamp.json`` records
the same source SHA-256, notebook parameters, audit-notebook SHA-256 and tool version as
the run about to happen, and every output it names exists. The stamp is written last,
atomically, after all outputs are in place, so a batch killed at any moment (SIGKILL
included) leaves either a complete, stamped item or an unstamped one that the next run
redoes. ``batch.json`` is rewritten atomically after every item, so it is always valid JSON.
"""

from __future__ import annotations

import fcntl
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lkj_audit import __version__, config
from lkj_audit.errors import BatchLocked
from lkj_audit.fsutil import atomic_write_text, sync_folder

STAMP_NAME = config.STAMP_NAME
RECORD_NAME = config.RECORD_NAME
LOCK_NAME = ".lkj-batch.lock"
OUTPUTS = (config.NOTEBOOK_NAME, config.HTML_NAME, config.FINDINGS_NAME)
FAILED_NOTEBOOK = f"{config.NOTEBOOK_NAME}.failed"


def now() -> str:
    """UTC timestamp, seconds precision."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def item_key(
    source_sha256: str,
    parameters: dict[str, Any],
    notebook_sha256: str,
    workpaper: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Everything that, when unchanged, makes re-running an item pointless.

    ``workpaper``: SHA-256 of the reviewer's files next to the report (corrections.yaml,
    review.yaml), so a new correction or decision reruns the item.
    """
    key = {
        "tool_version": __version__,
        "source_sha256": source_sha256,
        "parameters": parameters,
        "notebook_sha256": notebook_sha256,
    }
    if workpaper:  # absent when there are none: stamps of earlier runs stay valid
        key["workpaper"] = workpaper
    return key


def read_stamp(folder: Path) -> dict[str, Any] | None:
    """The item's stamp, or ``None`` when absent or unreadable."""
    try:
        data = json.loads((folder / STAMP_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def is_current(folder: Path, key: dict[str, Any]) -> bool:
    """Same inputs as last time, and every output of last time still there."""
    stamp = read_stamp(folder)
    if stamp is None or stamp.get("key") != key:
        return False
    return all((folder / name).is_file() for name in stamp.get("outputs", OUTPUTS))


def write_stamp(folder: Path, key: dict[str, Any], seconds: float) -> None:
    """Mark the item complete (call only after every output is in place).

    The outputs are flushed to disk first and the stamp itself too, so a stamp that survives
    a power cut vouches for outputs that survived it (see :mod:`lkj_audit.fsutil`).
    """
    stamp = {"key": key, "outputs": list(OUTPUTS), "finished": now(), "seconds": round(seconds, 3)}
    sync_folder(folder)
    text = json.dumps(stamp, ensure_ascii=False, indent=2) + "\n"
    atomic_write_text(folder / STAMP_NAME, text, sync=True)


def forget(folder: Path) -> None:
    """Before re-running an item: drop its stamp and temporary files left by a killed run."""
    (folder / STAMP_NAME).unlink(missing_ok=True)
    if folder.is_dir():
        tables = folder / config.TABLES_DIR
        for leftover in list(folder.glob(".*.part*")) + list(tables.glob(".*.part*")):
            leftover.unlink(missing_ok=True)


def forget_year(year_dir: Path) -> None:
    """Drop a killed batch's temporary files of the year itself (batch.json, index notebook).

    Called under the :class:`OutputLock`, so no other batch can be writing them.
    """
    for leftover in year_dir.glob(".*.part*"):
        if leftover.is_file():
            leftover.unlink(missing_ok=True)


@dataclass
class BatchRecord:
    """``<out>/<year>/batch.json``: tool, times, options, and one entry per satker."""

    path: Path
    year: int
    options: dict[str, Any]
    started: str = field(default_factory=now)
    ended: str | None = None
    status: str = "running"
    items: dict[str, dict[str, Any]] = field(default_factory=dict)
    index: dict[str, Any] = field(default_factory=lambda: {"status": "pending", "error": None})
    # What this batch did: items dispatched to workers, failures kept, index rebuilt or not.
    run: dict[str, Any] = field(default_factory=dict)

    def set_item(self, satker: str, **fields: Any) -> None:
        """Create or update the entry of ``satker``."""
        self.items.setdefault(satker, {"satker": satker, "year": self.year}).update(fields)

    def counts(self) -> dict[str, int]:
        """Items by status (``done``, ``skipped``, ``failed``, ``pending``)."""
        out = {"done": 0, "skipped": 0, "failed": 0, "pending": 0}
        for item in self.items.values():
            out[item.get("status", "pending")] = out.get(item.get("status", "pending"), 0) + 1
        return out

    def as_dict(self) -> dict[str, Any]:
        """The JSON document."""
        return {
            "tool": {"name": "lkj-audit", "version": __version__},
            "year": self.year,
            "status": self.status,
            "started": self.started,
            "ended": self.ended,
            "options": self.options,
            "summary": {"total": len(self.items), **self.counts()},
            "index": self.index,
            "run": self.run,
            "items": list(self.items.values()),
        }

    def write(self) -> None:
        """Rewrite ``batch.json`` atomically."""
        text = json.dumps(self.as_dict(), ensure_ascii=False, indent=2)
        atomic_write_text(self.path, text + "\n")


class OutputLock:
    """An exclusive ``flock`` on ``<out>/.lkj-batch.lock``; released even on SIGKILL."""

    def __init__(self, out_root: Path) -> None:
        self.path = out_root / LOCK_NAME
        self._fd: int | None = None

    def __enter__(self) -> OutputLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise BatchLocked(
                f"{self.path.parent}: another lkj-audit batch is writing here; wait for it "
                "or use another --out."
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the lock
            self._fd = None
