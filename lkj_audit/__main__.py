"""``python -m lkj_audit`` runs the command line."""

from lkj_audit.cli import app

app(prog_name="lkj-audit")
