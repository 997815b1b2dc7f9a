"""Typed-table schemas: declared once, checked cheaply on every read, by pandera on doubt.

A table model is declared like a pandera ``DataFrameModel`` (annotations and ``Field``) but
without importing pandera: :func:`pandera_schema` builds the pandera schema from the same
declaration. :func:`validate` first runs a plain-Python check derived from it (type,
nullability, ``isin``, ``ge`` of every value; microseconds for a few dozen rows). Records that
pass it are exactly what pandera would accept unchanged: the table keeps their values as
plain column lists and builds its pandas frame, with the schema's dtypes, only when asked
(:meth:`Table.frame`; the audit itself reads row records, so ``check`` never imports pandas).
Any record that does not pass (a misread table, a value needing coercion) goes through the
full pandera validation, which coerces or reports every problem at once, as before.
``tests/load/test_schema.py`` checks both paths give the same frames and errors.
"""

from __future__ import annotations

import math
import sys
import types
from collections import namedtuple
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lkj_audit.errors import SchemaMismatchError

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    import pandera.pandas as pa

# numpy dtype of each column kind (names: numpy is imported only when a frame is built).
_DTYPES = {"str": "object", "int": "int64", "float": "float64", "bool": "bool"}


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """What a column's values must satisfy besides their type (as ``pandera.Field``)."""

    nullable: bool = False
    isin: tuple[Any, ...] | None = None
    ge: float | None = None


def Field(  # noqa: N802 - reads like pandera's Field in the models
    *,
    nullable: bool = False,
    isin: list[Any] | tuple[Any, ...] | None = None,
    ge: float | None = None,
) -> Any:
    """A column constraint in a :class:`TableModel` (the subset of ``pandera.Field`` we use)."""
    return FieldSpec(nullable=nullable, isin=tuple(isin) if isin is not None else None, ge=ge)


class TableModel:
    """Base of every typed-table model: strict columns, values coerced to their types.

    Subclasses annotate each column with ``str``, ``int``, ``float`` or ``bool`` and may give a
    :func:`Field`; strict (a reader change that drops a column fails loudly) and coerced.
    """


@dataclass(frozen=True, slots=True)
class Column:
    """One declared column: name, Python type name and constraints."""

    name: str
    kind: str
    spec: FieldSpec


_COLUMNS: dict[type[TableModel], tuple[Column, ...]] = {}
_PANDERA: dict[type[TableModel], pa.DataFrameSchema] = {}


def columns(model: type[TableModel]) -> tuple[Column, ...]:
    """The declared columns of ``model``, in order (read once per model)."""
    if model not in _COLUMNS:
        _COLUMNS[model] = _declared(model)
    return _COLUMNS[model]


def _declared(model: type[TableModel]) -> tuple[Column, ...]:
    out = []
    for name, kind in model.__annotations__.items():
        kind = kind if isinstance(kind, str) else kind.__name__
        if kind not in _DTYPES:
            raise TypeError(f"{model.__name__}.{name}: unsupported column type {kind!r}")
        spec = getattr(model, name, FieldSpec())
        out.append(Column(name, kind, spec if isinstance(spec, FieldSpec) else FieldSpec()))
    return tuple(out)


class Table:
    """One validated typed table: its values as column lists, its pandas frame on demand.

    The values are what the frame holds (``NaN`` for a missing text or number), column by
    column in the model's order. :meth:`frame` builds the DataFrame once, when something
    asks for it (CSV export, the notebook, the HTML views); the audit reads row records.
    """

    __slots__ = ("_columns", "_frame", "model")

    def __init__(
        self,
        model: type[TableModel],
        values: list[list[Any]],
        frame: pd.DataFrame | None = None,
    ) -> None:
        self.model = model
        self._columns = values
        self._frame = frame

    @property
    def names(self) -> list[str]:
        """The column names, in the model's order."""
        return [c.name for c in columns(self.model)]

    def __len__(self) -> int:
        return len(self._columns[0]) if self._columns else 0

    @property
    def empty(self) -> bool:
        """No rows (as ``DataFrame.empty``)."""
        return len(self) == 0

    def column(self, name: str) -> list[Any]:
        """The values of one column, top to bottom."""
        return self._columns[self.names.index(name)]

    def rows(self) -> Iterator[tuple[Any, ...]]:
        """The rows as tuples of the column values, in the model's column order."""
        return zip(*self._columns, strict=True) if self._columns else iter(())

    def frame(self) -> pd.DataFrame:
        """The validated DataFrame (built on first use, then the same object every time)."""
        if self._frame is None:
            self._frame = _frame_of(columns(self.model), self._columns)
        return self._frame


