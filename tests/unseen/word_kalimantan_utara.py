"""A KPU Provinsi Kalimantan Utara 2024 LKj written in Word (python-docx), exported by soffice.

Written by hand for the sixth round of unseen reports, in habits no earlier one has: a
capaian table with Satuan, Polaritas (one negative indicator) and Bobot columns under a
header of two rows of merged cells ("Tahun 2024" over Target | Realisasi | Capaian), each
sasaran a row merged across the table and a last row "Capaian Kinerja Tertimbang"; a
participation table per kabupaten/kota of the 2024 Pemilu (DPT beside "Pengguna Hak Pilih"
over L | P | Jumlah, and Partisipasi); a staff table by status and jabatan; a budget table per
kegiatan whose header is "Anggaran" over Pagu | Realisasi | Sisa beside "Serapan (%)".

Its figures add up except for the defects listed in :data:`PLANTED` (text, rules).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.load.word_lkj import _merge
from tests.unseen import word_doc
from tests.unseen.word_doc import WordDoc

SATKER = "KPU Provinsi Kalimantan Utara"
# The defects written into the report: the places that carry it (each given by pieces of
# text on one line) and the rules that may find it.
PLANTED: tuple[tuple[tuple[tuple[str, ...], ...], set[str]], ...] = (
    ((("95,33",),), {"CAP001"}),  # 14 / 15 = 93,33
    # The PK's IKPA target is 95, Bab III's 93: either row may carry the finding.
    ((("Nilai Indikator Kinerja", "95"), ("Nilai Indikator", "96,12")), {"XTB009"}),
    ((("58.950",),), {"PML001"}),  # Nunukan: 58.950 + 57.112 = 116.062, printed 116.017
    ((("205.646",),), {"PML002"}),  # ... so the L column adds up to 205.691, not 205.646
    ((("95,17",),), {"ANG001"}),  # 6709: 1.298.602.500 / 1.356.750.000 = 95,71
    ((("21 (dua puluh satu) orang PNS",),), {"PEG001", "PEG003", "XTB010"}),  # the table: 20
    ((("97,52%",),), {"NAR001"}),  # the Ikhtisar's serapan; the budget table totals 97,25
)

_SASARAN = [
    "Terselenggaranya Pemilu dan Pemilihan yang demokratis",
    "Terwujudnya data pemilih yang akurat dan mutakhir",
    "Meningkatnya kapasitas kelembagaan dan tata kelola anggaran",
]
# (sasaran, no, indikator, satuan, polaritas, bobot, PK target, target, realisasi, capaian)
_CAPAIAN = [
    (0, "1", "Persentase partisipasi pemilih pada Pemilu Tahun 2024", "%", "Positif", "20",
     "77,50", "77,50", "81,15", "104,71"),
    (0, "2", "Persentase KPU Kabupaten/Kota yang menyelenggarakan Pemilihan sesuai jadwal",
     "%", "Positif", "15", "100", "100", "100", "100,00"),
    (1, "3", "Persentase pemilih yang berhak memilih tetapi tidak terdaftar dalam DPT", "%",
     "Negatif", "15", "0,50", "0,50", "0,40", "120,00"),
    (1, "4", "Jumlah KPU Kabupaten/Kota yang menetapkan DPT tepat waktu", "Satker",
     "Positif", "10", "5", "5", "5", "100,00"),
    (2, "5", "Jumlah kegiatan bimbingan teknis bagi badan ad hoc", "Kegiatan", "Positif",
     "15", "15", "15", "14", "95,33"),
    (2, "6", "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)", "Nilai", "Positif", "15",
     "95", "93", "96,12", "103,35"),
    (2, "7", "Persentase laporan keuangan yang disusun tepat waktu", "%", "Positif", "10",
     "100", "100", "100", "100,00"),
]  # fmt: skip
# (kabupaten/kota, DPT, pengguna L, P, jumlah, partisipasi)
_PARTISIPASI = [
    ("Kabupaten Bulungan", "104.512", "42.118", "42.906", "85.024", "81,35"),
    ("Kabupaten Malinau", "61.338", "25.940", "24.877", "50.817", "82,85"),
    ("Kabupaten Nunukan", "148.221", "58.950", "57.112", "116.017", "78,27"),
    ("Kabupaten Tana Tidung", "19.604", "8.457", "8.091", "16.548", "84,41"),
    ("Kota Tarakan", "171.947", "70.226", "71.688", "141.914", "82,53"),
]
_BELANJA = [
    ("3355", "Pengelolaan Keuangan dan BMN", "9.245.600.000", "9.102.318.450", "143.281.550",
     "98,45"),
    ("3360", "Operasional Perkantoran", "2.180.400.000", "2.094.756.300", "85.643.700",
     "96,07"),
    ("6709", "Perencanaan Program dan Anggaran", "1.356.750.000", "1.298.602.500",
     "58.147.500", "95,17"),
    ("6871", "Pemutakhiran Data Pemilih dan Logistik", "3.420.000.000", "3.311.485.200",
     "108.514.800", "96,83"),
    ("6872", "Pemungutan dan Penghitungan Suara", "5.812.300.000", "5.601.944.800",
     "210.355.200", "96,38"),
]  # fmt: skip


def _fit(table: Any, rows: list[list[str]]) -> None:
    """Column widths after the longest word or figure (never broken), over 16 cm."""
    from docx.shared import Cm

    def weight(texts: list[str]) -> int:
        longest_word = max((len(w) for t in texts for w in t.split()), default=0)
        return max(min(max(map(len, texts)), 28), longest_word + 7, 6)

    weights = [weight([r[c] for r in rows]) for c in range(len(rows[0]))]
    table.autofit = False
    for c, w in enumerate(weights):
        width = Cm(16.0 * w / sum(weights))
        table._tbl.tblGrid.gridCol_lst[c].w = width  # LibreOffice lays out by the grid
        for cell in table.columns[c].cells:
            cell.width = width


def build_docx(path: Path) -> Path:
    """Write the report as DOCX at ``path``."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = WordDoc("Calibri", f"Laporan Kinerja Sekretariat {SATKER} Tahun 2024")
    para, heading, page_break = doc.para, doc.heading, doc.page_break

    def table(rows: list[list[str]], heads: int = 1, size: int = 9) -> Any:
        """A table with its columns fitted to their text, as an author drags them."""
        made = doc.table(rows, heads, size)
        _fit(made, [r for r in rows[heads - 1 :] if any(r[1:])])
        return made
    doc.title(("LAPORAN KINERJA", "SEKRETARIAT KPU PROVINSI KALIMANTAN UTARA", "TAHUN 2024"))

    heading("KATA PENGANTAR")
    para(
        "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, sehingga Laporan Kinerja "
        "Sekretariat KPU Provinsi Kalimantan Utara Tahun 2024 dapat diselesaikan. Laporan ini "
        "disusun berdasarkan Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem "
        "Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri PANRB Nomor 53 Tahun "
        "2014, sebagai pertanggungjawaban atas Perjanjian Kinerja Tahun 2024."
    )
    para(
        "Tahun 2024 merupakan tahun kelima atau tahun terakhir Rencana Strategis KPU Tahun "
        "2020-2024, sekaligus tahun penyelenggaraan Pemilu serentak pada 14 Februari 2024 dan "
        "Pemilihan Gubernur dan Wakil Gubernur serta Bupati/Wali Kota pada 27 November 2024."
    )
    for line in (
        "Tanjung Selor, 14 Februari 2025",
        "Sekretaris KPU Provinsi Kalimantan Utara,",
        "",
        "ABDUL HARIS RAHMAN, S.Sos., M.Si.",
        "NIP. 197503122002121001",
    ):
        para(line, WD_ALIGN_PARAGRAPH.RIGHT)
    page_break()

    heading("IKHTISAR EKSEKUTIF")
    para(
        "Pada Tahun 2024 Sekretariat KPU Provinsi Kalimantan Utara menetapkan 3 (tiga) sasaran "
        "strategis yang diukur dengan 7 (tujuh) indikator kinerja. Sebanyak 6 (enam) indikator "
        "mencapai atau melampaui target dan 1 (satu) indikator belum mencapai target, yaitu "
        "bimbingan teknis bagi badan ad hoc yang terlaksana 14 dari 15 kegiatan. Tingkat "
        "partisipasi pemilih pada Pemilu 2024 sebesar 81,15% dengan capaian 104,71%, dan "
        "capaian kinerja tertimbang sebesar 103,44%."
    )
    para(
        "Pagu anggaran Tahun 2024 sebesar Rp22.015.050.000 terealisasi sebesar "
        "Rp21.409.107.250 atau 97,52% dari pagu."
    )
    page_break()

    heading("BAB I\nPENDAHULUAN")
    heading("A. Latar Belakang", 2)
    para(
        "KPU Provinsi Kalimantan Utara membawahi 5 (lima) KPU Kabupaten/Kota, yaitu KPU "
        "Kabupaten Bulungan, Malinau, Nunukan, Tana Tidung dan KPU Kota Tarakan. Permasalahan "
        "utama Tahun 2024 adalah distribusi logistik ke wilayah perbatasan dan pedalaman yang "
        "hanya dapat dijangkau dengan pesawat perintis dan perahu, serta pelaksanaan dua "
        "tahapan pemungutan suara dalam satu tahun."
    )
    heading("B. Sumber Daya Manusia", 2)
    para(
        "Sekretariat KPU Provinsi Kalimantan Utara Tahun 2024 didukung oleh 32 (tiga puluh "
        "dua) orang pegawai, terdiri dari 21 (dua puluh satu) orang PNS, 4 (empat) orang PPPK "
        "dan 7 (tujuh) orang PPNPN, dengan rincian sebagai berikut."
    )
    para("Tabel 1.1 Jumlah Pegawai Menurut Status Kepegawaian dan Jabatan")
    table(
        [
            ["Jabatan", "PNS", "PPPK", "PPNPN", "Jumlah"],
            ["Pejabat Pimpinan Tinggi Pratama", "1", "0", "0", "1"],
            ["Administrator", "4", "0", "0", "4"],
            ["Pengawas", "5", "0", "0", "5"],
            ["Pelaksana", "10", "4", "7", "21"],
            ["Jumlah", "20", "4", "7", "31"],
        ]
    )
    page_break()

    heading("BAB II\nPERENCANAAN KINERJA")
    heading("A. Rencana Strategis", 2)
    para(
        "Rencana Strategis Sekretariat KPU Provinsi Kalimantan Utara mengacu pada Rencana "
        "Strategis KPU Tahun 2020-2024 dan memuat visi, misi, tujuan dan sasaran strategis "
        "KPU di tingkat provinsi."
    )
    heading("B. Perjanjian Kinerja Tahun 2024", 2)
    para(
        "Perjanjian Kinerja Tahun 2024 ditandatangani oleh Sekretaris dan Ketua KPU Provinsi "
        "Kalimantan Utara pada tanggal 8 Januari 2024 dengan rincian sebagai berikut."
    )
    para("Tabel 2.1 Perjanjian Kinerja Tahun 2024")
    pk_rows = [["No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Satuan"]]
    for k, s in enumerate(_SASARAN):
        for row in [r for r in _CAPAIAN if r[0] == k]:
            pk_rows.append([str(k + 1), s, row[2], row[6], row[3]])
    pk = table(pk_rows)
    for top, span in ((1, 2), (3, 2), (5, 3)):  # one No and sasaran cell over its indicators
        _merge(pk, (top, 0), (top + span - 1, 0))
        _merge(pk, (top, 1), (top + span - 1, 1))
    page_break()

    heading("BAB III\nAKUNTABILITAS KINERJA")
    heading("A. Capaian Kinerja Organisasi", 2)
    para(
        "Capaian indikator berpolaritas positif dihitung dengan rumus Realisasi / Target x "
        "100%, indikator berpolaritas negatif dengan rumus (2 x Target - Realisasi) / Target "
        "x 100%. Capaian kinerja tertimbang adalah jumlah capaian setiap indikator dikalikan "
        "bobotnya."
    )
    para("Tabel 3.1 Pengukuran Kinerja Tahun 2024")
    rows = [
        ["No", "Indikator Kinerja", "Satuan", "Polaritas", "Bobot (%)", "Tahun 2024", "", ""],
        ["", "", "", "", "", "Target", "Realisasi", "Capaian (%)"],
    ]
    groups = []
    for k, s in enumerate(_SASARAN):
        groups.append(len(rows))
        rows.append([f"Sasaran Strategis {k + 1}: {s}"] + [""] * 7)
        rows += [[r[1], r[2], r[3], r[4], r[5], r[7], r[8], r[9]] for r in _CAPAIAN if r[0] == k]
    rows.append(["Capaian Kinerja Tertimbang", "", "", "", "100", "", "", "103,44"])
    cap = table(rows, heads=2, size=8)
    _merge(cap, (0, 5), (0, 7))  # "Tahun 2024" over its three columns
    for c in range(5):
        _merge(cap, (0, c), (1, c))
    for g in groups:
        _merge(cap, (g, 0), (g, 7))
    _merge(cap, (len(rows) - 1, 0), (len(rows) - 1, 3))
    para(
        "Analisis Sasaran Strategis 1. Tingkat partisipasi pemilih Pemilu 2024 di Kalimantan "
        "Utara sebesar 81,15%, melampaui target 77,50% dan lebih tinggi dibandingkan Pemilu "
        "2019. Target akhir Renstra 2024 sebesar 77,50% telah terlampaui. Keberhasilan ini "
        "didukung oleh sosialisasi di wilayah perbatasan. Seluruh KPU Kabupaten/Kota "
        "menyelenggarakan Pemilihan sesuai jadwal. Partisipasi per kabupaten/kota:"
    )
    para("Tabel 3.2 Partisipasi Pemilih Pemilu Tahun 2024 per Kabupaten/Kota")
    part_rows = [
        ["No", "Kabupaten/Kota", "DPT", "Pengguna Hak Pilih", "", "", "Partisipasi (%)"],
        ["", "", "", "L", "P", "Jumlah", ""],
    ]
    part_rows += [[str(k), *r] for k, r in enumerate(_PARTISIPASI, 1)]
    part_rows.append(["Jumlah", "", "505.622", "205.646", "204.674", "410.320", "81,15"])
    part = table(part_rows, heads=2)
    _merge(part, (0, 3), (0, 5))
    for c in (0, 1, 2, 6):
        _merge(part, (0, c), (1, c))
    _merge(part, (len(part_rows) - 1, 0), (len(part_rows) - 1, 1))
    para(
        "Analisis Sasaran Strategis 2. Pemilih yang berhak memilih tetapi tidak terdaftar "
        "dalam DPT sebesar 0,40%, lebih rendah dari batas 0,50%, sehingga capaian indikator "
        "berpolaritas negatif ini 120,00%. Seluruh 5 KPU Kabupaten/Kota menetapkan DPT tepat "
        "waktu, sama dengan Tahun 2023."
    )
    para(
        "Analisis Sasaran Strategis 3. Bimbingan teknis bagi badan ad hoc terlaksana 14 dari "
        "15 kegiatan karena satu kegiatan di Kabupaten Malinau tertunda akibat cuaca; upaya "
        "perbaikan adalah bimbingan teknis daring bagi PPK yang terdampak. Nilai IKPA 96,12 "
        "meningkat dari 94,35 pada Tahun 2023 dan di atas standar nasional Kementerian "
        "Keuangan. Efisiensi diperoleh dari penghematan perjalanan dinas."
    )
    heading("B. Realisasi Anggaran", 2)
    para(
        "Realisasi anggaran Sekretariat KPU Provinsi Kalimantan Utara Tahun 2024 yang "
        "digunakan untuk mewujudkan kinerja sesuai Perjanjian Kinerja adalah sebagai berikut."
    )
    para("Tabel 3.3 Realisasi Anggaran per Kegiatan Tahun 2024")
    bud_rows = [
        ["Kode", "Kegiatan", "Anggaran", "", "", "Serapan (%)"],
        ["", "", "Pagu", "Realisasi", "Sisa", ""],
    ]
    bud_rows += [list(r) for r in _BELANJA]
    bud_rows.append(
        ["Jumlah", "", "22.015.050.000", "21.409.107.250", "605.942.750", "97,25"]
    )
    bud = table(bud_rows, heads=2)
    _merge(bud, (0, 2), (0, 4))
    for c in (0, 1, 5):
        _merge(bud, (0, c), (1, c))
    _merge(bud, (len(bud_rows) - 1, 0), (len(bud_rows) - 1, 1))
    page_break()

    heading("BAB IV\nPENUTUP")
    para(
        "Sekretariat KPU Provinsi Kalimantan Utara Tahun 2024 mencapai 6 dari 7 indikator "
        "kinerja dengan capaian kinerja tertimbang 103,44% dan penyerapan anggaran 97,25%. "
        "Ke depan bimbingan teknis badan ad hoc akan dijadwalkan dengan memperhitungkan cuaca "
        "dan akses ke wilayah pedalaman."
    )
    for line in (
        "Tanjung Selor, 14 Februari 2025",
        "Sekretaris KPU Provinsi Kalimantan Utara,",
        "",
        "ABDUL HARIS RAHMAN, S.Sos., M.Si.",
    ):
        para(line, WD_ALIGN_PARAGRAPH.RIGHT)
    page_break()
    heading("LAMPIRAN")
    para("1. Perjanjian Kinerja Tahun 2024")
    para("2. Pernyataan Telah Direviu oleh Inspektorat Utama KPU")
    return doc.save(path)


def make(outdir: Path) -> tuple[Path, Path]:
    """The DOCX and its PDF export, in ``outdir``."""
    return word_doc.make(build_docx, "lkj_2024_kpu_provinsi_kalimantan_utara.docx", outdir)
