"""Reading the reviewer's YAML files with messages that say what to fix and where."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lkj_audit.errors import WorkpaperFileError


def load_mapping(path: Path, what: str) -> dict[str, Any]:
    """The top-level mapping of a YAML file (an empty file is an empty mapping)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise WorkpaperFileError(f"{path}: {what} tidak dapat dibaca ({exc.strerror}).") from None
    except UnicodeDecodeError:
        raise WorkpaperFileError(f"{path}: {what} bukan teks UTF-8.") from None
    import yaml  # only when a reviewer's file exists: ~13 ms the plain check does not need

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" baris {mark.line + 1}" if mark is not None else ""
        raise WorkpaperFileError(
            f"{path}{where}: {what} bukan YAML yang sah ({getattr(exc, 'problem', exc)}); "
            "periksa indentasi dan tanda kutip."
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise WorkpaperFileError(f"{path}: {what} harus berupa pemetaan YAML (kunci: nilai).")
    return data


def sidecar(source: str | Path, name: str, given: str | Path | None) -> Path | None:
    """The file given, else ``name`` in the report's folder when it exists."""
    if given:
        path = Path(given)
        if not path.is_file():
            raise WorkpaperFileError(f"{path}: berkas tidak ditemukan.")
        return path
    beside = Path(source).parent / name
    return beside if beside.is_file() else None
