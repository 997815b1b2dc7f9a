"""The command line as a user runs it: contract output, exit codes, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lkj_audit.fsutil import sha256_file
from tests.conftest import SEED
from tests.helpers import CONTRACT_CATEGORIES, run_cli

pytestmark = pytest.mark.process  # every test here starts `lkj-audit` as a process


def test_check_json_follows_the_findings_contract() -> None:
    proc = run_cli("check", str(SEED), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["satker"] == "KPU Kabupaten Ogan Komering Ilir" and data["year"] == 2024
    assert data["satker_code"] == "656532"
    assert data["findings"], "the seed has known errors"
    for f in data["findings"]:
        assert {
            "rule",
            "category",
            "severity",
            "location",
            "stated",
            "expected",
            "message",
            "evidence",
        } <= set(f)
        assert f["category"] in CONTRACT_CATEGORIES and f["severity"] in {
            "error",
            "warning",
            "info",
        }
    severities = [f["severity"] for f in data["findings"]]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


def test_check_is_reproducible() -> None:
    a = run_cli("check", str(SEED)).stdout
    b = run_cli("check", str(SEED)).stdout
    assert a == b


def test_check_text_and_overrides() -> None:
    # Values the report does NOT say (it is KPU Kab. Ogan Komering Ilir, 656532, 2024): the
    # output must carry these, proving the options are used and not the detected ones.
    overrides = ("--year", "2023", "--satker", "999001", "--satker-name", "Satker Uji Lain")
    proc = run_cli("check", str(SEED), "-f", "text", *overrides)
    assert proc.returncode == 0, proc.stderr
    first = proc.stdout.splitlines()[0]
    assert first.startswith("Satker Uji Lain — 2023 —"), first
    data = json.loads(run_cli("check", str(SEED), "-f", "json", *overrides).stdout)
    assert (data["satker"], data["satker_code"], data["year"]) == (
        "Satker Uji Lain",
        "999001",
        2023,
    )
    assert {f["satker"] for f in data["findings"] if "satker" in f} <= {"999001"}


@pytest.mark.parametrize(
    ("content", "bahasa", "detail"),
    [
        (None, "tidak ditemukan", "file not found"),
        (b"", "kosong", "empty"),
        (b"\x00\x01\x02binary\x00" * 50, "bukan teks", "binary"),
        (
            b"Just a shopping list\nmilk\neggs\n",
            "tidak berbentuk Laporan Kinerja",
            "no LKj structure",
        ),
    ],
)
def test_bad_input_gives_one_bahasa_line_and_exit_2(
    tmp_path: Path, content: bytes | None, bahasa: str, detail: str
) -> None:
    path = tmp_path / "report.txt"
    if content is not None:
        path.write_bytes(content)
    proc = run_cli("check", str(path))
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("lkj-audit: error:") and bahasa in lines[0]
    assert detail not in lines[0]  # the English technical detail only under --debug
    assert "Traceback" not in proc.stderr
    debug = run_cli("check", str(path), "--debug")
    assert debug.returncode == 2
    first, second = debug.stderr.strip().splitlines()
    assert first == lines[0] and second.startswith("  detail: ") and detail in second
    assert run_cli("--debug", "check", str(path)).stderr == debug.stderr  # global flag too


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    path.write_bytes(b"PK\x03\x04")
    proc = run_cli("check", str(path))
    assert proc.returncode == 2 and "tidak didukung" in proc.stderr
    assert "unsupported file type" in run_cli("check", str(path), "--debug").stderr


def test_report_without_year_asks_for_it(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "BAB I\n\nPENDAHULUAN\n\nKPU Kabupaten Ogan Komering Ilir menyusun laporan.\nSatu.\nDua.\n",
        encoding="utf-8",
    )
    proc = run_cli("check", str(path))
    assert proc.returncode == 2 and "--year" in proc.stderr
    assert run_cli("check", str(path), "--year", "2024").returncode == 0


def test_run_errors_are_bahasa_first(tmp_path: Path) -> None:
    proc = run_cli("run", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "lkj-audit: error: Berkas laporan tidak ditemukan. "
        "Periksa nama dan lokasi berkas (.txt, .pdf atau .docx)."
    ]
    debug = run_cli("run", str(tmp_path / "missing.txt"), "--debug")
    assert "file not found" in debug.stderr.splitlines()[1]


def test_rules_catalogue_lists_every_rule() -> None:
    proc = run_cli("rules", "--format", "json")
    assert proc.returncode == 0
    rules = json.loads(proc.stdout)
    codes = [r["code"] for r in rules]
    assert len(codes) == len(set(codes)) and {"ANG001", "PML001", "CAP001"} <= set(codes)
    assert all(r["why"] and r["fails_when"] and r["passes_when"] for r in rules)


@pytest.mark.notebook
def test_run_writes_outputs(tmp_path: Path) -> None:
    proc = run_cli("run", str(SEED), "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "2024" / "656532"
    assert (out / "audit.html").exists() and (out / "findings.json").exists()
    assert (out / "audit_lkj.ipynb").exists() and (out / "tables" / "anggaran.csv").exists()
    assert "audit.html" in proc.stdout
    # One read, in the kernel: no staging folder is left, and the hash is of the file itself.
    assert [p.name for p in tmp_path.iterdir()] == ["2024"]
    data = json.loads((out / "findings.json").read_text("utf-8"))
    assert data["source"]["sha256"] == sha256_file(SEED)


@pytest.mark.notebook
def test_run_bad_input_gives_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"Just a shopping list\nmilk\neggs\n")
    proc = run_cli("run", str(path), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "tidak berbentuk Laporan Kinerja" in lines[0]
    assert "Traceback" not in proc.stderr
    assert not any((tmp_path / "out").glob(".lkj-run.*"))


@pytest.mark.parametrize("satker", ["../../escape", "..", "a/b", ".hidden", "/abs"])
def test_run_refuses_a_satker_id_that_leaves_out(tmp_path: Path, satker: str) -> None:
    out = tmp_path / "nest" / "out"
    proc = run_cli("run", str(SEED), "--satker", satker, "--out", str(out))
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr
    assert "bukan nama folder yang sah" in lines[0]  # Bahasa Indonesia: what and how to fix
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written == [], written  # nothing written anywhere, inside --out or outside it
