"""Which years a sentence attaches to the documents an LKj reports on (RKT, PK, LKj, capaian…).

Helper of PER001 (DOMAIN.md R-D02); registers no rules. A year is
misdated when it differs from the reporting year and the sentence is not a comparison with
other years, a span, a citation, an event, or about preparing the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit.load.mentions.citations import blank_citations
from lkj_audit.load.mentions.gate import gated
from lkj_audit.load.mentions.words import folded, folded_same_length
from lkj_audit.load.mentions.years import YEAR, YEAR_RE, without_spans, years_in

# Documents whose year must be the reporting year, with the offsets allowed (0 = the year
# itself): in general, and when the sentence speaks of preparing the document (in year n the
# satker prepares the LKj of n-1 and the PK/RKT/RKA of n+1).
_ONLY_N = frozenset({0})
_N_OR_NEXT = frozenset({0, 1})
_TERMS: tuple[tuple[str, str, frozenset[int], frozenset[int]], ...] = (
    ("RKT", r"rencana\s+kinerja\s+tahunan|RKT|rencana\s+kinerja", _ONLY_N, _N_OR_NEXT),
    ("Perjanjian Kinerja", r"perjanjian\s+kinerja|penetapan\s+kinerja|PK", _ONLY_N, _N_OR_NEXT),
    (
        "Laporan Kinerja",
        r"laporan\s+(?:akuntabilitas\s+)?kinerja|LKj(?:IP)?|LAKIP",
        _ONLY_N,
        frozenset({-1, 0}),
    ),
    (
        "capaian/target kinerja",
        r"capaian\s+kinerja|target\s+kinerja|realisasi\s+kinerja|pengukuran\s+kinerja"
        r"|realisasi\s+anggaran",
        _ONLY_N,
        _ONLY_N,
    ),
    (
        "RKA/Renja",
        r"rencana\s+kerja\s+dan\s+anggaran|RKA(?:-K/?L)?|renja|rencana\s+kerja",
        _N_OR_NEXT,
        _N_OR_NEXT,
    ),
    ("DIPA", r"DIPA", _ONLY_N, _N_OR_NEXT),
)
_TERM_RE = re.compile(
    r"(?<![\w/-])(?i:(?P<term>"
    + "|".join(f"(?P<t{i}>{p})" for i, (_, p, _, _) in enumerate(_TERMS))
    + r"))\b"
    # The gap: capitalised words, and a small number after one ("Sasaran 2", "Tabel 3.3").
    r"(?:\s*\([^()]{0,60}\))?(?P<gap>(?:\s+[A-Z][\w/.'’-]*(?:\s+\d{1,2}(?:\.\d{1,2})?)?){0,9}?)"
    r"\s*,?\s*"
    r"(?:(?i:tahun(?:\s+anggaran)?|TA\.?|T\.A\.?)\s+)?"
    rf"(?P<year>{YEAR})\b(?!\s*(?:[-–—/]|s\.?d|s/d)\s*\d)"
)
# What each alternative of _TERM_RE (case-insensitive) starts with: a cheap test first, and
# where a match can start (_terms).
_TERM_WORDS = (
    "rencana", "rkt", "perjanjian", "penetapan", "pk", "laporan", "lkj", "lakip", "capaian",
    "target", "realisasi", "pengukuran", "rka", "renja", "dipa",
)  # fmt: skip
_ACHIEVE_RE = gated(
    r"(?i)\b(?:akan\s+)?(?:di)?capai\s+(?:pada|di|dalam|selama)\s+(?:akhir\s+)?tahun\s+"
    rf"({YEAR})\b"
)
_ANNUAL_RE = gated(
    r"(?i)perjanjian\s+kinerja|penetapan\s+kinerja|\bPK\b|target\s+kinerja|\bRKT\b|rencana\s+kinerja"
)
_MEDIUM_RE = gated(
    r"(?i)renstra|rencana\s+strategis|jangka\s+menengah|akhir\s+periode|RPJM|\b(?:lima|5)\s+tahun"
)
_EVENT_RE = gated(r"(?i)\b(?:pemilu|pemilihan|pilkada|pileg|pilpres|serentak)\b")
# A comparison with other years: words (gated, tried where one starts), and "s.d."/"s/d",
# which open with a single letter (a pattern of their own, either one matching is a trend).
_TREND_RE = gated(
    r"(?i)\bsebelum(?:nya)?\b|tahun\s+lalu|tahun-tahun|periode\s+lalu|\bmeningkat|\bmenurun|peningkatan|"
    r"penurunan|kenaikan|\bnaik\b|\bturun\b|\btrend?\b|\bsejak\b|sampai\s+dengan|"
    r"\bhingga\b|historis|berturut|\bkumulatif"
)
_UNTIL_RE = re.compile(r"(?i)\bs\.?\s*d\.?(?=\s)|s/d")
_COMPARE_RE = gated(r"(?i)banding|daripada")
_TARGET_SIDE_RE = gated(
    r"(?i)perjanjian\s+kinerja|penetapan\s+kinerja|\bPK\b|\btarget\b|\bRKT\b|rencana\s+kinerja"
)
_ACTIVITY = (
    r"penyusunan|menyusun|tersusun|disusun|penandatanganan|ditandatangani|penyampaian|disampaikan|"
    r"reviu|tepat\s+waktu|revisi"
)
_ACTIVITY_RE = gated(_ACTIVITY, re.I)
# "… LKj Tahun 2023 yang disampaikan tepat waktu": the activity in a relative clause.
_RELATIVE_ACTIVITY_RE = gated(rf"\s*,?\s*yang\s+(?:\S+\s+){{0,3}}?(?:{_ACTIVITY})", re.I)
# Last year's LKj is also what this year's evaluation and its follow-up are about.
_EVALUATED_RE = gated(r"(?i)evaluasi|rekomendasi|tindak\s*lanjut|menindaklanjuti|hasil\s+penilaian")
_FUTURE_RE = gated(r"(?i)akan\s+datang|mendatang|berikutnya|ke\s+depan|tahun\s+depan|selanjutnya")


def other_year_named(text: str, year: int) -> bool:
    """Cheap test: does ``text`` print any year other than ``year``?"""
    printed = str(year)  # the matched texts themselves: no Year records for a yes/no question
    return any(y != printed for y in YEAR_RE.findall(text))


def wrong_year_matches(text: str, year: int) -> Iterator[tuple[str, int, str, list[int]]]:
    """(document kind, printed year, matched words, allowed years) for each misdated mention."""
    if not other_year_named(text, year):
        return  # fast path: nothing can be misdated
    clean = blank_citations(text)
    low = folded(clean)
    # the cheapest pattern first: without "dicapai pada tahun …" the sentence tests are moot
    achieved = list(_ACHIEVE_RE.finditer(clean)) if "capai" in low else []
    if achieved and _ANNUAL_RE.search(clean) and not _MEDIUM_RE.search(clean):
        for m in achieved:
            if int(m.group(1)) != year:
                yield (
                    "target Perjanjian Kinerja",
                    int(m.group(1)),
                    " ".join(m.group(0).split()),
                    [year],
                )
    if not any(w in low for w in _TERM_WORDS):
        return  # no document named at all
    terms = _terms(clean)
    if not terms:
        return  # no document named with a year: nothing below can yield (skip the tests)
    if (
        _TREND_RE.search(clean)
        or _UNTIL_RE.search(clean)
        or names_year_itself(without_spans(clean), year)
    ):
        return  # an explicit comparison with other years, or a span of years
    for m in terms:
        printed = int(m.group("year"))
        if printed == year or _EVENT_RE.search(m.group("gap")):
            continue
        kind_i = next(i for i in range(len(_TERMS)) if m.group(f"t{i}"))
        name, _, plain, activity = _TERMS[kind_i]
        # A plan of n+1 may be said to be prepared anywhere in the sentence ("RKT Tahun 2025
        # telah disusun"); last year's LKj only by a preparing word before it or in its
        # relative clause, since "LKj Tahun 2023 ini disusun …" is the copied-text pattern.
        lkj = name == "Laporan Kinerja"
        busy = (
            _ACTIVITY_RE.search(clean[: m.end()] if lkj else clean)
            or _RELATIVE_ACTIVITY_RE.match(clean[m.end() :])
            or (lkj and _EVALUATED_RE.search(clean))
        )
        allowed = set(activity if busy else plain)
        if _FUTURE_RE.search(clean):
            allowed.add(1)
        if printed - year in allowed or not _compared_wrongly(clean, m.start(), m.end()):
            continue
        yield name, printed, " ".join(m.group(0).split()), sorted(year + k for k in allowed)


def _terms(text: str) -> list[re.Match[str]]:
    """``list(_TERM_RE.finditer(text))``, each match tried only where a term word starts.

    A match starts with its term, and every term starts with one of :data:`_TERM_WORDS`; in a
    text whose lower case keeps its length (no "İ"), re.I reads those letters as the lower
    case does ("ı" and "ſ" folded as it reads them), so ``str.find`` gives every offset a
    match can start at, in order, and the matches are the same.
    """
    low = text.lower()
    if len(low) != len(text):
        return list(_TERM_RE.finditer(text))
    low = folded_same_length(low)
    starts: set[int] = set()
    for word in _TERM_WORDS:
        at = low.find(word)
        while at >= 0:
            starts.add(at)
            at = low.find(word, at + 1)
    out: list[re.Match[str]] = []
    end = 0
    for at in sorted(starts):
        if at >= end and (m := _TERM_RE.match(text, at)):
            out.append(m)
            end = m.end()
    return out


def names_year_itself(text: str, year: int) -> bool:
    """True when the sentence also names the reporting year other than as a PK/target year.

    "capaian 2023 sebesar 95%, sedangkan tahun 2024 sebesar 100%" compares two years; but in
    "capaian tahun 2023 dibandingkan dengan Perjanjian Kinerja Tahun 2024" the years clash.
    """
    for y in years_in(text):
        if y.value == year and not _TARGET_SIDE_RE.search(text[max(0, y.start - 60) : y.start]):
            return True
    return False


def _compared_wrongly(text: str, start: int, end: int) -> bool:
    """False when the mention is the object of a comparison ("dibandingkan dengan … 2023").

    A capaian compared with the PK or a target of another year is still wrong: capaian and
    target of one comparison belong to the same year.
    """
    before = _COMPARE_RE.search(text[:start])
    if before:
        return False
    after = _COMPARE_RE.search(text[end:])
    return after is None or bool(_TARGET_SIDE_RE.search(text[end + after.end() :]))
