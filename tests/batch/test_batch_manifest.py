"""Batch input: manifest CSV and <year>/<satker>/<report> folders, and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkj_audit.batch.manifest import ManifestError, load_items

from .conftest import run_cli


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_manifest_relative_sources_and_optional_name(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", "x")
    m = write(tmp_path / "in" / "m.csv",
              "satker,year,source,satker_name\n656532,2024,a.txt,KPU Kab. X\n"
              "656553,2023,/abs/b.txt,\n\n")
    items = load_items(m)
    assert [(i.satker, i.year) for i in items] == [("656532", 2024), ("656553", 2023)]
    assert items[0].source == tmp_path / "in" / "a.txt"
    assert items[0].satker_name == "KPU Kab. X"
    assert items[1].source == Path("/abs/b.txt") and items[1].satker_name is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("satker,source\n1,a.txt\n", "missing year"),
        ("satker,year,source\n656532,24,a.txt\n", "is not a year"),
        ("satker,year,source\n../up,2024,a.txt\n", "cannot be a folder name"),
        ("satker,year,source\n656532,2024,\n", "source column is empty"),
        ("satker,year,source\n656532,2024,a.txt\n656532,2024,b.txt\n", "more than once"),
        ("satker,year,source\n", "no reports to audit"),
    ],
)
def test_manifest_errors_are_one_line(tmp_path: Path, text: str, message: str) -> None:
    m = write(tmp_path / "m.csv", text)
    with pytest.raises(ManifestError, match=message) as info:
        load_items(m)
    assert "\n" not in str(info.value)


def test_folder_layout(tmp_path: Path) -> None:
    write(tmp_path / "data" / "2024" / "656532" / "lkj.txt", "x")
    write(tmp_path / "data" / "2024" / "656553" / "one.pdf", "x")
    write(tmp_path / "data" / "2024" / "656553" / "two.txt", "x")
    (tmp_path / "data" / "2024" / "659999").mkdir()
    write(tmp_path / "data" / "2023" / "656532" / "notes.md", "not a report suffix")
    write(tmp_path / "data" / "README.txt", "ignored: not in a year folder")
    items = {(i.year, i.satker): i for i in load_items(tmp_path / "data")}
    assert set(items) == {(2023, "656532"), (2024, "656532"), (2024, "656553"), (2024, "659999")}
    assert items[(2024, "656532")].problem is None
    assert items[(2024, "656532")].source.name == "lkj.txt"
    assert "2 report files" in (items[(2024, "656553")].problem or "")
    assert "no report file" in (items[(2024, "659999")].problem or "")
    assert "no report file" in (items[(2023, "656532")].problem or "")
    # A single year folder works too.
    one_year = {i.satker for i in load_items(tmp_path / "data" / "2024")}
    assert one_year == {"656532", "656553", "659999"}


def test_folder_without_years(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(ManifestError, match="no year folders"):
        load_items(tmp_path / "empty")


@pytest.mark.process
def test_cli_bad_manifest_is_one_line_exit_2(tmp_path: Path, tag: str) -> None:
    m = write(tmp_path / "m.csv", "satker,tahun,source\n656532,2024,a.txt\n")
    res = run_cli(["batch", str(m), "--out", str(tmp_path / "out")], tag, timeout=120)
    assert res.returncode == 2
    assert res.stderr.startswith("lkj-audit: error: ") and res.stderr.count("\n") == 1
    assert "missing year" in res.stderr and "Traceback" not in res.stderr
    assert res.stderr.index("Daftar laporan (manifest)") < res.stderr.index("missing year")
    missing = run_cli(["batch", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "o")], tag)
    assert missing.returncode == 2 and "not found" in missing.stderr
