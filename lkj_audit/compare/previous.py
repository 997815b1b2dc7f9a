"""Last year's figures of the same satker, from its report or from its run folder (R-A2).

``--previous`` names either last year's report (.txt, .pdf, .docx: read with the same
readers and recomputed the same way as this year's) or the folder an earlier ``run`` or
``batch`` wrote for it (``<out>/<year>/<satker>/``), whose ``findings.json`` carries the
recomputed ``figures``. A previous report of another satker, or of a year that is not
earlier, is refused: a comparison with the wrong report is worse than none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lkj_audit.errors import InputFileError, PreviousYearError
from lkj_audit.load import precheck as precheck_report
from lkj_audit.load import read_document
from lkj_audit.load import satker as satker_list
from lkj_audit.load.identity import detect
from lkj_audit.load.tables import read_tables
from lkj_audit.messages import explain
from lkj_audit.reading import assess, low_tables
from lkj_audit.recompute import figures as figures_of

FINDINGS_NAME = "findings.json"  # as config.FINDINGS_NAME (kept here: a run folder's layout)
REPORT_SUFFIXES = (".txt", ".pdf", ".docx")
# What a comparison reads from a run folder's findings.json (written since lkj-audit knows
# about previous years); an older findings.json lacks the per-indicator and people figures.
NEEDED = (
    ("figures", "anggaran"),
    ("figures", "capaian", "indicators"),
    ("figures", "pemilih"),
    ("figures", "pegawai"),
)
_HOW = "Berikan LKj tahun sebelumnya (.txt, .pdf atau .docx) atau folder hasil auditnya."


@dataclass(frozen=True, slots=True)
class PreviousYear:
    """Last year's report as far as a comparison needs it."""

    year: int
    satker: str | None
    satker_code: str | None
    source_sha256: str
    path: str  # what --previous named
    origin: str  # "laporan" (a report file) or "folder" (a run folder's findings.json)
    figures: dict[str, Any]  # the shape of findings.json ``figures``
    notes: list[str] = field(default_factory=list)  # what the auditor should know


def load(path: str | Path, year: int, satker: str, satker_code: str | None) -> PreviousYear:
    """Last year's figures from ``path``, checked against this year's satker and ``year``."""
    p = Path(path)
    if not p.exists():
        raise PreviousYearError(f"--previous {p}: berkas atau folder tidak ditemukan. {_HOW}")
    prev = _from_folder(p) if p.is_dir() else _from_report(p)
    _check(prev, year, satker, satker_code)
    return prev


def precheck(path: str | Path) -> None:
    """Refuse (cheaply, before any kernel starts) a ``--previous`` that certainly cannot work."""
    p = Path(path)
    if not p.exists():
        raise PreviousYearError(f"--previous {p}: berkas atau folder tidak ditemukan. {_HOW}")
    if p.is_dir():
        if not (p / FINDINGS_NAME).is_file():
            raise _no_findings(p)
        return
    _check_suffix(p)
    try:
        precheck_report(p)
    except InputFileError as exc:  # the reader's own advice, about this file
        raise PreviousYearError(f"--previous {p}: {explain(exc).line()}") from None


def _check_suffix(p: Path) -> None:
    if p.suffix.lower() not in REPORT_SUFFIXES:
        raise PreviousYearError(
            f"--previous {p}: jenis berkas '{p.suffix or 'tanpa akhiran'}' tidak didukung. {_HOW}"
        )


def _no_findings(p: Path) -> PreviousYearError:
    return PreviousYearError(
        f"--previous {p}: folder ini tidak berisi {FINDINGS_NAME}. Berikan folder hasil "
        f"'lkj-audit run' tahun sebelumnya (<out>/<tahun>/<satker>/) atau LKj-nya sendiri."
    )


