"""The reading record: how each typed table was read, and whether the reading can be trusted.

Precision first: a recomputation that only a misreading explains (a serapan of thousands of
percent that no single slip accounts for, a figure that could not be read with certainty, a
column whose values do not fit its role) makes the table ``low`` confidence. A low table
yields no error or warning from the arithmetic rules, only one info finding (RDG001) that
tells the reviewer what looked wrong and what to check in the source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from lkj_audit import recompute
from lkj_audit.load.document import Document, RawTable
from lkj_audit.load.rows import BudgetRow, IndicatorRow, ParticipationRow, VoterRow
from lkj_audit.load.tables import ReportTables

# Serapan or capaian above this (in percent) is no longer a slip a reader would make
# unnoticed; unless a single ×10^k slip explains it, the reading is in question.
_IMPLAUSIBLE_PCT = 1000
_TYPED = ("anggaran", "capaian", "pemilih", "pegawai", "pegawai_jumlah", "partisipasi")
TypedRow = BudgetRow | IndicatorRow | VoterRow | ParticipationRow
_GUESSED_BOUNDS_NOTE = (
    "nama baris tercetak terbungkus di atas dan di bawah angkanya (tanpa kolom No), sehingga "
    "batas antarbaris ditebak: angka tiap baris pasti, tetapi nama dan kode yang menjadi "
    "milik baris mana tidak; perbandingan nama dan kode dengan tabel lain tidak dilaporkan"
)


@dataclass(slots=True)
class TableReading:
    """One typed table as read: where, which columns for which role, what was left out."""

    id: str
    name: str
    first_line: int
    last_line: int
    rows: int
    columns: dict[str, str]
    dropped_lines: list[tuple[int, str]]
    confidence: str = "high"
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # which row a name or code belongs to is a guess (figures are certain): comparisons of
    # names and codes with other tables are withheld
    row_bounds_guessed: bool = False
    # its next page is seen but unread: its sums of rows, and comparisons of the whole table
    # with other tables or the text, are withheld (each row read stands)
    incomplete: bool = False

    def as_dict(self) -> dict[str, Any]:
        """JSON form (``findings.json`` → ``tables``)."""
        return {
            "id": self.id,
            "name": self.name,
            "lines": [self.first_line, self.last_line],
            "rows": self.rows,
            "columns": dict(self.columns),
            "dropped_lines": [{"line": ln, "why": why} for ln, why in self.dropped_lines],
            "confidence": self.confidence,
            "reasons": list(self.reasons),
            "notes": list(self.notes),
        }


def assess(tables: ReportTables, doc: Document | None = None) -> list[TableReading]:
    """A reading record for every typed table, with its confidence.

    With the document, a table whose next page is visible but unread is marked incomplete.
    """
    out = []
    every = tables.rows()
    for raw in tables.raw:
        if raw.kind not in _TYPED:
            continue
        of_kind: tuple[TypedRow, ...] = getattr(every, raw.kind)
        rows = [r for r in of_kind if r.table == raw.id]
        reading = TableReading(
            id=raw.id,
            name=raw.kind,
            first_line=raw.line,
            last_line=raw.end_line,
            # a staff count table has one record per count, not per row
            rows=len({r.line for r in rows}) if raw.kind == "pegawai_jumlah" else len(rows),
            columns=dict(raw.roles),
            dropped_lines=list(raw.dropped),
            notes=list(raw.doubts),
            row_bounds_guessed=raw.row_bounds_guessed,
        )
        if raw.row_bounds_guessed:
            reading.notes.append(_GUESSED_BOUNDS_NOTE)
        reading.reasons += raw.uncertain
        reading.reasons += _doubted_cells(rows)
        reading.reasons += _missing_roles(raw)
        reading.reasons += _implausible(rows)
        cut = _unread_next_page(raw, doc) if doc is not None else []
        if cut:  # the rows read stand; what adds them up or lists them all does not
            reading.notes += cut
            reading.incomplete = True
        if reading.reasons:
            reading.confidence = "low"
        out.append(reading)
    return out


# A page break between a table and what follows it: a few lines of page furniture at most.
_PAGE_BREAK_LINES = 12


def _unread_next_page(raw: RawTable, doc: Document) -> list[str]:
    """The table's next page seen but unread (RDG002): its sums, averages and lists may be short."""
    for first, last, _why in doc.unread_tables:
        if not raw.end_line < first <= raw.end_line + _PAGE_BREAK_LINES:
            continue
        between = [b for b in doc.blocks if raw.end_line < b.line < first]
        if all(b.kind == "furniture" for b in between):
            return [
                f"baris {first}–{last}, sesudah pindah halaman, tampak sebagai lanjutan tabel ini "
                "tetapi tidak terbaca: jumlah, rata-rata dan daftar barisnya mungkin tidak "
                "lengkap; periksa halaman itu di sumber"
            ]
    return []


def low_tables(readings: list[TableReading]) -> set[str]:
    """Ids of the tables whose reading cannot be trusted."""
    return {r.id for r in readings if r.confidence == "low"}


