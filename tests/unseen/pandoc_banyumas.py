"""A KPU Kabupaten Banyumas 2023 LKj written in Word (python-docx), read as ``pandoc -t plain``.

Written by hand for round 8b of the unseen reports, in the form a text-extraction pipeline
gives a DOCX: ``pandoc -t plain report.docx`` (pandoc 3.9, from the ``pypandoc_binary``
wheel), its defaults as a user leaves them: prose wrapped at 72 columns, tables drawn as
simple tables (``-----`` rules under the header, cells aligned by spaces) or, where a cell
wraps or spans, as grid tables (``+----+`` borders, ``|`` between cells, a cell's text
wrapped over several lines inside its box). The PK table merges each sasaran cell over its
indicators; the capaian table has a long Indikator column.

The text pandoc wrote is kept as ``fixtures/lkj_2023_kpu_kab_banyumas.txt`` (``make``
rebuilds it). Its figures add up except for the defects listed in
``tests/unseen/test_unseen_round8b.py`` (``BANYUMAS``), written before the reader was run.
"""

from __future__ import annotations

from pathlib import Path

SATKER = "KPU Kabupaten Banyumas"

_KECAMATAN = [
    "Lumbir", "Wangon", "Jatilawang", "Rawalo", "Kebasen", "Kemranjen", "Sumpiuh",
    "Tambak", "Somagede", "Kalibagor", "Banyumas", "Patikraja", "Purwojati", "Ajibarang",
    "Gumelar", "Pekuncen", "Cilongok", "Karanglewas", "Kedungbanteng", "Baturraden",
    "Sumbang", "Kembaran", "Sokaraja", "Purwokerto Selatan", "Purwokerto Barat",
    "Purwokerto Timur", "Purwokerto Utara",
]  # fmt: skip


def _dpt() -> list[tuple[str, int, int]]:
    """DPT Pemilu 2024 per kecamatan (L, P), made up but of Banyumas' size."""
    rows = []
    for k, name in enumerate(_KECAMATAN):
        lk = 19_000 + (k * 7_919) % 21_000 + (k * 37) % 100
        pr = lk + ((k * 523) % 1_400) - 500
        rows.append((name, lk, pr))
    return rows


