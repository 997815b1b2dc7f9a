"""Staff tables (PNS, PPPK, PPNPN) and the staff counts the text states (DOMAIN.md §3.4)."""

from __future__ import annotations

import re

from lkj_audit.load import columns as col
from lkj_audit.load.document import Document, RawTable
from lkj_audit.load.rawtables import row_number
from lkj_audit.load.schema import Field, Table, TableModel, validate

_NIP_RE = re.compile(r"(?i)\b(NIP(?:PPK)?|NI\s*PPPK)\s*\.?\s*:?\s*(\d[\d ]{16,22}\d)")
_EDU_RE = re.compile(r"(?i)^(S[1-3]|D[1-4]|SM[AUK]|SLTA|SMP|SLTP|SD|STM|SMEA|MA|DIPLOMA|SARJANA)\b")
_JENIS = {
    "PPPK": re.compile(r"(?i)\bPPPK\b|perjanjian\s+kerja"),
    "PPNPN": re.compile(r"(?i)\bPPNPN\b|non\s+pegawai|honorer"),
    "PNS": re.compile(r"(?i)\bPNS\b|pegawai\s+negeri\s+sipil"),
}
_STATED_RE = re.compile(
    r"(?i)(?<![\d.,])(\d{1,4})\s*(?:\(\s*([a-z ]+?)\s*\))?\s*(?:orang\s+)?"
    r"(pegawai\s+negeri\s+sipil|PNS|PPPK|PPNPN|honorer)\b"
)
# A number that names a table or figure, not a count: "Tabel 1.1 PNS Menurut Golongan",
# "Gambar 2 PNS per Jabatan".
_CAPTION_BEFORE_RE = re.compile(r"(?i)\b(?:tabel|table|gambar|grafik|diagram|lampiran)\s*$")
# Every match of _STATED_RE holds one of these, case-folded.
_STATED_WORDS = ("pegawai", "pns", "pppk", "ppnpn", "honorer")


class PegawaiSchema(TableModel):
    """One staff member as listed."""

    table: str
    line: int
    jenis: str = Field(isin=["PNS", "PPPK", "PPNPN"])
    no: float = Field(nullable=True)
    nama: str
    nip: str = Field(nullable=True)
    gol: str
    tmt_gol: str
    jabatan: str
    tmt_jabatan: str
    pendidikan: str
    evidence: str


class StatedCountSchema(TableModel):
    """A staff count stated in running text ("14 (empat belas) orang PNS")."""

    line: int
    jenis: str = Field(isin=["PNS", "PPPK", "PPNPN"])
    count: int = Field(ge=0)
    words: str = Field(nullable=True)
    evidence: str


def jenis_of(text: str) -> str | None:
    """PNS / PPPK / PPNPN named in a caption or sentence."""
    for jenis, rx in _JENIS.items():
        if rx.search(text):
            return jenis
    return None


def kinds_named(text: str) -> set[str]:
    """Every kind of staff (PNS / PPPK / PPNPN) ``text`` names."""
    return {jenis for jenis, rx in _JENIS.items() if rx.search(text)}


def _jenis_of_table(table: RawTable) -> str:
    """The kind of staff a table lists: its caption when it names one kind, else its NIPs.

    A caption such as "... oleh 8 orang PNS, 2 orang PPPK dan 5 orang PPNPN" names every
    kind and says nothing about the table below it.
    """
    named = kinds_named(table.caption)
    if len(named) == 1:
        return named.pop()
    first = " ".join(table.rows[0].cells) if table.rows else ""
    marks = re.sub(r"\s", "", f"{table.header_text} {first}").upper()
    if "NIPPPK" in marks:
        return "PPPK"
    return "PNS" if "NIP" in marks else "PPNPN"


def is_staff_table(table: RawTable) -> bool:
    """Header lists names with a position or an education level."""
    head = table.header_text
    return "nama" in head and bool(re.search(r"jabat|pendi|dikan|gol", head))


def _columns(table: RawTable) -> dict[str, int | None]:
    is_edu = lambda c: bool(_EDU_RE.match(c))  # noqa: E731
    idx: dict[str, int | None] = {"nama": col.find(table, r"nama", exclude=r"jabat")}
    idx["pendidikan"] = col.find(table, r"pendi|dikan", content=is_edu)
    taken = {j for j in idx.values() if j is not None}
    idx["gol"] = col.find(table, r"gol|pangkat", taken=taken)
    dates = [
        j
        for j, lab in enumerate(col.labels(table))
        if re.search(r"tmt|тмт", lab) and j not in taken
    ]
    idx["tmt_gol"] = dates[0] if dates else None
    idx["tmt_jabatan"] = dates[1] if len(dates) > 1 else None
    taken |= {j for j in idx.values() if j is not None}
    idx["jabatan"] = col.find(table, r"jabat", taken=taken)
    return idx


def _merged_roles(table: RawTable, idx: dict[str, int | None]) -> bool:
    """Two roles read from one column, or the name header also heads golongan/TMT."""
    used = [j for j in idx.values() if j is not None]
    nama = idx["nama"]
    labels = col.labels(table)
    joined = nama is not None and bool(re.search(r"\bgol|pangkat|tmt", labels[nama]))
    return joined or len(used) != len(set(used))


def load(doc: Document) -> Table:
    """Every staff row (see :class:`PegawaiSchema`)."""
    records: list[dict[str, object]] = []
    for table in doc.tables:
        if table.kind or not is_staff_table(table):
            continue
        jenis = _jenis_of_table(table)
        table.kind = "pegawai"
        idx = _columns(table)
        if _merged_roles(table, idx):
            # The reader joined two columns (a long name touching "Gol."): which figure
            # belongs to golongan or TMT cannot be told, so neither is judged.
            table.doubts.append("kolom golongan/TMT tergabung dengan kolom lain; tidak dinilai")
            idx.update(gol=None, tmt_gol=None, tmt_jabatan=None)
        printed = col.printed_labels(table)  # the reading record names each column as printed
        table.roles = {role: printed[j] for role, j in idx.items() if j is not None}
        for row in table.rows:
            nama_cell = col.cell(row.cells, idx["nama"])
            nip = _NIP_RE.search(nama_cell)
            nama = _NIP_RE.sub("", nama_cell).strip(" ,")
            records.append(
                {
                    "table": table.id,
                    "line": row.line,
                    "jenis": jenis,
                    "no": row_number(row.cells[0]) if row.cells else None,
                    "nama": nama,
                    "nip": re.sub(r"\s", "", nip.group(2)) if nip else None,
                    **{
                        k: col.cell(row.cells, idx[k])
                        for k in ("gol", "tmt_gol", "jabatan", "tmt_jabatan", "pendidikan")
                    },
                    "evidence": row.evidence,
                }
            )
    return validate(PegawaiSchema, records)


def stated_counts(doc: Document) -> Table:
    """Staff counts stated in running text, one row per (sentence, jenis)."""
    records = []
    for block in doc.blocks_in(None):
        folded = block.text.casefold().replace("ı", "i")  # as (?i) matches: dotless i too
        if not any(word in folded for word in _STATED_WORDS):
            continue  # the pattern is tried at every digit of a block: most name no staff
        for m in _STATED_RE.finditer(block.text):
            if _CAPTION_BEFORE_RE.search(block.text, 0, m.start()):
                continue
            jenis = jenis_of(m.group(3)) or "PNS"
            records.append(
                {
                    "line": block.line,
                    "jenis": jenis,
                    "count": int(m.group(1)),
                    "words": m.group(2),
                    "evidence": block.text,
                }
            )
    return validate(StatedCountSchema, records)
