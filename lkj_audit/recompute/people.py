"""Voter and staff figures recomputed once: each voter stage's total, each kind of staff.

A voter stage (DP4, DPS, DPT, DPB…; DOMAIN.md §3.3) is counted as LK + PR of its total
row, the printed JUMLAH only where a sex column cannot be read; staff (§3.4) as the people
listed in the PNS/PPPK/PPNPN tables, next to the count the text states. These are the
figures a comparison with another year reads (never re-adding rows itself).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from lkj_audit.load.rows import StaffRow, StatedCountRow, VoterRow
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

    @property
    def value(self) -> int | None:
        """The people listed; the stated count where no table lists them."""
        return self.listed if self.listed is not None else self.stated


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
    pegawai: Sequence[StaffRow], stated: Sequence[StatedCountRow]
) -> dict[str, StaffCount]:
    """Listed and stated staff per kind, for each kind the report mentions."""
    listed = Counter(r.jenis for r in pegawai)
    said: dict[str, Counter[int]] = {}
    for row in stated:
        said.setdefault(row.jenis, Counter())[row.count] += 1
    out: dict[str, StaffCount] = {}
    for jenis in ("PNS", "PPPK", "PPNPN"):
        if jenis in listed or jenis in said:
            common = said[jenis].most_common(1)[0][0] if jenis in said else None
            out[jenis] = StaffCount(jenis, listed.get(jenis), common)
    return out
