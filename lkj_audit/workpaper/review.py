"""Decisions (tanggapan): the reviewer's status for each finding, kept in ``review.yaml``.

::

    reviewer: {name: "…", nip: "…"}
    findings:
      <fingerprint>: {status: diterima, note: "…", by: "…", date: 2025-02-10}

A decision is keyed by the finding's fingerprint (rule and place, never the numbers or the
line), so it survives reruns and edits elsewhere in the report. A rejected finding stays in
the working paper, struck through with its note, but leaves the counts and the conclusion.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lkj_audit.errors import WorkpaperFileError
from lkj_audit.model import Finding, Review
from lkj_audit.workpaper.yamlfile import load_mapping

FILE_NAME = "review.yaml"
STATUSES = ("baru", "diterima", "ditolak", "ditindaklanjuti", "selesai")
REJECTED = "ditolak"
DECISION_KEYS = ("status", "note", "by", "date")
REVIEWER_KEYS = ("name", "nip")
_FINGERPRINT_RE = re.compile(r"[0-9a-f]{16}")


@dataclass(frozen=True, slots=True)
class ReviewFile:
    """A parsed ``review.yaml``: who reviews, and a decision per fingerprint."""

    path: str | None = None
    reviewer: dict[str, str] = field(default_factory=dict)
    decisions: dict[str, Review] = field(default_factory=dict)
    extra: dict[str, dict[str, Any]] = field(default_factory=dict)  # other keys, kept on rewrite

    def as_dict(self, findings: list[Finding]) -> dict[str, Any]:
        """The ``review`` block of findings.json: file, reviewer, counts, unmatched entries."""
        current = {f.fingerprint for f in findings}
        counts = {s: 0 for s in STATUSES}
        for f in findings:
            counts[f.review.status if f.review else "baru"] += 1
        return {
            "file": self.path,
            "reviewer": self.reviewer,
            "by_status": counts,
            "unmatched": [
                {"fingerprint": fp, **d.as_dict()}
                for fp, d in self.decisions.items()
                if fp not in current
            ],
        }


def _text(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def _decision(path: Path, fp: str, value: object) -> tuple[Review, dict[str, Any]]:
    where = f"{path}: findings.{fp}"
    if isinstance(value, str):  # shorthand "fp: diterima"
        value = {"status": value}
    if not isinstance(value, dict):
        raise WorkpaperFileError(f"{where}: harus berupa {{status: …, note: …, by: …, date: …}}.")
    status = _text(value.get("status")).strip().lower()
    if status not in STATUSES:
        raise WorkpaperFileError(
            f"{where}: status '{_text(value.get('status'))}' tidak dikenal; gunakan salah satu "
            f"dari {', '.join(STATUSES)}."
        )
    date = value.get("date")
    if date is not None and not isinstance(date, dt.date):
        try:
            dt.date.fromisoformat(str(date))
        except ValueError:
            raise WorkpaperFileError(
                f"{where}: tanggal '{date}' tidak sah; tulis sebagai TTTT-BB-HH (2025-02-10)."
            ) from None
    review = Review(
        status=status,
        note=_text(value.get("note")),
        by=_text(value.get("by")),
        date=_text(date),
    )
    return review, {k: v for k, v in value.items() if k not in DECISION_KEYS}


def load(path: Path | None) -> ReviewFile:
    """Read and check a review file (``None``: no decisions yet)."""
    if path is None:
        return ReviewFile()
    data = load_mapping(path, "berkas tanggapan")
    unknown = sorted(set(map(str, data)) - {"reviewer", "findings"})
    if unknown:
        raise WorkpaperFileError(
            f"{path}: kunci tidak dikenal {unknown}; berkas tanggapan berisi 'reviewer:' dan "
            "'findings:'."
        )
    reviewer = data.get("reviewer") or {}
    if not isinstance(reviewer, dict) or set(map(str, reviewer)) - set(REVIEWER_KEYS):
        raise WorkpaperFileError(f'{path}: reviewer harus berupa {{name: "…", nip: "…"}}.')
    entries = data.get("findings") or {}
    if not isinstance(entries, dict):
        raise WorkpaperFileError(f"{path}: 'findings' harus berupa pemetaan sidik-jari: keputusan.")
    decisions, extra = {}, {}
    for key, value in entries.items():
        fp = str(key).strip()
        if not _FINGERPRINT_RE.fullmatch(fp):
            raise WorkpaperFileError(
                f"{path}: findings.{fp}: bukan sidik jari temuan (16 karakter heksadesimal, "
                "lihat kolom fingerprint di findings.json)."
            )
        decisions[fp], extra[fp] = _decision(path, fp, value)
    return ReviewFile(
        path=str(path),
        reviewer={k: _text(v) for k, v in reviewer.items()},
        decisions=decisions,
        extra={fp: x for fp, x in extra.items() if x},
    )


def _effective(f: Finding, decisions: dict[str, Review]) -> Review | None:
    """The finding's own decision; while it is undecided (none, or baru), its group's.

    The reviewer answers problems: a decision on a group's first finding (the group id)
    covers every place of that problem unless a place has a decision of its own.
    """
    own = decisions.get(f.fingerprint)
    if (own is None or own.status == "baru") and f.group and f.group != f.fingerprint:
        lead = decisions.get(f.group)
        if lead is not None and lead.status != "baru":
            return lead
    return own


def decide(findings: list[Finding], review: ReviewFile) -> list[Finding]:
    """Each finding with its decision attached (those without one unchanged)."""
    out = []
    for f in findings:
        decision = _effective(f, review.decisions)
        out.append(dataclasses.replace(f, review=decision) if decision else f)
    return out


def is_rejected(finding: Finding) -> bool:
    """True when the reviewer rejected the finding (a false alarm)."""
    return finding.review is not None and finding.review.status == REJECTED


def counted(findings: list[Finding]) -> list[Finding]:
    """The findings that count in totals and the conclusion: all but the rejected ones."""
    return [f for f in findings if not is_rejected(f)]
