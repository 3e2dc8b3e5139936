"""Reading an export's ``messages.csv``: what your connections wrote to you after connecting.

The columns are ``CONVERSATION ID, CONVERSATION TITLE, FROM, SENDER PROFILE URL, TO,
RECIPIENT PROFILE URLS, DATE, SUBJECT, CONTENT, FOLDER``; exports before mid-2023 have no
``RECIPIENT PROFILE URLS`` (``TO`` then joins the recipients' names with ``", "``), and
newer ones add ``ATTACHMENTS`` and ``IS MESSAGE DRAFT``. ``DATE`` reads like
``2025-03-04 09:12:44 UTC``; ``CONTENT`` may span lines.

The file is read twice, in constant memory per conversation: first for what each
conversation is (who wrote in it, whether it went to a group, whether it led to a call),
then for the messages themselves.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import datetime

import attrs

from .._errors import Problem
from .._model import Profile, Request
from ._linkedin import (
    CONNECTIONS,
    MESSAGES,
    Connection,
    Connections,
    Export,
    _Row,
    _text,
    csv_rows,
    parse_sent_at,
    repair_mojibake,
)
from ._records import RecordError
from ._senders import name_key, url_key

_REQUIRED = ("CONVERSATION ID", "FROM", "DATE", "CONTENT")
_OPTIONAL = (
    "CONVERSATION TITLE",
    "SENDER PROFILE URL",
    "TO",
    "RECIPIENT PROFILE URLS",
    "SUBJECT",
    "FOLDER",
    "ATTACHMENTS",
    "IS MESSAGE DRAFT",
    "IS CONVERSATION DRAFT",
)

_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
#: What shows that a conversation led to a call or a meeting, held or arranged: a
#: meeting link, thanks for one that took place, or a time agreed. An offer of a call
#: ("can we hop on a call?") is not one; a pitch makes such offers.
_CALL = re.compile(
    r"\b(?:zoom\.us/j/|meet\.google\.com/|teams\.microsoft\.com/l/meetup-join|webex\.com/meet)\S*"
    r"|\b(?:great|good|nice|lovely|wonderful) (?:talking|speaking|chatting) (?:with|to) you\b"
    r"|\bthanks?(?: you)?(?: so much)? for (?:the|our|today's|yesterday's) "
    r"(?:call|chat|conversation|meeting|zoom|coffee)\b"
    r"|\b(?:enjoyed|appreciated) (?:our|the) (?:call|chat|conversation|meeting|talk|zoom|coffee)\b"
    rf"|\b(?:talk|speak) (?:to you |with you )?(?:then|tomorrow|on {_DAY})\b"
    rf"|\bsee you (?:then|tomorrow|on {_DAY})\b"
    r"|\bsent (?:you )?(?:an? |the )?(?:calendar |zoom |meeting )?invit(?:e|ation)\b",
    re.IGNORECASE,
)
_MAX_CALL_QUOTE = 80


def find_call(text: str) -> str | None:
    """The words of *text* that show a call or a meeting held or arranged, if any.

    A meeting link (Zoom, Google Meet, Teams, Webex), thanks for a call or a chat that
    took place (``Thanks for the call yesterday``), or a time agreed (``Talk to you
    on Tuesday``, ``I sent you a calendar invite``). An offer of a call is not enough.
    """
    found = _CALL.search(text)
    return found.group()[:_MAX_CALL_QUOTE] if found else None


@attrs.frozen
class ConnectionMessage:
    """A message one of your connections sent you, one-to-one, after you connected.

    .. versionadded:: Unreleased
    """

    #: Who sent it.
    connection: Connection
    #: The message as a request to decide: the subject and text as the ``note``, what
    #: the export says of the sender (``Position at Company``) as the ``sender``, the
    #: date as ``sent_at``; its id is the sender's address and the date, and
    #: ``extra`` holds ``source`` (``messages.csv:LINE``), ``conversation``,
    #: ``already_connected`` and ``connected_on``.
    request: Request
    #: Whether you wrote in the same conversation: a two-way conversation.
    replied: bool = False
    #: Words of the conversation that show it led to a call or meeting (only when you
    #: replied), such as a Zoom link; see `find_call`.
    call: str | None = None


@attrs.frozen
class _Message:
    line: int
    conversation: str
    sender_name: str | None
    sender_url: str | None
    #: How many people it went to (0: the row does not say).
    recipients: int
    #: The keys (see `url_key`) of the addresses it went to, when the row gives them.
    recipient_keys: tuple[str, ...]
    sent_at: datetime | None
    text: str | None
    draft: bool
    problems: tuple[Problem, ...] = ()
    #: ``FILE:LINE``.
    where: str = ""

    @property
    def sender_key(self) -> str | None:
        if self.sender_url:
            return url_key(self.sender_url)
        return f"name:{name_key(self.sender_name)}" if self.sender_name else None


def _recipients(urls: str | None, names: str | None, owner: str | None) -> tuple[int, tuple[str, ...]]:
    """How many people a message went to, and the keys of their addresses when known."""
    if urls:
        keys = tuple(url_key(url) for url in urls.split(",") if url.strip())
        return len(keys), keys
    if not names:
        return 0, ()
    if owner and name_key(names) == name_key(owner):
        return 1, ()
    return names.count(", ") + 1, ()


def _message(row: _Row, owner: str | None) -> _Message:
    problems = [Problem(column, "not UTF-8 text") for column in row.unreadable]
    if row.shape:
        problems.append(Problem("", row.shape))
    sent_at = None
    date_text = _text(row, "DATE")
    if date_text:
        try:
            sent_at = parse_sent_at(date_text)
        except ValueError:
            problems.append(
                Problem("DATE", f"expected a date like '2025-03-04 09:12:44 UTC', got {date_text[:40]!r}")
            )
    parts = []
    for column in ("SUBJECT", "CONTENT"):
        value = row.cells.get(column)
        if value and value.strip():
            parts.append(repair_mojibake(value.replace("\r\n", "\n").strip()))
    recipients, recipient_keys = _recipients(_text(row, "RECIPIENT PROFILE URLS"), _text(row, "TO"), owner)
    return _Message(
        line=row.line,
        conversation=_text(row, "CONVERSATION ID") or f"line {row.line}",
        sender_name=_text(row, "FROM"),
        sender_url=_text(row, "SENDER PROFILE URL"),
        recipients=recipients,
        recipient_keys=recipient_keys,
        sent_at=sent_at,
        text="\n\n".join(parts) or None,
        draft=(_text(row, "IS MESSAGE DRAFT") or "").casefold() in ("yes", "true"),
        problems=tuple(problems),
    )


class _Conversation:
    """What is known of a conversation once all its messages are read.

    It went to a group when a message had several recipients, when more than two
    addresses took part, or when two of your connections wrote in it: a one-to-one
    conversation is between you and one other person.
    """

    __slots__ = ("call", "connections", "group", "participants", "senders")

    def __init__(self) -> None:
        self.senders: set[str] = set()
        self.connections: set[str] = set()
        self.participants: set[str] = set()
        self.group = False
        self.call: str | None = None

    def add(self, message: _Message, connections: Connections) -> None:
        key = message.sender_key
        if key is not None:
            self.senders.add(key)
            if connections.find(message.sender_url, message.sender_name) is not None:
                self.connections.add(key)
        if message.sender_url:
            self.participants.add(url_key(message.sender_url))
        self.participants.update(message.recipient_keys)
        if message.recipients > 1 or len(self.participants) > 2 or len(self.connections) > 1:
            self.group = True
        if self.call is None and message.text:
            self.call = find_call(message.text)


def _messages(export: Export, owner: str | None) -> Iterator[_Message | RecordError]:
    opened = export._open(MESSAGES)
    if not isinstance(opened, tuple):
        if opened is not None:
            yield opened
        return
    name, source, stream = opened
    with stream:
        for row in csv_rows(stream, source, _REQUIRED, _OPTIONAL):
            if isinstance(row, RecordError):
                yield row
                continue
            message = _message(row, owner)
            if message.problems:
                yield RecordError(source, row.line, message.problems)
            yield attrs.evolve(message, where=f"{name}:{row.line}")


def read_connection_messages(
    path: str | os.PathLike[str], *, recipient: bool = True
) -> Iterator[ConnectionMessage | RecordError]:
    """Read the messages your connections sent you, one-to-one, after you connected.

    *path* is a LinkedIn export (its folder or ``.zip``) with ``Connections.csv`` and
    ``messages.csv``. A message is left out when its sender is not a connection (you,
    or a stranger's InMail), when it went to a group (several recipients, or a
    conversation in which more than two people took part), when it was sent before
    you connected, or when it is a draft. Rows that cannot be read are `RecordError`
    values, first those of ``Profile.csv`` and ``Connections.csv``.

    Args:
        path: The export.
        recipient: Whether to make the owner (``Profile.csv``) each request's recipient.

    Raises:
        InputError: *path* is not an export with both files, or cannot be opened.

    .. versionadded:: Unreleased
    """
    export = Export(path, needs=(CONNECTIONS, MESSAGES))
    return _connection_messages(export, recipient)


def _connection_messages(export: Export, recipient: bool) -> Iterator[ConnectionMessage | RecordError]:
    owner, errors = export.recipient()
    if recipient:
        yield from errors
    connections, errors = export.connections()
    yield from errors
    owner_name = owner.name if owner is not None else None
    conversations: dict[str, _Conversation] = {}
    for item in _messages(export, owner_name):
        if isinstance(item, _Message) and not item.draft:
            conversations.setdefault(item.conversation, _Conversation()).add(item, connections)
    for item in _messages(export, owner_name):
        if isinstance(item, RecordError):
            yield item
            continue
        found = None if item.problems else _from_connection(item, connections, conversations)
        if found is not None:
            connection, conversation = found
            yield _connection_message(item, connection, conversation, owner if recipient else None)


def _from_connection(
    message: _Message, connections: Connections, conversations: dict[str, _Conversation]
) -> tuple[Connection, _Conversation] | None:
    """The connection who sent *message* one-to-one after connecting, with its conversation."""
    if message.draft or not message.text:
        return None
    connection = connections.find(message.sender_url, message.sender_name)
    if connection is None:
        return None
    conversation = conversations.get(message.conversation)
    if conversation is None or conversation.group:
        return None
    connected_on = connection.connected_on
    if connected_on is not None and message.sent_at is not None and message.sent_at.date() < connected_on:
        return None
    if connection.url is None and message.sender_url:
        connection = attrs.evolve(connection, url=message.sender_url)
    return connection, conversation


def _connection_message(
    message: _Message,
    connection: Connection,
    conversation: _Conversation,
    owner: Profile | None,
) -> ConnectionMessage:
    key = message.sender_key
    replied = any(sender != key for sender in conversation.senders)
    extra: dict[str, object] = {
        "source": message.where,
        "conversation": message.conversation,
        "already_connected": True,
    }
    if connection.connected_on is not None:
        extra["connected_on"] = connection.connected_on.isoformat()
    when = message.sent_at.isoformat() if message.sent_at is not None else message.where
    request = Request(
        sender=connection.profile(),
        note=message.text,
        sent_at=message.sent_at,
        id=f"{connection.id}@{when}",
        recipient=owner,
        extra=extra,
    )
    return ConnectionMessage(connection, request, replied, conversation.call if replied else None)
