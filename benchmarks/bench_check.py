"""Per-report check cost: in-process audit vs the CLI process vs a notebook run, in one run.

Prints milliseconds per report for each way and the ratios, so the cost of process start-up
and of the notebook (kernel, papermill, nbconvert) is visible next to the audit itself.

    .venv/bin/python benchmarks/bench_check.py [--repeat 20] [--cli-repeat 5] [--imports 15]

``lkj-audit check PATH --format json`` is timed as a whole new process (median of
``--cli-repeat``; wall and CPU seconds of the process), and one more run under
``python -X importtime`` lists the slowest imports (cumulative, top-level packages) so what
the check path should not import is visible. The check runs as an installed tool does, with
the package's bytecode cached (one untimed run writes it, even where the environment sets
``PYTHONDONTWRITEBYTECODE``); ``--no-bytecode`` times it compiling every module instead.
``--notebook-repeat 0`` skips the notebook run. The 1-minute load average is printed.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "raw" / "2024" / "656532" / "lkj_2024_kpu_kab_ogan_komering_ilir.txt"


CHECK = [sys.executable, "-m", "lkj_audit", "check", str(SEED), "--format", "json"]


def top_imports(count: int, env: dict[str, str]) -> list[tuple[float, str]]:
    """The slowest top-level imports of the check process (cumulative µs → ms)."""
    err = subprocess.run(
        [sys.executable, "-X", "importtime", *CHECK[1:]], capture_output=True, text=True, env=env
    ).stderr
    found = []
    for line in err.splitlines():
        parts = line.split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name = parts[2]
        if name.startswith("  "):  # nested: counted in its parent
            continue
        found.append((int(parts[1]) / 1000, name.strip()))
    return sorted(found, reverse=True)[:count]


def process_times(env: dict[str, str], repeat: int) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system) seconds of each ``lkj-audit check`` process."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(CHECK, check=False, capture_output=True, env=env)
        walls.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def timed(func, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        func()
        out.append(time.perf_counter() - t)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--cli-repeat", type=int, default=5)
    parser.add_argument("--notebook-repeat", type=int, default=3)
    parser.add_argument("--imports", type=int, default=15, help="how many top imports to list")
    parser.add_argument("--no-bytecode", action="store_true", help="compile modules every run")
    args = parser.parse_args()
    env = dict(os.environ)
    if args.no_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run(CHECK, check=False, capture_output=True, env=env)  # writes bytecode

    from lkj_audit import audit, runner

    def in_process() -> None:
        ctx = audit.open(SEED)
        audit.run_rules(ctx)

    in_process()  # warm caches (satker list, templates) as a long-running driver would
    t_audit = timed(in_process, args.repeat)
    t_cli, cpu_cli = process_times(env, args.cli_repeat)
    with tempfile.TemporaryDirectory() as out:
        t_nb = timed(lambda: runner.run_one(SEED, "656532", 2024, out), args.notebook_repeat)

    rows = [
        ("audit in-process", t_audit),
        ("lkj-audit check (new process)", t_cli),
        ("  its CPU (user + system)", cpu_cli),
    ]
    if t_nb:
        rows.append(("notebook run (papermill + HTML)", t_nb))
    base = statistics.median(t_audit)
    print(f"report: {SEED.name} ({SEED.stat().st_size / 1024:.0f} KiB)")
    print(f"{'way':34} {'median ms':>10} {'min ms':>10} {'× in-process':>13}")
    for name, ts in rows:
        med = statistics.median(ts)
        print(f"{name:34} {med * 1000:10.1f} {min(ts) * 1000:10.1f} {med / base:13.1f}")
    print(
        f"bytecode cached: {not args.no_bytecode}; load average (1 min): {os.getloadavg()[0]:.2f}"
    )
    print("\nslowest top-level imports of `lkj-audit check` (cumulative ms, one run)")
    for ms, name in top_imports(args.imports, env):
        print(f"  {name:30} {ms:8.1f}")


if __name__ == "__main__":
    main()
