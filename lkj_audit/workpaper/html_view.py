"""Display data for the working-paper parts of the HTML (no I/O, no HTML strings)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from lkj_audit.model import Category, Finding
from lkj_audit.workpaper.review import REJECTED
from lkj_audit.workpaper.text_view import place

STATUS_LABEL = {
    "baru": "Baru",
    "diterima": "Diterima",
    "ditolak": "Ditolak",
    "ditindaklanjuti": "Ditindaklanjuti",
    "selesai": "Selesai",
}


def problems(found: list[Finding]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Per category (contract order), one entry per group with every place of it."""
    by_group: dict[str, list[Finding]] = defaultdict(list)
    for f in found:
        by_group[f.group or f.fingerprint].append(f)
    by_fp = {f.fingerprint: f for f in found}
    per_cat: dict[str, list[dict[str, Any]]] = defaultdict(list)
    anchored: set[str] = set()  # cells may link to #f-<fingerprint>: one anchor per fingerprint

    def anchor(f: Finding) -> bool:
        first = f.fingerprint not in anchored
        anchored.add(f.fingerprint)
        return first

    for members in by_group.values():
        lead = members[0]
        review = lead.review.as_dict() if lead.review else None
        related = [by_fp[fp] for fp in lead.related if fp in by_fp]
        per_cat[lead.category.value].append(
            {
                "lead": {**lead.as_dict(), "anchor": anchor(lead)},
                "others": [{**m.as_dict(), "anchor": anchor(m)} for m in members[1:]],
                "rules": list(dict.fromkeys(m.rule for m in members)),
                "places": [place(m.as_dict()) for m in members],
                "related": list(dict.fromkeys(f"{r.rule} {place(r.as_dict())}" for r in related)),
                "review": review,
                "status": STATUS_LABEL.get(review["status"], "") if review else "",
                "rejected": bool(review and review["status"] == REJECTED),
            }
        )
    return [(c.value, per_cat[c.value]) for c in Category if per_cat.get(c.value)]


def corrected_cells(corrections: list[dict[str, Any]]) -> dict[str, str]:
    """``"line:column"`` of every applied correction, with what was changed (cell tooltip)."""
    return {
        f"{c['line']}:{c['column'].removesuffix('_raw')}": (
            f'Dikoreksi: "{c["from"]}" menjadi "{c["to"]}" — {c["reason"]} ({c["by"]})'
        )
        for c in corrections
        if c.get("applied")
    }
