"""Run the audit notebook for one satker-year with papermill and export its HTML.

Outputs in ``<out>/<year>/<satker>/``: ``audit_lkj.ipynb`` (executed working paper),
``audit.html`` (narrative, code hidden), ``findings.json`` and ``tables/*.csv`` (written by
the notebook itself). Every file is written under a temporary name and renamed into place.
"""

from __future__ import annotations

import logging
import shutil
import sys
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lkj_audit import config
from lkj_audit.config import FINDINGS_NAME, HTML_NAME, NOTEBOOK_NAME
from lkj_audit.errors import NotebookFailed
from lkj_audit.fsutil import atomic_write_text
from lkj_audit.ids import check_satker_id, inside
from lkj_audit.messages import input_error_class

__all__ = ["NotebookFailed", "RunResult", "parameters", "run_one", "skip_iri_grammar"]

log = logging.getLogger(__name__)
# The kernel's own log (start-up chatter such as "running over TCP without encryption", or
# "KeyboardInterrupt caught in kernel." when a failed run interrupts it on shutdown) is not
# the auditor's business and would break the one-line error; cell errors still surface.
_QUIET_KERNEL: dict[str, Any] = {"extra_arguments": ["--IPKernelApp.log_level=CRITICAL"]}


@dataclass(frozen=True, slots=True)
class RunResult:
    """Where one run's outputs are and how long it took."""

    out_dir: Path
    notebook: Path
    html: Path
    findings: Path
    seconds: float


def parameters(
    source: str | Path,
    satker: str | None,
    year: int | None,
    out_root: str | Path,
    workpaper: Mapping[str, str | Path | None] | None = None,
) -> dict[str, Any]:
    """The notebook's parameters (absolute paths, so the kernel's cwd does not matter).

    An unknown satker or year is passed empty (``""``, ``0``): the notebook reads it from the
    report, so the report is read once, in the kernel. ``workpaper`` names the reviewer's
    files given explicitly (``corrections``, ``review``); without them the notebook uses
    those in the report's folder.
    """
    params: dict[str, Any] = {
        "source": str(Path(source).resolve()),
        "satker": str(satker or ""),
        "year": int(year or 0),
        "out_dir": str(Path(out_root).resolve()),
    }
    for name, path in (workpaper or {}).items():
        if path:
            params[name] = str(Path(path).resolve())
    return params


def run_one(
    source: str | Path,
    satker: str | None,
    year: int | None,
    out_root: str | Path,
    *,
    notebook: str | Path | None = None,
    engine_name: str | None = None,
    kernel_name: str = "python3",
    exporter: Any = None,
    engine_kwargs: dict[str, Any] | None = None,
    workpaper: Mapping[str, str | Path | None] | None = None,
) -> RunResult:
    """Execute the audit notebook for one report and export the narrative HTML.

    With ``satker`` and ``year`` unknown, the notebook reads them from the report and writes
    into a staging folder; its ``<year>/<satker>/`` outputs are then moved into ``out_root``.
    """
    if satker:  # it becomes a folder name: refuse anything that could climb out of out_root
        check_satker_id(satker)  # before importing papermill: a refusal costs no 3 s import
    import papermill as pm

    from lkj_audit.render import html_export

    started = time.perf_counter()
    staging = None
    if satker and year:
        target = inside(out_root, config.output_dir(out_root, year, satker))
    else:
        staging = Path(out_root) / f".lkj-run.{uuid.uuid4().hex[:12]}"
        target = staging
    params = parameters(source, satker, year, staging or out_root, workpaper)
    target.mkdir(parents=True, exist_ok=True)
    tmp_nb = target / f".audit_lkj.{uuid.uuid4().hex[:12]}.part.ipynb"
    try:
        nb = pm.execute_notebook(
            str(notebook or config.notebook(NOTEBOOK_NAME)),
            str(tmp_nb),
            parameters=params,
            kernel_name=kernel_name,
            engine_name=engine_name,
            progress_bar=False,
            log_output=False,
            cwd=str(config.project_root()),
            **{**_QUIET_KERNEL, **(engine_kwargs or {})},
        )
    except pm.PapermillExecutionError as exc:
        input_error = input_error_class(exc.ename)
        if input_error is not None:  # bad input: the reader's own message, no notebook
            _discard(staging, tmp_nb)
            raise input_error(exc.evalue) from None
        failed = (Path(out_root) if staging else target) / f"{NOTEBOOK_NAME}.failed"
        if tmp_nb.exists():
            tmp_nb.replace(failed)
        _discard(staging, tmp_nb)
        raise NotebookFailed(
            f"{source}: the audit notebook failed in cell {exc.exec_count}: {exc.ename}: "
            f"{exc.evalue}. The failed notebook is kept at {failed}.",
            ename=exc.ename,
            failed_notebook=str(failed),
        ) from None
    except BaseException:
        _discard(staging, tmp_nb)
        raise
    if staging is not None:
        target, tmp_nb = _unstage(staging, Path(out_root), tmp_nb)
    title = html_export.title_for({"satker": target.name, "year": target.parent.name})
    html = html_export.to_html(nb, title, exporter)
    atomic_write_text(target / HTML_NAME, html)
    # The notebook is renamed into place last: its presence marks a completed run.
    tmp_nb.replace(target / NOTEBOOK_NAME)
    (target / f"{NOTEBOOK_NAME}.failed").unlink(missing_ok=True)
    return RunResult(
        out_dir=target,
        notebook=target / NOTEBOOK_NAME,
        html=target / HTML_NAME,
        findings=target / FINDINGS_NAME,
        seconds=time.perf_counter() - started,
    )


def skip_iri_grammar() -> None:
    """Spare a process of our own 1.5-3 s of start-up: no IRI grammar for jsonschema.

    Importing jsonschema (via nbformat, which papermill and nbconvert import) builds a Lark
    grammar for its optional "iri" format checker (package ``rfc3987_syntax``). Notebook
    validation never uses that format, so a process that is ours (the ``run`` command, a
    batch worker) declines the optional import before nbformat is imported; jsonschema then
    simply has no "iri" checker. Not done for library callers: their process is theirs.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def _discard(staging: Path | None, tmp_nb: Path) -> None:
    tmp_nb.unlink(missing_ok=True)
    if staging is not None:
        shutil.rmtree(staging, ignore_errors=True)


def _unstage(staging: Path, out_root: Path, tmp_nb: Path) -> tuple[Path, Path]:
    """Move the notebook's ``<year>/<satker>/`` outputs from ``staging`` into ``out_root``."""
    found = [p for p in staging.glob("*/*") if p.is_dir()]
    if len(found) != 1:
        _discard(staging, tmp_nb)
        raise NotebookFailed(f"the audit notebook wrote no outputs under {staging}.")
    rel = found[0].relative_to(staging)
    check_satker_id(rel.name, "satker read from the report")
    target = inside(out_root, out_root / rel)
    for path in sorted(found[0].rglob("*")):
        if path.is_file():  # one rename per file: each lands complete, as atomic_write does
            dest = target / path.relative_to(found[0])
            dest.parent.mkdir(parents=True, exist_ok=True)
            path.replace(dest)
    moved = target / tmp_nb.name
    tmp_nb.replace(moved)
    shutil.rmtree(staging, ignore_errors=True)
    return target, moved
