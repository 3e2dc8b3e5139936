"""Reading records from files: where each starts, and what was wrong with the bad ones.

Readers here never raise for bad content. They yield a value per good record and a
`RecordError` per bad one, so a caller can decide the good and report the bad, and a
file of any size is read in constant memory.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Generic, TypeVar

import attrs

from .. import _checks
from .._errors import InvalidRequest, Problem, RelpolicyError

_CHUNK = 1 << 16
#: How much of a file says whether its lines end with a lone \r (when it holds no \n).
_SNIFF = 1 << 16
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
    """Say which byte could not be read as text of its encoding, for a `Problem`."""
    bad = exc.object[exc.start : exc.start + 1]
    return f"not {text_name(exc.encoding)} text (byte 0x{bad.hex()} at column {exc.start + 1})"


def text_name(encoding: str) -> str:
    """The name of a UTF encoding for people: ``UTF-8``, ``UTF-16``, ``UTF-32``."""
    name = encoding.replace("_", "-").lower()
    return next((upper for key, upper in _ENCODING_NAMES if name.startswith(key)), "UTF-8")


#: Byte-order marks, and the encodings they announce; UTF-32's first, as UTF-16's starts it.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ENCODING_NAMES = (("utf-16", "UTF-16"), ("utf-32", "UTF-32"))


def encoding_of(head: bytes) -> str:
    """The encoding a text starting with *head* (4 bytes or all there is) announces by its
    byte-order mark: ``utf-8-sig``, ``utf-16``, ``utf-32``; ``utf-8`` without one."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return "utf-8"


def _head(stream: IO[bytes]) -> bytes:
    """The first four bytes of *stream* (fewer if it is shorter)."""
    head = b""
    while len(head) < 4:
        more = stream.read(4 - len(head))
        if not more:
            break
        head += more
    return head


#: A line break of any kind, in text.
_BREAK = re.compile(r"\r\n|\r|\n")


def decoded_lines(stream: IO[bytes]) -> Iterator[tuple[int, str, str | None]]:
    """Each line of *stream*: its 1-based number, its text and, if it is not valid text, why.

    The encoding is UTF-8, or UTF-16 or UTF-32 when the stream starts with their
    byte-order mark, which is dropped. Lines end with ``\\n`` or ``\\r\\n``, or with a
    lone ``\\r`` in a stream that has no ``\\n`` in its first 64 KiB (in any other, a
    lone ``\\r`` is part of its line); line endings are kept. Bytes that are not
    UTF-8 are read as U+FFFD so that a reader can go on. `OSError` and the errors of a
    damaged zip member propagate.
    """
    head = _head(stream)
    encoding = encoding_of(head)
    if encoding.startswith("utf-8"):
        if encoding == "utf-8-sig":
            head = head[len(codecs.BOM_UTF8) :]
        lines: Iterator[bytes] = _byte_lines(head, stream)
        for number, raw in enumerate(lines, start=1):
            try:
                yield number, raw.decode("utf-8"), None
            except UnicodeDecodeError as exc:
                yield number, raw.decode("utf-8", "replace"), decode_error_message(exc)
        return
    for number, text in enumerate(_text_lines(head, stream, encoding), start=1):
        yield number, text, None


