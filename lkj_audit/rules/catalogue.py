"""The rule catalogue (``lkj-audit rules``, ``docs/rules.md``), generated from the registry."""

from __future__ import annotations

import json

from lkj_audit.families import FAMILY_TEXT, SEVERITY_CLAUSES, SEVERITY_POLICY
from lkj_audit.rules.registry import REGISTRY, load_all


def as_markdown() -> str:
    """The catalogue as Markdown: severity policy, then one entry per rule, by family."""
    load_all()
    out = [
        "# Rule catalogue",
        "",
        "Generated from the rule registry (`lkj-audit rules > docs/rules.md`); "
        "do not edit by hand.",
        "",
        "## Severity policy",
        "",
    ]
    out += [f"- **{sev}**: {text}." for sev, text in SEVERITY_POLICY.items()]
    out += [
        "",
        "Precision first: what the report itself cannot prove is never an error (a false "
        "error is worse than a missed warning). Each rule below gives its severity's reason "
        "as the policy clause it meets (`clause: why`), then the clause of each case in which "
        "one of its findings takes another severity:",
        "",
    ]
    out += [f"- `{key}` ({sev}): {text}" for key, (sev, text) in SEVERITY_CLAUSES.items()]
    for family, text in FAMILY_TEXT.items():
        specs = [s for _, s in sorted(REGISTRY.items()) if s.category.value == family]
        out += ["", f"## {family}", "", text, ""]
        if not specs:
            out.append("_No rules yet._")
        for s in specs:
            status = "" if s.status == "active" else f" _(status: {s.status})_"
            out += [
                f"### {s.code} `{s.name}` — {s.severity.value}{status}",
                "",
                s.summary,
                "",
                f"- Why it matters: {s.doc_part('Why it matters:')}",
                f"- Fails when: {s.doc_part('Fails when:')}",
                f"- Passes when: {s.doc_part('Passes when:')}",
                f"- Severity: {s.severity_reason or '(no reason given)'}",
            ]
            if s.domain:
                out.append(f"- DOMAIN.md: {', '.join(s.domain)}")
            if s.tolerance:
                out.append(f"- Tolerance: {s.tolerance}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def as_json() -> str:
    """The catalogue as JSON (one object per rule)."""
    load_all()
    return json.dumps(
        [
            {
                "code": s.code,
                "name": s.name,
                "category": s.category.value,
                "severity": s.severity.value,
                "severity_reason": s.severity_reason,
                "status": s.status,
                "domain": list(s.domain),
                "summary": s.summary,
                "why": s.doc_part("Why it matters:"),
                "fails_when": s.doc_part("Fails when:"),
                "passes_when": s.doc_part("Passes when:"),
            }
            for _, s in sorted(REGISTRY.items())
        ],
        ensure_ascii=False,
        indent=2,
    )
