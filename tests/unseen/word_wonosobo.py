"""A KPU Kabupaten Wonosobo 2023 LKj written in Word (python-docx), exported as plain text.

Written by hand for round 8a of the unseen reports. The satker writes the report in Word and
publishes what LibreOffice's own text export makes of it (``soffice --headless --convert-to
txt:Text``): every paragraph on a line of its own and every table cell on a line of its own,
row after row, with no mark where a row or a table ends (an empty cell is an empty line).
Its tables: a PK table whose sasaran cell is written on the first indicator row only, one
capaian table per sasaran "No | Indikator Kinerja | Satuan | Target | Realisasi | Capaian (%)
| Realisasi 2022", the DPT of Pemilu 2024 per kecamatan "No | Kecamatan | TPS | Laki-laki |
Perempuan | Jumlah", the PNS by golongan and sex, the budget per kegiatan.

Its figures add up except for the defects listed in :data:`PLANTED` (places, rules), written
before the reader was run on it.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from tests.load.word_lkj import SOFFICE_TIMEOUT, soffice
from tests.unseen.word_doc import WordDoc
from tests.unseen.word_kalimantan_utara import _fit

SATKER = "KPU Kabupaten Wonosobo"
NAME = "lkj_2023_kpu_kab_wonosobo"
# The defects written into the report: the places that carry it (each given by pieces of
# text on one line, or the cells of one table row) and the rules that may find it.
PLANTED: tuple[tuple[tuple[tuple[str, ...], ...], set[str]], ...] = (
    # Another satker's name left in the Kata Pengantar.
    ((("Sekretariat KPU Kabupaten Banjarnegara",),), {"IDN001", "IDN002"}),
    ((("Tabel 2.1 Perjanjian Kinerja Tahun 2022",),), {"PER001"}),  # the report is 2023's
    # IKPA 93,62 / 95 = 98,55, printed 98,85.
    (
        (("1", "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)", "Nilai", "95", "93,62",
          "98,85", "91,40"),),
        {"CAP001"},
    ),
    # Kalikajar: 27.268 + 27.122 = 54.390, printed 54.930 (so the Jumlah column no longer
    # sums to the total 692.217: either row).
    (
        (("9", "Kalikajar", "205", "27.268", "27.122", "54.930"),
         ("", "Jumlah", "2.612", "350.847", "341.370", "692.217")),
        {"PML001", "PML002"},
    ),
    # The budget rows add up to 17.109.410.000, the JUMLAH prints 17.190.410.000.
    (
        (("", "JUMLAH", "17.190.410.000", "16.701.847.650", "97,62"),),
        {"ANG004", "ANG001"},
    ),
    ((("penyerapan anggaran sebesar 97,26%",),), {"NAR001"}),  # the budget table: 97,62
    # The sentence says 15 PNS, the golongan table counts 14.
    ((("15 (lima belas) orang PNS",),), {"PEG001", "PEG003", "XTB010"}),
)  # fmt: skip

_SASARAN = [
    "Meningkatnya kualitas data pemilih",
    "Meningkatnya kualitas penyelenggaraan tahapan Pemilu",
    "Meningkatnya akuntabilitas kinerja dan keuangan",
]
# (sasaran, indikator, satuan, target, realisasi, capaian, realisasi 2022)
_CAPAIAN = [
    (0, "Persentase tahapan pemutakhiran data pemilih yang dilaksanakan sesuai jadwal", "%",
     "100", "100", "100,00", "100"),
    (0, "Jumlah laporan rekapitulasi data pemilih", "Laporan", "6", "6", "100,00", "12"),
    (1, "Jumlah kegiatan sosialisasi dan pendidikan pemilih", "Kegiatan", "20", "18", "90,00",
     "11"),
    (1, "Persentase badan adhoc yang dibentuk tepat waktu", "%", "100", "100", "100,00", "-"),
    (2, "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)", "Nilai", "95", "93,62", "98,85",
     "91,40"),
    (2, "Persentase laporan keuangan yang disusun tepat waktu", "%", "100", "100", "100,00",
     "100"),
]  # fmt: skip
# (kecamatan, TPS, laki-laki, perempuan, jumlah)
_DPT = [
    ("Wadaslintang", "162", "21.666", "21.191", "42.857"),
    ("Kepil", "198", "26.399", "26.201", "52.600"),
    ("Sapuran", "116", "15.473", "15.396", "30.869"),
    ("Kalibawang", "167", "22.646", "21.570", "44.216"),
    ("Kaliwiro", "231", "30.784", "30.400", "61.184"),
    ("Leksono", "113", "15.199", "14.786", "29.985"),
    ("Sukoharjo", "218", "29.185", "28.511", "57.696"),
    ("Selomerto", "153", "20.845", "19.753", "40.598"),
    ("Kalikajar", "205", "27.268", "27.122", "54.930"),
    ("Kertek", "164", "22.167", "21.180", "43.347"),
    ("Wonosobo", "172", "23.095", "22.387", "45.482"),
    ("Watumalang", "223", "30.341", "28.744", "59.085"),
    ("Mojotengah", "199", "26.996", "25.847", "52.843"),
    ("Garung", "170", "22.530", "22.401", "44.931"),
    ("Kejajar", "121", "16.253", "15.881", "32.134"),
]
_BELANJA = [
    ("3355", "Pengelolaan Keuangan dan BMN", "3.412.560.000", "3.356.218.430", "98,35"),
    ("3360", "Operasional Perkantoran", "1.086.400.000", "1.052.877.120", "96,91"),
    ("6634", "Pengelolaan Data dan Informasi", "214.300.000", "208.916.500", "97,49"),
    ("6709", "Perencanaan Program dan Anggaran", "187.500.000", "181.262.000", "96,67"),
    ("6867", "Pembentukan Badan Adhoc", "9.842.750.000", "9.615.430.000", "97,69"),
    ("6871", "Pemutakhiran Data Pemilih", "2.365.900.000", "2.287.143.600", "96,67"),
]
_ANALISIS = [
    (
        "Seluruh tahapan pemutakhiran data pemilih Tahun 2023 dilaksanakan sesuai jadwal, "
        "dari pencocokan dan penelitian sampai rekapitulasi DPT Pemilu 2024 pada 21 Juni "
        "2023, sebanyak 692.217 pemilih di 2.612 TPS. Laporan rekapitulasi disusun 6 kali, "
        "turun dari 12 laporan pemutakhiran data pemilih berkelanjutan pada Tahun 2022 karena "
        "rekapitulasi bulanan diganti tahapan pemutakhiran. Target akhir Renstra 2020-2024 "
        "untuk kedua indikator adalah 100% dan telah tercapai. Keberhasilan ini didukung "
        "kegiatan 6871 Pemutakhiran Data Pemilih dan kerja sama dengan Dinas Kependudukan dan "
        "Pencatatan Sipil Kabupaten Wonosobo."
    ),
    (
        "Kegiatan sosialisasi dan pendidikan pemilih terlaksana 18 dari 20 kegiatan, "
        "meningkat dari 11 kegiatan pada Tahun 2022. Dua kegiatan di sekolah tidak terlaksana "
        "karena berbenturan dengan ujian akhir semester; sebagai gantinya materi disampaikan "
        "melalui siaran radio dan media sosial, dan jadwal Tahun 2024 disusun bersama Dinas "
        "Pendidikan. Terhadap target akhir Renstra sebanyak 24 kegiatan capaiannya 75,00%. "
        "PPK dan PPS dibentuk tepat waktu dengan dukungan kegiatan 6867 Pembentukan Badan "
        "Adhoc."
    ),
    (
        "Nilai IKPA Tahun 2023 sebesar 93,62, naik dari 91,40 pada Tahun 2022 namun belum "
        "mencapai target 95, karena deviasi halaman III DIPA pada triwulan II akibat revisi "
        "anggaran badan adhoc. Upaya perbaikan adalah penyusunan rencana penarikan dana "
        "bulanan dan revisi halaman III DIPA tepat waktu. Laporan keuangan disusun tepat "
        "waktu, didukung kegiatan 3355 dan 3360. Efisiensi diperoleh dari penghematan belanja "
        "perjalanan dinas dan belanja langganan daya dan jasa."
    ),
]


def build_docx(path: Path) -> Path:
    """Write the report as DOCX at ``path``."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = WordDoc("Bookman Old Style", f"Laporan Kinerja Sekretariat {SATKER} Tahun 2023")
    para, heading, page_break = doc.para, doc.heading, doc.page_break

    def table(rows: list[list[str]], heads: int = 1, size: int = 9) -> Any:
        made = doc.table(rows, heads, size)
        _fit(made, [r for r in rows[heads - 1 :] if any(r[1:])])
        return made

    def sign() -> None:
        for line in (
            "Wonosobo, 15 Januari 2024",
            "Sekretaris KPU Kabupaten Wonosobo,",
            "",
            "Drs. AGUS PRASETYO NUGROHO, M.Si.",
            "NIP. 197205141998031004",
        ):
            para(line, WD_ALIGN_PARAGRAPH.RIGHT)

    doc.title(("LAPORAN KINERJA", "SEKRETARIAT KPU KABUPATEN WONOSOBO", "TAHUN 2023"))

    heading("KATA PENGANTAR")
    para(
        "Puji syukur kami panjatkan ke hadirat Allah SWT atas tersusunnya Laporan Kinerja "
        "Sekretariat KPU Kabupaten Wonosobo Tahun 2023. Laporan ini disusun berdasarkan "
        "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja "
        "Instansi Pemerintah dan Peraturan Menteri PANRB Nomor 53 Tahun 2014, sebagai "
        "wujud pertanggungjawaban Sekretariat KPU Kabupaten Banjarnegara atas pelaksanaan "
        "Perjanjian Kinerja Tahun 2023."
    )
    para(
        "Kami menyadari laporan ini masih jauh dari sempurna. Saran dan masukan untuk "
        "perbaikan laporan kinerja di masa mendatang sangat kami harapkan."
    )
    sign()
    page_break()

    heading("DAFTAR ISI")
    for line in (
        "KATA PENGANTAR",
        "IKHTISAR EKSEKUTIF",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
        "LAMPIRAN",
    ):
        para(line, WD_ALIGN_PARAGRAPH.LEFT)
    page_break()

    heading("IKHTISAR EKSEKUTIF")
    para(
        "Tahun 2023 merupakan tahun keempat pelaksanaan Rencana Strategis KPU Tahun "
        "2020-2024 dan tahun persiapan Pemilu 2024. Sekretariat KPU Kabupaten Wonosobo "
        "mengukur 6 (enam) indikator kinerja dari 3 (tiga) sasaran strategis; 4 (empat) "
        "indikator mencapai target 100%, sedangkan kegiatan sosialisasi mencapai 90,00% dan "
        "nilai IKPA sebesar 93,62 belum mencapai target 95."
    )
    para(
        "Daftar Pemilih Tetap Pemilu 2024 ditetapkan sebanyak 692.217 pemilih. Dari pagu "
        "anggaran Tahun 2023 sebesar Rp17.109.410.000 terealisasi Rp16.701.847.650 atau "
        "penyerapan anggaran sebesar 97,26%. Kendala utama adalah revisi anggaran honorarium "
        "badan adhoc yang menggeser rencana penarikan dana."
    )
    page_break()

    heading("BAB I\nPENDAHULUAN")
    heading("A. Latar Belakang", 2)
    para(
        "Kabupaten Wonosobo terdiri atas 15 (lima belas) kecamatan, 236 (dua ratus tiga puluh "
        "enam) desa dan 29 (dua puluh sembilan) kelurahan. Sekretariat KPU Kabupaten Wonosobo "
        "memberikan dukungan teknis dan administratif kepada KPU Kabupaten Wonosobo dalam "
        "penyelenggaraan Pemilu dan Pemilihan."
    )
    heading("B. Tugas dan Fungsi", 2)
    para(
        "Sekretariat KPU Kabupaten Wonosobo bertugas membantu penyusunan program dan anggaran "
        "Pemilu, memberikan dukungan teknis administratif, membantu pelaksanaan tugas KPU "
        "Kabupaten Wonosobo dalam menyelenggarakan Pemilu, dan membantu perumusan dan "
        "penyusunan rancangan keputusan KPU Kabupaten Wonosobo."
    )
    heading("C. Sumber Daya Manusia", 2)
    para(
        "Sekretariat KPU Kabupaten Wonosobo didukung oleh 15 (lima belas) orang PNS, 2 (dua) "
        "orang PPPK dan 10 (sepuluh) orang PPNPN. Komposisi PNS menurut golongan disajikan "
        "pada tabel berikut."
    )
    para("Tabel 1.1 PNS Menurut Golongan dan Jenis Kelamin")
    table(
        [
            ["Golongan", "Laki-laki", "Perempuan", "Jumlah"],
            ["IV", "1", "1", "2"],
            ["III", "5", "3", "8"],
            ["II", "3", "1", "4"],
            ["Jumlah", "9", "5", "14"],
        ]
    )
    heading("D. Permasalahan Utama", 2)
    para(
        "Permasalahan utama Tahun 2023 adalah beban kerja tahapan Pemilu 2024 yang meningkat "
        "tajam dengan jumlah pegawai yang terbatas, wilayah pegunungan yang menyulitkan "
        "distribusi dan pencocokan data pemilih, serta revisi anggaran badan adhoc."
    )
    page_break()

    heading("BAB II\nPERENCANAAN KINERJA")
    heading("A. Rencana Strategis", 2)
    para(
        "Sasaran strategis Sekretariat KPU Kabupaten Wonosobo mengacu pada Rencana Strategis "
        "KPU Tahun 2020-2024, yang dijabarkan dalam Rencana Kinerja Tahunan dan Perjanjian "
        "Kinerja Tahun 2023."
    )
    heading("B. Perjanjian Kinerja", 2)
    para(
        "Perjanjian Kinerja Tahun 2023 ditandatangani oleh Sekretaris KPU Kabupaten Wonosobo "
        "dan Ketua KPU Kabupaten Wonosobo pada tanggal 2 Januari 2023, dengan sasaran, "
        "indikator dan target sebagai berikut."
    )
    para("Tabel 2.1 Perjanjian Kinerja Tahun 2022")
    pk_rows = [["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]]
    for k, s in enumerate(_SASARAN):
        first = True
        for r in [r for r in _CAPAIAN if r[0] == k]:
            unit = "%" if r[2] == "%" else f" {r[2]}"
            pk_rows.append([str(k + 1) if first else "", s if first else "", r[1], r[3] + unit])
            first = False
    table(pk_rows)
    page_break()

    heading("BAB III\nAKUNTABILITAS KINERJA")
    heading("A. Capaian Kinerja Organisasi", 2)
    para(
        "Pengukuran kinerja membandingkan realisasi dengan target Perjanjian Kinerja Tahun "
        "2023. Capaian dihitung dengan rumus Realisasi dibagi Target dikali 100%."
    )
    for k, s in enumerate(_SASARAN):
        heading(f"Sasaran Strategis {k + 1}: {s}", 3)
        para(f"Tabel 3.{k + 1} Capaian Indikator Sasaran {k + 1} Tahun 2023")
        rows = [
            ["No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)",
             "Realisasi 2022"]
        ]  # fmt: skip
        for n, r in enumerate([r for r in _CAPAIAN if r[0] == k], 1):
            rows.append([str(n), r[1], r[2], r[3], r[4], r[5], r[6]])
        table(rows)
        para(_ANALISIS[k])

    para("Tabel 3.4 Rekapitulasi DPT Pemilu Tahun 2024 per Kecamatan")
    dpt_rows = [["No", "Kecamatan", "TPS", "Laki-laki", "Perempuan", "Jumlah"]]
    dpt_rows += [[str(n), *r] for n, r in enumerate(_DPT, 1)]
    dpt_rows.append(["", "Jumlah", "2.612", "350.847", "341.370", "692.217"])
    table(dpt_rows)

    heading("B. Realisasi Anggaran", 2)
    para(
        "Realisasi anggaran Sekretariat KPU Kabupaten Wonosobo Tahun 2023 yang digunakan untuk "
        "mewujudkan kinerja sesuai Perjanjian Kinerja disajikan per kegiatan sebagai berikut."
    )
    para("Tabel 3.5 Realisasi Anggaran per Kegiatan Tahun 2023")
    bud_rows = [["Kode", "Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "%"]]
    bud_rows += [list(r) for r in _BELANJA]
    bud_rows.append(["", "JUMLAH", "17.190.410.000", "16.701.847.650", "97,62"])
    table(bud_rows)
    page_break()

    heading("BAB IV\nPENUTUP")
    para(
        "Secara umum Sekretariat KPU Kabupaten Wonosobo Tahun 2023 telah melaksanakan "
        "Perjanjian Kinerja dengan baik: 4 dari 6 indikator mencapai target dan tahapan Pemilu "
        "2024 berjalan sesuai jadwal. Ke depan, Sekretariat akan memperbaiki perencanaan "
        "penarikan dana untuk menaikkan nilai IKPA dan menjadwalkan sosialisasi di luar masa "
        "ujian sekolah."
    )
    sign()
    page_break()

    heading("LAMPIRAN")
    para("1. Perjanjian Kinerja Tahun 2023", WD_ALIGN_PARAGRAPH.LEFT)
    para("2. Pernyataan Telah Direviu oleh Inspektorat Utama KPU", WD_ALIGN_PARAGRAPH.LEFT)
    para("3. Struktur Organisasi Sekretariat KPU Kabupaten Wonosobo", WD_ALIGN_PARAGRAPH.LEFT)
    return doc.save(path)


def to_text(docx_path: Path, outdir: Path) -> Path:
    """LibreOffice's own text export of ``docx_path`` (``--convert-to txt:Text``)."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("soffice not found: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory(prefix="lkj-soffice-") as profile:
        cmd = [
            exe,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(outdir),
            str(docx_path),
        ]
        env = {**os.environ, "HOME": profile}
        subprocess.run(cmd, capture_output=True, timeout=SOFFICE_TIMEOUT, env=env, check=True)
    out = outdir / (docx_path.stem + ".txt")
    if not out.exists():
        raise RuntimeError(f"soffice made no text of {docx_path}")
    return out


def make(outdir: Path) -> tuple[Path, Path]:
    """The DOCX and its LibreOffice text export, in ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    docx_path = build_docx(outdir / f"{NAME}.docx")
    return docx_path, to_text(docx_path, outdir)
