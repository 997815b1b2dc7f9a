"""Rule modules: importing this package registers every rule module found in it.

A new family is a new module here; no list to edit. Helper modules (``registry``,
``common``, ``catalogue``) and private ones (``_*.py``) register nothing.
"""

from __future__ import annotations

import importlib
import pkgutil

_NOT_RULES = {"registry", "common", "catalogue"}

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _info.name not in _NOT_RULES and not _info.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_info.name}")
