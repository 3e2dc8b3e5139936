"""`read_requests`: requests from any input relpolicy reads, by the kind of path."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .._model import Request
from ._linkedin import Export
from ._records import (
    InputError,
    RecordError,
    Records,
    ValueReader,
    built,
    jsonl_values,
    open_binary,
    value_reader,
)
from ._senders import Senders

#: What `read_requests` reads, for messages.
KINDS = "a .json or .jsonl file, a LinkedIn export (its folder or .zip), or its Invitations.csv"


def read_requests(
    path: str | os.PathLike[str], *, senders: Senders | None = None, export_recipient: bool = True
) -> Iterator[Request | RecordError]:
    """Read the requests in *path*, lazily: one `Request` or `RecordError` per input record.

    *path* is a ``.json`` file (one request, an array of them, or several in a row), a
    ``.jsonl`` file (one per line), or a LinkedIn data export: its folder, its ``.zip``,
    or its ``Invitations.csv`` (of which only ``INCOMING`` rows are requests). Files are
    read as streams, so their size does not matter, and opened once, so a named pipe
    (FIFO) reads as a file does. Text is UTF-8, or UTF-16 or UTF-32 with a byte-order
    mark; lines may end with ``\\n``, ``\\r\\n`` or ``\\r``.

    A request without an ``id`` is given one, ``FILE:LINE`` (the file's name and the
    line it starts on), so that every decision can be traced to its record. A request
    read from an export has its sender's profile address as its id, which stays the
    same from one export to the next, and ``FILE:LINE`` as ``extra["source"]``.

    Args:
        path: What to read.
        senders: What is known of senders (from a ``--profiles`` file), filled in
            where a request lacks it.
        export_recipient: Whether a LinkedIn export's own ``Profile.csv`` becomes the
            recipient of its requests. Turn it off when the recipient is given otherwise.

    Raises:
        InputError: *path* does not exist, cannot be opened, or is of no kind relpolicy reads.
    """
    source = os.fspath(path)
    target = Path(source)
    if not target.exists():
        raise InputError(f"{source}: no such file or folder")
    if target.is_dir() or target.suffix.casefold() in (".csv", ".zip"):
        return Export(source).requests(senders=senders, recipient=export_recipient)
    reader = value_reader(source)
    if reader is None:
        raise InputError(f"{source}: cannot tell what this is; expected {KINDS}")
    return stream_requests(open_binary(source), source, reader, senders=senders)


def stream_requests(
    stream: IO[bytes],
    source: str,
    reader: ValueReader = jsonl_values,
    *,
    senders: Senders | None = None,
    owned: bool = True,
) -> Iterator[Request | RecordError]:
    """The requests of an open *stream* of JSON (*reader* `json_values`) or JSON Lines.

    Args:
        stream: Where to read.
        source: Its name in messages and in the ids of requests without one
            (``<stdin>`` for standard input).
        reader: How to read it.
        senders: What is known of senders.
        owned: Whether to close *stream* when done (not standard input).
    """
    name = Path(source).name
    from_dict = Request.from_dict

    def request(line: int, data: object) -> Request:
        if type(data) is dict and data.get("id") is None:
            data["id"] = f"{name}:{line}"
        found = from_dict(data)  # type: ignore[arg-type] # any JSON value is checked
        return senders.fill_in(found) if senders is not None else found

    return Records(stream, built(reader(stream, source), source, request), owned=owned)
