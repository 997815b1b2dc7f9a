"""Layout traits: independent axes, each with the values real LKj use, drawn per seed.

The first value of every axis is the seed report's own layout. Where each value was seen:
- seed (``shared/seeds/``, KPU Kab. Ogan Komering Ilir 2024): per-sasaran capaian tables,
  "(99.65%)" under the realisasi, names wrapped over several lines with the numbers on the
  first or on a later line, comma/dot mixing, "125.959.537.000,-", no total in sub-tables;
- KPU Prov. Kaltim 2020 (scribd 623083319): one capaian table with group rows ("KEGIATAN 3355:
  …") and sasaran rows in one cell, a Kategori column ("Berhasil");
- Inspektorat Kab. Sampang LKjIP 2019 (123dok zx5dll94): "N0" header, a Satuan column, the
  sasaran strategis as a row inside the table, running title with the page number
  ("LKjIP Inspektorat … Tahun 2019 29"), "n/a" values; page numbers "-74-" (123dok zww4kolz);
- BPOM PPPOMN Lapkin 2021 (123dok z1dp5d78): running footer "Lapkin … – 56" between rows,
  "Target Triwulan" / "Realisasi s/d Triwulan II" qualified columns, headers over two lines;
- PermenPANRB 53/2014 formats: PK and LKj tables with Target/Realisasi/% and the
  comparison with the previous year and with the Renstra target (Realisasi <year-1>, Target
  Akhir Renstra, Capaian thd Renstra);
- DOMAIN.md §5: Rp/Rp. prefixes, ",-"/",00" suffixes, "(dalam ribuan rupiah)", mixed marks.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

AXES: dict[str, tuple[str, ...]] = {
    # numbers
    "thousands": ("dot", "comma", "space", "nbsp", "thin", "nnbsp", "apostrophe"),
    "mixing": ("none", "rows"),
    "rupiah": ("none", "rp", "rp_dot", "rp_tight"),
    "amount_suffix": ("none", "dash", "cents"),
    "pct_space": ("tight", "spaced"),
    "pct_place": ("below", "inline", "column"),
    "scale": ("unit", "ribuan", "rp000", "juta"),
    "scale_where": ("caption", "header"),
    # structure
    "budget_layout": ("split", "single"),
    "total_pos": ("bottom", "top"),
    "subtotal": ("none", "sub_jumlah", "subtotal", "jumlah_program"),
    "no_col": ("arabic", "none", "roman"),
    "pagebreak": ("none", "inside"),
    "furniture": ("dash", "bare", "roman", "halaman", "running"),
    "header_repeat": ("no", "yes"),
    "header_lines": ("one", "group", "units"),
    "wrap": ("none", "name_first", "numbers_later"),
    "capaian_layout": ("per_sasaran", "spanning", "grouped"),
    # column roles
    "sisa": ("none", "column"),
    "capaian_cols": ("none", "some"),
    "voter_layout": ("single", "kecamatan", "kecamatan_tps"),
    "voter_labels": ("lk_pr", "words", "lp"),
    # noise
    "ocr": ("none", "light"),
    # how cells are separated: tabs (the seed's extraction) or pdftotext -layout's spaces
    "cells": ("tab", "spaces"),
    # a row numbering the columns under the header, as PermenPANRB 53/2014 formats and many
    # KPU/pemda LKj print it: "1 2 3 4 5", "(1) (2) (3)", or with the capaian's formula
    # ("5 = 4/3")
    "col_numbers": ("none", "plain", "bracketed", "formula"),
    # an election year's participation table per kecamatan (KPU Kota Tegal 2024): none, the
    # Tegal columns, with "Tidak Menggunakan Hak Pilih", or reordered without No
    "participation": ("none", "kecamatan", "tidak", "reordered"),
}

# Extra capaian columns (trait "capaian_col=<name>"), drawn 1-3 at a time when capaian_cols=some.
CAPAIAN_EXTRA = (
    "satuan", "polaritas", "kategori", "keterangan", "realisasi_prev", "target_renstra",
    "capaian_renstra", "target_akhir", "realisasi_sem1", "bobot", "formula",
)

# How often the seed's own value is drawn: about half the renders keep each axis as the seed
# prints it, so a weak trait shows up against a mostly familiar background.
_BASE_WEIGHT = 0.45
_OWN_RNG = ("cells", "col_numbers", "participation")


@dataclass
class Layout:
    """The trait values of one render, and the ones the render actually used."""

    seed: int
    choice: dict[str, str]
    capaian_extra: tuple[str, ...] = ()
    used: set[str] = field(default_factory=set)

    def __getitem__(self, axis: str) -> str:
        value = self.choice[axis]
        self.used.add(f"{axis}={value}")
        return value

    def is_(self, axis: str, value: str) -> bool:
        return self[axis] == value

    def note(self, trait: str) -> None:
        self.used.add(trait)

    def traits(self) -> list[str]:
        """The traits used, without the seed-layout values (those are the baseline)."""
        base = {f"{a}={v[0]}" for a, v in AXES.items()}
        return sorted(t for t in self.used if t not in base)


def draw(seed: int, **fixed: str) -> Layout:
    """The layout of render ``seed``; ``fixed`` pins axes (for focused tests)."""
    rng = random.Random(f"layout-{seed}")
    choice: dict[str, str] = {}
    for axis, values in AXES.items():
        if axis in _OWN_RNG:
            continue
        if rng.random() < _BASE_WEIGHT:
            choice[axis] = values[0]
        else:
            choice[axis] = rng.choice(values[1:])
    choice.update(fixed)
    extra: tuple[str, ...] = ()
    if choice["capaian_cols"] == "some":
        extra = tuple(rng.sample(CAPAIAN_EXTRA, rng.randint(1, 3)))
    for axis in _OWN_RNG:  # drawn apart, so adding them left every other trait as it was
        own = random.Random(f"layout-{axis}-{seed}")
        values = AXES[axis]
        choice[axis] = values[0] if own.random() < _BASE_WEIGHT else own.choice(values[1:])
    choice.update(fixed)
    return Layout(seed, choice, extra)


def all_traits() -> list[str]:
    """Every trait name a render can report (for the bench table and KNOWN_WEAK_TRAITS)."""
    names = [f"{a}={v}" for a, vals in AXES.items() for v in vals[1:]]
    return names + [f"capaian_col={c}" for c in CAPAIAN_EXTRA]
