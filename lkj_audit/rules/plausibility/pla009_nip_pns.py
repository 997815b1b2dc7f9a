"""PLA009 ``plausibility.nip_pns``.

Each NIP of a PNS (staff table, signatures) is valid: birth date, TMT CPNS, sex digit.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.load import nip
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.plausibility._nip import _nip_finding, _staff
from lkj_audit.rules.plausibility._staff import Staff, date_ym
from lkj_audit.rules.registry import RuleContext, rule

_RETIREMENT_MAX_AGE = 65  # the highest batas usia pensiun (jabatan fungsional ahli utama)


def _pns_timeline(ctx: RuleContext, row: Staff, n: nip.StaffNumber) -> Iterator[Finding]:
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
        n = nip.parse(row.nip or "", "PNS")  # _staff gives rows with a number
        if n.defects:
            yield _nip_finding(ctx, row, "NIP", n.defects, None)
        elif n.birth is not None and n.start_month is not None:
            yield from _pns_timeline(ctx, row, n)
