"""Findings by root cause: one group per problem, related problems linked."""

from __future__ import annotations

from collections import Counter

from lkj_audit.model import AuditContext, Category, Finding, Location, Severity
from lkj_audit.workpaper import groups


def _f(
    rule: str,
    line: int,
    column: str | None,
    *,
    table: str | None = "T01",
    stated: str | None = "1",
    expected: str | None = "2",
) -> Finding:
    return Finding(
        rule=rule,
        name=rule.lower(),
        category=Category.ARITHMETIC,
        severity=Severity.ERROR,
        location=Location(table=table, row=f"r{line}", column=column, line=line),
        message="m",
        stated=stated,
        expected=expected,
    )


def _groups(ctx: AuditContext, found: list[Finding]) -> list[set[tuple[str, int]]]:
    by: dict[str, set[tuple[str, int]]] = {}
    for f in groups.assign(ctx, found):
        by.setdefault(f.group or "", set()).add((f.rule, f.location.line or 0))
    return sorted(by.values(), key=sorted)


def test_grouping_rules(seed_ctx: AuditContext) -> None:
    found = [
        _f("ANG001", 10, "persentase", stated="(90.18%)"),  # one slip, two rules on one row
        _f("ANG005", 10, "realisasi", stated="18.337.257.000"),
        _f("XTB002", 10, "nama output", stated="Nama lain"),  # other problem, same row
        _f("CMP005", 20, "target", expected=None, stated=None),  # one omission, row after row
        _f("CMP005", 21, "target", expected=None, stated=None),
        _f("CMP005", 30, "target", table="T02", expected=None, stated=None),  # other table
        _f("CAP001", 40, "capaian"),  # wrong figures on two rows: two problems
        _f("CAP001", 41, "capaian"),
        _f("NAR001", 50, "capaian rata-rata", table=None),  # said twice in one sentence
        _f("NAR001", 50, "capaian rata-rata", table=None, stated="100.00%"),
    ]
    assert _groups(seed_ctx, found) == [
        {("ANG001", 10), ("ANG005", 10)},
        {("CAP001", 40)},
        {("CAP001", 41)},
        {("CMP005", 20), ("CMP005", 21)},
        {("CMP005", 30)},
        {("NAR001", 50)},
        {("XTB002", 10)},
    ]


def test_seed_88_findings_are_65_problems(seed_findings: list[Finding]) -> None:
    assert len(seed_findings) == 88
    sizes = Counter(f.group for f in seed_findings)
    assert len(sizes) == 65
    by_place = {(f.rule, f.location.line): f for f in seed_findings}
    # the ×1000 slip: wrong % and realisasi above pagu on one RO row are one problem
    assert by_place[("ANG001", 921)].group == by_place[("ANG005", 921)].group
    # the program total that does not add up and that RO slip are related, both ways
    program, ro = by_place[("ANG003", 874)], by_place[("ANG005", 921)]
    assert ro.fingerprint in program.related and program.fingerprint in ro.related
    assert by_place[("ANG004", 879)].fingerprint in program.related
    # the same missing target in every PK row of one table is one problem
    assert len({f.group for f in seed_findings if f.rule == "CMP005"}) == 2
    # group ids are fingerprints of their first finding
    fps = {f.fingerprint for f in seed_findings}
    assert set(sizes) <= fps
    # a finding never relates to its own group, and related ids are real fingerprints
    for f in seed_findings:
        assert set(f.related) <= fps
        assert not {g.group for g in seed_findings if g.fingerprint in f.related} & {f.group}