def _id(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _pct(a: float, b: float) -> str:
    return f"{a / b * 100:.2f}".replace(".", ",")


# (kode, uraian, pagu, realisasi, level) level 0 program, 1 kegiatan, 2 RO
_BUDGET = [
    ("076.01.WA", "Program Dukungan Manajemen", 0),
    ("3360", "Dukungan Operasional Perkantoran", 1),
    ("3360.EBA.994", "Layanan Perkantoran", 2, 1_486_200_000, 1_452_318_400),
    ("3360.EBA.962", "Layanan Umum", 2, 268_500_000, 259_104_750),
    ("6634", "Pengelolaan Data dan Informasi", 1),
    ("6634.EBA.963", "Layanan Data dan Informasi", 2, 142_600_000, 138_911_200),
    ("076.01.CQ", "Program Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi", 0),
    ("6709", "Perencanaan Program dan Anggaran", 1),
    ("6709.QGE.001", "Perencanaan dan Penganggaran Pemilu", 2, 312_450_000, 301_226_900),
    ("6709.QGE.004", "Sosialisasi dan Pendidikan Pemilih", 2, 584_000_000, 566_482_000),
    ("6871", "Pemutakhiran Data Pemilih", 1),
    ("6871.QGE.002", "Pemutakhiran Data Pemilih Berkelanjutan", 2, 1_125_800_000, 1_104_614_300),
    ("6867", "Pembentukan Badan Adhoc", 1),
    ("6867.QGE.003", "Honorarium Badan Adhoc PPK dan PPS", 2, 9_874_500_000, 9_712_036_500),
]  # fmt: skip


def _budget_rows() -> list[list[str]]:
    """Program and kegiatan rows carry the sums of their ROs; the JUMLAH the grand total."""
    out: list[list[str]] = []
    sums: dict[str, tuple[int, int]] = {}
    for row in _BUDGET:
        if row[2] == 2:
            code, pagu, real = row[0], row[3], row[4]
            keg, prog = code[:4], "076.01.WA" if code[:4] in ("3360", "6634") else "076.01.CQ"
            for key in (keg, prog, "total"):
                p, r = sums.get(key, (0, 0))
                sums[key] = (p + pagu, r + real)
    for row in _BUDGET:
        code, name = row[0], row[1]
        pagu, real = (row[3], row[4]) if row[2] == 2 else sums[code]
        out.append([code, name, _id(pagu), _id(real), _pct(real, pagu)])
    pagu, real = sums["total"]
    # Planted: the grand total's pagu printed 13.749.050.000 (the rows give 13.794.050.000);
    # its % is still realisasi / the right pagu.
    assert _id(pagu) == "13.794.050.000"
    out.append(["", "JUMLAH", "13.749.050.000", _id(real), _pct(real, pagu)])
    return out


_PK = [
    ("Meningkatnya kualitas data pemilih berkelanjutan", [
        ("Persentase rekapitulasi DPB yang ditetapkan tepat waktu", "100%"),
        ("Jumlah laporan pemutakhiran data pemilih berkelanjutan", "12 Laporan"),
    ]),
    ("Terselenggaranya tahapan Pemilu Tahun 2024 sesuai jadwal", [
        ("Persentase tahapan Pemilu 2024 yang dilaksanakan sesuai jadwal", "100%"),
        ("Jumlah kegiatan sosialisasi dan pendidikan pemilih", "24 Kegiatan"),
        ("Persentase badan adhoc yang dibentuk tepat waktu", "100%"),
    ]),
    ("Meningkatnya akuntabilitas kinerja dan pengelolaan keuangan", [
        ("Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)", "95"),
        ("Persentase laporan keuangan yang disusun tepat waktu", "100%"),
    ]),
]  # fmt: skip

# (indikator, target, realisasi, capaian printed, kategori)
_CAPAIAN = [
    ("Persentase rekapitulasi DPB yang ditetapkan tepat waktu", "100%", "100%", "100,00", "Baik"),
    ("Jumlah laporan pemutakhiran data pemilih berkelanjutan", "12 Laporan", "12 Laporan",
     "100,00", "Baik"),
    ("Persentase tahapan Pemilu 2024 yang dilaksanakan sesuai jadwal", "100%", "100%", "100,00",
     "Baik"),
    # Planted: 22 / 24 = 91,67, printed 96,17.
    ("Jumlah kegiatan sosialisasi dan pendidikan pemilih", "24 Kegiatan", "22 Kegiatan", "96,17",
     "Baik"),
    ("Persentase badan adhoc yang dibentuk tepat waktu", "100%", "100%", "100,00", "Baik"),
    ("Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA)", "95", "97,14", "102,25",
     "Sangat Baik"),
    ("Persentase laporan keuangan yang disusun tepat waktu", "100%", "100%", "100,00", "Baik"),
]  # fmt: skip


def build(path: Path) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    d.styles["Normal"].font.name = "Arial"
    d.styles["Normal"].font.size = Pt(11)

    def para(text: str) -> None:
        d.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    def head(text: str, level: int = 1) -> None:
        d.add_heading(text, level=level)

    def table(rows: list[list[str]]) -> object:
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = "Table Grid"
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                t.cell(r, c).text = text
                if r == 0:
                    t.cell(r, c).paragraphs[0].runs[0].bold = True
        return t

    for line in ("LAPORAN KINERJA", "SEKRETARIAT KPU KABUPATEN BANYUMAS", "TAHUN 2023"):
        p = d.add_paragraph(line, style="Title")
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    head("KATA PENGANTAR")
    para(
        "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa atas tersusunnya Laporan "
        "Kinerja Sekretariat KPU Kabupaten Banyumas Tahun 2023. Laporan ini disusun "
        "berdasarkan Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas "
        "Kinerja Instansi Pemerintah dan Peraturan Menteri PANRB Nomor 53 Tahun 2014 sebagai "
        "wujud pertanggungjawaban atas Perjanjian Kinerja Tahun 2023."
    )
    para(
        "Laporan Kinerja Sekretariat KPU Kabupaten Purbalingga Tahun 2023 ini memuat capaian "
        "sasaran strategis pada tahun keempat pelaksanaan Rencana Strategis KPU Tahun "
        "2020-2024, tahun berjalannya tahapan Pemilu Tahun 2024. Kami menyadari laporan ini "
        "masih jauh dari sempurna; kritik dan saran kami harapkan untuk perbaikan ke depan."
    )
    para("Purwokerto, 26 Februari 2024")
    para("Sekretaris KPU Kabupaten Banyumas,")
    para("SUGENG RIYADI, S.Sos., M.M.")
    para("NIP. 197105121998031006")

    head("IKHTISAR EKSEKUTIF")
    para(
        "Sekretariat KPU Kabupaten Banyumas menetapkan 3 (tiga) sasaran strategis dengan 7 "
        "(tujuh) indikator kinerja dalam Perjanjian Kinerja Tahun 2023. Rata-rata capaian "
        "kinerja Tahun 2023 sebesar 99,13% dengan 6 (enam) indikator mencapai target dan 1 "
        "(satu) indikator, jumlah kegiatan sosialisasi dan pendidikan pemilih, belum mencapai "
        "target. Realisasi anggaran sebesar Rp13.534.694.050,- dari pagu Rp13.794.050.000,- "
        "atau 98,12%. Kendala utama adalah padatnya jadwal tahapan Pemilu 2024 yang "
        "beririsan dengan kegiatan sosialisasi."
    )

    head("BAB I PENDAHULUAN")
    head("A. Latar Belakang", 2)
    para(
        "KPU Kabupaten Banyumas menyelenggarakan Pemilu di 27 (dua puluh tujuh) kecamatan "
        "dan 331 (tiga ratus tiga puluh satu) desa/kelurahan. Tahun 2023 adalah tahun "
        "tahapan Pemilu Serentak Tahun 2024: pemutakhiran data pemilih, pencalonan, "
        "pembentukan badan adhoc dan kampanye."
    )
    head("B. Tugas dan Fungsi", 2)
    para(
        "Sekretariat KPU Kabupaten Banyumas bertugas memberikan dukungan teknis dan "
        "administratif kepada KPU Kabupaten Banyumas dalam penyelenggaraan Pemilu."
    )
    head("C. Sumber Daya Manusia", 2)
    para(
        "Sekretariat KPU Kabupaten Banyumas pada Tahun 2023 didukung oleh 22 (dua puluh dua) "
        "orang PNS dan 9 (sembilan) orang PPNPN. Komposisi PNS menurut golongan sebagai "
        "berikut:"
    )
    para("Tabel 1.1 Jumlah PNS Menurut Golongan dan Jenis Kelamin")
    table(
        [
            ["Golongan", "Laki-laki", "Perempuan", "Jumlah"],
            ["IV", "1", "0", "1"],
            ["III", "8", "6", "14"],
            ["II", "3", "2", "5"],
            ["I", "1", "0", "1"],
            ["Jumlah", "13", "8", "21"],
        ]
    )
    head("D. Permasalahan Utama", 2)
    para(
        "Isu strategis Tahun 2023 adalah beban tahapan Pemilu 2024 yang berjalan bersamaan "
        "dengan pemutakhiran data pemilih berkelanjutan, keterbatasan jumlah pegawai dan "
        "luasnya wilayah kerja."
    )

    head("BAB II PERENCANAAN KINERJA")
    head("A. Rencana Strategis", 2)
    para(
        "Rencana Strategis Sekretariat KPU Kabupaten Banyumas mengacu pada Rencana Strategis "
        "KPU Tahun 2020-2024. Tahun 2023 adalah tahun keempat pelaksanaannya."
    )
    head("B. Perjanjian Kinerja", 2)
    para(
        "Perjanjian Kinerja Tahun 2023 ditandatangani oleh Sekretaris dan Ketua KPU "
        "Kabupaten Banyumas pada tanggal 3 Januari 2023, sebagai berikut:"
    )
    para("Tabel 2.1 Perjanjian Kinerja Tahun 2022")
    rows = [["No", "Sasaran Strategis", "Indikator Kinerja", "Target"]]
    spans = []
    for k, (sasaran, items) in enumerate(_PK, 1):
        first = len(rows)
        for j, (ind, target) in enumerate(items):
            rows.append([str(k) if j == 0 else "", sasaran if j == 0 else "", ind, target])
        spans.append((first, len(rows) - 1))
    t = table(rows)
    for a, b in spans:  # the No and Sasaran cells merged over their indicators
        for c in (0, 1):
            if b > a:
                text = t.cell(a, c).text
                merged = t.cell(a, c).merge(t.cell(b, c))
                merged.text = text

    head("BAB III AKUNTABILITAS KINERJA")
    head("A. Capaian Kinerja Organisasi", 2)
    para(
        "Capaian kinerja dihitung dengan membandingkan realisasi dengan target (realisasi / "
        "target x 100%) dan dinilai dengan skala berikut:"
    )
    para("Tabel 3.1 Skala Penilaian Capaian Kinerja")
    table(
        [
            ["Capaian", "Kategori"],
            ["> 100%", "Sangat Baik"],
            ["> 75% - 100%", "Baik"],
            ["55% - 75%", "Cukup Baik"],
            ["< 55%", "Gagal"],
        ]
    )
    para("Capaian indikator kinerja Tahun 2023 sebagai berikut:")
    para("Tabel 3.2 Capaian Indikator Kinerja Tahun 2023")
    rows = [["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)", "Kategori"]]
    for k, (ind, t_, r_, c_, cat) in enumerate(_CAPAIAN, 1):
        rows.append([str(k), ind, t_, r_, c_, cat])
    table(rows)

    head("Sasaran Strategis 1: Meningkatnya kualitas data pemilih berkelanjutan", 3)
    para(
        "Rekapitulasi DPB ditetapkan setiap bulan tepat waktu dan dilaporkan sebanyak 12 "
        "laporan, sama dengan capaian Tahun 2022 sebesar 100%. Target akhir Renstra Tahun 2024 "
        "sebesar 100% telah tercapai. Keberhasilan didukung oleh kegiatan 6871 Pemutakhiran "
        "Data Pemilih dan koordinasi dengan Dinas Kependudukan dan Pencatatan Sipil. Hasil "
        "pemutakhiran menjadi dasar Daftar Pemilih Tetap Pemilu Tahun 2024 sebagai berikut:"
    )
    para("Tabel 3.3 Daftar Pemilih Tetap Pemilu Tahun 2024 per Kecamatan")
    rows = [["No", "Kecamatan", "Laki-laki", "Perempuan", "Jumlah"]]
    tl = tp = 0
    for k, (name, lk, pr) in enumerate(_dpt(), 1):
        tl, tp = tl + lk, tp + pr
        total = lk + pr
        if name == "Sumbang":  # planted: L + P = 61.000, printed 61.600
            assert _id(total) == "61.000", _id(total)
            rows.append([str(k), name, _id(lk), _id(pr), "61.600"])
        else:
            rows.append([str(k), name, _id(lk), _id(pr), _id(total)])
    rows.append(["", "Jumlah", _id(tl), _id(tp), _id(tl + tp)])
    table(rows)

    head("Sasaran Strategis 2: Terselenggaranya tahapan Pemilu Tahun 2024 sesuai jadwal", 3)
    para(
        "Seluruh tahapan Pemilu 2024 Tahun 2023 dan pembentukan PPK serta PPS dilaksanakan "
        "sesuai jadwal. Kegiatan sosialisasi dan pendidikan pemilih terlaksana 22 dari 24 "
        "kegiatan, meningkat dibandingkan Tahun 2022 yang terlaksana 18 dari 20 kegiatan "
        "(90,00%). Dua kegiatan tidak terlaksana karena bertepatan dengan jadwal pencalonan "
        "anggota DPRD; sebagai solusi, materinya digabungkan dengan sosialisasi tahapan "
        "kampanye. Target akhir Renstra Tahun 2024 sebanyak 30 kegiatan. Capaian didukung oleh "
        "kegiatan 6709 Sosialisasi dan Pendidikan Pemilih dan kegiatan 6867 Pembentukan Badan "
        "Adhoc."
    )
    head("Sasaran Strategis 3: Meningkatnya akuntabilitas kinerja dan pengelolaan keuangan", 3)
    para(
        "Nilai IKPA Tahun 2023 sebesar 97,14, naik dari 95,86 pada Tahun 2022 dan di atas "
        "standar nasional Kementerian Keuangan sebesar 95. Laporan keuangan disusun tepat "
        "waktu. Capaian didukung oleh kegiatan 3360 Dukungan Operasional Perkantoran. "
        "Efisiensi penggunaan sumber daya tercermin dari capaian IKPA 102,25% dengan "
        "penyerapan anggaran 97,53% pada kegiatan 3360."
    )

    head("B. Realisasi Anggaran", 2)
    para("Realisasi anggaran Tahun 2023 per program, kegiatan dan rincian output:")
    para("Tabel 3.4 Realisasi Anggaran Tahun 2023")
    table([["Kode", "Program / Kegiatan / Rincian Output", "Pagu (Rp)", "Realisasi (Rp)", "%"]]
          + _budget_rows())  # fmt: skip
    para(
        "Sisa anggaran terutama berasal dari efisiensi perjalanan dinas dan honorarium badan adhoc."
    )

    head("BAB IV PENUTUP")
    para(
        "Sekretariat KPU Kabupaten Banyumas Tahun 2023 mencapai rata-rata capaian kinerja "
        "99,13% dengan penyerapan anggaran sebesar 98,57%. Ke depan, jadwal sosialisasi akan "
        "disusun lebih awal agar tidak berbenturan dengan tahapan Pemilu."
    )
    para("Purwokerto, 26 Februari 2024")
    para("Sekretaris KPU Kabupaten Banyumas,")
    para("SUGENG RIYADI, S.Sos., M.M.")
    para("NIP. 197105121998031006")

    head("LAMPIRAN")
    para("1. Perjanjian Kinerja Tahun 2023")
    para("2. Pernyataan Telah Direviu oleh Inspektorat Utama KPU")
    d.save(str(path))
    return path


def make(outdir: Path) -> tuple[Path, Path]:
    """The DOCX and the text ``pandoc -t plain`` gives of it, in ``outdir``."""
    import pypandoc

    outdir.mkdir(parents=True, exist_ok=True)
    docx_path = build(outdir / "lkj_2023_kpu_kab_banyumas.docx")
    text = outdir / "lkj_2023_kpu_kab_banyumas.txt"
    pypandoc.convert_file(str(docx_path), "plain", outputfile=str(text))
    return docx_path, text


if __name__ == "__main__":
    import sys

    print(make(Path(sys.argv[1] if len(sys.argv) > 1 else "."))[1])
