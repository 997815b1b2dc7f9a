"""``lkj-audit check`` without typer: the command most often run, and run as a whole process.

typer (0.29) coerces every parameter through a pydantic ``TypeAdapter``: importing typer and
pydantic and building the adapters cost ~0.15-0.3 s of a check that should take under one
second. So :func:`main` reads a plain ``check`` command line itself and runs the check;
every other command line (another command, ``--help``, ``--version``, anything unusual or
wrong) goes to the typer app in :mod:`lkj_audit.cli`, which defines the command, its help
and its error messages. :data:`CHECK_OPTIONS` must name exactly the options of that typer
command (a test compares them), so the two never disagree about what a check accepts.

The helpers for one-line errors and exit codes live here too: both paths share them.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from lkj_audit import messages
from lkj_audit.errors import LkjAuditError

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
FORMATS = ("json", "text")

_T = TypeVar("_T")
_debug = {"on": False}  # set by the global or a command's --debug


class Exit(SystemExit):
    """End the process with ``code`` (typer and click let a ``SystemExit`` through)."""


def set_debug(on: bool) -> None:
    """``--debug``: English detail after each one-line error, debug logging."""
    if on:
        _debug["on"] = True
        logging.getLogger().setLevel(logging.DEBUG)


def debugging() -> bool:
    """Whether ``--debug`` was given."""
    return _debug["on"]


def setup_logging(debug: bool) -> None:
    """What the app's callback does before any command."""
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(message)s")
    set_debug(debug)


def echo(text: str, err: bool = False) -> None:
    """One line of output (as ``typer.echo``: a newline, flushed)."""
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n")
    stream.flush()


def fail(message: str, code: int = EXIT_BAD_INPUT, detail: str | None = None) -> Exit:
    """Print the one-line error (and, with ``--debug``, its detail); the exit to raise."""
    echo(f"lkj-audit: error: {message}", err=True)
    if detail and _debug["on"]:
        echo(f"  detail: {detail}", err=True)
    return Exit(code)


def guarded(func: Callable[[], _T], inline_detail: bool) -> _T:
    """Run ``func``; turn expected errors into one-line messages and exit codes.

    ``inline_detail``: the English detail on the same line (batch input names file lines).
    """
    try:
        return func()
    except LkjAuditError as exc:
        line = messages.explain(exc).line()
        if inline_detail:
            raise fail(f"{line} ({exc})") from None
        raise fail(line, detail=str(exc)) from None
    except KeyboardInterrupt:
        raise fail("dihentikan (interrupted)", 130) from None
    except Exception as exc:  # noqa: BLE001 - last line of defence: no traceback for users
        if _debug["on"] or logging.getLogger().isEnabledFor(logging.DEBUG):
            raise
        raise fail(
            messages.INTERNAL.line(), EXIT_INTERNAL, detail=f"{type(exc).__name__}: {exc}"
        ) from None


def check(
    path: Path,
    format: str = "json",  # noqa: A002 - the option's name
    satker: str | None = None,
    satker_name: str | None = None,
    year: int | None = None,
    corrections: Path | None = None,
    review: Path | None = None,
    previous: Path | None = None,
) -> None:
    """Print the findings of one report (JSON or text); bad input ends in :func:`fail`."""
    from lkj_audit import audit

    def go() -> None:
        ctx = audit.open(
            path, satker=satker, year=year, satker_name=satker_name,
            corrections=corrections, review=review, previous=previous,
        )  # fmt: skip
        found = audit.run_rules(ctx)
        data = audit.payload(ctx, found)
        if format == "json":
            echo(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            from lkj_audit.workpaper import text_view

            echo(text_view.as_text(data))

    guarded(go, inline_detail=False)


#: Every option of the typer ``check`` command: the keyword it fills and how its value is read
#: (``None``: a flag without a value).
CHECK_OPTIONS: dict[str, tuple[str, Callable[[str], Any] | None]] = {
    "--format": ("format", str),
    "-f": ("format", str),
    "--satker": ("satker", str),
    "--satker-name": ("satker_name", str),
    "--year": ("year", int),
    "--debug": ("debug", None),
    "--corrections": ("corrections", Path),
    "--review": ("review", Path),
    "--previous": ("previous", Path),
}


def parse_check(argv: list[str]) -> dict[str, Any] | None:
    """The keywords of a plain ``[--debug] check PATH [OPTIONS]`` line, else ``None``.

    ``None`` (typer takes the line) for anything else: another command, help, an unknown or
    repeated option, a missing or odd value (one starting with ``-``, a year that is not
    digits, an unknown format), no path or two paths, ``--``. Plain means the forms
    ``--opt VALUE``, ``--opt=VALUE`` and ``-f VALUE``.
    """
    args = list(argv)
    kwargs: dict[str, Any] = {"debug": False}
    while args and args[0] == "--debug":  # the app's own --debug, before the command
        kwargs["debug"] = True
        args.pop(0)
    if not args or args.pop(0) != "check":
        return None
    seen: set[str] = set()
    positional: list[str] = []
    while args:
        arg = args.pop(0)
        if not arg.startswith("-") or arg == "-":
            positional.append(arg)
            continue
        name, eq, inline = arg.partition("=")
        spec = CHECK_OPTIONS.get(name)
        if spec is None or (eq and not name.startswith("--")):
            return None  # --help, -h, --, unknown options, -fjson, -f=json
        dest, read = spec
        if dest in seen and dest != "debug":
            return None
        seen.add(dest)
        if read is None:
            if eq:
                return None
            kwargs[dest] = True
            continue
        if eq:
            value = inline
        elif args:
            value = args.pop(0)
        else:
            return None
        if not value or value.startswith("-"):
            return None
        if read is int and not (value.isascii() and value.isdigit()):
            return None
        if dest == "format" and value not in FORMATS:
            return None
        kwargs[dest] = read(value)
    if len(positional) != 1:
        return None
    kwargs["path"] = Path(positional[0])
    return kwargs


def main(argv: list[str] | None = None) -> None:
    """The ``lkj-audit`` program: a plain check here, everything else through typer."""
    kwargs = parse_check(sys.argv[1:] if argv is None else argv)
    if kwargs is None:
        from lkj_audit.cli import app

        app(args=argv, prog_name="lkj-audit")
        return
    setup_logging(kwargs.pop("debug"))
    check(**kwargs)
    raise SystemExit(0)
