"""Performance achievement rules (Capaian Kinerja): capaian = f(target, realisasi).

DOMAIN.md §2.1 and checks R-A1 (target vs realisasi per indicator) and R-V05 (recomputed
capaian equals the printed one), with positive and negative polarity.

One module per rule (``<code>_<name>.py``); ``_*.py`` hold helpers and register no rules.
"""
