"""Defects injected one at a time into a consistent report, each with the rule that must catch it.

Every module in this package registers injections with
:func:`tests.corpus.injections.base.injection`; importing the package imports them all, so a
new family of injections is a new module here (no list to edit).
"""

from __future__ import annotations

import importlib
import pkgutil

from tests.corpus.injections.base import INJECTIONS, Injection

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _info.name != "base":
        importlib.import_module(f"{__name__}.{_info.name}")

__all__ = ["INJECTIONS", "Injection"]
