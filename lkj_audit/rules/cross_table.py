"""Cross-table rules on output (RO) codes: one code, one name, one place in the budget.

DOMAIN.md §3.1: R-C01 code format ``kegiatan.KRO.RO``; R-C02 the same RO carries the same
name in every table; R-C03 every RO of the capaian tables exists in the budget and vice
versa (R-C04/R-C05, placement under kegiatan and program, are in ``cross_placement``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd
from rapidfuzz import fuzz

from lkj_audit.load.anggaran import RO_CODE_RE
from lkj_audit.load.numbers import repair_ocr
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.recompute.links import Occurrence
from lkj_audit.rules.registry import RuleContext, rule

_SAME_NAME = 70  # token_set_ratio below this: two different outputs, not a typo or OCR noise
_SHIFTED = 85  # ... at or above this with another code's name: the codes were shifted
_LOOSE_CODE_RE = re.compile(
    r"(?<![\w.,])(\d{3,5})\s*([.,]?)\s*([A-Za-z0-9]{2,4})\s*([.,]?)\s*(\d{1,4})(?![\w])"
)
_DIGITS_ONLY_RE = re.compile(r"^[\d.,' \u00a0\u2009\u202f]+(?:[.,]-)?$")
_AMOUNT_CELL_RE = re.compile(r"(?i)^\s*\(?\s*rp\.?\s*\d")
_STRICT_CODE_RE = re.compile(r"^\d{4}\.[A-Z]{3}\.\d{3}$")


_WHERE = {
    "anggaran": "tabel realisasi anggaran",
    "capaian": "tabel capaian kinerja",
    "pk": "tabel Perjanjian Kinerja",
}


def _is_amount_cell(cell: str) -> bool:
    """An amount, possibly with OCR confusables ("Rp. 24,558,3O6", "246.7l7"): not a code."""
    return bool(_AMOUNT_CELL_RE.match(cell) or _DIGITS_ONLY_RE.match(repair_ocr(cell)[0]))


@rule(
    code="XTB001",
    name="cross_table.ro_code_format",
    category=Category.CROSS_TABLE,
    severity=Severity.WARNING,
    severity_reason=("inconsistent: a malformed output code cannot be traced to the budget"),
    domain=("R-C01",),
    tables=("capaian", "anggaran", "pk"),
    tolerance="spaces around the dots are extraction noise and accepted",
)
def ro_code_format(ctx: RuleContext) -> Iterator[Finding]:
    """Every output code in the capaian, budget and PK tables has the form 1234.ABC.123.

    Why it matters: the RO code (kegiatan.KRO.RO) is how an output is traced from the PK to
    the capaian table to the DIPA; a malformed code ("6709.QGE.01", "6709.QG.001") cannot be
    matched and often hides a typing slip.
    Fails when: a table cell holds a code-like token (digits, a 2–4 character group with a
    letter, digits, separated by dots) that is not 4 digits, 3 capital letters, 3 digits.
    Passes when: every code-like token is a well-formed RO code.
    """
    for table in ctx.tables.raw:
        if table.kind not in {"capaian", "anggaran", "pk"}:
            continue
        for row in table.rows:
            # Cell by cell: digits of two amounts side by side ("10 058 | Rp. 6 788") or an
            # OCR-noisy amount ("24,558,3O6") are not a code.
            cells = [c for c in row.cells if not _is_amount_cell(c)]
            for m in (m for c in cells for m in _LOOSE_CODE_RE.finditer(c)):
                mid = m.group(3)
                if not re.search(r"[A-Za-z]", mid) or not (m.group(2) or m.group(4)):
                    continue
                code = m.group(0)
                if RO_CODE_RE.fullmatch(code.strip()) or _STRICT_CODE_RE.match(
                    re.sub(r"\s", "", code)
                ):
                    continue
                yield ctx.finding(
                    line=row.line,
                    table=table.id,
                    row=code,
                    column="kode",
                    stated=code,
                    expected="kegiatan.KRO.RO, mis. 1234.ABC.123",
                    message=(
                        f"Kode output '{code}' tidak berformat kegiatan.KRO.RO (4 angka, 3 huruf "
                        "kapital, 3 angka); periksa kodenya terhadap DIPA/RKA-K/L."
                    ),
                    evidence=row.evidence,
                )


def _shift_hint(occ: Occurrence, code: str, names: dict[str, list[Occurrence]]) -> str:
    """Name the other code whose budget name this occurrence carries (codes shifted)."""
    for other, occs in names.items():
        if other == code:
            continue
        for o in occs:
            if o.where == "anggaran" and fuzz.token_set_ratio(o.name, occ.name) >= _SHIFTED:
                return (
                    f" Nama ini di tabel realisasi anggaran dipakai untuk {other}; kemungkinan "
                    "kode dan nama output tergeser antarbaris."
                )
    return ""


@rule(
    code="XTB002",
    name="cross_table.ro_same_name",
    category=Category.CROSS_TABLE,
    severity=Severity.WARNING,
    severity_reason=("inconsistent: one output code names two outputs"),
    domain=("R-C02",),
    tables=("capaian", "anggaran", "pk"),
    tolerance=(
        f"fuzzy: token_set_ratio < {_SAME_NAME} (tolerates OCR noise, typos, short vs long names)"
    ),
)
def ro_same_name(ctx: RuleContext) -> Iterator[Finding]:
    """The same RO code carries the same output name in every table.

    Why it matters: when the capaian table names 6709.QGE.003 one output and the budget table
    another, the capaian is reported against the wrong budget (or the codes were shifted),
    and the efficiency analysis pairs the wrong figures.
    Fails when: an RO code's name in one table has a fuzzy token-set similarity below 70 with
    its name in the budget table (or, without a budget row, its first occurrence).
    Passes when: every occurrence of each code has a similar name.
    """
    names = ctx.figures.ros
    for code, occs in names.items():
        ref = occs[0]
        for occ in occs[1:]:
            if (
                not occ.name
                or not ref.name
                or fuzz.token_set_ratio(ref.name, occ.name) >= _SAME_NAME
            ):
                continue
            yield ctx.finding(
                line=occ.line,
                table=occ.table,
                row=code,
                column="nama output",
                stated=occ.raw,
                expected=ref.raw,
                message=(
                    f"Kode {code} di {_WHERE[occ.where]} bernama '{occ.raw}', sedangkan di "
                    f"{_WHERE[ref.where]} (baris {ref.line}) bernama '{ref.raw}'; satu kode harus "
                    f"menunjuk satu output yang sama.{_shift_hint(occ, code, names)}"
                ),
            )


def _budget_ro_codes(budget: pd.DataFrame) -> set[str]:
    return set(budget[budget.level == "ro"].kode.dropna())


@rule(
    code="XTB003",
    name="cross_table.capaian_ro_in_budget",
    category=Category.CROSS_TABLE,
    severity=Severity.WARNING,
    severity_reason=("inconsistent: an output reported without its budget row"),
    domain=("R-C03", "R-S05"),
    tables=("capaian", "anggaran"),
    tolerance="exact code",
)
def capaian_ro_in_budget(ctx: RuleContext) -> Iterator[Finding]:
    """Every RO cited in the capaian tables appears in the budget realisation table.

    Why it matters: an output whose capaian is reported but which has no budget line cannot be
    tied to the resources used (R-S05, efficiency); usually the code is wrong or the budget
    table is incomplete.
    Fails when: a capaian indicator cites an RO code that no budget RO row carries, while the
    budget details that kegiatan by RO or does not list the kegiatan at all.
    Passes when: every cited RO is in the budget, or the budget details its kegiatan only at
    kegiatan level (nothing to compare), or the report has no budget table.
    """
    budget = ctx.tables.anggaran
    if budget.empty:
        return
    ros = _budget_ro_codes(budget)
    seen: set[str] = set()
    for row in ctx.tables.capaian.itertuples():
        code = row.kode
        if not isinstance(code, str) or code in ros or code in seen:
            continue
        seen.add(code)
        keg = code[:4]
        siblings = sorted(c for c in ros if c.startswith(keg + "."))
        if siblings:
            why = f"kegiatan {keg} di tabel anggaran hanya memuat RO {', '.join(siblings)}"
        elif (budget.kegiatan == keg).any():
            continue  # kegiatan shown only as a whole: the RO cannot be checked
        else:
            why = f"kegiatan {keg} pun tidak ada di tabel realisasi anggaran"
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=code,
            column="kode",
            stated=code,
            message=(
                f"Indikator {code} dilaporkan capaiannya, tetapi RO ini tidak ada di tabel "
                f"realisasi anggaran ({why}); periksa kodenya atau lengkapi tabel anggaran."
            ),
            evidence=row.evidence,
        )


@rule(
    code="XTB004",
    name="cross_table.budget_ro_in_capaian",
    category=Category.CROSS_TABLE,
    severity=Severity.INFO,
    severity_reason=("hint: budget outputs without an indicator, listed once for the reviewer"),
    domain=("R-C03", "R-A7"),
    tables=("anggaran", "capaian"),
    tolerance="exact code",
)
def budget_ro_in_capaian(ctx: RuleContext) -> Iterator[Finding]:
    """Budget ROs without a capaian indicator are listed once for the reviewer.

    Why it matters: outputs that consume budget but whose performance is not reported weaken
    the link between resources and results; it is common (PK indicators sit at sasaran level),
    so the reviewer only needs the list.
    Fails when: the capaian tables cite RO codes and some budget RO codes are not among them
    (one finding for the whole report).
    Passes when: every budget RO has a capaian indicator, or the capaian tables cite no RO
    codes (indicators are not output-based).
    """
    cited = set(ctx.tables.capaian.kode.dropna())
    budget = ctx.tables.anggaran
    if not cited or budget.empty:
        return
    missing = budget[(budget.level == "ro") & ~budget.kode.isin(cited)].drop_duplicates("kode")
    if missing.empty:
        return
    first = next(missing.itertuples())
    codes = list(missing.kode)
    shown = ", ".join(codes[:12]) + (f" dan {len(codes) - 12} lainnya" if len(codes) > 12 else "")
    yield ctx.finding(
        line=first.line,
        table=first.table,
        row=first.kode,
        column="kode",
        stated=str(len(codes)),
        message=(
            f"{len(codes)} RO di tabel realisasi anggaran tidak memiliki indikator di tabel "
            f"capaian kinerja: {shown}. Pastikan capaian output yang dibiayai ini dilaporkan "
            "atau dijelaskan."
        ),
        evidence=first.evidence,
    )
