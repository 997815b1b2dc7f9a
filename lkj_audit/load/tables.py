"""Typed tables of a report: every recognised table as a validated pandas DataFrame.

Tables are recognised by their headers and the text around them, never by position. Order
matters only for ties: a table is claimed by the first typer that recognises it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

import pandas as pd

from lkj_audit.load import anggaran, capaian, pegawai, pemilih, pk, skala, toc
from lkj_audit.load.document import Document, RawTable


@dataclass(slots=True)
class ReportTables:
    """The typed tables of one report (empty frames when a report lacks a table)."""

    anggaran: pd.DataFrame
    capaian: pd.DataFrame
    pemilih: pd.DataFrame
    pegawai: pd.DataFrame
    pegawai_stated: pd.DataFrame
    skala: pd.DataFrame
    toc: pd.DataFrame
    raw: list[RawTable]
    pk: pd.DataFrame = field(default_factory=pk.empty)

    def frames(self) -> dict[str, pd.DataFrame]:
        """Every typed table by name (the CSV files written for the reviewer)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "raw"}

    def raw_table(self, table_id: str) -> RawTable | None:
        """The printed table with this id (``T07``)."""
        return next((t for t in self.raw if t.id == table_id), None)


def read_tables(doc: Document, year: int | None) -> ReportTables:
    """Type every table of ``doc``."""
    return ReportTables(
        anggaran=anggaran.load(doc, year),
        capaian=capaian.load(doc, year),
        skala=skala.load(doc),
        pemilih=pemilih.load(doc),
        pegawai=pegawai.load(doc),
        pegawai_stated=pegawai.stated_counts(doc),
        toc=toc.load(doc),
        pk=pk.load(doc, year),  # after the other typers: PK tables are the untyped ones left
        raw=doc.tables,
    )
