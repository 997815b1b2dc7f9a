"""Helpers shared by several rules of this family; registers no rules.

Used by PML001, PML002.
"""

from __future__ import annotations


def _where(row: object) -> str:
    tahap = getattr(row, "tahap", None) or "daftar pemilih"
    wilayah = getattr(row, "wilayah", "")
    return tahap if wilayah in ("", tahap) else f"{tahap} {wilayah}"
