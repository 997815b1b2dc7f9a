"""What each rule did in one run: checked, failed or not applicable (pointblank style).

checked = ran and found nothing; failed = ran and found something (or crashed); not
applicable = none of the tables it checks is in the report, so it was not run.

"Nothing found" and "nothing to check" look the same in a list of findings; a reviewer signing
the working paper needs to know which rules had something to check.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from lkj_audit.load.tables import ReportTables
    from lkj_audit.model import Finding

Status = Literal["checked", "failed", "not_applicable"]


@dataclass(frozen=True, slots=True)
class RuleStatus:
    """One rule's outcome: its status, how many findings it reported and why."""

    status: Status
    findings: int = 0
    crashed: bool = False
    tables: tuple[str, ...] = ()  # the tables the rule needs (its ``tables=`` declaration)

    def as_dict(self) -> dict[str, Any]:
        """The JSON form of findings.json ``rules``."""
        out: dict[str, Any] = {"status": self.status, "findings": self.findings}
        if self.crashed:
            out["crashed"] = True
        if self.tables:
            out["tables"] = list(self.tables)
        return out


def has_its_tables(declared: tuple[str, ...], tables: ReportTables) -> bool:
    """A rule with no declaration always applies; one with tables needs at least one of them.

    Rules that compare two tables still run with one of them: each says for itself what it
    can check, so no finding is lost to the declaration.
    """
    return not declared or any(tables.has_rows(name) for name in declared)


def statuses(
    ran: dict[str, tuple[str, ...]],
    skipped: dict[str, tuple[str, ...]],
    crashed: set[str],
    findings: list[Finding],
) -> dict[str, RuleStatus]:
    """Each rule's status from the findings it finally reported (after withholding)."""
    counts = Counter(f.rule for f in findings)
    out: dict[str, RuleStatus] = {}
    for code, tables in ran.items():
        n = counts.get(code, 0)
        failed = n > 0 or code in crashed
        out[code] = RuleStatus("failed" if failed else "checked", n, code in crashed, tables)
    for code, tables in skipped.items():
        out[code] = RuleStatus("not_applicable", 0, False, tables)
    return dict(sorted(out.items()))


def tally(status: dict[str, RuleStatus]) -> dict[str, int]:
    """How many rules ran, found something, found nothing, had nothing to check."""
    c = Counter(s.status for s in status.values())
    return {
        "ran": c["checked"] + c["failed"],
        "failed": c["failed"],
        "checked": c["checked"],
        "not_applicable": c["not_applicable"],
    }
