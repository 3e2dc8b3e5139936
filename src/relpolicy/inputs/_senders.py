"""What the user knows about people: the recipient's own profile, and senders' profiles.

A LinkedIn export says little about whoever sent an invitation (a name and a profile
address), so the user may add what they know in a file of profiles, found by address.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import attrs

from .. import _checks
from .._errors import InvalidRequest, Problem
from .._model import Profile, Request
from ._records import (
    InputError,
    RecordError,
    Records,
    built,
    encoding_of,
    open_binary,
    text_name,
    value_reader,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib


@attrs.frozen
class KnownSender:
    """What the user knows of one sender, from a ``--profiles`` file."""

    #: The sender's profile; found by its ``url`` (or by its ``name`` when it has none).
    profile: Profile
    #: How many connections the sender and the recipient have in common, if known.
    mutual_connections: int | None = None


def url_key(url: str) -> str:
    """A profile address reduced to what identifies it.

    ``https://www.linkedin.com/in/Sam/`` and ``linkedin.com/in/sam?trk=x`` give the same
    key, and so do ``/in/zo%C3%AB`` and ``/in/zoë``.
    """
    key = unquote(url.strip()).casefold()
    for prefix in ("https://", "http://"):
        if key.startswith(prefix):
            key = key[len(prefix) :]
    key = key.removeprefix("www.")
    for mark in "?#":
        key = key.split(mark, 1)[0]
    return key.rstrip("/")


def name_key(name: str) -> str:
    """A person's name reduced for matching: case and runs of white space ignored."""
    return " ".join(name.casefold().split())


class Senders:
    """An index of `KnownSender` entries by profile address, and by name as a fallback.

    Args:
        known: The entries; when two share an address or a name, the later one wins.
    """

    def __init__(self, known: Iterable[KnownSender] = ()) -> None:
        self._by_url: dict[str, KnownSender] = {}
        self._by_name: dict[str, KnownSender] = {}
        for entry in known:
            if entry.profile.url:
                self._by_url[url_key(entry.profile.url)] = entry
            elif entry.profile.name:
                self._by_name[name_key(entry.profile.name)] = entry

    def __len__(self) -> int:
        return len(self._by_url) + len(self._by_name)

    def find(self, sender: Profile) -> KnownSender | None:
        """The entry for *sender*: by address when it has one, else by name."""
        if sender.url:
            return self._by_url.get(url_key(sender.url))
        if sender.name:
            return self._by_name.get(name_key(sender.name))
        return None

    def fill_in(self, request: Request) -> Request:
        """*request* with what is known of its sender added: fields the request lacks, never replaced."""
        entry = self.find(request.sender)
        if entry is None:
            return request
        mutual = request.mutual_connections
        if mutual is None:
            mutual = entry.mutual_connections
        return attrs.evolve(
            request, sender=merge_profiles(request.sender, entry.profile), mutual_connections=mutual
        )


def merge_profiles(first: Profile, fallback: Profile) -> Profile:
    """*first*, with each field it leaves empty taken from *fallback*."""
    fields: dict[str, Any] = {}
    for field in attrs.fields(Profile):
        if field.name == "extra":
            continue
        value = getattr(first, field.name)
        fields[field.name] = value if value not in (None, ()) else getattr(fallback, field.name)
    return Profile(**fields, extra={**fallback.extra, **first.extra})


def read_profiles(path: str | os.PathLike[str]) -> Iterator[KnownSender | RecordError]:
    """Read a file of sender profiles: JSON (an array or objects) or JSONL.

    Each entry is a profile in the JSON form `relpolicy.Profile.from_dict` reads, plus
    ``mutual_connections``, and needs a ``url`` (or, for exports without addresses, a ``name``).

    Raises:
        InputError: the file cannot be opened, or is neither ``.json`` nor ``.jsonl``.
    """
    source = os.fspath(path)
    reader = value_reader(source)
    if reader is None:
        raise InputError(f"{source}: expected a .json or .jsonl file of profiles")
    stream = open_binary(source)  # (once: a named pipe has one reader)
    return Records(stream, built(reader(stream, source), source, lambda line, data: known_sender(data)))


def known_sender(data: object) -> KnownSender:
    """Build a `KnownSender` from its JSON form.

    Raises:
        InvalidRequest: naming the fields that are wrong.
    """
    if not isinstance(data, Mapping):
        raise InvalidRequest([Problem("", f"expected a JSON object, got {type(data).__name__}")])
    fields = dict(data)
    problems: list[Problem] = []
    mutual = _checks.optional_count(fields, "mutual_connections", "", problems)
    fields.pop("mutual_connections", None)
    if not fields.get("url") and not fields.get("name"):
        problems.append(Problem("url", "is required (or a name, for exports without profile addresses)"))
    try:
        profile = Profile.from_dict(fields)
    except InvalidRequest as exc:
        problems.extend(exc.problems)
    if problems:
        raise InvalidRequest(problems)
    return KnownSender(profile, mutual)


def read_recipient(path: str | os.PathLike[str]) -> Profile:
    """Read the recipient's profile from a JSON or TOML file.

    The file holds the profile itself, or a ``recipient`` table/object with it (so a
    ``relpolicy.toml`` can serve as well).

    Raises:
        InputError: naming the file and, when the content is wrong, the field.
    """
    source = os.fspath(path)
    with open_binary(source) as stream:
        raw = stream.read()
    data: object
    try:
        text = raw.decode(encoding_of(raw[:4]))
        data = tomllib.loads(text) if Path(source).suffix.casefold() == ".toml" else json.loads(text)
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not {text_name(exc.encoding)} text (byte {exc.start + 1})") from None
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and TOMLDecodeError are ValueErrors
        raise InputError(f"{source}: cannot read: {exc}") from None
    if isinstance(data, Mapping) and isinstance(data.get("recipient"), Mapping):
        data = data["recipient"]
    if not isinstance(data, Mapping):
        raise InputError(f"{source}: expected a profile (an object), got {type(data).__name__}")
    try:
        return Profile.from_dict(data)
    except InvalidRequest as exc:
        raise InputError(f"{source}: {exc}") from None
