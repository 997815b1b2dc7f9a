"""Cross-table rules (XTB): what one part of the report says against another.

Stated counts against what the report lists, and digits against number words.

"terdapat 8 Kegiatan yaitu :", "6 (enam) misi … yakni:", "7 (tujuh) Indikator Kinerja Utama
meliputi :" each announce an enumeration; the items that follow must number the same
(issue 3, cross_table). "14 (empat belas) orang" writes one number twice; both must agree
(DOMAIN.md §5.2). Staff counts against the staff tables are rule PEG001, not repeated here.

Cross-table rules: the Perjanjian Kinerja (Bab II / Lampiran) against the capaian of Bab III.

DOMAIN.md §1.4 R-V02 (every PK indicator appears in Bab III with the same wording and target;
renamed, missing or extra indicators are flagged) and R-V09 (same unit in PK and Bab III).
Only the satker's own PK binds Bab III; cascaded PK of Kasubbag and the RKT are not compared.

Cross-table rules on where outputs and indicators are placed, and on what they cost.

DOMAIN.md §3.1 R-C04 (an RO is listed under its own kegiatan), R-C05 (a kegiatan sits in its
program: WA Dukungan Manajemen for 3355/3360/6634 and EBA–EBD outputs, CQ Penyelenggaraan
Pemilu for QGE outputs; map configurable with ``options['program_of_kegiatan']``), one
indicator per sasaran, and capaian vs serapan of the same RO (§2.4: an output "achieved"
without any budget spent needs an explanation).

Cross-table rules on output (RO) codes: one code, one name, one place in the budget.

DOMAIN.md §3.1: R-C01 code format ``kegiatan.KRO.RO``; R-C02 the same RO carries the same
name in every table; R-C03 every RO of the capaian tables exists in the budget and vice
versa (R-C04/R-C05, placement under kegiatan and program, are XTB005/XTB006).

One module per rule (``<code>_<name>.py``); ``_*.py`` hold helpers and register no rules.
"""
