"""Period rules: every year, period and date the report prints fits the reporting year.

DOMAIN.md §1.5 (R-D01 signature deadline, R-D02 years in titles and key sentences, R-D03
"tahun ke-k" of the Renstra, R-D04 PK signed at the start of the year) and R-V04 (Renstra
period consistent and covering the year). Years of legal citations ("UU Nomor 7 Tahun 2017"),
calendar dates, events ("Pemilu 2019") and explicit comparisons with earlier years are not
period errors and are never flagged.

Period rules on dates: the LKj signed after its year and on time, its PK early in the year.

DOMAIN.md R-D01 (signature date and deadline) and R-D04 (PK signed at the start of the year).

One module per rule (``<code>_<name>.py``); ``_*.py`` hold helpers and register no rules.
"""
