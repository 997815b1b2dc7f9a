"""Voter and staff figures recomputed once: each voter stage's total, each kind of staff.

A voter stage (DP4, DPS, DPT, DPB…; DOMAIN.md §3.3) is counted as LK + PR of its total
row, the printed JUMLAH only where a sex column cannot be read; staff (§3.4) as the people
listed in the PNS/PPPK/PPNPN tables (else the Jumlah of a staff count table), next to the
count the text states. These are the
figures a comparison with another year reads (never re-adding rows itself).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from lkj_audit.load.rows import StaffCountRow, StaffRow, StatedCountRow, VoterRow
from lkj_audit.recompute.arith import exact


@dataclass(frozen=True, slots=True)
class VoterTotal:
    """The total of one voter stage as recomputed (LK + PR) and as printed."""

    stage: str
    table: str
    line: int
    lk: Fraction | None
    pr: Fraction | None
    printed: Fraction | None  # the JUMLAH cell
    computed: Fraction | None  # LK + PR
    trusted: bool  # the table was read with confidence

    @property
    def value(self) -> Fraction | None:
        """LK + PR; the printed JUMLAH where a sex column is unreadable."""
        return self.computed if self.computed is not None else self.printed

    @property
    def consistent(self) -> bool:
        """LK + PR equals the printed JUMLAH (or one of them cannot be read)."""
        return self.computed is None or self.printed is None or self.computed == self.printed

    @property
    def basis(self) -> str:
        """How :attr:`value` was obtained (shown to the auditor)."""
        return "LK + PR" if self.computed is not None else "jumlah tercetak"


@dataclass(frozen=True, slots=True)
class StaffCount:
    """How many staff of one kind the tables list and the text states."""

    jenis: str  # PNS / PPPK / PPNPN
    listed: int | None  # rows of its table; None when the report has no such table
    stated: int | None  # the count the text states most often; None when it states none
    counted: int | None = None  # the Jumlah of the first staff count table of this kind

    @property
    def value(self) -> int | None:
        """The people listed, else counted by a count table, else the stated count."""
        for n in (self.listed, self.counted, self.stated):
            if n is not None:
                return n
        return None


def voter_totals(pemilih: Sequence[VoterRow], low: set[str]) -> dict[str, VoterTotal]:
    """The first total row of each named stage (reading order); ``low``: doubtful tables."""
    out: dict[str, VoterTotal] = {}
    for row in pemilih:
        stage = row.tahap
        if not stage or not row.is_total or stage in out:
            continue
        lk, pr = exact(row.lk), exact(row.pr)
        out[stage] = VoterTotal(
            stage=stage,
            table=row.table,
            line=row.line,
            lk=lk,
            pr=pr,
            printed=exact(row.jumlah),
            computed=lk + pr if lk is not None and pr is not None else None,
            trusted=row.table not in low and not row.doubt,
        )
    return out


def staff_counts(
    pegawai: Sequence[StaffRow],
    stated: Sequence[StatedCountRow],
    counts: Sequence[StaffCountRow] = (),
) -> dict[str, StaffCount]:
    """Listed, counted and stated staff per kind, for each kind the report mentions."""
    listed = Counter(r.jenis for r in pegawai)
    counted = {jenis: cells[0].count for jenis, cells in kind_totals(counts).items()}
    said: dict[str, Counter[int]] = {}
    for row in stated:
        said.setdefault(row.jenis, Counter())[row.count] += 1
    out: dict[str, StaffCount] = {}
    for jenis in ("PNS", "PPPK", "PPNPN"):
        if jenis in listed or jenis in said or jenis in counted:
            common = said[jenis].most_common(1)[0][0] if jenis in said else None
            out[jenis] = StaffCount(jenis, listed.get(jenis), common, counted.get(jenis))
    return out


def kind_totals(rows: Sequence[StaffCountRow]) -> dict[str, list[StaffCountRow]]:
    """Per kind of staff, the cells of the count tables that count all staff of that kind."""
    by_table: dict[str, list[StaffCountRow]] = defaultdict(list)
    for r in rows:
        by_table[r.table].append(r)
    out: dict[str, list[StaffCountRow]] = defaultdict(list)
    for cells in by_table.values():
        for total in _kind_totals(cells):
            out[total.jenis or ""].append(total)
    return out


def _distinct_kinds(cells: list[StaffCountRow]) -> bool:
    kinds = [c.jenis for c in cells]
    return len(kinds) > 1 and None not in kinds and len(set(kinds)) == len(kinds)


def _kind_totals(cells: list[StaffCountRow]) -> list[StaffCountRow]:
    """The cells of one table that each count every staff member of one kind.

    A row per kind (PNS | PPPK | PPNPN down the side): each row's whole count; a column per
    kind: its Jumlah row; a table about one kind (its caption names PNS): its grand total.
    """
    count_cols = list(dict.fromkeys(c.column for c in cells if not c.total_column))
    total_col = next((c.column for c in cells if c.total_column), None)
    whole = total_col or (count_cols[0] if len(count_cols) == 1 else None)
    body = [c for c in cells if c.column == whole and not c.total_row]
    if _distinct_kinds(body):
        return body
    foot = [c for c in cells if c.total_row and not c.total_column]
    if _distinct_kinds(foot):
        return foot
    kinds = {c.jenis for c in cells}
    if len(kinds) == 1 and None not in kinds:
        return [c for c in cells if c.column == whole and c.total_row]
    return []
