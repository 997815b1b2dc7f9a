"""Reading truth per layout trait, over many renders of the layout corpus (issue 7).

For N seeds: render a consistent report and a damaged one (one defect per table family),
audit both, and count per trait: renders using it, renders whose typed tables differ from the
truth (misreads, missing and extra rows), recall of the injected defects, and false
errors/warnings (arithmetic, cross_table, narrative) on the consistent render. The weakest
traits come first.

    .venv/bin/python benchmarks/bench_reading.py [--renders 200] [--workers 2] [--show SEED]
        [--known-weak FILE]

``--known-weak FILE`` also writes the failing seeds, each with what goes wrong, as the body
of ``tests/corpus/layouts/known_weak.py`` (so its strict expected failures stay true).
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.corpus.layouts.evaluate import Outcome, evaluate  # noqa: E402
from tests.corpus.layouts.traits import all_traits  # noqa: E402


def table(outcomes: list[Outcome]) -> str:
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for o in outcomes:
        for t in ["(all)", "(baseline only)" if not o.traits else "(any trait)", *o.traits]:
            s = stats[t]
            s[0] += 1
            s[1] += o.reading.count > 0
            s[2] += o.reading.count
            s[3] += sum(o.found)
            s[4] += len(o.found)
            s[5] += len(o.false_findings)
    rows = []
    for t, (n, bad, mism, hit, inj, false) in stats.items():
        recall = hit / inj if inj else 1.0
        rows.append((t, n, bad, mism, recall, false))
    rows.sort(key=lambda r: (r[0][0] != "(", -(r[2] / r[1]) - (1 - r[4]) - r[5] / r[1]))
    head = (f"{'trait':34} {'renders':>7} {'misread':>8} {'mismatch':>8} {'recall':>7} "
            f"{'false e/w':>9}")
    lines = [head, "-" * len(head)]
    for t, n, bad, mism, recall, false in rows:
        lines.append(f"{t:34} {n:7d} {bad:8d} {mism:8d} {recall:7.0%} {false:9d}")
    unused = sorted(set(all_traits()) - set(stats))
    if unused:
        lines.append(f"traits not drawn: {', '.join(unused)}")
    return "\n".join(lines)


def summary(o: Outcome) -> str:
    """What goes wrong in one render, in a line: kinds of problem, then its traits."""
    kinds = []
    for p in o.problems():
        words = p.split()
        kind = f"{words[0]} {words[1]}" + (" not found" if words[0] == "defect" else "")
        if kind not in kinds:
            kinds.append(kind)
    return f"{', '.join(kinds)} ({', '.join(o.traits) or 'baseline'})"


def known_weak(outcomes: list[Outcome]) -> str:
    """The ``KNOWN_FAILING_SEEDS`` entries of the renders that are not clean."""
    lines = []
    for o in outcomes:
        if not o.clean:
            parts = textwrap.wrap(summary(o), 84, drop_whitespace=False)
            lines += [f"    {o.seed}: ("] + [f"        {p!r}" for p in parts] + ["    ),"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--renders", type=int, default=200)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--show", type=int, help="print the problems of one seed and stop")
    parser.add_argument("--known-weak", type=Path, help="write the failing seeds' entries here")
    args = parser.parse_args()
    if args.show is not None:
        o = evaluate(args.show)
        print("traits:", ", ".join(o.traits) or "(baseline)")
        print("\n".join(o.problems()) or "no problem")
        return
    t0 = time.perf_counter()
    seeds = range(args.start, args.start + args.renders)
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        outcomes = list(pool.map(evaluate, seeds, chunksize=4))
    print(table(outcomes))
    if args.known_weak:
        args.known_weak.write_text(known_weak(outcomes) + "\n", encoding="utf-8")
    print(f"\n{len(outcomes)} renders in {time.perf_counter() - t0:.0f} s "
          f"({args.workers} workers)")


if __name__ == "__main__":
    main()
