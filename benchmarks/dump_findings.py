"""Dump what the audit says about many reports, to compare two checkouts (no timing).

    .venv/bin/python benchmarks/dump_findings.py OUT_DIR [--seeds 40]
    (cd BEFORE && PYTHONPATH=. AFTER/.venv/bin/python benchmarks/dump_findings.py OUT2)
    diff -r OUT_DIR OUT2

Run from a checkout's root (BEFORE: a checkout of the commit to compare with, AFTER: this
one): it imports that checkout's package and tests. For the bundled report, every unseen
fixture, the test fixtures and the clean and damaged layout-corpus renders of the first
``--seeds`` seeds it writes one JSON file: the findings document (``audit.payload``, without
the source path) and the typed tables' column values. A speed change must leave every file
byte-identical.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, ".")

from lkj_audit import audit  # noqa: E402
from lkj_audit.load.tables import NAMES  # noqa: E402


def _dump(path: Path, out: Path) -> None:
    try:
        ctx = audit.open(path)
        found = audit.run_rules(ctx)
        data = audit.payload(ctx, found)
        data["source"].pop("path", None)
        data["typed"] = {n: repr(ctx.tables.table(n)._columns) for n in NAMES}
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True, default=repr)
    except Exception as exc:  # noqa: BLE001 - a crash is an outcome to compare as well
        text = f"crash: {exc!r}\n"
    out.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seeds", type=int, default=40)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    paths = sorted(Path("data/raw").rglob("*.txt"))
    paths += sorted(Path("tests/unseen/fixtures").glob("*.txt"))
    paths += sorted(Path("tests/fixtures").glob("*.txt"))
    for p in paths:
        _dump(p, args.out / f"{p.parent.name}_{p.stem}.json")
    from tests.corpus.layouts.report import render

    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.seeds):
            for damaged in (False, True):
                r = render(seed, damaged=damaged)
                p = Path(tmp) / f"render_{seed}.txt"
                p.write_text(r.text, encoding="utf-8")
                _dump(p, args.out / f"seed{seed}_{'damaged' if damaged else 'clean'}.json")
    print(f"{len(paths) + 2 * args.seeds} reports written to {args.out}")


if __name__ == "__main__":
    main()