def _from_report(p: Path) -> PreviousYear:
    _check_suffix(p)
    try:
        doc = read_document(p)
    except InputFileError as exc:  # the reader's own advice, about this file
        raise PreviousYearError(f"--previous {p}: {explain(exc).line()}") from None
    ident = detect(doc)
    if ident.year is None:
        raise PreviousYearError(
            f"--previous {p}: tahun laporan tidak terbaca dari laporan tahun sebelumnya. "
            "Pastikan sampulnya menyebut 'Tahun YYYY', atau berikan folder hasil auditnya."
        )
    tables = read_tables(doc, ident.year)
    figs = figures_of.build(tables, low_tables(assess(tables)))
    return PreviousYear(
        year=ident.year,
        satker=ident.satker.nama if ident.satker else ident.satker_name,
        satker_code=ident.satker.kode if ident.satker else None,
        source_sha256=doc.sha256,
        path=str(p),
        origin="laporan",
        figures=figs.as_dict(),
    )


def _from_folder(p: Path) -> PreviousYear:
    found = p / FINDINGS_NAME
    if not found.is_file():
        raise _no_findings(p)
    try:
        data = json.loads(found.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise PreviousYearError(
            f"--previous {found}: berkas tidak dapat dibaca sebagai JSON ({exc}). "
            "Jalankan ulang audit tahun sebelumnya, atau berikan LKj-nya sendiri."
        ) from None
    missing = [".".join(keys) for keys in NEEDED if _dig(data, keys) is None]
    year = data.get("year") if isinstance(data, dict) else None
    sha = _dig(data, ("source", "sha256"))
    if not isinstance(year, int) or not isinstance(sha, str):
        missing += [k for k, v in (("year", year), ("source.sha256", sha)) if v is None]
    if missing:
        raise PreviousYearError(
            f"--previous {found}: tidak memuat {', '.join(missing)} (dibuat oleh versi "
            "lkj-audit yang lebih lama atau bukan findings.json). Jalankan ulang audit tahun "
            "sebelumnya dengan versi ini, atau berikan LKj tahun sebelumnya sebagai --previous."
        )
    return PreviousYear(
        year=int(data["year"]),
        satker=data.get("satker"),
        satker_code=data.get("satker_code"),
        source_sha256=str(sha),
        path=str(p),
        origin="folder",
        figures=data["figures"],
    )


def _dig(data: Any, keys: tuple[str, ...]) -> Any:
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def _check(prev: PreviousYear, year: int, satker: str, code: str | None) -> None:
    """Refuse another satker's report or a year that is not earlier; note what is unsure."""
    if prev.year >= year:
        raise PreviousYearError(
            f"--previous {prev.path}: laporan itu tahun {prev.year}, bukan tahun sebelum "
            f"{year}. Berikan LKj tahun {year - 1} satker yang sama."
        )
    if not _same_satker(prev, satker, code):
        raise PreviousYearError(
            f"--previous {prev.path}: laporan itu milik {prev.satker}, bukan {satker}. "
            f"Berikan LKj tahun {year - 1} {satker}."
        )
    if prev.year < year - 1:
        prev.notes.append(
            f"Laporan pembanding adalah tahun {prev.year}, bukan {year - 1}: perubahan "
            f"mencakup {year - prev.year} tahun."
        )
    if prev.satker is None:
        prev.notes.append(
            "Satker laporan pembanding tidak terbaca; pastikan laporan itu milik satker yang sama."
        )


def _same_satker(prev: PreviousYear, satker: str, code: str | None) -> bool:
    """Same satker code when both are known, else the same satker by name (fuzzy, listed)."""
    if prev.satker is None:
        return True  # nothing to compare: noted for the auditor instead
    if code and prev.satker_code:
        return code == prev.satker_code
    mine, theirs = satker_list.match(satker), satker_list.match(prev.satker)
    if mine and theirs:
        return mine.kode == theirs.kode
    return satker_list.normalise_region(satker) == satker_list.normalise_region(prev.satker)
