"""What an auditor reads when the audit cannot proceed: a reason and what to do, in Bahasa.

Exceptions carry the English technical detail (kept in ``batch.json`` and shown by
``--debug``); this module is the one place that turns an error *class* into the Bahasa
Indonesia explanation shown first by ``check``/``run`` and in the batch index. A class
without its own entry uses its nearest ancestor's; an unknown class the generic entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from lkj_audit import errors as e


@dataclass(frozen=True, slots=True)
class Advice:
    """Why the report could not be audited, and what the auditor can do about it."""

    reason: str
    action: str

    def line(self) -> str:
        """Reason and action as one sentence pair."""
        return f"{self.reason} {self.action}"


_REREAD = "Simpan ulang laporan dari dokumen aslinya, atau sediakan hasil ekstraksi teks (.txt)."
MESSAGES: dict[type[BaseException], Advice] = {
    e.LkjAuditError: Advice(
        "Audit tidak dapat dilanjutkan.",
        "Jalankan ulang dengan --debug untuk rincian teknis dan sampaikan kepada pengelola.",
    ),
    e.InputFileError: Advice("Berkas laporan tidak dapat dibaca.", _REREAD),
    e.ReportNotFoundError: Advice(
        "Berkas laporan tidak ditemukan.",
        "Periksa nama dan lokasi berkas (.txt, .pdf atau .docx).",
    ),
    e.UnsupportedFormatError: Advice(
        "Jenis berkas ini tidak didukung.",
        "Gunakan laporan dalam bentuk .txt (ekstraksi teks), .pdf atau .docx.",
    ),
    e.EmptyReportError: Advice(
        "Berkas laporan kosong: tidak ada teks yang dapat dibaca.",
        "Periksa apakah berkas yang benar yang diserahkan, lalu serahkan ulang.",
    ),
    e.BinaryFileError: Advice(
        "Berkas ini bukan teks, meskipun namanya berakhiran .txt.",
        "Serahkan hasil ekstraksi teks yang benar, atau berkas .pdf/.docx aslinya.",
    ),
    e.NotAReportError: Advice(
        "Berkas ini tidak berbentuk Laporan Kinerja (tidak ada BAB maupun tabel).",
        "Pastikan berkas yang diserahkan adalah LKj satker yang dimaksud.",
    ),
    e.NoTextLayerError: Advice(
        "PDF ini tidak memiliki teks yang dapat dibaca (hasil pindai atau huruf tanpa pemetaan).",
        "Jalankan OCR terlebih dahulu (misalnya ocrmypdf) atau sediakan berkas .docx/.txt.",
    ),
    e.DamagedFileError: Advice(
        "Berkas PDF/DOCX rusak, terkunci kata sandi, atau bukan format yang disebutkan.",
        "Buka dan simpan ulang berkas tanpa kata sandi (Word, LibreOffice), lalu coba lagi.",
    ),
    e.MissingReaderError: Advice(
        "Pembaca untuk jenis berkas ini belum terpasang.",
        "Minta pengelola memasang lkj-audit lengkap: pip install 'lkj-audit[pdf,docx]'.",
    ),
    e.MissingIdentityError: Advice(
        "Tahun laporan atau nama satker tidak terbaca dari laporan.",
        "Tambahkan --year TAHUN dan/atau --satker KODE (kode satker 6 digit).",
    ),
    # The reviewer's own file: the error already says, in Bahasa, which entry and why.
    e.WorkpaperFileError: Advice(
        "Berkas koreksi atau tanggapan reviewer tidak dapat dipakai.",
        "Perbaiki entri yang disebut lalu jalankan ulang.",
    ),
    # --previous: the error already says, in Bahasa, which file and what is wrong with it.
    e.PreviousYearError: Advice(
        "Laporan tahun sebelumnya (--previous) tidak dapat dipakai.",
        "Perbaiki --previous lalu jalankan ulang, atau jalankan tanpa --previous.",
    ),
    e.ReportFolderError: Advice(
        "Folder satker ini tidak berisi tepat satu berkas laporan.",
        "Simpan tepat satu laporan (.txt, .pdf atau .docx) di folder satker tersebut.",
    ),
    e.InvalidSatkerIdError: Advice(
        "Kode satker yang diberikan bukan nama folder yang sah (hanya huruf, angka, '.', '_' "
        "dan '-'; tanpa '/' atau '..').",
        "Gunakan kode satker 6 digit, misalnya --satker 656532.",
    ),
    e.OutputOutsideError: Advice(
        "Hasil audit akan tertulis di luar folder keluaran.",
        "Pilih --out dan --satker lain.",
    ),
    e.SchemaMismatchError: Advice(
        "Sebuah tabel dalam laporan tidak berbentuk seperti yang diharapkan.",
        "Periksa tabel tersebut di laporan (kolom dan baris jumlah), lalu jalankan ulang.",
    ),
    e.RuleDefinitionError: Advice(
        "Aturan pemeriksaan terpasang dengan salah (kesalahan program, bukan laporan).",
        "Sampaikan kepada pengelola lkj-audit; laporan tidak perlu diubah.",
    ),
    e.NotebookFailed: Advice(
        "Kertas kerja audit berhenti karena kesalahan program, bukan karena isi laporan.",
        "Sampaikan kepada pengelola lkj-audit beserta kertas kerja yang gagal.",
    ),
    e.WorkerLostError: Advice(
        "Proses audit untuk laporan ini terhenti (kehabisan memori atau dihentikan).",
        "Jalankan ulang batch (laporan ini dicoba lagi); bila terulang, kurangi --workers.",
    ),
    e.ManifestError: Advice(
        "Daftar laporan (manifest) atau folder data tidak dapat dipakai.",
        "Periksa kolom satker,year,source dan baris yang disebut di rincian (dalam kurung).",
    ),
    e.SchedulerError: Advice(
        "Penjadwal Dask tidak dapat dihubungi atau tidak memiliki worker.",
        "Periksa alamat --scheduler, atau jalankan tanpa --scheduler.",
    ),
    e.BatchLocked: Advice(
        "Batch lain sedang menulis ke folder keluaran yang sama.",
        "Tunggu sampai batch itu selesai, atau gunakan --out lain.",
    ),
}
_BY_NAME = {cls.__name__: cls for cls in MESSAGES}
UNFINISHED = Advice(
    "Audit laporan ini belum selesai karena batch terhenti.",
    "Jalankan ulang batch: laporan yang sudah selesai tidak diaudit ulang.",
)
INTERNAL = Advice(
    "Terjadi kesalahan internal lkj-audit.",
    "Jalankan ulang dengan --debug dan sampaikan keluarannya kepada pengelola.",
)


def explain(exc: BaseException) -> Advice:
    """The Bahasa explanation of ``exc`` (a failed notebook: of the error inside it)."""
    if isinstance(exc, e.NotebookFailed) and exc.ename in _BY_NAME:
        return MESSAGES[_BY_NAME[exc.ename]]
    if isinstance(exc, e.WorkpaperFileError | e.PreviousYearError):
        return Advice(str(exc), for_class(type(exc)).action)
    return for_class(type(exc))


def kind(exc: BaseException) -> str:
    """The name under which ``exc`` is explained (recorded in ``batch.json`` as error_type)."""
    if isinstance(exc, e.NotebookFailed) and exc.ename in _BY_NAME:
        return exc.ename
    return type(exc).__name__


def for_class(cls: type[BaseException]) -> Advice:
    """The entry of ``cls`` or of its nearest ancestor that has one."""
    for klass in cls.__mro__:
        if klass in MESSAGES:
            return MESSAGES[klass]
    return INTERNAL


def for_name(name: str | None) -> Advice:
    """The entry of the error class called ``name`` (as recorded in ``batch.json``)."""
    cls = _BY_NAME.get(name or "")
    return MESSAGES[cls] if cls else MESSAGES[e.LkjAuditError]


def input_error_class(name: str | None) -> type[e.InputFileError] | None:
    """The input-error class called ``name`` (raised inside a notebook), else ``None``."""
    cls = _BY_NAME.get(name or "")
    return cls if cls is not None and issubclass(cls, e.InputFileError) else None
