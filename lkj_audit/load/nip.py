"""Parse staff identity numbers: NIP (PNS) and NI PPPK, 18 digits each (DOMAIN.md §3.4).

R-G02 — NIP PNS: ``yyyymmdd`` (birth) + ``yyyymm`` (TMT CPNS) + sex digit (1 = L, 2 = P)
+ 3-digit sequence, e.g. ``19790901 200701 2 001``.
R-G03 — NI PPPK: ``yyyymmdd`` (birth) + ``yyyy`` (appointment year) + ``21`` + sex digit
+ 3-digit sequence, e.g. ``19940823 2024 21 2 039``.

The parser is pure: it says what the number encodes and what is structurally impossible in it;
whether that is plausible for the report (future dates, age) is for the rules to judge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

PPPK_MARK = "21"
SEX = {"1": "laki-laki", "2": "perempuan"}


@dataclass(frozen=True, slots=True)
class StaffNumber:
    """What an 18-digit staff number encodes, and its structural defects (Indonesian text)."""

    raw: str
    digits: str
    kind: str  # "PNS" or "PPPK": the structure it was read with
    birth: date | None
    start_year: int | None  # TMT CPNS year (PNS) or appointment year (PPPK)
    start_month: int | None  # TMT CPNS month (PNS only)
    sex: str
    defects: list[str] = field(default_factory=list)

    @property
    def looks_pppk(self) -> bool:
        """Digits 13–14 are the PPPK mark "21" (impossible as a PNS TMT month)."""
        return self.digits[12:14] == PPPK_MARK

    @property
    def looks_pns(self) -> bool:
        """Digits 13–14 are a valid month, as in a PNS NIP."""
        return self.digits[12:14].isdigit() and 1 <= int(self.digits[12:14]) <= 12


def _birth(digits: str, defects: list[str]) -> date | None:
    y, m, d = int(digits[0:4]), int(digits[4:6]), int(digits[6:8])
    try:
        return date(y, m, d)
    except ValueError:
        defects.append(
            f"tanggal lahir {digits[6:8]}-{digits[4:6]}-{digits[0:4]} tidak ada di kalender"
        )
        return None


def parse(raw: str, kind: str) -> StaffNumber:
    """Read ``raw`` (spaces allowed) as a NIP (``kind="PNS"``) or NI PPPK (``kind="PPPK"``)."""
    digits = re.sub(r"\D", "", raw)
    defects: list[str] = []
    if len(digits) != 18:
        defects.append(f"terdiri dari {len(digits)} digit, seharusnya 18")
        return StaffNumber(raw, digits, kind, None, None, None, "", defects)
    birth = _birth(digits, defects)
    start_year = int(digits[8:12])
    start_month: int | None = None
    if kind == "PNS":
        start_month = int(digits[12:14])
        if not 1 <= start_month <= 12:
            extra = " (pola NI PPPK)" if digits[12:14] == PPPK_MARK else ""
            defects.append(f"bulan TMT CPNS '{digits[12:14]}' tidak valid{extra}")
            start_month = None
    elif digits[12:14] != PPPK_MARK:
        defects.append(f"digit ke-13–14 '{digits[12:14]}', seharusnya kode PPPK '{PPPK_MARK}'")
    sex = digits[14]
    if sex not in SEX:
        defects.append(f"digit jenis kelamin '{sex}' tidak valid (1 = laki-laki, 2 = perempuan)")
    return StaffNumber(raw, digits, kind, birth, start_year, start_month, sex, defects)


def adult_at(birth: date, year: int, month: int = 12) -> bool:
    """True when someone born on ``birth`` is at least 18 years old in ``year``-``month``."""
    return (year, month) >= (birth.year + 18, birth.month)
