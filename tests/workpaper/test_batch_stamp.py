"""A batch reruns a satker-year when the reviewer's files beside its report change."""

from __future__ import annotations

import shutil
from pathlib import Path

from lkj_audit.batch import driver, state
from lkj_audit.batch.manifest import BatchItem
from tests.conftest import SEED


def test_stamp_key_follows_corrections_and_review(tmp_path: Path) -> None:
    report = tmp_path / "2024" / "656532" / SEED.name
    report.parent.mkdir(parents=True)
    shutil.copy(SEED, report)
    item = BatchItem(satker="656532", year=2024, source=report)
    sweep = driver._Sweep(
        [item], driver.BatchOptions(out_root=tmp_path / "out", workers=1), tmp_path / "out"
    )
    plain = sweep._plan(item).key
    assert "workpaper" not in plain  # stamps of runs without the files stay valid
    (report.parent / "corrections.yaml").write_text("corrections: []\n", encoding="utf-8")
    with_fix = sweep._plan(item).key
    assert set(with_fix["workpaper"]) == {"corrections.yaml"}
    (report.parent / "review.yaml").write_text("findings: {}\n", encoding="utf-8")
    decided = sweep._plan(item).key
    assert set(decided["workpaper"]) == {"corrections.yaml", "review.yaml"}
    (report.parent / "review.yaml").write_text(
        "findings: {0123456789abcdef: selesai}\n", encoding="utf-8"
    )
    assert sweep._plan(item).key != decided
    assert state.item_key("a", {}, "b") == state.item_key("a", {}, "b", {})
