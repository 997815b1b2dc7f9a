"""Education levels from a staff table: the Pendidikan column and academic titles in the name.

DOMAIN.md §3.4, R-G04: a name "…, A.Md" implies a diploma (D3), "S.E." / "S.H." a bachelor
(S1), "M.M." / "M.Si" a master (S2), a leading "Dr." a doctorate (S3). Levels are ranked so
that a title can be compared with the column (D4 and S1 share a rank: both are sarjana level).
"""

from __future__ import annotations

import re

# Rank of each level; equal ranks are equivalent (D-IV = sarjana terapan = S1 level).
RANK: dict[str, int] = {
    "SD": 1,
    "SMP": 2,
    "SMA": 3,
    "D1": 4,
    "D2": 5,
    "D3": 6,
    "D4": 7,
    "S1": 7,
    "S2": 8,
    "S3": 9,
}

_COLUMN_PATTERNS: tuple[tuple[str, str], ...] = (
    ("S3", r"S\s*[-.]?\s*3|STRATA\s*(3|III)|DOKTOR"),
    ("S2", r"S\s*[-.]?\s*2|STRATA\s*(2|II)\b|MAGISTER|PASCA\s*SARJANA"),
    ("S1", r"S\s*[-.]?\s*1|STRATA\s*(1|I)\b|SARJANA"),
    ("D4", r"D\s*[-.]?\s*(4|IV)\b|DIPLOMA\s*(4|IV)\b"),
    ("D3", r"D\s*[-.]?\s*(3|III)\b|DIPLOMA\s*(3|III)\b"),
    ("D2", r"D\s*[-.]?\s*(2|II)\b|DIPLOMA\s*(2|II)\b"),
    ("D1", r"D\s*[-.]?\s*(1|I)\b|DIPLOMA\s*(1|I)\b"),
    ("SMA", r"SMA|SMU|SMK|SLTA|STM|SMEA|\bMA\b|\bMAN\b|PAKET\s*C"),
    ("SMP", r"SMP|SLTP|\bMTS\b|PAKET\s*B"),
    ("SD", r"\bSD\b|\bMI\b|PAKET\s*A"),
)


_COLUMN_RES = tuple((level, re.compile(rf"(?:{pattern})")) for level, pattern in _COLUMN_PATTERNS)


def column_level(text: str) -> str | None:
    """Level written in a Pendidikan cell (``S1``, ``D-III``, ``SMU/SMK``), else None."""
    t = " ".join(text.upper().split())
    for level, pattern in _COLUMN_RES:
        if pattern.match(t):
            return level
    return None


def _title_level(token: str) -> str | None:
    """Level implied by one suffix title token (``S.H.I.``, ``M.Si``, ``A.Md``, ``SE``)."""
    # A cell the reader joined to the next one ("M.Si. IV/a"): the title ends before "IV/a".
    token = re.sub(r"\s+\S*[/\d].*$", "", token)
    t = re.sub(r"[\s.]", "", token)
    if t.islower() and "." in token:
        t = t.upper()
    if not 2 <= len(t) <= 8 or not t[0].isupper():
        return None
    if re.fullmatch(r"PhD|PHD", t):
        return "S3"
    if re.match(r"A[Mm][Dd]", t):
        return "D3"
    if re.match(r"A[Mm]a", t):
        return "D2"
    if re.match(r"S(Tr|ST|SiT)", t):
        return "D4"
    if re.fullmatch(r"S[A-Z][A-Za-z]*", t):
        return "S1"
    if re.fullmatch(r"M[A-Z][A-Za-z]*", t):
        return "S2"
    return None


def title_level(name: str) -> tuple[str | None, str]:
    """Highest level the academic titles of ``name`` imply, and those titles as printed.

    Suffix titles follow the first comma (``ANI SEPTIANA, S.H.I., M.Si``); a leading ``Dr.``
    (not the medical ``dr.``) is a doctorate; ``Drs./Dra./Ir.`` are old bachelor titles.
    """
    found: list[tuple[str, str]] = []
    if m := re.match(r"\s*((?:Prof\.?\s*)?Dr\.)\s", name):  # "DR." in capitals may be "dr."
        found.append(("S3", m.group(1)))
    elif m := re.match(r"\s*(Drs\.?|Dra\.?|Ir\.)\s", name):
        found.append(("S1", m.group(1)))
    if "," in name:
        for token in name.split(",")[1:]:
            level = _title_level(token.strip())
            if level:
                found.append((level, token.strip()))
    if not found:
        return None, ""
    best = max(found, key=lambda lt: RANK[lt[0]])
    return best[0], ", ".join(t for _, t in found)
