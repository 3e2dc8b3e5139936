"""`read_requests`: requests from any input relpolicy reads, by the kind of path."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .._model import Request
from ._linkedin import Export
from ._records import InputError, RecordError, ValueReader, built, open_binary, record_error, value_reader
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
    read as streams, so their size does not matter.

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
    open_binary(source).close()  # fail now, as a usage error, if it cannot be read
    return _json_requests(source, reader, senders)


def _json_requests(
    source: str, reader: ValueReader, senders: Senders | None
) -> Iterator[Request | RecordError]:
    name = Path(source).name
    from_dict = Request.from_dict
    try:
        stream = open_binary(source)
    except InputError as exc:
        yield record_error(source, 1, str(exc))
        return

    def request(line: int, data: object) -> Request:
        if type(data) is dict and data.get("id") is None:
            data["id"] = f"{name}:{line}"
        found = from_dict(data)  # type: ignore[arg-type] # any JSON value is checked
        return senders.fill_in(found) if senders is not None else found

    with stream:
        yield from built(reader(stream, source), source, request)
