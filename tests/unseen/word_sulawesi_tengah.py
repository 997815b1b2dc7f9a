"""A KPU Provinsi Sulawesi Tengah 2021 LKj written in Word (python-docx), exported by soffice.

Written by hand, paragraph by paragraph, in habits the Kulon Progo report does not have: a
provincial satker in a year without an election; a capaian table whose header is two rows
of merged cells ("Tahun 2021" over Target | Realisasi | Capaian | Kategori, beside
"Realisasi 2020" and "Target Akhir Renstra 2024" merged down both rows) with each sasaran as
a row merged across the whole table; DPB per kabupaten/kota whose "Jumlah" spans the No and
name columns; a budget table per jenis belanja (51, 52, 53) "dalam ribuan rupiah" with a
Sisa column; a staff table by education and sex instead of a list of names; narrow 8 pt
cells that wrap.

Its figures add up except for the defects listed in :data:`PLANTED` (text, rules).
"""

from __future__ import annotations

from pathlib import Path

from tests.load.word_lkj import _merge
from tests.unseen import word_doc
from tests.unseen.word_doc import WordDoc

SATKER = "KPU Provinsi Sulawesi Tengah"
# The defects written into the report: (text that carries it, the rules that may find it).
PLANTED = (
    ("27 (dua puluh enam) orang PNS", {"XTB011"}),  # the digits and the words differ
    ("Rencana Strategis KPU Tahun 2015-2019", {"PER002"}),  # the 2021 report cites 2020-2024
    ("93,31%", {"CAP001"}),  # 12 / 13 = 92,31
    ("91,67%", {"NAR005"}),  # "Sangat Baik", but the scale puts 91,67 in "Baik"
    ("96,47", {"ANG001"}),  # Belanja Barang: 13.802.611 / 14.267.850 = 96,74
)

_SASARAN = [
    "Terwujudnya data pemilih berkelanjutan yang akurat",
    "Meningkatnya kapasitas kelembagaan KPU Kabupaten/Kota",
    "Meningkatnya akuntabilitas pengelolaan keuangan",
]
# (sasaran index, no, indikator, target, realisasi, capaian, kategori, realisasi 2020, renstra)
_CAPAIAN = [
    (
        0,
        "1",
        "Persentase KPU Kabupaten/Kota yang menetapkan DPB tepat waktu",
        "100%",
        "100%",
        "100%",
        "Baik",
        "100%",
        "100%",
    ),
    (
        0,
        "2",
        "Jumlah rekapitulasi DPB tingkat provinsi",
        "12 Laporan",
        "12 Laporan",
        "100%",
        "Baik",
        "12 Laporan",
        "12 Laporan",
    ),
    (
        1,
        "3",
        "Jumlah KPU Kabupaten/Kota yang mengikuti bimbingan teknis tata kelola kelembagaan",
        "13 Satker",
        "12 Satker",
        "93,31%",
        "Baik",
        "13 Satker",
        "13 Satker",
    ),
    (
        1,
        "4",
        "Jumlah kegiatan pendidikan pemilih tingkat provinsi",
        "24 Kegiatan",
        "22 Kegiatan",
        "91,67%",
        "Sangat Baik",
        "18 Kegiatan",
        "24 Kegiatan",
    ),
    (
        2,
        "5",
        "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)",
        "93",
        "95,40",
        "102,58%",
        "Sangat Baik",
        "91,25",
        "95",
    ),
    (
        2,
        "6",
        "Persentase KPU Kabupaten/Kota yang menyampaikan laporan keuangan tepat waktu",
        "100%",
        "100%",
        "100%",
        "Baik",
        "92,31%",
        "100%",
    ),
]
_DPB = [
    ("Kabupaten Banggai Kepulauan", "45.521", "45.144", "90.665"),
    ("Kabupaten Banggai", "132.403", "131.070", "263.473"),
    ("Kabupaten Morowali", "73.547", "65.126", "138.673"),
    ("Kabupaten Poso", "90.150", "86.501", "176.651"),
    ("Kabupaten Donggala", "113.053", "109.110", "222.163"),
    ("Kabupaten Toli-Toli", "85.628", "83.672", "169.300"),
    ("Kabupaten Buol", "57.447", "55.706", "113.153"),
    ("Kabupaten Parigi Moutong", "162.811", "159.060", "321.871"),
    ("Kabupaten Tojo Una-Una", "61.473", "59.531", "121.004"),
    ("Kabupaten Sigi", "96.697", "93.989", "190.686"),
    ("Kabupaten Banggai Laut", "27.102", "27.178", "54.280"),
    ("Kabupaten Morowali Utara", "57.882", "49.431", "107.313"),
    ("Kota Palu", "136.775", "138.930", "275.705"),
]
_BELANJA = [
    ("51", "Belanja Pegawai", "9.845.320", "9.712.458", "132.862", "98,65"),
    ("52", "Belanja Barang", "14.267.850", "13.802.611", "465.239", "96,47"),
    ("53", "Belanja Modal", "1.250.000", "1.187.345", "62.655", "94,99"),
]


