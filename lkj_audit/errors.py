"""Exceptions that mean "the audit cannot proceed" (findings are data, not exceptions)."""

from __future__ import annotations


class LkjAuditError(Exception):
    """Base class: the message says what went wrong, where, and how to fix it."""

    def _render_traceback_(self) -> list[str]:
        # IPython/Jupyter shows this instead of a traceback: in a notebook the reviewer
        # reads what to fix, not the package's internals (the cell still fails, Run All stops).
        return [f"{type(self).__name__}: {self}"]


class InputFileError(LkjAuditError):
    """The report file is missing, unreadable or not a report at all."""


class SchemaMismatchError(LkjAuditError):
    """A recognised table does not have the shape its model requires."""


class RuleDefinitionError(LkjAuditError):
    """A rule is registered wrongly (duplicate code, bad docstring, unknown category)."""
