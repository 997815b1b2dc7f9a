"""The cheap schema check and the full pandera validation agree: same frames, same errors.

The pandera schema stays the truth: every table the reader types (the bundled report and
every YAML rule case) is validated by pandera here and must equal the frame the fast path
built; values the fast path would not take as they are go to pandera, which coerces or
rejects them with its own message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from lkj_audit.errors import SchemaMismatchError
from lkj_audit.load import (
    anggaran,
    capaian,
    pegawai,
    pemilih,
    pk,
    read_document,
    schema,
    skala,
    toc,
)
from lkj_audit.load.tables import read_tables
from tests.conftest import SEED
from tests.rules.test_cases import CASES, cell_text

MODELS: list[type[schema.TableModel]] = [
    anggaran.AnggaranSchema,
    capaian.CapaianSchema,
    pegawai.PegawaiSchema,
    pegawai.StatedCountSchema,
    pemilih.PemilihSchema,
    pk.PkSchema,
    skala.SkalaSchema,
    toc.TocSchema,
]


def _records_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[tuple[Any, list[Any]]]:
    """Every (model, records) the readers validate on the bundled report and rule cases."""
    seen: list[tuple[Any, list[Any]]] = []
    real = schema.validate

    def spy(model: Any, records: list[Any]) -> schema.Table:
        seen.append((model, records))
        return real(model, records)

    for module in (anggaran, capaian, pegawai, pemilih, pk, skala, toc):
        monkeypatch.setattr(module, "validate", spy)
    # The bundled report and one case of each rule (a sample of every table shape, kept cheap).
    first = {code: case for code, _, case in reversed(CASES)}
    texts = [SEED.read_text(encoding="utf-8")] + [cell_text(c["report"]) for c in first.values()]
    for i, text in enumerate(texts):
        path = tmp_path / f"r{i}.txt"
        path.write_text(text, encoding="utf-8")
        try:
            doc = read_document(path)
        except Exception:  # noqa: BLE001 - a case text need not be a whole report
            continue
        read_tables(doc, 2024)
    return seen


def _same(fast: pd.DataFrame, full: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(fast, full, check_dtype=True, check_column_type=True)
    assert list(fast.dtypes) == list(full.dtypes)
    assert fast.columns.dtype == full.columns.dtype


def test_fast_frames_equal_pandera_frames(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen = _records_read(monkeypatch, tmp_path)
    assert len(seen) > 50 and {m for m, _ in seen} == set(MODELS)
    fast_path = 0
    for model, records in seen:
        fast_path += schema._checked_columns(schema.columns(model), records) is not None
        full = schema._pandera_validate(model, records)
        _same(schema.validate(model, records).frame(), full)
        with monkeypatch.context() as m:  # a pandas without the column-array constructor
            m.setattr(schema, "_USE_FROM_ARRAYS", False)
            _same(schema.validate(model, records).frame(), full)
    assert fast_path == len(seen), "the readers' records should all take the fast path"


def test_empty_tables_keep_their_dtypes() -> None:
    for model in MODELS:
        _same(schema.validate(model, []).frame(), schema._pandera_validate(model, []))


def _good_row() -> dict[str, Any]:
    return {
        "line": 7,
        "heading": "BAB I PENDAHULUAN",
        "page_raw": "1",
        "page": 1.0,
        "front_matter": False,
    }


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("heading", None),  # not nullable
        ("line", None),
        ("page", "satu"),  # not a number
        ("line", "tujuh"),
    ],
)
def test_a_misread_value_is_rejected_with_pandera_s_message(column: str, value: Any) -> None:
    row = _good_row() | {column: value}
    with pytest.raises(SchemaMismatchError, match=r"table TocSchema: \d+ value\(s\)") as fast:
        schema.validate(toc.TocSchema, [_good_row(), row])
    with pytest.raises(SchemaMismatchError) as full:
        schema._pandera_validate(toc.TocSchema, [_good_row(), row])
    assert str(fast.value) == str(full.value)


def test_field_constraints_are_checked() -> None:
    base = {
        "table": "T01", "line": 3, "jenis": "PNS", "count": 2, "words": None, "evidence": "x",
    }  # fmt: skip
    base.pop("table")
    schema.validate(pegawai.StatedCountSchema, [base])
    for bad in ({"jenis": "Honorer"}, {"count": -1}):
        with pytest.raises(SchemaMismatchError, match="StatedCountSchema"):
            schema.validate(pegawai.StatedCountSchema, [base | bad])


def test_values_needing_coercion_are_coerced_by_pandera() -> None:
    # an int where text is declared, a float where an int is (pandera's coercion, as before)
    row = _good_row() | {"heading": 12, "line": 7.0}
    assert schema._checked_columns(schema.columns(toc.TocSchema), [row]) is None
    table = schema.validate(toc.TocSchema, [row])
    frame = table.frame()
    _same(frame, schema._pandera_validate(toc.TocSchema, [row]))
    assert frame.heading.tolist() == ["12"] and frame.line.tolist() == [7]
    # the row values are the coerced ones too (what the row records are built from)
    assert table.column("heading") == ["12"] and type(table.column("line")[0]) is int


def test_a_missing_column_is_caught() -> None:
    row = _good_row()
    del row["heading"]  # a nullable column left out is read as missing, as pandera does
    with pytest.raises(SchemaMismatchError, match="TocSchema"):
        schema.validate(toc.TocSchema, [row])


def _rows_equal(got: list[Any], want: list[Any]) -> None:
    """Rows equal field by field, NaN equal to NaN, the same Python types and field names."""
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert g._fields == w._fields
        assert [type(v) for v in g] == [type(v) for v in w]
        assert all(a == b or (a != a and b != b) for a, b in zip(g, w, strict=True))


def test_table_rows_are_what_itertuples_gives() -> None:
    frame = pd.DataFrame(
        {
            "text": pd.Series(["a", None, "c"], dtype=object),
            "n": pd.Series([1, 2, 3], dtype="int64"),
            "x": pd.Series([1.5, float("nan"), 3.0], dtype="float64"),
            "ok": pd.Series([True, False, True], dtype=bool),
            "class": pd.Series(["k", "l", "m"], dtype=object),  # a keyword: renamed as pandas does
        },
        index=[5, 7, 9],
    )
    for index in (True, False):
        _rows_equal(
            list(schema.table_rows(frame, index=index)), list(frame.itertuples(index=index))
        )
    assert list(schema.table_rows(frame.iloc[:0])) == []


def test_table_rows_of_boxed_columns_fall_back_to_pandas() -> None:
    """Datetimes and Arrow strings: ``tolist`` would not give what iteration gives."""
    frame = pd.DataFrame(
        {
            "when": pd.to_datetime(["2024-01-01", "2024-02-01"]),
            "s": pd.Series(["a", "b"], dtype="string"),
        }
    )
    _rows_equal(list(schema.table_rows(frame)), list(frame.itertuples()))


def test_table_rows_of_every_table_read() -> None:
    doc = read_document(SEED)
    for frame in read_tables(doc, 2024).frames().values():
        _rows_equal(list(schema.table_rows(frame)), list(frame.itertuples()))
