"""The exit statuses of the ``relpolicy`` command, and the command group that keeps them.

Every command added to `Group` has them without doing anything: an interruption, a
broken pipe, output that cannot be written and an internal error each end the command
with their own status and one line on stderr (a broken pipe with none, as shell tools
end), never with a traceback, but for an internal error, whose traceback is its report.
A command that writes records calls `count_written` so that an interruption can say how
many were written, and writes each record in a ``with whole:`` block so that each of
them is whole. It raises `PluginFailed` when a rule plugin stops
it; `UsageProblem` (status 2) is in ``_common``.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import io
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from typing import Any, NoReturn, TextIO

import click

from ._output import holds_any_text


class ExitStatus(enum.IntEnum):
    """What the exit status of a ``relpolicy`` command means."""

    #: Every record was decided.
    OK = 0
    #: Some input records could not be read: each is reported on stderr with its file,
    #: line and field, and every other record is still decided and written.
    INVALID_RECORDS = 1
    #: A usage error: an unknown option, format or rule, a missing or unreadable file, a
    #: configuration or profile that is not valid.
    USAGE = 2
    #: A rule plugin failed: while the rules were set up (the command stops), in
    #: ``strict`` mode (on each request it failed on; with workers, the command stops
    #: at the first), or the worker processes could not build the policy.
    PLUGIN_FAILED = 3
    #: A bug in relpolicy: the traceback is printed above the message.
    INTERNAL_ERROR = 70
    #: The output could not be written: a full disk, an I/O error.
    OUTPUT_ERROR = 74
    #: Interrupted, by Ctrl-C or SIGINT: the records written so far are whole.
    INTERRUPTED = 130
    #: The program reading the output stopped reading (a broken pipe): nothing is said.
    BROKEN_PIPE = 141


#: What each status means, in a line, for help texts.
MEANINGS = {
    ExitStatus.OK: "every record was decided",
    ExitStatus.INVALID_RECORDS: "some input records were not readable (each is reported on stderr as "
    "FILE:LINE: field: problem; every other record is still decided and written)",
    ExitStatus.USAGE: "a usage error (an unknown option, a missing file, a configuration that is not valid)",
    ExitStatus.PLUGIN_FAILED: "a rule plugin failed (while set up, or in strict mode), or could not be "
    "built in a worker process",
    ExitStatus.INTERNAL_ERROR: "an internal error (a bug: please report it with the traceback)",
    ExitStatus.OUTPUT_ERROR: "the output could not be written (a full disk, an I/O error)",
    ExitStatus.INTERRUPTED: "interrupted by Ctrl-C (the records written so far are whole)",
    ExitStatus.BROKEN_PIPE: "the reader of the output went away (a broken pipe)",
}


def exit_status_help() -> str:
    """The exit statuses as a paragraph of help text."""
    return "Exit status: " + "; ".join(f"{int(status)} {MEANINGS[status]}" for status in ExitStatus) + "."


class PluginFailed(click.ClickException):
    """A rule plugin failed, and the command stops (exit status 3)."""

    exit_code = ExitStatus.PLUGIN_FAILED


#: Errors of writing that come from the output, never from a bug.
_OUTPUT_ERRNOS = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO", "EROFS") if hasattr(errno, name)
)
_WRITTEN = "relpolicy.written"


def count_written(count: Callable[[], int]) -> None:
    """Tell the running command how to count the records it has written so far."""
    click.get_current_context().meta[_WRITTEN] = count


class _Holding:
    """Ctrl-C held back while a record is written, so that each record counted is whole.

    Used as ``with whole:`` around writing one record. A second Ctrl-C is not held
    back (the output may be blocked): the record being written may then be cut.
    """

    def __init__(self) -> None:
        self.depth = 0
        self.pending = False
        #: Whether an interruption came in the middle of a record.
        self.torn = False

    def __enter__(self) -> None:
        self.depth += 1

    def __exit__(self, *exc_info: object) -> None:
        self.depth -= 1
        if self.pending and not self.depth and exc_info[0] is None:
            self.pending = False
            raise KeyboardInterrupt

    def interrupt(self, signum: int, frame: object) -> None:
        """The SIGINT handler: interrupt now, or when the record being written is whole."""
        if self.depth:
            if not self.pending:
                self.pending = True
                return
            self.torn = True
        raise KeyboardInterrupt


#: ``with whole:`` writes one record that an interruption will not cut.
whole = _Holding()


class Group(click.Group):
    """A command group whose commands end with the statuses of `ExitStatus`.

    Standard output and error take characters their encoding cannot hold as
    replacement characters, as ``print`` users expect, rather than failing.
    """

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command, turning the failures every command may meet into their status."""
        for stream in (sys.stdout, sys.stderr):
            _replace_unencodable(stream)
        try:
            with _interrupts_held_by(whole):
                return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            with _no_more_interrupts():
                _flush_quietly(sys.stdout)
                _say(f"relpolicy: interrupted{_written(ctx)}")
            raise click.exceptions.Exit(ExitStatus.INTERRUPTED) from None
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                _drop_output(sys.stdout)
                raise click.exceptions.Exit(ExitStatus.BROKEN_PIPE) from None
            if exc.errno not in _OUTPUT_ERRNOS:
                _internal_error()
            _drop_output(sys.stdout)
            _say(f"relpolicy: cannot write the output: {exc.strerror or exc}")
            raise click.exceptions.Exit(ExitStatus.OUTPUT_ERROR) from None
        except Exception:
            _internal_error()


def _internal_error() -> NoReturn:
    exc = sys.exc_info()[1]
    with contextlib.suppress(OSError):
        traceback.print_exc()
    _say(f"relpolicy: internal error: {type(exc).__name__}: {exc}; please report it with the traceback above")
    raise click.exceptions.Exit(ExitStatus.INTERNAL_ERROR) from None


def _written(ctx: click.Context) -> str:
    count = ctx.meta.get(_WRITTEN)
    if count is None:
        return ""
    written = count()
    text = f"{written:,} record{'' if written == 1 else 's'} written"
    if whole.torn:
        return f" while writing; at most {text}, the last of them perhaps cut short"
    return f"; {text}"


def _say(line: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        click.echo(line, err=True)


def _flush_quietly(stream: TextIO) -> None:
    with contextlib.suppress(OSError, ValueError):
        stream.flush()


def _drop_output(stream: TextIO) -> None:
    """Send what is left of *stream* to the null device, so that exiting does not fail
    again writing it out."""
    try:
        fd = stream.fileno()
    except (OSError, ValueError, io.UnsupportedOperation, AttributeError):
        return  # (not a real file: a test's capture)
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)


def _replace_unencodable(stream: TextIO) -> None:
    if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict" and not holds_any_text(stream):
        stream.reconfigure(errors="replace")


@contextlib.contextmanager
def _interrupts_held_by(holding: _Holding) -> Iterator[None]:
    """Let *holding* handle Ctrl-C, in the main thread, unless Ctrl-C is ignored (as in a
    shell's background job) or handled by someone else."""
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield
        return
    holding.depth, holding.pending, holding.torn = 0, False, False
    signal.signal(signal.SIGINT, holding.interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)


@contextlib.contextmanager
def _no_more_interrupts() -> Iterator[None]:
    """Ignore Ctrl-C while an interruption is reported (in the main thread, where it can)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
