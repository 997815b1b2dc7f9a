"""The warm audit (`audit.open` + `run_rules`) of several checkouts, alternately, in one run.

    git archive 231143e | tar -x -C /tmp/before      # a checkout to compare with
    .venv/bin/python benchmarks/ab_audit.py --rounds 5 /tmp/before .

Each round runs one process per checkout (its own package first on ``sys.path``, this
interpreter and its libraries); the process warms up once, then times ``--repeat`` runs of
``audit.open`` and of ``audit.open`` + ``run_rules`` in CPU time and prints their medians. A
busy machine slows all checkouts alike, so before and after stay comparable when the
absolute figures do not. The readers' cell memo (:mod:`lkj_audit.load.cellcache`, where a
checkout has it) is cleared before every timed run, as for a report the process has not read.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

SEED = Path("data") / "raw" / "2024" / "656532" / "lkj_2024_kpu_kab_ogan_komering_ilir.txt"

PROBE = r"""
import statistics, sys, time
sys.path.insert(0, ".")
from lkj_audit import audit
try:
    from lkj_audit.load.cellcache import clear
except ImportError:  # a checkout from before the memo
    def clear():
        pass
seed, repeat = sys.argv[1], int(sys.argv[2])
audit.run_rules(audit.open(seed))
opened, whole = [], []
for _ in range(repeat):
    clear()
    t0 = time.process_time()
    ctx = audit.open(seed)
    t1 = time.process_time()
    audit.run_rules(ctx)
    t2 = time.process_time()
    opened.append(t1 - t0)
    whole.append(t2 - t0)
print(statistics.median(opened) * 1000, statistics.median(whole) * 1000, min(whole) * 1000)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("checkouts", nargs="+", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per process")
    args = parser.parse_args()
    found: dict[Path, tuple[list[float], list[float], list[float]]] = {
        d: ([], [], []) for d in args.checkouts
    }
    loads = []
    for _ in range(args.rounds):
        for d in args.checkouts:
            done = subprocess.run(
                [sys.executable, "-c", PROBE, str(SEED), str(args.repeat)],
                cwd=d,
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode:
                sys.exit(f"{d}: the probe failed:\n{done.stderr[-2000:]}")
            opened, whole, fastest = map(float, done.stdout.split())
            found[d][0].append(opened)
            found[d][1].append(whole)
            found[d][2].append(fastest)
        loads.append(os.getloadavg()[0])
    print(f"median of {args.rounds} rounds x median of {args.repeat} runs, CPU ms")
    for d, (opened, whole, fastest) in found.items():
        print(
            f"{str(d):36} audit.open {statistics.median(opened):6.1f} (min {min(opened):6.1f})"
            f"   open + run_rules {statistics.median(whole):6.1f} (min {min(whole):6.1f})"
            f"   fastest single run {min(fastest):6.1f}"
        )
    print(f"load average (1 min) between rounds: {min(loads):.1f}-{max(loads):.1f}")


if __name__ == "__main__":
    main()
