"""Where the warm audit's time goes: CPU time of each reader stage and typer, in one process.

    .venv/bin/python benchmarks/stages_audit.py [--repeat 20]
    (cd BEFORE && AFTER/.venv/bin/python AFTER/benchmarks/stages_audit.py)

Run from a checkout's root: it imports that checkout's package. Each stage is a module
function (``text_reader._assemble_tables``, ``anggaran.load``, ``figures.build`` …) wrapped in
a timer where its caller looks it up; ``audit.open`` + ``run_rules`` then run ``--repeat``
times on the bundled report, the readers' cell memo cleared before each, and the median and
the minimum of every stage are printed (ms). The wrappers add ~1 µs a call, a few hundred
calls in all. Nested stages are counted in their callers too (``read_document`` holds the
``text_reader`` rows, ``read_tables`` the typers).
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, ".")

SEED = Path("data") / "raw" / "2024" / "656532" / "lkj_2024_kpu_kab_ogan_komering_ilir.txt"

# (module, function, label): the module where the function's caller looks it up
STAGES = [
    ("lkj_audit.load.text_reader", "furniture_lines", None),
    ("lkj_audit.load.text_reader", "tabulate", None),
    ("lkj_audit.load.text_reader", "prose_width", None),
    ("lkj_audit.load.text_reader", "_build_sections", None),
    ("lkj_audit.load.text_reader", "_blocks_and_table_runs", None),
    ("lkj_audit.load.text_reader", "_assemble_tables", None),
    ("lkj_audit.load.text_reader", "find_flow_tables", None),
    ("lkj_audit.audit", "read_document", None),
    ("lkj_audit.audit", "detect", "identity.detect"),
    ("lkj_audit.load.anggaran", "load", "anggaran.load"),
    ("lkj_audit.load.capaian", "load", "capaian.load"),
    ("lkj_audit.load.skala", "load", "skala.load"),
    ("lkj_audit.load.partisipasi", "load", "partisipasi.load"),
    ("lkj_audit.load.pemilih", "load", "pemilih.load"),
    ("lkj_audit.load.pegawai", "load", "pegawai.load"),
    ("lkj_audit.load.pegawai", "stated_counts", "pegawai.stated_counts"),
    ("lkj_audit.load.staff_counts", "load", "staff_counts.load"),
    ("lkj_audit.load.toc", "load", "toc.load"),
    ("lkj_audit.load.pk", "load", "pk.load"),
    ("lkj_audit.audit", "read_tables", None),
    ("lkj_audit.audit", "assess_reading", "reading.assess"),
    ("lkj_audit.recompute.figures", "build", "figures.build"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    clock = time.process_time
    spent: dict[str, float] = defaultdict(float)

    def timed(func: Callable[..., Any], label: str) -> Callable[..., Any]:
        def wrapper(*a: Any, **k: Any) -> Any:
            t = clock()
            try:
                return func(*a, **k)
            finally:
                spent[label] += clock() - t

        return wrapper

    for module_name, name, label in STAGES:
        module = importlib.import_module(module_name)
        if hasattr(module, name):  # a checkout from before a stage existed: left out
            setattr(module, name, timed(getattr(module, name), label or name))

    from lkj_audit import audit
    from lkj_audit.load.cellcache import clear

    audit.run_rules(audit.open(SEED))  # warm up, as a long-running driver would
    found: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.repeat):
        clear()
        spent.clear()
        t = clock()
        ctx = audit.open(SEED)
        spent["audit.open"] = clock() - t
        t = clock()
        audit.run_rules(ctx)
        spent["run_rules"] = clock() - t
        for label, seconds in spent.items():
            found[label].append(seconds)
    print(f"median (min) of {args.repeat} runs, CPU ms, cell memo cleared each run")
    for label, values in found.items():
        print(f"{label:26} {statistics.median(values) * 1000:6.2f} ({min(values) * 1000:5.2f})")


if __name__ == "__main__":
    main()
