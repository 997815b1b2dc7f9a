"""A KPU Kabupaten Kulon Progo 2023 LKj written in Word (python-docx), exported to PDF by soffice.

Written by hand, paragraph by paragraph (not by the corpus builder the reader was tuned to),
in the way a kabupaten secretariat lays out its LKj in Word: a cover, Heading styles, a
Capaian table whose sasaran cell spans its indicators (vertical merge) with a "Kategori"
column, a budget table with a separate "Kode" column, program and kegiatan subtotal rows and
a "Serapan (%)" column, a staff table with name and NIP in one cell (two paragraphs), a
per-kecamatan DPB table long enough to cross a page, repeated header rows (``w:tblHeader``)
and a running header / "Halaman N" footer.

Its figures add up except for the defects listed in :data:`PLANTED` (text, rule).
"""

from __future__ import annotations

from pathlib import Path

from tests.unseen import word_doc
from tests.unseen.word_doc import WordDoc

SATKER = "KPU Kabupaten Kulon Progo"
# The defects written into the report: (text that carries it, the rule that must find it).
PLANTED = (
    ("didukung oleh 9 (sembilan) orang PNS", "PEG001"),  # the PNS table lists 8
    ("6709.QGE.004", "ANG001"),  # serapan 97,49 printed; 431.298.000 / 455.000.000 = 94,79
    ("penyerapan anggaran sebesar 98,54%", "NAR001"),  # the budget table totals 98,45%
)

