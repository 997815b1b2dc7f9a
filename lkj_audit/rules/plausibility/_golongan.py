"""Helpers shared by several rules of this family; registers no rules.

Used by PLA011, PLA012, PLA013.
"""

from __future__ import annotations

import re

from lkj_audit.load import education, nip
from lkj_audit.load.rows import StaffRow
from lkj_audit.model import Severity
from lkj_audit.rules.plausibility._staff import ROMAN, gol_rank, pns_gol
from lkj_audit.rules.registry import RuleContext

_PPPK_GOL_RE = re.compile(
    r"^\(?\s*(XVII|XVI|XV|XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\s*\)?$"
)


_MAX_LETTER = {1: "d", 2: "d", 3: "d", 4: "e"}


# Entry rank (I/a = 0 … IV/e = 16) of a new PNS by education (PP 99/2000 pangkat awal).
_ENTRY_RANK = {
    "SD": 0,
    "SMP": 2,
    "SMA": 4,
    "D1": 4,
    "D2": 5,
    "D3": 6,
    "D4": 8,
    "S1": 8,
    "S2": 9,
    "S3": 10,
}


def _golongan_problem(ctx: RuleContext, row: StaffRow) -> tuple[str, Severity | None] | None:
    gol = row.gol.strip()
    if not gol:
        return None
    pns = pns_gol(gol)
    if row.jenis == "PPPK":
        return (
            ("golongan berpola PNS (I–IV dengan huruf), padahal PPPK bergolongan I–XVII", None)
            if pns
            else None
        )
    if row.jenis != "PNS":
        return None
    if pns is None:
        if _PPPK_GOL_RE.match(gol) and not re.match(r"^\(?\s*(I|II|III|IV)\s*\)?$", gol):
            return "golongan berpola PPPK (angka romawi tanpa huruf), padahal pegawai ini PNS", None
        return None
    top = _MAX_LETTER[ROMAN[pns.group(1)]]
    if pns.group(2).lower() > top:
        return f"golongan {pns.group(1)}/{pns.group(2)} tidak ada (ruang tertinggi {top})", None
    return _service_problem(ctx, row)


def _service_problem(ctx: RuleContext, row: StaffRow) -> tuple[str, Severity | None] | None:
    """Golongan above the entry rank for the education plus one promotion per two years."""
    rank = gol_rank(row.gol)
    n = nip.parse(row.nip or "", "PNS")
    levels = [education.column_level(row.pendidikan), education.title_level(row.nama)[0]]
    known = [lv for lv in levels if lv]
    if rank is None or n.defects or n.start_year is None or not known:
        return None
    top = max(known, key=lambda lv: education.RANK[lv])
    reachable = _ENTRY_RANK[top] + max(0, ctx.year - n.start_year) // 2
    if rank <= reachable:
        return None
    return (
        f"golongan {row.gol} sulit dicapai dengan pendidikan {top} dan masa kerja sejak "
        f"{n.start_year} (TMT CPNS menurut NIP)",
        Severity.INFO,
    )
