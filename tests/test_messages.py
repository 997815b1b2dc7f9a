"""Auditors read Bahasa Indonesia: every error class has a reason and an action, in one module."""

from __future__ import annotations

import inspect
import re

import pytest

from lkj_audit import errors, messages
from lkj_audit.errors import LkjAuditError, NotebookFailed

ERROR_CLASSES = [
    cls for _, cls in inspect.getmembers(errors, inspect.isclass)
    if issubclass(cls, LkjAuditError)
]
# Words that betray an English sentence; none of them is Bahasa Indonesia.
ENGLISH = ("the ", " is ", " not ", "file ", "error", "found", "please", "failed")


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=[c.__name__ for c in ERROR_CLASSES])
def test_every_error_class_has_its_own_bahasa_entry(cls: type[LkjAuditError]) -> None:
    advice = messages.MESSAGES[cls]
    assert advice.reason.endswith(".") and advice.action.endswith(".")
    text = re.sub(r"--[\w-]+|\S+\.(txt|pdf|docx)\b|'[^']*'", "", advice.line().lower())
    assert not [w for w in ENGLISH if w in text], text


def test_subclass_without_entry_uses_its_ancestor() -> None:
    class OddPdf(errors.DamagedFileError):
        pass

    assert messages.explain(OddPdf("x")) is messages.MESSAGES[errors.DamagedFileError]
    assert messages.explain(ValueError("x")) is messages.INTERNAL


def test_failed_notebook_is_explained_by_the_error_inside_it() -> None:
    inner = NotebookFailed("...failed in cell 3: NotAReportError: ...", ename="NotAReportError")
    assert messages.explain(inner) is messages.MESSAGES[errors.NotAReportError]
    assert messages.kind(inner) == "NotAReportError"
    bug = NotebookFailed("...failed in cell 3: KeyError: 'x'", ename="KeyError")
    assert messages.explain(bug) is messages.MESSAGES[NotebookFailed]
    assert messages.kind(bug) == "NotebookFailed"


def test_lookup_by_recorded_name() -> None:
    assert messages.for_name("EmptyReportError") is messages.MESSAGES[errors.EmptyReportError]
    assert messages.for_name(None) is messages.MESSAGES[LkjAuditError]  # older batch.json
    assert messages.for_name("NoSuchError") is messages.MESSAGES[LkjAuditError]
