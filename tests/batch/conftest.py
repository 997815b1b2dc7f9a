"""Fixtures for batch tests: synthetic reports, the CLI as a real subprocess, leak checks.

Every process a test starts carries a unique ``LKJ_TEST_TAG`` in its environment; kernels
and workers inherit it, so a test can prove that none of them outlived the batch.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest

from lkj_audit.batch import synth

TAG = "LKJ_TEST_TAG"


@dataclass
class Reports:
    """A folder of synthetic reports and its manifest."""

    root: Path
    manifest: Path
    rows: list[dict[str, str]]

    def subset(self, tmp: Path, n: int, extra: list[dict[str, str]] | None = None) -> Path:
        """A manifest with the first ``n`` reports (absolute paths) plus ``extra`` rows."""
        rows = [dict(r, source=str(self.root / r["source"])) for r in self.rows[:n]]
        name = f"manifest-{n}-{uuid.uuid4().hex[:6]}.csv"
        return write_manifest(tmp / name, rows + (extra or []))


def write_manifest(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["satker", "year", "source", "satker_name"])
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, "") for k in writer.fieldnames})
    return path


@pytest.fixture(scope="session")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Reports:
    """Six synthetic satker reports (seed 7), made once per test session."""
    root = tmp_path_factory.mktemp("synth")
    manifest = synth.generate(6, root, seed=7)
    with manifest.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return Reports(root, manifest, rows)


@pytest.fixture
def tag() -> str:
    return uuid.uuid4().hex


def cli_env(tag: str) -> dict[str, str]:
    env = dict(os.environ, **{TAG: tag})
    return env


def run_cli(args: list[str], tag: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """``lkj-audit ARGS`` as a real process (no progress bar: stderr is a pipe)."""
    return subprocess.run(
        [sys.executable, "-m", "lkj_audit.cli", *args],
        capture_output=True, text=True, env=cli_env(tag), timeout=timeout,
    )


def tagged(tag: str) -> list[psutil.Process]:
    """Live processes started (directly or not) by a test with this tag."""
    found = []
    for proc in psutil.process_iter(["pid"]):
        try:
            if proc.environ().get(TAG) == tag and proc.status() != psutil.STATUS_ZOMBIE:
                found.append(proc)
        except (psutil.Error, OSError):
            continue
    return found


def wait_gone(tag: str, timeout: float = 20.0) -> list[psutil.Process]:
    """Wait until no tagged process is left; return the survivors."""
    deadline = time.monotonic() + timeout
    left = tagged(tag)
    while left and time.monotonic() < deadline:
        time.sleep(0.25)
        left = tagged(tag)
    return left


@pytest.fixture
def no_leak(tag: str) -> Iterator[str]:
    """Yield the tag; after the test, every tagged process must be gone (kill stragglers)."""
    yield tag
    left = wait_gone(tag)
    names = []
    for proc in left:
        try:
            names.append(" ".join(proc.cmdline()[:4]))
            proc.kill()
        except psutil.Error:
            pass
    assert not left, f"processes outlived the test: {names}"
