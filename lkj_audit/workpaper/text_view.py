"""``check --format text``: one entry per problem (group) with all its places, for a terminal."""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from typing import Any

from lkj_audit.compare.items import shown

_STATUS_MARK = {
    "ditolak": "DITOLAK",
    "diterima": "diterima",
    "ditindaklanjuti": "ditindaklanjuti",
    "selesai": "selesai",
}


def place(f: dict[str, Any]) -> str:
    """Where a finding is, briefly: ``baris 874 T20 · realisasi``."""
    loc = f["location"]
    parts = [f"baris {loc.get('line', '?')}"]
    if loc.get("table"):
        parts.append(str(loc["table"]))
    if loc.get("column"):
        parts.append(f"· {loc['column']}")
    return " ".join(parts)


def grouped(findings: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Findings (as in findings.json) by group, in the order of each group's first finding."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in findings:
        groups[f.get("group") or f["fingerprint"]].append(f)
    return list(groups.values())


def _entry(members: list[dict[str, Any]], by_fp: dict[str, dict[str, Any]]) -> list[str]:
    lead = members[0]
    rules = "+".join(dict.fromkeys(f["rule"] for f in members))
    review = lead.get("review") or {}
    mark = f" [{_STATUS_MARK[review['status']]}]" if review.get("status") in _STATUS_MARK else ""
    more = f" ({len(members)} tempat)" if len(members) > 1 else ""
    lines = [f"{lead['severity'][0].upper()} {rules} {place(lead)}{more}{mark}: {lead['message']}"]
    for f in members[1:]:
        lines.append(f"    · {f['rule']} {place(f)}: {f['message']}")
    if review.get("note"):
        lines.append(f"    catatan reviewer: {review['note']}")
    related = [by_fp[fp] for fp in lead.get("related", []) if fp in by_fp]
    if related:
        where = ", ".join(dict.fromkeys(f"{r['rule']} {place(r)}" for r in related))
        lines.append(f"    terkait (satu koreksi dapat menyelesaikan): {where}")
    return lines


def as_text(data: dict[str, Any]) -> str:
    """The findings document as text: a summary line, then one entry per group."""
    s = data["summary"]
    sev = s["by_severity"]
    groups = grouped(data["findings"])
    rejected = f"; {s['rejected']} ditolak reviewer" if s.get("rejected") else ""
    lines = [
        f"{data['satker']} — {data['year']} — {s['total']} temuan dalam "
        f"{s.get('groups', len(groups))} masalah "
        f"({sev['error']} error, {sev['warning']} warning, {sev['info']} info{rejected})",
    ]
    by_fp = {f["fingerprint"]: f for f in data["findings"]}
    for members in groups:
        lines += _entry(members, by_fp)
    for c in data.get("corrections", []):
        state = "diterapkan" if c["applied"] else f"TIDAK diterapkan: {c['why_not']}"
        lines.append(
            f'koreksi {c["table"]} {c["row"]} {c["column"]}: "{c["from"]}" → "{c["to"]}" ({state})'
        )
    for u in (data.get("review") or {}).get("unmatched", []):
        lines.append(f"tanggapan tanpa temuan: {u['fingerprint']} ({u['status']})")
    return "\n".join(lines + _comparison(data.get("comparison")))


def _comparison(comparison: dict[str, Any] | None) -> list[str]:
    """The whole-report figures of both years (per indicator: in findings.json and the HTML)."""
    if not comparison:
        return []
    before = comparison["previous"]["year"]
    lines = [f"dibandingkan dengan tahun {before} (angka hasil hitung ulang):"]
    for item in comparison["items"]:
        if item["kind"] == "capaian" and item["key"] not in ("mean_pct", "sasaran_mean_pct"):
            continue
        then, now = (Fraction(str(item[k])) for k in ("previous", "current"))
        lines.append(
            f"    {item['label']}: {shown(then, item['unit'])} → {shown(now, item['unit'])} "
            f"({item['direction']})"
        )
    return lines
