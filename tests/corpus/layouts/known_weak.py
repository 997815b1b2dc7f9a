"""Traits the current reader does not read correctly yet (measured, not guessed).

A render that uses any of these is an expected failure (strict): when the reader learns the
trait, the test passes unexpectedly and fails, and the entry must be removed here.
Refresh with ``python benchmarks/bench_reading.py``.
"""

from __future__ import annotations

KNOWN_WEAK_TRAITS: frozenset[str] = frozenset()
