"""Rule families: importing this package registers every rule module in its family folders.

Each family is a package named after its code prefix (``anggaran/`` holds ANG…); every module
in it whose name does not start with ``_`` is a rule module and is imported here, so a new rule
is a new file in its family folder, with no list to edit. ``registry``, ``catalogue``,
``status`` and the cross-family helpers in ``support/`` register nothing; ``_*.py`` inside a
family are its helpers.
"""

from __future__ import annotations

import importlib
import pkgutil

_NOT_FAMILIES = {"support"}

for _family in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if not _family.ispkg or _family.name in _NOT_FAMILIES:
        continue
    _package = importlib.import_module(f"{__name__}.{_family.name}")
    for _info in sorted(pkgutil.iter_modules(_package.__path__), key=lambda m: m.name):
        if not _info.name.startswith("_"):
            importlib.import_module(f"{_package.__name__}.{_info.name}")
