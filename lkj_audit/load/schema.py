"""Shared pandera base model and validation that reports every problem at once, in words."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from typing import Any


def _skip_pandera_dask_typing() -> None:
    """Keep pandera from importing dask (≈0.5 s) when it builds our models' annotations.

    pandera looks up ``pandera.typing.dask`` for every model and imports ``dask.dataframe``
    whenever dask is installed; our tables are pandas frames only. A stand-in module that says
    "no dask" is used unless the real one was imported already (then nothing changes).
    """
    name = "pandera.typing.dask"
    if name not in sys.modules:
        stand_in = types.ModuleType(name, "pandera's dask typing, skipped by lkj_audit")
        stand_in.DASK_INSTALLED = False  # type: ignore[attr-defined]
        sys.modules[name] = stand_in


_skip_pandera_dask_typing()

import pandas as pd  # noqa: E402 - after the stand-in above
import pandera.pandas as pa  # noqa: E402
from pandera.errors import SchemaErrors  # noqa: E402

from lkj_audit.errors import SchemaMismatchError  # noqa: E402


class TableModel(pa.DataFrameModel):
    """Base of every typed-table model: strict columns, values coerced to their types."""

    class Config:
        """Strict so a reader change that drops a column fails loudly; coerce empty frames too."""

        strict = True
        coerce = True


def validate(model: type[TableModel], records: list[dict[str, Any]]) -> pd.DataFrame:
    """Build the frame of ``model`` from ``records`` and validate it (lazy: all errors at once)."""
    columns = list(model.to_schema().columns)
    frame = pd.DataFrame.from_records(records, columns=columns)
    try:
        valid = model.validate(frame, lazy=True)
    except SchemaErrors as exc:
        cases = exc.failure_cases.head(5).to_dict("records")
        raise SchemaMismatchError(
            f"table {model.__name__}: {len(exc.failure_cases)} value(s) do not fit the expected "
            f"shape, e.g. {cases}. The report layout is not understood; please report it."
        ) from None
    # Rules walk these small frames row by row many times; plain Python strings make that
    # several times faster than pandas' Arrow-backed string columns (values are unchanged).
    text = [c for c in valid.columns if pd.api.types.is_string_dtype(valid[c].dtype)]
    return valid.astype({c: object for c in text}) if text else valid


def table_rows(frame: pd.DataFrame, *, index: bool = True) -> Iterator[Any]:
    """The rows of ``frame`` as named tuples (exactly ``frame.itertuples(index=index)``).

    Typed ``Any`` on purpose: the fields are the table model's columns, which pandas-stubs cannot
    see (it types every field as "any scalar"), so callers read them as their model declares.
    """
    return frame.itertuples(index=index)
