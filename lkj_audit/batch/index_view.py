"""What the batch index notebook shows (``notebooks/batch_index.ipynb``), one call per cell.

Everything is rendered through an overlay of the project's autoescaping Jinja environment:
satker names, file names and error messages come from reports and manifests, so they are
data and are always escaped. Charts are PNG bytes embedded in the notebook.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from IPython.display import HTML, Image, display
from jinja2 import ChoiceLoader, Environment, PackageLoader

from lkj_audit import __version__, config
from lkj_audit.batch import index_charts, index_data
from lkj_audit.batch.index_data import IndexData
from lkj_audit.errors import InputFileError
from lkj_audit.model import Category, Severity
from lkj_audit.render.env import environment

CATEGORY_ABBREV = {
    "arithmetic": "Arit", "cross_table": "Antar", "narrative": "Nar", "period": "Per",
    "identity": "Ident", "structure": "Str", "completeness": "Kel", "plausibility": "Kew",
}


@lru_cache(maxsize=1)
def _env() -> Environment:
    base = environment()
    assert base.loader is not None
    loader = ChoiceLoader([PackageLoader("lkj_audit", "batch/templates"), base.loader])
    return base.overlay(loader=loader)


def _html(template: str, **context: Any) -> None:
    html = _env().get_template(template).render(**context)
    display(HTML(html))  # type: ignore[no-untyped-call]


def _records(frame: Any) -> list[dict[str, Any]]:
    """Rows as dicts, NaN/NA as ``None`` (templates test ``is none``)."""
    out = []
    for row in frame.to_dict("records"):
        out.append({k: (None if _missing(v) else v) for k, v in row.items()})
    return out


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value) or (isinstance(value, float) and math.isnan(value))
    except (TypeError, ValueError):
        return False


def load(out_dir: str | Path, year: int) -> IndexData:
    """The year's batch record and outputs; a relative ``out_dir`` starts from the project.

    No batch there is the usual first step of a new user, so it stops with what to set.
    """
    year_dir = config.project_path(out_dir) / str(year)
    if not (year_dir / "batch.json").is_file():
        raise InputFileError(
            f"Belum ada hasil batch tahun {year} di {year_dir} (berkas batch.json tidak ada). "
            "Isi parameter out_dir dengan folder --out dari `lkj-audit batch DAFTAR.csv "
            "--out DIR` dan year dengan tahunnya, atau buat contoh dengan `make demo-batch` "
            "(hasilnya di reports/batch); lalu jalankan ulang semua sel."
        )
    return index_data.load(year_dir.parent, year)


def save_findings(data: IndexData) -> Path:
    """Write ``findings.parquet`` (one row per finding) next to ``batch.json``."""
    return index_data.write_parquet(data)


def header(data: IndexData) -> None:
    """Batch counts, findings by severity, when and with which tool."""
    sev = data.findings["severity"].value_counts()
    summary = {"total": 0, "done": 0, "skipped": 0, "failed": 0, "pending": 0}
    summary.update(data.record.get("summary", {}))
    _html(
        "index_header.html.j2",
        year=data.year,
        summary=summary,
        by_severity={s.value: int(sev.get(s.value, 0)) for s in Severity},
        started=data.record.get("started") or "–",
        version=data.record.get("tool", {}).get("version", __version__),
    )


def failures(data: IndexData) -> None:
    """Reports that could not be audited: satker, file, one-line reason, failed notebook."""
    _html("index_failures.html.j2", rows=_records(data.failures))


def satker_table(data: IndexData) -> None:
    """One row per satker: counts by severity and category, serapan, capaian, link."""
    _html("index_satker.html.j2", rows=_records(data.satker),
          categories=[c.value for c in Category], abbrev=CATEGORY_ABBREV)


def charts(data: IndexData) -> None:
    """Serapan vs capaian, findings per category, most frequent rules."""
    for png in (
        index_charts.serapan_vs_capaian(data.satker),
        index_charts.findings_by_category(data.findings),
        index_charts.top_rules(data.findings),
    ):
        if png:
            display(Image(data=png, format="png"))  # type: ignore[no-untyped-call]
