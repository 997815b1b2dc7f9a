"""The ``lkj-audit`` command line: check, run, batch, rules.

Each command is a few lines calling the package. Bad input ends with a one-line message
in Bahasa Indonesia (what is wrong, what to do; :mod:`lkj_audit.messages`) and a non-zero
exit code, never a traceback. ``--debug`` adds the English technical detail.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer

from lkj_audit import __version__, cli_check
from lkj_audit.cli_check import guarded as _guarded
from lkj_audit.cli_check import set_debug as _set_debug
from lkj_audit.cli_check import setup_logging

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Audit a Laporan Kinerja (LKj): recompute every total and percentage, list discrepancies.",
)

_P = ParamSpec("_P")
_T = TypeVar("_T")


_CORRECTIONS = typer.Option(
    "--corrections", help="corrections.yaml (default: the one in the report's folder, if any)."
)
_REVIEW = typer.Option(
    "--review", help="review.yaml with decisions (default: the one in the report's folder)."
)
_PREVIOUS = typer.Option(
    "--previous",
    help="Last year's report of the same satker (.txt/.pdf/.docx) or its run folder "
    "(OUT/<year>/<satker>/): its figures are compared with this year's.",
)


class Format(StrEnum):
    """Output format of ``check``."""

    json = "json"
    text = "text"


_DEBUG_HELP = "Also print the English technical detail (and tracebacks of internal errors)."


def _guard(func: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
    """Run ``func``; turn expected errors into one-line messages and exit codes."""
    return _guarded(lambda: func(*args, **kwargs), inline_detail=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lkj-audit {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help=_DEBUG_HELP)] = False,
    version: Annotated[
        bool | None, typer.Option("--version", callback=_version, is_eager=True)
    ] = None,
) -> None:
    """Audit workbook for Indonesian government performance reports (LKj/LAKIP)."""
    setup_logging(debug)


@app.command()
def check(
    path: Annotated[Path, typer.Argument(help="The report: .txt extraction, .pdf or .docx.")],
    format: Annotated[  # noqa: A002
        Format, typer.Option("--format", "-f", help="json or text.")
    ] = Format.json,
    satker: Annotated[str | None, typer.Option(
        help="Satker code/id (default: read from the report)."
    )] = None,
    satker_name: Annotated[str | None, typer.Option(
        help="Satker name (default: read from the report)."
    )] = None,
    year: Annotated[int | None, typer.Option(
        help="Reporting year (default: read from the report)."
    )] = None,
    debug: Annotated[bool, typer.Option("--debug", help=_DEBUG_HELP)] = False,
    corrections: Annotated[Path | None, _CORRECTIONS] = None,
    review: Annotated[Path | None, _REVIEW] = None,
    previous: Annotated[Path | None, _PREVIOUS] = None,
) -> None:
    """Print the findings of one report (no notebook). Exit 0 whenever the report was read."""
    # A plain check line never gets here: lkj_audit.cli_check runs it without typer.
    _set_debug(debug)
    cli_check.check(
        path, format.value, satker=satker, satker_name=satker_name, year=year,
        corrections=corrections, review=review, previous=previous,
    )  # fmt: skip


@app.command()
def run(
    path: Annotated[Path, typer.Argument(help="The report: .txt extraction, .pdf or .docx.")],
    satker: Annotated[str | None, typer.Option(
        help="Satker id for output paths (default: code read from the report)."
    )] = None,
    year: Annotated[int | None, typer.Option(
        help="Reporting year (default: read from the report)."
    )] = None,
    out: Annotated[Path, typer.Option(
        "--out", "-o", help="Output root; files go to OUT/<year>/<satker>/."
    )] = Path("reports"),
    debug: Annotated[bool, typer.Option("--debug", help=_DEBUG_HELP)] = False,
    corrections: Annotated[Path | None, _CORRECTIONS] = None,
    review: Annotated[Path | None, _REVIEW] = None,
    previous: Annotated[Path | None, _PREVIOUS] = None,
) -> None:
    """Execute the audit notebook for one satker-year: notebook, HTML, findings.json, CSV."""
    from lkj_audit import config, runner

    _set_debug(debug)
    runner.skip_iri_grammar()  # this process is ours: papermill's import 1.5-3 s faster

    def go() -> None:
        from lkj_audit.load import precheck

        # The notebook reads the report (once); the cheap pre-check refuses a file that
        # certainly cannot be read before any kernel starts, with the reader's own message.
        precheck(path)
        if previous:
            from lkj_audit.compare.previous import precheck as precheck_previous

            precheck_previous(previous)
        workpaper = {"corrections": corrections, "review": review, "previous": previous}
        result = runner.run_one(path, satker, year, out, workpaper=workpaper)
        typer.echo(f"notebook : {result.notebook}")
        typer.echo(f"html     : {result.html}")
        typer.echo(f"findings : {result.findings}")
        typer.echo(f"tables   : {result.out_dir / config.TABLES_DIR}")
        typer.echo(f"time     : {result.seconds:.1f} s")

    _guard(go)


@app.command()
def review(
    path: Annotated[Path, typer.Argument(help="The report: .txt extraction, .pdf or .docx.")],
    review_file: Annotated[Path | None, typer.Option(
        "--review", help="The file to write (default: review.yaml in the report's folder)."
    )] = None,
    corrections: Annotated[Path | None, _CORRECTIONS] = None,
    satker: Annotated[str | None, typer.Option(help="Satker code/id.")] = None,
    year: Annotated[int | None, typer.Option(help="Reporting year.")] = None,
    previous: Annotated[Path | None, _PREVIOUS] = None,
) -> None:
    """Write or extend review.yaml: every current finding as 'baru', decisions kept."""
    from lkj_audit import audit
    from lkj_audit.workpaper import review as decisions
    from lkj_audit.workpaper import review_file as writer

    def go() -> None:
        target = review_file or path.parent / decisions.FILE_NAME
        given = target if target.is_file() else None
        ctx = audit.open(
            path, satker=satker, year=year, corrections=corrections, review=given,
            previous=previous,
        )
        found = audit.run_rules(ctx)
        added, kept = writer.write(target, audit.review_of(ctx), found, f"{ctx.satker} {ctx.year}")
        typer.echo(f"review   : {target} ({added} temuan baru ditambahkan, {kept} keputusan tetap)")

    _guard(go)


@app.command()
def rules(
    format: Annotated[Format, typer.Option("--format", "-f")] = Format.text,  # noqa: A002
) -> None:
    """Print the rule catalogue."""
    from lkj_audit.rules import catalogue

    typer.echo(catalogue.as_json() if format is Format.json else catalogue.as_markdown())


@app.command()
def batch(
    manifest: Annotated[Path, typer.Argument(
        help="Manifest CSV (satker,year,source[,satker_name]) or a folder <year>/<satker>/<report>."
    )],
    out: Annotated[Path, typer.Option(
        "--out", "-o",
        help="Output root: OUT/<year>/<satker>/ per report; OUT/<year>/index.html, batch.json, "
        "findings.parquet.",
    )] = Path("reports"),
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1, help="Local worker processes (default: number of cores)."
    )] = None,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler",
        help="Dask scheduler tcp://host:port; every worker must reach the same paths.",
    )] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Redo satker-years whose source, parameters and tool version are unchanged."
    )] = False,
    retry_failed: Annotated[bool, typer.Option(
        "--retry-failed", help="Retry reports that failed before although they did not change."
    )] = False,
    fresh_kernels: Annotated[bool, typer.Option(
        "--fresh-kernels", help="A new kernel for every notebook (strict isolation, slower)."
    )] = False,
    recycle_after: Annotated[int, typer.Option(
        "--recycle-after", min=1, help="Replace a warm kernel after this many notebooks."
    )] = 50,
    cell_timeout: Annotated[int, typer.Option(
        "--cell-timeout", min=0, help="Seconds one notebook cell may run (0: no limit)."
    )] = 600,
    progress: Annotated[bool | None, typer.Option(
        "--progress/--no-progress", help="Progress bar (default: on a terminal)."
    )] = None,
) -> None:
    """Audit many satker-years: each gets its notebook, HTML and findings; then a year index."""
    from lkj_audit.batch import driver
    from lkj_audit.batch import manifest as batch_input
    from lkj_audit.batch import scheduler as batch_scheduler

    def go() -> int:
        items = batch_input.load_items(manifest)
        options = driver.BatchOptions(
            out_root=out, workers=workers or batch_scheduler.default_workers(),
            scheduler=scheduler, force=force, retry_failed=retry_failed,
            fresh_kernels=fresh_kernels,
            recycle_after=recycle_after, cell_timeout=cell_timeout or None, progress=progress,
        )
        summary = driver.run_batch(items, options)
        for label, reason in summary.failures:
            typer.echo(f"failed: {label}: {reason}", err=True)
        for year, reason in summary.index_errors:
            typer.echo(f"failed: index {year}: {reason}", err=True)
        for path in summary.indexes:
            typer.echo(f"index    : {path}")
        typer.echo(f"batch    : {summary.line()}")
        return summary.exit_code

    # Who runs a batch needs the manifest line or scheduler address: the detail stays inline.
    code = _guarded(go, inline_detail=True)
    if code:
        raise typer.Exit(code)


@app.command()
def synth(
    count: Annotated[int, typer.Argument(
        min=1, help="How many synthetic reports (at most one per kabupaten/kota)."
    )],
    out: Annotated[Path, typer.Option(
        "--out", "-o", help="Writes OUT/<year>/<satker>/<report>.txt and OUT/manifest.csv."
    )] = Path("reports/synth"),
    seed: Annotated[int, typer.Option(
        help="Random seed: the same seed gives the same reports."
    )] = 0,
    years: Annotated[int, typer.Option(
        min=1, help="Years per satker: 2 also writes each one's report of the year before."
    )] = 1,
) -> None:
    """Make synthetic satker reports from the bundled one (for batch demos and benchmarks)."""
    from lkj_audit.batch import synth as batch_synth

    def go() -> None:
        manifest = batch_synth.generate(count, out, seed=seed, years=years)
        typer.echo(f"manifest : {manifest}")

    _guard(go)

if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
