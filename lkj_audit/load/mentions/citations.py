"""The one blanker: legal citations and calendar dates replaced by spaces, offsets kept.

Their years belong to a regulation or a day, never to the reporting period (DOMAIN.md R-D02):
"Nomor 29 Tahun 2014 tentang …", "UU No. 7 Tahun 2017", "Perpres 29/2014", "UU 7/2017",
"B/3934/M.PANRB/12/2015", "23 Januari 2014". A bare month and year ("Januari 2025") is kept:
it may be the period a sentence is about.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lkj_audit.load.mentions.dates import DATE_RE
from lkj_audit.load.mentions.years import YEAR

_CITATION_RE = re.compile(
    rf"(?i)\b(?:nomor|no\.)\s*[\w./-]*\d[\w./-]*\s+tahun\s+{YEAR}(?:\s+tentang\b[^;]*)?"
    rf"|\b(?:UU|PP|Perpres|Permen\w*|Perka\w*|PKPU|Peraturan\s+\w+)\s+\d+\s*/\s*{YEAR}\b"
    rf"|\b[\w.]*\d[\w.]*/[\w./-]*{YEAR}\b"
)


@lru_cache(maxsize=8192)
def blank_citations(text: str) -> str:
    """``text`` with legal citations and calendar dates replaced by spaces (offsets kept)."""
    if "19" not in text and "20" not in text:
        return text  # every citation and date prints a year, and every year starts so
    text = _CITATION_RE.sub(lambda m: " " * len(m.group(0)), text)
    return DATE_RE.sub(lambda m: " " * len(m.group(0)) if m.group(1) else m.group(0), text)


def citations_in(text: str) -> list[tuple[int, int]]:
    """(start, end) of every legal citation in ``text``."""
    return [(m.start(), m.end()) for m in _CITATION_RE.finditer(text)]
