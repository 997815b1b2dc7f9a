"""The rule registry: every check an auditor runs, with a stable code and documentation.

A rule is a function registered with :func:`rule`. It reads a :class:`RuleContext` and yields
findings made with ``ctx.finding(...)``, which stamps the rule's code, name, category and
severity, so a rule cannot mislabel its output. Codes are never renumbered or reused; a
retired rule keeps its code with ``status="removed"``.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lkj_audit.errors import RuleDefinitionError
from lkj_audit.model import AuditContext, Category, Finding, Location, Severity, sort_key
from lkj_audit.rules.status import RuleStatus, has_its_tables, statuses

if TYPE_CHECKING:
    from lkj_audit.compare import Comparison
    from lkj_audit.load.document import Document
    from lkj_audit.load.rows import TableRows
    from lkj_audit.load.tables import ReportTables
    from lkj_audit.reading import TableReading
    from lkj_audit.recompute.figures import Figures

RuleFunc = Callable[["RuleContext"], Iterator[Finding]]

_CODE_RE = re.compile(r"^[A-Z]{3}\d{3}$")
_NAME_RE = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)+$")
DOC_HEADINGS = ("Why it matters:", "Fails when:", "Passes when:")


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """A registered rule and its catalogue entry."""

    code: str
    name: str
    category: Category
    severity: Severity
    func: RuleFunc
    domain: tuple[str, ...] = ()
    tables: tuple[str, ...] = ()
    tolerance: str = ""
    status: str = "active"
    aliases: tuple[str, ...] = ()
    # "clause: why[; clause: why]" citing lkj_audit.families.SEVERITY_CLAUSES: the first for
    # the rule's severity, the others for findings that take another one (issue 9.4).
    severity_reason: str = ""
    # compares a row with a sum of other rows of its table (a total, a program over its
    # kegiatan): withheld where the table's next page is unread (those rows may be there)
    sums_rows: bool = False

    @property
    def severity_clauses(self) -> tuple[str, ...]:
        """The policy clauses :attr:`severity_reason` cites, in order."""
        return tuple(re.findall(r"(?:^|; )([a-z-]+):", self.severity_reason))

    @property
    def summary(self) -> str:
        """First line of the docstring."""
        return (self.func.__doc__ or "").strip().splitlines()[0]

    def doc_part(self, heading: str) -> str:
        """Text under one of :data:`DOC_HEADINGS` in the docstring."""
        doc = " ".join((self.func.__doc__ or "").split())
        stop = "|".join(map(re.escape, DOC_HEADINGS))
        m = re.search(re.escape(heading) + r"\s*(.*?)(?=(?:" + stop + r")|$)", doc)
        return m.group(1).strip() if m else ""


REGISTRY: dict[str, RuleSpec] = {}


def rule(
    *,
    code: str,
    name: str,
    category: Category,
    severity: Severity,
    domain: tuple[str, ...] = (),
    tables: tuple[str, ...] = (),
    tolerance: str = "",
    status: str = "active",
    aliases: tuple[str, ...] = (),
    severity_reason: str = "",
    sums_rows: bool = False,
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule; refuses duplicate codes/names and undocumented rules at import time."""

    def register(func: RuleFunc) -> RuleFunc:
        if not _CODE_RE.match(code):
            raise RuleDefinitionError(f"rule {func.__name__}: code '{code}' must look like ABC123")
        if not _NAME_RE.match(name):
            raise RuleDefinitionError(f"rule {code}: name '{name}' must be a dotted slug")
        if code in REGISTRY:
            raise RuleDefinitionError(f"rule code {code} registered twice")
        if any(s.name == name for s in REGISTRY.values()):
            raise RuleDefinitionError(f"rule name {name} registered twice")
        doc = func.__doc__ or ""
        missing = [h for h in DOC_HEADINGS if h not in doc]
        if missing:
            raise RuleDefinitionError(f"rule {code}: docstring lacks {', '.join(missing)}")
        REGISTRY[code] = RuleSpec(
            code,
            name,
            category,
            severity,
            func,
            domain,
            tables,
            tolerance,
            status,
            aliases,
            severity_reason,
            sums_rows,
        )
        return func

    return register


