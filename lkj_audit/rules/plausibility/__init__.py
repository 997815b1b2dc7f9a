"""Plausibility of units, the rating scale and efficiency figures (DOMAIN.md §1.4, §2.3, §2.4).

Checks R-V09 (indicator units: a "Persentase …" indicator measured in Laporan, target and
realisasi in different units), R-K01 (the report's own rating scale covers every capaian
without gaps or overlaps at the printed precision) and R-E01/R-E02 (efficiency claims and
figures within their range). Voter and staff plausibility follow.

Staff identity numbers: NIP (PNS) and NI PPPK are valid and consistent (DOMAIN.md §3.4).

Checks R-G02 (NIP PNS: birth date, TMT CPNS after age 18, sex digit; TMT golongan not before
the TMT CPNS) and R-G03 (NI PPPK: birth date, appointment year, the "21" mark, sex digit).
Numbers are parsed by ``load/nip.py``; the staff tables are read by ``load/pegawai.py``;
numbers printed elsewhere (under the signatures of the PK and the Kata Pengantar) are read here.

Staff-table plausibility: academic titles, golongan, shifted columns (DOMAIN.md §3.4).

Checks R-G04 (academic title vs education), R-G05 (golongan vs staff type and service) and
R-G06 (column shift). The staff tables are read by ``load/pegawai.py``, titles and education
levels by ``load/education.py``; NIP / NI PPPK rules are PLA009/PLA010.

Voter-table plausibility: voters against population, sex ratio, stage-to-stage change.

DOMAIN.md §3.3, checks R-P03 (DP4 → DPS → DPT changes above 5% need explaining), R-P04
(DPT / penduduk within about 0,60–0,80) and R-P05 (LK/PR within 0,90–1,10 and close to the
population's). The population is the Dukcapil December 2024 figure of the satker list, so
the population checks run only when the satker is known.

One module per rule (``<code>_<name>.py``); ``_*.py`` hold helpers and register no rules.
"""
