"""Sentences claiming a figure rose or fell against last year, next to what it really did.

A claim is one sentence that (1) compares with the previous year ("dibanding tahun
sebelumnya", "dari tahun lalu", "dibandingkan tahun 2023"), (2) names exactly one figure
the comparison has (serapan, pagu, capaian kinerja, a voter stage, the number of staff) and
(3) says, unhedged, which way it moved (meningkat/naik/… or menurun/turun/…). Precision
first: a sentence naming two figures, both directions, a negation or a purpose ("untuk
meningkatkan") is no claim; a figure read with doubt in either year is never judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lkj_audit.compare.items import Comparison, Item
from lkj_audit.load.document import Document

_UP = r"meningkat|peningkatan|naik|kenaikan|bertambah|penambahan|lebih\s+tinggi|lebih\s+besar"
_DOWN = r"menurun|penurunan|turun|berkurang|pengurangan|lebih\s+rendah|lebih\s+kecil"
_UP_RE = re.compile(rf"(?i)\b(?:{_UP})\b")
_DOWN_RE = re.compile(rf"(?i)\b(?:{_DOWN})\b")
_HEDGE_RE = re.compile(
    rf"(?i)\b(?:tidak|belum|bukan|agar|supaya|untuk|guna|upaya|diharapkan|target|akan|"
    rf"harus|perlu|jika|apabila|bila|masih)\s+(?:\w+\s+){{0,2}}(?:{_UP}|{_DOWN})\b"
)
_PREVIOUS_RE = re.compile(r"(?i)\btahun\s+(?:anggaran\s+)?(?:sebelumnya|lalu)\b")
_VERSUS_RE = re.compile(r"(?i)\b(?:dibanding\w*|daripada|dari)\b")
_SENTENCE_RE = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9(])")
# Each figure a sentence can name, and the items that must all have moved the same way.
SUBJECTS: tuple[tuple[str, re.Pattern[str], tuple[tuple[str, str], ...]], ...] = (
    (
        "serapan anggaran",
        re.compile(r"(?i)\b(?:pe)?(?:serapan|nyerapan)\b"),
        (("anggaran", "serapan_pct"),),
    ),
    (
        "realisasi anggaran",
        re.compile(r"(?i)\brealisasi\s+anggaran\b"),
        (("anggaran", "serapan_pct"), ("anggaran", "realisasi")),
    ),
    ("pagu anggaran", re.compile(r"(?i)\bpagu\b"), (("anggaran", "pagu"),)),
    (
        "capaian kinerja",
        re.compile(r"(?i)\b(?:capaian|pencapaian)\s+kinerja\b"),
        (("capaian", "mean_pct"), ("capaian", "sasaran_mean_pct")),
    ),
    ("DPT", re.compile(r"\bDPT\b|(?i:daftar\s+pemilih\s+tetap)"), (("pemilih", "DPT"),)),
    ("DPS", re.compile(r"\bDPS\b|(?i:daftar\s+pemilih\s+sementara)"), (("pemilih", "DPS"),)),
    ("DP4", re.compile(r"\bDP4\b|(?i:penduduk\s+potensial)"), (("pemilih", "DP4"),)),
    ("DPB", re.compile(r"\bDPB\b|(?i:pemilih\s+berkelanjutan)"), (("pemilih", "DPB"),)),
    (
        "jumlah pegawai",
        re.compile(r"(?i)\bjumlah\s+(?:pegawai|sdm|personil|personel)\b"),
        (("pegawai", "PNS"), ("pegawai", "PPPK"), ("pegawai", "PPNPN")),
    ),
)


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence saying a figure moved one way; the items saying how it really moved."""

    line: int
    sentence: str
    subject: str
    claimed: str  # naik / turun
    words: str  # the direction word as written
    items: tuple[Item, ...]

    @property
    def actual(self) -> str | None:
        """How the figure moved: one direction all its items agree on, else ``None``."""
        found = {i.direction for i in self.items}
        return found.pop() if len(found) == 1 else None


def _direction(sentence: str) -> tuple[str, str] | None:
    if _HEDGE_RE.search(sentence):
        return None
    up, down = _UP_RE.search(sentence), _DOWN_RE.search(sentence)
    if bool(up) == bool(down):
        return None
    m = up or down
    assert m is not None
    return ("naik" if up else "turun"), m.group(0)


def _compares_with_previous(sentence: str, year: int) -> bool:
    if _PREVIOUS_RE.search(sentence):
        return True
    return bool(_VERSUS_RE.search(sentence)) and bool(re.search(rf"\b{year - 1}\b", sentence))


def claims(doc: Document, comparison: Comparison) -> Iterator[Claim]:
    """Every clear claim of the text about a figure both years have (certain figures only).

    None when the report compared with is not of the year just before: "tahun sebelumnya"
    would then name a year the comparison does not have.
    """
    year = comparison.year
    if comparison.previous.year != year - 1:
        return
    for block in doc.blocks_in(None):
        if block.kind not in {"paragraph", "list_item"}:
            continue
        for sentence in _SENTENCE_RE.split(block.text):
            if not _compares_with_previous(sentence, year):
                continue
            named = [s for s in SUBJECTS if s[1].search(sentence)]
            direction = _direction(sentence)
            if len(named) != 1 or direction is None:
                continue
            subject, _, keys = named[0]
            items = tuple(i for kind, key in keys if (i := comparison.item(kind, key)))
            if not items or not all(i.certain for i in items):
                continue
            yield Claim(block.line, sentence.strip(), subject, *direction, items)
