"""Reading a LinkedIn data export ("Get a copy of your data"): its folder, its zip, or its CSV.

The parts relpolicy reads:

- ``Invitations.csv`` (``From,To,Sent At,Message,Direction,inviterProfileUrl,
  inviteeProfileUrl``): each ``INCOMING`` row is a request, whose id is the sender's
  profile address (the same in every export, whatever rows come before it). Older
  exports have no address columns: their requests keep ``Invitations.csv:LINE``.
  Messages may span lines.
- ``Profile.csv`` (``First Name,Last Name,...,Headline,Summary,Industry,...,Geo Location``):
  the recipient.
- ``Connections.csv``: a few lines of notes, then the header ``First Name,Last Name,
  URL,Email Address,Company,Position,Connected On``. A sender already among the
  connections is marked so (``already_connected`` and ``connected_on``), and their
  position fills in a missing headline.
- ``messages.csv``: read by `read_connection_messages` (see ``_messages.py``).

Any of the files may start with a byte-order mark. Headers are found by their column
names, never by counting lines.
"""

from __future__ import annotations

import csv
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import IO

import attrs

from .. import _checks
from .._errors import Problem
from .._model import Profile, Request
from ._records import (
    UNREADABLE,
    InputError,
    RecordError,
    decoded_lines,
    open_binary,
    reading_error,
    record_error,
)
from ._senders import Senders, merge_profiles, name_key, url_key

INVITATIONS = "Invitations.csv"
PROFILE = "Profile.csv"
CONNECTIONS = "Connections.csv"
MESSAGES = "messages.csv"

#: How many rows may come before a header (the notes of ``Connections.csv`` are a few).
_HEADER_SEARCH_ROWS = 50
#: Names an unknown column cannot take in a request's ``extra``: its fields', and the
#: keys this reader adds.
_TAKEN_NAMES = frozenset(field.name for field in attrs.fields(Request)) | {
    "source",
    "already_connected",
    "connected_on",
}
#: What opening an export's file may raise: as reading, and for a zip member that is
#: encrypted (RuntimeError) or compressed in a way Python cannot read (NotImplementedError).
_UNOPENABLE: tuple[type[Exception], ...] = (*UNREADABLE, RuntimeError, NotImplementedError)
_SPACES = re.compile(r"[\s\u202f\u00a0]+")
#: ``Sent At`` as exports write it (``11/19/26, 4:02 PM``), and forms seen beside it.
_SENT_AT_FORMATS = (
    "%m/%d/%y, %I:%M %p",
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%y, %H:%M",
    "%m/%d/%Y, %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
)
_CONNECTED_ON_FORMATS = ("%d %b %Y", "%m/%d/%y", "%m/%d/%Y", "%Y-%m-%d")
#: The first byte of a UTF-8 sequence, read as Windows-1252: UTF-8 text read wrongly holds one.
_MOJIBAKE_MARK = re.compile("[\u00c2-\u00f4]")


@attrs.frozen
class _Row:
    """One data row of a CSV table, by column name."""

    line: int
    cells: dict[str, str | None]
    #: Columns whose bytes were not UTF-8 (read with U+FFFD in their place).
    unreadable: tuple[str, ...] = ()
    #: A problem with the row's shape, such as more cells than the header has.
    shape: str | None = None
    #: The cells of the columns relpolicy does not know, by their header (when not blank).
    extra: dict[str, str] = attrs.field(factory=dict)


@attrs.frozen
class _Header:
    """A table's header row: where each column relpolicy reads is, and the others' names."""

    columns: dict[str, int]
    #: The other columns: their index and name.
    others: tuple[tuple[int, str], ...]
    width: int


