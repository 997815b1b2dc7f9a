"""Run the audit notebook for one satker-year with papermill and export its HTML.

Outputs in ``<out>/<year>/<satker>/``: ``audit_lkj.ipynb`` (executed working paper),
``audit.html`` (narrative, code hidden), ``findings.json`` and ``tables/*.csv`` (written by
the notebook itself). Every file is written under a temporary name and renamed into place.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lkj_audit import config
from lkj_audit.errors import LkjAuditError
from lkj_audit.fsutil import atomic_write_text

log = logging.getLogger(__name__)
NOTEBOOK_NAME = "audit_lkj.ipynb"
# The kernel's own start-up chatter (e.g. "running over TCP without encryption" on a
# loopback-only kernel) is not the auditor's business; cell errors still surface.
_QUIET_KERNEL: dict[str, Any] = {"extra_arguments": ["--IPKernelApp.log_level=ERROR"]}
HTML_NAME = "audit.html"


class NotebookFailed(LkjAuditError):
    """The audit notebook raised; the failed notebook is kept for inspection."""


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
    satker: str,
    year: int,
    out_root: str | Path,
    workpaper: Mapping[str, str | Path | None] | None = None,
) -> dict[str, Any]:
    """The notebook's parameters (absolute paths, so the kernel's cwd does not matter).

    ``workpaper`` names the reviewer's files given explicitly (``corrections``, ``review``);
    without them the notebook uses those in the report's folder.
    """
    params: dict[str, Any] = {
        "source": str(Path(source).resolve()),
        "satker": str(satker),
        "year": int(year),
        "out_dir": str(Path(out_root).resolve()),
    }
    for name, path in (workpaper or {}).items():
        if path:
            params[name] = str(Path(path).resolve())
    return params


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
    workpaper: Mapping[str, str | Path | None] | None = None,
) -> RunResult:
    """Execute the audit notebook for one report and export the narrative HTML."""
    import papermill as pm

    from lkj_audit.render import html_export

    started = time.perf_counter()
    params = parameters(source, satker, year, out_root, workpaper)
    target = config.output_dir(out_root, year, satker)
    target.mkdir(parents=True, exist_ok=True)
    tmp_nb = target / f".audit_lkj.{uuid.uuid4().hex[:12]}.part.ipynb"
    try:
        nb = pm.execute_notebook(
            str(notebook or config.AUDIT_NOTEBOOK),
            str(tmp_nb),
            parameters=params,
            kernel_name=kernel_name,
            engine_name=engine_name,
            progress_bar=False,
            log_output=False,
            cwd=str(config.PROJECT_DIR),
            **{**_QUIET_KERNEL, **(engine_kwargs or {})},
        )
    except pm.PapermillExecutionError as exc:
        failed = target / f"{NOTEBOOK_NAME}.failed"
        if tmp_nb.exists():
            tmp_nb.replace(failed)
        raise NotebookFailed(
            f"{source}: the audit notebook failed in cell {exc.exec_count}: {exc.ename}: "
            f"{exc.evalue}. The failed notebook is kept at {failed}."
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
