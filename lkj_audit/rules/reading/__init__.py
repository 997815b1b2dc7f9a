"""The reading record as findings: tables the audit could not read with certainty.

DOMAIN.md §5.1 (normalise only with a visible note) and R-V07/R-V05: a recomputation is only
worth reporting when the figures were read right. A table the reader doubts gets one info
finding here; its arithmetic findings are withheld (see ``registry.run_rules``).

One module per rule (``<code>_<name>.py``); ``_*.py`` hold helpers and register no rules.
"""
