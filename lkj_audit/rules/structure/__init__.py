"""Structure rules: the chapters, subsections and attachments PermenPANRB 53/2014 prescribes.

DOMAIN.md §1.2 (R-S01…R-S08, R-V01).

Numbering and announced content: subsection letters, sasaran numbers, and the formula
or table a sentence announces (DOMAIN.md R-V01, R-S04).

Daftar isi (DOMAIN.md R-X02, STR008–STR010): every entry once, with a page, in page order,
naming a heading that exists in the report.

One module per rule (``<code>_<name>.py``); ``_*.py`` hold helpers and register no rules.
"""
