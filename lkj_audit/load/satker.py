"""The 552 KPU/KIP satker (38 provinces, 514 kabupaten/kota) and name matching.

Source: ``kpu_satker_kode_wilayah.csv`` shipped as package data (provenance in
``../shared/kpu_satker_kode_wilayah.README.md``). Names in reports are written many ways
("KPU Kab. OKI", "Komisi Pemilihan Umum Kabupaten Ogan Komering Ilir", misspelt), so matching
normalises the level word and compares the region name fuzzily.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

_PREFIX_RE = re.compile(
    r"(?i)\b(sekretariat|komisi\s+pemilihan\s+umum|komisi\s+independen\s+pemilihan|kpu|kip|kpud)\b"
)
_LIST = "kpu_satker_kode_wilayah.csv"
_LEVEL_RE = re.compile(r"(?i)\b(provinsi|prov\.?|kabupaten|kab\.?|kota)\s+")


@dataclass(frozen=True, slots=True)
class Satker:
    """One satker of the list."""

    kode: str
    nama: str  # "KPU Kabupaten Ogan Komering Ilir"
    tingkat: str  # PROV / KAB / KOTA
    wilayah: str  # "Ogan Komering Ilir" (region name without level word)
    kode_wilayah: str
    kode_provinsi: str
    penduduk_pria: int
    penduduk_wanita: int
    penduduk_total: int

    @property
    def level_word(self) -> str:
        """Provinsi / Kabupaten / Kota."""
        return {"PROV": "Provinsi", "KAB": "Kabupaten", "KOTA": "Kota"}[self.tingkat]


def normalise_region(text: str) -> str:
    """Region name without KPU/level words, upper-case, single spaces."""
    t = _PREFIX_RE.sub(" ", text)
    t = _LEVEL_RE.sub(" ", t)
    return " ".join(re.sub(r"[^A-Za-z ]", " ", t).upper().split())


@lru_cache(maxsize=1)
def all_satker() -> tuple[Satker, ...]:
    """Every satker of the shipped list."""
    # The csv module, not pandas: 552 plain rows, read once per process (the check's start).
    # Beside the package's modules (package data); not importlib.resources, which would import
    # its readers and tempfile (~15-35 ms) into every check process for this one file.
    text = (Path(__file__).resolve().parent.parent / _LIST).read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    out = []
    for r in rows:
        wilayah = re.sub(r"^(Kabupaten|Kota|Provinsi)\s+", "", r["nama_wilayah_kepmendagri_2025"])
        level = {"PROV": "Provinsi", "KAB": "Kabupaten", "KOTA": "Kota"}[r["tingkat"]]
        out.append(
            Satker(
                kode=r["kode_satker"],
                nama=f"KPU {level} {wilayah.title() if wilayah.isupper() else wilayah}",
                tingkat=r["tingkat"],
                wilayah=wilayah,
                kode_wilayah=r["kode_wilayah"],
                kode_provinsi=r["kode_provinsi"],
                penduduk_pria=int(r["penduduk_pria_des2024"]),
                penduduk_wanita=int(r["penduduk_wanita_des2024"]),
                penduduk_total=int(r["penduduk_total_des2024"]),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def _index() -> tuple[list[str], list[Satker]]:
    keys, sats = [], []
    for s in all_satker():
        keys.append(f"{s.tingkat} {normalise_region(s.wilayah)}")
        sats.append(s)
    return keys, sats


def level_of(text: str) -> str | None:
    """PROV / KAB / KOTA from the level word in ``text``."""
    m = _LEVEL_RE.search(text + " ")
    if not m:
        return None
    w = m.group(1).lower()
    return "PROV" if w.startswith("prov") else "KOTA" if w == "kota" else "KAB"


def match(name: str, min_score: float = 88.0) -> Satker | None:
    """Best satker for a written name ("KPU Kabupaten Ogan Komring Ilir"), or None."""
    level = level_of(name)
    region = normalise_region(name)
    if not region:
        return None
    query = f"{level} {region}" if level else region
    choices = _choices(level)
    best = process.extractOne(query, choices, scorer=fuzz.ratio, score_cutoff=min_score)
    return _index()[1][best[2]] if best else None


@lru_cache(maxsize=4)
def _choices(level: str | None) -> dict[int, str]:
    """The keys :func:`match` compares, by satker index (built once per level, not per name)."""
    keys = _index()[0]
    if level:
        return {i: k for i, k in enumerate(keys) if k.startswith(level + " ")}
    return {i: k.split(" ", 1)[1] for i, k in enumerate(keys)}


def by_code(kode: str) -> Satker | None:
    """The satker with this 6-digit code."""
    return next((s for s in all_satker() if s.kode == kode), None)


def province_of(satker: Satker) -> Satker | None:
    """The province-level satker of a kabupaten/kota."""
    return next(
        (s for s in all_satker() if s.tingkat == "PROV" and s.kode_wilayah == satker.kode_provinsi),
        None,
    )
