"""First batch run vs a rerun with nothing changed, side by side in one run.

Generates ``--reports`` synthetic reports, replaces ``--broken`` of them by unreadable
ones (half empty files, refused by the driver's pre-check; half texts that are no LKj,
found only by the reader in the kernel), then runs ``lkj-audit batch`` twice on the same
manifest and output folder. Prints both wall times, the ratio, and what the rerun did
(from ``batch.json``: items dispatched, failures kept, index rebuilt).

    .venv/bin/python benchmarks/bench_rerun.py [--reports 10] [--broken 2] [--workers 2]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lkj_audit.batch import synth


def _break(manifest: Path, broken: int) -> None:
    rows = list(csv.DictReader(manifest.open(encoding="utf-8")))
    for n, row in enumerate(rows[:broken]):
        source = manifest.parent / row["source"]
        source.write_text("" if n % 2 == 0 else "Daftar belanja\nberas\n", encoding="utf-8")


def _batch(manifest: Path, out: Path, workers: int) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "lkj_audit", "batch", str(manifest), "--out", str(out),
         "--workers", str(workers), "--no-progress"],
        check=False, capture_output=True,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10)
    parser.add_argument("--broken", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lkj-bench-rerun-") as tmp:
        manifest = synth.generate(args.reports, Path(tmp) / "in", seed=0)
        _break(manifest, args.broken)
        out = Path(tmp) / "out"
        first = _batch(manifest, out, args.workers)
        rerun = _batch(manifest, out, args.workers)
        record = json.loads(next(out.glob("*/batch.json")).read_text("utf-8"))
    print(f"reports {args.reports} ({args.broken} broken), --workers {args.workers}")
    print(f"first run : {first:6.2f} s")
    print(f"rerun     : {rerun:6.2f} s   (rerun/first = {rerun / first:.3f})")
    print(f"rerun did : {json.dumps(record['run'])}")


if __name__ == "__main__":
    main()
