"""Renders the current reader does not read correctly yet (measured, not guessed).

Each entry is a seed of the layout corpus with what goes wrong, as printed by
``python benchmarks/bench_reading.py --show SEED``. The test of such a seed is a strict
expected failure: when the reader learns the layout, the test passes unexpectedly and fails,
and the entry must be removed here. A change to the generator changes the renders, so the
list is refreshed with it (``python benchmarks/bench_reading.py --renders 200 --known-weak
FILE`` writes the entries).
"""

from __future__ import annotations

# Measured on 2026-12-03 over seeds 0-199 (192 clean, no false error left), traits cells
# and col_numbers included. What they share: a table without a No column (no_col=none)
# whose names wrap, figures printed on a later line (wrap=numbers_later) or vertically
# centred, where a row's boundary is a guess; the misread row then gives a warning (XTB008,
# NAR001), never an error.
KNOWN_FAILING_SEEDS: dict[int, str] = {
    42: (
        'missing anggaran (amount_suffix=dash, budget_layout=single, '
        'capaian_col=capaian_renstra, capaian_col=formula, capaian_cols=some, '
        'capaian_layout=grouped, cells=spaces, furniture=bare, no_col=roman, ocr=light, '
        'pagebreak=inside, pct_place=inline, pct_space=spaced, rupiah=rp, '
        'subtotal=jumlah_program, thousands=apostrophe, voter_labels=words, '
        'wrap=numbers_later)'
    ),
    98: (
        'warning XTB008 (amount_suffix=dash, budget_layout=single, capaian_col=bobot, '
        'capaian_col=capaian_renstra, capaian_col=realisasi_sem1, capaian_cols=some, '
        'capaian_layout=spanning, furniture=running, header_repeat=yes, mixing=rows, '
        'no_col=none, pagebreak=inside, pct_place=column, rupiah=rp_dot, scale=rp000, '
        'sisa=column, thousands=nnbsp, total_pos=top, voter_labels=lp, wrap=numbers_later)'
    ),
    125: (
        'warning XTB008 (amount_suffix=cents, budget_layout=single, capaian_col=target_akhir,'
        ' capaian_cols=some, capaian_layout=spanning, cells=spaces, col_numbers=plain, '
        'header_lines=group, mixing=rows, no_col=none, pct_place=inline, total_pos=top, '
        'voter_labels=words, voter_layout=kecamatan, wrap=numbers_later)'
    ),
    129: (
        'missing capaian, warning NAR001, warning XTB008, defect CAP001 not found '
        '(budget_layout=single, capaian_layout=spanning, cells=spaces, header_lines=units, '
        'mixing=rows, no_col=none, ocr=light, pagebreak=inside, pct_place=inline, '
        'pct_space=spaced, total_pos=top, voter_labels=lp, wrap=numbers_later)'
    ),
    149: (
        'missing capaian, warning NAR001, warning XTB008, defect CAP001 not found '
        '(amount_suffix=dash, capaian_col=capaian_renstra, capaian_col=realisasi_prev, '
        'capaian_cols=some, capaian_layout=grouped, furniture=running, header_lines=group, '
        'mixing=rows, no_col=none, ocr=light, pagebreak=inside, pct_place=inline, '
        'pct_space=spaced, rupiah=rp_tight, scale=juta, scale_where=header, '
        'voter_labels=words, wrap=numbers_later)'
    ),
    162: (
        'missing capaian, warning NAR001, warning XTB008, defect CAP001 not found '
        '(budget_layout=single, capaian_col=formula, capaian_col=polaritas, '
        'capaian_col=target_renstra, capaian_cols=some, capaian_layout=spanning, '
        'cells=spaces, col_numbers=bracketed, no_col=none, pagebreak=inside, scale=rp000, '
        'scale_where=header, sisa=column, subtotal=subtotal, thousands=thin, '
        'voter_labels=words)'
    ),
    179: (
        'warning XTB008 (budget_layout=single, capaian_col=kategori, capaian_col=satuan, '
        'capaian_cols=some, capaian_layout=grouped, cells=spaces, col_numbers=bracketed, '
        'mixing=rows, no_col=none, pct_space=spaced, rupiah=rp, sisa=column, total_pos=top, '
        'voter_labels=lp, wrap=numbers_later)'
    ),
    197: (
        'missing anggaran, extra anggaran, warning XTB008 (capaian_col=formula, '
        'capaian_col=polaritas, capaian_cols=some, capaian_layout=grouped, col_numbers=plain,'
        ' furniture=halaman, header_repeat=yes, no_col=none, pagebreak=inside, '
        'pct_place=column, pct_space=spaced, rupiah=rp_tight, thousands=apostrophe, '
        'voter_labels=lp, voter_layout=kecamatan_tps, wrap=numbers_later)'
    ),
}
