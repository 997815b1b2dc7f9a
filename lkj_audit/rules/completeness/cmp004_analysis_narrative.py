"""CMP004 ``completeness.analysis_narrative``.

Bab III discusses national standards, causes and solutions, and supporting programmes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit.load.mentions.words import folded
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.completeness._shared import (
    CAUSE,
    CAUSE_WORDS,
    REMEDY,
    REMEDY_WORDS,
    _bab3_sentences,
    _missing,
)
from lkj_audit.rules.registry import RuleContext, rule

# Each wording is a list of alternatives, each with the words (lower case) it cannot match
# without: a sentence holding none of them is not searched. The text "matches" when one
# alternative matches one sentence.
_Wording = tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]


def _alt(pattern: str, *words: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    return re.compile(pattern, re.I), words


_NARRATIVE: tuple[tuple[str, str, _Wording, _Wording], ...] = (
    ("R-A4", "perbandingan dengan standar nasional", (
        _alt(r"standar\s+(?:nasional|pelayanan\s+minimal)", "standar"),
        _alt(r"\bSPM\b", "spm"),
        _alt(r"benchmark", "benchmark"),
        _alt(r"rata-rata\s+nasional|(?:capaian|target|tingkat)\s+nasional|internasional",
             "nasional"),
        _alt(r"(?:KPU|satker|kabupaten|kota|provinsi)\s+lain", "lain"),
     ), ()),
    ("R-A5", "analisis penyebab keberhasilan/kegagalan dan solusi",
     ((CAUSE, CAUSE_WORDS),), ((REMEDY, REMEDY_WORDS),)),
    ("R-A7", "program/kegiatan yang menunjang keberhasilan atau kegagalan", (
        _alt(r"(?:program|kegiatan)\b.{0,80}\b(?:mendukung|menunjang|mendorong|berkontribusi|"
             r"pendukung)|(?:didukung|ditunjang)\s+(?:oleh|dengan)"
             # "didukung kegiatan 6871 ...": the supporting kegiatan named with no "oleh"
             r"|(?:didukung|ditunjang)\s+(?:pelaksanaan\s+)?(?:program|kegiatan|RO)\b",
             "dukung", "tunjang",
             "dorong", "kontribusi"),
     ), ()),
)  # fmt: skip


def _worded(wording: _Wording, texts: list[str], folded_texts: list[str]) -> bool:
    """Does one sentence match one alternative of ``wording``?"""
    # An alternative none of whose words Bab III prints is not tried sentence by sentence (a
    # word holds no line break, so it is in the joined text only inside one sentence).
    whole = "\n".join(folded_texts)
    return any(
        pattern.search(t)
        for pattern, words in wording
        if any(w in whole for w in words)
        for t, low in zip(texts, folded_texts, strict=True)
        if any(w in low for w in words)
    )


@rule(
    code="CMP004",
    name="completeness.analysis_narrative",
    category=Category.COMPLETENESS,
    severity=Severity.WARNING,
    severity_reason=(
        "missing: causes with solutions (R-A5) and supporting programmes (R-A7) are required "
        "analyses; hint: a national standard (R-A4) exists for few indicators, so its absence is "
        "for the reviewer to judge"
    ),
    domain=("R-A4", "R-A5", "R-A7"),
)
def analysis_narrative(ctx: RuleContext) -> Iterator[Finding]:
    """Bab III discusses national standards, causes and solutions, and supporting programmes.

    Why it matters: these analyses are required per sasaran by PermenPANRB 53/2014 (KKE 3.2(6)
    and (7)); their quality cannot be machine-judged, so only their absence is signalled.
    Fails when: Bab III contains no wording for one of: comparison with a national standard
    (R-A4); causes of success/failure together with solutions (R-A5); programmes or activities
    supporting the result (R-A7); the standard alone is info.
    Passes when: wording for each is present (the reviewer judges its adequacy).
    """
    texts = _bab3_sentences(ctx)
    low = [folded(t) for t in texts]
    for ref, what, first, second in _NARRATIVE:
        if _worded(first, texts, low) and (not second or _worded(second, texts, low)):
            continue
        found = _missing(
            ctx,
            what,
            f"analisis {ref}",
            "Tambahkan uraiannya untuk setiap sasaran.",
            Severity.INFO if ref == "R-A4" else None,
        )
        if found:
            yield found