_PNS = [
    ("Drs. SUHARJONO, M.M.", "196905121994031005", "IV/a", "Sekretaris", "S2"),
    (
        "WAHYU LESTARI, S.E.",
        "198303222008012007",
        "III/d",
        "Kasubbag Keuangan, Umum dan Logistik",
        "S1",
    ),
    ("ANDI NUGROHO, S.H.", "198510142010121003", "III/c", "Kasubbag Hukum dan SDM", "S1"),
    (
        "PURWANTI, S.Sos.",
        "198702052011012004",
        "III/c",
        "Kasubbag Perencanaan, Data dan Informasi",
        "S1",
    ),
    (
        "YULIANTO, S.IP.",
        "199007182015031001",
        "III/b",
        "Kasubbag Teknis Penyelenggaraan Pemilu",
        "S1",
    ),
    ("SRI HARTATI, A.Md.", "198911092014022002", "II/d", "Pengelola Keuangan", "D3"),
    ("SUPRIYADI", "197604112007011009", "II/b", "Pengadministrasi Umum", "SMA"),
    (
        "DEWI ANGGRAINI, S.Kom.",
        "199506232019022004",
        "III/a",
        "Pranata Komputer Ahli Pertama",
        "S1",
    ),
]
_DPB = [
    ("Temon", "13.205", "13.891", "27.096"),
    ("Wates", "14.085", "14.762", "28.847"),
    ("Panjatan", "15.899", "16.175", "32.074"),
    ("Galur", "13.201", "13.521", "26.722"),
    ("Lendah", "14.311", "14.305", "28.616"),
    ("Sentolo", "11.012", "11.635", "22.647"),
    ("Pengasih", "13.693", "13.980", "27.673"),
    ("Kokap", "14.659", "15.087", "29.746"),
    ("Girimulyo", "15.996", "15.986", "31.982"),
    ("Nanggulan", "10.271", "10.528", "20.799"),
    ("Kalibawang", "11.985", "11.930", "23.915"),
    ("Samigaluh", "10.242", "10.593", "20.835"),
]
_CAPAIAN = [
    (
        "1",
        "Meningkatnya kualitas data pemilih",
        "Persentase pemutakhiran DPB yang ditetapkan tepat waktu",
        "100%",
        "100%",
        "100%",
        "Baik",
    ),
    (
        "2",
        "",
        "Persentase DPT Pemilu 2024 yang ditetapkan sesuai jadwal",
        "100%",
        "100%",
        "100%",
        "Baik",
    ),
    (
        "3",
        "Terselenggaranya tahapan Pemilu 2024 sesuai jadwal",
        "Persentase badan adhoc (PPK dan PPS) yang dibentuk tepat waktu",
        "100%",
        "100%",
        "100%",
        "Baik",
    ),
    (
        "4",
        "",
        "Jumlah kegiatan sosialisasi dan pendidikan pemilih",
        "24 Kegiatan",
        "22 Kegiatan",
        "91,67%",
        "Baik",
    ),
    (
        "5",
        "Meningkatnya tata kelola keuangan",
        "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)",
        "90",
        "95,21",
        "105,79%",
        "Sangat Baik",
    ),
    (
        "6",
        "",
        "Jumlah laporan keuangan yang disusun tepat waktu",
        "4 Laporan",
        "4 Laporan",
        "100%",
        "Baik",
    ),
]
_BUDGET = [
    ("076.01.WA", "Program Dukungan Manajemen", "1.645.150.000", "1.590.983.970", "96,71"),
    ("3360", "Dukungan Operasional Perkantoran", "1.496.900.000", "1.451.081.370", "96,94"),
    ("3360.EBA.994", "Layanan Perkantoran", "1.184.500.000", "1.152.309.870", "97,28"),
    ("3360.EBA.962", "Layanan Umum", "312.400.000", "298.771.500", "95,64"),
    ("6634", "Pengelolaan Data dan Informasi", "148.250.000", "139.902.600", "94,37"),
    ("6634.EBA.963", "Layanan Data dan Informasi", "148.250.000", "139.902.600", "94,37"),
    (
        "076.01.CQ",
        "Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi",
        "10.853.100.000",
        "10.713.456.550",
        "98,71",
    ),
    ("6709", "Perencanaan Program dan Anggaran", "741.700.000", "702.753.300", "94,75"),
    ("6709.QGE.001", "Perencanaan dan Penganggaran Pemilu", "286.700.000", "271.455.300", "94,68"),
    ("6709.QGE.004", "Sosialisasi dan Pendidikan Pemilih", "455.000.000", "431.298.000", "97,49"),
    ("6871", "Pengelolaan Data Pemilih", "1.365.800.000", "1.307.820.250", "95,75"),
    ("6871.QGE.002", "Pemutakhiran Data Pemilih", "1.267.300.000", "1.215.704.850", "95,93"),
    ("6871.QGE.003", "Penetapan Data Pemilih", "98.500.000", "92.115.400", "93,52"),
    ("6867", "Pembentukan Badan Adhoc", "8.745.600.000", "8.702.883.000", "99,51"),
    ("6867.QGE.002", "Honorarium Badan Adhoc", "8.745.600.000", "8.702.883.000", "99,51"),
    ("", "Jumlah", "12.498.250.000", "12.304.440.520", "98,45"),
]


