"""Which satker and which year a report is about, read from the report itself.

The cover and the Kata Pengantar name the satker ("… KOMISI PEMILIHAN UMUM KABUPATEN X
TAHUN 2024"); the name that recurs most in the opening pages wins, so a copy-pasted
paragraph naming another satker later in the text cannot take over the identity.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lkj_audit.load import satker as satker_list
from lkj_audit.load.document import Document

SATKER_MENTION_RE = re.compile(
    r"(?i)\b(?:KPU|KIP|Komisi\s+Pemilihan\s+Umum|Komisi\s+Independen\s+Pemilihan)\s+"
    r"((?:Provinsi|Prov\.?|Kabupaten|Kab\.?|Kota)\s+[A-Za-z][A-Za-z'\- ]{2,40}?)"
    r"(?=\s+(?:Tahun|TAHUN|dan|yang|pada|sebagai|telah|untuk|dalam|di|ini|merupakan|memiliki|"
    r"juga|adalah|atas|selama|kepada|sesuai|menyusun|melakukan|melaksanakan|Periode)\b|[,.;:)\n]|$)"
)
_YEAR_RE = re.compile(r"(?i)\b(?:tahun|TA\.?|periode)\s+(20\d\d)\b")
_OPENING_LINES = 80


@dataclass(frozen=True, slots=True)
class Identity:
    """The reporting satker (as written and as matched) and the reporting year."""

    satker_name: str | None
    satker: satker_list.Satker | None
    year: int | None


def satker_mentions(text: str) -> list[str]:
    """Every "KPU Kabupaten X" style mention in ``text`` (region part only)."""
    return [" ".join(m.group(1).split()) for m in SATKER_MENTION_RE.finditer(text)]


def _title(mention: str) -> str:
    words = mention.replace("Kab.", "Kabupaten").replace("KAB.", "KABUPATEN").split()
    return " ".join(w.capitalize() if w.isupper() or w.islower() else w for w in words)


def _unlisted_dominates(unlisted: Counter[str], listed: Counter[str]) -> bool:
    """True when an unlisted name recurs far more often than any listed one.

    A new or fictional satker whose text names a listed satker once (a copied sentence): that
    listed satker must not become the report's identity.
    """
    if not unlisted:
        return False
    return unlisted.most_common(1)[0][1] >= max(3, 3 * listed.most_common(1)[0][1])


def detect(doc: Document) -> Identity:
    """Satker and year from the opening pages (cover, Kata Pengantar), else the whole text."""
    opening = "\n".join(doc.lines[:_OPENING_LINES])
    whole = "\n".join(doc.lines)
    satker = None
    written: str | None = None
    for text in (opening, whole):
        counts: Counter[str] = Counter()
        names: dict[str, str] = {}
        unlisted: Counter[str] = Counter()
        for mention in satker_mentions(text):
            s = satker_list.match(mention)
            if s:
                counts[s.kode] += 1
                names.setdefault(s.kode, mention)
            else:
                unlisted[_title(mention)] += 1
        if counts and _unlisted_dominates(unlisted, counts):
            break  # a satker not in the list names itself; a listed one is only mentioned
        if counts:
            kode = counts.most_common(1)[0][0]
            satker, written = satker_list.by_code(kode), names[kode]
            break
    if written is None:
        # A satker not in the list (new region, fictional test report): keep its name as written.
        mentions = Counter(_title(m) for m in satker_mentions(opening) or satker_mentions(whole))
        written = f"KPU {mentions.most_common(1)[0][0]}" if mentions else None
    year = None
    for text in (opening, whole):
        years = Counter(int(y) for y in _YEAR_RE.findall(text))
        if years:
            year = years.most_common(1)[0][0]
            break
    return Identity(written, satker, year)
