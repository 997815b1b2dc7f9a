"""The typed tables as typed row records, built once per report (``ctx.rows``).

Rules and :mod:`lkj_audit.recompute` read a few dozen rows per table many times; plain frozen
records make that fast and let ``mypy --strict`` check every field they read. A missing value
is ``None`` (never NaN), so no rule needs a NaN or ``isinstance`` guard. Each record has
exactly the columns of its table model in :mod:`lkj_audit.load.schema` (checked by
``tests/load/test_rows.py``). They are built from the validated column lists, without pandas;
the DataFrames are built only for CSV export, the notebook and the HTML views.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    from lkj_audit.load.schema import Table
    from lkj_audit.load.tables import ReportTables

R = TypeVar("R", bound="DataclassInstance")


@dataclass(frozen=True, slots=True)
class BudgetRow:
    """One printed budget row (``tables.anggaran``); amounts in rupiah, percentages in percent."""

    table: str
    line: int
    level: str
    program: str | None
    kegiatan: str | None
    kode: str | None
    uraian: str
    pagu: float | None
    pagu_raw: str
    pagu_dec: int
    realisasi: float | None
    realisasi_raw: str
    realisasi_dec: int
    pct: float | None
    pct_raw: str
    pct_dec: int
    flags: str
    evidence: str
    scale: int
    sisa: float | None
    sisa_raw: str
    closes: str
    subtotal: bool
    doubt: str


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    """One indicator row of a capaian table (``tables.capaian``); percentages in percent."""

    table: str
    line: int
    sasaran_no: float | None
    sasaran: str | None
    no: float | None
    indikator: str
    kode: str | None
    target: float | None
    target_unit: str
    target_raw: str
    target_dec: int
    realisasi: float | None
    realisasi_unit: str
    realisasi_raw: str
    realisasi_dec: int
    capaian: float | None
    capaian_raw: str
    capaian_dec: int
    kategori_raw: str
    polarity: str
    polarity_source: str
    realisasi_prev_raw: str
    target_renstra_raw: str
    evidence: str
    bobot: float | None = None  # the indicator's weight ("Bobot (%)"), when the table prints one


@dataclass(frozen=True, slots=True)
class VoterRow:
    """One row of a voter table (``tables.pemilih``)."""

    table: str
    line: int
    tahap: str | None
    wilayah: str
    is_total: bool
    lk: float | None
    lk_raw: str
    pr: float | None
    pr_raw: str
    jumlah: float | None
    jumlah_raw: str
    tps: float | None
    evidence: str
    doubt: str
    is_subtotal: bool = False  # a total of part of the table ("Jumlah Dapil 1"), is_total too


@dataclass(frozen=True, slots=True)
class ParticipationRow:
    """One row of a voter participation table (``tables.partisipasi``); pct in percent."""

    table: str
    line: int
    wilayah: str
    is_total: bool
    dpt: float | None
    dpt_raw: str
    pengguna: float | None
    pengguna_raw: str
    tidak: float | None
    tidak_raw: str
    pct: float | None
    pct_raw: str
    pct_dec: int
    evidence: str
    doubt: str
    sex: str = ""  # "L" / "P" / "L+P" on a table split by sex (its counts footed as voters)


@dataclass(frozen=True, slots=True)
class StaffRow:
    """One listed staff member (``tables.pegawai``)."""

    table: str
    line: int
    jenis: str
    no: float | None
    nama: str
    nip: str | None
    gol: str
    tmt_gol: str
    jabatan: str
    tmt_jabatan: str
    pendidikan: str
    evidence: str


@dataclass(frozen=True, slots=True)
class StaffCountRow:
    """One count of a staff count table (``tables.pegawai_jumlah``)."""

    table: str
    line: int
    category: str
    column: str
    jenis: str | None
    count: int
    total_row: bool
    total_column: bool
    evidence: str


@dataclass(frozen=True, slots=True)
class StatedCountRow:
    """A staff count stated in the text (``tables.pegawai_stated``)."""

    line: int
    jenis: str
    count: int
    words: str | None
    evidence: str


@dataclass(frozen=True, slots=True)
class ScaleRow:
    """One band of the capaian scale (``tables.skala``)."""

    table: str
    line: int
    lower: float
    lower_inclusive: bool
    upper: float
    upper_inclusive: bool
    kategori: str
    rentang_raw: str
    decimals: int
    evidence: str


@dataclass(frozen=True, slots=True)
class TocRow:
    """One entry of the table of contents (``tables.toc``)."""

    line: int
    heading: str
    page_raw: str
    page: float | None
    front_matter: bool


@dataclass(frozen=True, slots=True)
class PkRow:
    """One target of a Perjanjian Kinerja (``tables.pk``)."""

    table: str
    line: int
    source: str
    level: str
    pihak: str
    no: float | None
    sasaran: str
    indikator: str
    kode: str | None
    target: float | None
    target_unit: str
    target_raw: str
    target_dec: int
    evidence: str


@dataclass(frozen=True, slots=True)
class TableRows:
    """Every typed table of one report as a tuple of row records, in reading order."""

    anggaran: tuple[BudgetRow, ...] = ()
    capaian: tuple[IndicatorRow, ...] = ()
    pemilih: tuple[VoterRow, ...] = ()
    pegawai: tuple[StaffRow, ...] = ()
    pegawai_stated: tuple[StatedCountRow, ...] = ()
    pegawai_jumlah: tuple[StaffCountRow, ...] = ()
    skala: tuple[ScaleRow, ...] = ()
    toc: tuple[TocRow, ...] = ()
    pk: tuple[PkRow, ...] = ()
    partisipasi: tuple[ParticipationRow, ...] = ()


def records(kind: type[R], table: Table) -> tuple[R, ...]:
    """The rows of ``table`` as ``kind`` records (columns by field name, NaN → ``None``)."""
    if table.empty:
        return ()
    names = [f.name for f in fields(kind)]
    values = table.rows() if table.names == names else zip(*map(table.column, names), strict=True)
    # NaN (the only float unequal to itself) → None, inline: a call per value cost a third
    return tuple(kind(*[None if type(v) is float and v != v else v for v in row]) for row in values)


def build(tables: ReportTables) -> TableRows:
    """The row records of every typed table of ``tables``."""
    t = tables.table
    return TableRows(
        anggaran=records(BudgetRow, t("anggaran")),
        capaian=records(IndicatorRow, t("capaian")),
        pemilih=records(VoterRow, t("pemilih")),
        pegawai=records(StaffRow, t("pegawai")),
        pegawai_stated=records(StatedCountRow, t("pegawai_stated")),
        pegawai_jumlah=records(StaffCountRow, t("pegawai_jumlah")),
        skala=records(ScaleRow, t("skala")),
        toc=records(TocRow, t("toc")),
        pk=records(PkRow, t("pk")),
        partisipasi=records(ParticipationRow, t("partisipasi")),
    )
