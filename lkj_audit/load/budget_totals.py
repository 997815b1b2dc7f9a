"""Which rows each Jumlah/Total row of a budget table adds up (DOMAIN.md §2.2, R-V07).

One answer, computed once with the table: a subtotal ("Sub Jumlah", "Jumlah Program …")
closes the rows at the highest level since the previous total; a grand total closes the
subtotals above it when there are any, else the rows above it; a total printed at the top
of a table closes the rows below it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

_LEVELS = ("program", "kegiatan", "ro")


def _top_level(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    # A program or kegiatan header printed without amounts ("6871 | Pemutakhiran Data
    # Pemilih", its figures in the "Sub Jumlah" below): a label, nothing to add up.
    with_amounts = [r for r in rows if r["pagu"] is not None or r["realisasi"] is not None]
    rows = with_amounts or rows
    for level in _LEVELS:
        found = [r for r in rows if r["level"] == level]
        if found:
            return found
    return []


def _closes(table_rows: list[dict[str, Any]], pos: int) -> list[dict[str, Any]]:
    total = table_rows[pos]
    before: list[dict[str, Any]] = []
    subtotals: list[dict[str, Any]] = []
    for r in reversed(table_rows[:pos]):
        if r["level"] == "total" and not r["subtotal"]:
            break
        if r["level"] == "total":
            if total["subtotal"]:
                break
            subtotals.append(r)
            continue
        if not subtotals:
            before.append(r)
    if subtotals and not total["subtotal"]:
        return list(reversed(subtotals)) + _top_level(list(reversed(before)))
    if before:
        return _top_level(list(reversed(before)))
    after = []
    for r in table_rows[pos + 1 :]:
        if r["level"] == "total" and not r["subtotal"]:
            break
        if r["level"] != "total":
            after.append(r)
    return _top_level(after)


def link_totals(records: list[dict[str, Any]]) -> None:
    """Fill ``closes`` (comma-separated source lines) on every total row, in place."""
    by_table: dict[object, list[dict[str, Any]]] = {}
    for r in records:
        by_table.setdefault(r["table"], []).append(r)
    for rows in by_table.values():
        for pos, r in enumerate(rows):
            if r["level"] == "total":
                r["closes"] = ",".join(str(p["line"]) for p in _closes(rows, pos))
