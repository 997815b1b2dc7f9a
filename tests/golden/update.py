"""Regenerate the golden findings of the bundled report: ``python -m tests.golden.update``.

The golden file pins every finding of the bundled LKj as (rule, line, severity, stated,
expected). A rule change that alters it shows up as a diff of this file, reviewed like code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lkj_audit import audit

PROJECT = Path(__file__).resolve().parent.parent.parent
SOURCE = PROJECT / "data" / "raw" / "2024" / "656532" / "lkj_2024_kpu_kab_ogan_komering_ilir.txt"
GOLDEN = Path(__file__).parent / "656532_2024.json"


def current() -> list[dict[str, Any]]:
    """The findings of the bundled report, in a stable order, as the golden file holds them."""
    ctx = audit.open(SOURCE, satker="656532", year=2024)
    rows = [
        {
            "rule": f.rule,
            "line": f.location.line,
            "severity": f.severity.value,
            "stated": f.stated,
            "expected": f.expected,
        }
        for f in audit.run_rules(ctx)
    ]
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False))


def write(path: Path = GOLDEN) -> None:
    # One finding per line: a changed finding is a one-line diff.
    rows = [json.dumps(r, ensure_ascii=False) for r in current()]
    path.write_text("[\n" + ",\n".join(rows) + "\n]\n", encoding="utf-8")


if __name__ == "__main__":
    write()
    print(f"wrote {GOLDEN.relative_to(PROJECT)}")
