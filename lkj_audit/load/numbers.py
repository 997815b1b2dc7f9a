"""Parse the numbers printed in an LKj, keeping the original string (DOMAIN.md §5.1).

Reports mix conventions inside one table: ``1.234.567``, ``1,234,567``, ``1 234 567`` (PDF
text), ``1'234'567``, ``112,500,108.073``, ``Rp 125.959.537.000,-``, ``99,65%``, ``(98.72%)``,
``(1.234)`` for a negative, ``1.0 Laporan``. Values are exact (:class:`~fractions.Fraction`) and
carry the number of printed decimals, because the tolerance of every comparison comes from the
printed precision, never from a fixed epsilon.

A figure that cannot be read with certainty (two numbers in one cell, groups that are not
three digits) is returned *uncertain* with the reason, never silently read as another number.
A column's convention is decided by the consensus of its cells (:func:`column_style`), so
``12.345`` is twelve thousand in a column of ``1.234.567`` and twelve point three in a column
of ``1.5`` and ``2.75``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction

from lkj_audit.load.cellcache import cell_cache
from lkj_audit.load.mentions.years import YEAR_RE as YEAR_RE  # the one year pattern

# A number as printed: digits with optional group/decimal separators, optional sign.
_NUM = r"[-−]?\d+(?:[.,]\d+)*"
_PERCENT_RE = re.compile(rf"\(?\s*({_NUM})\s*%\s*\)?")
# Spaces PDF text and Word use inside a grouped number: normal, no-break, thin, figure spaces.
_SPACES = " \u00a0\u2009\u202f\u2007"
_APOSTROPHES = "'’"
_TOKEN_RE = re.compile(rf"\d(?:[\d.,{_APOSTROPHES}{_SPACES}]*\d)?")
_CURRENCY_RE = re.compile(r"(?i)\b(?:rp|idr)\b\.?\s*")
# OCR confusables inside a figure (DOMAIN.md §5.1): O/o -> 0, l/I/| -> 1.
_OCR_DIGIT = {"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"}
_OCR_CELL_RE = re.compile(r"(?=.*[Ool])[OoIl|][OoIl|.,]*[OoIl|]")
# (The look-behind, "no letter before the run" but for a currency sign glued to it, "Rp2l",
# is written after the run's first character: a pattern opening with a look-behind is tried
# at every character.)
_OCR_RUN_RE = re.compile(r"[\dOoIl|](?:(?<![A-Za-z].)|(?<=\b[Rr][Pp].))[\dOoIl|.,]*(?![A-Za-z])")
# Compiled once (a pattern string is looked up in re's cache on every call).
_OCR_PERCENT_RE = re.compile(r"(?<=[\dOoIl])\s*o/o")  # "95 o/o" for "95 %"
_MARK_SPLIT_RE = re.compile(r"([.,])")
_SPACES_RE = re.compile(rf"[{_SPACES}]+")
_LEAD_GROUP_RE = re.compile(r"\d{1,3}")
_GROUP_RE = re.compile(r"\d{3}")
_LAST_GROUP_DECIMAL_RE = re.compile(r"\d{3}[.,]\d{1,2}")
_APOSTROPHE_RE = re.compile(r"\d{1,3}(?:['’]\d{3})+(?:[.,]\d{1,2})?")
_DASH_END_RE = re.compile(r"[.,]-$")
_BRACKETED_RE = re.compile(r"\(\s*(.*?)\s*\)")
_DIGIT_RE = re.compile(r"\d")
_ZERO_CENTS_RE = re.compile(r"(?<=\d{3})[.,]00$")
_INNER_MARK_RE = re.compile(r"(?<=\d)[.,](?=\d)")


@dataclass(frozen=True, slots=True)
class Number:
    """A parsed number: exact value, printed decimals, the original text and any doubts.

    ``doubt`` says in words why the figure cannot be read with certainty ('' when it can);
    an uncertain number must not be used to accuse the report.
    """

    value: Fraction
    decimals: int
    raw: str
    flags: frozenset[str] = field(default_factory=frozenset)
    doubt: str = ""

    def __float__(self) -> float:
        return float(self.value)

    @property
    def certain(self) -> bool:
        """True when the figure was read without doubt."""
        return not self.doubt

    @property
    def half_unit(self) -> Fraction:
        """Half of the last printed digit: the rounding interval of the printed figure."""
        return Fraction(1, 2 * 10**self.decimals)


@dataclass(frozen=True, slots=True)
class Style:
    """A column's number convention, decided from all its cells (``None`` = not shown)."""

    group: str | None = None
    decimal: str | None = None


