"""Typed tables of a report: every recognised table, validated, with its DataFrame on demand.

Tables are recognised by their headers and the text around them, never by position. Order
matters only for ties: a table is claimed by the first typer that recognises it.

The audit reads each table's row records (:mod:`lkj_audit.load.rows`); the pandas frames
(``tables.anggaran`` …) are built only when first read (CSV export, the notebook, the HTML
views), so ``lkj-audit check`` never imports pandas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, overload

from lkj_audit.load import (
    anggaran,
    capaian,
    partisipasi,
    pegawai,
    pemilih,
    pk,
    skala,
    staff_counts,
    toc,
)
from lkj_audit.load.document import Document, RawTable
from lkj_audit.load.schema import Table

if TYPE_CHECKING:
    import pandas as pd

    from lkj_audit.load.rows import TableRows

# The typed tables, in the order of their CSV files and of ``frames()``.
NAMES = (
    "anggaran",
    "capaian",
    "pemilih",
    "pegawai",
    "pegawai_stated",
    "pegawai_jumlah",
    "skala",
    "toc",
    "pk",
    "partisipasi",
)


class _Frame:
    """A typed table read as a pandas DataFrame (built on first read, then kept)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> _Frame: ...
    @overload
    def __get__(self, obj: ReportTables, owner: type | None = None) -> pd.DataFrame: ...
    def __get__(self, obj: ReportTables | None, owner: type | None = None) -> Any:
        return self if obj is None else obj.table(self.name).frame()


class ReportTables:
    """The typed tables of one report (empty tables when a report lacks one)."""

    __slots__ = ("_rows", "_typed", "raw")

    anggaran = _Frame()
    capaian = _Frame()
    pemilih = _Frame()
    pegawai = _Frame()
    pegawai_stated = _Frame()
    pegawai_jumlah = _Frame()
    skala = _Frame()
    toc = _Frame()
    pk = _Frame()
    partisipasi = _Frame()

    def __init__(self, typed: dict[str, Table], raw: list[RawTable]) -> None:
        missing = [n for n in NAMES if n not in typed]
        if missing or len(typed) != len(NAMES):
            raise ValueError(f"typed tables must be exactly {NAMES}, got {sorted(typed)}")
        self._typed = typed
        self.raw = raw
        self._rows: TableRows | None = None

    def table(self, name: str) -> Table:
        """The validated table ``name`` (one of :data:`NAMES`), without pandas."""
        return self._typed[name]

    def has_rows(self, name: str) -> bool:
        """The report has a typed table ``name`` with at least one row."""
        found = self._typed.get(name)
        return found is not None and not found.empty

    def frames(self) -> dict[str, pd.DataFrame]:
        """Every typed table by name as a DataFrame (the CSV files written for the reviewer)."""
        return {name: self._typed[name].frame() for name in NAMES}

    def rows(self) -> TableRows:
        """Every typed table as row records (built once)."""
        if self._rows is None:
            from lkj_audit.load import rows  # it reads this module's tables

            self._rows = rows.build(self)
        return self._rows

    def raw_table(self, table_id: str) -> RawTable | None:
        """The printed table with this id (``T07``)."""
        return next((t for t in self.raw if t.id == table_id), None)


def read_tables(doc: Document, year: int | None) -> ReportTables:
    """Type every table of ``doc``."""
    typed = {
        "anggaran": anggaran.load(doc, year),
        "capaian": capaian.load(doc, year),
        "skala": skala.load(doc),
        # before the voter tables: a participation table split LK/PR has their header words
        "partisipasi": partisipasi.load(doc),
        "pemilih": pemilih.load(doc),
        "pegawai": pegawai.load(doc),
        "pegawai_stated": pegawai.stated_counts(doc),
        "pegawai_jumlah": staff_counts.load(doc),  # after the staff lists, which it is not
        "toc": toc.load(doc),
        "pk": pk.load(doc, year),  # after the other typers: PK tables are the untyped ones left
    }
    return ReportTables({name: typed[name] for name in NAMES}, doc.tables)