def csv_rows(
    stream: IO[bytes], source: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> Iterator[_Row | RecordError]:
    """The rows of a CSV table after its header, which is found by its *required* column names.

    Column names match without regard to case or surrounding space; columns of any other
    name are kept in `_Row.extra`. A cell that is missing from a short row is ``None``.
    A row that cannot be read as CSV (a cell longer than the ``csv`` module's field
    limit, a carriage return inside a cell that is not quoted) is an error of its own.
    """
    header: _Header | None = None
    first: list[str] | None = None  # the first row that has any text, for the error without a header
    seen = 0
    for item in _csv_records(stream, source):
        if isinstance(item, RecordError):
            yield item
            continue
        start, cells, bad = item
        if header is None:
            if not any(cell.strip() for cell in cells):
                continue
            header = _header(cells, required, optional)
            first = first or cells
            seen += 1
            if header is None and seen >= _HEADER_SEARCH_ROWS:
                break
            continue
        if not any(cell.strip() for cell in cells):
            continue
        yield _row(header, start, cells, bad)
    if header is None and first is not None:
        shown = ", ".join(cell.strip() for cell in first[:8])
        message = f"no header row with the columns {', '.join(required)} (the first row has: {shown})"
        yield record_error(source, 1, message)


def _header(cells: list[str], required: tuple[str, ...], optional: tuple[str, ...]) -> _Header | None:
    names = [cell.strip().lstrip("\ufeff").strip() for cell in cells]
    folded = [name.casefold() for name in names]
    if not all(name.casefold() in folded for name in required):
        return None
    columns = {}
    for name in (*required, *optional):
        if name.casefold() in folded:
            columns[name] = folded.index(name.casefold())
    known = set(columns.values())
    others, taken = [], set(_TAKEN_NAMES)
    for index, name in enumerate(names):
        if index in known:
            continue
        key = name or f"column {index + 1}"
        while key in taken:  # (a name of a request's own field, or twice the same)
            key = f"{key} (column {index + 1})"
        taken.add(key)
        others.append((index, key))
    return _Header(columns, tuple(others), len(cells))


def _row(header: _Header, start: int, cells: list[str], bad: bool) -> _Row:
    row = {name: cells[index] if index < len(cells) else None for name, index in header.columns.items()}
    extra = {key: cells[index].strip() for index, key in header.others if index < len(cells)}
    unreadable: tuple[str, ...] = ()
    if bad:
        unreadable = tuple(name for name, value in row.items() if value and "\ufffd" in value)
        unreadable = unreadable or tuple(header.columns)
    shape = None
    if len(cells) > header.width and any(cell.strip() for cell in cells[header.width :]):
        shape = f"the row has {len(cells)} cells, the header {header.width}"
    return _Row(start, row, unreadable, shape, {key: value for key, value in extra.items() if value})


#: What the ``csv`` module says of a row, and what to say instead.
_CSV_PROBLEMS = (
    ("field larger than field limit", "a cell longer than {limit:,} characters"),
    ("new-line character seen in unquoted field", "a line break inside a cell that is not quoted"),
)


def _csv_records(stream: IO[bytes], source: str) -> Iterator[tuple[int, list[str], bool] | RecordError]:
    """Each CSV record of *stream*: the line it starts on, its cells, and whether any of its
    bytes were not UTF-8; or an error for a record that is not readable, after which
    reading goes on with the next record."""
    lines = decoded_lines(stream)
    taken: list[str] = []  # the lines of the record being read
    bad = False
    line = 0  # the number of the last line read

    def feed() -> Iterator[str]:
        nonlocal bad, line
        for number, text, problem in lines:
            line = number
            bad = bad or problem is not None
            taken.append(text)
            yield text

    reader = csv.reader(feed())
    while True:
        taken.clear()
        bad = False
        start = line + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield record_error(source, start, f"{_csv_problem(exc)}; the row is left out")
            # Inside a quoted cell the record goes on: skip to the line that closes it.
            quotes = sum(text.count('"') for text in taken)
            try:
                while quotes % 2:
                    line, text, _ = next(lines)
                    quotes += text.count('"')
            except StopIteration:
                return
            except UNREADABLE as exc:
                yield record_error(source, line + 1, f"cannot read on from here: {reading_error(exc)}")
                return
            continue
        except UNREADABLE as exc:
            yield record_error(source, line + 1, f"cannot read on from here: {reading_error(exc)}")
            return
        yield start, cells, bad


def _csv_problem(exc: csv.Error) -> str:
    text = str(exc)
    for found, said in _CSV_PROBLEMS:
        if found in text:
            return said.format(limit=csv.field_size_limit())
    return f"not readable as CSV: {text}"


def parse_sent_at(text: str) -> datetime:
    """Parse an export's ``Sent At`` value, such as ``11/19/26, 4:02 PM``.

    Also reads ISO 8601 and ``2026-11-19 16:02:00 UTC``. Times without a zone stay naive.

    Raises:
        ValueError: the text is none of those forms.
    """
    text = _SPACES.sub(" ", text).strip()
    zone = None
    if text.upper().endswith(" UTC"):
        text, zone = text[:-4], timezone.utc
    for form in _SENT_AT_FORMATS:
        try:
            parsed = datetime.strptime(text, form)
        except ValueError:
            continue
        return parsed.replace(tzinfo=zone) if zone else parsed
    return _checks.parse_timestamp(text)


def _connected_on(text: str) -> date | None:
    text = _SPACES.sub(" ", text).strip()
    for form in _CONNECTED_ON_FORMATS:
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was read as Windows-1252 (``JosÃ©`` for ``José``), when it surely was.

    Text is changed only if it holds the tell-tale characters and its bytes, taken
    back, read as UTF-8 exactly; anything else is returned as it is.
    """
    if text.isascii() or not _MOJIBAKE_MARK.search(text):
        return text
    raw = bytearray()
    for char in text:
        try:
            raw += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 0xFF:  # bytes Windows-1252 leaves undefined pass through as Latin-1
                return text
            raw.append(ord(char))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return text


def _text(row: _Row, column: str) -> str | None:
    value = row.cells.get(column)
    if value is None:
        return None
    value = value.strip()
    return repair_mojibake(value) if value else None


# -- the export's files -------------------------------------------------------------------

_INVITATION_REQUIRED = ("From", "Direction")
_INVITATION_OPTIONAL = ("To", "Sent At", "Message", "inviterProfileUrl", "inviteeProfileUrl")
_NAME_COLUMNS = ("First Name", "Last Name")
_PROFILE_OPTIONAL = ("Headline", "Summary", "Industry", "Geo Location")
_CONNECTION_OPTIONAL = ("URL", "Company", "Position", "Connected On")

Opener = Callable[[], IO[bytes]]


class Export:
    """A LinkedIn export: a folder, a zip file, or one of its ``.csv`` files and its folder.

    Args:
        path: The folder, the ``.zip`` file, or a ``.csv`` file of the export. When
            ``Invitations.csv`` is needed, a ``.csv`` file is read as the invitations,
            whatever its name.
        needs: The files the export must hold.

    Raises:
        InputError: *path* lacks one of the files it *needs*, or cannot be opened.

    .. versionchanged:: Unreleased
       *needs*, so that an export without invitations can be re-checked.
    """

    def __init__(self, path: str | os.PathLike[str], *, needs: tuple[str, ...] = (INVITATIONS,)) -> None:
        self.path = os.fspath(path)
        target = Path(self.path)
        self._is_zip = False
        self._files: dict[str, tuple[str, str]] = {}  # casefolded name -> (name, source)
        self._opened: IO[bytes] | None = None  # a lone Invitations.csv, opened once
        if target.is_dir():
            self._add_folder(target)
            what = "this folder"
        elif target.suffix.casefold() == ".zip":
            self._is_zip = True
            self._add_zip()
            what = "this zip file"
        else:
            self._add_folder(target.parent)
            if INVITATIONS in needs:
                self._files[INVITATIONS.casefold()] = (target.name, self.path)
                # Fail now, as a usage error, if it cannot be read; and open it once (a named pipe).
                self._opened = open_binary(self.path)
            else:
                open_binary(self.path).close()  # fail now, as a usage error, if it cannot be read
            what = f"the folder of {target.name}"
        missing = [name for name in needs if name.casefold() not in self._files]
        if missing:
            raise InputError(f"{self.path}: no {' or '.join(missing)} in {what}; is it a LinkedIn export?")

    def _add_folder(self, folder: Path) -> None:
        try:
            names = [p.name for p in folder.iterdir() if p.is_file()]
        except OSError as exc:
            raise InputError(f"{folder}: cannot list: {exc.strerror or exc}") from None
        for name in names:
            self._files[name.casefold()] = (name, os.path.join(folder, name))

    def _add_zip(self) -> None:
        try:
            with zipfile.ZipFile(self.path) as archive:
                members = archive.namelist()
        except (OSError, zipfile.BadZipFile) as exc:
            raise InputError(f"{self.path}: cannot open as a zip file: {exc}") from None
        self._zip_members: dict[str, str] = {}
        # the shallowest file of each name wins: exports keep theirs at the top
        for member in sorted(members, key=lambda m: (m.count("/"), m)):
            name = member.rsplit("/", 1)[-1]
            if name and name.casefold() not in self._files:
                self._files[name.casefold()] = (name, f"{self.path}/{member}")
                self._zip_members[name.casefold()] = member

    def _open(self, wanted: str) -> tuple[str, str, IO[bytes]] | RecordError | None:
        """The file called *wanted* (any case): its name, its source label and a stream."""
        found = self._files.get(wanted.casefold())
        if found is None:
            return None
        name, source = found
        if wanted.casefold() == INVITATIONS.casefold() and self._opened is not None:
            stream, self._opened = self._opened, None
            return name, source, stream
        try:
            if not self._is_zip:
                return name, source, open_binary(source)
            # the member stays readable after the archive is closed, until it is closed itself
            with zipfile.ZipFile(self.path) as archive:
                return name, source, archive.open(self._zip_members[wanted.casefold()])
        except InputError as exc:
            return record_error(source, 1, str(exc))
        except _UNOPENABLE as exc:
            return record_error(source, 1, f"cannot open: {reading_error(exc)}")

    def __del__(self) -> None:
        if self._opened is not None:
            self._opened.close()

    def recipient(self) -> tuple[Profile | None, list[RecordError]]:
        """The owner's profile from ``Profile.csv`` (``None`` without one), and any errors reading it."""
        opened = self._open(PROFILE)
        if opened is None:
            return None, []
        if isinstance(opened, RecordError):
            return None, [opened]
        _, source, stream = opened
        with stream:
            for row in csv_rows(stream, source, _NAME_COLUMNS, _PROFILE_OPTIONAL):
                if isinstance(row, RecordError):
                    return None, [row]
                return _owner(row), []
        return None, []

    def connections(self) -> tuple[Connections, list[RecordError]]:
        """The owner's connections from ``Connections.csv``, and the rows that could not be read.

        A row whose ``Connected On`` is not a date is reported, and its connection kept
        without the date.
        """
        known = Connections()
        errors: list[RecordError] = []
        opened = self._open(CONNECTIONS)
        if isinstance(opened, RecordError):
            errors.append(opened)
        elif opened is not None:
            name, source, stream = opened
            with stream:
                for row in csv_rows(stream, source, _NAME_COLUMNS, _CONNECTION_OPTIONAL):
                    if isinstance(row, RecordError):
                        errors.append(row)
                        continue
                    connection, problems = _connection(row, f"{name}:{row.line}")
                    if problems:
                        errors.append(RecordError(source, row.line, problems))
                    if connection is not None:
                        known.add(connection)
        return known, errors

    def requests(
        self, *, senders: Senders | None = None, recipient: bool = True
    ) -> Iterator[Request | RecordError]:
        """The incoming invitations as requests, or errors for rows that cannot be read.

        Problems with ``Profile.csv`` and ``Connections.csv`` come first. A request's
        ``id`` is its sender's profile address (``#2``, ``#3``... is added to a second
        and later invitation from the same address), or ``Invitations.csv:LINE`` when
        the export has no addresses; ``extra["source"]`` is always ``Invitations.csv:LINE``.

        Args:
            senders: What the user knows of senders, to fill in their profiles.
            recipient: Whether to make the owner (``Profile.csv``) each request's recipient.
        """
        owner = None
        if recipient:
            owner, errors = self.recipient()
            yield from errors
        connections, errors = self.connections()
        yield from errors
        opened = self._open(INVITATIONS)
        if not isinstance(opened, tuple):
            if opened is not None:
                yield opened
            return
        name, source, stream = opened
        ids = _Ids()
        with stream:
            for row in csv_rows(stream, source, _INVITATION_REQUIRED, _INVITATION_OPTIONAL):
                if isinstance(row, RecordError):
                    yield row
                    continue
                request = _invitation(row, source, f"{name}:{row.line}", owner, ids)
                if isinstance(request, Request):
                    request = connections.mark(request)
                    if senders is not None:
                        request = senders.fill_in(request)
                if request is not None:
                    yield request


def _owner(row: _Row) -> Profile:
    name = " ".join(part for part in (_text(row, "First Name"), _text(row, "Last Name")) if part)
    summary = _text(row, "Summary")
    return Profile(
        name=name or None,
        headline=_text(row, "Headline"),
        industry=_text(row, "Industry"),
        location=_text(row, "Geo Location"),
        extra={"summary": summary} if summary else {},
    )


class _Ids:
    """Gives each request of a file an id of its own: the sender's address, then ``#2``, ``#3``..."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def __call__(self, url: str | None, where: str) -> str:
        if not url:
            return where
        key = url_key(url)
        count = self._seen.get(key, 0) + 1
        self._seen[key] = count
        return url if count == 1 else f"{url}#{count}"


def _invitation(
    row: _Row, source: str, where: str, owner: Profile | None, ids: _Ids
) -> Request | RecordError | None:
    """The request of an ``INCOMING`` row, ``None`` for an ``OUTGOING`` one.

    *where* is ``FILE:LINE``, the request's ``source``; *ids* gives its id.
    """
    problems = []
    if row.shape:
        problems.append(Problem("", row.shape))
    for column in row.unreadable:
        problems.append(Problem(column, "not UTF-8 text"))
    direction = (row.cells.get("Direction") or "").strip()
    if row.cells.get("Direction") is None:
        problems.append(Problem("Direction", "missing from this row"))
    elif direction.upper() == "OUTGOING" and not problems:
        return None
    elif direction.upper() != "INCOMING":
        problems.append(Problem("Direction", f"expected INCOMING or OUTGOING, got {direction[:40]!r}"))
    sent_at = None
    sent_text = _text(row, "Sent At")
    if sent_text:
        try:
            sent_at = parse_sent_at(sent_text)
        except ValueError:
            problems.append(
                Problem("Sent At", f"expected a date like '11/19/26, 4:02 PM', got {sent_text[:40]!r}")
            )
    if problems:
        return RecordError(source, row.line, tuple(problems))
    message = row.cells.get("Message")
    note = repair_mojibake(message.replace("\r\n", "\n").strip()) if message and message.strip() else None
    url = _text(row, "inviterProfileUrl")
    sender = Profile(name=_text(row, "From"), url=url)
    return Request(
        sender=sender,
        note=note,
        sent_at=sent_at,
        id=ids(url, where),
        recipient=owner,
        extra={**{key: repair_mojibake(value) for key, value in row.extra.items()}, "source": where},
    )


@attrs.frozen
class Connection:
    """One of the owner's connections: a row of ``Connections.csv``.

    .. versionadded:: Unreleased
    """

    #: Their name (``First Name`` and ``Last Name``).
    name: str | None
    #: Their profile address; exports before mid-2023 have none.
    url: str | None = None
    #: Where they work, as they gave it.
    company: str | None = None
    #: Their job title, as they gave it.
    position: str | None = None
    #: The day you connected, if the row says.
    connected_on: date | None = None
    #: ``FILE:LINE`` of the row.
    source: str = ""

    @property
    def id(self) -> str:
        """Their profile address, else ``FILE:LINE`` of their row: what identifies them."""
        return self.url or self.source

    def profile(self) -> Profile:
        """What the export says of them, as a `Profile`: ``Position at Company`` is the headline."""
        headline = " at ".join(part for part in (self.position, self.company) if part)
        return Profile(name=self.name, headline=headline or None, url=self.url)


def _connection(row: _Row, where: str) -> tuple[Connection | None, list[Problem]]:
    """The connection of a row (``None`` for a row with neither a name nor an address)."""
    problems = [Problem(column, "not UTF-8 text") for column in row.unreadable]
    name = " ".join(part for part in (_text(row, "First Name"), _text(row, "Last Name")) if part)
    url = _text(row, "URL")
    connected_text = _text(row, "Connected On")
    connected_on = _connected_on(connected_text) if connected_text else None
    if connected_text and connected_on is None:
        problems.append(
            Problem(
                "Connected On",
                f"expected a date like '03 Mar 2025', got {connected_text[:40]!r}; "
                "the connection is kept without it",
            )
        )
    if not name and not url:
        return None, problems
    connection = Connection(
        name=name or None,
        url=url,
        company=_text(row, "Company"),
        position=_text(row, "Position"),
        connected_on=connected_on,
        source=where,
    )
    return connection, problems


class Connections:
    """The owner's connections, found by profile address (or by name, for rows without one)."""

    def __init__(self, connections: Iterable[Connection] = ()) -> None:
        self._by_url: dict[str, Connection] = {}
        self._by_name: dict[str, Connection] = {}
        for connection in connections:
            self.add(connection)

    def __len__(self) -> int:
        return len(self._by_url) + len(self._by_name)

    def __iter__(self) -> Iterator[Connection]:
        yield from self._by_url.values()
        yield from self._by_name.values()

    def add(self, connection: Connection) -> None:
        """Add *connection*; a later one with the same address (or name, without one) wins."""
        if connection.url:
            self._by_url[url_key(connection.url)] = connection
        elif connection.name:
            self._by_name[name_key(connection.name)] = connection

    def find(self, url: str | None, name: str | None = None) -> Connection | None:
        """The connection with profile address *url*; else, among those without an address,
        the one called *name*."""
        if url:
            found = self._by_url.get(url_key(url))
            if found is not None:
                return found
        if name and self._by_name:
            return self._by_name.get(name_key(name))
        return None

    def mark(self, request: Request) -> Request:
        """*request*, marked ``already_connected`` (with ``connected_on``) if its sender is a connection."""
        if not self._by_url or not request.sender.url:
            return request
        found = self._by_url.get(url_key(request.sender.url))
        if found is None:
            return request
        extra = {**request.extra, "already_connected": True}
        if found.connected_on:
            extra["connected_on"] = found.connected_on.isoformat()
        return attrs.evolve(request, sender=merge_profiles(request.sender, found.profile()), extra=extra)
