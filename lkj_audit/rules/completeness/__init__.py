"""Completeness rules: the analyses and values an LKj must contain.

DOMAIN.md §1.2: the analyses of Bab III.A (R-A2 comparison with previous years, R-A3 with the
Renstra target, R-A6 efficiency; R-A4/A5/A7 presence only), a capaian table for every sasaran
(R-S04), a target for every PK indicator (R-S03), the permasalahan utama of Bab I (R-S02).
Indicators printed without realisasi in a capaian table are reported by CAP002.

Completeness rules on tables and chapters.

A target for every PK indicator, a capaian table for every sasaran, target and realisasi
columns, the permasalahan utama of Bab I.

DOMAIN.md R-S02, R-S03, R-S04, R-A1. Indicators printed without realisasi in a capaian table
are reported by CAP002.

One module per rule (``<code>_<name>.py``); ``_*.py`` hold helpers and register no rules.
"""
