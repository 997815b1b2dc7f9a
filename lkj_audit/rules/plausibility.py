"""Plausibility of units, the rating scale and efficiency figures (DOMAIN.md §1.4, §2.3, §2.4).

Checks R-V09 (indicator units: a "Persentase …" indicator measured in Laporan, target and
realisasi in different units), R-K01 (the report's own rating scale covers every capaian
without gaps or overlaps at the printed precision) and R-E01/R-E02 (efficiency claims and
figures within their range). Voter and staff plausibility live in ``plausibility_voters`` and
``plausibility_staff``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from rapidfuzz import fuzz

from lkj_audit import numfmt
from lkj_audit.load import columns as col
from lkj_audit.load.mentions.figures import percentages_in
from lkj_audit.load.numbers import find_percents, parse_volume
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.common import label
from lkj_audit.rules.registry import RuleContext, rule

_PERCENT_WORDING = re.compile(r"(?i)^\W*(persentase|prosentase|presentase|persen)\b")
_COUNT_WORDING = re.compile(r"(?i)^\W*(jumlah|banyaknya)\b")
_QUALITATIVE = re.compile(r"(?i)^(WTP|WDP|TMP|TW|tepat\s+waktu|sangat\s+baik|baik|AA|BB|CC|[ABC])$")
_OCR_UNIT_SCORE = 75.0  # two unit words this alike are one word misread (Lavanan / Layanan)


def _target_kind(raw: str) -> str | None:
    """'%', 'count' (number + unit word), 'qualitative' (WTP…), or None (bare number, empty)."""
    vol = parse_volume(raw or "")
    if vol is None:
        return None
    if vol.is_percent:
        return "%"
    if vol.number is None:
        return "qualitative" if _QUALITATIVE.match(raw.strip()) else None
    return "count" if re.match(r"[A-Za-z]{2,}", vol.unit) else None


def _wording_problem(indikator: str, raw: str) -> str | None:
    kind = _target_kind(raw)
    if _PERCENT_WORDING.match(indikator) and kind in ("count", "qualitative"):
        what = "jumlah dengan satuan" if kind == "count" else "nilai kualitatif"
        return f"indikator berbentuk persentase, tetapi targetnya {what} {numfmt.quoted(raw)}"
    if _COUNT_WORDING.match(indikator) and kind in ("%", "qualitative"):
        what = "persentase" if kind == "%" else "nilai kualitatif"
        return f"indikator berbentuk jumlah, tetapi targetnya {what} {numfmt.quoted(raw)}"
    return None


def _indicator_rows(ctx: RuleContext) -> Iterator[tuple[Any, str, str]]:
    """(row, table kind word, target/realisasi text) for PK/RKT and capaian indicators."""
    pk = getattr(ctx.tables, "pk", None)
    if pk is not None:
        for row in pk.itertuples():
            yield row, "PK/RKT", row.target_raw
    for row in ctx.tables.capaian.itertuples():
        yield row, "capaian", row.target_raw
        yield row, "capaian", row.realisasi_raw


@rule(
    code="PLA001",
    name="plausibility.indicator_unit_wording",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    severity_reason=("inconsistent: the indicator's wording and its target's unit disagree"),
    domain=("R-V09",),
    tables=("pk", "capaian"),
)
def indicator_unit_wording(ctx: RuleContext) -> Iterator[Finding]:
    """An indicator worded as a percentage has a % target; one worded as a count has a count.

    Why it matters: "Persentase dokumen RPD tepat waktu" with a target of "4 Kali", or
    "Jumlah laporan" with a target of "WTP", cannot be measured as written: capaian is then
    computed on an undefined scale and the PK is not measurable.
    Fails when: an indicator starting with "Persentase" has a target or realisasi that is a
    count with a unit (Laporan, Dokumen, Kali…) or a qualitative value (WTP), or one starting
    with "Jumlah" has a percentage or qualitative target, in a PK/RKT or capaian table.
    Passes when: wording and units agree, or the target is a bare number or unreadable.
    """
    seen: set[tuple[int, str]] = set()
    for row, where, raw in _indicator_rows(ctx):
        problem = _wording_problem(str(row.indikator), str(raw or ""))
        if problem is None or (row.line, raw) in seen:
            continue
        seen.add((row.line, raw))
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=label(row),
            column="target",
            stated=raw,
            message=(
                f'Indikator {where} "{label(row)}": {problem}. Samakan rumusan indikator '
                "dengan satuan targetnya."
            ),
            evidence=row.evidence,
        )


def _unit_key(unit: str) -> str:
    return re.sub(r"[^a-z%]", "", unit.lower())


@rule(
    code="PLA002",
    name="plausibility.target_realisasi_unit",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    severity_reason=(
        "inconsistent: target and realisasi in different units; cosmetic: units that differ by "
        "one misread letter"
    ),
    domain=("R-V09", "R-A1"),
    tables=("capaian",),
    tolerance="unit words ≥ 75/100 alike (or one an abbreviation of the other) are one unit",
)
def target_realisasi_unit(ctx: RuleContext) -> Iterator[Finding]:
    """Target and realisasi of an indicator are in the same unit.

    Why it matters: capaian divides realisasi by target; "1 Laporan" against "1 Lembaga" (or
    a % against a count) compares different things, so the printed capaian means nothing.
    Fails when: the unit of the target differs from the unit of the realisasi. Units that
    differ only by a misread letter ("Lavanan" / "Layanan") are info: a typo to correct.
    Passes when: both are in the same unit (an abbreviation such as "Lap" for "Laporan" is
    the same unit), or one of them has no unit.
    """
    for row in ctx.tables.capaian.itertuples():
        t, r = _unit_key(row.target_unit), _unit_key(row.realisasi_unit)
        if (
            not t
            or not r
            or t == r
            or (min(len(t), len(r)) >= 3 and (t.startswith(r) or r.startswith(t)))
        ):
            continue
        ocr = "%" not in (t + r) and fuzz.ratio(t, r) >= _OCR_UNIT_SCORE
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=label(row),
            column="satuan",
            stated=f"{row.target_raw} / {row.realisasi_raw}",
            expected=row.realisasi_unit if ocr else None,
            severity=Severity.INFO if ocr else None,
            message=(
                f'Indikator {label(row)}: target bersatuan "{row.target_unit}" tetapi realisasi '
                f'"{row.realisasi_unit}". '
                + (
                    "Tampaknya salah ketik satu satuan; perbaiki penulisannya."
                    if ocr
                    else "Target dan realisasi harus dalam satuan yang sama agar capaian "
                    "dapat dihitung."
                )
            ),
            evidence=row.evidence,
        )


def _exact(x: float) -> Fraction | None:
    return None if math.isinf(x) else Fraction(str(x))


def _precision(ctx: RuleContext, bands: Any) -> int:
    """Decimals the capaian are printed with (at least the scale's own), 2 when unknown."""
    cap = ctx.tables.capaian
    printed = int(cap.capaian_dec.max()) if len(cap) else 2
    return max([printed, *(int(d) for d in bands.decimals)])


def _pct(value: Fraction | None) -> str:
    return "∞" if value is None else numfmt.pct(value, 2 if value.denominator != 1 else 0)


_Problem = tuple[Any, str, Severity | None]
_UNCOVERED = "tidak termasuk kategori mana pun"


def _between(a: Any, b: Any, step: Fraction) -> _Problem | None:
    """A gap or an overlap between band ``a`` and the next band ``b``."""
    names = f'"{a.rentang_raw}" ({a.kategori}) dan "{b.rentang_raw}" ({b.kategori})'
    u, lo = _exact(a.upper), _exact(b.lower)
    if u is None or lo is None:
        return b, f"rentang {names} tumpang tindih: yang pertama tidak berbatas atas", None
    first_free = (u // step + 1) * step if a.upper_inclusive or u % step else u
    if first_free < lo or (first_free == lo and not b.lower_inclusive):
        example = numfmt.pct((u + lo) / 2, 2)
        return b, f"ada celah antara {names}: capaian seperti {example} {_UNCOVERED}", None
    if u > lo or (u == lo and a.upper_inclusive and b.lower_inclusive):
        return b, f"rentang {names} tumpang tindih: capaian {_pct(lo)} masuk dua kategori", None
    return None


def _ends(ctx: RuleContext, bands: list[Any]) -> Iterator[_Problem]:
    """Values below the lowest band or above the highest one."""
    first, last = bands[0], bands[-1]
    low, top = _exact(first.lower), _exact(last.upper)
    if low is not None and (low > 0 or (low == 0 and not first.lower_inclusive)):
        yield first, f"capaian di bawah {_pct(low)} {_UNCOVERED}", None
    if top is not None:
        cap = ctx.tables.capaian
        above = [
            r.capaian_raw
            for r in cap[cap.capaian.notna()].itertuples()
            if Fraction(str(r.capaian)) > top
        ]
        printed = f" (laporan mencetak capaian {numfmt.quoted(above[0])})" if above else ""
        severity = Severity.WARNING if above else Severity.INFO
        yield last, f"capaian di atas {_pct(top)} {_UNCOVERED}{printed}", severity


@rule(
    code="PLA003",
    name="plausibility.scale_bands",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    severity_reason=(
        "inconsistent: the scale leaves a capaian without category or gives it two; hint: a top "
        "band ending at a finite bound that no printed capaian exceeds"
    ),
    domain=("R-K01",),
    tables=("skala",),
    tolerance="gaps judged at the decimals the capaian are printed with (2 when unknown)",
)
def scale_bands(ctx: RuleContext) -> Iterator[Finding]:
    """The report's rating scale gives every capaian exactly one category.

    Why it matters: with "55 % - 75 %" and "76 % - 100 %" a capaian of 75,50% has no
    category, and with "55 - 75" and "75 - 100" a capaian of 75% has two; the category
    printed for such a capaian cannot be checked.
    Fails when: consecutive bands leave a value printable at the report's capaian precision
    uncovered, or share a value; or the lowest band starts above 0. A top band ending at a
    finite bound (e.g. 100) is info, a warning when a printed capaian lies above it.
    Passes when: the bands cover [0, ∞) without gaps or overlaps.
    """
    for _, table in ctx.tables.skala.groupby("table", sort=False):
        bands = sorted(table.itertuples(), key=lambda b: (b.lower, b.upper))
        step = Fraction(1, 10 ** _precision(ctx, table))
        pairs = (_between(a, b, step) for a, b in zip(bands, bands[1:], strict=False))
        problems = [p for p in pairs if p is not None] + list(_ends(ctx, bands))
        for band, text, severity in sorted(problems, key=lambda p: int(p[0].line)):
            yield ctx.finding(
                line=band.line,
                table=band.table,
                row=band.kategori,
                column="rentang capaian",
                stated=band.rentang_raw,
                severity=severity,
                message=f"Skala penilaian capaian: {text}. Perbaiki batas rentangnya.",
                evidence=band.evidence,
            )


_NE_RE = re.compile(r"(?i)\bnilai\s+efisiensi\b")
_NE_COLUMN_RE = r"nilai\s+efisiensi|^\s*ne\s*$|\(ne\)"
_EFISIEN_RE = re.compile(r"(?i)\befisien\b")
_NEGATION_RE = re.compile(r"(?i)\b(tidak|kurang|belum|bukan)\b[^.;]{0,25}$")
# The words a percentage follows ("capaian kinerja sebesar 95%", "serapan anggaran: 101%").
_BEFORE_PCT = r"(?:\s+(?:sebesar|mencapai|adalah|yaitu))?\s*:?\s*$"
_CAPAIAN_BEFORE_RE = re.compile(r"(?i)\bcapaian(?:\s+kinerja)?" + _BEFORE_PCT)
_SERAPAN_BEFORE_RE = re.compile(r"(?i)\b(?:serapan|penyerapan|realisasi)\s+anggaran" + _BEFORE_PCT)


@rule(
    code="PLA007",
    name="plausibility.efficiency_range",
    category=Category.PLAUSIBILITY,
    severity=Severity.ERROR,
    severity_reason=("disproved: the Nilai Efisiensi formula bounds the value to 0-100%"),
    domain=("R-E02", "R-A6"),
)
def efficiency_range(ctx: RuleContext) -> Iterator[Finding]:
    """A printed Nilai Efisiensi lies within 0–100%.

    Why it matters: the Nilai Efisiensi of PMK 249/2011 (and its successors) is 50% + E/20 ×
    50% with E bounded to ±20%, so it cannot leave 0–100%; a printed "Nilai efisiensi 235%"
    applied the formula without its bound and overstates efficiency.
    Fails when: a sentence or table row naming the Nilai Efisiensi (NE) prints a percentage
    above 100% or below 0%.
    Passes when: every Nilai Efisiensi printed is within 0–100%, or none is printed.
    """
    for line, raw in _efficiency_values(ctx):
        for pct in find_percents(raw)[:1]:
            if 0 <= pct.value <= 100:
                continue
            yield ctx.finding(
                line=line,
                column="nilai efisiensi",
                stated=pct.raw,
                expected="0% – 100%",
                message=(
                    f"Nilai efisiensi tertulis {numfmt.quoted(pct.raw)}, padahal menurut rumusnya "
                    "nilai efisiensi "
                    "berada antara 0% dan 100%. Hitung ulang dengan batas efisiensi ±20%."
                ),
            )


def _efficiency_values(ctx: RuleContext) -> Iterator[tuple[int, str]]:
    """(line, text after the words) for sentences and table cells giving a Nilai Efisiensi."""
    table_lines: set[int] = set()
    for table in ctx.tables.raw:
        j = col.find(table, _NE_COLUMN_RE)
        if j is None:
            continue
        for row in table.rows:
            table_lines.update(row.lines)
            yield row.line, col.cell(row.cells, j)
    for i, text in enumerate(ctx.doc.lines, 1):
        m = _NE_RE.search(text)
        if m and i not in table_lines:
            yield i, text[m.end() :]


@rule(
    code="PLA008",
    name="plausibility.efficiency_claim",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    severity_reason=(
        "unproven: efficiency is defined in several ways; the KKE answer key's reading is applied"
    ),
    domain=("R-E01", "R-A6"),
)
def efficiency_claim(ctx: RuleContext) -> Iterator[Finding]:
    """Efficiency is claimed only where capaian is at least 100% and serapan below 100%.

    Why it matters: unspent budget is efficiency only when the target was met (PermenPANRB
    88/2021 practice): an indicator at 90% capaian that "saved" budget simply did less; and
    with the whole budget spent there is nothing saved.
    Fails when: a sentence calls the use of resources "efisien" and, in the same sentence,
    states a capaian below 100% or a budget serapan of 100% or more.
    Passes when: efficiency sentences quote capaian ≥ 100% and serapan < 100%, or none exist.
    """
    for block in ctx.doc.blocks_in(None):
        for sentence in (s.text for s in ctx.doc.mentions.block_sentences(block)):
            problems = _claim_problems(sentence)
            if not problems:
                continue
            listed = ", ".join(f"{what} {raw}" for what, raw in problems)
            cited = ", ".join(f"{what} {numfmt.quoted(raw)}" for what, raw in problems)
            yield ctx.finding(
                line=block.line,
                stated=listed,
                expected="capaian ≥ 100% dan serapan < 100%",
                message=(
                    f"Kalimat menyatakan penggunaan sumber daya efisien dengan {cited}; "
                    "efisiensi hanya dapat diklaim bila capaian kinerja ≥ 100% dan serapan "
                    "anggaran < 100%. Tinjau kembali analisis efisiensinya."
                ),
                evidence=sentence.strip(),
            )


def _claim_problems(sentence: str) -> list[tuple[str, str]]:
    """Capaian < 100% and serapan ≥ 100% quoted in a sentence that claims efficiency."""
    claims = _EFISIEN_RE.finditer(sentence)
    if not any(not _NEGATION_RE.search(sentence[: m.start()]) for m in claims):
        return []  # no efficiency claimed ("tidak/belum … efisien" is no claim)
    quoted = [p for p in percentages_in(sentence) if p.marks <= 1]
    low = [
        ("capaian", f"{p.number}%")
        for p in quoted
        if _CAPAIAN_BEFORE_RE.search(sentence[: p.start]) and p.point_value < 100
    ]
    full = [
        ("serapan", f"{p.number}%")
        for p in quoted
        if _SERAPAN_BEFORE_RE.search(sentence[: p.start]) and p.point_value >= 100
    ]
    return low + full
