"""The batch sweep: plan (skip what is current), dispatch, record, show progress, summarise.

The driver never imports papermill, pandas or a kernel: it hashes sources, reads stamps,
refuses reports that certainly cannot be read (:func:`lkj_audit.load.precheck`), hands the
rest to a :mod:`~lkj_audit.batch.scheduler` and rewrites each year's ``batch.json``
(atomically) as results come back. After the items, one index task per year builds
``index.html`` and ``findings.parquet`` on a worker.

A rerun costs almost nothing when nothing changed: finished items are skipped by their
stamp, a failure is kept while its key (source SHA-256, parameters, notebook, tool version)
is unchanged (``--retry-failed`` tries again), and a year's index is rebuilt only when an
item of that year ran or ended differently from the previous batch.
"""

from __future__ import annotations

import json
import logging
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from lkj_audit import config, runner
from lkj_audit.batch import scheduler as schedulers
from lkj_audit.batch import state
from lkj_audit.batch.manifest import BatchItem
from lkj_audit.batch.tasks import IndexResult, IndexTask, ItemResult, ItemTask, RunOptions
from lkj_audit.batch.worker import INDEX_HTML, LOG_DIR, one_line, run_index, run_item
from lkj_audit.errors import LkjAuditError, ReportNotFoundError, WorkerLostError
from lkj_audit.fsutil import sha256_file
from lkj_audit.messages import kind

log = logging.getLogger(__name__)
PARQUET_NAME = config.PARQUET_NAME


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """Everything ``lkj-audit batch`` lets the user choose."""

    out_root: Path
    workers: int
    scheduler: str | None = None
    force: bool = False
    retry_failed: bool = False  # retry failures whose inputs did not change
    fresh_kernels: bool = False
    recycle_after: int = 50
    cell_timeout: int | None = 600
    progress: bool | None = None  # None: only when stderr is a terminal
    notebook: Path | None = None
    index_notebook: Path | None = None


@dataclass(slots=True)
class BatchSummary:
    """Counts, time, failures, and where the indexes are."""

    done: int = 0
    skipped: int = 0
    failed: int = 0
    kept: int = 0  # of ``failed``: unchanged failures of an earlier batch, not retried
    dispatched: int = 0  # items sent to a worker (each runs a kernel)
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (year/satker, reason)
    index_errors: list[tuple[int, str]] = field(default_factory=list)
    indexes: list[Path] = field(default_factory=list)
    scheduler: str = ""

    @property
    def exit_code(self) -> int:
        """0 when every item and index succeeded, else 1."""
        return 1 if self.failed or self.index_errors else 0

    def line(self) -> str:
        """``24 done, 0 skipped, 2 failed in 35.2 s (1.35 s/report)``."""
        ran = self.done + self.failed
        rate = f" ({self.seconds / ran:.2f} s/report)" if ran else ""
        kept = f" ({self.kept} unchanged, kept: --retry-failed retries)" if self.kept else ""
        return (f"{self.done} done, {self.skipped} skipped, {self.failed} failed{kept} "
                f"in {self.seconds:.1f} s{rate}")


@dataclass(slots=True)
class _Planned:
    item: BatchItem
    key: dict[str, Any] | None = None
    sha256: str | None = None
    status: str = "pending"  # pending / skipped / failed
    error: str | None = None
    error_type: str | None = None
    kept: dict[str, Any] | None = None  # the previous entry of an unchanged failure
    # Last year's run of the same satker (R-A2): its folder, and whether it runs in this batch
    # first (then this item waits for it, and its key names last year's findings once known).
    previous: Path | None = None
    waits_for: _Planned | None = None
    key_parts: tuple[Any, ...] = ()


def run_batch(items: list[BatchItem], options: BatchOptions) -> BatchSummary:
    """Audit every item; write outputs, batch.json, index.html and findings.parquet per year."""
    out_root = options.out_root.resolve()
    with state.OutputLock(out_root):
        return _Sweep(items, options, out_root).run()