def _marks_of(token: str) -> list[str]:
    return re.findall(r"[.,]", token)


def column_style(cells: Iterable[str]) -> Style:
    """The separator convention most cells of a column agree on.

    Evidence: a mark used twice or before the other mark is a group mark (``1.234.567``,
    ``1.234,5``); a single mark followed by one or two digits is a decimal mark (``12,5``).
    A lone mark followed by three digits (``1.234``) is no evidence either way.
    """
    group: Counter[str] = Counter()
    decimal: Counter[str] = Counter()
    for cell in cells:
        groups, decimals = _cell_evidence(cell)
        if groups:
            group.update(groups)  # in the order found: ties go to the first mark seen
        if decimals:
            decimal.update(decimals)
    g = group.most_common(1)[0][0] if group else None
    d = decimal.most_common(1)[0][0] if decimal else None
    if g is not None and g == d:  # the column contradicts itself: decide cell by cell
        return Style()
    return Style(group=g, decimal=d)


_DIGIT_RUN_RE = re.compile(r"\d[\d.,]*\d|\d")
_MARK_RE = re.compile(r"[.,]")


@cell_cache
def _cell_evidence(cell: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The group marks and decimal marks one cell gives :func:`column_style`, in order.

    A cell is asked once per column style of every typer reading its table.
    """
    group: list[str] = []
    decimal: list[str] = []
    text = _PERCENT_RE.sub(" ", repair_ocr(cell)[0])
    for token in _DIGIT_RUN_RE.findall(text):
        marks = _MARK_RE.findall(token)
        if not marks:
            continue
        last_group = _MARK_RE.split(token)[-1]
        if len(set(marks)) == 2:
            group.append(marks[0])
            if len(last_group) != 3:
                decimal.append(marks[-1])
        elif len(marks) >= 2:
            group.append(marks[0])
        elif len(last_group) in (1, 2):
            decimal.append(marks[0])
    return tuple(group), tuple(decimal)


@cell_cache
def repair_ocr(text: str) -> tuple[str, bool]:
    """Replace O/o/l/I/| by digits inside figures (``1O.5OO``, ``9l,5``, ``lOOo/o``).

    Returns (text, repaired?). Only runs of digits, separators and confusables that are not
    part of a word are touched, and only when the run holds a real digit or is followed by a
    ``%``, so ``Lembaga``, ``IX`` or ``Olahraga`` never change.
    """
    out = _OCR_PERCENT_RE.sub("%", text)

    def fix(m: re.Match[str]) -> str:
        run = m.group(0)
        if not any(ch in _OCR_DIGIT for ch in run):
            return run
        has_digit = any(ch.isdigit() for ch in run)
        before_percent = out[m.end() : m.end() + 2].lstrip().startswith("%")
        if not has_digit and not (before_percent and len(run) >= 2):
            return run
        return "".join(_OCR_DIGIT.get(ch, ch) for ch in run)

    fixed = _OCR_RUN_RE.sub(fix, out)
    return fixed, fixed != text


def _groups(token: str) -> tuple[list[str], list[str]]:
    parts = _MARK_SPLIT_RE.split(token)
    return parts[0::2], parts[1::2]


def _space_grouped(token: str) -> list[str]:
    """Split a token on spaces/apostrophes into numbers; joins ``1 234 567`` into one."""
    parts = [p for p in _SPACES_RE.split(token) if p]
    if len(parts) == 1:
        return [parts[0].replace("'", "").replace("’", "")] if _apostrophe_ok(parts[0]) else parts
    if _LEAD_GROUP_RE.fullmatch(parts[0]) and all(_GROUP_RE.fullmatch(p) for p in parts[1:]):
        return ["".join(parts)]
    # "1 234 567,50": space groups, then a decimal part on the last group.
    if (
        _LEAD_GROUP_RE.fullmatch(parts[0])
        and all(_GROUP_RE.fullmatch(p) for p in parts[1:-1])
        and _LAST_GROUP_DECIMAL_RE.fullmatch(parts[-1])
    ):
        return ["".join(parts)]
    return parts


def _apostrophe_ok(token: str) -> bool:
    return bool(_APOSTROPHE_RE.fullmatch(token))


def _strip_money(raw: str) -> tuple[str, int]:
    """Remove currency and ``,-``/``,00`` decorations; return (text, sign)."""
    text = _CURRENCY_RE.sub("", raw.replace("−", "-").replace("–", "-")).strip()
    text = _DASH_END_RE.sub("", text).strip()
    sign = 1
    m = _BRACKETED_RE.fullmatch(text)
    if m and _DIGIT_RE.search(m.group(1)):  # accounting negative "(1.234)"
        text, sign = m.group(1), -1
    if text.startswith("-"):
        text, sign = text[1:].strip(), -sign
    text = _ZERO_CENTS_RE.sub("", text)
    return text, sign


def _token_value(token: str, style: Style | None) -> tuple[Fraction, int, set[str], str]:
    """(value, decimals, flags, doubt) of one grouped-number token such as ``1.234.567,8``."""
    groups, marks = _groups(token)
    flags: set[str] = set()
    decimal_last = len(groups) > 1 and (
        (len(set(marks)) > 1 and len(groups[-1]) != 3)
        or (len(groups) == 2 and len(groups[-1]) in (1, 2))
        or (len(groups) == 2 and style is not None and style.decimal == marks[-1])
        or (len(set(marks)) > 1 and style is not None and style.decimal == marks[-1])
    )
    if decimal_last:
        frac, int_groups, int_marks = groups[-1], groups[:-1], marks[:-1]
    else:
        frac, int_groups, int_marks = "", groups, marks
    doubt = ""
    if len(int_groups) > 1 and (any(len(g) != 3 for g in int_groups[1:]) or len(int_groups[0]) > 3):
        flags.add("bad_grouping")
        doubt = f"pengelompokan ribuan tidak lazim ({token})"
    if len(set(int_marks)) > 1:
        flags.add("mixed_separators")
    if style is not None and style.group and decimal_last and marks[-1] == style.group:
        # A row printed in the other convention ("10,00" among "28,108.00"): its own marks
        # decide (a group mark is always followed by three digits), so it is read, and marked.
        flags.add("other_convention")
    value = Fraction(int("".join(int_groups)))
    if frac:
        value += Fraction(int(frac), 10 ** len(frac))
    return value, len(frac), flags, doubt


def parse_amount(raw: str, style: Style | None = None) -> Number | None:
    """Parse an integer-rupiah or count figure; ``None`` when no number is there.

    All groups after the first have 3 digits -> thousands separators, whatever the mark.
    A final group of 1-2 digits (or after the column's decimal mark) is a decimal part.
    Flags: ``mixed_separators``, ``bad_grouping``, ``ocr_repaired``, ``other_convention``;
    more than one number in the cell, or a grouping that is not three digits, makes the
    figure uncertain.
    """
    text, repaired = repair_ocr(raw)
    # A figure that shows both marks ("467,193.00") says which is which: the column's
    # convention is only for figures that leave it open.
    if len(set(_INNER_MARK_RE.findall(text))) == 2:
        style = None
    text, sign = _strip_money(text)
    numbers = [n for t in _TOKEN_RE.findall(text) for n in _space_grouped(t.strip())]
    if not numbers:
        return None
    value, decimals, flags, doubt = _token_value(numbers[0], style)
    if len(numbers) > 1:
        doubt = doubt or f"lebih dari satu angka dalam satu sel ({raw.strip()})"
    if repaired:
        flags.add("ocr_repaired")
    return Number(value if sign == 1 else -value, decimals, raw.strip(), frozenset(flags), doubt)


def parse_decimal(token: str, raw: str | None = None, style: Style | None = None) -> Number | None:
    """Parse a ratio/percent/volume figure where one ``.`` or ``,`` is the decimal mark.

    ``97,5`` and ``97.5`` are 97.5; ``1.0`` is 1; ``1.234,5`` is 1234.5. Three digits after a
    single mark (``1.000``) are thousands unless the column uses that mark for decimals; they
    are flagged ``ambiguous`` when the column does not say.
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
    if len(groups) == 2 and len(groups[1]) == 3 and not (style and style.decimal == marks[0]):
        if not (style and style.group == marks[0]):
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


@cell_cache
def first_percent(text: str) -> Number | None:
    """The first percentage in a cell (OCR layers often repeat it garbled after)."""
    found = find_percents(repair_ocr(text)[0])
    if not found:
        return None
    n = found[0]
    if repair_ocr(text)[1] and n.raw not in text:
        return Number(n.value, n.decimals, n.raw, n.flags | {"ocr_repaired"}, n.doubt)
    return n


def strip_percents(text: str) -> str:
    """``text`` without its percentages (an amount cell often carries ``(99,65%)``)."""
    return _PERCENT_RE.sub(" ", text)


@cell_cache
def first_amount(text: str, style: Style | None = None) -> Number | None:
    """The amount in a cell, ignoring any percentage that follows it."""
    without_pct = strip_percents(repair_ocr(text)[0])
    if not _DIGIT_RE.search(without_pct):
        return None
    n = parse_amount(without_pct, style)
    if n is None:
        return None
    flags = n.flags | ({"ocr_repaired"} if repair_ocr(text)[1] else set())
    return Number(n.value, n.decimals, text.strip(), frozenset(flags), n.doubt)


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


@cell_cache
def parse_volume(text: str, style: Style | None = None) -> Volume | None:
    """Split a target/realisasi cell into number and unit; ``None`` if the cell is empty.

    Qualitative targets (``WTP``, ``Tepat Waktu``) come back with ``number=None``.
    A cell repeated by an OCR layer (``1.0 Lembaga 1.0 Dembaga``) keeps its first reading.
    """
    raw = " ".join(text.split())
    if not raw or raw in {"-", "–", "_"}:
        return None
    fixed, repaired = repair_ocr(raw)
    if not repaired and _OCR_CELL_RE.fullmatch(raw):
        # A whole target/realisasi cell of confusables ("lOO"): no word or roman numeral is
        # spelt with O or l, so in a figure cell it can only be the number.
        fixed, repaired = "".join(_OCR_DIGIT.get(ch, ch) for ch in raw), True
    pct = _PERCENT_RE.match(fixed)
    if pct:
        n = parse_decimal(pct.group(1), raw=pct.group(0).strip(), style=style)
        return Volume(_mark_repaired(n, repaired), "%", pct.group(0).strip())
    m = re.match(rf"\s*({_NUM})\s*([A-Za-z][A-Za-z.]*(?:\s+[A-Za-z][A-Za-z.]*)?)?", fixed)
    if m:
        number = parse_decimal(m.group(1), raw=m.group(0).strip(), style=style)
        unit = (m.group(2) or "").strip()
        # An OCR repeat of the figure ("1.0 Lembaga 1.0 Lembaga") is not part of the unit.
        unit = re.split(rf"\s+{_NUM}", unit)[0].strip()
        first = f"{m.group(1)} {unit}".strip()
        return Volume(_mark_repaired(number, repaired), unit, first)
    return Volume(None, raw, raw)


def _mark_repaired(n: Number | None, repaired: bool) -> Number | None:
    if n is None or not repaired:
        return n
    return Number(n.value, n.decimals, n.raw, n.flags | {"ocr_repaired"}, n.doubt)


def decimals_of(text: str) -> int:
    """Number of printed decimals of the first number in ``text`` (0 when none)."""
    n = parse_decimal(text.strip().rstrip("%").strip())
    return n.decimals if n else 0
