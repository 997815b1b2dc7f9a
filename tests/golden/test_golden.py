"""The bundled report's findings equal the reviewed golden file (regenerate: see update.py)."""

from __future__ import annotations

import json

from tests.golden.update import GOLDEN, current


def test_bundled_report_findings_equal_the_golden_file() -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    now = current()
    missing = [g for g in golden if g not in now]
    extra = [n for n in now if n not in golden]
    assert (missing, extra) == ([], []), (
        "findings of the bundled report changed; review, then `python -m tests.golden.update`"
    )
    assert now == golden  # same multiset and order (duplicates count)
    assert len(golden) == 88
