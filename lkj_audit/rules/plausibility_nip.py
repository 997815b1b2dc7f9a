"""Staff identity numbers: NIP (PNS) and NI PPPK are valid and consistent (DOMAIN.md §3.4).

Checks R-G02 (NIP PNS: birth date, TMT CPNS after age 18, sex digit; TMT golongan not before
the TMT CPNS) and R-G03 (NI PPPK: birth date, appointment year, the "21" mark, sex digit).
Numbers are parsed by ``load/nip.py``; the staff tables are read by ``load/pegawai.py``;
numbers printed elsewhere (under the signatures of the PK and the Kata Pengantar) are read here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

from lkj_audit.load import nip
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules._staff import date_ym, who
from lkj_audit.rules.registry import RuleContext, rule

_RETIREMENT_MAX_AGE = 65  # the highest batas usia pensiun (jabatan fungsional ahli utama)


_LOOSE_NIP_RE = re.compile(
    r"(?i)\b(NIP(?:\s*PPPK|PPPK)?|NI\s*PPPK)\b\s*\.?\s*:?\s*(\d[\d ]{16,22}\d)"
)


def _staff(ctx: RuleContext, jenis: str) -> Iterator[Any]:
    """Staff rows of one kind with a number, then numbers printed elsewhere (signatures)."""
    df = ctx.tables.pegawai
    yield from df[(df.jenis == jenis) & df.nip.notna()].itertuples()
    yield from (row for row in _loose_numbers(ctx) if row.jenis == jenis)


def _loose_numbers(ctx: RuleContext) -> Iterator[Any]:
    """NIP / NI PPPK printed outside the staff tables, e.g. under a signature."""
    in_tables = {
        ln for t in ctx.tables.raw if t.kind == "pegawai" for r in t.rows for ln in r.lines
    }
    lines = ctx.doc.lines
    for i, text in enumerate(lines, 1):
        if i in in_tables:
            continue
        for m in _LOOSE_NIP_RE.finditer(text):
            digits = re.sub(r"\D", "", m.group(2))
            pppk = "PPPK" in m.group(1).upper() or digits[12:14] == nip.PPPK_MARK
            before = text[: m.start()].strip(" \t,;:")
            name = before or next(
                (ln.strip() for ln in reversed(lines[max(0, i - 3) : i - 1]) if ln.strip()), ""
            )
            yield SimpleNamespace(
                line=i,
                table=None,
                jenis="PPPK" if pppk else "PNS",
                nama=name if len(name) <= 60 else "",
                nip=digits,
                tmt_gol="",
                evidence=ctx.doc.line_text(i),
            )


def _nip_finding(
    ctx: RuleContext, row: Any, what: str, problems: list[str], severity: Severity | None
) -> Finding:
    return ctx.finding(
        line=row.line,
        table=row.table,
        row=who(row),
        column=what,
        stated=row.nip,
        severity=severity,
        message=f"{what} {who(row)}: " + "; ".join(problems) + ". Periksa kembali nomor ini.",
        evidence=row.evidence,
    )


def _pns_timeline(ctx: RuleContext, row: Any, n: nip.StaffNumber) -> Iterator[Finding]:
    """TMT CPNS after age 18 and not in the future; TMT golongan not before TMT CPNS."""
    assert n.birth is not None and n.start_year is not None and n.start_month is not None
    cpns = f"{n.start_month:02d}-{n.start_year}"
    problems = []
    if not nip.adult_at(n.birth, n.start_year, n.start_month):
        problems.append(f"TMT CPNS {cpns} sebelum usia 18 tahun (lahir {n.birth:%d-%m-%Y})")
    if n.start_year > ctx.year + 1:
        problems.append(f"TMT CPNS {cpns} sesudah tahun laporan {ctx.year}")
    if problems:
        yield _nip_finding(ctx, row, "NIP", problems, None)
        return
    if ctx.year - n.birth.year > _RETIREMENT_MAX_AGE:
        yield _nip_finding(
            ctx,
            row,
            "NIP",
            [f"lahir {n.birth:%d-%m-%Y}, melewati batas usia pensiun pada {ctx.year}"],
            Severity.WARNING,
        )
    gol_date = date_ym(row.tmt_gol)
    if gol_date and (
        gol_date[0] < n.start_year
        or (gol_date[0] == n.start_year and (gol_date[1] or 13) < n.start_month)
    ):
        yield _nip_finding(
            ctx,
            row,
            "NIP",
            [f"TMT golongan {row.tmt_gol} lebih awal dari TMT CPNS {cpns} menurut NIP"],
            Severity.WARNING,
        )


@rule(
    code="PLA009",
    name="plausibility.nip_pns",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    severity_reason=(
        "inconsistent: an impossible NIP is a misprinted identifier that misstates no result"
    ),
    domain=("R-G02",),
    # no tables=: NIPs are also printed under signatures, outside any table
    tolerance="dates compared by month (TMT is the first of a month)",
)
def nip_pns(ctx: RuleContext) -> Iterator[Finding]:
    """Each NIP of a PNS (staff table, signatures) is valid: birth date, TMT CPNS, sex digit.

    Why it matters: the NIP encodes the birth date, the TMT CPNS and the sex; a number that
    cannot exist was mistyped, and a staff list with wrong NIPs cannot be matched to the
    personnel records.
    Fails when: a PNS NIP does not have 18 digits, its birth date is not a calendar date, its
    TMT CPNS month is not 01–12 (the PPPK mark "21" there: a PPPK listed as PNS),
    its sex digit is not 1 or 2, or its TMT CPNS falls before age 18 or after the report year.
    TMT golongan before the TMT CPNS, or an age beyond the highest retirement age, is reported too.
    Passes when: every NIP is structurally valid and its dates are consistent.
    """
    for row in _staff(ctx, "PNS"):
        n = nip.parse(row.nip, "PNS")
        if n.defects:
            yield _nip_finding(ctx, row, "NIP", n.defects, None)
        elif n.birth is not None and n.start_month is not None:
            yield from _pns_timeline(ctx, row, n)


@rule(
    code="PLA010",
    name="plausibility.ni_pppk",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    severity_reason=(
        "inconsistent: an impossible NI PPPK is a misprinted identifier that misstates no result"
    ),
    domain=("R-G03",),
    tables=("pegawai",),
    tolerance="years compared whole",
)
def ni_pppk(ctx: RuleContext) -> Iterator[Finding]:
    """Each NI PPPK is valid: birth date, appointment year, the "21" mark, sex digit.

    Why it matters: the NI PPPK encodes the birth date and the appointment year; a number
    that cannot exist was mistyped, and a PNS NIP in the PPPK table puts the person in the
    wrong staff category (and the wrong count, R-G01).
    Fails when: an NI PPPK does not have 18 digits, its birth date is not a calendar date, its
    sex digit is not 1 or 2, or its appointment year is before age 18 or after the report
    year. Digits 13–14 other than "21" are reported too (a valid month there: a PNS NIP).
    Passes when: every NI PPPK is structurally valid and its dates are consistent.
    """
    for row in _staff(ctx, "PPPK"):
        n = nip.parse(row.nip, "PPPK")
        if n.defects:
            hint = ["nomor ini berpola NIP PNS"] if n.looks_pns and len(n.defects) == 1 else []
            yield _nip_finding(ctx, row, "NI PPPK", n.defects + hint, None)
            continue
        if n.birth is None or n.start_year is None:
            continue
        problems = []
        if n.start_year < n.birth.year + 18:
            problems.append(
                f"tahun pengangkatan {n.start_year} sebelum usia 18 tahun "
                f"(lahir {n.birth:%d-%m-%Y})"
            )
        if n.start_year > ctx.year + 1:
            problems.append(f"tahun pengangkatan {n.start_year} sesudah tahun laporan {ctx.year}")
        if problems:
            yield _nip_finding(ctx, row, "NI PPPK", problems, None)
