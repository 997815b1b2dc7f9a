"""Text edits that turn the bundled report into another satker's synthetic report.

:func:`rename` replaces every place where the seed names its own satker (the name as the
cover prints it, OCR misspellings, names split across table cells, the capital in the
signature line) with the target satker, level word included (Kabupaten → Kota).

:func:`vary_numbers` makes the figures differ per satker, deterministically from a
``random.Random``: voter counts scaled to the target's population, one budget line's
realisation lowered *consistently* up its chain (RO → kegiatan → program → total, printed
percentages recomputed in the report's own style, the narrative serapan too), and now
and then one transposed digit, the typing slip the audit is built to catch. Each edit is
located with the project's own table readers; an edit that cannot be placed is skipped.
"""

from __future__ import annotations

import logging
import math
import random
import re
from fractions import Fraction
from typing import Any

from lkj_audit import recompute
from lkj_audit.load.satker import Satker

log = logging.getLogger(__name__)

_LEVEL_BEFORE = re.compile(r"\b(KABUPATEN|Kabupaten|kabupaten|Kab\.)(\s+)(?=(?i:ogan)\b)")
_FULL = re.compile(r"(?i)\bOgan\s+Kom\w*\s+I?lir\b")
_GARBLED = re.compile(r"\bKomering\s+Ilir\s+KPU\s+Kabupaten\s+Ogan\b")
_HEAD = re.compile(r"\bOgan\b")  # "…Kabupaten Ogan" at the end of a table cell
_TAIL = re.compile(r"\bKomering\s+I?lir\b ?")  # … and "Komering Ilir" in the next row
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
_ABSORPTION = re.compile(r"(?i)serap|nyerap")  # serapan, penyerapan (s → ny)


def region(satker: Satker) -> str:
    """``Aceh Selatan`` from ``KPU Kabupaten Aceh Selatan``."""
    return satker.nama.split(satker.level_word, 1)[-1].strip()


def _cased(word: str, like: str) -> str:
    return word.upper() if like.isupper() else word.lower() if like.islower() else word


def rename(text: str, target: Satker, capital: str = "Kayuagung") -> str:
    """The seed's satker (KPU Kabupaten Ogan Komering Ilir) replaced by ``target``."""
    name, level = region(target), target.level_word
    text = _GARBLED.sub(f"KPU {level} {name}", text)
    text = _LEVEL_BEFORE.sub(lambda m: _cased(level, m.group(1)) + m.group(2), text)
    text = _FULL.sub(lambda m: name.upper() if m.group(0).isupper() else name, text)
    text = _HEAD.sub(name, text)
    text = _TAIL.sub("", text)
    return re.sub(rf"\b{re.escape(capital)}\b", name, text)


# --- numbers in the report's own style ----------------------------------------------------


def _format_like(raw: str, digits: str, decimals: int = 0) -> str:
    """``digits`` put into the number of ``raw``: same separators, prefix and suffix."""
    m = _NUMBER.search(raw)
    if not m:
        return raw
    token = m.group(0)
    if sum(c.isdigit() for c in token) == len(digits):
        it = iter(digits)
        new = "".join(next(it) if c.isdigit() else c for c in token)
    else:
        int_part, frac = (digits[:-decimals], digits[-decimals:]) if decimals else (digits, "")
        seps = [c for c in token if not c.isdigit()]
        dec_sep = seps[-1] if decimals and seps else "."
        group = next((c for c in seps[:-1] if c != dec_sep), None) if decimals else (
            seps[0] if seps else None)
        int_part = int_part or "0"
        if group:
            int_part = f"{int(int_part):,}".replace(",", group)
        new = int_part + (dec_sep + frac if decimals else "")
    return raw[: m.start()] + new + raw[m.end():]


def format_amount(raw: str, value: int) -> str:
    """Rupiah or a count, written like ``raw`` (``112,500,108.073`` stays that shape)."""
    return _format_like(raw, str(max(0, value)))


def format_percent(raw: str, value: Fraction, decimals: int) -> str:
    """A percentage rounded to ``decimals``, written like ``raw`` (``(97,82%)``)."""
    scaled = math.floor(value * 10**decimals + Fraction(1, 2))
    return _format_like(raw, str(max(0, scaled)).rjust(decimals + 1, "0"), decimals)


def _replace_near(lines: list[str], line: int, old: str, new: str, span: int = 6) -> int | None:
    """Replace the first whole-number ``old`` on lines ``line..line+span``; its line index."""
    pattern = re.compile(rf"(?<![\d.,]){re.escape(old)}(?![\d])")
    for i in range(max(0, line - 1), min(len(lines), line - 1 + span)):
        if pattern.search(lines[i]):
            lines[i] = pattern.sub(new.replace("\\", r"\\"), lines[i], count=1)
            return i
    return None


# --- the variations ------------------------------------------------------------------------


def vary_numbers(text: str, rng: random.Random, seed_satker: Satker, target: Satker) -> str:
    """Apply the deterministic variations; each one is skipped if it cannot be placed."""
    from lkj_audit.load import anggaran, pemilih
    from lkj_audit.load.text_reader import read_text

    lines = text.split("\n")
    doc = read_text(text, source="<synth>")
    for name, edit in (("voters", _voters), ("budget", _budget), ("slip", _slip)):
        try:
            frame = (pemilih.load(doc) if name == "voters" else anggaran.load(doc)).frame()
            edit(lines, frame, rng, seed_satker, target)
        except Exception as exc:  # noqa: BLE001 - a variation is optional, never fatal
            log.debug("synthetic %s variation skipped: %s", name, exc)
    return "\n".join(lines)


