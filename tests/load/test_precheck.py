"""The batch driver's cheap pre-check raises the reader's own error, and only when it must."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from lkj_audit import errors
from lkj_audit.load import precheck, read_document
from tests.conftest import SEED


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("missing.txt", None, errors.ReportNotFoundError),
        ("report.xlsx", b"PK\x03\x04", errors.UnsupportedFormatError),
        ("empty.txt", b"  \n\n", errors.EmptyReportError),
        ("binary.txt", b"\x00\x01binary" * 100, errors.BinaryFileError),
        ("broken.pdf", os.urandom(3000), errors.DamagedFileError),
        ("broken.docx", os.urandom(3000), errors.DamagedFileError),
        ("old.docx", b"\xd0\xcf\x11\xe0" + bytes(3000), errors.DamagedFileError),
    ],
)
def test_precheck_raises_what_the_reader_raises(
    tmp_path: Path, name: str, content: bytes | None, error: type[Exception]
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(error) as pre:
        precheck(path)
    with pytest.raises(error) as full:
        read_document(path)
    assert str(pre.value) == str(full.value)  # one wording for one problem


def test_a_folder_is_not_a_report(tmp_path: Path) -> None:
    with pytest.raises(errors.ReportNotFoundError):
        precheck(tmp_path)


def test_precheck_passes_a_readable_report_in_milliseconds() -> None:
    started = time.perf_counter()
    precheck(SEED)
    assert time.perf_counter() - started < 0.5  # generous: far below one kernel start


def test_precheck_passes_readable_pdf_and_docx(
    lkj_pdf: Callable[..., Path], lkj_docx: Callable[..., Path]
) -> None:
    for path in (lkj_pdf(), lkj_docx()):
        precheck(path)
        assert read_document(path).tables  # precision: what the reader reads is never refused