def validate(model: type[TableModel], records: list[dict[str, Any]]) -> Table:
    """The table of ``model`` from ``records``, validated (all problems reported at once)."""
    cols = columns(model)
    values = _checked_columns(cols, records)
    if values is None:  # something pandera must coerce or reject: let it decide
        frame = _pandera_validate(model, records)
        # to_numpy(object): the Python scalars the frame's values stand for, as rows read them.
        return Table(model, [frame[c.name].to_numpy(dtype=object).tolist() for c in cols], frame)
    return Table(model, values)


def _frame_of(cols: tuple[Column, ...], values: list[list[Any]]) -> pd.DataFrame:
    """The frame pandera would give for values that fit the schema as they are."""
    import numpy as np
    import pandas as pd

    # dtype given per column: pandas would infer its Arrow string dtype from text otherwise.
    arrays: list[np.ndarray[Any, Any]] = [
        np.array(v, dtype=_DTYPES[c.kind]) for c, v in zip(cols, values, strict=True)
    ]
    names = [c.name for c in cols]
    from_arrays = _from_arrays(pd)
    if from_arrays is not None:  # the same frame without a Series per column (~5x faster)
        # Not verified: no dtype inference (object stays object) and no copies; the arrays
        # are 1-D, of one length and of the schema's dtypes by construction.
        index = pd.RangeIndex(len(values[0]) if values else 0)
        frame: pd.DataFrame = from_arrays(
            arrays, columns=names, index=index, verify_integrity=False
        )
        return frame
    return pd.DataFrame(
        dict(zip(names, [pd.Series(a, dtype=a.dtype) for a in arrays], strict=True))
    )


# Tests set this to False to build frames as a pandas without ``_from_arrays`` would.
_USE_FROM_ARRAYS = True


def _from_arrays(pd: Any) -> Any:
    """The constructor from column arrays (what ``DataFrame(dict)`` ends in), if pandas has it."""
    return getattr(pd.DataFrame, "_from_arrays", None) if _USE_FROM_ARRAYS else None


def _checked_columns(
    cols: tuple[Column, ...], records: list[dict[str, Any]]
) -> list[list[Any]] | None:
    """Each column's values when every value already fits the schema as is; else ``None``."""
    out = []
    for c in cols:
        try:
            column = [r[c.name] for r in records]
        except KeyError:
            return None
        fixed = _fits(c, column)
        if fixed is None:
            return None
        out.append(fixed)
    return out


def _is_null(v: Any) -> bool:
    return v is None or (type(v) is float and math.isnan(v))


_EXACT = {"str": str, "int": int, "float": float, "bool": bool}


def _fits(c: Column, column: list[Any]) -> list[Any] | None:
    """The column's values as the frame holds them, or ``None`` if one does not fit."""
    spec, exact = c.spec, _EXACT[c.kind]
    # Most columns: every value present and of its exact type already (NaN != NaN), kept as is.
    if all(type(v) is exact for v in column) and (
        exact is not float or all(v == v for v in column)
    ):
        fits = (spec.isin is None or all(v in spec.isin for v in column)) and (
            spec.ge is None or all(v >= spec.ge for v in column)
        )
        return column if fits else None
    return _fits_each(c, column)


def _fits_each(c: Column, column: list[Any]) -> list[Any] | None:
    """:func:`_fits` value by value: missing values, ints in a float column."""
    spec, kind = c.spec, c.kind
    out = []
    for v in column:
        if _is_null(v):
            if not spec.nullable or kind in ("int", "bool"):
                return None
            out.append(math.nan)
            continue
        t = type(v)
        if kind == "str":
            ok = t is str
        elif kind == "float":
            ok = t is float or t is int
            v = float(v) if ok else v
        elif kind == "int":
            ok = t is int
        else:
            ok = t is bool
        if not ok:
            return None
        if spec.isin is not None and v not in spec.isin:
            return None
        if spec.ge is not None and not v >= spec.ge:
            return None
        out.append(v)
    return out