@dataclass(slots=True)
class RuleContext:
    """What one rule sees: the audit context, read-only and typed, plus a finding factory.

    Each property names what rules read (no attribute forwarding), so ``mypy --strict``
    checks rule bodies; the figures and row records are what rules compute from.
    """

    audit: AuditContext
    spec: RuleSpec
    _seen: set[str] = field(default_factory=set)

    @property
    def doc(self) -> Document:
        """The report's text: lines, sections, blocks and mentions."""
        return self.audit.doc

    @property
    def rows(self) -> TableRows:
        """The typed tables as typed row records (``None`` for a missing value)."""
        return self.audit.figures.rows

    @property
    def tables(self) -> ReportTables:
        """The typed tables (DataFrames) and the printed tables (``raw``)."""
        return self.audit.tables

    @property
    def figures(self) -> Figures:
        """Every figure recomputed once from the tables."""
        return self.audit.figures

    @property
    def satker(self) -> str:
        """The satker's name."""
        return self.audit.satker

    @property
    def satker_code(self) -> str | None:
        """The satker's 6-digit code, when known."""
        return self.audit.satker_code

    @property
    def year(self) -> int:
        """The reporting year."""
        return self.audit.year

    @property
    def options(self) -> dict[str, Any]:
        """Run options (satker id, detected identity, corrections, review decisions)."""
        return self.audit.options

    @property
    def reading(self) -> list[TableReading]:
        """How confidently each typed table was read."""
        readings: list[TableReading] = self.audit.reading
        return readings

    @property
    def comparison(self) -> Comparison | None:
        """The comparison with last year's report, if one was given."""
        return self.audit.comparison

    @property
    def rule_status(self) -> dict[str, RuleStatus]:
        """What each rule did so far in this run (read by rules about other rules)."""
        return self.audit.rule_status

    def finding(
        self,
        *,
        message: str,
        line: int | None = None,
        table: str | None = None,
        row: str | None = None,
        column: str | None = None,
        section: str | None = None,
        stated: Any = None,
        expected: Any = None,
        evidence: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding stamped with this rule's code, name, category and severity."""
        if section is None and line is not None:
            sec = self.audit.doc.section_at(line)
            section = sec.path if sec else None
        if evidence is None and line is not None:
            evidence = self.audit.doc.line_text(line)
        return Finding(
            rule=self.spec.code,
            name=self.spec.name,
            category=self.spec.category,
            severity=severity or self.spec.severity,
            location=Location(section=section, table=table, row=row, column=column, line=line),
            message=message,
            stated=None if stated is None else str(stated),
            expected=None if expected is None else str(expected),
            evidence=evidence,
        )


def active_rules() -> list[RuleSpec]:
    """Registered rules that are not retired, in code order."""
    load_all()
    return [s for _, s in sorted(REGISTRY.items()) if s.status == "active"]


def load_all() -> None:
    """Import every rule module so its rules register."""
    from lkj_audit import rules  # noqa: F401  (the package imports its modules)


def run_rules(
    ctx: AuditContext, only: set[str] | None = None, *, honour_tables: bool = True
) -> list[Finding]:
    """Run every active rule; a crashing rule becomes finding ENG001 instead of a crash.

    A rule none of whose declared tables the report has is not run (not applicable);
    ``ctx.rule_status`` records each rule's outcome.
    """
    findings: list[Finding] = []
    ran: dict[str, tuple[str, ...]] = {}
    skipped: dict[str, tuple[str, ...]] = {}
    crashed: set[str] = set()
    for spec in active_rules():
        if only and spec.code not in only:
            continue
        if honour_tables and not has_its_tables(spec.tables, ctx.tables):
            skipped[spec.code] = spec.tables
            continue
        ran[spec.code] = spec.tables
        bound = RuleContext(ctx, spec)
        try:
            findings.extend(spec.func(bound))
        except Exception as exc:  # noqa: BLE001 - one broken rule must not stop the audit
            findings.append(_engine_failure(spec, exc))
            crashed.add(spec.code)
    final = sorted(_withhold_misread(ctx, _dedupe(findings)), key=sort_key)
    # The engine's record of the run (rules themselves never write to the context).
    ctx.rule_status = statuses(ran, skipped, crashed, final)
    return final


# Findings that rest on the figures of a table; a table read with low confidence gives none.
_FIGURE_CATEGORIES = {
    Category.ARITHMETIC,
    Category.PLAUSIBILITY,
    Category.COMPLETENESS,
    Category.CROSS_TABLE,
    Category.NARRATIVE,
}


def _withhold_misread(ctx: AuditContext, findings: list[Finding]) -> list[Finding]:
    """Drop errors and warnings that rest on a table whose reading is in doubt (precision first).

    Those located in the table, and those of a cross-table or narrative rule that compares
    with a table of that kind (a capaian misread makes "indicator not in Bab III" and "the
    average in the text is not in the table" as doubtful). RDG001 tells the reviewer.
    """
    low = {r.id for r in ctx.reading if r.confidence == "low"}
    # a table whose row bounds are a guess: its figures stand, its names and codes do not;
    # a table whose next page is unread: its rows stand, its totals and its whole do not
    low_kinds = {
        r.name for r in ctx.reading if r.confidence == "low" or r.row_bounds_guessed or r.incomplete
    }
    if not low_kinds:
        return findings
    incomplete = {r.id for r in ctx.reading if r.incomplete}

    def sums_incomplete(f: Finding) -> bool:
        spec = REGISTRY.get(f.rule)
        return spec is not None and spec.sums_rows and f.location.table in incomplete

    def compares_with_low(f: Finding) -> bool:
        spec = REGISTRY.get(f.rule)
        return (
            spec is not None
            and f.category in (Category.CROSS_TABLE, Category.NARRATIVE)
            and bool(low_kinds & set(spec.tables))
        )

    return [
        f
        for f in findings
        if not (
            f.severity != Severity.INFO
            and f.category in _FIGURE_CATEGORIES
            and (f.location.table in low or compares_with_low(f) or sums_incomplete(f))
        )
    ]


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, str, str | None]] = set()
    out = []
    for f in findings:
        key = (f.fingerprint, f.message, f.stated)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _engine_failure(spec: RuleSpec, exc: Exception) -> Finding:
    where = traceback.extract_tb(exc.__traceback__)[-1]
    return Finding(
        rule="ENG001",
        name="engine.rule_crashed",
        category=Category.COMPLETENESS,
        severity=Severity.WARNING,
        location=Location(section=None, table=None, row=spec.code),
        message=(
            f"Aturan {spec.code} ({spec.name}) gagal dijalankan ({type(exc).__name__}: {exc}); "
            "hasil audit untuk aturan ini tidak lengkap dan perlu diperiksa manual."
        ),
        evidence=f"{where.filename}:{where.lineno}",
    )
