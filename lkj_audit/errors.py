"""Exceptions that mean "the audit cannot proceed" (findings are data, not exceptions).

The message of an exception is the English technical detail (what, where, how to fix);
what an auditor reads instead is looked up by the exception's class in
:mod:`lkj_audit.messages`. Subclasses exist so that each kind of problem has its own
Bahasa Indonesia explanation; ``except InputFileError`` still catches them all.
"""

from __future__ import annotations


class LkjAuditError(Exception):
    """Base class: the message says what went wrong, where, and how to fix it."""

    def _render_traceback_(self) -> list[str]:
        # IPython/Jupyter shows this instead of a traceback: in a notebook the reviewer
        # reads what to fix, not the package's internals (the cell still fails, Run All stops).
        return [f"{type(self).__name__}: {self}"]


class InputFileError(LkjAuditError):
    """The report file is missing, unreadable or not a report at all."""


class ReportNotFoundError(InputFileError):
    """No file at the given path (or a folder where a report file was expected)."""


class UnsupportedFormatError(InputFileError):
    """The file type is not one the readers know (.txt, .pdf, .docx)."""


class EmptyReportError(InputFileError):
    """The file holds no text."""


class BinaryFileError(InputFileError):
    """A ``.txt`` that is not text."""


class NotAReportError(InputFileError):
    """Text without the structure of a Laporan Kinerja (no chapters, no tables)."""


class NoTextLayerError(InputFileError):
    """A PDF without usable text (scanned, or fonts without a Unicode mapping)."""


class DamagedFileError(InputFileError):
    """A PDF or DOCX that cannot be opened (damaged, encrypted, another format)."""


class MissingReaderError(InputFileError):
    """An optional reader (pdfplumber, python-docx) is not installed."""


class MissingIdentityError(InputFileError):
    """The report does not say which year or which satker it is about."""


class WorkpaperFileError(InputFileError):
    """The reviewer's corrections.yaml or review.yaml is wrong; the message names the entry."""


class PreviousYearError(InputFileError):
    """``--previous`` cannot be used: missing, unreadable, another satker, not an earlier year.

    Like :class:`WorkpaperFileError`, the message itself is the Bahasa explanation (what,
    where, how to fix), since only it can name the file and the figures involved.
    """


class ReportFolderError(InputFileError):
    """A satker folder holds no report file, or more than one."""


class InvalidSatkerIdError(LkjAuditError):
    """A satker id that cannot be a folder name (it would write outside the output folder)."""


class OutputOutsideError(LkjAuditError):
    """An output path that resolves outside the output root."""


class SchemaMismatchError(LkjAuditError):
    """A recognised table does not have the shape its model requires."""


class RuleDefinitionError(LkjAuditError):
    """A rule is registered wrongly (duplicate code, bad docstring, unknown category)."""


class NotebookFailed(LkjAuditError):
    """The audit notebook raised; the failed notebook is kept for inspection.

    ``ename`` is the class name of the exception raised inside the kernel.
    """

    def __init__(self, message: str, ename: str = "", failed_notebook: str | None = None):
        super().__init__(message)
        self.ename = ename
        self.failed_notebook = failed_notebook


class WorkerLostError(LkjAuditError):
    """The worker process running an item died (memory, a kill) before it answered."""


class ManifestError(LkjAuditError):
    """The manifest or the data folder cannot be used as batch input."""


class SchedulerError(LkjAuditError):
    """The Dask scheduler cannot be reached or has no workers."""


class BatchLocked(LkjAuditError):
    """Another batch is writing to the same output folder."""