def _skip_pandera_dask_typing() -> None:
    """Keep pandera from importing dask (≈0.5 s) when it builds a schema's annotations.

    pandera looks up ``pandera.typing.dask`` and imports ``dask.dataframe`` whenever dask is
    installed; our tables are pandas frames only. A stand-in module that says "no dask" is
    used unless the real one was imported already (then nothing changes).
    """
    name = "pandera.typing.dask"
    if name not in sys.modules:
        stand_in = types.ModuleType(name, "pandera's dask typing, skipped by lkj_audit")
        stand_in.DASK_INSTALLED = False  # type: ignore[attr-defined]
        sys.modules[name] = stand_in


def pandera_schema(model: type[TableModel]) -> pa.DataFrameSchema:
    """The pandera schema of ``model`` (pandera is imported only when this is asked for)."""
    if model not in _PANDERA:
        _PANDERA[model] = _build_pandera(model)
    return _PANDERA[model]


def _build_pandera(model: type[TableModel]) -> pa.DataFrameSchema:
    _skip_pandera_dask_typing()
    import pandera.pandas as pa

    def checks(spec: FieldSpec) -> list[pa.Check]:
        out = []
        if spec.isin is not None:
            out.append(pa.Check.isin(list(spec.isin)))
        if spec.ge is not None:
            out.append(pa.Check.ge(spec.ge))
        return out

    kinds = {"str": str, "int": int, "float": float, "bool": bool}
    return pa.DataFrameSchema(
        {
            c.name: pa.Column(kinds[c.kind], checks(c.spec), nullable=c.spec.nullable)
            for c in columns(model)
        },
        strict=True,
        coerce=True,
        name=model.__name__,
    )


def _pandera_validate(model: type[TableModel], records: list[dict[str, Any]]) -> pd.DataFrame:
    """The full pandera validation: coerces values, or reports every problem at once."""
    schema = pandera_schema(model)
    import pandas as pd
    from pandera.errors import SchemaErrors

    frame = pd.DataFrame.from_records(records, columns=[c.name for c in columns(model)])
    try:
        valid = schema.validate(frame, lazy=True)
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
    """The rows of ``frame`` as named tuples (the same values as ``frame.itertuples(index=index)``).

    Typed ``Any`` on purpose: the fields are the table model's columns, which pandas-stubs cannot
    see (it types every field as "any scalar"), so callers read them as their model declares.
    Rules walk these small frames many times: ``itertuples`` builds a new named-tuple class
    and one Series per column on every call (~1-2 ms for a 24-column table); here the class is
    made once per column set and the columns are read as plain lists (~0.1 ms).
    """
    arrays = _plain_columns(frame)
    if arrays is None:  # a column pandas would box (datetimes, extension types): as pandas does
        return frame.itertuples(index=index)
    if index:
        arrays.insert(0, frame.index.tolist())
    return map(_row_class(tuple(frame.columns), index)._make, zip(*arrays, strict=True))


_ROW_CLASSES: dict[tuple[tuple[Any, ...], bool], Any] = {}


def _row_class(labels: tuple[Any, ...], index: bool) -> Any:
    key = (labels, index)
    cls = _ROW_CLASSES.get(key)
    if cls is None:
        names = (["Index"] if index else []) + [str(label) for label in labels]
        cls = _ROW_CLASSES[key] = namedtuple("Pandas", names, rename=True)
    return cls


def _plain_columns(frame: pd.DataFrame) -> list[list[Any]] | None:
    """Each column as a list of the Python values iteration gives, or ``None`` if not plain.

    Only numpy columns of objects, integers, floats or booleans: ``tolist`` gives exactly the
    Python values a Series iteration gives for those. The block manager's column arrays are
    read without building a Series per column.
    """
    import numpy as np

    arrays = getattr(getattr(frame, "_mgr", None), "column_arrays", None)
    if arrays is None or len(arrays) != frame.shape[1] or frame.shape[1] > 254:
        return None
    out = []
    for a in arrays:
        if not isinstance(a, np.ndarray) or a.dtype.kind not in _PLAIN_KINDS:
            return None
        out.append(a.tolist())
    return out


_PLAIN_KINDS = frozenset("Oiufb")
