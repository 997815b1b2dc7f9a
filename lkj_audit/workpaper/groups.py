"""Findings by root cause: one ``group`` per underlying problem, and ``related`` problems.

A reviewer answers problems, not rule hits. Findings are one group when

- they are on one printed row of a table and concern the same cell, or figures of that row
  (a ×1000 slip in realisasi makes both its percentage wrong and realisasi exceed pagu);
- one rule says the same thing several times in one sentence (same rule, line and column);
- the same omission repeats row after row in one table (same rule, table and column, nothing
  to recompute: no ``expected`` value).

``related`` links problems that one correction would also clear: a budget total that does not
add up and a finding on a row it adds up (the RO slip that explains a program total).
The group id is the fingerprint of its first finding (errors first, reading order), so it is
as stable as the fingerprints.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Hashable, Iterator, Sequence

from lkj_audit.load.rows import BudgetRow
from lkj_audit.model import AuditContext, Finding
from lkj_audit.recompute.budget import parts_of

# A printed figure: digits with separators, a percent sign, brackets, "Rp" (no words).
_FIGURE_RE = re.compile(r"[\s\d.,()%+\-−]*\d[\s\d.,()%+\-−]*(?:,-)?", re.I)
_FOOTED = ("pagu", "realisasi")  # the budget columns a total row adds up


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, items: list[int]) -> None:
        for other in items[1:]:
            a, b = self.find(items[0]), self.find(other)
            if a != b:
                self.parent[max(a, b)] = min(a, b)  # the earlier finding leads


def _is_figure(text: str | None) -> bool:
    return bool(text) and bool(_FIGURE_RE.fullmatch(re.sub(r"(?i)\brp\.?", "", text or "")))


def _keys(f: Finding) -> Iterator[Hashable]:
    """Keys shared by findings of one root cause (findings sharing any key are one group)."""
    loc = f.location
    if loc.table and loc.line:
        if loc.column:
            yield ("cell", loc.table, loc.line, loc.column)
        if _is_figure(f.stated):
            yield ("row-figures", loc.table, loc.line)
    if loc.line and loc.column:
        yield ("said-again", f.rule, loc.line, loc.column)
    if loc.table and f.expected is None:
        yield ("omission", f.rule, loc.table, loc.column)


def _descendants(budget: Sequence[BudgetRow], row: BudgetRow) -> list[BudgetRow]:
    """Every budget row a program, kegiatan or total row adds up, at any depth."""
    if row.level == "ro":
        return []
    parts = parts_of(budget, row)
    return parts + [d for p in parts if p.level != "ro" for d in _descendants(budget, p)]


def _related_pairs(ctx: AuditContext, findings: list[Finding]) -> Iterator[tuple[int, int]]:
    """(total finding, part finding) index pairs in the budget table."""
    budget = ctx.rows.anggaran
    if not budget:
        return
    at: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, f in enumerate(findings):
        if f.location.table and f.location.line:
            at[(f.location.table, f.location.line)].append(i)
    for row in (r for r in budget if r.level != "ro"):
        here = at.get((row.table, row.line), [])
        totals = [i for i in here if findings[i].location.column in _FOOTED]
        if not totals:
            continue
        for part in _descendants(budget, row):
            for j in at.get((part.table, part.line), []):
                for i in totals:  # a slip in the same column of a row the total adds up
                    if findings[j].location.column == findings[i].location.column:
                        yield i, j


def assign(ctx: AuditContext, findings: list[Finding]) -> list[Finding]:
    """Each finding with its ``group`` and ``related`` fingerprints (order unchanged)."""
    union = _Union(len(findings))
    by_key: dict[Hashable, list[int]] = defaultdict(list)
    for i, f in enumerate(findings):
        for key in _keys(f):
            by_key[key].append(i)
    for members in by_key.values():
        union.join(members)
    group_of = [findings[union.find(i)].fingerprint for i in range(len(findings))]
    linked: dict[str, set[str]] = defaultdict(set)
    for i, j in _related_pairs(ctx, findings):
        a, b = group_of[i], group_of[j]
        if a != b:
            linked[a].add(b)
            linked[b].add(a)
    members_of: dict[str, list[str]] = defaultdict(list)
    for f, g in zip(findings, group_of, strict=True):
        members_of[g].append(f.fingerprint)
    return [
        dataclasses.replace(
            f,
            group=g,
            related=tuple(fp for other in sorted(linked[g]) for fp in members_of[other]),
        )
        for f, g in zip(findings, group_of, strict=True)
    ]
