"""Helpers shared by the staff-table rules: who a row is, printed dates, golongan ranks.

Private module (no rules): used by the NIP and staff-table rules (PLA009–PLA013).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lkj_audit.load.rows import StaffRow

DATE_RE = re.compile(r"^\s*(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*[-/.]\s*(\d{4})\s*$")
PNS_GOL_RE = re.compile(r"^\(?\s*(IV|III|II|I)\s*[-/.]?\s*([a-eA-E])\s*\)?$")
_GOL_IN_TEXT_RE = re.compile(r"\b(IV|III|II|I)\s*[-/.]\s*([a-eA-E])\b")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


@dataclass(frozen=True, slots=True)
class LooseNumber:
    """A NIP / NI PPPK printed outside the staff tables (under a signature), with its name."""

    line: int
    table: None
    jenis: str
    nama: str
    nip: str
    tmt_gol: str
    evidence: str


Staff = StaffRow | LooseNumber  # whose number the NIP rules check


def who(row: Staff) -> str:
    """How a finding names a staff member: the name as printed, else the row's line."""
    return row.nama or f"baris {row.line}"


def pns_gol(text: str) -> re.Match[str] | None:
    """A PNS golongan ("III/a", "(IV-a)", "Penata Muda (III/a)"): groups roman, letter."""
    return PNS_GOL_RE.match(text or "") or _GOL_IN_TEXT_RE.search(text or "")


def date_ym(text: str) -> tuple[int, int | None] | None:
    """(year, month) of a printed dd-mm-yyyy date; month None when d/m order is ambiguous."""
    m = DATE_RE.match(text or "")
    if not m:
        return None
    month = int(m.group(3))
    ambiguous = m.group(2) == "/" and int(m.group(1)) <= 12
    return int(m.group(4)), None if ambiguous or not 1 <= month <= 12 else month


def gol_rank(gol: str) -> int | None:
    """Rank of a PNS golongan: I/a = 0 … IV/e = 16."""
    m = pns_gol(gol)
    if not m:
        return None
    return (ROMAN[m.group(1)] - 1) * 4 + "abcde".index(m.group(2).lower())
