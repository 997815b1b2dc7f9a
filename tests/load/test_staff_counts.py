"""Staff count tables (staff by education, rank or status with a Jumlah row), DOMAIN.md §3.4."""

# ruff: noqa: E501 - the layouts are as wide as a printed page
from __future__ import annotations

from pathlib import Path

from lkj_audit import audit
from lkj_audit.render import views

BY_STATUS = """BAB I PENDAHULUAN

1.2 Sumber Daya Manusia

Sekretariat didukung oleh 18 pegawai, terdiri dari 9 PNS, 3 PPPK dan 6 PPNPN, sebagai berikut:

Tabel 1.1 Jumlah Pegawai Menurut Status dan Jenis Kelamin

   Status Kepegawaian          Laki-laki     Perempuan     Jumlah
   PNS                                 6             3          9
   PPPK                                2             1          3
   PPNPN                               5             1          6
   Jumlah                             13             5         18

Komposisi ini memadai untuk tugas sekretariat.
"""


def _open(tmp_path: Path, text: str) -> audit.AuditContext:
    path = tmp_path / "lkj.txt"
    path.write_text(text, encoding="utf-8")
    return audit.open(path, satker="656532", year=2024)


def test_a_count_table_is_read_count_by_count(tmp_path: Path) -> None:
    ctx = _open(tmp_path, BY_STATUS)
    counts = ctx.rows.pegawai_jumlah
    assert len(counts) == 12  # 4 rows × 3 columns
    pns = [c for c in counts if c.category == "PNS"]
    assert [(c.column, c.count, c.jenis) for c in pns] == [
        ("Laki-laki", 6, "PNS"),
        ("Perempuan", 3, "PNS"),
        ("Jumlah", 9, "PNS"),
    ]
    # the introducing sentence names every kind: the Jumlah row is of none
    assert {c.jenis for c in counts if c.total_row} == {None}
    (record,) = [r for r in ctx.reading if r.name == "pegawai_jumlah"]
    assert record.rows == 4 and record.columns == {"kategori": "Status Kepegawaian"}


def test_the_counted_staff_are_the_one_figure_the_html_shows(tmp_path: Path) -> None:
    ctx = _open(tmp_path, BY_STATUS.replace("3 PPPK dan", "4 PPPK dan"))
    assert {k: v.counted for k, v in ctx.figures.pegawai.items()} == {
        "PNS": 9,
        "PPPK": 3,
        "PPNPN": 6,
    }
    found = audit.run_rules(ctx)
    (wrong,) = [f for f in found if f.rule == "PEG003"]
    assert (wrong.stated, wrong.expected) == ("4", "3")
    rows = {r["jenis"]: r for r in views.staff_counts(ctx, found)}
    assert rows["PPPK"]["listed"] == 3 and rows["PPPK"]["ok"] is False
    assert rows["PPPK"]["finding"] == wrong.fingerprint
    assert rows["PNS"]["ok"] is True


def test_a_table_with_a_share_in_percent_is_no_count_table(tmp_path: Path) -> None:
    text = BY_STATUS.replace("Jumlah\n", "Jumlah     Persen\n").replace(" 18\n", " 18    100%\n")
    ctx = _open(tmp_path, text)
    assert ctx.rows.pegawai_jumlah == ()
