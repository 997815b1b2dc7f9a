"""PLA012 ``plausibility.golongan``.

Each golongan fits the staff type, exists, and is reachable from education and service.
"""

from __future__ import annotations

from collections.abc import Iterator

from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.plausibility._golongan import _golongan_problem
from lkj_audit.rules.plausibility._staff import who
from lkj_audit.rules.registry import RuleContext, rule


@rule(
    code="PLA012",
    name="plausibility.golongan",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    severity_reason=(
        "inconsistent: a golongan that does not exist or belongs to the other staff type; hint: a"
        " rank hard to reach in the years of service"
    ),
    domain=("R-G05",),
    tables=("pegawai",),
    tolerance="one promotion per two years of service (generous: regular promotions take four)",
)
def golongan(ctx: RuleContext) -> Iterator[Finding]:
    """Each golongan fits the staff type, exists, and is reachable from education and service.

    Why it matters: PNS golongan run I/a–IV/e, PPPK golongan I–XVII; a PPPK golongan in the
    PNS table (or the reverse) puts the person in the wrong category, and a golongan that
    does not exist or cannot have been reached was mistyped.
    Fails when: a PNS has a PPPK-style golongan (e.g. "IX") or a rank that does not exist
    (e.g. "III/e"); a PPPK has a PNS-style golongan ("III/a"). A PNS golongan above the entry
    rank for the education plus one rank per two years since the TMT CPNS is info.
    Passes when: every golongan fits its table and is reachable.
    """
    for row in ctx.rows.pegawai:
        problem = _golongan_problem(ctx, row)
        if problem is None:
            continue
        text, severity = problem
        yield ctx.finding(
            line=row.line,
            table=row.table,
            row=who(row),
            column="golongan",
            stated=row.gol,
            severity=severity,
            message=f"{row.jenis} {who(row)}: {text}. Periksa golongan di tabel pegawai.",
            evidence=row.evidence,
        )