def build_docx(path: Path) -> Path:
    """Write the report as DOCX at ``path``."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = WordDoc("Arial", f"LKj Sekretariat {SATKER} 2021")
    para, heading, page_break, table = doc.para, doc.heading, doc.page_break, doc.table
    doc.title(("LAPORAN KINERJA", "SEKRETARIAT KPU PROVINSI SULAWESI TENGAH", "TAHUN 2021"))

    heading("KATA PENGANTAR")
    para(
        "Dengan mengucap syukur ke hadirat Tuhan Yang Maha Esa, Sekretariat KPU Provinsi "
        "Sulawesi Tengah menyampaikan Laporan Kinerja Tahun 2021 sebagai pertanggungjawaban "
        "atas Perjanjian Kinerja Tahun 2021, sesuai Peraturan Presiden Nomor 29 Tahun 2014 dan "
        "Peraturan Menteri PANRB Nomor 53 Tahun 2014."
    )
    para(
        "Tahun 2021 merupakan tahun kedua Rencana Strategis KPU Tahun 2020-2024. Pada tahun "
        "tanpa tahapan Pemilu ini kegiatan dipusatkan pada pemutakhiran data pemilih "
        "berkelanjutan, penguatan kelembagaan KPU Kabupaten/Kota dan pendidikan pemilih."
    )
    for line in (
        "Palu, 8 Februari 2022",
        "Sekretaris KPU Provinsi Sulawesi Tengah,",
        "",
        "Ir. MUHAMMAD SYARIF LAMADJIDO, M.Si.",
        "NIP. 196807141995031002",
    ):
        para(line, WD_ALIGN_PARAGRAPH.RIGHT)
    page_break()

    heading("IKHTISAR EKSEKUTIF")
    para(
        "Sekretariat KPU Provinsi Sulawesi Tengah menetapkan 3 (tiga) sasaran strategis dengan "
        "6 (enam) indikator kinerja. Sebanyak 4 (empat) indikator mencapai target dan 2 (dua) "
        "indikator belum mencapai target, yaitu bimbingan teknis tata kelola kelembagaan yang "
        "diikuti 12 dari 13 KPU Kabupaten/Kota dan kegiatan pendidikan pemilih yang terlaksana "
        "22 dari 24 kegiatan. Realisasi anggaran Tahun 2021 sebesar Rp24.702.414.000 atau "
        "97,39% dari pagu Rp25.363.170.000."
    )
    page_break()

    heading("BAB I\nPENDAHULUAN")
    heading("A. Latar Belakang", 2)
    para(
        "KPU Provinsi Sulawesi Tengah membawahi 13 (tiga belas) KPU Kabupaten/Kota. Tantangan "
        "utama Tahun 2021 adalah pemutakhiran data pemilih di wilayah kepulauan dan pegunungan "
        "dengan akses terbatas serta pembatasan kegiatan tatap muka selama pandemi."
    )
    heading("B. Sumber Daya Manusia", 2)
    para(
        "Sekretariat KPU Provinsi Sulawesi Tengah Tahun 2021 didukung oleh 27 (dua puluh enam) "
        "orang PNS dan 10 (sepuluh) orang PPNPN. Komposisi PNS menurut pendidikan:"
    )
    para("Tabel 1.1 Komposisi PNS Menurut Tingkat Pendidikan dan Jenis Kelamin")
    table(
        [
            ["Pendidikan", "Laki-laki", "Perempuan", "Jumlah"],
            ["S2", "4", "2", "6"],
            ["S1", "9", "7", "16"],
            ["D3", "1", "1", "2"],
            ["SMA", "2", "1", "3"],
            ["Jumlah", "16", "11", "27"],
        ]
    )
    page_break()

    heading("BAB II\nPERENCANAAN KINERJA")
    heading("A. Rencana Strategis", 2)
    para(
        "Rencana Strategis Sekretariat KPU Provinsi Sulawesi Tengah disusun dengan mengacu pada "
        "Rencana Strategis KPU Tahun 2015-2019 dan menjabarkan visi, misi dan sasaran strategis "
        "KPU di tingkat provinsi."
    )
    heading("B. Perjanjian Kinerja Tahun 2021", 2)
    para(
        "Perjanjian Kinerja Tahun 2021 ditandatangani oleh Sekretaris dan Ketua KPU Provinsi "
        "Sulawesi Tengah pada tanggal 4 Januari 2021 dengan rincian berikut."
    )
    para("Tabel 2.1 Perjanjian Kinerja Tahun 2021")
    pk_rows = [["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]]
    for k, s in enumerate(_SASARAN):
        for row in [r for r in _CAPAIAN if r[0] == k]:
            pk_rows.append([str(k + 1), s, row[2], row[3]])
    pk = table(pk_rows)
    for top in (1, 3, 5):  # one No and sasaran cell over its two indicators
        _merge(pk, (top, 0), (top + 1, 0))
        _merge(pk, (top, 1), (top + 1, 1))
    page_break()

    heading("BAB III\nAKUNTABILITAS KINERJA")
    heading("A. Capaian Kinerja Organisasi", 2)
    para(
        "Capaian kinerja dihitung dengan rumus Realisasi / Target x 100% dan dinilai dengan "
        "kategori sebagai berikut."
    )
    para("Tabel 3.1 Kategori Capaian Kinerja")
    table(
        [
            ["Capaian", "Kategori"],
            ["> 100%", "Sangat Baik"],
            ["90% - 100%", "Baik"],
            ["75% - < 90%", "Cukup"],
            ["< 75%", "Kurang"],
        ]
    )
    para("Tabel 3.2 Pengukuran Kinerja Tahun 2021")
    rows = [
        [
            "No",
            "Indikator Kinerja",
            "Tahun 2021",
            "",
            "",
            "",
            "Realisasi 2020",
            "Target Akhir Renstra 2024",
        ],
        ["", "", "Target", "Realisasi", "Capaian", "Kategori", "", ""],
    ]
    groups = []
    for k, s in enumerate(_SASARAN):
        groups.append(len(rows))
        rows.append([f"Sasaran {k + 1}: {s}"] + [""] * 7)
        rows += [[*r[1:]] for r in _CAPAIAN if r[0] == k]
    cap = table(rows, heads=2, size=8)
    _merge(cap, (0, 2), (0, 5))  # "Tahun 2021" over its four columns
    for c in (0, 1, 6, 7):
        _merge(cap, (0, c), (1, c))
    for g in groups:
        _merge(cap, (g, 0), (g, 7))
    para(
        "Analisis Sasaran 1. Seluruh KPU Kabupaten/Kota menetapkan DPB setiap bulan dan "
        "rekapitulasi tingkat provinsi disampaikan setiap bulan, sama dengan Tahun 2020. Capaian "
        "ini didukung oleh kegiatan pemutakhiran data pemilih berkelanjutan. Rekapitulasi DPB "
        "Semester II Tahun 2021 per kabupaten/kota:"
    )
    para("Tabel 3.3 Rekapitulasi DPB Semester II Tahun 2021 per Kabupaten/Kota")
    dpb = table(
        [["No", "Kabupaten/Kota", "Laki-laki", "Perempuan", "Jumlah"]]
        + [[str(k), *row] for k, row in enumerate(_DPB, 1)]
        + [["Jumlah", "", "1.140.489", "1.104.448", "2.244.937"]]
    )
    _merge(dpb, (len(_DPB) + 1, 0), (len(_DPB) + 1, 1))
    para(
        "Analisis Sasaran 2. Bimbingan teknis tata kelola kelembagaan diikuti 12 dari 13 KPU "
        "Kabupaten/Kota karena KPU Kabupaten Banggai Laut terkendala jadwal kapal; upaya yang "
        "dilakukan adalah bimbingan teknis daring susulan. Kegiatan pendidikan pemilih "
        "terlaksana 22 dari 24 kegiatan karena pembatasan kegiatan tatap muka; langkah "
        "perbaikan adalah memperbanyak kegiatan daring. Dibandingkan Tahun 2020 dengan 18 "
        "kegiatan, jumlahnya meningkat; target akhir Renstra 2024 adalah 24 kegiatan."
    )
    para(
        "Analisis Sasaran 3. Nilai IKPA 95,40 meningkat dari 91,25 pada Tahun 2020 dan berada "
        "di atas standar nasional. Efisiensi diperoleh dari penghematan belanja perjalanan "
        "dinas."
    )
    heading("B. Realisasi Anggaran", 2)
    para(
        "Realisasi anggaran Sekretariat KPU Provinsi Sulawesi Tengah Tahun 2021 menurut jenis "
        "belanja sebagai berikut."
    )
    para("Tabel 3.4 Realisasi Anggaran per Jenis Belanja Tahun 2021 (dalam ribuan rupiah)")
    bud = table(
        [["Kode", "Jenis Belanja", "Pagu", "Realisasi", "Sisa", "Serapan (%)"]]
        + [list(r) for r in _BELANJA]
        + [["Jumlah", "", "25.363.170", "24.702.414", "660.756", "97,39"]]
    )
    _merge(bud, (len(_BELANJA) + 1, 0), (len(_BELANJA) + 1, 1))
    page_break()

    heading("BAB IV\nPENUTUP")
    para(
        "Sekretariat KPU Provinsi Sulawesi Tengah Tahun 2021 mencapai 4 dari 6 indikator "
        "kinerja dengan penyerapan anggaran 97,39%. Ke depan bimbingan teknis dan pendidikan "
        "pemilih akan dijadwalkan dengan memperhitungkan akses wilayah kepulauan."
    )
    for line in (
        "Palu, 8 Februari 2022",
        "Sekretaris KPU Provinsi Sulawesi Tengah,",
        "",
        "Ir. MUHAMMAD SYARIF LAMADJIDO, M.Si.",
    ):
        para(line, WD_ALIGN_PARAGRAPH.RIGHT)
    page_break()
    heading("LAMPIRAN")
    para("1. Perjanjian Kinerja Tahun 2021")
    para("2. Pernyataan Telah Direviu oleh Inspektorat Utama KPU")
    return doc.save(path)


def make(outdir: Path) -> tuple[Path, Path]:
    """The DOCX and its PDF export, in ``outdir``."""
    return word_doc.make(build_docx, "lkj_2021_kpu_provinsi_sulawesi_tengah.docx", outdir)
