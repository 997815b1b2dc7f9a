"""Writing ``review.yaml``: every current finding listed, decisions already made kept as they are.

The file is for a person to edit, so each entry has a comment saying which finding it is.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from lkj_audit.fsutil import atomic_write_text
from lkj_audit.model import Finding, Review
from lkj_audit.workpaper.review import STATUSES, ReviewFile


def _flow(value: dict[str, Any]) -> str:
    return yaml.safe_dump(
        value, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10**6
    ).strip()


def _entry(review: Review, extra: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {"status": review.status, "note": review.note, "by": review.by}
    data["date"] = dt.date.fromisoformat(review.date) if review.date else None
    return {**data, **extra}


def _comment(f: Finding) -> str:
    loc = f.location
    where = ", ".join(
        x
        for x in (
            f"baris {loc.line}" if loc.line else "",
            f"tabel {loc.table}" if loc.table else "",
            loc.row or "",
            loc.column or "",
        )
        if x
    )
    text = " ".join(f"{f.rule} [{f.severity.value}] {where}: {f.message}".split())
    return text if len(text) <= 150 else text[:147] + "…"


def text(review: ReviewFile, findings: list[Finding], title: str) -> str:
    """The whole file: reviewer, one entry per current finding, then entries matching none."""
    reviewer = review.reviewer or {"name": "", "nip": ""}
    lines = [
        f"# Tanggapan reviewer atas temuan lkj-audit: {title}",
        f"# status: {' | '.join(STATUSES)}; note: alasan/tindak lanjut; date: TTTT-BB-HH",
        f"reviewer: {_flow(reviewer)}",
        "findings:",
    ]
    seen = set()
    for f in findings:
        fp = f.fingerprint
        if fp in seen:
            continue
        seen.add(fp)
        decided = review.decisions.get(fp)
        entry = _entry(decided or Review(status="baru"), review.extra.get(fp, {}))
        lines += [f"  # {_comment(f)}", f"  {fp}: {_flow(entry)}"]
    stale = [fp for fp in review.decisions if fp not in seen]
    if stale:
        lines.append(
            "  # Tidak cocok dengan temuan saat ini (disimpan agar keputusan tidak hilang):"
        )
        for fp in stale:
            entry = _entry(review.decisions[fp], review.extra.get(fp, {}))
            lines.append(f"  {fp}: {_flow(entry)}")
    return "\n".join(lines) + "\n"


def write(path: Path, review: ReviewFile, findings: list[Finding], title: str) -> tuple[int, int]:
    """Write or extend ``path``; returns (entries added as baru, decisions kept)."""
    atomic_write_text(path, text(review, findings, title))
    current = {f.fingerprint for f in findings}
    decided = [d for d in review.decisions.values() if d.status != "baru"]
    return len(current - set(review.decisions)), len(decided)
