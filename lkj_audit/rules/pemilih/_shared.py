"""Helpers shared by several rules of this family; registers no rules.

Used by PML001, PML002 (PML003–PML005 use _participation.py).
"""

from __future__ import annotations

from lkj_audit.load.rows import VoterRow


def _where(row: VoterRow) -> str:
    tahap = row.tahap or "daftar pemilih"
    wilayah = row.wilayah
    return tahap if wilayah in ("", tahap) else f"{tahap} {wilayah}"
