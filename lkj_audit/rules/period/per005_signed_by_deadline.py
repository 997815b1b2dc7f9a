"""PER005 ``period.signed_by_deadline``.

The LKj is signed by the submission deadline (default 31 March of the next year).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from lkj_audit.load.mentions.dates import format_date
from lkj_audit.model import Category, Finding, Severity
from lkj_audit.rules.period._signatures import lkj_signatures
from lkj_audit.rules.registry import RuleContext, rule


def _deadline(ctx: RuleContext) -> date:
    opt = ctx.options.get("deadline")
    if isinstance(opt, date):
        return opt
    if isinstance(opt, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", opt):
        return date.fromisoformat(opt)
    return date(ctx.year + 1, 3, 31)


@rule(
    code="PER005",
    name="period.signed_by_deadline",
    category=Category.PERIOD,
    severity=Severity.INFO,
    severity_reason=(
        "hint: the deadline is an option and its statutory basis unverified (R-D01); lateness is "
        "no defect of the content"
    ),
    domain=("R-D01",),
    tolerance="option deadline (default 31 March of year n+1)",
)
def signed_by_deadline(ctx: RuleContext) -> Iterator[Finding]:
    """The LKj is signed by the submission deadline (default 31 March of the next year).

    Why it matters: KKE 3.1(6) scores timely submission (full score before 1 March, half
    before 31 March in evaluators' answer keys); a later date loses points [deadline unverified].
    Fails when: the signing date (Kata Pengantar/Ikhtisar/Penutup) is after the deadline
    (option ``deadline``, ISO date).
    Passes when: the LKj is signed on or before the deadline, or bears no date.
    """
    deadline = _deadline(ctx)
    for d in lkj_signatures(ctx):
        if d.when.year > ctx.year and d.when > deadline:
            yield ctx.finding(
                line=d.line,
                row=f"tanggal {d.raw}",
                stated=d.raw,
                expected=f"paling lambat {format_date(deadline)}",
                message=(
                    f"LKj tahun {ctx.year} ditandatangani {d.raw}, setelah batas penyampaian "
                    f"{format_date(deadline)}; periksa ketepatan waktu penyampaian LKj."
                ),
            )
