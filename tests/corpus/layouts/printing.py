"""Numbers as real reports print them: grouping, currency marks, suffixes, scaling, rounding.

Seen in the seed report (``shared/seeds/``): "122,924,284,000", "125.959.537.000,-",
"112,500,108.073" (both marks in one number), "(99.65%)" under an amount, "98.72%" next to
"96,14%"; in PDF text extractions: space and no-break/thin-space grouping ("1 234 567");
in pemda LKjIP (DOMAIN.md §4: Itjen 2019) "106.439.453.000,00"; Swiss-style apostrophes
come from spreadsheet number formats pasted into Word.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from fractions import Fraction

# Thousands separator of each grouping trait, and the decimal mark that goes with it.
GROUPING = {
    "dot": (".", ","),
    "comma": (",", "."),
    "space": (" ", ","),
    "nbsp": ("\u00a0", ","),
    "thin": ("\u2009", ","),
    "nnbsp": ("\u202f", ","),
    "apostrophe": ("'", ","),
}

SCALES = {"unit": 1, "ribuan": 1000, "rp000": 1000, "juta": 1_000_000}
SCALE_CAPTION = {
    "ribuan": "(dalam ribuan rupiah)",
    "rp000": "(Rp 000)",
    "juta": "(dalam juta rupiah)",
}


def round_half_up(value: Fraction, decimals: int) -> Fraction:
    q = value * 10**decimals
    return Fraction(int(q + Fraction(1, 2)), 10**decimals)


@dataclass
class Printer:
    """One report's number style (the traits of the ``numbers`` group)."""

    grouping: str = "dot"
    mixing: str = "none"  # "rows": the other of dot/comma on every other call (seed)
    rupiah: str = "none"  # none | rp | rp_dot | rp_tight
    suffix: str = "none"  # none | dash (",-") | cents (",00")
    pct_space: str = "tight"  # tight "99,65%" | spaced "99,65 %"
    scale: str = "unit"
    rng: random.Random | None = None
    _calls: int = 0

    def _marks(self) -> tuple[str, str]:
        self._calls += 1
        if self.mixing == "rows" and self.grouping in ("dot", "comma") and self._calls % 2 == 0:
            return GROUPING["comma" if self.grouping == "dot" else "dot"]
        return GROUPING[self.grouping]

    @property
    def unit(self) -> int:
        return SCALES[self.scale]

    def group(self, value: int, sep: str) -> str:
        sign = "-" if value < 0 else ""
        return sign + f"{abs(value):,}".replace(",", sep)

    def amount(self, rupiah: int, *, money: bool = True) -> str:
        """A rupiah amount in the table's scale (amounts are multiples of the scale)."""
        assert rupiah % self.unit == 0, "amounts must be multiples of the stated scale"
        sep, dec = self._marks()
        text = self.group(rupiah // self.unit, sep)
        if money:
            text = {"none": text, "dash": text + dec + "-", "cents": text + dec + "00"}[
                self.suffix
            ]
            prefix = {"none": "", "rp": "Rp ", "rp_dot": "Rp. ", "rp_tight": "Rp"}[self.rupiah]
            text = prefix + text
        return text

    def count(self, value: int) -> str:
        """A head count (voters, TPS): grouped, never with a currency mark."""
        sep, _ = self._marks()
        return self.group(value, sep)

    def dec(self, value: Fraction, decimals: int) -> str:
        _, mark = self._marks()
        text = f"{float(round_half_up(value, decimals)):.{decimals}f}"
        return text.replace(".", mark)

    def pct(self, value: Fraction, decimals: int = 2) -> str:
        space = " " if self.pct_space == "spaced" else ""
        return f"{self.dec(value, decimals)}{space}%"


def pct_value(value: Fraction, decimals: int = 2) -> float:
    """The value a printed percentage stands for (what a correct reader gets)."""
    return float(round_half_up(value, decimals))


def roman(n: int) -> str:
    out = ""
    for v, s in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                 (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out += s
            n -= v
    return out
