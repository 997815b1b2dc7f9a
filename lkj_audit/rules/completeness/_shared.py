"""Helpers shared by several rules of this family; registers no rules.

Used by CMP001, CMP002, CMP003, CMP004, CMP005, CMP007, CMP009.
"""

from __future__ import annotations

import re

from lkj_audit.load.document import Document, Section
from lkj_audit.load.mentions.years import years_in
from lkj_audit.model import Finding, Severity
from lkj_audit.rules.registry import RuleContext

# The wording of an R-A5 analysis, causes of a result and what is done about it, as KPU LKj
# write it ("disebabkan oleh", "kendala yang dihadapi", "upaya yang dilakukan", "langkah ke
# depan", "akan ditindaklanjuti"). One vocabulary for Bab III as a whole (CMP004) and for each
# indicator below target (CMP009), so the two can never disagree about what counts.
CAUSE = re.compile(
    r"(?i)\bpenyebab|\bsebab\b|disebabkan|dikarenakan|\bkarena\b|\bakibat|kendala|hambatan|"
    r"terhambat|permasalahan|\bmasalah\b|\bfaktor\b|belum\s+optimal|keterbatasan|"
    r"keterlambatan|tidak\s+(?:dapat\s+)?dilaksanakan|tidak\s+terlaksana|ditunda|dibatalkan"
)
REMEDY = re.compile(
    r"(?i)\bupaya|solusi|\blangkah|tindak\s*lanjut|ditindaklanjuti|menindaklanjuti|"
    r"perbaikan|memperbaiki|diperbaiki|rencana\s+aksi|strategi|diatasi|mengatasi|antisipasi|"
    r"mengantisipasi|rekomendasi|ke\s*depan|mendatang|\bakan\s+(?:di|me|ber)\w+"
)
# Lower-case words each pattern cannot match without (a cheap test before the pattern).
CAUSE_WORDS = (
    "sebab",
    "penyebab",
    "karena",
    "akibat",
    "kendala",
    "hambat",
    "masalah",
    "faktor",
    "optimal",
    "terbatas",
    "terlambat",
    "dilaksanakan",
    "terlaksana",
    "ditunda",
    "dibatalkan",
)
REMEDY_WORDS = (
    "upaya",
    "solusi",
    "langkah",
    "tindak",
    "nindak",
    "baik",
    "rencana",
    "strategi",
    "atasi",
    "antisipasi",
    "rekomendasi",
    "depan",
    "datang",
    "akan",
)


def _anchor(ctx: RuleContext) -> Section | None:
    """Where Bab III's analyses belong: its "Capaian Kinerja" subsection, else Bab III."""
    doc: Document = ctx.doc
    bab3 = doc.chapter("bab3")
    if bab3 is None:
        return None
    subs = [s for s in doc.subsections(bab3) if s.level == 2 and re.search("(?i)capaian", s.title)]
    return subs[0] if subs else bab3


def _bab3_sentences(ctx: RuleContext) -> list[str]:
    bab3 = ctx.doc.chapter("bab3")
    return ctx.doc.mentions.plain_sentences(bab3) if bab3 else []


def _bab3_headers(ctx: RuleContext) -> list[str]:
    """Column labels of Bab III tables, with their first row.

    A header naming a year ("Realisasi 2023") can be read as a data row.
    """
    bab3 = ctx.doc.chapter("bab3")
    tables = [t for t in ctx.doc.tables if bab3 and bab3.contains(t.line)]
    first = [" ".join(t.rows[0].cells).lower() if t.rows else "" for t in tables]
    return [f"{t.header_text} {row}" for t, row in zip(tables, first, strict=True)]


def _filled(ctx: RuleContext, column: str) -> bool:
    """Does any capaian row print this column (the previous year's realisasi, Renstra target)?"""
    rows = ctx.rows.capaian
    if column == "realisasi_prev_raw":
        return any(r.realisasi_prev_raw.strip() for r in rows)
    if column == "target_renstra_raw":
        return any(r.target_renstra_raw.strip() for r in rows)
    raise ValueError(f"not a capaian column read by these rules: {column}")


def _missing(
    ctx: RuleContext, what: str, ref: str, hint: str, severity: Severity | None = None
) -> Finding | None:
    anchor = _anchor(ctx)
    if anchor is None:
        return None
    return ctx.finding(
        line=anchor.line,
        row=what,
        severity=severity,
        message=f"{anchor.title}: {what} ({ref}) tidak ditemukan. {hint}",
    )


def _short(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "…"


_SASARAN_PREFIX_RE = re.compile(r"(?i)^\s*sasaran(?:\s+strategis)?\s*(?:ke-?\s*)?\d*\s*[:.\-–]?\s*")


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def sasaran_blocks(doc: Document, sasaran_no: float | None, sasaran: str | None) -> list[Section]:
    """The Bab III sasaran blocks ("Sasaran 2: …") about an indicator of a combined table.

    A table listing every sasaran in a Sasaran column, with the analyses in "Sasaran N" blocks
    of another subsection ("B. Analisis Capaian Kinerja"): the block of the same number, or
    whose title, without its "Sasaran N:", is the row's sasaran name.
    """
    bab3 = doc.chapter("bab3")
    if bab3 is None:
        return []
    name = _words(sasaran or "")
    out = []
    for sec in doc.sections:
        if sec.level != 3 or not bab3.contains(sec.line):
            continue
        title = _words(_SASARAN_PREFIX_RE.sub("", sec.title))
        same_no = sasaran_no is not None and sec.number == int(sasaran_no)
        same_name = len(name.split()) >= 2 and bool(title) and (name in title or title in name)
        if same_no or same_name:
            out.append(sec)
    return out


# A header of three years or more over realisasi ("Realisasi" over 2020 | 2021 | ... | 2024)
# is a trend of past results (R-A2), which has no target by design.
_TREND_YEARS = 3


def is_trend_by_year(header: str) -> bool:
    """A table header with one column per year, three years or more (a realisasi trend)."""
    return len({y.value for y in years_in(header)}) >= _TREND_YEARS
