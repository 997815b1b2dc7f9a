"""The audit itself on the bundled report, in a warm process: total and per stage.

``audit.open`` + ``audit.run_rules`` as a long-running driver (batch worker, kernel) calls
them, after one untimed warm-up run. Prints the median milliseconds of ``--repeat`` runs for
the whole audit, for each stage of it, and for the slowest rules.

    .venv/bin/python benchmarks/bench_audit.py [--repeat 20] [--rules 5] [--cpu] [--cold]

The readers memoise their cell tests and parsers (:mod:`lkj_audit.load.cellcache`); rerunning
one report finds every cell answered already. ``--cold`` forgets them before every timed run,
as for a report the process has not read before (a batch worker's next satker).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "raw" / "2024" / "656532" / "lkj_2024_kpu_kab_ogan_komering_ilir.txt"


# Wall clock by default; ``--cpu`` switches to this process's CPU time (a shared machine).
CLOCK: Callable[[], float] = time.perf_counter
# Run before every timed call, untimed (``--cold``: forget the readers' memoised cells).
BEFORE: Callable[[], None] = lambda: None  # noqa: E731


def median_ms(func: Callable[[], Any], repeat: int) -> float:
    out = []
    for _ in range(repeat):
        BEFORE()
        t = CLOCK()
        func()
        out.append(CLOCK() - t)
    return statistics.median(out) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rules", type=int, default=5, help="how many slowest rules to list")
    parser.add_argument(
        "--cpu", action="store_true", help="CPU time of this process instead of wall time"
    )
    parser.add_argument(
        "--cold", action="store_true", help="forget the readers' memoised cells before each run"
    )
    args = parser.parse_args()
    global CLOCK, BEFORE
    if args.cpu:
        CLOCK = time.process_time
    if args.cold:
        from lkj_audit.load import cellcache

        BEFORE = cellcache.clear

    from lkj_audit import audit
    from lkj_audit.load import read_document
    from lkj_audit.load import rows as table_rows
    from lkj_audit.load.tables import read_tables
    from lkj_audit.reading import assess, low_tables
    from lkj_audit.recompute import figures
    from lkj_audit.rules.registry import RuleContext, active_rules

    def whole() -> None:
        audit.run_rules(audit.open(SEED))

    whole()  # warm caches (satker list, compiled patterns) as a long-running driver would
    total = median_ms(whole, args.repeat)

    doc = read_document(SEED)
    ctx = audit.open(SEED)
    year = ctx.year
    tables = read_tables(read_document(SEED), year)
    reading = assess(tables)
    stages = [
        ("read_document", lambda: read_document(SEED)),
        # read_tables marks the document's tables as typed: give it a fresh document each time,
        # so the stage below is read_tables + read_document; the difference is printed.
        ("read_document + read_tables", lambda: read_tables(read_document(SEED), year)),
        ("rows.build (row records)", lambda: table_rows.build(tables)),
        # tables.rows() is built once, by the first of these two: both read it here
        ("reading.assess", lambda: assess(tables)),
        ("figures.build", lambda: figures.build(tables, low_tables(reading))),
        ("audit.open", lambda: audit.open(SEED)),
        # the same context again: its text analysis (doc.mentions) is already built
        ("audit.run_rules", lambda: audit.run_rules(ctx)),
    ]
    clock = "CPU" if args.cpu else "wall"
    print(
        f"report: {SEED.name} ({SEED.stat().st_size / 1024:.0f} KiB), "
        f"median of {args.repeat}, {clock} time"
        + (", cell memo cleared each run" if args.cold else "")
    )
    print(f"{'stage':34} {'median ms':>10}")
    print(f"{'audit.open + run_rules (whole)':34} {total:10.1f}")
    times = {}
    for name, func in stages:
        times[name] = median_ms(func, args.repeat)
        print(f"{name:34} {times[name]:10.1f}")
    print(
        f"{'  read_tables (difference)':34} "
        f"{times['read_document + read_tables'] - times['read_document']:10.1f}"
    )
    print(f"{'  run_rules, first (whole - open)':34} {total - times['audit.open']:10.1f}")
    del doc

    per_rule: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.repeat):
        # A fresh context each time, as a real run: the first rule to read a shared text
        # analysis (doc.mentions) pays for building it, the others read it.
        fresh = audit.open(SEED)
        for spec in active_rules():
            bound = RuleContext(fresh, spec)
            t = CLOCK()
            list(spec.func(bound))
            per_rule[f"{spec.code} {spec.name}"].append(CLOCK() - t)
    ranked = sorted(((statistics.median(v) * 1000, k) for k, v in per_rule.items()), reverse=True)
    print(
        f"\nslowest rules, fresh context each (of {len(ranked)}; all rules together "
        f"{sum(ms for ms, _ in ranked):.1f} ms)"
    )
    for ms, name in ranked[: args.rules]:
        print(f"  {name:48} {ms:8.1f}")


if __name__ == "__main__":
    main()
