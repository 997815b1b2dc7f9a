"""A KPU Provinsi Jawa Timur 2024 LKj written as HTML and printed to PDF by headless Chromium.

Written by hand for round 7a of the unseen reports, as a provincial secretariat makes it when
its LKj is drafted in a web editor (or exported from a spreadsheet to HTML) and printed from
the browser: CSS tables whose ``<thead>`` Chromium repeats at the top of every printed page,
two tables of all 38 kabupaten/kota (the DPT of the 2024 Pemilihan Gubernur, and the voters
who used their vote) that run over two pages, a capaian table with "Target Renstra 2024" and
"Capaian thd Renstra (%)" beside this year's Target | Realisasi | Capaian, the sasaran as rows
spanning the table, a trend table with one column per year 2020-2024, and a budget table whose
amounts are grouped by narrow no-break spaces ("28 450 000 000", U+202F) as a French or
ISO-style spreadsheet exports them. The test reads the PDF's ``pdftotext -layout`` text.

Its figures add up except for the defects listed in :data:`PLANTED` (places, rules), which
were written before the reader was first run on it.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path

SATKER = "KPU Provinsi Jawa Timur"
NAME = "lkj_2024_kpu_provinsi_jawa_timur"

# The defects written into the report: the places that may carry the finding (each given by
# pieces of text on one line of the pdftotext -layout text) and the rules that may find it.
PLANTED: tuple[tuple[tuple[tuple[str, ...], ...], set[str]], ...] = (
    # Kota Malang's L + P is 664.525; its Jumlah is printed 664.255 (so the column's total,
    # made of the true figures, no longer equals the rows either).
    ((("Kota Malang", "664.255"), ("Jumlah", "15.429.544")), {"PML001", "PML002"}),
    # The voters who used their vote add up to 21.101.213, the total row says 21.191.213 (and
    # its rate, 68,01, is the true one).
    ((("Jumlah", "21.191.213"),), {"PML004", "PML003"}),
    ((("Nilai Evaluasi SAKIP", "103,70"),), {"CAP001"}),  # 72,15 / 70 = 103,07
    ((("partisipasi pemilih Pemilihan Gubernur dan Wakil Gubernur sebesar 68,72%",),), {"NAR001"}),
    (
        (("Rencana Strategis KPU Tahun 2015-2019",), ("Strategis KPU Tahun 2015-2019",)),
        {"PER002"},
    ),  # 2024 is outside it
    ((("6871", "100,63"),), {"ANG005"}),  # realisasi above its pagu
    (
        (("Sekretariat KPU Provinsi Jawa Tengah",), ("Laporan Kinerja Sekretariat KPU Provinsi",)),
        {"IDN001", "IDN003"},
    ),  # another satker
)

_KABKOTA = [
    ("Kabupaten Pacitan", 588718, 12), ("Kabupaten Ponorogo", 979008, 21),
    ("Kabupaten Trenggalek", 753810, 14), ("Kabupaten Tulungagung", 1139224, 19),
    ("Kabupaten Blitar", 1261699, 22), ("Kabupaten Kediri", 1691976, 26),
    ("Kabupaten Malang", 2734623, 33), ("Kabupaten Lumajang", 1116231, 21),
    ("Kabupaten Jember", 2615874, 31), ("Kabupaten Banyuwangi", 1791789, 25),
    ("Kabupaten Bondowoso", 788007, 23), ("Kabupaten Situbondo", 691635, 17),
    ("Kabupaten Probolinggo", 1200931, 24), ("Kabupaten Pasuruan", 1665922, 24),
    ("Kabupaten Sidoarjo", 2027874, 18), ("Kabupaten Mojokerto", 1156144, 18),
    ("Kabupaten Jombang", 1378005, 21), ("Kabupaten Nganjuk", 1152575, 20),
    ("Kabupaten Madiun", 737875, 15), ("Kabupaten Magetan", 692800, 18),
    ("Kabupaten Ngawi", 907002, 19), ("Kabupaten Bojonegoro", 1366227, 28),
    ("Kabupaten Tuban", 1266396, 20), ("Kabupaten Lamongan", 1367503, 27),
    ("Kabupaten Gresik", 1327497, 18), ("Kabupaten Bangkalan", 1042031, 18),
    ("Kabupaten Sampang", 1033926, 14), ("Kabupaten Pamekasan", 904965, 13),
    ("Kabupaten Sumenep", 1143002, 27), ("Kota Kediri", 301424, 3),
    ("Kota Blitar", 161204, 3), ("Kota Malang", 889359, 5),
    ("Kota Probolinggo", 243746, 5), ("Kota Pasuruan", 213469, 4),
    ("Kota Mojokerto", 142272, 3), ("Kota Madiun", 201733, 3),
    ("Kota Surabaya", 3018022, 31), ("Kota Batu", 225408, 3),
]  # fmt: skip


def _rows() -> list[dict[str, int | str]]:
    """The 38 kabupaten/kota with their DPT (L, P), TPS and voters, made up but plausible."""
    rnd = random.Random(3524)
    rows: list[dict[str, int | str]] = []
    for name, population, kecamatan in _KABKOTA:
        dpt = round(population * rnd.uniform(0.71, 0.77))
        lk = round(dpt * rnd.uniform(0.492, 0.503))
        voted = round(dpt * rnd.uniform(0.62, 0.76))
        tps = round(dpt / rnd.uniform(470, 540))
        rows.append(
            {"name": name, "kec": kecamatan, "tps": tps, "lk": lk, "pr": dpt - lk, "voted": voted}
        )
    return rows


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _pct(num: float, den: float) -> str:
    return f"{num / den * 100:.2f}".replace(".", ",")


def _thin(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


_SASARAN = [
    "Terselenggaranya Pemilu dan Pemilihan Tahun 2024 yang demokratis",
    "Meningkatnya kualitas data pemilih",
    "Meningkatnya akuntabilitas kinerja dan tata kelola keuangan",
]
# (sasaran, indikator, satuan, target, realisasi, capaian, target Renstra, capaian thd Renstra)
_CAPAIAN = [
    (0, "Persentase partisipasi pemilih pada Pemilu Tahun 2024", "%", "77,50", "81,46",
     "105,11", "77,50", "105,11"),
    (0, "Persentase partisipasi pemilih pada Pemilihan Gubernur dan Wakil Gubernur", "%",
     "77,50", "VOTED_PCT", "VOTED_CAP", "77,50", "VOTED_CAP"),
    (0, "Persentase KPU Kabupaten/Kota yang melaksanakan tahapan Pemilihan sesuai jadwal",
     "%", "100", "100", "100,00", "100", "100,00"),
    (1, "Persentase KPU Kabupaten/Kota yang menetapkan DPT Pemilihan tepat waktu", "%", "100",
     "100", "100,00", "100", "100,00"),
    (1, "Jumlah laporan rekapitulasi DPB yang disampaikan", "Laporan", "12", "10", "83,33",
     "12", "83,33"),
    (2, "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)", "Nilai", "95", "97,35",
     "102,47", "95", "102,47"),
    (2, "Nilai Evaluasi SAKIP", "Nilai", "70", "72,15", "103,70", "75", "96,20"),
]  # fmt: skip
# (indikator, 2020, 2021, 2022, 2023, 2024)
_TREND = [
    ("Persentase partisipasi pemilih Pemilihan", "66,81", "-", "-", "-", "VOTED_PCT"),
    ("Jumlah laporan rekapitulasi DPB", "-", "12", "12", "12", "10"),
    ("Nilai IKPA", "91,20", "93,45", "94,10", "96,02", "97,35"),
    ("Nilai Evaluasi SAKIP", "65,30", "67,12", "69,05", "70,88", "72,15"),
]
# (kode, uraian, pagu, realisasi) with program rows (pagu None)
_BUDGET = [
    ("WA", "Program Dukungan Manajemen", None, None),
    ("3355", "Pengelolaan Keuangan dan BMN (gaji dan tunjangan)", 28_450_000_000, 27_912_336_120),
    ("3360", "Operasional Perkantoran", 12_870_000_000, 12_514_227_400),
    ("6634", "Layanan Data dan Informasi", 1_245_000_000, 1_198_450_000),
    ("CQ", "Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi", None, None),
    ("6639", "Teknis Penyelenggaraan dan Partisipasi Masyarakat", 4_320_000_000, 4_187_650_000),
    ("6709", "Perencanaan Program dan Anggaran", 2_150_000_000, 2_087_915_500),
    ("6867", "Pembentukan Badan Adhoc", 18_640_000_000, 18_402_118_000),
    ("6871", "Pemutakhiran Data Pemilih dan Logistik", 9_760_000_000, 9_821_440_000),
    ("6872", "Pemungutan dan Penghitungan Suara", 15_430_000_000, 15_012_876_300),
]


def _figures() -> dict[str, str]:
    rows = _rows()
    dpt = sum(int(r["lk"]) + int(r["pr"]) for r in rows)
    voted = sum(int(r["voted"]) for r in rows)
    pct = _pct(voted, dpt)
    cap = f"{float(pct.replace(',', '.')) / 77.5 * 100:.2f}".replace(".", ",")
    pagu = sum(b[2] for b in _BUDGET if b[2])
    real = sum(b[3] for b in _BUDGET if b[3])
    return {
        "dpt": _n(dpt),
        "voted": _n(voted),
        "voted_pct": pct,
        "voted_cap": cap,
        "pagu": _n(pagu),
        "real": _n(real),
        "serapan": _pct(real, pagu),
    }


_CSS = """
@page { size: A4; margin: 22mm 18mm 20mm 22mm; }
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; line-height: 1.35; }
h1 { font-size: 16pt; text-align: center; margin: 6mm 0; }
h2 { font-size: 13pt; text-align: center; margin-top: 0; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; }
.chapter { page-break-before: always; }
p { text-align: justify; margin: 2mm 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9pt; }
th, td { border: 0.5pt solid #444; padding: 1mm 1.5mm; vertical-align: top; }
th { background: #e8e8e8; }
td.n { text-align: right; white-space: nowrap; }
tr.group td { font-weight: bold; background: #f4f4f4; }
caption { font-weight: bold; margin-bottom: 1.5mm; }
.sign { margin-left: 55%; margin-top: 8mm; }
.cover { text-align: center; margin-top: 60mm; }
"""


def _table(caption: str, head: list[list[tuple[str, int, int]]], body: list[str]) -> str:
    """A table: ``head`` rows of (text, colspan, rowspan), ``body`` ready ``<tr>`` rows."""
    thead = "".join(
        "<tr>"
        + "".join(f'<th colspan="{c}" rowspan="{r}">{escape(t)}</th>' for t, c, r in row)
        + "</tr>"
        for row in head
    )
    return (
        f"<table><caption>{escape(caption)}</caption><thead>{thead}</thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _tr(cells: list[str], numeric_from: int = 2, cls: str = "") -> str:
    tds = "".join(
        f'<td class="n">{escape(c)}</td>' if k >= numeric_from else f"<td>{escape(c)}</td>"
        for k, c in enumerate(cells)
    )
    return f'<tr class="{cls}">{tds}</tr>' if cls else f"<tr>{tds}</tr>"


def build_html() -> str:
    fig = _figures()
    rows = _rows()
    out: list[str] = [
        f"<html><head><meta charset='utf-8'><title>LKj KPU Provinsi Jawa Timur 2024</title>"
        f"<style>{_CSS}</style></head><body>"
    ]
    out.append(
        "<div class='cover'><h1>LAPORAN KINERJA<br>SEKRETARIAT KOMISI PEMILIHAN UMUM<br>"
        "PROVINSI JAWA TIMUR<br>TAHUN 2024</h1>"
        "<p style='text-align:center'>Jl. Tenggilis Mejoyo Kav. 1-3, Surabaya</p></div>"
    )
    out.append(
        "<div class='chapter'><h2>KATA PENGANTAR</h2>"
        "<p>Puji syukur ke hadirat Allah SWT atas tersusunnya Laporan Kinerja Sekretariat "
        "Komisi Pemilihan Umum Provinsi Jawa Timur Tahun 2024. Laporan ini disusun sesuai "
        "Peraturan Presiden Nomor 29 Tahun 2014 dan Peraturan Menteri PANRB Nomor 53 Tahun "
        "2014 sebagai pertanggungjawaban atas Perjanjian Kinerja Tahun 2024, tahun "
        "penyelenggaraan Pemilu Serentak 14 Februari 2024 dan Pemilihan Gubernur dan Wakil "
        "Gubernur Jawa Timur serta Pemilihan Bupati/Walikota di 38 kabupaten/kota pada 27 "
        "November 2024.</p>"
        "<div class='sign'>Surabaya, 30 Januari 2025<br>Sekretaris KPU Provinsi Jawa Timur,"
        "<br><br><br>Drs. NANANG HARIYANTO, M.Si.<br>NIP. 196907111996031002</div></div>"
    )
    out.append(
        "<div class='chapter'><h2>IKHTISAR EKSEKUTIF</h2>"
        "<p>Sekretariat KPU Provinsi Jawa Timur menetapkan 3 (tiga) sasaran strategis dengan "
        "7 (tujuh) indikator kinerja dalam Perjanjian Kinerja Tahun 2024. Partisipasi pemilih "
        "pada Pemilu 2024 mencapai 81,46%, sedangkan partisipasi pemilih Pemilihan Gubernur "
        "dan Wakil Gubernur sebesar 68,72% belum mencapai target 77,50%. Nilai IKPA sebesar "
        "97,35 (capaian 102,47%).</p>"
        f"<p>Anggaran DIPA Tahun 2024 sebesar Rp {fig['pagu']} terealisasi Rp {fig['real']} "
        f"atau {fig['serapan']}%. Kendala utama adalah dua penyelenggaraan dalam satu tahun "
        "dan rendahnya partisipasi pada Pemilihan di wilayah perkotaan.</p></div>"
    )
    out.append(
        "<div class='chapter'><h2>BAB I<br>PENDAHULUAN</h2><h3>A. Latar Belakang</h3>"
        "<p>KPU Provinsi Jawa Timur membawahkan 38 (tiga puluh delapan) KPU Kabupaten/Kota, "
        "yaitu 29 kabupaten dan 9 kota dengan 666 kecamatan. Tahun 2024 merupakan tahun "
        "kelima atau tahun terakhir pelaksanaan Renstra KPU.</p>"
        "<h3>B. Tugas dan Fungsi</h3><p>Sekretariat KPU Provinsi Jawa Timur memberikan "
        "dukungan teknis dan administratif kepada KPU Provinsi Jawa Timur melalui Bagian "
        "Keuangan, Umum dan Logistik; Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan "
        "Hubungan Masyarakat; Bagian Perencanaan, Data dan Informasi; serta Bagian Hukum dan "
        "Sumber Daya Manusia.</p>"
        "<h3>C. Sumber Daya Manusia</h3><p>Sekretariat KPU Provinsi Jawa Timur didukung oleh "
        "62 (enam puluh dua) orang PNS, 8 (delapan) orang PPPK dan 30 (tiga puluh) orang "
        "PPNPN.</p>"
        + _table(
            "Tabel 1.1 Pegawai Sekretariat KPU Provinsi Jawa Timur menurut Status",
            [[("No", 1, 1), ("Status Kepegawaian", 1, 1), ("Laki-laki", 1, 1),
              ("Perempuan", 1, 1), ("Jumlah", 1, 1)]],
            [_tr(["1", "PNS", "38", "24", "62"]), _tr(["2", "PPPK", "5", "3", "8"]),
             _tr(["3", "PPNPN", "21", "9", "30"]), _tr(["", "Jumlah", "64", "36", "100"])],
        )
        + "<h3>D. Permasalahan Utama</h3><p>Permasalahan utama Tahun 2024 adalah beban kerja "
        "Pemilu dan Pemilihan dalam satu tahun anggaran, perpindahan pemilih yang tinggi di "
        "kawasan industri Surabaya, Sidoarjo dan Gresik, serta rendahnya minat pemilih pada "
        "Pemilihan Gubernur dibandingkan Pemilu.</p></div>"
    )  # fmt: skip
    pk = [
        _tr([str(k), _SASARAN[s] if k == 1 or _CAPAIAN[k - 2][0] != s else "", ind,
             f"{t}%" if u == "%" else t if u == "Nilai" else f"{t} {u}"], numeric_from=3)
        for k, (s, ind, u, t, *_rest) in enumerate(_CAPAIAN, 1)
    ]  # fmt: skip
    out.append(
        "<div class='chapter'><h2>BAB II<br>PERENCANAAN KINERJA</h2><h3>A. Rencana Strategis"
        "</h3><p>Perencanaan kinerja Sekretariat KPU Provinsi Jawa Timur mengacu pada Rencana "
        "Strategis KPU Tahun 2015-2019 beserta target kinerja tahunan yang ditetapkan dalam "
        "Perjanjian Kinerja.</p><h3>B. Perjanjian Kinerja Tahun 2024</h3><p>Perjanjian Kinerja "
        "Tahun 2024 ditandatangani oleh Sekretaris dan Ketua KPU Provinsi Jawa Timur pada 3 "
        "Januari 2024 sebagai berikut.</p>"
        + _table(
            "Tabel 2.1 Perjanjian Kinerja Tahun 2024",
            [[("No", 1, 1), ("Sasaran Strategis", 1, 1), ("Indikator Kinerja", 1, 1),
              ("Target", 1, 1)]],
            pk,
        )
        + "</div>"
    )  # fmt: skip
    body: list[str] = []
    last = -1
    for k, (s, ind, u, t, r, c, tr, cr) in enumerate(_CAPAIAN, 1):
        if s != last:
            body.append(
                f'<tr class="group"><td colspan="8">Sasaran {s + 1}: {_SASARAN[s]}</td></tr>'
            )
            last = s
        vals = [v.replace("VOTED_PCT", fig["voted_pct"]).replace("VOTED_CAP", fig["voted_cap"])
                for v in (t, r, c, tr, cr)]  # fmt: skip
        body.append(_tr([str(k), ind, u, *vals]))
    capaian = _table(
        "Tabel 3.1 Capaian Kinerja Sekretariat KPU Provinsi Jawa Timur Tahun 2024",
        [
            [("No", 1, 2), ("Indikator Kinerja", 1, 2), ("Satuan", 1, 2), ("Tahun 2024", 3, 1),
             ("Target Renstra 2024", 1, 2), ("Capaian thd Renstra (%)", 1, 2)],
            [("Target", 1, 1), ("Realisasi", 1, 1), ("Capaian (%)", 1, 1)],
        ],
        body,
    )  # fmt: skip
    trend = _table(
        "Tabel 3.2 Perkembangan Realisasi Indikator Kinerja Tahun 2020-2024",
        [[("No", 1, 2), ("Indikator Kinerja", 1, 2), ("Realisasi", 5, 1)],
         [(str(y), 1, 1) for y in range(2020, 2025)]],
        [_tr([str(k), name, *(v.replace("VOTED_PCT", fig["voted_pct"]) for v in vals)])
         for k, (name, *vals) in enumerate(_TREND, 1)],
    )  # fmt: skip
    dpt_body = []
    tot = {"kec": 0, "tps": 0, "lk": 0, "pr": 0}
    for k, r in enumerate(rows, 1):
        lk, pr = int(r["lk"]), int(r["pr"])
        jumlah = _n(lk + pr)
        if r["name"] == "Kota Malang":
            jumlah = _slip(jumlah)
        dpt_body.append(
            _tr([str(k), str(r["name"]), str(r["kec"]), _n(int(r["tps"])), _n(lk), _n(pr), jumlah])
        )
        for key in tot:
            tot[key] += int(r[key])
    dpt_body.append(
        _tr(["", "Jumlah", str(tot["kec"]), _n(tot["tps"]), _n(tot["lk"]), _n(tot["pr"]),
             _n(tot["lk"] + tot["pr"])], cls="group")
    )  # fmt: skip
    dpt = _table(
        "Tabel 3.3 Rekapitulasi DPT Pemilihan Gubernur dan Wakil Gubernur Jawa Timur Tahun 2024",
        [[("No", 1, 1), ("Kabupaten/Kota", 1, 1), ("Kec.", 1, 1), ("TPS", 1, 1),
          ("Laki-laki", 1, 1), ("Perempuan", 1, 1), ("Jumlah", 1, 1)]],
        dpt_body,
    )  # fmt: skip
    part_body = []
    for k, r in enumerate(rows, 1):
        d = int(r["lk"]) + int(r["pr"])
        part_body.append(_tr([str(k), str(r["name"]), _n(d), _n(int(r["voted"])),
                              _pct(int(r["voted"]), d)]))  # fmt: skip
    part_body.append(
        _tr(["", "Jumlah", fig["dpt"], _n(_voted_printed()), fig["voted_pct"]], cls="group")
    )
    part = _table(
        "Tabel 3.4 Partisipasi Pemilih Pemilihan Gubernur dan Wakil Gubernur Tahun 2024",
        [[("No", 1, 1), ("Kabupaten/Kota", 1, 1), ("DPT", 1, 1),
          ("Pengguna Hak Pilih", 1, 1), ("Partisipasi (%)", 1, 1)]],
        part_body,
    )  # fmt: skip
    out.append(
        "<div class='chapter'><h2>BAB III<br>AKUNTABILITAS KINERJA</h2>"
        "<h3>A. Capaian Kinerja Organisasi</h3><p>Capaian kinerja dihitung dengan rumus "
        "Capaian = Realisasi / Target x 100%; capaian terhadap Renstra membandingkan "
        "realisasi Tahun 2024 dengan target akhir Renstra.</p>"
        + capaian
        + trend
        + "<h3>Sasaran 1: "
        + _SASARAN[0]
        + "</h3>"
        "<p>Partisipasi pemilih Pemilu 2024 sebesar 81,46% melampaui target 77,50%. "
        f"Partisipasi pemilih Pemilihan Gubernur dan Wakil Gubernur sebesar {fig['voted_pct']}% "
        f"(capaian {fig['voted_cap']}%) lebih tinggi dari Pemilihan Tahun 2020 sebesar 66,81% "
        "namun belum mencapai target Renstra 77,50%. Penyebabnya adalah kejenuhan pemilih "
        "setelah Pemilu Februari 2024 dan pemilih yang bekerja di luar daerah; upaya yang "
        "dilakukan adalah sosialisasi berbasis komunitas dan kerja sama dengan perusahaan "
        "untuk memberi waktu memilih. Kegiatan yang mendukung adalah kegiatan 6639 Teknis "
        "Penyelenggaraan dan Partisipasi Masyarakat dan kegiatan 6872 Pemungutan dan "
        "Penghitungan Suara. Rekapitulasi DPT dan partisipasi per kabupaten/kota disajikan "
        "pada Tabel 3.3 dan Tabel 3.4.</p>" + dpt + part + "<h3>Sasaran 2: " + _SASARAN[1] + "</h3>"
        "<p>Seluruh 38 KPU Kabupaten/Kota menetapkan DPT Pemilihan tepat waktu pada September "
        f"2024 sebanyak {fig['dpt']} pemilih. Rekapitulasi DPB hanya disampaikan 10 dari 12 "
        "laporan (83,33%), menurun dibandingkan 12 laporan pada Tahun 2021-2023, karena "
        "pemutakhiran berkelanjutan dihentikan selama tahapan penyusunan daftar pemilih "
        "Pemilu dan Pemilihan. Solusinya adalah rekapitulasi gabungan pada awal Tahun 2025 "
        "melalui kegiatan 6871 Pemutakhiran Data Pemilih dan Logistik.</p>"
        "<h3>Sasaran 3: " + _SASARAN[2] + "</h3>"
        "<p>Nilai IKPA Tahun 2024 sebesar 97,35 melampaui target 95 (capaian 102,47%), naik "
        "dari 96,02 pada Tahun 2023. Nilai Evaluasi SAKIP sebesar 72,15 melampaui target 70, "
        "namun baru 96,20% dari target Renstra 75. Efisiensi diperoleh dari penggunaan "
        "aplikasi pengadaan dan rapat daring, didukung kegiatan 6709 Perencanaan Program dan "
        "Anggaran.</p>" + _budget(fig) + "</div>"
    )
    out.append(
        "<div class='chapter'><h2>BAB IV<br>PENUTUP</h2>"
        "<p>Sekretariat KPU Provinsi Jawa Timur pada Tahun 2024 mencapai 5 dari 7 indikator "
        f"kinerja, dengan penyerapan anggaran {fig['serapan']}%. Laporan Kinerja Sekretariat "
        "KPU Provinsi Jawa Tengah ini diharapkan menjadi bahan evaluasi dan perbaikan.</p>"
        "<p>Ke depan, Sekretariat KPU Provinsi Jawa Timur akan menyusun Renstra 2025-2029, "
        "memulihkan rekapitulasi DPB bulanan dan meningkatkan pendidikan pemilih di wilayah "
        "perkotaan.</p>"
        "<div class='sign'>Surabaya, 30 Januari 2025<br>Sekretaris KPU Provinsi Jawa Timur,"
        "<br><br><br>Drs. NANANG HARIYANTO, M.Si.</div>"
        "<h3>LAMPIRAN</h3><p>1. Perjanjian Kinerja Tahun 2024<br>2. Pernyataan Telah Direviu "
        "oleh Inspektorat Utama KPU<br>3. Daftar Pegawai</p></div>"
    )
    out.append("</body></html>")
    return "".join(out)


def _slip(printed: str) -> str:
    """``printed`` with its hundreds and tens digits swapped (a typing slip, planted)."""
    return printed[:-3] + printed[-2] + printed[-3] + printed[-1]


def _voted_printed() -> int:
    """The printed total of the voters: the rows' sum with a digit slipped (planted)."""
    return sum(int(r["voted"]) for r in _rows()) + 90_000


def _budget(fig: dict[str, str]) -> str:
    body: list[str] = []
    programs: list[tuple[int, list[tuple[str, str, int, int]]]] = []
    for kode, name, pagu, real in _BUDGET:
        if pagu is None:
            programs.append((len(body), []))
            body.append(kode + "|" + name)
        else:
            programs[-1][1].append((kode, name, pagu, real or 0))
            body.append("")
    rows: list[str] = []
    for kode, name, pagu, real in _BUDGET:
        if pagu is None:
            members = next(m for start, m in programs if body[start] == kode + "|" + name)
            p = sum(m[2] for m in members)
            r = sum(m[3] for m in members)
            rows.append(
                _tr([kode, name, _thin(p), _thin(r), _thin(p - r), _pct(r, p)], cls="group")
            )
        else:
            real = real or 0
            rows.append(
                _tr([kode, name, _thin(pagu), _thin(real), _thin(pagu - real), _pct(real, pagu)])
            )
    pagu = sum(b[2] for b in _BUDGET if b[2])
    real = sum(b[3] or 0 for b in _BUDGET if b[2])
    rows.append(_tr(["", "Jumlah", _thin(pagu), _thin(real), _thin(pagu - real), fig["serapan"]],
                    cls="group"))  # fmt: skip
    return (
        "<h3>B. Realisasi Anggaran</h3><p>Realisasi anggaran DIPA Sekretariat KPU Provinsi "
        "Jawa Timur Tahun 2024 per program dan kegiatan adalah sebagai berikut (dalam rupiah).</p>"
        + _table(
            "Tabel 3.5 Realisasi Anggaran Tahun 2024",
            [[("Kode", 1, 1), ("Program/Kegiatan", 1, 1), ("Pagu", 1, 1), ("Realisasi", 1, 1),
              ("Sisa", 1, 1), ("Serapan (%)", 1, 1)]],
            rows,
        )
        + "<p>Realisasi kegiatan 6871 melampaui pagu karena tambahan pengadaan logistik "
        "Pemilihan.</p>"
    )  # fmt: skip


def chromium() -> str | None:
    """Path of a Chromium (or Chrome) able to print headless, ``None`` when not installed."""
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        exe = shutil.which(name)
        if exe:
            return exe
    return None


def make(outdir: Path, *, browser_furniture: bool = False) -> tuple[Path, Path]:
    """The HTML and the PDF Chromium prints of it, in ``outdir``.

    ``browser_furniture``: printed as a user prints from the browser without unticking
    "Headers and footers": the date, time and title at the top of every page, the file's
    address and "3/11" at the bottom.
    """
    exe = chromium()
    if exe is None:
        raise RuntimeError("chromium not found")
    html = outdir / f"{NAME}.html"
    pdf = outdir / f"{NAME}.pdf"
    html.write_text(build_html(), encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="lkj-chromium-") as profile:
        cmd = [
            exe,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            *([] if browser_furniture else ["--no-pdf-header-footer"]),
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf}",
            html.as_uri(),
        ]
        env = {**os.environ, "HOME": profile}
        subprocess.run(cmd, capture_output=True, timeout=120, env=env, check=True)
    if not pdf.exists():
        raise RuntimeError(f"chromium printed no PDF: {pdf}")
    return html, pdf
