"""`lkj-audit check` as a new process in several checkouts, alternately, in one run.

    git archive 081ca5e | tar -x -C /tmp/before      # a checkout to compare with
    .venv/bin/python benchmarks/ab_check.py --repeat 5 /tmp/before .

Each round runs ``python -m lkj_audit check SEED --format json`` once in every checkout (the
current directory comes first on ``sys.path`` with ``-m``, so each runs its own package with
this interpreter and its libraries), so a busy machine slows all of them alike. Bytecode is
cached (one untimed run each first), as for an installed tool. Prints the median wall and CPU
milliseconds per checkout and the 1-minute load average seen between rounds.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

SEED = Path("data") / "raw" / "2024" / "656532" / "lkj_2024_kpu_kab_ogan_komering_ilir.txt"


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("checkouts", nargs="+", type=Path)
    args = parser.parse_args()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd = [sys.executable, "-m", "lkj_audit", "check", str(SEED), "--format", "json"]
    times: dict[Path, tuple[list[float], list[float]]] = {d: ([], []) for d in args.checkouts}
    for d in args.checkouts:  # writes the bytecode
        subprocess.run(cmd, cwd=d, env=env, capture_output=True, check=True)
    loads = []
    for _ in range(args.repeat):
        for d in args.checkouts:
            cpu, t = _cpu(), time.perf_counter()
            subprocess.run(cmd, cwd=d, env=env, capture_output=True, check=True)
            times[d][0].append(time.perf_counter() - t)
            times[d][1].append(_cpu() - cpu)
        loads.append(os.getloadavg()[0])
    for d, (wall, cpu) in times.items():
        print(
            f"{str(d):40} wall median {statistics.median(wall) * 1000:6.0f} ms "
            f"(min {min(wall) * 1000:5.0f})  CPU median {statistics.median(cpu) * 1000:6.0f} ms"
        )
    print(f"load average (1 min) between rounds: {min(loads):.1f}-{max(loads):.1f}")


if __name__ == "__main__":
    main()
