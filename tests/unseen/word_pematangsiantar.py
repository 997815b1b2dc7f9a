"""A KPU Kota Pematangsiantar 2024 LKj written in Word (python-docx), exported by soffice.

Written by hand for round 7b of the unseen reports, in habits no earlier one has: a PK and a
capaian table whose sasaran cells are merged vertically over their indicators; a capaian
table "Realisasi 2023 | Target 2024 | Realisasi 2024 | Capaian 2024 (%) | Target Akhir
Renstra | Capaian thd Renstra (%)" with the units in a "Satuan" column; two participation
tables, the Pemilu of 14 February (DPT, Pengguna Hak Pilih and Partisipasi (%) each split
L | P | Jumlah under merged header cells, a rate printed per row and per sex) and the
Pemilihan of 27 November (DPT | Pengguna Hak Pilih | Partisipasi, no L | P).

Its figures add up except for the defects listed in :data:`PLANTED` (text, rules), written
before the reader was run on it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.load.word_lkj import _merge
from tests.unseen import word_doc
from tests.unseen.word_doc import WordDoc
from tests.unseen.word_kalimantan_utara import _fit

SATKER = "KPU Kota Pematangsiantar"
# The defects written into the report: the places that carry it (each given by pieces of
# text on one line) and the rules that may find it.
PLANTED: tuple[tuple[tuple[tuple[str, ...], ...], set[str]], ...] = (
    ((("80,93",),), {"PML003"}),  # Siantar Barat: 24.633 / 30.643 = 80,39, printed 80,93
    ((("139.656",),), {"PML002", "PML003", "PML004"}),  # the Pemilihan rows add up to 139.566
    ((("101,65",),), {"CAP001"}),  # IKPA 96,48 / 95 = 101,56
    # The PK's target for sosialisasi is 25 kegiatan, Bab III's 24: either row.
    ((("Jumlah kegiatan sosialisasi", "25"), ("91,67", "73,33")), {"XTB009"}),
    ((("3.499.335.000",),), {"ANG005"}),  # 6872: realisasi above its pagu 3.450.000.000
    ((("53 (lima puluh dua) kelurahan",),), {"XTB011"}),  # the digits and the words differ
    ((("LAMPIRAN",),), {"STR003"}),  # the Lampiran lists no Perjanjian Kinerja
)  # fmt: skip

_SASARAN = [
    "Meningkatnya partisipasi pemilih dalam Pemilu dan Pemilihan",
    "Terselenggaranya Pemilu dan Pemilihan sesuai jadwal",
    "Meningkatnya akuntabilitas kinerja dan keuangan",
]
# (sasaran, indikator, satuan, realisasi 2023, PK target, target 2024, realisasi 2024,
#  capaian 2024, target akhir Renstra, capaian thd Renstra)
_CAPAIAN = [
    (0, "Persentase partisipasi pemilih pada Pemilu Tahun 2024", "%", "-", "77,5", "77,5",
     "78,42", "101,19", "77,5", "101,19"),
    (0, "Persentase partisipasi pemilih pada Pemilihan Wali Kota Tahun 2024", "%", "-",
     "77,5", "77,5", "62,12", "80,15", "77,5", "80,15"),
    (0, "Persentase partisipasi pemilih perempuan pada Pemilu Tahun 2024", "%", "-", "78",
     "78", "80,43", "103,12", "78", "103,12"),
    (1, "Persentase tahapan Pemilu dan Pemilihan yang dilaksanakan sesuai jadwal", "%",
     "100", "100", "100", "100", "100,00", "100", "100,00"),
    (1, "Jumlah kegiatan sosialisasi dan pendidikan pemilih", "Kegiatan", "18", "25", "24",
     "22", "91,67", "30", "73,33"),
    (2, "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)", "Nilai", "94,87", "95", "95",
     "96,48", "101,65", "95", "101,56"),
    (2, "Persentase laporan keuangan yang disusun tepat waktu", "%", "100", "100", "100",
     "100", "100,00", "100", "100,00"),
]  # fmt: skip
# (kecamatan, DPT L, P, Jumlah, pengguna L, P, Jumlah, partisipasi L, P, Jumlah)
_PEMILU = [
    ("Siantar Marihat", "15.911", "16.684", "32.595", "12.819", "13.983", "26.802", "80,57",
     "83,81", "82,23"),
    ("Siantar Marimbun", "11.611", "12.000", "23.611", "9.293", "9.691", "18.984", "80,04",
     "80,76", "80,40"),
    ("Siantar Selatan", "10.042", "10.699", "20.741", "7.535", "8.228", "15.763", "75,03",
     "76,90", "76,00"),
    ("Siantar Barat", "14.990", "15.653", "30.643", "11.773", "12.860", "24.633", "78,54",
     "82,16", "80,93"),
    ("Siantar Utara", "17.156", "17.420", "34.576", "12.454", "13.571", "26.025", "72,59",
     "77,90", "75,27"),
    ("Siantar Timur", "16.101", "16.635", "32.736", "12.302", "14.044", "26.346", "76,41",
     "84,42", "80,48"),
    ("Siantar Martoba", "13.319", "14.030", "27.349", "9.596", "10.782", "20.378", "72,05",
     "76,85", "74,51"),
    ("Siantar Sitalasari", "9.863", "10.323", "20.186", "7.412", "8.083", "15.495", "75,15",
     "78,30", "76,76"),
]  # fmt: skip
_PEMILU_TOTAL = ("108.993", "113.444", "222.437", "83.184", "91.242", "174.426", "76,32",
                 "80,43", "78,42")  # fmt: skip
# (kecamatan, DPT, pengguna hak pilih, partisipasi)
_PEMILIHAN = [
    ("Siantar Marihat", "32.876", "20.738", "63,08"),
    ("Siantar Marimbun", "23.975", "15.807", "65,93"),
    ("Siantar Selatan", "21.115", "12.335", "58,42"),
    ("Siantar Barat", "30.773", "19.766", "64,23"),
    ("Siantar Utara", "34.749", "22.238", "64,00"),
    ("Siantar Timur", "33.051", "19.942", "60,34"),
    ("Siantar Martoba", "27.734", "16.857", "60,78"),
    ("Siantar Sitalasari", "20.383", "11.883", "58,30"),
]
_BELANJA = [
    ("3355", "Pengelolaan Keuangan dan BMN", "2.316.400.000", "2.290.118.600", "98,87"),
    ("3360", "Operasional Perkantoran", "1.284.700.000", "1.241.336.900", "96,62"),
    ("6709", "Perencanaan Program dan Anggaran", "356.200.000", "342.870.500", "96,26"),
    ("6871", "Pemutakhiran Data Pemilih", "1.148.500.000", "1.121.004.300", "97,61"),
    ("6872", "Pemungutan dan Penghitungan Suara", "3.450.000.000", "3.499.335.000", "101,43"),
]


def build_docx(path: Path) -> Path:
    """Write the report as DOCX at ``path``."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = WordDoc("Arial", f"LKj Sekretariat {SATKER} Tahun 2024")
    para, heading, page_break = doc.para, doc.heading, doc.page_break

    def table(rows: list[list[str]], heads: int = 1, size: int = 9) -> Any:
        made = doc.table(rows, heads, size)
        _fit(made, [r for r in rows[heads - 1 :] if any(r[1:])])
        return made

    doc.title(("LAPORAN KINERJA", "SEKRETARIAT KPU KOTA PEMATANGSIANTAR", "TAHUN 2024"))

    heading("KATA PENGANTAR")
    para(
        "Puji syukur kami panjatkan kepada Tuhan Yang Maha Esa atas tersusunnya Laporan "
        "Kinerja Sekretariat KPU Kota Pematangsiantar Tahun 2024. Laporan ini disusun "
        "berdasarkan Peraturan Presiden Nomor 29 Tahun 2014 dan Peraturan Menteri PANRB Nomor "
        "53 Tahun 2014 sebagai pertanggungjawaban pelaksanaan Perjanjian Kinerja Tahun 2024."
    )
    para(
        "Tahun 2024 adalah tahun kelima atau tahun terakhir Rencana Strategis KPU Tahun "
        "2020-2024, tahun pemungutan suara Pemilu serentak pada 14 Februari 2024 dan Pemilihan "
        "Wali Kota dan Wakil Wali Kota Pematangsiantar pada 27 November 2024."
    )
    for line in (
        "Pematangsiantar, 20 Januari 2025",
        "Sekretaris KPU Kota Pematangsiantar,",
        "",
        "ROBERT P. SIMANJUNTAK, S.H., M.H.",
        "NIP. 197811042005021002",
    ):
        para(line, WD_ALIGN_PARAGRAPH.RIGHT)
    page_break()

    heading("IKHTISAR EKSEKUTIF")
    para(
        "Sekretariat KPU Kota Pematangsiantar Tahun 2024 mengukur 7 (tujuh) indikator kinerja "
        "dari 3 (tiga) sasaran strategis. Partisipasi pemilih pada Pemilu 2024 sebesar 78,42% "
        "melampaui target 77,5%, sedangkan partisipasi pada Pemilihan Wali Kota 2024 sebesar "
        "62,12% atau capaian 80,15%. Kegiatan sosialisasi terlaksana 22 dari 24 kegiatan."
    )
    para(
        "Pagu anggaran Tahun 2024 sebesar Rp8.555.800.000 terealisasi sebesar "
        "Rp8.494.665.300 atau 99,29%."
    )
    page_break()

    heading("BAB I\nPENDAHULUAN")
    heading("A. Latar Belakang", 2)
    para(
        "Kota Pematangsiantar terdiri atas 8 (delapan) kecamatan dan 53 (lima puluh dua) "
        "kelurahan. Sekretariat KPU Kota Pematangsiantar memberikan dukungan teknis dan "
        "administratif kepada KPU Kota Pematangsiantar dalam penyelenggaraan Pemilu dan "
        "Pemilihan."
    )
    heading("B. Permasalahan Utama", 2)
    para(
        "Permasalahan utama Tahun 2024 adalah dua pemungutan suara dalam satu tahun dengan "
        "badan adhoc yang berbeda, serta rendahnya minat pemilih pada Pemilihan Wali Kota "
        "yang diikuti hanya oleh dua pasangan calon."
    )
    heading("C. Sumber Daya Manusia", 2)
    para(
        "Sekretariat KPU Kota Pematangsiantar didukung oleh 25 (dua puluh lima) orang "
        "pegawai, terdiri dari 14 (empat belas) orang PNS, 3 (tiga) orang PPPK dan 8 "
        "(delapan) orang PPNPN."
    )
    para("Tabel 1.1 Pegawai Menurut Status dan Jenis Kelamin")
    table(
        [
            ["Status Pegawai", "Laki-laki", "Perempuan", "Jumlah"],
            ["PNS", "8", "6", "14"],
            ["PPPK", "1", "2", "3"],
            ["PPNPN", "6", "2", "8"],
            ["Jumlah", "15", "10", "25"],
        ]
    )
    page_break()

    heading("BAB II\nPERENCANAAN KINERJA")
    heading("A. Rencana Strategis", 2)
    para(
        "Sasaran strategis Sekretariat KPU Kota Pematangsiantar mengacu pada Rencana "
        "Strategis KPU Tahun 2020-2024, dengan target akhir Renstra yang dicantumkan pada "
        "tabel capaian kinerja di Bab III."
    )
    heading("B. Perjanjian Kinerja Tahun 2024", 2)
    para(
        "Perjanjian Kinerja Tahun 2024 ditandatangani oleh Sekretaris dan Ketua KPU Kota "
        "Pematangsiantar pada tanggal 5 Januari 2024, sebagai berikut."
    )
    para("Tabel 2.1 Perjanjian Kinerja Tahun 2024")
    pk_rows = [["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"]]
    for k, s in enumerate(_SASARAN):
        for row in [r for r in _CAPAIAN if r[0] == k]:
            pk_rows.append([str(k + 1), s, row[1], row[2], row[4]])
    pk = table(pk_rows)
    top = 1
    for k in range(len(_SASARAN)):
        span = sum(1 for r in _CAPAIAN if r[0] == k)
        _merge(pk, (top, 0), (top + span - 1, 0))
        _merge(pk, (top, 1), (top + span - 1, 1))
        top += span
    page_break()

    heading("BAB III\nAKUNTABILITAS KINERJA")
    heading("A. Capaian Kinerja Organisasi", 2)
    para(
        "Capaian kinerja dihitung dengan rumus Realisasi / Target x 100%. Capaian terhadap "
        "Renstra membandingkan realisasi Tahun 2024 dengan target akhir Rencana Strategis "
        "2020-2024."
    )
    para("Tabel 3.1 Capaian Kinerja Tahun 2024")
    cap_rows = [
        [
            "No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Realisasi 2023",
            "Target 2024", "Realisasi 2024", "Capaian 2024 (%)", "Target Akhir Renstra",
            "Capaian thd Renstra (%)",
        ]
    ]  # fmt: skip
    for k, s in enumerate(_SASARAN):
        for r in [r for r in _CAPAIAN if r[0] == k]:
            cap_rows.append([str(k + 1), s, r[1], r[2], r[3], r[5], r[6], r[7], r[8], r[9]])
    cap = table(cap_rows, size=7)
    top = 1
    for k in range(len(_SASARAN)):
        span = sum(1 for r in _CAPAIAN if r[0] == k)
        _merge(cap, (top, 0), (top + span - 1, 0))
        _merge(cap, (top, 1), (top + span - 1, 1))
        top += span
    para(
        "Sasaran 1. Partisipasi pemilih pada Pemilu 14 Februari 2024 sebesar 78,42% dari "
        "222.437 pemilih dalam DPT, melampaui target 77,5% dan target akhir Renstra. "
        "Partisipasi pemilih perempuan sebesar 80,43%, lebih tinggi dari laki-laki. "
        "Partisipasi pada Pemilihan 27 November 2024 sebesar 62,12%, di bawah target, karena "
        "kejenuhan pemilih setelah Pemilu dan hanya dua pasangan calon; upaya yang dilakukan "
        "adalah sosialisasi door to door dan kerja sama dengan tokoh agama. Pada Tahun 2023 "
        "tidak ada pemungutan suara. Keberhasilan didukung kegiatan 6872 Pemungutan dan "
        "Penghitungan Suara."
    )
    para("Tabel 3.2 Partisipasi Pemilih Pemilu Tahun 2024 per Kecamatan")
    pem_rows = [
        ["No", "Kecamatan", "DPT", "", "", "Pengguna Hak Pilih", "", "", "Partisipasi (%)",
         "", ""],
        ["", "", "L", "P", "Jumlah", "L", "P", "Jumlah", "L", "P", "Jumlah"],
    ]  # fmt: skip
    pem_rows += [[str(k), *r] for k, r in enumerate(_PEMILU, 1)]
    pem_rows.append(["Jumlah", "", *_PEMILU_TOTAL])
    pem = table(pem_rows, heads=2, size=7)
    for c in (2, 5, 8):
        _merge(pem, (0, c), (0, c + 2))
    for c in (0, 1):
        _merge(pem, (0, c), (1, c))
    _merge(pem, (len(pem_rows) - 1, 0), (len(pem_rows) - 1, 1))
    para("Tabel 3.3 Partisipasi Pemilih Pemilihan Wali Kota Tahun 2024 per Kecamatan")
    pil_rows = [["No", "Kecamatan", "DPT", "Pengguna Hak Pilih", "Partisipasi (%)"]]
    pil_rows += [[str(k), *r] for k, r in enumerate(_PEMILIHAN, 1)]
    pil_rows.append(["Jumlah", "", "224.656", "139.656", "62,12"])
    pil = table(pil_rows)
    _merge(pil, (len(pil_rows) - 1, 0), (len(pil_rows) - 1, 1))
    para(
        "Sasaran 2. Seluruh tahapan Pemilu dan Pemilihan dilaksanakan sesuai jadwal. "
        "Kegiatan sosialisasi terlaksana 22 dari 24 kegiatan, meningkat dari 18 kegiatan pada "
        "Tahun 2023; dua kegiatan di kampus batal karena libur semester, dan sebagai gantinya "
        "materi disampaikan melalui media sosial. Terhadap target akhir Renstra 30 kegiatan "
        "capaiannya 73,33%. Kegiatan ini didukung kegiatan 6709 Perencanaan Program dan "
        "Anggaran."
    )
    para(
        "Sasaran 3. Nilai IKPA Tahun 2024 sebesar 96,48 meningkat dari 94,87 pada Tahun 2023 "
        "dan seluruh laporan keuangan disusun tepat waktu, didukung kegiatan 3355 dan 3360. "
        "Efisiensi diperoleh dari penghematan belanja perjalanan dinas."
    )
    heading("B. Realisasi Anggaran", 2)
    para(
        "Realisasi anggaran Sekretariat KPU Kota Pematangsiantar Tahun 2024 per kegiatan "
        "untuk mewujudkan kinerja sesuai Perjanjian Kinerja sebagai berikut."
    )
    para("Tabel 3.4 Realisasi Anggaran per Kegiatan Tahun 2024")
    bud_rows = [["Kode", "Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"]]
    bud_rows += [list(r) for r in _BELANJA]
    bud_rows.append(["Jumlah", "", "8.555.800.000", "8.494.665.300", "99,29"])
    bud = table(bud_rows)
    _merge(bud, (len(bud_rows) - 1, 0), (len(bud_rows) - 1, 1))
    page_break()

    heading("BAB IV\nPENUTUP")
    para(
        "Sekretariat KPU Kota Pematangsiantar Tahun 2024 mencapai 5 dari 7 indikator kinerja "
        "dan menyerap 99,29% anggaran. Untuk pemilihan berikutnya, sosialisasi akan dimulai "
        "lebih awal dan menyasar pemilih muda dan pemilih yang jenuh."
    )
    for line in (
        "Pematangsiantar, 20 Januari 2025",
        "Sekretaris KPU Kota Pematangsiantar,",
        "",
        "ROBERT P. SIMANJUNTAK, S.H., M.H.",
    ):
        para(line, WD_ALIGN_PARAGRAPH.RIGHT)
    page_break()
    heading("LAMPIRAN")
    para("1. Struktur Organisasi Sekretariat KPU Kota Pematangsiantar")
    para("2. Pernyataan Telah Direviu oleh Inspektorat Utama KPU")
    return doc.save(path)


def make(outdir: Path) -> tuple[Path, Path]:
    """The DOCX and its PDF export, in ``outdir``."""
    return word_doc.make(build_docx, "lkj_2024_kpu_kota_pematangsiantar.docx", outdir)
