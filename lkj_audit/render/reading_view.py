"""The reading record as the HTML shows it ("Cara tabel dibaca"): one row per typed table."""

from __future__ import annotations

from typing import Any

from lkj_audit.model import AuditContext

TABLE_LABELS = {
    "anggaran": "Realisasi anggaran",
    "capaian": "Capaian kinerja",
    "pemilih": "Data pemilih",
    "pegawai": "Daftar pegawai",
    "pegawai_jumlah": "Jumlah pegawai",
    "partisipasi": "Partisipasi pemilih",
}
# Dropped lines are listed up to this many per table; the rest are counted.
_SHOWN_DROPPED = 6


def reading_rows(ctx: AuditContext) -> list[dict[str, Any]]:
    """Each table's reading record (the same dicts as findings.json ``tables``), labelled."""
    rows = []
    for reading in ctx.reading:
        rec = reading.as_dict()
        dropped = rec["dropped_lines"]
        rows.append(
            {
                **rec,
                "label": f"{TABLE_LABELS.get(rec['name'], rec['name'])} ({rec['id']})",
                "dropped": dropped[:_SHOWN_DROPPED],
                "more_dropped": max(len(dropped) - _SHOWN_DROPPED, 0),
            }
        )
    return rows


def unread_rows(ctx: AuditContext) -> list[dict[str, Any]]:
    """Tables seen in the text but not read (findings.json ``unread_tables``), with sections."""
    rows = []
    for first, last, why in ctx.doc.unread_tables:
        section = ctx.doc.section_at(first)
        rows.append(
            {"first": first, "last": last, "why": why, "section": section.path if section else None}
        )
    return rows
