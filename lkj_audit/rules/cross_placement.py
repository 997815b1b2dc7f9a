"""Cross-table rules on where outputs and indicators are placed, and on what they cost.

DOMAIN.md §3.1 R-C04 (an RO is listed under its own kegiatan), R-C05 (a kegiatan sits in its
program: WA Dukungan Manajemen for 3355/3360/6634 and EBA–EBD outputs, CQ Penyelenggaraan
Pemilu for QGE outputs; map configurable with ``options['program_of_kegiatan']``), one
indicator per sasaran, and capaian vs serapan of the same RO (§2.4: an output "achieved"
without any budget spent needs an explanation).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from rapidfuzz import fuzz

from lkj_audit import numfmt
from lkj_audit.load.document import RawTable
from lkj_audit.load.schema import table_rows
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules._figures import (
    capaian_rows,
    printed_capaian,
    recomputed_capaian,
    ro_name,
    sasaran_key,
)
from lkj_audit.rules.common import label, val
from lkj_audit.rules.registry import RuleContext, rule

_KEGIATAN_HEAD_RE = re.compile(r"\bKegiatan\s+(\d{4})\b", re.I)
_MANAGEMENT_KRO = ("EBA", "EBB", "EBC", "EBD")
_ELECTION_KRO = ("QGE",)
DEFAULT_PROGRAM_OF_KEGIATAN = {"3355": "WA", "3360": "WA", "6634": "WA"}
_PROGRAM_NAMES = {"WA": "Dukungan Manajemen", "CQ": "Penyelenggaraan Pemilu"}
_PROGRAM_CODE_RE = re.compile(r"\b\d{3}\.\d{2}\.(WA|CQ)\b")
_LOW_SERAPAN = Fraction(1)  # percent: below this the output was in effect not financed


def _header_kegiatan(table: RawTable) -> str | None:
    """The one kegiatan code named by the line that introduces a budget table."""
    codes = set(_KEGIATAN_HEAD_RE.findall(table.caption))
    return codes.pop() if len(codes) == 1 else None


@rule(
    code="XTB005",
    name="cross_table.ro_under_its_kegiatan",
    category=Category.CROSS_TABLE,
    severity=Severity.WARNING,
    severity_reason=("inconsistent: an RO listed under another kegiatan than its code's"),
    domain=("R-C04",),
    tables=("anggaran",),
    tolerance="exact code",
)
def ro_under_its_kegiatan(ctx: RuleContext) -> Iterator[Finding]:
    """Each budget RO is listed under the kegiatan its code belongs to.

    Why it matters: the first four digits of an RO code are its kegiatan; an RO listed under
    another kegiatan's header (or kegiatan row) makes that kegiatan's total wrong or reveals
    a wrong code.
    Fails when: an RO row's kegiatan prefix differs from the kegiatan named by the heading
    that introduces its table ("Kegiatan 6709 (…)") or by the kegiatan row above it.
    Passes when: every RO row sits under its own kegiatan, or no kegiatan is named.
    """
    budget = ctx.tables.anggaran
    for table_id, rows in budget.groupby("table", sort=False):
        raw = ctx.tables.raw_table(str(table_id))
        current = _header_kegiatan(raw) if raw is not None else None
        source = "judul tabel" if current else ""
        for row in rows.itertuples():
            if (
                row.level == "kegiatan"
                and isinstance(row.kode, str)
                and re.fullmatch(r"\d{4}", row.kode)
            ):
                current, source = row.kode, f"baris kegiatan {row.line}"
            elif row.level != "ro" or current is None or row.kode.startswith(current + "."):
                continue
            else:
                yield ctx.finding(
                    line=row.line,
                    table=row.table,
                    row=row.kode,
                    column="kode",
                    stated=row.kode,
                    expected=f"{current}.…",
                    message=(
                        f"RO {row.kode} dicantumkan di bawah Kegiatan {current} ({source}), "
                        "padahal "
                        f"kodenya menunjukkan kegiatan {row.kode[:4]}; periksa kode RO atau "
                        "penempatannya."
                    ),
                    evidence=row.evidence,
                )


def _program_kind(name: str) -> str | None:
    m = _PROGRAM_CODE_RE.search(name or "")
    if m:
        return m.group(1)
    for kind, label_ in _PROGRAM_NAMES.items():
        if fuzz.partial_ratio(label_.lower(), (name or "").lower()) >= 85:
            return kind
    return None


def _expected_program(row: Any, mapping: dict[str, str]) -> str | None:
    kode = row.kode if isinstance(row.kode, str) else ""
    keg = kode[:4] if kode else (row.kegiatan if isinstance(row.kegiatan, str) else "")
    if keg in mapping:
        return mapping[keg]
    kro = kode[5:8] if row.level == "ro" else ""
    if kro in _MANAGEMENT_KRO:
        return "WA"
    if kro in _ELECTION_KRO:
        return "CQ"
    return None


@rule(
    code="XTB006",
    name="cross_table.kegiatan_in_its_program",
    category=Category.CROSS_TABLE,
    severity=Severity.WARNING,
    severity_reason=("inconsistent: a kegiatan listed under another program than its own"),
    domain=("R-C05",),
    tables=("anggaran",),
    tolerance="program recognised by code (076.01.WA/CQ) or name (fuzzy ≥ 85)",
)
def kegiatan_in_its_program(ctx: RuleContext) -> Iterator[Finding]:
    """Each kegiatan and RO is listed under the program it belongs to (WA or CQ).

    Why it matters: management kegiatan (gaji, operasional, layanan data: 3355, 3360, 6634,
    outputs EBA–EBD) belong to Program Dukungan Manajemen (WA) and election outputs (QGE) to
    Program Penyelenggaraan Pemilu (CQ); a row under the other program misstates both totals.
    Fails when: a budget row's program is recognisable and differs from the program its
    kegiatan (configurable map) or KRO implies.
    Passes when: every recognisable row is under its program.
    """
    mapping = {**DEFAULT_PROGRAM_OF_KEGIATAN, **ctx.options.get("program_of_kegiatan", {})}
    budget = ctx.tables.anggaran
    for row in budget[budget.level.isin(["kegiatan", "ro"])].itertuples():
        actual = _program_kind(row.program) if isinstance(row.program, str) else None
        expected = _expected_program(row, mapping)
        if actual is None or expected is None or actual == expected:
            continue
        what = f"Kegiatan {row.kode} ({row.uraian})" if row.level == "kegiatan" else label(row)
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=label(row),
            column="program",
            stated=row.program,
            expected=f"Program {_PROGRAM_NAMES[expected]} ({expected})",
            message=(
                f"{what} dicantumkan di bawah program '{row.program}', padahal "
                "kegiatan/output "
                f"ini termasuk Program {_PROGRAM_NAMES[expected]} ({expected}); periksa "
                "penempatannya dan jumlah kedua program."
            ),
            evidence=row.evidence,
        )


@rule(
    code="XTB007",
    name="cross_table.indicator_under_one_sasaran",
    category=Category.CROSS_TABLE,
    severity=Severity.WARNING,
    severity_reason=("inconsistent: one indicator counted under two sasaran"),
    domain=("R-S04", "R-V02"),
    tables=("capaian",),
    tolerance="same RO code, or the same indicator name after normalisation",
)
def indicator_under_one_sasaran(ctx: RuleContext) -> Iterator[Finding]:
    """An indicator (RO code) is measured under one sasaran only.

    Why it matters: the same output reported as the indicator of two sasaran counts one
    achievement twice and leaves one of the sasaran without its own measure.
    Fails when: the same RO code, or the same indicator name, appears in the capaian tables
    of two different sasaran.
    Passes when: each indicator belongs to one sasaran.
    """
    first: dict[str, Any] = {}
    for row in table_rows(capaian_rows(ctx)):
        key = row.kode if isinstance(row.kode, str) else ro_name(row.indikator)
        if not key:
            continue
        prev = first.setdefault(key, row)
        if prev is row or sasaran_key(prev) == sasaran_key(row):
            continue
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=label(row),
            column="indikator",
            stated=row.indikator,
            message=(
                f"Indikator {label(row)} dipakai untuk {sasaran_key(row)} dan juga untuk "
                f"{sasaran_key(prev)} (baris {prev.line}); setiap sasaran perlu indikatornya "
                "sendiri agar capaiannya tidak dihitung dua kali."
            ),
            evidence=row.evidence,
        )


def _budget_row(ctx: RuleContext, kode: str) -> Any | None:
    budget = ctx.tables.anggaran
    rows = budget[(budget.level == "ro") & (budget.kode == kode)]
    return next(table_rows(rows), None)


@rule(
    code="XTB012",
    name="cross_table.capaian_without_serapan",
    category=Category.CROSS_TABLE,
    severity=Severity.WARNING,
    severity_reason=("inconsistent: an output achieved with no budget spent needs an explanation"),
    domain=("R-E01", "R-A6", "R-C03"),
    tables=("capaian", "anggaran"),
    tolerance="realisasi anggaran 0, or serapan below 1%",
)
def capaian_without_serapan(ctx: RuleContext) -> Iterator[Finding]:
    """An output reported as achieved (≥ 100%) has budget actually spent on it.

    Why it matters: an RO with its target realised but no rupiah spent is either not really
    produced, financed elsewhere (to be explained), or paired with the wrong budget line; the
    efficiency analysis would otherwise show an impossible "100% for free".
    Fails when: an indicator with an RO code has realisasi ≥ target (recomputed capaian
    ≥ 100%) while the budget row of the same RO shows realisasi 0 or serapan below 1%.
    Passes when: every achieved output shows spending, or it has no budget row (see XTB003).
    """
    for row in table_rows(capaian_rows(ctx)):
        if not isinstance(row.kode, str):
            continue
        cap = recomputed_capaian(row)
        b = _budget_row(ctx, row.kode)
        if cap is None or cap < 100 or b is None:
            continue
        pagu, real = val(b, "pagu"), val(b, "realisasi")
        if pagu is None or real is None or pagu == 0 or real * 100 / pagu >= _LOW_SERAPAN:
            continue
        serapan = numfmt.pct(real * 100 / pagu, 2, like=b.pct_raw or None)
        printed = printed_capaian(row)
        shown = (
            f"{numfmt.quoted(row.capaian_raw)}, dihitung ulang {numfmt.pct(cap, 2)}"
            if printed != cap
            else numfmt.quoted(row.capaian_raw)
        )
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=row.kode,
            column="capaian",
            stated=row.capaian_raw or numfmt.pct(cap, 2),
            expected=f"serapan {serapan}",
            message=(
                f"Output {row.kode} dilaporkan tercapai (realisasi "
                f"{numfmt.quoted(row.realisasi_raw)} dari target {numfmt.quoted(row.target_raw)}; "
                f"capaian {shown}), tetapi realisasi anggarannya "
                f"{numfmt.quoted(b.realisasi_raw) if b.realisasi_raw else 'kosong'} dari pagu "
                f"{numfmt.quoted(b.pagu_raw)} (serapan {numfmt.pct(real * 100 / pagu, 2)}, "
                f"baris {b.line}); jelaskan sumber "
                "pembiayaannya atau periksa pasangan kode output dan anggaran."
            ),
            evidence=row.evidence,
        )
