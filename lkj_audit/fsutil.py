"""Crash-safe file writing: write to a temporary name in the same folder, then rename.

A reader (or a resumed batch) therefore sees either the old complete file or the new
complete file, never a half-written one, even if the process is killed (SIGKILL) midway.

Each file is also flushed to disk (fsync) before the rename, unless the process has said
it flushes in bulk (:func:`sync_each_file`): a batch writes ~14 files per report, and one
fsync costs ~2-10 ms of waiting on a busy disk, so its processes flush the whole file system
once per report (:func:`sync_folder`) before the report's completion stamp is written.
"""

from __future__ import annotations

import ctypes
import os
import sys
import tempfile
from pathlib import Path

_UMASK = os.umask(0)
os.umask(_UMASK)
_each_file = {"on": True}


def sync_each_file(on: bool) -> None:
    """Whether this process fsyncs every file it writes (default) or flushes in bulk."""
    _each_file["on"] = on


def sync_folder(path: str | Path) -> None:
    """Flush everything written so far on the file system of ``path`` to disk (one wait).

    Linux ``syncfs`` (only that file system); elsewhere ``sync`` (all of them).
    """
    fd = os.open(path, os.O_RDONLY)
    try:
        if sys.platform.startswith("linux") and ctypes.CDLL(None, use_errno=True).syncfs(fd) == 0:
            return
        os.sync()
    finally:
        os.close(fd)


def atomic_write_bytes(path: str | Path, data: bytes, *, sync: bool | None = None) -> Path:
    """Write ``data`` to ``path`` atomically (fsync, then rename over the target).

    ``sync``: fsync this file even if the process flushes in bulk (a completion stamp), or
    not; ``None`` follows :func:`sync_each_file`.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if _each_file["on"] if sync is None else sync:
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; give the usual permissions
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def atomic_write_text(path: str | Path, text: str, *, sync: bool | None = None) -> Path:
    """Write UTF-8 ``text`` to ``path`` atomically (``sync``: see :func:`atomic_write_bytes`)."""
    return atomic_write_bytes(path, text.encode("utf-8"), sync=sync)


def sha256_file(path: str | Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
