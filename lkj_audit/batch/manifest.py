"""What a batch audits: a CSV manifest, or a folder laid out as ``<year>/<satker>/<report>``.

Manifest columns: ``satker,year,source`` and optionally ``satker_name``. A relative
``source`` is relative to the manifest's own folder. ``satker`` becomes a folder name
(``OUT/<year>/<satker>/``), so it must be a plain name (letters, digits, ``._-``).

A problem with the manifest itself (missing column, bad year, duplicate satker-year) stops
the batch with a one-line message; a problem with one report (file missing, two reports in
one satker folder) is recorded as that item's failure and the batch goes on.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from lkj_audit.errors import ManifestError, ReportFolderError
from lkj_audit.ids import is_safe_id, satker_id_problem

REPORT_SUFFIXES = (".txt", ".pdf", ".docx")
REQUIRED = ("satker", "year", "source")
_YEAR = re.compile(r"(19|20)\d\d")


@dataclass(frozen=True, slots=True)
class BatchItem:
    """One satker-year to audit."""

    satker: str
    year: int
    source: Path
    satker_name: str | None = None
    problem: str | None = None  # known before running: recorded as this item's failure
    problem_type: str = ReportFolderError.__name__  # its kind (lkj_audit.messages)

    @property
    def label(self) -> str:
        """``2024/656532`` — how the console and batch.json name the item."""
        return f"{self.year}/{self.satker}"


def load_items(path: str | Path) -> list[BatchItem]:
    """Items from a manifest file or a data folder, in a stable order."""
    p = Path(path)
    if not p.exists():
        raise ManifestError(
            f"{p}: not found. Give a manifest .csv or a data folder <year>/<satker>/."
        )
    items = scan_folder(p) if p.is_dir() else read_manifest(p)
    if not items:
        raise ManifestError(f"{p}: no reports to audit.")
    _check_unique(items, p)
    return items


def read_manifest(path: Path) -> list[BatchItem]:
    """Parse a manifest CSV (UTF-8, header row, comma-separated)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: cannot read the manifest ({exc}).") from None
    reader = csv.DictReader(text.splitlines())
    columns = [c.strip() for c in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise ManifestError(
            f"{path}: the manifest needs the columns satker,year,source (optional satker_name); "
            f"missing {', '.join(missing)} (found: {', '.join(columns) or 'nothing'})."
        )
    items = []
    for lineno, row in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        if not any(row.values()):
            continue
        where = f"{path} line {lineno}"
        source = Path(row["source"]) if row["source"] else None
        if source is None:
            raise ManifestError(f"{where}: the source column is empty.")
        items.append(
            BatchItem(
                satker=_satker_id(row["satker"], where),
                year=_year(row["year"], where),
                source=source if source.is_absolute() else (path.parent / source),
                satker_name=row.get("satker_name") or None,
            )
        )
    return items


def scan_folder(root: Path) -> list[BatchItem]:
    """Items from ``root/<year>/<satker>/<report>`` (or ``root`` being one year folder)."""
    year_dirs = sorted(d for d in root.iterdir() if d.is_dir() and _YEAR.fullmatch(d.name))
    if not year_dirs and _YEAR.fullmatch(root.name):
        year_dirs = [root]
    if not year_dirs:
        raise ManifestError(
            f"{root}: no year folders found; expected {root}/<year>/<satker>/<report> "
            "(for example data/raw/2024/656532/lkj_2024.txt)."
        )
    items = []
    for year_dir in year_dirs:
        for satker_dir in sorted(d for d in year_dir.iterdir() if d.is_dir()):
            if satker_dir.name.startswith(".") or not is_safe_id(satker_dir.name):
                continue
            items.append(_folder_item(int(year_dir.name), satker_dir))
    return items


def _folder_item(year: int, folder: Path) -> BatchItem:
    reports = sorted(
        f for f in folder.iterdir()
        if f.is_file() and not f.name.startswith(".") and f.suffix.lower() in REPORT_SUFFIXES
    )
    problem = None
    if not reports:
        problem = f"{folder}: no report file (.txt, .pdf or .docx) in this folder."
    elif len(reports) > 1:
        names = ", ".join(r.name for r in reports)
        problem = f"{folder}: {len(reports)} report files ({names}); keep one per satker-year."
    return BatchItem(
        satker=folder.name, year=year, source=reports[0] if reports else folder, problem=problem
    )


def _satker_id(text: str, where: str) -> str:
    problem = satker_id_problem(text, where)
    if problem:
        raise ManifestError(problem)
    return text


def _year(text: str, where: str) -> int:
    if not _YEAR.fullmatch(text):
        raise ManifestError(f"{where}: year '{text}' is not a year such as 2024.")
    return int(text)


def _check_unique(items: list[BatchItem], path: Path) -> None:
    seen: set[tuple[int, str]] = set()
    for item in items:
        key = (item.year, item.satker)
        if key in seen:
            raise ManifestError(
                f"{path}: satker {item.satker} year {item.year} appears more than once; "
                "each satker-year has one report."
            )
        seen.add(key)