class _Sweep:
    def __init__(self, items: list[BatchItem], options: BatchOptions, out_root: Path) -> None:
        self.items = sorted(items, key=lambda i: (i.year, i.satker))
        self.options = options
        self.out_root = out_root
        self.run_options = RunOptions(
            out_root=str(out_root),
            notebook=str(options.notebook) if options.notebook else None,
            index_notebook=str(options.index_notebook) if options.index_notebook else None,
            fresh_kernels=options.fresh_kernels,
            recycle_after=options.recycle_after,
            cell_timeout=options.cell_timeout,
        )
        self.records: dict[int, state.BatchRecord] = {}
        self.summary = BatchSummary()
        self.ran_years: set[int] = set()  # years with an item that changed or ran
        self.index_current: set[int] = set()  # years whose last batch ended with its index
        self.previous: dict[int, dict[str, Any] | None] = {}  # last batch.json per year
        self.rebuilt: set[int] = set()  # years whose index ran in this batch
        self.plans: dict[tuple[int, str], _Planned] = {}  # planned so far (years ascending)

    def run(self) -> BatchSummary:
        started = time.perf_counter()
        plans = [self._plan(item) for item in self.items]
        self._open_records(plans)
        todo = [p for p in plans if p.status == "pending"]
        years = [y for y in self.records if self._needs_index(y)]
        sched: schedulers.Scheduler | None = None
        outcome = "interrupted"
        try:
            if todo or years:
                sched = schedulers.make(self.options.scheduler, self.options.workers,
                                        self.run_options,
                                        quiet=not log.isEnabledFor(logging.DEBUG))
                self.summary.scheduler = sched.description
                self.summary.dispatched = len(todo)
                self._dispatch(sched, todo, len(plans))
                log.debug("items finished after %.1f s", time.perf_counter() - started)
                self._indexes(sched, [y for y in self.records if self._needs_index(y)])
                log.debug("indexes finished after %.1f s", time.perf_counter() - started)
            outcome = "complete"
        finally:
            if sched is not None:
                sched.close(cancel=outcome != "complete")
                log.debug("workers closed after %.1f s", time.perf_counter() - started)
            for record in self.records.values():
                record.status, record.ended = outcome, state.now()
                record.run = {"dispatched": self.summary.dispatched,
                              "workers_started": sched is not None,
                              "kept_failures": self.summary.kept,
                              "index_rebuilt": record.year in self.rebuilt}
                record.write()
            _remove_if_empty(self.out_root / LOG_DIR)
        self.summary.seconds = time.perf_counter() - started
        return self.summary

    # -- planning -------------------------------------------------------------------------

    def _plan(self, item: BatchItem) -> _Planned:
        plan = self.plans[(item.year, item.satker)] = _Planned(item)
        if item.problem:
            plan.status, plan.error, plan.error_type = "failed", item.problem, item.problem_type
            return plan
        if not item.source.is_file():
            plan.status, plan.error = "failed", f"{item.source}: file not found. Check the path."
            plan.error_type = ReportNotFoundError.__name__
            return plan
        plan.sha256 = sha256_file(item.source)
        sidecars = {  # the reviewer's files beside the report (audit.open reads them)
            name: sha256_file(path)
            for name in ("corrections.yaml", "review.yaml")
            if (path := item.source.parent / name).is_file()
        }
        self._previous_run(plan)
        plan.key_parts = (plan.sha256, sidecars)
        plan.key = self._key(plan)
        if plan.waits_for is not None:  # last year reruns first: so does this year
            return self._prechecked(plan)
        folder = config.output_dir(self.out_root, item.year, item.satker)
        if not self.options.force and state.is_current(folder, plan.key):
            plan.status = "skipped"
            return plan
        before = self._previous_item(item)
        if (before and before.get("status") == "failed" and before.get("failure_key") == plan.key
                and not (self.options.force or self.options.retry_failed)):
            plan.status, plan.kept = "failed", before
            plan.error, plan.error_type = before.get("error"), before.get("error_type")
            return plan
        return self._prechecked(plan)

    def _prechecked(self, plan: _Planned) -> _Planned:
        from lkj_audit.load import precheck  # only when something is left to run: 0.3 s import

        try:
            precheck(plan.item.source)  # milliseconds: no kernel for a report that cannot be read
        except LkjAuditError as exc:
            plan.status, plan.error, plan.error_type = "failed", one_line(str(exc)), kind(exc)
        return plan

    def _previous_run(self, plan: _Planned) -> None:
        """Last year's run of the same satker under the output folder, when there is one.

        An item of last year in this batch that is about to run is waited for; one that
        failed here is not used (its folder may hold an older run's findings).
        """
        item = plan.item
        before = self.plans.get((item.year - 1, item.satker))
        folder = config.output_dir(self.out_root, item.year - 1, item.satker)
        if before is not None and before.status == "pending":
            plan.previous, plan.waits_for = folder, before
        elif before is None or before.status == "skipped":
            has_run = (folder / config.FINDINGS_NAME).is_file()
            plan.previous = folder if has_run else None

    def _key(self, plan: _Planned) -> dict[str, Any]:
        """The item's key; with last year's findings' SHA-256 once they exist."""
        item = plan.item
        sha, sidecars = plan.key_parts
        workpaper = {"previous": plan.previous} if plan.previous else None
        params = runner.parameters(item.source, item.satker, item.year, self.out_root, workpaper)
        found = plan.previous / config.FINDINGS_NAME if plan.previous else None
        if found is not None and found.is_file():
            sidecars = {**sidecars, "previous findings.json": sha256_file(found)}
        return state.item_key(sha, params, _notebook_sha(self.options.notebook), sidecars)

    def _previous_item(self, item: BatchItem) -> dict[str, Any] | None:
        """The item's entry in the year's batch.json as the last batch left it."""
        if item.year not in self.previous:
            self.previous[item.year] = _read_json(
                self.out_root / str(item.year) / state.RECORD_NAME)
        prev = self.previous[item.year] or {}
        items = prev.get("items") if isinstance(prev.get("items"), list) else []
        found = [i for i in items or [] if isinstance(i, dict) and i.get("satker") == item.satker]
        return found[0] if found else None

    def _open_records(self, plans: list[_Planned]) -> None:
        opts = {
            "workers": self.options.workers,
            "scheduler": self.options.scheduler or "local",
            "fresh_kernels": self.options.fresh_kernels,
            "force": self.options.force,
            "recycle_after": self.options.recycle_after,
        }
        for plan in plans:
            item = plan.item
            record = self.records.get(item.year)
            if record is None:
                path = self.out_root / str(item.year) / state.RECORD_NAME
                same_year = {p.item.satker for p in plans if p.item.year == item.year}
                if _index_was_built(path, same_year):
                    self.index_current.add(item.year)
                state.forget_year(path.parent)  # e.g. a .batch.json.*.part of a killed batch
                record = self.records[item.year] = state.BatchRecord(path, item.year, opts)
            kept = plan.kept or {}
            record.set_item(
                item.satker, satker_name=item.satker_name, source=str(item.source.resolve()),
                sha256=plan.sha256, status=plan.status, duration=kept.get("duration"),
                error=plan.error, error_type=plan.error_type,
                failure_key=plan.key if plan.status == "failed" else None,
                failure_kept=plan.kept is not None,
                failed_notebook=kept.get("failed_notebook"), worker=kept.get("worker"),
                outputs=_outputs(item.satker),
            )
            if plan.status == "skipped":
                self.summary.skipped += 1
            elif plan.status == "failed":
                self.summary.kept += plan.kept is not None
                self._count_failure(item.year, item.satker, plan.error or "")
            if plan.status == "failed" and _outcome(self._previous_item(item)) != _outcome(
                    record.items[item.satker]):
                self.ran_years.add(item.year)  # a new or different failure: the index shows it
        for year, record in self.records.items():
            prev = self.previous.get(year) or {}
            if year in self.index_current and isinstance(prev.get("index"), dict):
                record.index = prev["index"]  # still true unless rebuilt below
            record.write()

    def _needs_index(self, year: int) -> bool:
        year_dir = self.out_root / str(year)
        return (self.options.force or year in self.ran_years or year not in self.index_current
                or not (year_dir / INDEX_HTML).is_file() or not (year_dir / PARQUET_NAME).is_file())

    # -- running --------------------------------------------------------------------------

    def _dispatch(self, sched: schedulers.Scheduler, todo: list[_Planned], total: int) -> None:
        with tqdm(total=total, initial=total - len(todo), unit="laporan", desc="audit",
                  disable=self._no_progress(), file=sys.stderr, dynamic_ncols=True) as bar:
            for wave in _waves(todo):  # last year's run before this year's (R-A2)
                for plan in wave:
                    self._settle_previous(plan)
                lost = self._round(sched, wave, bar, retry=True)
                if lost and sched.restart():  # a worker died: one more try, fresh workers
                    self._round(sched, lost, bar, retry=False)

    def _settle_previous(self, plan: _Planned) -> None:
        """Last year's item has run: use its findings if it succeeded, else none."""
        before = plan.waits_for
        if before is None:
            return
        record = self.records[before.item.year].items.get(before.item.satker, {})
        if record.get("status") != "done":
            plan.previous = None
        plan.key = self._key(plan)

    def _round(self, sched: schedulers.Scheduler, plans: list[_Planned], bar: Any,
               retry: bool) -> list[_Planned]:
        """Run ``plans``; those whose worker was lost are returned when ``retry``."""
        futures, lost = {}, []
        for plan in plans:
            item = plan.item
            assert plan.key is not None
            task = ItemTask(item.satker, item.year, str(item.source.resolve()), plan.key,
                            self.run_options,
                            previous=str(plan.previous) if plan.previous else None)
            key = f"lkj-{item.year}-{item.satker}-{uuid.uuid4().hex[:8]}"
            futures[sched.submit(run_item, task, key)] = plan
            self.ran_years.add(item.year)
        for future in sched.as_completed(futures):
            plan = futures[future]
            res = _result(future, plan.item)
            if res is None and retry:
                lost.append(plan)
                continue
            self._record(plan.item, res or _lost(plan.item, future), plan.key)
            bar.update(1)
            if self.summary.failed:
                bar.set_postfix(gagal=self.summary.failed)
        return lost

    def _record(self, item: BatchItem, res: ItemResult, key: dict[str, Any] | None) -> None:
        record = self.records[item.year]
        record.set_item(item.satker, status=res.status, duration=res.seconds, error=res.error,
                        error_type=res.error_type, failure_kept=False,
                        failure_key=key if _lasting(res) else None,
                        sha256=res.sha256 or record.items[item.satker].get("sha256"),
                        failed_notebook=_relative(res.failed_notebook, record.path.parent),
                        worker=res.worker)
        record.write()
        if res.status == "done":
            self.summary.done += 1
        else:
            self._count_failure(item.year, item.satker, res.error or "unknown error")

    def _count_failure(self, year: int, satker: str, error: str) -> None:
        self.summary.failed += 1
        self.summary.failures.append((f"{year}/{satker}", one_line(error)))

    def _indexes(self, sched: schedulers.Scheduler, years: list[int]) -> None:
        futures = {}
        for year in years:
            task = IndexTask(year, self.run_options)
            key = f"lkj-index-{year}-{uuid.uuid4().hex[:8]}"
            futures[sched.submit(run_index, task, key)] = year
        for future in sched.as_completed(futures):
            year = futures[future]
            try:
                res: IndexResult = future.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker: report, do not crash
                error = one_line(f"{type(exc).__name__}: {exc}")
                res = IndexResult(year, "failed", 0.0, error=error)
            record = self.records[year]
            self.rebuilt.add(year)
            record.index = {"status": res.status, "error": res.error, "duration": res.seconds,
                            "html": INDEX_HTML, "parquet": PARQUET_NAME}
            record.write()
            if res.status == "done":
                self.summary.indexes.append(record.path.parent / INDEX_HTML)
            else:
                self.summary.index_errors.append((year, res.error or "unknown error"))

    def _no_progress(self) -> bool:
        if self.options.progress is None:
            return not sys.stderr.isatty()
        return not self.options.progress


