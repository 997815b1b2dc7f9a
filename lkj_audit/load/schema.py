"""Shared pandera base model and validation that reports every problem at once, in words."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from lkj_audit.errors import SchemaMismatchError


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