def _doubted_cells(rows: Sequence[TypedRow]) -> list[str]:
    doubted = [
        (str(r.line), r.doubt)
        for r in rows
        if isinstance(r, BudgetRow | VoterRow | ParticipationRow) and r.doubt
    ]
    shown = "; ".join(f"baris {ln}: {d}" for ln, d in doubted[:3])
    more = f" (dan {len(doubted) - 3} lainnya)" if len(doubted) > 3 else ""
    return [f"angka yang tidak terbaca dengan pasti — {shown}{more}"] if doubted else []


_REQUIRED = {
    "anggaran": ("pagu", "realisasi"),
    "capaian": ("target", "realisasi"),
    "pemilih": ("lk", "pr"),
    "partisipasi": ("pengguna",),
}


def _missing_roles(raw: RawTable) -> list[str]:
    missing = [r for r in _REQUIRED.get(raw.kind or "", ()) if r not in raw.roles]
    if _is_trend(raw):
        missing.remove("target")
    return [f"kolom {', '.join(missing)} tidak dikenali dari judul kolom"] if missing else []


def _is_trend(raw: RawTable) -> bool:
    """A comparison of the realisasi with earlier years and the Renstra target (R-A2, R-A3).

    "Realisasi 2021 | 2022 | 2023 | Target Renstra 2024", no target of the year and no
    capaian of the year: no capaian table missing its target, a table of another kind.
    """
    roles = raw.roles
    return (
        raw.kind == "capaian"
        and "target" not in roles
        and "capaian" not in roles
        and {"realisasi", "realisasi_prev", "target_renstra"} <= set(roles)
    )


def _exact(value: Any, decimals: Any) -> Fraction | None:
    return recompute.exact(value, int(decimals) if decimals == decimals else 0)


def _explained_by_scale_slip(value: int, accept: Any) -> bool:
    return any(s.kind == "scale" for s in recompute.slips_matching(value, accept))


def _implausible(rows: Sequence[TypedRow]) -> list[str]:
    """Why the figures of one table can only be misread (its rows are all of one kind)."""
    budget = [r for r in rows if isinstance(r, BudgetRow)]
    indicators = [r for r in rows if isinstance(r, IndicatorRow)]
    voters = [r for r in rows if isinstance(r, VoterRow)]
    return (
        _implausible_serapan(budget)
        + _implausible_capaian(indicators)
        + (_implausible_voters(voters))
    )


def _implausible_serapan(rows: Sequence[BudgetRow]) -> list[str]:
    found = []
    for r in rows:
        pagu, real = _exact(r.pagu, r.pagu_dec), _exact(r.realisasi, r.realisasi_dec)
        if pagu is None or real is None or pagu <= 0:
            continue
        serapan = real * 100 / pagu
        if 0 <= serapan <= _IMPLAUSIBLE_PCT:
            continue
        printed = _exact(r.pct, r.pct_dec)
        if printed is not None and real.denominator == 1 and pagu.denominator == 1:
            # c × 100 / pagu agrees with the printed % exactly when c is in [lo, hi) (pagu > 0):
            # one division, not one per candidate of the slip search
            lo, hi = (bound * pagu / 100 for bound in recompute.agreeing(printed, int(r.pct_dec)))

            def fits(c: int, lo: Fraction = lo, hi: Fraction = hi) -> bool:
                return lo <= c < hi

            if _explained_by_scale_slip(int(real), fits):
                continue  # a ×1000 typing slip in the report, confirmed by its printed %
        found.append(
            f"baris {r.line}: serapan {float(serapan):,.0f}% (realisasi {r.realisasi_raw} / pagu "
            f"{r.pagu_raw}) hanya masuk akal bila angkanya salah terbaca"
        )
    return found[:3]


def _implausible_capaian(rows: Sequence[IndicatorRow]) -> list[str]:
    found = []
    for r in rows:
        printed = _exact(r.capaian, r.capaian_dec)
        if printed is not None and abs(printed) > _IMPLAUSIBLE_PCT:
            found.append(f"baris {r.line}: capaian tertulis {r.capaian_raw} tidak wajar")
    return found[:3]


def _implausible_voters(rows: Sequence[VoterRow]) -> list[str]:
    found = []
    for r in rows:
        lk, pr, jml = _exact(r.lk, 0), _exact(r.pr, 0), _exact(r.jumlah, 0)
        if lk is None or pr is None or jml is None or jml == 0:
            continue
        ratio = (lk + pr) / jml
        slip = recompute.slip_to(int(jml), int(lk + pr)) if jml.denominator == 1 else None
        if not Fraction(1, 2) <= ratio <= 2 and slip is None:
            found.append(
                f"baris {r.line}: LK + PR = {int(lk + pr):,} jauh dari JUMLAH {r.jumlah_raw}; "
                "kolom atau angka kemungkinan salah terbaca"
            )
    return found[:3]
