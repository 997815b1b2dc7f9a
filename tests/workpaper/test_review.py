"""review.yaml: decisions attached by fingerprint, rejected ones out of the counts, the file
written and extended by ``lkj-audit review`` without losing a decision."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from lkj_audit import audit
from lkj_audit.errors import InputFileError
from lkj_audit.model import Finding
from tests.conftest import SEED
from tests.helpers import run_cli


def _fp(found: list[Finding], rule: str, line: int) -> str:
    return next(f.fingerprint for f in found if f.rule == rule and f.location.line == line)


def _report(tmp_path: Path) -> Path:
    report = tmp_path / SEED.name
    shutil.copy(SEED, report)
    return report


def test_fingerprints_survive_an_inserted_paragraph(
    tmp_path: Path, seed_findings: list[Finding]
) -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    # early in the Ikhtisar, and inside Bab III between the capaian and budget tables
    for at in (32, 870):
        extra = ["Paragraf sisipan untuk menguji sidik jari temuan yang tetap.", ""]
        path = tmp_path / f"sisip_{at}.txt"
        path.write_text("\n".join(lines[:at] + extra + lines[at:]), encoding="utf-8")
        moved = audit.run_rules(audit.open(path))
        assert [f.fingerprint for f in moved] == [f.fingerprint for f in seed_findings]
        assert [f.group for f in moved] == [f.group for f in seed_findings]
        # the lines did move: the fingerprint does not depend on them
        assert {f.location.line for f in moved} != {f.location.line for f in seed_findings}


def test_decisions_attach_and_rejected_leave_counts(
    tmp_path: Path, seed_findings: list[Finding]
) -> None:
    report = _report(tmp_path)
    rejected = _fp(seed_findings, "IDN001", 17)
    accepted = _fp(seed_findings, "PML001", 824)
    (tmp_path / "review.yaml").write_text(
        f"""reviewer: {{name: "Rina Reviewer", nip: "198501012010012001"}}
findings:
  {rejected}: {{status: ditolak, note: "Kutipan surat resmi", by: Rina, date: 2025-02-10}}
  {accepted}: {{status: diterima, note: "Dikonfirmasi", by: Rina, date: 2025-02-11}}
  0123456789abcdef: {{status: selesai, note: "temuan tahun lalu"}}
""",
        encoding="utf-8",
    )
    ctx = audit.open(report)
    found = audit.run_rules(ctx)
    data = audit.payload(ctx, found)
    by_fp = {f["fingerprint"]: f for f in data["findings"]}
    assert by_fp[rejected]["review"] == {
        "status": "ditolak",
        "note": "Kutipan surat resmi",
        "by": "Rina",
        "date": "2025-02-10",
    }
    assert by_fp[accepted]["review"]["status"] == "diterima"
    assert sum("review" in f for f in data["findings"]) == 2
    assert data["summary"]["total"] == len(seed_findings) - 1
    assert data["summary"]["rejected"] == 1
    assert (
        data["summary"]["by_severity"]["error"]
        == audit.summary(seed_findings)["by_severity"]["error"] - 1
    )
    assert [u["fingerprint"] for u in data["review"]["unmatched"]] == ["0123456789abcdef"]
    assert data["review"]["reviewer"]["name"] == "Rina Reviewer"
    # the rejected finding is still in the contract: one record per place
    assert len(data["findings"]) == len(seed_findings)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (
            "findings:\n  0123456789abcdef: {status: disetujui}\n",
            "status 'disetujui' tidak dikenal",
        ),
        ("findings:\n  ANG001-874: {status: diterima}\n", "bukan sidik jari temuan"),
        ("findings:\n  0123456789abcdef: {status: baru, date: 10-02-2025}\n", "tanggal"),
        ("reviewer: Rina\n", "reviewer harus berupa"),
        ("reviewers: {name: x}\n", "kunci tidak dikenal ['reviewers']"),
    ],
)
def test_bad_review_file_is_a_clear_error(tmp_path: Path, text: str, needle: str) -> None:
    report = _report(tmp_path)
    (tmp_path / "review.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InputFileError, match="review.yaml") as exc:
        audit.open(report)
    assert needle in str(exc.value)


def test_review_command_writes_then_extends_keeping_decisions(tmp_path: Path) -> None:
    report = _report(tmp_path)
    target = tmp_path / "review.yaml"
    first = run_cli("review", str(report))
    assert first.returncode == 0, first.stderr
    written = yaml.safe_load(target.read_text(encoding="utf-8"))
    statuses = {d["status"] for d in written["findings"].values()}
    # one entry per finding the audit gives the bundled report (pinned by tests/golden)
    pinned = json.loads((Path(__file__).parents[1] / "golden" / "656532_2024.json").read_text())
    assert statuses == {"baru"} and len(written["findings"]) == len(pinned)
    assert "# ANG001 [error] baris 874" in target.read_text(encoding="utf-8")

    # the reviewer decides one finding by hand, and one old entry matches nothing now
    text = target.read_text(encoding="utf-8")
    fp = next(iter(written["findings"]))
    text = text.replace(
        f"{fp}: {{status: baru, note: '', by: '', date: null}}",
        f'{fp}: {{status: ditolak, note: "Bukan kesalahan", by: Rina, date: 2025-02-10}}',
    )
    text = text.replace("reviewer: {name: '', nip: ''}", 'reviewer: {name: Rina, nip: "1985"}')
    text += "  fedcba9876543210: {status: selesai, note: lama}\n"
    target.write_text(text, encoding="utf-8")

    again = run_cli("review", str(report))
    assert again.returncode == 0, again.stderr
    kept = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert kept["reviewer"] == {"name": "Rina", "nip": "1985"}
    assert kept["findings"][fp]["status"] == "ditolak"
    assert kept["findings"][fp]["note"] == "Bukan kesalahan"
    assert str(kept["findings"][fp]["date"]) == "2025-02-10"
    assert kept["findings"]["fedcba9876543210"]["status"] == "selesai"
    assert len(kept["findings"]) == len(pinned) + 1  # the old entry is kept

    check = json.loads(run_cli("check", str(report)).stdout)
    assert check["summary"]["rejected"] == 1
    assert check["review"]["unmatched"][0]["fingerprint"] == "fedcba9876543210"


def test_a_decision_on_a_group_covers_its_places(
    tmp_path: Path, seed_findings: list[Finding]
) -> None:
    report = _report(tmp_path)
    toc = [f for f in seed_findings if f.rule == "STR009"]
    lead, member = toc[0], toc[1]
    assert lead.group == lead.fingerprint == member.group
    (tmp_path / "review.yaml").write_text(
        f"findings:\n  {lead.fingerprint}: {{status: ditolak, note: kosmetik}}\n"
        f"  {member.fingerprint}: {{status: baru}}\n",
        encoding="utf-8",
    )
    ctx = audit.open(report)
    found = audit.run_rules(ctx)
    assert {f.review.status for f in found if f.rule == "STR009" and f.review} == {"ditolak"}
    assert audit.summary(found)["rejected"] == len(toc) == 5
