"""One memo for the readers' pure cell tests and parsers (a cell's text in, an immutable out).

A reader asks the same question of the same cell several times (does this line start a row?
is it a total? which convention does the column use? which reading of the columns agrees
with the printed percentages?), and every question is a regex or a parse. Each function
decorated with :func:`cell_cache` answers each text once per process; :func:`clear` forgets
every answer (the benchmarks time a new report that way).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

SIZE = 8192  # texts per function: a large report has a few thousand distinct cells
_CACHED: list[Any] = []


def cell_cache(func: F) -> F:
    """``func`` memoised on its (hashable) arguments; its results must be immutable."""
    cached = lru_cache(maxsize=SIZE)(func)
    _CACHED.append(cached)
    return cached  # type: ignore[return-value]  # same signature, checked at the call sites


def clear() -> None:
    """Forget every memoised answer."""
    for cached in _CACHED:
        cached.cache_clear()
