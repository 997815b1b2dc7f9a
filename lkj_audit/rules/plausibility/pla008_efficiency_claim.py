"""PLA008 ``plausibility.efficiency_claim``.

Efficiency is claimed only where capaian is at least 100% and serapan below 100%.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lkj_audit import numfmt
from lkj_audit.load import columns as col
from lkj_audit.load.document import TableRow
from lkj_audit.load.mentions.figures import percentages_in
from lkj_audit.load.mentions.gate import gated
from lkj_audit.load.numbers import parse_decimal
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.registry import RuleContext, rule

_EFISIEN_RE = gated(r"(?i)\befisien\b")


_NEGATION_RE = re.compile(r"(?i)\b(tidak|kurang|belum|bukan)\b[^.;]{0,25}$")


# The words a percentage follows ("capaian kinerja sebesar 95%", "serapan anggaran: 101%").
_BEFORE_PCT = r"(?:\s+(?:sebesar|mencapai|adalah|yaitu))?\s*:?\s*$"


_CAPAIAN_BEFORE_RE = re.compile(r"(?i)\bcapaian(?:\s+kinerja)?" + _BEFORE_PCT)


_SERAPAN_BEFORE_RE = re.compile(r"(?i)\b(?:serapan|penyerapan|realisasi)\s+anggaran" + _BEFORE_PCT)


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
    states a capaian below 100% or a budget serapan of 100% or more; or a row of an
    efficiency table (a header naming efisiensi, a capaian column and a serapan/anggaran
    column) is labelled "Efisien" with a capaian below 100% or a serapan of 100% or more
    and a capaian below its serapan (efficient by neither reading).
    Passes when: efficiency sentences and rows quote capaian ≥ 100% and serapan < 100%, or
    none exist.
    """
    yield from _table_claims(ctx)
    for block in ctx.doc.mentions.blocks_in(None):
        if not _EFISIEN_RE.possible(block.text):
            continue  # no sentence of it claims efficiency (it is not split)
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


_EFISIEN_CELL_RE = re.compile(r"(?i)^\s*efisien\s*$")


def _table_claims(ctx: RuleContext) -> Iterator[Finding]:
    """Rows of an efficiency table labelled "Efisien" whose capaian or serapan says otherwise.

    "Capaian Kinerja (%) | Serapan Anggaran (%) | Tingkat Efisiensi | Keterangan".
    """
    for table in ctx.doc.tables:
        if "efisien" not in table.header_text or table.uncertain:
            continue
        labels = col.labels(table)
        cap = [j for j, lab in enumerate(labels) if "capaian" in lab]
        ser = [j for j, lab in enumerate(labels) if re.search(r"serapan|anggaran", lab)]
        cap = [j for j in cap if j not in ser]
        if len(cap) != 1 or len(ser) != 1:
            continue  # which column is which is not certain
        for row in table.rows:
            problems = _row_problems(row, cap[0], ser[0])
            if not problems:
                continue
            cited = ", ".join(f"{what} {numfmt.quoted(raw)}" for what, raw in problems)
            yield ctx.finding(
                line=row.cited_line,
                table=table.id,
                row=row.cells[1] if len(row.cells) > 1 else None,
                stated=", ".join(f"{what} {raw}" for what, raw in problems),
                expected="capaian ≥ 100% dan serapan < 100%",
                message=(
                    f'Baris tabel efisiensi dinyatakan "Efisien" dengan {cited}: capaian di '
                    "bawah serapannya (rasio capaian/serapan < 1) dan tidak memenuhi syarat "
                    "capaian kinerja ≥ 100% dengan serapan anggaran < 100%. Tinjau kembali "
                    "keterangan baris ini."
                ),
                evidence=row.evidence,
            )


def _row_problems(row: TableRow, cap: int, ser: int) -> list[tuple[str, str]]:
    """The capaian and serapan of a row labelled "Efisien" that is efficient by no reading.

    Below target (or with the budget fully spent) and a capaian below its serapan: neither
    the KKE answer key's reading nor the ratio capaian / serapan ≥ 1 (DOMAIN §2.4) makes it
    efficient. A row efficient by the ratio alone (96,88 against 94,79) is left to the
    reviewer: the report states its method.
    """
    if not any(_EFISIEN_CELL_RE.match(c) for c in row.cells) or max(cap, ser) >= len(row.cells):
        return []
    got = []
    for j in (cap, ser):
        raw = row.cells[j].strip()
        n = parse_decimal(raw.rstrip("% "), raw=raw)
        if n is None or n.decimals > 2:
            return []  # a cell that is no single percentage: the row is not read with certainty
        got.append((raw, n.value))
    (cap_raw, cap_v), (ser_raw, ser_v) = got
    if cap_v >= ser_v or (cap_v >= 100 and ser_v < 100):
        return []
    return [("capaian", cap_raw), ("serapan", ser_raw)]
