"""Renders the current reader does not read correctly yet (measured, not guessed).

Each entry is a seed of the layout corpus with what goes wrong, as printed by
``python benchmarks/bench_reading.py --show SEED``. The test of such a seed is a strict
expected failure: when the reader learns the layout, the test passes unexpectedly and fails,
and the entry must be removed here. A change to the generator changes the renders, so the
list is refreshed with it (``python -m tests.corpus.layouts.refresh``).
"""

from __future__ import annotations

KNOWN_FAILING_SEEDS: dict[int, str] = {}
