"""Voter-table rules (DP4/DPS/DPT): LK + PR = JUMLAH and rows add up (DOMAIN.md §3.3).

One module per rule (``<code>_<name>.py``); ``_*.py`` hold helpers and register no rules.
"""
