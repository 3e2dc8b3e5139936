"""Reading records from files: where each starts, and what was wrong with the bad ones.

Readers here never raise for bad content. They yield a value per good record and a
`RecordError` per bad one, so a caller can decide the good and report the bad, and a
file of any size is read in constant memory.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TypeVar

import attrs

from .._errors import InvalidRequest, Problem, RelpolicyError

_BOM = codecs.BOM_UTF8
_CHUNK = 1 << 16
_WHITESPACE = " \t\n\r"


class InputError(RelpolicyError, ValueError):
    """A path cannot be read as input at all: not found, not a kind relpolicy reads, or unreadable.

    Problems with single records inside a readable file are `RecordError` values instead.
    """


def _problem_tuple(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(problems)


@attrs.frozen
class RecordError:
    """One input record that could not be read as a request (or profile).

    Reported instead of a decision, so every record of the input gives exactly one
    output. ``str()`` gives one line per problem, ``FILE:LINE: field.path: problem``.
    """

    #: The file, as the user named it.
    source: str
    #: The line (for CSV, the line where the row starts) the record begins on; 1-based.
    line: int
    #: What was wrong, field by field.
    problems: tuple[Problem, ...] = attrs.field(converter=_problem_tuple)

    def lines(self) -> list[str]:
        """One message per problem, each ``FILE:LINE: field.path: problem``."""
        return [f"{self.source}:{self.line}: {problem}" for problem in self.problems]

    def __str__(self) -> str:
        return "\n".join(self.lines())


def record_error(source: str, line: int, message: str, path: str = "") -> RecordError:
    """A `RecordError` with a single problem."""
    return RecordError(source, line, (Problem(path, message),))


def decode_error_message(exc: UnicodeDecodeError) -> str:
    """Say which byte could not be read as UTF-8, for a `Problem`."""
    bad = exc.object[exc.start : exc.start + 1]
    return f"not UTF-8 text (byte 0x{bad.hex()} at column {exc.start + 1})"


def decoded_lines(stream: IO[bytes]) -> Iterator[tuple[int, str, str | None]]:
    """Each line of *stream*: its 1-based number, its text and, if it is not UTF-8, why.

    Bytes that are not UTF-8 are read as U+FFFD so that a reader can go on; a leading
    byte-order mark is dropped; line endings are kept. `OSError` propagates.
    """
    for number, raw in enumerate(stream, start=1):
        if number == 1 and raw.startswith(_BOM):
            raw = raw[len(_BOM) :]
        try:
            yield number, raw.decode("utf-8"), None
        except UnicodeDecodeError as exc:
            yield number, raw.decode("utf-8", "replace"), decode_error_message(exc)


def jsonl_values(stream: IO[bytes], source: str) -> Iterator[tuple[int, object] | RecordError]:
    """The JSON value on each non-blank line of *stream*, with its line number."""
    loads = json.loads
    number = 0
    try:
        for number, text, problem in decoded_lines(stream):
            if problem is not None:
                yield record_error(source, number, problem)
                continue
            if not text.strip():
                continue
            try:
                yield number, loads(text)
            except json.JSONDecodeError as exc:
                yield record_error(source, number, f"not valid JSON: {exc.msg} (column {exc.colno})")
            except RecursionError:
                yield record_error(source, number, "not readable JSON: nested too deeply")
    except OSError as exc:
        yield record_error(source, number + 1, f"cannot read on from here: {exc.strerror or exc}")


class _Buffer:
    """A window on a text stream read in chunks, counting lines as it moves on.

    When the bytes stop being UTF-8 (or reading fails), the text read so far is kept
    and `failure` says what happened; the input then ends there.
    """

    def __init__(self, stream: IO[bytes], source: str) -> None:
        self.stream = stream
        self.source = source
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.text = ""
        self.pos = 0
        self.eof = False
        self.failure: RecordError | None = None
        self._line = 1  # the line number at self._counted
        self._counted = 0

    def line_at(self, index: int) -> int:
        """The line number of *index* (indices must not go backwards between calls)."""
        if index > self._counted:
            self._line += self.text.count("\n", self._counted, index)
            self._counted = index
        return self._line

    def _end_line(self) -> int:
        return self._line + self.text.count("\n", self._counted)

    def more(self) -> None:
        """Read another chunk, or reach the end of the input."""
        if self.pos > _CHUNK:  # forget what was read, so memory stays bounded
            self.line_at(self.pos)
            self.text = self.text[self.pos :]
            self._counted -= self.pos
            self.pos = 0
        try:
            chunk = self.stream.read(max(_CHUNK, len(self.text)))
        except OSError as exc:
            self.eof = True
            self.failure = record_error(self.source, self._end_line(), f"cannot read on from here: {exc}")
            return
        try:
            self.text += self.decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            self.eof = True
            good = exc.object[: exc.start].decode("utf-8", "replace")
            if not self.text and good.startswith("\ufeff"):
                good = good[1:]
            self.text += good
            message = f"{decode_error_message(exc)}; the rest is not read"
            self.failure = record_error(self.source, self._end_line(), message)
            return
        self.eof = not chunk

    def skip_space(self) -> None:
        """Move past white space, reading more as needed; stop at the end of the input."""
        while True:
            text, pos = self.text, self.pos
            while pos < len(text) and text[pos] in _WHITESPACE:
                pos += 1
            self.pos = pos
            if pos < len(text) or self.eof:
                return
            self.more()

    def at_end(self) -> bool:
        """Whether all the input (that could be read) has been consumed."""
        return self.eof and self.pos >= len(self.text)

    def value(self) -> tuple[int, object] | RecordError:
        """Decode the JSON value at the current position, reading more until it is whole."""
        decode = json.JSONDecoder().raw_decode
        while True:
            try:
                value, end = decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                if not self.eof and _may_be_cut_short(exc, len(self.text)):
                    self.more()
                    continue
                return self.problem(f"{exc.msg}; the rest is not read", exc.pos)
            except RecursionError:
                return record_error(
                    self.source, self.line_at(self.pos), "not readable JSON: nested too deeply"
                )
            if end == len(self.text) and not self.eof:  # a number may go on in the next chunk
                self.more()
                continue
            line = self.line_at(self.pos)
            self.pos = end
            return line, value

    def problem(self, message: str, index: int | None = None) -> RecordError:
        """The reading failure if there was one (it explains the rest), else a syntax error."""
        if self.failure is not None:
            return self.failure
        line = self.line_at(self.pos if index is None else index)
        return record_error(self.source, line, f"not valid JSON: {message}")

    def take(self, char: str) -> bool:
        """Move past *char* if it is next."""
        if self.text.startswith(char, self.pos):
            self.pos += 1
            return True
        return False


def _may_be_cut_short(exc: json.JSONDecodeError, length: int) -> bool:
    # A value cut by the end of the text fails near that end (an escape or a literal
    # split in two), or as a string that never ends; other errors are real ones.
    return exc.pos >= length - 16 or exc.msg.startswith("Unterminated string")


def json_values(stream: IO[bytes], source: str) -> Iterator[tuple[int, object] | RecordError]:
    """The records of a JSON file, with the line each starts on, read as a stream.

    A top-level array gives its elements one at a time; any other top-level value is
    one record, and several may follow each other (concatenated JSON). A syntax error
    ends the file: what follows it cannot be told apart.
    """
    buffer = _Buffer(stream, source)
    while True:
        buffer.skip_space()
        if buffer.at_end():
            if buffer.failure is not None:
                yield buffer.failure
            return
        items = _array_items(buffer) if buffer.take("[") else (buffer.value(),)
        for item in items:
            yield item
            if isinstance(item, RecordError):
                return


def _array_items(buffer: _Buffer) -> Iterator[tuple[int, object] | RecordError]:
    first = True
    while True:
        buffer.skip_space()
        if buffer.take("]"):
            return
        if buffer.at_end():
            yield buffer.problem("the array is not closed")
            return
        if not first:
            if not buffer.take(","):
                yield buffer.problem("expected ',' or ']' after an array element")
                return
            buffer.skip_space()
            if buffer.text.startswith("]", buffer.pos):
                yield buffer.problem("a ',' before the ']' that closes the array")
                return
            if buffer.at_end():
                yield buffer.problem("the array is not closed")
                return
        first = False
        yield buffer.value()


#: Reads the records of a stream (JSON or JSONL), each with the line it starts on.
ValueReader = Callable[[IO[bytes], str], Iterator[tuple[int, object] | RecordError]]

_READERS: dict[str, ValueReader] = {".json": json_values, ".jsonl": jsonl_values, ".ndjson": jsonl_values}


def value_reader(source: str) -> ValueReader | None:
    """The reader for *source* by its suffix (``.json``, ``.jsonl``, ``.ndjson``), if any."""
    return _READERS.get(Path(source).suffix.casefold())


def open_binary(source: str) -> IO[bytes]:
    """Open *source* for reading bytes.

    Raises:
        InputError: it cannot be opened, saying why.
    """
    try:
        return open(source, "rb")
    except OSError as exc:
        raise InputError(f"{source}: cannot open: {exc.strerror or exc}") from None


_T = TypeVar("_T")


def built(
    values: Iterable[tuple[int, object] | RecordError], source: str, build: Callable[[int, object], _T]
) -> Iterator[_T | RecordError]:
    """Turn each value read (with its line) into a record with *build*.

    Errors read pass through; a value *build* refuses with `InvalidRequest` becomes a
    `RecordError` at its line.
    """
    for item in values:
        if isinstance(item, RecordError):
            yield item
            continue
        line, data = item
        try:
            yield build(line, data)
        except InvalidRequest as exc:
            yield RecordError(source, line, exc.problems)
