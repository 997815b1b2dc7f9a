"""The audit facade used by notebooks and the command line: open, run rules, save.

Notebooks import only this module and :mod:`lkj_audit.show`; everything else is behind it.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lkj_audit import __version__, compare, config
from lkj_audit.errors import MissingIdentityError
from lkj_audit.fsutil import atomic_write_text
from lkj_audit.ids import check_satker_id, inside
from lkj_audit.load import read_document
from lkj_audit.load import satker as satker_list
from lkj_audit.load.identity import detect
from lkj_audit.load.tables import read_tables
from lkj_audit.model import AuditContext, Category, Finding, Severity
from lkj_audit.reading import assess as assess_reading
from lkj_audit.reading import low_tables
from lkj_audit.recompute import figures
from lkj_audit.rules.registry import active_rules
from lkj_audit.rules.registry import run_rules as _run_rules
from lkj_audit.workpaper import corrections as _corrections
from lkj_audit.workpaper import groups as _groups
from lkj_audit.workpaper import review as _review
from lkj_audit.workpaper.yamlfile import sidecar

SCHEMA_VERSION = "1.0"


def project_path(path: str | Path) -> Path:
    """A notebook parameter as an absolute path: relative ones start from the project folder.

    JupyterLab starts the kernel in ``notebooks/``; papermill and the CLI in the project
    folder or wherever the user is. Resolving here makes ``source = "data/raw/…"`` and
    ``out_dir = "reports"`` mean the same in all of them (see :func:`config.project_root`).
    """
    return config.project_path(path)


def open(  # noqa: A001 - the notebook reads naturally as audit.open(...)
    source: str | Path,
    satker: str | int | None = None,
    year: int | None = None,
    *,
    satker_name: str | None = None,
    corrections: str | Path | None = None,
    review: str | Path | None = None,
    previous: str | Path | None = None,
) -> AuditContext:
    """Read a report and build the audit context.

    ``satker`` is the id used in output paths (a 6-digit satker code or any slug); the
    satker's name and the year are read from the report unless given. ``corrections`` and
    ``review`` are the reviewer's files (default: ``corrections.yaml`` / ``review.yaml`` in
    the report's folder, when present). ``previous`` is last year's report of the same
    satker or its run folder (``<out>/<year>/<satker>/``): its figures are compared with
    this year's (``ctx.comparison``).
    """
    if isinstance(satker, int):  # papermill's "-p satker 022207" arrives as the int 22207
        satker = f"{satker:06d}"
    doc = read_document(source)
    fixes_path = sidecar(source, _corrections.FILE_NAME, corrections)
    fixes = _corrections.load(fixes_path) if fixes_path else []
    pristine = copy.deepcopy(doc) if fixes else doc  # typing marks tables: fix an untyped copy
    decisions = _review.load(sidecar(source, _review.FILE_NAME, review))
    ident = detect(doc)
    known = _resolve_satker(satker, satker_name) or ident.satker
    name = satker_name or (known.nama if known else None) or ident.satker_name
    year = int(year) if year else ident.year
    if year is None:
        raise MissingIdentityError(
            f"{source}: could not find the reporting year in the report; pass --year YYYY."
        )
    if not name:
        raise MissingIdentityError(
            f"{source}: could not find which satker the report is about; pass --satker CODE "
            "or --satker-name NAME."
        )
    satker_id = satker or (known.kode if known else _slug(name))
    tables = read_tables(doc, year)
    fixed: list[dict[str, Any]] = []
    if fixes:
        doc, tables, fixed = _corrections.apply((doc, tables), pristine, fixes, year)
    reading = assess_reading(tables, doc)
    figs = figures.build(tables, low_tables(reading))
    code = satker if satker and re.fullmatch(r"\d{6}", satker) else (known.kode if known else None)
    comparison = None
    if previous:
        before = compare.load(previous, year, name, code)
        comparison = compare.build(figs.as_dict(), before, year)
    return AuditContext(
        doc=doc,
        tables=tables,
        reading=reading,
        figures=figs,
        comparison=comparison,
        satker=name,
        year=year,
        # A 6-digit code the user gives wins over the one detected, even if not in the list.
        satker_code=code,
        options={
            "satker_id": satker_id,
            "detected_satker": ident.satker,
            "detected_year": ident.year,
            "corrections": fixed,
            "corrections_file": str(fixes_path) if fixes_path else None,
            "review": decisions,
        },
    )


def _resolve_satker(satker: str | None, satker_name: str | None) -> satker_list.Satker | None:
    if satker and re.fullmatch(r"\d{6}", satker):
        found = satker_list.by_code(satker)
        if found:
            return found
    for text in (satker_name, satker):
        if text and not text.isdigit():
            found = satker_list.match(text)
            if found:
                return found
    return None


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def run_rules(ctx: AuditContext, only: set[str] | None = None) -> list[Finding]:
    """Run every active rule on ``ctx``; findings sorted errors first.

    Each finding carries its root-cause group and, when ``review.yaml`` has one, the
    reviewer's decision.
    """
    found = _groups.assign(ctx, _run_rules(ctx, only))
    return _review.decide(found, review_of(ctx))


def review_of(ctx: AuditContext) -> _review.ReviewFile:
    """The reviewer's decisions read when the report was opened (none: an empty file)."""
    decisions = ctx.options.get("review")
    return decisions if isinstance(decisions, _review.ReviewFile) else _review.ReviewFile()