def build_docx(path: Path) -> Path:
    """Write the report as DOCX at ``path``."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = WordDoc("Calibri", f"Laporan Kinerja {SATKER} Tahun 2023")
    para, heading, page_break, table = doc.para, doc.heading, doc.page_break, doc.table
    doc.title(("LAPORAN KINERJA", "KOMISI PEMILIHAN UMUM", "KABUPATEN KULON PROGO", "TAHUN 2023"))

    heading("KATA PENGANTAR")
    para(
        "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa atas tersusunnya Laporan "
        "Kinerja Sekretariat KPU Kabupaten Kulon Progo Tahun 2023. Laporan ini disusun "
        "berdasarkan Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas "
        "Kinerja Instansi Pemerintah dan Peraturan Menteri PANRB Nomor 53 Tahun 2014."
    )
    para(
        "Tahun 2023 merupakan tahun keempat Rencana Strategis KPU Tahun 2020-2024 dan tahun "
        "persiapan Pemilu Serentak Tahun 2024 di Kabupaten Kulon Progo."
    )
    for line in (
        "Wates, 29 Januari 2024",
        "Sekretaris KPU Kabupaten Kulon Progo,",
        "",
        "Drs. SUHARJONO, M.M.",
        "NIP. 196905121994031005",
    ):
        para(line, WD_ALIGN_PARAGRAPH.RIGHT)
    page_break()

    heading("IKHTISAR EKSEKUTIF")
    para(
        "Sekretariat KPU Kabupaten Kulon Progo menetapkan 3 (tiga) sasaran strategis dengan "
        "6 (enam) indikator kinerja pada Perjanjian Kinerja Tahun 2023. Rata-rata capaian "
        "kinerja Tahun 2023 sebesar 99,58% dan realisasi anggaran sebesar 98,45%. Satu "
        "indikator, jumlah kegiatan sosialisasi dan pendidikan pemilih, belum mencapai target "
        "karena dua kegiatan bertabrakan dengan jadwal tahapan pencalonan."
    )
    page_break()

    heading("BAB I\nPENDAHULUAN")
    heading("A. Latar Belakang", 2)
    para(
        "KPU Kabupaten Kulon Progo menyelenggarakan tahapan Pemilu 2024 di 12 kecamatan. "
        "Permasalahan utama Tahun 2023 adalah pemutakhiran data pemilih di wilayah pembangunan "
        "bandara dan kawasan industri yang penduduknya banyak berpindah."
    )
    heading("B. Sumber Daya Manusia", 2)
    para(
        "Dalam melaksanakan tugasnya Sekretariat KPU Kabupaten Kulon Progo Tahun 2023 "
        "didukung oleh 9 (sembilan) orang PNS dan 4 (empat) orang PPNPN, sebagaimana tabel "
        "berikut."
    )
    para("Tabel 1.1 Daftar Pegawai Negeri Sipil")
    table(
        [["No", "Nama / NIP", "Gol.", "Jabatan", "Pendidikan"]]
        + [[str(k), f"{n}\nNIP. {nip}", g, j, e] for k, (n, nip, g, j, e) in enumerate(_PNS, 1)]
    )
    para("Tabel 1.2 Daftar PPNPN")
    table(
        [["No", "Nama", "Jabatan", "Pendidikan"]]
        + [
            ["1", "Slamet Riyanto", "Pengemudi", "SMA"],
            ["2", "Tri Wahyuni", "Pramubakti", "SMK"],
            ["3", "Bambang Irawan", "Satpam", "SMA"],
            ["4", "Eko Prasetyo", "Operator Komputer", "D3"],
        ]
    )
    page_break()

    heading("BAB II\nPERENCANAAN KINERJA")
    heading("A. Rencana Strategis", 2)
    para("Renstra KPU Kabupaten Kulon Progo mengacu pada Renstra KPU Tahun 2020-2024.")
    heading("B. Perjanjian Kinerja Tahun 2023", 2)
    para(
        "Perjanjian Kinerja Tahun 2023 ditandatangani oleh Sekretaris dan Ketua KPU Kabupaten "
        "Kulon Progo pada tanggal 2 Januari 2023 dengan sasaran, indikator dan target berikut."
    )
    pk = table(
        [["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]]
        + [[no, s, i, t] for no, s, i, t, *_ in _CAPAIAN]
    )
    capaian_merges(pk)
    page_break()

    heading("BAB III\nAKUNTABILITAS KINERJA")
    heading("A. Capaian Kinerja Organisasi", 2)
    para(
        "Capaian setiap indikator dihitung dengan rumus Realisasi / Target x 100% dan "
        "dikategorikan menurut skala berikut."
    )
    para("Tabel 3.1 Skala Penilaian Capaian Kinerja")
    table(
        [
            ["No", "Rentang Capaian", "Kategori"],
            ["1", "< 55%", "Kurang"],
            ["2", "55% - < 76%", "Cukup"],
            ["3", "76% - 100%", "Baik"],
            ["4", "> 100%", "Sangat Baik"],
        ]
    )
    para("Tabel 3.2 Pengukuran Kinerja Tahun 2023")
    cap = table(
        [
            [
                "No",
                "Sasaran Strategis",
                "Indikator Kinerja",
                "Target",
                "Realisasi",
                "Capaian",
                "Kategori",
            ]
        ]
        + [list(row) for row in _CAPAIAN]
    )
    capaian_merges(cap)
    para(
        "Sasaran 1 dan Sasaran 2 tercapai seluruhnya: DPB ditetapkan setiap bulan, DPT Pemilu "
        "2024 ditetapkan pada 21 Juni 2023 sesuai jadwal dan 12 PPK serta 88 PPS dibentuk tepat "
        "waktu. Capaian ini didukung oleh kegiatan 6871 Pengelolaan Data Pemilih dan 6867 "
        "Pembentukan Badan Adhoc."
    )
    para(
        "Jumlah kegiatan sosialisasi dan pendidikan pemilih terealisasi 22 dari 24 kegiatan "
        "karena dua kegiatan bertabrakan dengan jadwal tahapan pencalonan. Upaya yang dilakukan "
        "adalah memindahkan kedua kegiatan ke Januari 2024. Dibandingkan tahun 2022 yang "
        "melaksanakan 18 kegiatan, jumlah kegiatan meningkat. Target akhir Renstra pada Tahun "
        "2024 adalah 24 kegiatan."
    )
    para(
        "Nilai IKPA 95,21 melampaui target 90 dan meningkat dari 93,10 pada tahun 2022. "
        "Efisiensi dicapai pada belanja operasional perkantoran."
    )
    para("Tabel 3.3 Daftar Pemilih Berkelanjutan (DPB) Semester II Tahun 2023 per Kecamatan")
    table(
        [["No", "Kecamatan", "Laki-laki", "Perempuan", "Jumlah"]]
        + [[str(k), *row] for k, row in enumerate(_DPB, 1)]
        + [["", "Jumlah", "158.559", "162.393", "320.952"]]
    )
    para("Tabel 3.4 Daftar Pemilih Tetap (DPT) Pemilu Tahun 2024")
    table([["Laki-laki", "Perempuan", "Jumlah"], ["160.112", "163.950", "324.062"]])
    heading("B. Realisasi Anggaran", 2)
    para(
        "Pagu DIPA Sekretariat KPU Kabupaten Kulon Progo Tahun 2023 sebesar Rp12.498.250.000 "
        "dengan realisasi sebagai berikut."
    )
    para("Tabel 3.5 Realisasi Anggaran per Rincian Output Tahun 2023")
    table(
        [["Kode", "Uraian", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"]]
        + [list(r) for r in _BUDGET]
    )
    page_break()

    heading("BAB IV\nPENUTUP")
    para(
        "Sekretariat KPU Kabupaten Kulon Progo Tahun 2023 mencapai 5 dari 6 indikator kinerja "
        "dengan penyerapan anggaran sebesar 98,54%. Langkah ke depan adalah penjadwalan "
        "sosialisasi yang memperhitungkan jadwal tahapan Pemilu dan Pemilihan 2024."
    )
    for line in (
        "Wates, 29 Januari 2024",
        "Sekretaris KPU Kabupaten Kulon Progo,",
        "",
        "Drs. SUHARJONO, M.M.",
    ):
        para(line, WD_ALIGN_PARAGRAPH.RIGHT)
    page_break()
    heading("LAMPIRAN")
    para("1. Perjanjian Kinerja Tahun 2023")
    para("2. Pernyataan Telah Direviu oleh Inspektorat Utama KPU")
    return doc.save(path)


def capaian_merges(t: object) -> None:
    """One sasaran cell over its indicators (rows 1-2, 3-4, 5-6), as Word users merge them."""
    for top in (1, 3, 5):
        a, b = t.cell(top, 1), t.cell(top + 1, 1)  # type: ignore[attr-defined]
        text = a.text
        merged = a.merge(b)
        for p in merged.paragraphs[1:]:
            p._element.getparent().remove(p._element)
        merged.paragraphs[0].runs[0].text = text


def make(outdir: Path) -> tuple[Path, Path]:
    """The DOCX and its PDF export, in ``outdir``."""
    return word_doc.make(build_docx, "lkj_2023_kpu_kab_kulon_progo.docx", outdir)
