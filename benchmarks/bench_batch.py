"""Batch vs the naive loop, side by side in one run, on the same synthetic reports.

naive  per report: a ``papermill`` CLI process (audit notebook, new kernel) and then a
       ``jupyter nbconvert --to html`` process, one report after the other;
batch  ``lkj-audit batch MANIFEST --out DIR --workers N``: one driver, N worker processes
       with warm kernels, then the year index (index.html + findings.parquet).

Prints seconds per report for each way, the ratio, CPU seconds, and peak memory (RSS of the
whole process tree, sampled every 50 ms; for the batch also the largest single worker with
its kernels). Checks that both ways found the same number of findings for every satker.

    .venv/bin/python benchmarks/bench_batch.py [--reports 24] [--workers N] [--keep DIR]
    .venv/bin/python benchmarks/bench_batch.py --reports 96 --naive-sample 8  # naive on 8
    .venv/bin/python benchmarks/bench_batch.py --reports 514 --batch-only   # no naive loop

``--naive-sample K`` times the naive loop on the first K reports only (it costs ~10 s per
report; its time per report does not depend on how many there are) while the batch runs
all of them, index included; findings are compared for those K.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NOTEBOOK = ROOT / "notebooks" / "audit_lkj.ipynb"
TEMPLATES = ROOT / "lkj_audit" / "render" / "nbtemplate"
MIB = 1024 * 1024


@dataclass
class Peak:
    """Peak RSS of a process tree, sampled in a background thread."""

    root: int
    total: int = 0
    worker: int = 0  # largest direct child together with its descendants
    _stop: threading.Event = field(default_factory=threading.Event)

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                top = psutil.Process(self.root)
                tree = {p.pid: p for p in [top, *top.children(recursive=True)]}
                rss = {pid: _rss(p) for pid, p in tree.items()}
                self.total = max(self.total, sum(rss.values()))
                for child in top.children():
                    group = [child.pid] + [p.pid for p in child.children(recursive=True)]
                    self.worker = max(self.worker, sum(rss.get(pid, 0) for pid in group))
            except psutil.Error:
                pass
            self._stop.wait(0.05)

    def __enter__(self) -> Peak:
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _rss(proc: psutil.Process) -> int:
    try:
        return int(proc.memory_info().rss)
    except psutil.Error:
        return 0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measured(run: Callable[[Callable[[subprocess.Popen[bytes]], None]], None]) -> dict[str, float]:
    """Wall time, children CPU and peak memory of ``run`` (which starts processes)."""
    peaks: list[Peak] = []
    cpu0, t0 = _children_cpu(), time.perf_counter()

    def watch(proc: subprocess.Popen[bytes]) -> None:
        with Peak(proc.pid) as peak:
            proc.wait()
        peaks.append(peak)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{proc.args!r} exited with {proc.returncode}")

    run(watch)
    return {
        "seconds": time.perf_counter() - t0,
        "cpu": _children_cpu() - cpu0,
        "peak_total": max(p.total for p in peaks) / MIB,
        "peak_worker": max(p.worker for p in peaks) / MIB,
    }


def naive(items: list[dict[str, str]], out: Path) -> Callable[..., None]:
    def run(watch: Callable[[subprocess.Popen[bytes]], None]) -> None:
        for item in items:
            nb = out / "notebooks" / f"{item['satker']}.ipynb"
            nb.parent.mkdir(parents=True, exist_ok=True)
            quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
            watch(subprocess.Popen(
                [str(BIN / "papermill"), str(NOTEBOOK), str(nb), "-p", "source", item["source"],
                 "-r", "satker", item["satker"], "-p", "year", item["year"],
                 "-p", "out_dir", str(out), "--cwd", str(ROOT), "--no-progress-bar"], **quiet))
            watch(subprocess.Popen(
                [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input",
                 "--template", "lkj", f"--TemplateExporter.extra_template_basedirs={TEMPLATES}",
                 str(nb), "--output", str(out / item["year"] / item["satker"] / "audit.html")],
                **quiet))
    return run


def batch(manifest: Path, out: Path, workers: int) -> Callable[..., None]:
    def run(watch: Callable[[subprocess.Popen[bytes]], None]) -> None:
        watch(subprocess.Popen(
            [str(BIN / "lkj-audit"), "batch", str(manifest), "--out", str(out),
             "--workers", str(workers), "--no-progress"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    return run


def findings_per_satker(out: Path, items: list[dict[str, str]]) -> dict[str, int]:
    counts = {}
    for item in items:
        path = out / item["year"] / item["satker"] / "findings.json"
        counts[item["satker"]] = len(json.loads(path.read_text("utf-8"))["findings"])
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=24)
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="keep reports and outputs in this folder")
    parser.add_argument("--batch-only", action="store_true",
                        help="time only the batch (e.g. 514 reports: the naive loop takes an hour)")
    parser.add_argument("--naive-sample", type=int, default=0, metavar="K",
                        help="time the naive loop on the first K reports only (its time is per "
                        "report; the batch still runs all of them, index included)")
    args = parser.parse_args()

    from lkj_audit.batch import synth

    work = args.keep or Path(tempfile.mkdtemp(prefix="lkj-bench-"))
    manifest = synth.generate(args.reports, work / "data", seed=args.seed)
    with manifest.open(encoding="utf-8") as fh:
        items = list(csv.DictReader(fh))
    for item in items:
        item["source"] = str(work / "data" / item["source"])

    load0 = os.getloadavg()
    if args.batch_only:
        b = measured(batch(manifest, work / "batch", args.workers))
        load1 = os.getloadavg()
        done = sum((work / "batch" / i["year"] / i["satker"] / "findings.json").is_file()
                   for i in items)
        print(f"reports : {len(items)} synthetic satker reports (seed {args.seed}); "
              f"{len(os.sched_getaffinity(0))} cores; batch --workers {args.workers}")
        print(f"batch   : {b['seconds']:7.1f} s  {b['seconds'] / len(items):6.2f} s/report  "
              f"cpu {b['cpu'] / len(items):5.2f} s/report  peak RSS {b['peak_total']:6.0f} MiB "
              f"total, largest worker + kernels {b['peak_worker']:.0f} MiB (incl. index)")
        print(f"findings.json written for {done} of {len(items)}; "
              f"load average {load0[0]:.1f} before, {load1[0]:.1f} after")
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        return
    # One untimed naive run first, so that neither way pays for a cold disk cache.
    measured(naive(items[:1], work / "warmup"))
    sample = items[: args.naive_sample] if args.naive_sample else items
    n = measured(naive(sample, work / "naive"))
    b = measured(batch(manifest, work / "batch", args.workers))
    load1 = os.getloadavg()

    same = findings_per_satker(work / "naive", sample) == findings_per_satker(
        work / "batch", sample
    )
    per_n, per_b = n["seconds"] / len(sample), b["seconds"] / len(items)
    print(f"reports : {len(items)} synthetic satker reports (seed {args.seed}); "
          f"{len(os.sched_getaffinity(0))} cores; batch --workers {args.workers}")
    print(f"naive   : {n['seconds']:7.1f} s  {per_n:6.2f} s/report  "
          f"cpu {n['cpu'] / len(sample):5.2f} s/report  peak RSS {n['peak_total']:6.0f} MiB "
          f"(papermill or nbconvert, with kernel; {len(sample)} reports)")
    print(f"batch   : {b['seconds']:7.1f} s  {per_b:6.2f} s/report  "
          f"cpu {b['cpu'] / len(items):5.2f} s/report  peak RSS {b['peak_total']:6.0f} MiB "
          f"total, largest worker + kernels {b['peak_worker']:.0f} MiB (incl. index)")
    print(f"ratio   : {per_n / per_b:.1f}x less time per report "
          f"(cpu {n['cpu'] / len(sample) / (b['cpu'] / len(items)):.1f}x less)")
    print(f"same findings per satker both ways ({len(sample)} compared): "
          f"{'yes' if same else 'NO'}; "
          f"load average {load0[0]:.1f} before, {load1[0]:.1f} after")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