def _byte_lines(head: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    """The lines of UTF-8 bytes that start with *head* and go on in *stream*."""
    first = head if b"\n" in head else head + stream.readline(_SNIFF)
    if b"\n" not in first and b"\r" in first:  # no \n in the first 64 KiB: lines end with \r
        yield from _cr_lines(first, stream)
        return
    *whole, rest = first.split(b"\n")
    yield from (line + b"\n" for line in whole)
    if rest:
        yield rest + stream.readline()
    yield from stream


def _cr_lines(first: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    """The lines of a stream whose lines end with a lone ``\\r`` (or any line break)."""
    read: Callable[[int], bytes] = getattr(stream, "read1", stream.read)
    carry = first
    while True:
        chunk = read(_CHUNK)
        lines = (carry + chunk).splitlines(keepends=True)
        # The last line may go on in the next chunk (or end with half of a \r\n).
        carry = lines.pop() if chunk and lines else b""
        yield from lines
        if not chunk:
            return


def _text_lines(head: bytes, stream: IO[bytes], encoding: str) -> Iterator[str]:
    """The lines of a stream of UTF-16 or UTF-32 text that starts with *head*."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    text = decoder.decode(head)
    lone_cr: bool | None = None  # whether a lone \r ends lines, once the first chunk says
    while True:
        chunk = stream.read(_CHUNK)
        text += decoder.decode(chunk, final=not chunk)
        if lone_cr is None and (len(text) >= _SNIFF or "\n" in text or not chunk):
            lone_cr = "\n" not in text[:_SNIFF] and "\r" in text[:_SNIFF]
        start = 0
        for match in _BREAK.finditer(text):
            end = match.end()
            if chunk and end == len(text):  # (a \r\n may be split between two chunks)
                break
            if match.group() == "\r" and not lone_cr:
                continue
            yield text[start:end]
            start = end
        text = text[start:]
        if not chunk:
            if text:
                yield text
            return


def _int_limit() -> int:
    """The most digits Python reads as an integer (``sys.get_int_max_str_digits``; 0: no limit)."""
    get = getattr(sys, "get_int_max_str_digits", None)
    return get() if get is not None else 0


class _HugeInt:
    """Stands in for an integer with more digits than Python reads, to say where it was."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _int_or_huge(text: str) -> int | _HugeInt:
    limit = _int_limit()
    digits = len(text.lstrip("-"))
    return _HugeInt(digits) if limit and digits > limit else int(text)


_STRICT = json.JSONDecoder()
#: Decodes JSON with huge integers left as `_HugeInt` values, to report where they are.
_LENIENT = json.JSONDecoder(parse_int=_int_or_huge)


def _huge_int(value: object, path: str = "") -> tuple[str, _HugeInt] | None:
    """The field path and stand-in of the first `_HugeInt` in *value*, if any."""
    pending: list[tuple[str, object]] = [(path, value)]
    while pending:
        where, item = pending.pop()
        if isinstance(item, _HugeInt):
            return where, item
        if isinstance(item, dict):
            pending.extend((_checks.join(where, key), child) for key, child in reversed(item.items()))
        elif isinstance(item, list):
            pending.extend((f"{where}[{index}]", child) for index, child in reversed(list(enumerate(item))))
    return None


def huge_int_error(source: str, line: int, value: object) -> RecordError:
    """The error of a record holding an integer too long to read (*value* decoded by `_LENIENT`)."""
    found = _huge_int(value)
    where, huge = found if found is not None else ("", _HugeInt(0))
    message = f"an integer of {huge.digits:,} digits (at most {_int_limit():,} are read)"
    return record_error(source, line, message, where)


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
            except ValueError:  # an integer too long to read
                yield huge_int_error(source, number, _LENIENT.decode(text))
            except RecursionError:
                yield record_error(source, number, "not readable JSON: nested too deeply")
    except UNREADABLE as exc:
        yield record_error(source, number + 1, f"cannot read on from here: {reading_error(exc)}")


#: What reading a file may raise when it cannot be read on: the disk, or a damaged zip member.
UNREADABLE: tuple[type[Exception], ...] = (OSError, EOFError, zlib.error, zipfile.BadZipFile)


def reading_error(exc: Exception) -> str:
    """Why a file could not be read on, for a message."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, (zlib.error, zipfile.BadZipFile, EOFError)):
        return f"damaged in the zip file ({exc})"
    return str(exc)


def _first_break(text: str) -> str | None:
    """What ends the lines of a text that starts with *text*: ``\\r`` when its first line
    break is a lone ``\\r``, else ``\\n``; ``None`` while that cannot be told yet."""
    lf, cr = text.find("\n"), text.find("\r")
    if cr < 0 or 0 <= lf < cr:
        return "\n" if lf >= 0 else None
    if cr + 1 < len(text):
        return "\n" if text[cr + 1] == "\n" else "\r"
    return None


class _Buffer:
    """A window on a text stream read in chunks, counting lines as it moves on.

    The text is UTF-8, or UTF-16 or UTF-32 when it starts with their byte-order mark.
    When the bytes stop being UTF-8 (or reading fails), the text read so far is kept
    and `failure` says what happened; the input then ends there.
    """

    def __init__(self, stream: IO[bytes], source: str) -> None:
        self.stream = stream
        self.source = source
        self.decoder: codecs.IncrementalDecoder | None = None
        self.text = ""
        self.pos = 0
        self.eof = False
        self.failure: RecordError | None = None
        self._line = 1  # the line number at self._counted
        self._counted = 0
        #: What ends a line: \n, unless the first line break is a lone \r (None: not known yet).
        self._break: str | None = None

    def line_at(self, index: int) -> int:
        """The line number of *index* (indices must not go backwards between calls)."""
        if index > self._counted:
            self._line += self.text.count(self._break or "\n", self._counted, index)
            self._counted = index
        return self._line

    def _end_line(self) -> int:
        return self._line + self.text.count(self._break or "\n", self._counted)

    def more(self) -> None:
        """Read another chunk, or reach the end of the input."""
        if self.pos > _CHUNK:  # forget what was read, so memory stays bounded
            self.line_at(self.pos)
            self.text = self.text[self.pos :]
            self._counted -= self.pos
            self.pos = 0
        try:
            chunk = self.stream.read(max(_CHUNK, len(self.text)))
        except UNREADABLE as exc:
            self.eof = True
            message = f"cannot read on from here: {reading_error(exc)}"
            self.failure = record_error(self.source, self._end_line(), message)
            return
        if self.decoder is None:
            encoding = encoding_of(chunk)
            errors = "strict" if encoding.startswith("utf-8") else "replace"
            self.decoder = codecs.getincrementaldecoder(encoding)(errors=errors)
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
        if self._break is None:
            self._break = _first_break(self.text)

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
        """Decode the JSON value at the current position, reading more until it is whole.

        Returns:
            The line it starts on and the value; or, for a value holding an integer too
            long to read, that line and the `RecordError` saying so; or the error that
            ends the input (a syntax error, bytes that are not text).
        """
        decode, lenient = _STRICT.raw_decode, False
        while True:
            try:
                value, end = decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                if not self.eof and _may_be_cut_short(exc, len(self.text)):
                    self.more()
                    continue
                return self.problem(f"{exc.msg}; the rest is not read", exc.pos)
            except ValueError as exc:  # an integer too long to read: read on, to say where it is
                if lenient:  # pragma: no cover - the lenient decoder reads every integer
                    return self.problem(str(exc))
                decode, lenient = _LENIENT.raw_decode, True
                continue
            except RecursionError:
                return record_error(
                    self.source, self.line_at(self.pos), "not readable JSON: nested too deeply"
                )
            if end == len(self.text) and not self.eof:  # a number may go on in the next chunk
                self.more()
                continue
            line = self.line_at(self.pos)
            self.pos = end
            if lenient:  # (the value is whole: what follows it reads as well)
                return line, huge_int_error(self.source, line, value)
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
            if isinstance(item, tuple) and isinstance(item[1], RecordError):
                yield item[1]  # a record that is not valid, in JSON that is
                continue
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


class Records(Generic[_T]):
    """The records read from a stream opened beforehand, as an iterator that closes the
    stream when the records run out, when it is closed, or when it is dropped.

    Opening early makes a file that cannot be opened a usage error before any output,
    and opening once lets a FIFO's writer send its data to the one reader there is.

    Args:
        stream: The stream the records come from.
        records: The records, read lazily from *stream*.
        owned: Whether to close *stream* (not standard input).
    """

    def __init__(self, stream: IO[bytes], records: Iterator[_T], *, owned: bool = True) -> None:
        self._stream: IO[bytes] | None = stream if owned else None
        self._records = records

    def __iter__(self) -> Records[_T]:
        return self

    def __next__(self) -> _T:
        try:
            return next(self._records)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Stop reading, and close the stream."""
        stream, self._stream = self._stream, None
        if stream is not None:
            stream.close()

    def __del__(self) -> None:
        self.close()


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
