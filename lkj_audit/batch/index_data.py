"""The data of one year's batch index: failures, one row per satker, and every finding.

Read from ``<out>/<year>/batch.json`` (which items belong to the batch and how they ended)
and each finished item's ``findings.json`` (its findings and its recomputed ``figures``).
``findings.parquet`` is the findings frame: one row per finding, with satker and year and the
satker's recomputed serapan and mean capaian, for pandas or DuckDB::

    SELECT satker_name, count(*) FROM 'reports/2024/findings.parquet'
    WHERE severity = 'error' GROUP BY 1 ORDER BY 2 DESC
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from lkj_audit import messages
from lkj_audit.config import FINDINGS_NAME, PARQUET_NAME, RECORD_NAME
from lkj_audit.fsutil import atomic_write_bytes
from lkj_audit.model import Category, Severity

FINDING_COLUMNS = {
    "year": "int64", "satker": "string", "satker_code": "string", "satker_name": "string",
    "rule": "string", "name": "string", "category": "string", "severity": "string",
    "message": "string", "stated": "string", "expected": "string", "evidence": "string",
    "fingerprint": "string", "section": "string", "table": "string", "row": "string",
    "column": "string", "line": "Int64", "source_path": "string", "source_sha256": "string",
    "serapan_pct": "Float64", "capaian_mean_pct": "Float64",
}


@dataclass(slots=True)
class IndexData:
    """Everything the index shows."""

    year_dir: Path
    year: int
    record: dict[str, Any]
    failures: pd.DataFrame  # satker, satker_name, source, reason, action, error, failed_notebook
    satker: pd.DataFrame  # one row per audited satker: counts, serapan, capaian, link
    findings: pd.DataFrame  # one row per finding (FINDING_COLUMNS)


def load(out_dir: str | Path, year: int) -> IndexData:
    """Read ``batch.json`` and the outputs of every item that finished."""
    year_dir = Path(out_dir) / str(year)
    record = json.loads((year_dir / RECORD_NAME).read_text("utf-8"))
    failures, rows, findings = [], [], []
    for item in record.get("items", []):
        if item.get("status") not in ("done", "skipped"):
            failures.append(_failure_row(item))
            continue
        folder = year_dir / item["satker"]
        try:
            payload = json.loads((folder / FINDINGS_NAME).read_text("utf-8"))
        except (OSError, ValueError) as exc:
            failures.append(_failure_row({**item, "error": f"findings.json unreadable: {exc}",
                                          "error_type": "LkjAuditError"}))
            continue
        rows.append(_satker_row(item, payload))
        findings.extend(_finding_rows(item, payload))
    return IndexData(
        year_dir=year_dir,
        year=int(year),
        record=record,
        failures=pd.DataFrame(failures, columns=["satker", "satker_name", "source", "status",
                                                 "reason", "action", "error", "failed_notebook"]),
        satker=_satker_frame(rows),
        findings=_findings_frame(findings),
    )


def _failure_row(item: dict[str, Any]) -> dict[str, Any]:
    """The auditor reads a Bahasa reason and what to do; the English detail stays in batch.json."""
    if item.get("status") == "failed":
        advice = messages.for_name(item.get("error_type"))
    else:
        advice = messages.UNFINISHED
    return {
        "reason": advice.reason,
        "action": advice.action,
        "satker": item.get("satker"),
        "satker_name": item.get("satker_name") or "",
        "source": Path(item.get("source") or "").name,
        "status": item.get("status"),
        "error": item.get("error") or "belum selesai (batch terhenti)",
        "failed_notebook": item.get("failed_notebook"),
    }


def _satker_row(item: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
    summary = payload.get("summary", {})
    row: dict[str, Any] = {
        "satker": item["satker"],
        "satker_code": payload.get("satker_code") or "",
        "satker_name": item.get("satker_name") or payload.get("satker") or item["satker"],
        "status": item.get("status"),
        "total": int(summary.get("total", 0)),
        "html": f"{item['satker']}/audit.html",
        "serapan": _figure(payload, "anggaran", "serapan_pct"),
        "capaian": _figure(payload, "capaian", "mean_pct"),
    }
    for sev in Severity:
        row[sev.value] = int(summary.get("by_severity", {}).get(sev.value, 0))
    for cat in Category:
        row[cat.value] = int(summary.get("by_category", {}).get(cat.value, 0))
    return row


def _satker_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    columns = ["satker", "satker_code", "satker_name", "status", "total",
               *[s.value for s in Severity], *[c.value for c in Category],
               "serapan", "capaian", "html"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["error", "total", "satker_name"], ascending=[False, False, True],
                             ignore_index=True)


def _finding_rows(item: dict[str, Any], payload: dict[str, Any]) -> list[dict[str, Any]]:
    base = {
        "year": int(payload.get("year") or item["year"]),
        "satker": item["satker"],
        "satker_code": payload.get("satker_code"),
        "satker_name": item.get("satker_name") or payload.get("satker"),
        "source_path": (payload.get("source") or {}).get("path"),
        "source_sha256": (payload.get("source") or {}).get("sha256"),
        # the satker's recomputed figures (findings.json → figures), for queries across satker
        "serapan_pct": _figure(payload, "anggaran", "serapan_pct"),
        "capaian_mean_pct": _figure(payload, "capaian", "mean_pct"),
    }
    rows = []
    for f in payload.get("findings", []):
        loc = f.get("location") or {}
        rows.append({
            **base,
            **{k: f.get(k) for k in ("rule", "name", "category", "severity", "message",
                                      "stated", "expected", "evidence", "fingerprint")},
            **{k: loc.get(k) for k in ("section", "table", "row", "column", "line")},
        })
    return rows


def _findings_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(FINDING_COLUMNS))
    for column in ("stated", "expected", "row", "column", "table", "section"):
        frame[column] = frame[column].map(lambda v: None if v is None else str(v))
    return frame.astype(FINDING_COLUMNS)


def write_parquet(data: IndexData) -> Path:
    """``<out>/<year>/findings.parquet`` (written atomically)."""
    buf = io.BytesIO()
    data.findings.to_parquet(buf, index=False, engine="pyarrow")
    return atomic_write_bytes(data.year_dir / PARQUET_NAME, buf.getvalue())


def _figure(payload: dict[str, Any], family: str, key: str) -> float | None:
    """A recomputed figure of ``findings.json`` → ``figures`` (never a printed total)."""
    value = ((payload.get("figures") or {}).get(family) or {}).get(key)
    return float(value) if isinstance(value, int | float) else None
