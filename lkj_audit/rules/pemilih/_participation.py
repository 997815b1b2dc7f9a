"""Helpers of the participation rules (PML003, PML004); registers no rules."""

from __future__ import annotations

from lkj_audit.load.rows import ParticipationRow


def where(row: ParticipationRow) -> str:
    """The row as a reviewer finds it: "partisipasi Kecamatan Tegal Barat" or "total"."""
    if row.is_total:
        return "baris jumlah partisipasi"
    return f"partisipasi {row.wilayah}" if row.wilayah else f"partisipasi baris {row.line}"


def by_table(rows: tuple[ParticipationRow, ...]) -> dict[str, list[ParticipationRow]]:
    """The rows of each participation table, in order."""
    out: dict[str, list[ParticipationRow]] = {}
    for r in rows:
        out.setdefault(r.table, []).append(r)
    return out
