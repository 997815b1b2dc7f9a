"""Budget realisation rules (Realisasi Anggaran): footing, cross-footing, plausibility.

DOMAIN.md §2.2 and checks R-V07 (foots and cross-foots), R-B01 (realisasi ≤ pagu),
R-B03 (printed % = recomputed %), R-F01/R-F02 (number format), R-X01 (digit slips).

One module per rule (``<code>_<name>.py``); ``_*.py`` hold helpers and register no rules.
"""
