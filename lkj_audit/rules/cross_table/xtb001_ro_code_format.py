"""XTB001 ``cross_table.ro_code_format``.

Every output code in the capaian, budget and PK tables has the form 1234.ABC.123.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit.load.anggaran import RO_CODE_RE
from lkj_audit.load.numbers import repair_ocr
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule

_LOOSE_CODE_RE = re.compile(
    r"(?<![\w.,])(\d{3,5})\s*([.,]?)\s*([A-Za-z0-9]{2,4})\s*([.,]?)\s*(\d{1,4})(?![\w])"
)


_DIGITS_ONLY_RE = re.compile(r"^[\d.,' \u00a0\u2009\u202f]+(?:[.,]-)?$")


_AMOUNT_CELL_RE = re.compile(r"(?i)^\s*\(?\s*rp\.?\s*\d")


_STRICT_CODE_RE = re.compile(r"^\d{4}\.[A-Z]{3}\.\d{3}$")
_DIGITS3_RE = re.compile(r"\d{3}")
_LETTER_RE = re.compile(r"[A-Za-z]")


def _is_amount_cell(cell: str) -> bool:
    """An amount, possibly with OCR confusables ("Rp. 24,558,3O6", "246.7l7"): not a code.

    Its serapan printed under it ("417.40l.225,00 (89,31 %)", a wrapped cell) is no part of
    the amount.
    """
    bare = cell.split("(")[0].strip() or cell
    return bool(_AMOUNT_CELL_RE.match(bare) or _DIGITS_ONLY_RE.match(repair_ocr(bare)[0]))


def _code_like(cell: str) -> list[re.Match[str]]:
    """The code-like tokens of a cell that is not an amount.

    A token has a letter in its middle group and a dot or comma between two of its groups.
    """
    if not (_DIGITS3_RE.search(cell) and _LETTER_RE.search(cell)):
        return []  # a token opens with three digits or more (its first group)
    found = [
        m
        for m in _LOOSE_CODE_RE.finditer(cell)
        if _LETTER_RE.search(m.group(3)) and (m.group(2) or m.group(4))
    ]
    return found if found and not _is_amount_cell(cell) else []


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
            # A code needs a digit and a letter: other cells are skipped before the amount test.
            # The (OCR-repairing) amount test last: only for a cell with a code-like token.
            for m in (m for c in row.cells for m in _code_like(c)):
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
