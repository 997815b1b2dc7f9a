"""Synthetic satker reports for batch demos and benchmarks, made from the bundled report.

``generate(24, "reports/synth")`` picks 24 real kabupaten/kota from the 552-satker list
(deterministically from ``seed``), writes each one's report as
``reports/synth/<year>/<satker code>/lkj_<year>_<region>.txt`` — the seed renamed to that
satker and its figures varied (see :mod:`lkj_audit.batch.synth_text`) — and a
``manifest.csv`` (``satker,year,source,satker_name``) ready for ``lkj-audit batch``.
The same seed always gives byte-identical reports.
"""

from __future__ import annotations

import csv
import io
import random
import re
from pathlib import Path

from lkj_audit import config
from lkj_audit.batch import synth_text
from lkj_audit.errors import LkjAuditError
from lkj_audit.fsutil import atomic_write_text
from lkj_audit.load import satker as satker_list
from lkj_audit.load.satker import Satker

SEED_SATKER = "656532"  # KPU Kabupaten Ogan Komering Ilir, the bundled report
SEED_YEAR = 2024
MANIFEST_NAME = "manifest.csv"


def candidates(exclude: str = SEED_SATKER) -> list[Satker]:
    """Every kabupaten/kota satker except the seed's own, by code."""
    return sorted((s for s in satker_list.all_satker()
                   if s.tingkat in ("KAB", "KOTA") and s.kode != exclude), key=lambda s: s.kode)


def choose(count: int, seed: int) -> list[Satker]:
    """``count`` distinct satker, the same ones for the same seed."""
    pool = candidates()
    if not 1 <= count <= len(pool):
        raise LkjAuditError(
            f"can make 1 to {len(pool)} synthetic reports (one per kabupaten/kota), not {count}."
        )
    return sorted(random.Random(seed).sample(pool, count), key=lambda s: s.kode)


def report_text(seed_text: str, target: Satker, seed: int, back: int = 0) -> str:
    """The seed report as ``target``'s, figures varied by ``Random(f"{seed}:{code}")``.

    ``back`` > 0: the same satker's report that many years earlier (years shifted, figures
    varied again), e.g. the previous year a comparison (R-A2) reads.
    """
    seed_satker = satker_list.by_code(SEED_SATKER)
    assert seed_satker is not None
    text = synth_text.rename(seed_text, target) if target.kode != SEED_SATKER else seed_text
    rng = random.Random(f"{seed}:{target.kode}")
    text = synth_text.vary_numbers(text, rng, seed_satker, target)
    for k in range(1, back + 1):
        text = synth_text.earlier_year(text, SEED_YEAR - k + 1)
        text = synth_text.vary_numbers(
            text, random.Random(f"{seed}:{target.kode}:-{k}"), seed_satker, target
        )
    return text


def generate(count: int, out: str | Path, *, seed: int = 0,
             source: str | Path = config.DEMO_REPORT, year: int = SEED_YEAR,
             years: int = 1) -> Path:
    """Write ``count`` synthetic reports and their manifest under ``out``; the manifest path.

    ``years`` > 1 also writes each satker's reports of the years before ``year``.
    """
    out = Path(out)
    try:
        seed_text = Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        raise LkjAuditError(f"{source}: cannot read the seed report ({exc}).") from None
    rows = []
    for back in range(years - 1, -1, -1):
        for target in choose(count, seed):
            slug = re.sub(r"[^a-z0-9]+", "_", synth_text.region(target).lower()).strip("_")
            y = year - back
            path = out / str(y) / target.kode / f"lkj_{y}_{slug}.txt"
            atomic_write_text(path, report_text(seed_text, target, seed, back))
            rows.append({"satker": target.kode, "year": y,
                         "source": path.relative_to(out).as_posix(), "satker_name": target.nama})
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["satker", "year", "source", "satker_name"],
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return atomic_write_text(out / MANIFEST_NAME, buf.getvalue())