def _waves(todo: list[_Planned]) -> list[list[_Planned]]:
    """``todo`` in rounds: an item runs in a round after the item it waits for."""
    waves: list[list[_Planned]] = []
    placed: dict[int, int] = {}  # id(plan) -> its wave
    for plan in todo:  # years ascending: what a plan waits for is placed before it
        dep = plan.waits_for
        wave = placed[id(dep)] + 1 if dep is not None and id(dep) in placed else 0
        placed[id(plan)] = wave
        while len(waves) <= wave:
            waves.append([])
        waves[wave].append(plan)
    return waves


def _result(future: Any, item: BatchItem) -> ItemResult | None:
    """The worker's result; ``None`` when the worker itself was lost (tasks never raise)."""
    try:
        res: ItemResult = future.result()
        return res
    except Exception:  # noqa: BLE001 - a worker process died or was lost
        return None


def _lost(item: BatchItem, future: Any) -> ItemResult:
    exc = future.exception()
    return ItemResult(item.satker, item.year, "failed", 0.0,
                      error=one_line(f"worker lost: {type(exc).__name__}: {exc}"),
                      error_type=WorkerLostError.__name__)


def _lasting(res: ItemResult) -> bool:
    """A failure that will recur while the inputs stay the same (a lost worker may not)."""
    return res.status == "failed" and res.error_type != WorkerLostError.__name__


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _outcome(entry: dict[str, Any] | None) -> tuple[Any, ...]:
    """What the index shows of an item (its outcome, its source, its error)."""
    if not entry:
        return ()
    ok = entry.get("status") in ("done", "skipped")
    return (ok, entry.get("sha256"), None if ok else entry.get("error"))


def _index_was_built(record: Path, satker: set[str]) -> bool:
    """Did the previous batch of this year finish, index included, for the same satker?"""
    try:
        prev = json.loads(record.read_text("utf-8"))
        return bool(prev["status"] == "complete" and prev["index"]["status"] == "done"
                    and {i["satker"] for i in prev["items"]} == satker)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _remove_if_empty(folder: Path) -> None:
    """Kernel logs are kept only for kernels that misbehaved; drop the folder otherwise."""
    try:
        folder.rmdir()
    except OSError:
        pass


def _outputs(satker: str) -> dict[str, str]:
    notebook, html, findings = state.OUTPUTS
    return {"notebook": f"{satker}/{notebook}", "html": f"{satker}/{html}",
            "findings": f"{satker}/{findings}"}


def _relative(path: str | None, base: Path) -> str | None:
    if not path:
        return None
    try:
        return str(Path(path).relative_to(base))
    except ValueError:
        return path


_nb_sha: dict[str, str] = {}


def _notebook_sha(notebook: Path | None) -> str:
    path = str(notebook or config.notebook(config.AUDIT_NOTEBOOK_NAME))
    if path not in _nb_sha:
        _nb_sha[path] = sha256_file(path)
    return _nb_sha[path]
