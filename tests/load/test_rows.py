"""Typed row records (``ctx.rows``): one record type per table model, the frames' values.

A record has exactly the columns of its table model, in order, typed as the model declares
(nullable columns as ``X | None``), so a reader change that adds or drops a column fails here
instead of leaving rules reading a stale field. Built from real frames, a record holds the
frame's values with NaN turned into ``None``.
"""

from __future__ import annotations

import math
import typing
from dataclasses import fields

import pandas as pd
import pytest

from lkj_audit.load import anggaran, capaian, pegawai, pemilih, pk, read_document, rows, skala, toc
from lkj_audit.load.schema import TableModel, columns
from lkj_audit.load.tables import read_tables
from tests.conftest import SEED

PAIRS: list[tuple[str, type[TableModel], type]] = [
    ("anggaran", anggaran.AnggaranSchema, rows.BudgetRow),
    ("capaian", capaian.CapaianSchema, rows.IndicatorRow),
    ("pemilih", pemilih.PemilihSchema, rows.VoterRow),
    ("pegawai", pegawai.PegawaiSchema, rows.StaffRow),
    ("pegawai_stated", pegawai.StatedCountSchema, rows.StatedCountRow),
    ("skala", skala.SkalaSchema, rows.ScaleRow),
    ("toc", toc.TocSchema, rows.TocRow),
    ("pk", pk.PkSchema, rows.PkRow),
]
_KINDS = {"str": str, "int": int, "float": float, "bool": bool}


@pytest.mark.parametrize(("name", "model", "record"), PAIRS, ids=[p[0] for p in PAIRS])
def test_record_fields_are_the_model_columns(
    name: str, model: type[TableModel], record: type
) -> None:
    hints = typing.get_type_hints(record)
    declared = [(f.name, hints[f.name]) for f in fields(record)]
    expected = [
        (c.name, _KINDS[c.kind] | None if c.spec.nullable else _KINDS[c.kind])
        for c in columns(model)
    ]
    assert declared == expected
    assert name in {f.name for f in fields(rows.TableRows)}


def _same(value: object, cell: object, kind: object) -> bool:
    """The record holds the frame's value as the Python type its field declares."""
    if isinstance(cell, float) and math.isnan(cell):
        return value is None
    declared = [t for t in typing.get_args(kind) or (kind,) if t is not type(None)]
    return value == cell and type(value) in declared


def test_bundled_report_rows_hold_the_frame_values() -> None:
    tables = read_tables(read_document(SEED), 2024)
    built = rows.build(tables)
    for name, _, record in PAIRS:
        frame: pd.DataFrame = getattr(tables, name)
        records = getattr(built, name)
        assert len(records) == len(frame), name
        hints = typing.get_type_hints(record)
        for rec, (_, cells) in zip(records, frame.iterrows(), strict=True):
            assert isinstance(rec, record)
            for f in fields(record):
                value = getattr(rec, f.name)
                assert _same(value, cells[f.name], hints[f.name]), (name, f.name, rec)
    # The bundled report has missing values (a program row has no kode): None, never NaN.
    assert any(r.kode is None for r in built.anggaran)
    assert all(r.pagu is None or not math.isnan(r.pagu) for r in built.anggaran)


def test_empty_tables_give_no_rows() -> None:
    frame = pk.empty()
    assert rows.records(rows.PkRow, frame) == ()
    assert rows.TableRows().anggaran == ()


def test_frames_are_built_only_when_read_and_then_kept() -> None:
    tables = read_tables(read_document(SEED), 2024)
    built = tables.rows()
    assert built is tables.rows()  # records built once, for reading, figures and rules
    typed = tables.table("anggaran")
    assert typed._frame is None, "typing and the row records need no DataFrame"
    frame = tables.anggaran
    assert frame is tables.anggaran is typed.frame()
    assert len(frame) == len(typed) == len(built.anggaran) > 0
    assert tables.has_rows("anggaran") and not tables.has_rows("no_such_table")
