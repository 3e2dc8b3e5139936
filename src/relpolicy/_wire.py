"""Compact forms of requests and decisions, for sending many of them between processes.

Pickling an attrs object runs Python code for every field on both sides, which costs
about as much as deciding it. Here a request travels as one flat tuple of its field
values (read in a single C call), and a chunk of decisions as tables of the distinct
vote lists and action lists it holds plus one small row per decision. The other side
rebuilds the objects slot by slot, without checking again values that were valid when
they left. Anything else (a subclass, a mapping in the JSON form) travels as it is,
wrapped in a one-item list so that it is never mistaken for a packed value.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from operator import attrgetter
from typing import Any

import attrs

from ._model import Action, Decision, Profile, Request, Verdict, Vote


def _fields(cls: type) -> list[str]:
    names = [a.name for a in attrs.fields(cls)]
    if set(getattr(cls, "__slots__", ())) - {"__weakref__"} != set(names):
        raise TypeError(f"{cls.__name__} has slots that are not fields (such as a cached hash)")
    return names


def _setters(cls: type) -> dict[str, Any]:
    """The slot setters of *cls*, by field name: they bypass the frozen class's refusal."""
    return {name: vars(cls)[name].__set__ for name in _fields(cls)}


_PROFILE_FIELDS = _fields(Profile)
_SET_PROFILE = tuple(_setters(Profile).values())
_SET_REQUEST = _setters(Request)
_SET_VOTE = tuple(_setters(Vote).values())
_SET_DECISION = tuple(_setters(Decision).items())
_read_decision = attrgetter(*_fields(Decision))
#: The request's own fields other than the two profiles, after the sender's fields.
_REQUEST_REST = [name for name in _fields(Request) if name not in ("sender", "recipient")]
_SET_REQUEST_REST = tuple(_SET_REQUEST[name] for name in _REQUEST_REST)
_read_flat = attrgetter(*[f"sender.{name}" for name in _PROFILE_FIELDS], *_REQUEST_REST)
_read_profile = attrgetter(*_PROFILE_FIELDS)
_read_vote = attrgetter(*_fields(Vote))
_VERDICTS = tuple(Verdict)
_VERDICT_INDEX = {verdict: index for index, verdict in enumerate(_VERDICTS)}


def _build(cls: type, setters: Sequence[Any], values: Sequence[Any]) -> Any:
    instance: Any = object.__new__(cls)
    for set_value, value in zip(setters, values, strict=False):  # *values* may run on past the fields
        set_value(instance, value)
    return instance


def pack_request(item: object) -> Any:
    """The compact form of *item* when it is a plain `Request`, else *item* wrapped as is."""
    if type(item) is Request and type(item.sender) is Profile:
        recipient = item.recipient
        if recipient is None:
            return _read_flat(item)
        if type(recipient) is Profile:
            return (_read_flat(item), _read_profile(recipient))
    return [item]


def unpack_request(packed: Any) -> Any:
    """Undo `pack_request`."""
    if type(packed) is list:
        return packed[0]
    if len(packed) == 2:
        flat, recipient = packed[0], _build(Profile, _SET_PROFILE, packed[1])
    else:
        flat, recipient = packed, None
    request = object.__new__(Request)
    _SET_REQUEST["sender"](request, _build(Profile, _SET_PROFILE, flat))
    _SET_REQUEST["recipient"](request, recipient)
    for set_value, value in zip(_SET_REQUEST_REST, flat[len(_PROFILE_FIELDS) :], strict=True):
        set_value(request, value)
    return request


#: A chunk of packed decisions: the distinct votes (each as its field values), the
#: distinct action lists, and one row per decision that points into both.
PackedDecisions = tuple[list[tuple[Any, ...]], list[tuple[Action, ...]], list[Any]]


def _vote_key(vote: Vote) -> tuple[Any, ...]:
    key: tuple[Any, ...] = _read_vote(vote)
    if key[1] == 0.0:  # 0.0 == -0.0, but each must come back as it went
        key = (*key, math.copysign(1.0, key[1]))
    return key


def pack_decisions(decisions: Iterable[object]) -> PackedDecisions:
    """The compact form of a chunk of decisions (anything but a plain `Decision` as is),
    read one at a time: each decision can be let go as soon as it is packed.

    A vote is sent once per chunk however many decisions hold it (rules answer repeated
    inputs with the very same `Vote`): votes are told apart by identity, which costs
    nothing to hash, and kept alive until the chunk is packed, so that no identity is
    reused.
    """
    vote_index: dict[int, int] = {}
    votes: list[tuple[Any, ...]] = []
    kept: list[Vote] = []
    action_lists: dict[tuple[Action, ...], int] = {}
    rows: list[Any] = []
    for decision in decisions:
        if type(decision) is Decision:
            actions = decision.actions
            if all(type(v) is Vote for v in decision.votes) and all(type(a) is Action for a in actions):
                at = []
                for vote in decision.votes:
                    index = vote_index.get(id(vote))
                    if index is None:
                        index = vote_index[id(vote)] = len(votes)
                        votes.append(_vote_key(vote))
                        kept.append(vote)
                    at.append(index)
                packed = {
                    "verdict": _VERDICT_INDEX[decision.verdict],
                    "votes": tuple(at),
                    "actions": action_lists.setdefault(actions, len(action_lists)),
                }
                rows.append(
                    tuple(
                        packed.get(name, value)
                        for (name, _set), value in zip(_SET_DECISION, _read_decision(decision), strict=True)
                    )
                )
                continue
        rows.append([decision])
    return votes, list(action_lists), rows


def unpack_decisions(packed: PackedDecisions) -> Iterator[Any]:
    """Undo `pack_decisions`, one decision at a time: a reader that lets each go before
    the next is made keeps few objects alive, and the garbage collector idle."""
    vote_keys, action_lists, rows = packed
    votes = [_build(Vote, _SET_VOTE, key) for key in vote_keys]
    unpack = {
        "verdict": _VERDICTS.__getitem__,
        "votes": lambda at: tuple([votes[index] for index in at]),
        "actions": action_lists.__getitem__,
    }
    setters = [(set_value, unpack.get(name)) for name, set_value in _SET_DECISION]
    for row in rows:
        if type(row) is list:
            yield row[0]
            continue
        decision = object.__new__(Decision)
        for (set_value, read), value in zip(setters, row, strict=True):
            set_value(decision, value if read is None else read(value))
        yield decision
