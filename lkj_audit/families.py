"""What each finding family means, in the auditor's words (shown in the notebook and HTML)."""

from __future__ import annotations

FAMILY_TEXT: dict[str, str] = {
    "arithmetic": (
        "Angka jumlah atau persentase yang tercetak tidak sama dengan hasil hitung ulang "
        "dari rinciannya (penjumlahan ke bawah, persentase realisasi/pagu, capaian "
        "realisasi/target). Toleransi mengikuti ketelitian angka yang tercetak."
    ),
    "cross_table": (
        "Hal yang sama (kode output, indikator, jumlah yang disebut) berbeda antara dua "
        "tempat di laporan, misalnya tabel capaian dan tabel anggaran, atau teks dan tabel."
    ),
    "narrative": (
        "Uraian dalam teks (Ikhtisar, Penutup, penjelasan sasaran) tidak didukung oleh angka "
        "di tabel, misalnya klaim 100% atau kategori 'sangat baik' yang tidak sesuai skala."
    ),
    "period": (
        "Tahun atau periode yang disebut tidak sesuai dengan tahun laporan atau periode "
        "Renstra, biasanya karena teks disalin dari laporan tahun lain."
    ),
    "identity": (
        "Laporan menyebut satker, kabupaten/kota atau provinsi lain seolah-olah satker "
        "pelapor, biasanya karena teks disalin dari laporan satker lain."
    ),
    "structure": (
        "Bab, subbab, tabel atau penomoran yang diwajibkan format PermenPANRB 53/2014 tidak "
        "ada, tidak berurutan, atau ganda; daftar isi tidak sesuai isi."
    ),
    "completeness": (
        "Nilai atau analisis yang wajib ada tidak dicantumkan: realisasi kosong, target "
        "tidak ada, analisis perbandingan atau efisiensi tidak ditemukan."
    ),
    "plausibility": (
        "Angka konsisten tetapi tidak mungkin atau mencurigakan: realisasi melebihi pagu, "
        "satuan tidak cocok, skala penilaian bercelah, NIP tidak valid, format angka campuran."
    ),
}

# The severity policy (issue 9.4), stated in the catalogue (docs/rules.md). Precision first:
# a finding the report cannot prove (a plausibility range, a wording match) is never an error.
SEVERITY_POLICY: dict[str, str] = {
    "error": (
        "angka atau klaim yang terbukti salah oleh tabel atau angka laporan itu sendiri "
        "(hitung ulang, tabel lain, kalimat yang sama); identitas satker lain; indikator "
        "Perjanjian Kinerja yang sama sekali tidak diukur"
    ),
    "warning": (
        "isi wajib yang tidak ada; ketidaksesuaian yang tidak mengubah hasil yang dilaporkan "
        "(periode Renstra usang dalam teks baku, kata kategori yang tidak sesuai skala); "
        "angka yang janggal tetapi tidak terbukti salah oleh laporan"
    ),
    "info": (
        "kosmetik (nomor halaman di daftar isi, huruf subbab, gelar dibanding pendidikan, "
        '"(0%)" tanpa nilai); petunjuk bagi reviewer yang tidak menyatakan kesalahan'
    ),
}

# The clauses a rule cites in its ``severity_reason`` ("clause: why; clause: why"), each
# belonging to one severity; the first clause is the rule's own severity, the others are the
# per-finding cases the rule declares.
SEVERITY_CLAUSES: dict[str, tuple[str, str]] = {
    "disproved": ("error", "angka atau klaim yang terbukti salah oleh angka laporan sendiri"),
    "other-satker": ("error", "identitas satker lain"),
    "pk-unmeasured": ("error", "indikator Perjanjian Kinerja yang sama sekali tidak diukur"),
    "missing": ("warning", "isi wajib yang tidak ada"),
    "inconsistent": ("warning", "ketidaksesuaian yang tidak mengubah hasil yang dilaporkan"),
    "unproven": ("warning", "janggal atau diduga salah, tetapi tidak terbukti oleh laporan"),
    "cosmetic": ("info", "kosmetik: penulisan, penomoran, tata letak"),
    "hint": ("info", "petunjuk bagi reviewer, bukan kesalahan laporan"),
}
