"""PLA010 ``plausibility.ni_pppk``.

Each NI PPPK is valid: birth date, appointment year, the "21" mark, sex digit.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.load import nip
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.plausibility._nip import _nip_finding, _staff
from lkj_audit.rules.registry import RuleContext, rule


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
        n = nip.parse(row.nip or "", "PPPK")  # _staff gives rows with a number
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
