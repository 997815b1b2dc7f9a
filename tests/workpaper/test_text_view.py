"""``check --format text``: one entry per problem with all its places."""

from __future__ import annotations

from lkj_audit import audit
from lkj_audit.model import AuditContext, Finding
from lkj_audit.workpaper.text_view import as_text


def test_text_shows_one_entry_per_group(
    seed_ctx: AuditContext, seed_findings: list[Finding]
) -> None:
    text = as_text(audit.payload(seed_ctx, seed_findings))
    lines = text.splitlines()
    assert lines[0].startswith(
        "KPU Kabupaten Ogan Komering Ilir — 2024 — 88 temuan dalam 65 masalah"
    )
    entries = [line for line in lines[1:] if not line.startswith("    ")]
    assert len(entries) == 65
    toc = next(line for line in entries if line.startswith("I STR009"))  # info by policy (9.4)
    assert "(5 tempat)" in toc
    assert sum(1 for line in lines if line.startswith("    · STR009")) == 4
    ang = next(line for line in entries if "ANG001+ANG003+ANG007 baris 874" in line)
    follow = lines[lines.index(ang) + 1 : lines.index(ang) + 5]
    assert any(line.startswith("    terkait") and "ANG005 baris 921" in line for line in follow)
