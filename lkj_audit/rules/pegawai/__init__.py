"""Staff rules: counts stated in the text equal the staff listed (DOMAIN.md §3.4, R-G01).

One module per rule (``<code>_<name>.py``); ``_*.py`` hold helpers and register no rules.
"""
