"""A KPU Provinsi Nusa Tenggara Barat 2023 LKj as Word's "Save as Plain Text" writes it.

Written by hand for round 8b of the unseen reports. Word's plain-text export (Windows line
ends, CR LF) writes a paragraph a line and a table row a line, its cells separated by tabs; a
cell holding more than one paragraph is wrapped in double quotes with the CR LF inside it, a
manual line break (Shift+Enter) stays as U+000B; a cell merged across columns is one cell,
one merged down leaves the rows below it empty. The layouts: an efficiency table per IKU
(capaian kinerja against serapan anggaran, "Tingkat Efisiensi" = capaian / serapan, as
DOMAIN §2.4), a trend table "Realisasi Tahun" over 2021 | 2022 | 2023 beside the Renstra
target, the DPB of the 10 kabupaten/kota per semester ("Semester I" and "Semester II" over
L | P | Jumlah), a budget per rincian output with "Sisa Anggaran" and "%".

Its figures add up except for the defects listed in ``tests/unseen/test_unseen_round8b.py``
(``NTB``), written before the reader was run on it. ``python -m
tests.unseen.wordtxt_nusa_tenggara_barat`` writes ``fixtures/lkj_2023_kpu_provinsi_ntb.txt``.
"""

from __future__ import annotations

from pathlib import Path

VT = "\x0b"  # a manual line break inside a cell, as Word keeps it


def _id(n: int) -> str:
    return f"{n:,}".replace(",", ".").replace("-", "-")


def _pct(a: float, b: float) -> str:
    return f"{a / b * 100:.2f}".replace(".", ",")


def _q(*paragraphs: str) -> str:
    """A cell of several paragraphs: quoted, CR LF between them."""
    return '"' + "\r\n".join(paragraphs) + '"'


# (kab/kota, semester I L, P, semester II L, P)
_DPB = [
    ("Kabupaten Lombok Barat", 256_114, 259_870, 257_903, 261_482),
    ("Kabupaten Lombok Tengah", 378_205, 391_644, 380_117, 393_920),
    ("Kabupaten Lombok Timur", 481_630, 500_912, 483_408, 503_275),
    ("Kabupaten Sumbawa", 184_733, 181_508, 185_620, 182_311),
    ("Kabupaten Dompu", 92_417, 91_366, 92_980, 91_874),
    ("Kabupaten Bima", 186_902, 188_445, 187_751, 189_230),
    ("Kabupaten Sumbawa Barat", 51_880, 50_127, 52_316, 50_548),
    ("Kabupaten Lombok Utara", 90_674, 92_018, 91_205, 92_633),
    ("Kota Mataram", 155_319, 159_702, 156_044, 160_587),
    ("Kota Bima", 55_126, 56_890, 55_473, 57_218),
]

# (kode, rincian output, pagu, realisasi)
_RO = [
    ("3360.EBA.994", "Layanan Perkantoran", 4_215_600_000, 4_102_371_500),
    ("3360.EBA.962", "Layanan Umum", 812_400_000, 786_115_300),
    ("6634.EBA.963", "Layanan Data dan Informasi", 356_200_000, 344_918_700),
    ("6709.QGE.001", "Perencanaan dan Penganggaran Pemilu", 1_284_500_000, 1_236_874_200),
    ("6709.QGE.004", "Sosialisasi dan Pendidikan Pemilih", 2_146_000_000, 2_004_793_200),
    ("6871.QGE.002", "Pemutakhiran dan Rekapitulasi Data Pemilih", 987_300_000, 951_744_600),
    # Planted: realisasi above its pagu (an overspent RO; its Sisa printed negative).
    ("6867.QGE.003", "Pembentukan dan Supervisi Badan Adhoc", 1_530_000_000, 1_542_450_000),
]

_SASARAN = [
    "Meningkatnya kualitas penyelenggaraan tahapan Pemilu Tahun 2024",
    "Meningkatnya partisipasi dan pendidikan pemilih",
    "Meningkatnya akuntabilitas kinerja dan pengelolaan keuangan",
]
# (sasaran, indikator, satuan, target, realisasi, capaian printed, r2021, r2022, renstra,
#  capaian thd renstra, RO of its budget)
_IKU = [
    (0, "Persentase tahapan Pemilu 2024 tingkat provinsi yang dilaksanakan sesuai jadwal",
     "%", "100", "100", "100,00", "100", "100", "100", "100,00", "6709.QGE.001"),
    (0, "Persentase KPU Kabupaten/Kota yang menetapkan DPT Pemilu 2024 tepat waktu", "%",
     "100", "100", "100,00", "-", "100", "100", "100,00", "6871.QGE.002"),
    (1, "Jumlah kegiatan sosialisasi dan pendidikan pemilih", "Kegiatan", "40", "36", "90,00",
     "24", "30", "45", "80,00", "6709.QGE.004"),
    (1, "Persentase DPB kabupaten/kota yang direkapitulasi tepat waktu", "%", "100", "100",
     "100,00", "100", "100", "100", "100,00", "6871.QGE.002"),
    (2, "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)", "Nilai", "95", "96,37",
     "101,44", "93,85", "95,12", "95", "101,44", "3360.EBA.994"),
    # Planted: 72,15 / 70 = 103,07, printed 103,70.
    (2, "Nilai Evaluasi Akuntabilitas Kinerja (SAKIP)", "Nilai", "70", "72,15", "103,70",
     "66,40", "69,08", "75", "96,20", "3360.EBA.962"),
]  # fmt: skip


