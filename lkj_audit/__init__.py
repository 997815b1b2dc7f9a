"""lkj-audit: recompute and cross-check an Indonesian Laporan Kinerja (LKj).

Layers, top to bottom: cli, runner, batch -> audit -> render, show -> rules -> recompute
-> load -> model. Notebooks import only :mod:`lkj_audit.audit` and :mod:`lkj_audit.show`.
"""

__version__ = "0.1.0"