def summary(findings: list[Finding]) -> dict[str, Any]:
    """Counts by severity and by category (all keys present, zeros included).

    Findings the reviewer rejected are not counted (``rejected`` says how many there were).
    """
    rejected = len(findings) - len(_review.counted(findings))
    findings = _review.counted(findings)
    sev = Counter(f.severity.value for f in findings)
    cat = Counter(f.category.value for f in findings)
    return {
        "total": len(findings),
        "rejected": rejected,
        "groups": len({f.group or f.fingerprint for f in findings}),
        "by_severity": {s.value: sev.get(s.value, 0) for s in Severity},
        "by_category": {c.value: cat.get(c.value, 0) for c in Category},
    }


def payload(
    ctx: AuditContext, findings: list[Finding], *, run_info: bool = False
) -> dict[str, Any]:
    """The findings document (the public contract): satker, year, findings, plus context."""
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "satker": ctx.satker,
        "satker_code": ctx.satker_code,
        "satker_id": ctx.options.get("satker_id"),
        "year": ctx.year,
        "source": {"path": ctx.doc.source, "sha256": ctx.doc.sha256},
        "tool": {"name": "lkj-audit", "version": __version__, "rules": len(active_rules())},
        "summary": summary(findings),
        "findings": [f.as_dict() for f in findings],
        "tables": [r.as_dict() for r in ctx.reading],
        # Tables visible in the text but not read (flowing text, unaligned): checked by hand.
        "unread_tables": [
            {"lines": [first, last], "why": why} for first, last, why in ctx.doc.unread_tables
        ],
        "figures": ctx.figures.as_dict(),
        "corrections": ctx.options.get("corrections", []),
        "review": review_of(ctx).as_dict(findings),
        # Last year's figures next to this year's (R-A2); null when no previous year was given.
        "comparison": ctx.comparison.as_dict() if ctx.comparison else None,
        # Per rule code: checked | failed | not_applicable, with its count of findings.
        "rules": {code: s.as_dict() for code, s in ctx.rule_status.items()},
    }
    if run_info:
        data["generated_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    return data


def save(ctx: AuditContext, findings: list[Finding], out_dir: str | Path) -> Path:
    """Write ``findings.json``, ``tables/*.csv``, ``lhr.docx`` and ``findings.xlsx``.

    All under ``<out_dir>/<year>/<satker>/``; the draft LHR and the sheet are views of the
    findings document, like the HTML.
    """
    satker_id = check_satker_id(str(ctx.options.get("satker_id")), "satker")
    # Whatever the id, nothing is written outside out_dir (defence in depth for notebooks).
    target = inside(out_dir, config.output_dir(out_dir, ctx.year, satker_id))
    # python-docx and openpyxl (≈0.15 s to import) are needed only here, not by `check`.
    from lkj_audit.workpaper import lhr as _lhr
    from lkj_audit.workpaper import xlsx as _xlsx

    data = payload(ctx, findings, run_info=True)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    atomic_write_text(target / config.FINDINGS_NAME, text + "\n")
    _lhr.write(target / _lhr.FILE_NAME, data)
    _xlsx.write(target / _xlsx.FILE_NAME, data)
    for name, frame in ctx.tables.frames().items():
        atomic_write_text(target / config.TABLES_DIR / f"{name}.csv", frame.to_csv(index=False))
    return target