def text() -> str:
    out: list[str] = []
    add = out.append
    ro = {code: (pagu, real) for code, _n, pagu, real in _RO}

    for line in ("LAPORAN KINERJA", "SEKRETARIAT KOMISI PEMILIHAN UMUM",
                 "PROVINSI NUSA TENGGARA BARAT", "TAHUN 2023", ""):  # fmt: skip
        add(line)
    add("KATA PENGANTAR")
    add(
        "Puji syukur kami panjatkan ke hadirat Allah SWT, Tuhan Yang Maha Esa, atas "
        "tersusunnya Laporan Kinerja Sekretariat KPU Provinsi Nusa Tenggara Barat Tahun 2023. "
        "Laporan ini disusun berdasarkan Peraturan Presiden Nomor 29 Tahun 2014 dan Peraturan "
        "Menteri PANRB Nomor 53 Tahun 2014 sebagai pertanggungjawaban atas Perjanjian Kinerja "
        "Tahun 2023."
    )
    add(
        "Laporan ini menyajikan capaian kinerja pada tahun keempat pelaksanaan Rencana "
        "Strategis KPU Tahun 2020-2024, sekaligus tahun tahapan Pemilu Serentak Tahun 2024 di "
        "10 (sepuluh) kabupaten/kota se-Nusa Tenggara Barat. Kami berharap laporan ini "
        "bermanfaat bagi pimpinan Sekretariat KPU Provinsi Bali dan seluruh pemangku "
        "kepentingan."
    )
    add("Mataram, 22 Februari 2024")
    add("Sekretaris KPU Provinsi Nusa Tenggara Barat,")
    add("")
    add("Drs. H. MARDIAH ISKANDAR, M.Si.")
    add("NIP. 196908141994031007")
    add("")
    add("IKHTISAR EKSEKUTIF")
    add(
        "Sekretariat KPU Provinsi Nusa Tenggara Barat menetapkan 3 (tiga) sasaran strategis "
        "dengan 6 (enam) indikator kinerja utama pada Perjanjian Kinerja Tahun 2023. "
        "Rata-rata capaian kinerja sebesar 98,09%, dengan 5 (lima) indikator mencapai target "
        "dan 1 (satu) indikator, jumlah kegiatan sosialisasi dan pendidikan pemilih, "
        "tercapai 90,00%. Kendala utama adalah padatnya tahapan Pemilu 2024."
    )
    add("")
    add("BAB I")
    add("PENDAHULUAN")
    add("A. Latar Belakang")
    add(
        "KPU Provinsi Nusa Tenggara Barat mengoordinasikan penyelenggaraan Pemilu di 10 "
        "(sepuluh) kabupaten/kota, 117 kecamatan dan 1.166 desa/kelurahan. Sekretariat "
        "didukung oleh 41 (empat puluh satu) orang PNS dan 24 (dua puluh empat) orang PPNPN."
    )
    add("B. Permasalahan Utama")
    add(
        "Isu strategis Tahun 2023 adalah beban tahapan Pemilu 2024 yang berjalan bersamaan "
        "dengan pemutakhiran data pemilih berkelanjutan, keterbatasan anggaran sosialisasi "
        "dan kondisi geografis kepulauan."
    )
    add("")
    add("BAB II")
    add("PERENCANAAN KINERJA")
    add("A. Rencana Strategis")
    add(
        "Sasaran strategis Sekretariat KPU Provinsi Nusa Tenggara Barat mengacu pada Rencana "
        "Strategis KPU Tahun 2015-2019 dan Rencana Kinerja Tahunan 2023."
    )
    add("B. Perjanjian Kinerja")
    add(
        "Perjanjian Kinerja Tahun 2023 ditandatangani oleh Sekretaris dan Ketua KPU Provinsi "
        "Nusa Tenggara Barat pada tanggal 2 Januari 2023 sebagai berikut:"
    )
    add("Tabel 2.1 Perjanjian Kinerja Tahun 2023")
    add("No\tSasaran Strategis\tIndikator Kinerja Utama\tTarget")
    last = -1
    for row in _IKU:
        s, ind, unit, target = row[0], row[1], row[2], row[3]
        no, sas = ("", "")
        if s != last:
            no, sas = str(s + 1), _SASARAN[s]
            if s == 0:  # Word kept the sasaran over two paragraphs in its cell
                sas = _q("Meningkatnya kualitas penyelenggaraan", "tahapan Pemilu Tahun 2024")
        last = s
        shown = f"{target}%" if unit == "%" else f"{target} {unit}"
        add(f"{no}\t{sas}\t{ind}\t{shown}")
    add("")
    add("BAB III")
    add("AKUNTABILITAS KINERJA")
    add("A. Capaian Kinerja Organisasi")
    add(
        "Capaian kinerja dihitung dengan rumus realisasi dibagi target dikali 100%. Capaian "
        "indikator kinerja utama Tahun 2023 sebagai berikut:"
    )
    add("Tabel 3.1 Capaian Indikator Kinerja Utama Tahun 2023")
    add(
        f"No\tSasaran Strategis\tIndikator Kinerja Utama\tSatuan\tTarget\tRealisasi\tCapaian{VT}(%)"
    )
    last = -1
    for row in _IKU:
        s, ind, unit, target, real, cap = row[:6]
        no, sas = ("", "")
        if s != last:
            no, sas = str(s + 1), _SASARAN[s]
        last = s
        add(f"{no}\t{sas}\t{ind}\t{unit}\t{target}\t{real}\t{cap}")
    add("")
    add(
        "Perbandingan realisasi Tahun 2023 dengan tahun-tahun sebelumnya dan dengan target "
        "akhir Renstra Tahun 2024 sebagai berikut:"
    )
    add("Tabel 3.2 Perbandingan Realisasi Tahun 2021-2023 dan Target Renstra")
    add("No\tIndikator Kinerja Utama\tRealisasi Tahun\tTarget Renstra 2024\t"
        + _q("Capaian terhadap", "Renstra (%)"))  # fmt: skip
    add("\t\t2021\t2022\t2023\t\t")
    for k, row in enumerate(_IKU, 1):
        ind, real, r21, r22, ren, cren = row[1], row[4], row[6], row[7], row[8], row[9]
        add(f"{k}\t{ind}\t{r21}\t{r22}\t{real}\t{ren}\t{cren}")
    add("")
    add("Sasaran Strategis 1: Meningkatnya kualitas penyelenggaraan tahapan Pemilu Tahun 2024")
    add(
        "Seluruh tahapan Pemilu 2024 tingkat provinsi Tahun 2023 dilaksanakan sesuai jadwal, "
        "sama dengan Tahun 2022 sebesar 100%, dan seluruh KPU Kabupaten/Kota menetapkan DPT "
        "pada 21 Juni 2023. Target akhir Renstra sebesar 100% telah tercapai. Keberhasilan "
        "didukung oleh kegiatan 6709 Perencanaan Program dan kegiatan 6871 Pemutakhiran Data "
        "Pemilih."
    )
    add("Sasaran Strategis 2: Meningkatnya partisipasi dan pendidikan pemilih")
    add(
        "Kegiatan sosialisasi dan pendidikan pemilih terlaksana 36 dari 40 kegiatan, naik "
        "dari 30 kegiatan pada Tahun 2022. Empat kegiatan tidak terlaksana karena "
        "pengurangan anggaran sosialisasi pada revisi DIPA; sebagai solusi, sosialisasi "
        "dialihkan ke media sosial dan siaran radio. Capaian terhadap target akhir Renstra "
        "sebanyak 45 kegiatan baru 80,00%. Rekapitulasi DPB kabupaten/kota per semester "
        "sebagai berikut:"
    )
    add("Tabel 3.3 Rekapitulasi Daftar Pemilih Berkelanjutan Tahun 2023")
    add("No\tKabupaten/Kota\tSemester I\tSemester II")
    add("\t\tL\tP\tJumlah\tL\tP\tJumlah")
    tot = [0, 0, 0, 0]
    for k, (name, l1, p1, l2, p2) in enumerate(_DPB, 1):
        tot = [tot[0] + l1, tot[1] + p1, tot[2] + l2, tot[3] + p2]
        shown = name if k != 3 else _q("Kabupaten", "Lombok Timur")
        add(
            f"{k}\t{shown}\t{_id(l1)}\t{_id(p1)}\t{_id(l1 + p1)}\t"
            f"{_id(l2)}\t{_id(p2)}\t{_id(l2 + p2)}"
        )
    # Planted: the Semester II Jumlah printed 3.941.845; its L, P and rows give 3.925.895.
    assert _id(tot[2] + tot[3]) == "3.925.895", _id(tot[2] + tot[3])
    add(f"\tJumlah\t{_id(tot[0])}\t{_id(tot[1])}\t{_id(tot[0] + tot[1])}\t{_id(tot[2])}\t"
        f"{_id(tot[3])}\t3.941.845")  # fmt: skip
    add("")
    add("Sasaran Strategis 3: Meningkatnya akuntabilitas kinerja dan pengelolaan keuangan")
    add(
        "Nilai IKPA Tahun 2023 sebesar 96,37, naik dari 95,12 pada Tahun 2022, di atas "
        "standar nasional Kementerian Keuangan sebesar 95. Nilai evaluasi SAKIP naik dari "
        "69,08 menjadi 72,15 (predikat BB). Capaian didukung oleh kegiatan 3360 Dukungan "
        "Operasional Perkantoran."
    )
    add("Analisis Efisiensi Penggunaan Sumber Daya")
    add(
        "Tingkat efisiensi dihitung sebagai perbandingan capaian kinerja dengan serapan "
        "anggaran rincian output yang mendukungnya; nilai 1 atau lebih berarti efisien."
    )
    add("Tabel 3.4 Tingkat Efisiensi per Indikator Kinerja Utama")
    add(f"No\tIndikator Kinerja Utama\tCapaian Kinerja (%)\tSerapan{VT}Anggaran (%)\t"
        "Tingkat Efisiensi\tKeterangan")  # fmt: skip
    for k, row in enumerate(_IKU, 1):
        ind, cap, code = row[1], row[5], row[10]
        capv = float(cap.replace(",", "."))
        if k == 6:
            capv = 103.07  # the efficiency uses the right capaian
            cap = "103,07"
        pagu, real = ro[code]
        ser = real / pagu * 100
        ie = capv / float(f"{ser:.2f}")
        # Planted: the sosialisasi IKU (capaian 90,00, IE 0,96) is called "Efisien".
        note = "Efisien" if ie >= 1 or k == 3 else "Tidak Efisien"
        add(f"{k}\t{ind}\t{cap}\t{_pct(real, pagu)}\t{ie:.2f}".replace(".", ",") + f"\t{note}")
    add("")
    add("B. Realisasi Anggaran")
    add(
        "Pagu anggaran Sekretariat KPU Provinsi Nusa Tenggara Barat Tahun 2023 (DIPA) per "
        "rincian output dan realisasinya sebagai berikut:"
    )
    add("Tabel 3.5 Realisasi Anggaran per Rincian Output Tahun 2023")
    add("No\tKode\tRincian Output\tPagu (Rp)\tRealisasi (Rp)\tSisa Anggaran (Rp)\t%")
    tp = tr = 0
    for k, (code, name, pagu, real) in enumerate(_RO, 1):
        tp, tr = tp + pagu, tr + real
        shown = name if k != 4 else _q("Perencanaan dan Penganggaran", "Pemilu")
        add(
            f"{k}\t{code}\t{shown}\t{_id(pagu)}\t{_id(real)}\t"
            f"{_id(pagu - real)}\t{_pct(real, pagu)}"
        )
    add(f"\t\tJumlah\t{_id(tp)}\t{_id(tr)}\t{_id(tp - tr)}\t{_pct(tr, tp)}")
    add("")
    add(
        f"Realisasi anggaran Tahun 2023 sebesar Rp{_id(tr)},- atau {_pct(tr, tp)}% dari pagu "
        f"Rp{_id(tp)},-. Sisa anggaran berasal dari efisiensi perjalanan dinas."
    )
    add("")
    add("BAB IV")
    add("PENUTUP")
    add(
        "Sekretariat KPU Provinsi Nusa Tenggara Barat Tahun 2023 mencapai rata-rata capaian "
        f"kinerja 99,09% dengan penyerapan anggaran {_pct(tr, tp)}%. Ke depan, kegiatan "
        "sosialisasi akan direncanakan sejak awal tahun dengan anggaran yang memadai."
    )
    add("Mataram, 22 Februari 2024")
    add("Sekretaris KPU Provinsi Nusa Tenggara Barat,")
    add("")
    add("Drs. H. MARDIAH ISKANDAR, M.Si.")
    add("NIP. 196908141994031007")
    add("")
    add("LAMPIRAN")
    add("1. Perjanjian Kinerja Tahun 2023")
    add("2. Pernyataan Telah Direviu oleh Inspektorat Utama KPU")
    return "\r\n".join(out) + "\r\n"


if __name__ == "__main__":
    path = Path(__file__).parent / "fixtures" / "lkj_2023_kpu_provinsi_ntb.txt"
    path.write_bytes(text().encode("utf-8"))
    print(path)
