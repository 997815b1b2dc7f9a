"""Stamps (skip / resume), batch.json and the output lock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lkj_audit import __version__
from lkj_audit.batch import state


def complete_item(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in state.OUTPUTS:
        (folder / name).write_text("{}", encoding="utf-8")


def test_stamp_is_current_only_for_same_inputs_and_outputs(tmp_path: Path) -> None:
    key = state.item_key("abc", {"source": "/r.txt", "year": 2024}, "nb1")
    assert key["tool_version"] == __version__
    folder = tmp_path / "2024" / "656532"
    complete_item(folder)
    assert not state.is_current(folder, key)  # no stamp yet
    state.write_stamp(folder, key, 1.5)
    assert state.is_current(folder, key)
    assert not state.is_current(folder, {**key, "source_sha256": "changed"})
    assert not state.is_current(folder, {**key, "tool_version": "9.9"})
    assert not state.is_current(folder, {**key, "parameters": {"source": "/r.txt", "year": 2023}})
    assert not state.is_current(folder, {**key, "notebook_sha256": "nb2"})
    (folder / "audit.html").unlink()
    assert not state.is_current(folder, key)  # an output is gone


def test_unreadable_stamp_means_redo(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    complete_item(folder)
    (folder / state.STAMP_NAME).write_text('{"key": ', encoding="utf-8")
    assert state.read_stamp(folder) is None
    assert not state.is_current(folder, state.item_key("a", {}, "b"))


def test_forget_drops_stamp_and_temporary_files(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    complete_item(folder)
    state.write_stamp(folder, state.item_key("a", {}, "b"), 1)
    (folder / ".audit_lkj.0123.part.ipynb").write_text("half", encoding="utf-8")
    (folder / "tables").mkdir()
    (folder / "tables" / ".anggaran.csv.xyz.part").write_text("half", encoding="utf-8")
    state.forget(folder)
    assert not (folder / state.STAMP_NAME).exists()
    assert not list(folder.rglob(".*.part*"))
    assert (folder / "findings.json").exists()  # earlier outputs are kept


def test_forget_year_drops_a_killed_batchs_temporary_files_only(tmp_path: Path) -> None:
    # A SIGKILL while batch.json or the index notebook was being written leaves these behind.
    part = tmp_path / ".batch.json.6bq8v5wl.part"
    index_part = tmp_path / ".batch_index.0123456789ab.part.ipynb"
    keep = [tmp_path / "batch.json", tmp_path / "index.html", tmp_path / "656532" / ".x.part"]
    for path in [part, index_part, *keep]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    state.forget_year(tmp_path)
    assert not part.exists() and not index_part.exists()
    assert all(p.exists() for p in keep)  # item folders are forget()'s business, per item


def test_batch_record_is_valid_json_with_counts(tmp_path: Path) -> None:
    record = state.BatchRecord(tmp_path / "2024" / "batch.json", 2024, {"workers": 2})
    record.set_item("a", status="done", duration=1.0, sha256="s", error=None)
    record.set_item("b", status="failed", error="<b>bad</b>")
    record.set_item("c", status="pending")
    record.write()
    data = json.loads(record.path.read_text("utf-8"))
    assert data["tool"] == {"name": "lkj-audit", "version": __version__}
    assert data["summary"] == {"total": 3, "done": 1, "skipped": 0, "failed": 1, "pending": 1}
    assert data["started"] and data["ended"] is None and data["status"] == "running"
    assert [i["satker"] for i in data["items"]] == ["a", "b", "c"]
    assert not list(record.path.parent.glob(".*.part"))


def test_output_lock_is_exclusive(tmp_path: Path) -> None:
    with state.OutputLock(tmp_path):
        with pytest.raises(state.BatchLocked, match="another lkj-audit batch"):
            with state.OutputLock(tmp_path):
                pass
    with state.OutputLock(tmp_path):  # released again
        pass
