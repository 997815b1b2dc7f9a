"""Renders the current reader does not read correctly yet (measured, not guessed).

Each entry is a seed of the layout corpus with what goes wrong, as printed by
``python benchmarks/bench_reading.py --show SEED``. The test of such a seed is a strict
expected failure: when the reader learns the layout, the test passes unexpectedly and fails,
and the entry must be removed here. A change to the generator changes the renders, so the
list is refreshed with it (``python benchmarks/bench_reading.py --renders 200``).
"""

from __future__ import annotations

# Measured on 2026-12-02 over seeds 0-199 (189 clean). What they share: a table without a No
# column whose names wrap over several lines, where a row's boundary is a guess.
KNOWN_FAILING_SEEDS: dict[int, str] = {
    16: (
        "defect ANG004 at, extra anggaran, misread anggaran, missing anggaran, warning "
        "XTB010 (no_col=none, pagebreak=inside, wrap=numbers_later)"
    ),
    18: (
        "error XTB009, extra capaian, missing capaian, warning XTB008 "
        "(budget_layout=single, capaian_layout=grouped, no_col=none, pagebreak=inside, "
        "wrap=name_first)"
    ),
    90: (
        "error XTB009, extra capaian, missing capaian, warning XTB008 "
        "(budget_layout=single, capaian_layout=grouped, no_col=none, wrap=name_first)"
    ),
    98: (
        "warning XTB008 (budget_layout=single, capaian_layout=spanning, no_col=none, "
        "pagebreak=inside, wrap=numbers_later)"
    ),
    125: (
        "warning XTB008 (budget_layout=single, capaian_layout=spanning, no_col=none, "
        "wrap=numbers_later)"
    ),
    129: (
        "defect CAP001 at, missing capaian, warning NAR001, warning XTB008 "
        "(budget_layout=single, capaian_layout=spanning, no_col=none, pagebreak=inside, "
        "wrap=numbers_later)"
    ),
    149: (
        "defect ANG001 at, defect CAP001 at, extra anggaran, missing anggaran, missing "
        "capaian, warning NAR001, warning XTB008 (capaian_layout=grouped, no_col=none, "
        "pagebreak=inside, wrap=numbers_later)"
    ),
    159: (
        "error XTB009, extra capaian, misread capaian, missing capaian "
        "(capaian_layout=grouped, no_col=none, wrap=name_first)"
    ),
    167: (
        "error XTB009, extra anggaran, extra capaian, misread anggaran, missing capaian, "
        "warning XTB008 (capaian_layout=grouped, no_col=none, pagebreak=inside, "
        "wrap=name_first)"
    ),
    179: (
        "warning XTB008 (budget_layout=single, capaian_layout=grouped, no_col=none, "
        "wrap=numbers_later)"
    ),
    197: (
        "extra anggaran, missing anggaran, warning XTB008 (capaian_layout=grouped, "
        "no_col=none, pagebreak=inside, wrap=numbers_later)"
    ),
}
