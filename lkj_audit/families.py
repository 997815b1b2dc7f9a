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

SEVERITY_POLICY: dict[str, str] = {
    "error": "angka atau klaim yang terbukti salah",
    "warning": "isi wajib yang tidak ada atau sangat mungkin salah",
    "info": "untuk diperhatikan reviewer",
}
