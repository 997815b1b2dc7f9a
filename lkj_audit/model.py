"""Findings and the context a rule reads: the data shapes every other layer shares.

The JSON form of :class:`Finding` is the public contract (see README, "Findings contract"):
other tools read it, so fields are only ever added, never renamed or removed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lkj_audit.compare import Comparison
    from lkj_audit.load.document import Document
    from lkj_audit.load.rows import TableRows
    from lkj_audit.load.tables import ReportTables
    from lkj_audit.recompute.figures import Figures
    from lkj_audit.rules.status import RuleStatus


class Severity(StrEnum):
    """How sure and how serious (the policy: ``families.SEVERITY_POLICY``, docs/rules.md).

    error = proven wrong by the report's own figures, another satker's identity, PK
    indicators not measured at all; warning = required content missing, an inconsistency
    that misstates no result, or implausible but unproven; info = cosmetic, or a hint.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Sort key: errors first."""
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class Category(StrEnum):
    """The eight families of the findings contract (exactly these values)."""

    ARITHMETIC = "arithmetic"
    CROSS_TABLE = "cross_table"
    NARRATIVE = "narrative"
    PERIOD = "period"
    IDENTITY = "identity"
    STRUCTURE = "structure"
    COMPLETENESS = "completeness"
    PLAUSIBILITY = "plausibility"


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    """Where a finding is: section and table of the report, row and column, source line."""

    section: str | None = None
    table: str | None = None
    row: str | None = None
    column: str | None = None
    line: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON form; absent parts are omitted."""
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) is not None}


@dataclass(frozen=True, slots=True, kw_only=True)
class Review:
    """The reviewer's decision on a finding (``review.yaml``); status as in the working paper."""

    status: str  # baru / diterima / ditolak / ditindaklanjuti / selesai
    note: str = ""
    by: str = ""
    date: str = ""  # ISO date, '' when not given

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"status": self.status, "note": self.note, "by": self.by, "date": self.date}


@lru_cache(maxsize=8192)  # read several times per finding (dedupe, groups, reviews, JSON)
def _fingerprint(*parts: str | None) -> str:
    key = "|".join(str(x) for x in parts)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One discrepancy, mirroring the findings contract."""

    rule: str
    name: str
    category: Category
    severity: Severity
    location: Location
    message: str
    stated: str | None = None
    expected: str | None = None
    evidence: str | None = None
    # The working paper's annotations (never part of the fingerprint): the root-cause group,
    # the fingerprints one correction would also clear, and the reviewer's decision.
    group: str | None = None
    related: tuple[str, ...] = ()
    review: Review | None = None

    @property
    def fingerprint(self) -> str:
        """Stable id of rule + place (not of the numbers), for waivers and diffs between runs."""
        loc = self.location
        return _fingerprint(self.rule, loc.section, loc.table, loc.row, loc.column)

    def as_dict(self) -> dict[str, Any]:
        """JSON form (the contract)."""
        return {
            "rule": self.rule,
            "name": self.name,
            "category": self.category.value,
            "severity": self.severity.value,
            "location": self.location.as_dict(),
            "stated": self.stated,
            "expected": self.expected,
            "message": self.message,
            "evidence": self.evidence,
            "fingerprint": self.fingerprint,
            "group": self.group or self.fingerprint,
            "related": list(self.related),
            **({"review": self.review.as_dict()} if self.review else {}),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        """Inverse of :meth:`as_dict` (used when re-reading findings.json)."""
        return cls(
            rule=data["rule"],
            name=data.get("name", ""),
            category=Category(data["category"]),
            severity=Severity(data["severity"]),
            location=Location(**data.get("location", {})),
            message=data["message"],
            stated=data.get("stated"),
            expected=data.get("expected"),
            evidence=data.get("evidence"),
            group=data.get("group"),
            related=tuple(data.get("related") or ()),
            review=Review(**data["review"]) if data.get("review") else None,
        )


def sort_key(f: Finding) -> tuple[int, int, str]:
    """Errors first, then in reading order."""
    return (f.severity.rank, f.location.line or 10**9, f.rule)


@dataclass(slots=True)
class AuditContext:
    """Everything a rule may read about one report; rules never mutate it."""

    doc: Document
    tables: ReportTables
    satker: str
    year: int
    figures: Figures  # every figure recomputed once from the tables (recompute.figures)
    satker_code: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    reading: list[Any] = field(default_factory=list)  # reading.TableReading per typed table
    comparison: Comparison | None = None  # against last year's report (--previous), if given
    # What each rule did in the last run, by code; set by rules.registry.run_rules.
    rule_status: dict[str, RuleStatus] = field(default_factory=dict)

    @property
    def rows(self) -> TableRows:
        """The typed tables as typed row records (built once, with the figures)."""
        return self.figures.rows
