"""Run the audit notebook for one satker-year with papermill and export its HTML.

Outputs in ``<out>/<year>/<satker>/``: ``audit_lkj.ipynb`` (executed working paper),
``audit.html`` (narrative, code hidden), ``findings.json`` and ``tables/*.csv`` (written by
the notebook itself). Every file is written under a temporary name and renamed into place.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lkj_audit import config
from lkj_audit.errors import NotebookFailed
from lkj_audit.fsutil import atomic_write_text
from lkj_audit.ids import check_satker_id, inside

__all__ = ["NotebookFailed", "RunResult", "parameters", "run_one"]

log = logging.getLogger(__name__)
NOTEBOOK_NAME = config.AUDIT_NOTEBOOK_NAME
# The kernel's own start-up chatter (e.g. "running over TCP without encryption" on a
# loopback-only kernel) is not the auditor's business; cell errors still surface.
_QUIET_KERNEL: dict[str, Any] = {"extra_arguments": ["--IPKernelApp.log_level=ERROR"]}
HTML_NAME = "audit.html"


@dataclass(frozen=True, slots=True)
class RunResult:
    """Where one run's outputs are and how long it took."""

    out_dir: Path
    notebook: Path
    html: Path
    findings: Path
    seconds: float


def parameters(source: str | Path, satker: str, year: int, out_root: str | Path) -> dict[str, Any]:
    """The notebook's parameters (absolute paths, so the kernel's cwd does not matter)."""
    return {
        "source": str(Path(source).resolve()),
        "satker": str(satker),
        "year": int(year),
        "out_dir": str(Path(out_root).resolve()),
    }


def run_one(
    source: str | Path,
    satker: str,
    year: int,
    out_root: str | Path,
    *,
    notebook: str | Path | None = None,
    engine_name: str | None = None,
    kernel_name: str = "python3",
    exporter: Any = None,
    engine_kwargs: dict[str, Any] | None = None,
) -> RunResult:
    """Execute the audit notebook for one report and export the narrative HTML."""
    import papermill as pm

    from lkj_audit.render import html_export

    started = time.perf_counter()
    params = parameters(source, satker, year, out_root)
    # The satker id becomes a folder name: refuse anything that could climb out of out_root.
    target = inside(out_root, config.output_dir(out_root, year, check_satker_id(satker)))
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
        failed = target / f"{NOTEBOOK_NAME}.failed"
        if tmp_nb.exists():
            tmp_nb.replace(failed)
        raise NotebookFailed(
            f"{source}: the audit notebook failed in cell {exc.exec_count}: {exc.ename}: "
            f"{exc.evalue}. The failed notebook is kept at {failed}.",
            ename=exc.ename, failed_notebook=str(failed),
        ) from None
    except BaseException:
        tmp_nb.unlink(missing_ok=True)
        raise
    html = html_export.to_html(nb, html_export.title_for(params), exporter)
    atomic_write_text(target / HTML_NAME, html)
    # The notebook is renamed into place last: its presence marks a completed run.
    tmp_nb.replace(target / NOTEBOOK_NAME)
    (target / f"{NOTEBOOK_NAME}.failed").unlink(missing_ok=True)
    return RunResult(
        out_dir=target,
        notebook=target / NOTEBOOK_NAME,
        html=target / HTML_NAME,
        findings=target / "findings.json",
        seconds=time.perf_counter() - started,
    )
