"""``python -m lkj_audit`` runs the command line (a plain check without typer, see cli_check)."""

from lkj_audit.cli_check import main

main()
