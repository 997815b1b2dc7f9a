"""Lint gates of STYLE.md §6/§8: ruff on package and tests, ``mypy --strict`` on the package.

Both run as subprocesses of this interpreter (``python -m ruff`` / ``python -m mypy``) from the
project root, so they use the configuration in pyproject.toml. Cold, mypy takes ~20 s.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers import PROJECT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", *args],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=600,
        check=False,
    )
    if proc.returncode != 0:  # shown in full under "Captured stdout call"
        print(f"$ {' '.join(args)}  (exit {proc.returncode})\n{proc.stdout}{proc.stderr}")
    return proc


def test_ruff_check_is_clean() -> None:
    proc = _run("ruff", "check", "lkj_audit", "tests")
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.process
def test_mypy_strict_is_clean() -> None:
    proc = _run("mypy", "lkj_audit")
    assert proc.returncode == 0, proc.stdout + proc.stderr
