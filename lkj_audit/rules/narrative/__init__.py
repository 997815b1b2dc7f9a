"""Narrative rules: what the Ikhtisar, the Penutup and the sasaran texts claim vs the tables.

DOMAIN.md R-X03/R-V08 (every percentage quoted in the Ikhtisar/Penutup is a table figure),
R-V06 (the category column of the capaian table), R-K03 (claims such as "semua target
tercapai" agree with the capaian), R-K02/R-V06 (category
words agree with the report's own scale applied to the recomputed capaian) and R-A2
(a comparison with the previous year needs a previous-year figure). Aggregates follow
§2.1 (sasaran = mean of its indicators, overall = mean of sasaran);
see ``rules/support/figures.py``.

Narrative rules on claims: "semua target tercapai", category words, previous-year claims.

DOMAIN.md R-K03/R-V08 (narrative claims agree with the tables), R-K02/R-V06 (a category word
equals the band of the report's own scale for the recomputed capaian, §2.3) and R-A2
(a comparison with earlier years needs the earlier figures, §1.2).

Narrative rule on the previous year: "meningkat/menurun dibanding tahun sebelumnya".

DOMAIN.md R-A2 (realisasi and capaian compared with last year, §1.2) and R-V08 (narrative
figures agree with the figures behind them): a claim that a figure rose or fell is checked
against last year's report (``--previous``; :mod:`lkj_audit.compare`). Without a previous
year the rule is not applicable and yields nothing.

One module per rule (``<code>_<name>.py``); ``_*.py`` hold helpers and register no rules.
"""
