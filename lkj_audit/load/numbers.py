"""Parse the numbers printed in an LKj, keeping the original string (DOMAIN.md §5.1).

Reports mix conventions inside one table: ``1.234.567``, ``1,234,567``, ``112,500,108.073``,
``125.959.537.000,-``, ``99,65%``, ``(98.72%)``, ``1.0 Laporan``. Values are exact
(:class:`~fractions.Fraction`) and carry the number of printed decimals, because the
tolerance of every comparison comes from the printed precision, never from a fixed epsilon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction

# A number as printed: digits with optional group/decimal separators, optional sign.
_NUM = r"[-−]?\d+(?:[.,]\d+)*"
# A calendar year as printed (1900–2099), not part of a longer number.
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_PERCENT_RE = re.compile(rf"\(?\s*({_NUM})\s*%\s*\)?")
_NUMBER_RE = re.compile(rf"(?<![\w.,])({_NUM})(?![\w])")
_MONEY_NOISE = re.compile(r"(?i)\brp\.?\s*|,-|\.-|\s+")
_VOLUME_RE = re.compile(rf"^\s*({_NUM})\s*([A-Za-z][\w /.-]*)?\s*$")


@dataclass(frozen=True, slots=True)
class Number:
    """A parsed number: exact value, printed decimals, the original text and any doubts."""

    value: Fraction
    decimals: int
    raw: str
    flags: frozenset[str] = field(default_factory=frozenset)

    def __float__(self) -> float:
        return float(self.value)

    @property
    def half_unit(self) -> Fraction:
        """Half of the last printed digit: the rounding interval of the printed figure."""
        return Fraction(1, 2 * 10**self.decimals)


def _groups(token: str) -> tuple[list[str], list[str]]:
    parts = re.split(r"([.,])", token)
    return parts[0::2], parts[1::2]


def parse_amount(raw: str) -> Number | None:
    """Parse an integer-rupiah or count figure; ``None`` when no number is there.

    All groups after the first have 3 digits -> thousands separators, whatever the mark.
    A final group of 1-2 digits after a *different* mark is a decimal part (``1.234,56``).
    Flags: ``mixed_separators`` (both marks used as groups), ``bad_grouping``.
    """
    text = _MONEY_NOISE.sub("", raw.replace("−", "-"))
    text = re.sub(r"[.,]0{2}$", "", text) if re.search(r"\d{3}[.,]00$", text) else text
    m = re.search(_NUM, text)
    if not m:
        return None
    token = m.group(0)
    sign = -1 if token.startswith(("-", "−")) else 1
    token = token.lstrip("-−")
    groups, marks = _groups(token)
    flags: set[str] = set()
    decimals = 0
    if len(groups) > 1 and len(groups[-1]) in (1, 2) and (len(set(marks)) > 1 or len(groups) == 2):
        # 1.234.567,89 / 1,234,567.89 / 12,5: last group is a decimal fraction.
        frac_digits = groups[-1]
        int_groups = groups[:-1]
        decimals = len(frac_digits)
        int_marks = marks[:-1]
    else:
        frac_digits = ""
        int_groups = groups
        int_marks = marks
    if any(len(g) != 3 for g in int_groups[1:]):
        flags.add("bad_grouping")
    if len(set(int_marks)) > 1:
        flags.add("mixed_separators")
    integer = int("".join(int_groups))
    value = Fraction(integer) + (Fraction(int(frac_digits), 10**decimals) if frac_digits else 0)
    return Number(sign * value, decimals, raw.strip(), frozenset(flags))


def parse_decimal(token: str, raw: str | None = None) -> Number | None:
    """Parse a ratio/percent/volume figure where one ``.`` or ``,`` is the decimal mark.

    ``97,5`` and ``97.5`` are 97.5; ``1.0`` is 1; ``1.234,5`` is 1234.5. Three digits after a
    single mark (``1.000``) are read as thousands and flagged ``ambiguous``.
    """
    token = token.strip().replace("−", "-")
    m = re.fullmatch(_NUM, token)
    if not m:
        return None
    sign = -1 if token.startswith("-") else 1
    groups, marks = _groups(token.lstrip("-"))
    flags: set[str] = set()
    if len(groups) == 1:
        return Number(Fraction(sign * int(groups[0])), 0, raw or token)
    if len(groups) == 2 and len(groups[1]) == 3:
        flags.add("ambiguous")
        return Number(
            Fraction(sign * int(groups[0] + groups[1])), 0, raw or token, frozenset(flags)
        )
    int_part = "".join(groups[:-1])
    frac = groups[-1]
    value = Fraction(int(int_part)) + Fraction(int(frac), 10 ** len(frac))
    return Number(sign * value, len(frac), raw or token, frozenset(flags))


def find_percents(text: str) -> list[Number]:
    """Every ``N%`` / ``(N %)`` in a cell or sentence, in order."""
    out = []
    for m in _PERCENT_RE.finditer(text):
        n = parse_decimal(m.group(1), raw=m.group(0).strip())
        if n is not None:
            out.append(n)
    return out


def first_percent(text: str) -> Number | None:
    """The first percentage in a cell (OCR layers often repeat it garbled after)."""
    found = find_percents(text)
    return found[0] if found else None


def first_amount(text: str) -> Number | None:
    """The first amount in a cell, ignoring any percentage that follows it."""
    without_pct = _PERCENT_RE.sub(" ", text)
    for m in re.finditer(r"(?i)(?:rp\.?\s*)?\d(?:[\d.,]*\d)?(?:,-)?", without_pct):
        n = parse_amount(m.group(0))
        if n is not None:
            return n
    return None


@dataclass(frozen=True, slots=True)
class Volume:
    """A target/realisation like ``1.0 Laporan`` or ``95%``: number, unit, original text."""

    number: Number | None
    unit: str
    raw: str

    @property
    def is_percent(self) -> bool:
        """True when the figure is a percentage."""
        return self.unit == "%"


def parse_volume(text: str) -> Volume | None:
    """Split a target/realisasi cell into number and unit; ``None`` if the cell is empty.

    Qualitative targets (``WTP``, ``Tepat Waktu``) come back with ``number=None``.
    A cell repeated by an OCR layer (``1.0 Lembaga 1.0 Dembaga``) keeps its first reading.
    """
    raw = " ".join(text.split())
    if not raw or raw in {"-", "–", "_"}:
        return None
    pct = _PERCENT_RE.match(raw)
    if pct:
        return Volume(parse_decimal(pct.group(1), raw=pct.group(0)), "%", pct.group(0).strip())
    m = re.match(rf"\s*({_NUM})\s*([A-Za-z][A-Za-z.]*(?:\s+[A-Za-z][A-Za-z.]*)?)?", raw)
    if m:
        number = parse_decimal(m.group(1), raw=m.group(0).strip())
        unit = (m.group(2) or "").strip()
        # An OCR repeat of the figure ("1.0 Lembaga 1.0 Lembaga") is not part of the unit.
        unit = re.split(rf"\s+{_NUM}", unit)[0].strip()
        first = f"{m.group(1)} {unit}".strip()
        return Volume(number, unit, first)
    return Volume(None, raw, raw)


def decimals_of(text: str) -> int:
    """Number of printed decimals of the first number in ``text`` (0 when none)."""
    n = parse_decimal(text.strip().rstrip("%").strip())
    return n.decimals if n else 0
