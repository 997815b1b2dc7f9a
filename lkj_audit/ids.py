"""Satker ids: they become folder names (``OUT/<year>/<satker>/``), so they must be plain.

One rule for every way in (``run --satker``, a batch manifest, a data folder): letters,
digits, ``.``, ``_`` and ``-``, starting with a letter or digit, at most 64 characters. No
separator and no leading dot, so no id can name ``..`` or climb out of the output root.
"""

from __future__ import annotations

import re
from pathlib import Path

from lkj_audit.errors import InvalidSatkerIdError, OutputOutsideError

_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def is_safe_id(text: str) -> bool:
    """Can ``text`` be used as one folder name below the output root?"""
    return bool(_SAFE_ID.fullmatch(text))


def satker_id_problem(text: str, where: str) -> str | None:
    """What is wrong with ``text`` as a satker id (``None`` when it is fine)."""
    if is_safe_id(text):
        return None
    return (
        f"{where}: satker '{text}' cannot be a folder name; use the 6-digit satker code "
        "or letters, digits, '.', '_' and '-'."
    )


def check_satker_id(text: str, where: str = "--satker") -> str:
    """``text`` when it is a safe satker id, else :class:`InvalidSatkerIdError`."""
    problem = satker_id_problem(text, where)
    if problem:
        raise InvalidSatkerIdError(problem)
    return text


def inside(root: str | Path, path: str | Path) -> Path:
    """``path`` resolved, when it lies within ``root`` (resolved); else OutputOutsideError."""
    base, target = Path(root).resolve(), Path(path).resolve()
    if target != base and base not in target.parents:
        raise OutputOutsideError(
            f"{target}: lies outside the output folder {base}; choose another --satker/--out."
        )
    return target