def _voters(lines: list[str], df: Any, rng: random.Random, seed_sk: Satker, target: Satker) -> None:
    factor = Fraction(target.penduduk_total, seed_sk.penduduk_total) * Fraction(
        rng.randint(950, 1050), 1000)
    for row in df.itertuples():
        lk, pr, total = int(row.lk), int(row.pr), int(row.jumlah)
        new_lk, new_pr = round(lk * factor), round(pr * factor)
        new_total = new_lk + new_pr + (total - lk - pr)  # keeps the seed's own slips
        for raw, value in ((row.lk_raw, new_lk), (row.pr_raw, new_pr), (row.jumlah_raw, new_total)):
            _replace_near(lines, int(row.line), raw, format_amount(raw, value), span=1)


def _agrees(row: Any) -> bool:
    if not row.pct_raw or math.isnan(row.pct) or not row.pagu or math.isnan(row.realisasi):
        return False
    printed = recompute.exact(row.pct, int(row.pct_dec))
    computed = recompute.percent(Fraction(int(row.realisasi)), Fraction(int(row.pagu)))
    return printed is not None and computed is not None and recompute.agrees(
        printed, int(row.pct_dec), computed)


def _budget(lines: list[str], df: Any, rng: random.Random, *_: Satker) -> None:
    """Lower one clean line's realisation by 1-20 % and carry it up to the total."""
    leaves = df[(df.level == "ro") | ((df.level == "kegiatan") & ~df.kegiatan.isin(
        df[df.level == "ro"].kegiatan))]
    clean = [r for r in leaves.itertuples() if _agrees(r) and r.realisasi >= 1_000_000]
    if not clean:
        return
    # Large lines are picked more often, so the total serapan visibly differs per satker.
    leaf = rng.choices(clean, weights=[r.realisasi for r in clean])[0]
    cut = int(leaf.realisasi * rng.uniform(0.01, 0.20))
    chain = [leaf] + [
        r for r in df.itertuples() if r.Index != leaf.Index and (
            (r.level == "kegiatan" and r.kegiatan == leaf.kegiatan)
            or (r.level == "program" and r.program == leaf.program) or r.level == "total")
    ]
    for row in chain:
        if math.isnan(row.realisasi) or not row.pagu:
            continue
        new_real = int(row.realisasi) - cut
        old_pct = recompute.percent(Fraction(int(row.realisasi)), Fraction(int(row.pagu)))
        new_pct = recompute.percent(Fraction(new_real), Fraction(int(row.pagu)))
        at = _replace_near(lines, int(row.line), row.realisasi_raw,
                           format_amount(row.realisasi_raw, new_real))
        if at is None or not row.pct_raw or old_pct is None or new_pct is None:
            continue
        printed = recompute.exact(row.pct, int(row.pct_dec))
        if printed is None:
            continue
        shown = new_pct if _agrees(row) else printed - (old_pct - new_pct)
        new_raw = format_percent(row.pct_raw, shown, int(row.pct_dec))
        _replace_near(lines, at + 1, row.pct_raw, new_raw)
        if row.level == "total":
            _narrative_serapan(lines, printed, shown, int(row.pct_dec))


def _narrative_serapan(lines: list[str], old: Fraction, new: Fraction, decimals: int) -> None:
    """The closing chapter repeats the total absorption ("penyerapan anggaran sebesar 99.61%")."""
    number = re.escape(f"{float(old):.{decimals}f}").replace(r"\.", "[.,]")
    pattern = re.compile(r"(?<![\d.,])" + number + r"(?=\s*%)")
    for i, line in enumerate(lines):
        if _ABSORPTION.search(line) and "\t" not in line:
            lines[i] = pattern.sub(lambda m: format_percent(m.group(0), new, decimals), line)


def _slip(lines: list[str], df: Any, rng: random.Random, *_: Satker) -> None:
    """Every other report gets one transposed pair of digits in an RO's realisation."""
    if rng.random() < 0.5:
        return
    rows = [r for r in df[df.level == "ro"].itertuples()
            if isinstance(r.realisasi_raw, str) and sum(c.isdigit() for c in r.realisasi_raw) >= 5]
    if not rows:
        return
    row = rng.choice(rows)
    digits = [c for c in row.realisasi_raw if c.isdigit()]
    pairs = [i for i in range(1, len(digits) - 1) if digits[i] != digits[i + 1]]
    if not pairs:
        return
    i = rng.choice(pairs)
    digits[i], digits[i + 1] = digits[i + 1], digits[i]
    _replace_near(lines, int(row.line), row.realisasi_raw,
                  format_amount(row.realisasi_raw, int("".join(digits))))


# --- an earlier year of the same satker ----------------------------------------------------

# A year standing alone (not one end of a range such as "2020-2024" or "2010–2025").
_LONE_YEAR = re.compile(r"(?<![\d\-–/])(20\d\d)(?![\d\-–])")


def earlier_year(text: str, year: int, back: int = 1) -> str:
    """The report moved ``back`` years earlier: every lone year near ``year`` shifts with it.

    Years from ``year - 2`` to ``year + 1`` (the reporting year, the one it compares with,
    the signature date) move; periods (Renstra ``2020-2024``) and older history stay.
    """

    def shift(m: re.Match[str]) -> str:
        y = int(m.group(1))
        return str(y - back) if year - 2 <= y <= year + 1 else m.group(1)

    return _LONE_YEAR.sub(shift, text)
