"""Identity rules: the report names one satker only, its own (DOMAIN.md §3.2, R-W01, R-W02).

A report copied from another satker's report keeps that satker's name in places ("Pelaksanaan
kinerja KPU Kota X" in the report of KPU Kabupaten Y). Every "[KPU] Kabupaten/Kota/Provinsi
<Name>" is matched against the 552-satker list (``load/regions.py``); a name closer to the
reporting satker's own name than to any other listed region is the own name misspelt.

One module per rule (``<code>_<name>.py``); ``_*.py`` hold helpers and register no rules.
"""
