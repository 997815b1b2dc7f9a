"""The two charts and ``audit.save`` of one report, in a warm process, per piece.

What a batch kernel does after the audit cell, timed per report: ``serapan_chart``,
``capaian_chart``, ``lhr.write``, ``xlsx.write`` and the whole ``audit.save`` (JSON, CSV,
docx, xlsx). CPU time of this process (``time.process_time``: the machine is shared),
median of ``--repeat`` runs after one untimed warm-up.

    .venv/bin/python benchmarks/bench_save.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "raw" / "2024" / "656532" / "lkj_2024_kpu_kab_ogan_komering_ilir.txt"


def median_ms(func: Callable[[], Any], repeat: int) -> float:
    func()  # warm: a kernel has drawn and saved before
    out = []
    for _ in range(repeat):
        t = time.process_time()
        func()
        out.append(time.process_time() - t)
    return statistics.median(out) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    from lkj_audit import audit
    from lkj_audit.audit import payload
    from lkj_audit.render import charts
    from lkj_audit.workpaper import lhr, xlsx

    ctx = audit.open(SEED, "656532")
    found = audit.run_rules(ctx)
    data = payload(ctx, found, run_info=True)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        pieces = [
            ("serapan_chart", lambda: charts.serapan_chart(ctx)),
            ("capaian_chart", lambda: charts.capaian_chart(ctx)),
            ("lhr.write (docx)", lambda: lhr.write(out / "lhr.docx", data)),
            ("xlsx.write", lambda: xlsx.write(out / "findings.xlsx", data)),
            ("audit.save (all outputs)", lambda: audit.save(ctx, found, out)),
        ]
        print(f"report: {SEED.name}, {len(found)} findings, median of {args.repeat}, CPU ms")
        total = 0.0
        for name, func in pieces:
            ms = median_ms(func, args.repeat)
            if name.endswith("_chart") or name.startswith("audit.save"):
                total += ms
            print(f"{name:28} {ms:8.1f}")
        print(f"{'charts + audit.save':28} {total:8.1f}")


if __name__ == "__main__":
    main()
