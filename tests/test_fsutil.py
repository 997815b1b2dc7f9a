"""Crash-safe writes: a file is replaced whole; fsync per file, or one flush per batch item."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from lkj_audit import fsutil
from lkj_audit.batch import state


@pytest.fixture
def fsyncs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The real fsync, counted."""
    calls: list[int] = []
    real = os.fsync

    def counted(fd: int) -> None:
        calls.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", counted)
    yield calls
    fsutil.sync_each_file(True)


def test_each_file_is_synced_by_default(tmp_path: Path, fsyncs: list[int]) -> None:
    fsutil.atomic_write_text(tmp_path / "a.json", "{}\n")
    assert len(fsyncs) == 1 and (tmp_path / "a.json").read_text() == "{}\n"
    assert not list(tmp_path.glob(".*.part"))  # the temporary name is gone


def test_bulk_flushing_process_syncs_only_the_stamp(tmp_path: Path, fsyncs: list[int]) -> None:
    fsutil.sync_each_file(False)
    fsutil.atomic_write_text(tmp_path / "findings.json", "{}\n")
    fsutil.atomic_write_bytes(tmp_path / "lhr.docx", b"PK")
    assert fsyncs == []
    fsutil.atomic_write_text(tmp_path / "x.json", "1", sync=True)  # asked for: always
    assert len(fsyncs) == 1
    state.write_stamp(tmp_path, {"source_sha256": "0" * 64}, 1.0)
    assert len(fsyncs) == 2  # the stamp itself, after the whole file system was flushed
    assert state.read_stamp(tmp_path)["key"] == {"source_sha256": "0" * 64}


def test_sync_folder_flushes_without_error(tmp_path: Path) -> None:
    (tmp_path / "f").write_bytes(b"x" * 1000)
    fsutil.sync_folder(tmp_path)
    with pytest.raises(FileNotFoundError):
        fsutil.sync_folder(tmp_path / "missing")
