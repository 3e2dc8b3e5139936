"""Re-checking connections already made: did they approach you with a pitch once connected?

The career coach of *First, Build the Relationship* has "actually made the connection
and removed it" when the new connection then came with a pitch. `recheck` reads what
each connection wrote to you (`relpolicy.inputs.read_connection_messages`) with a
policy's rules, one message at a time as if it were a request's note, and gives each
connection who wrote a verdict:

- `ConnectionVerdict.REMOVE`: a message was vetoed, as the ``hard-sell`` rule vetoes a
  clear pitch, at any point;
- `ConnectionVerdict.REVIEW`: no veto, but a message was declined (weaker sales signals)
  or a rule failed on it;
- `ConnectionVerdict.KEEP`: nothing against them.

A two-way conversation (you replied), and above all one that led to a call or a
meeting, is evidence of a relationship: it is shown with the verdict, and never
overrides a pitch::

    from relpolicy.inputs import read_connection_messages
    from relpolicy.recheck import recheck, recheck_policy

    policy = recheck_policy()
    for item in recheck(policy, read_connection_messages("Complete_LinkedInDataExport.zip")):
        print(item)

.. versionadded:: Unreleased
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

import attrs

from ._config import Config
from ._model import Decision, Profile, Request, Verdict
from ._policy import Policy
from .inputs import Connection, ConnectionMessage, RecordError

__all__ = [
    "REQUEST_ONLY_RULES",
    "ConnectionVerdict",
    "Recheck",
    "judge",
    "recheck",
    "recheck_policy",
    "verdict_of",
]

#: Standard rules that judge a request to connect rather than what a message says, and
#: are left out of a re-check by `recheck_policy`: ``note-present`` asks whether a note
#: says why to connect, and would count "Thanks for connecting!" against its sender.
REQUEST_ONLY_RULES = frozenset({"note-present"})


class ConnectionVerdict(enum.Enum):
    """What to do with a connection."""

    #: Nothing they wrote speaks against them.
    KEEP = "keep"
    #: A person should read what they wrote: weaker sales signals, or a rule failed.
    REVIEW = "review"
    #: They approached you with a pitch.
    REMOVE = "remove"


_RANK = {ConnectionVerdict.KEEP: 0, ConnectionVerdict.REVIEW: 1, ConnectionVerdict.REMOVE: 2}


def verdict_of(decision: Decision) -> ConnectionVerdict:
    """What one message's decision says of its sender.

    A veto removes; a decline, or a rule that failed, calls for a review; anything
    else keeps.
    """
    if decision.vetoed:
        return ConnectionVerdict.REMOVE
    if decision.verdict is Verdict.DECLINE or decision.errors:
        return ConnectionVerdict.REVIEW
    return ConnectionVerdict.KEEP


def recheck_policy(
    *,
    recipient: Profile | None = None,
    config: Config | Mapping[str, Any] | None = None,
    disable: Iterable[str] = (),
    enable: Collection[str] = (),
) -> Policy:
    """`Policy.default` for re-checking messages: every installed rule but `REQUEST_ONLY_RULES`.

    Args:
        recipient: The person deciding (you).
        config: The configuration, as for `Policy.default`.
        disable: More rules to leave out.
        enable: Rules of `REQUEST_ONLY_RULES` to keep in after all.
    """
    left_out = {*(REQUEST_ONLY_RULES - set(enable)), *disable}
    return Policy.default(recipient=recipient, config=config, disable=tuple(sorted(left_out)))


def _when(request: Request) -> tuple[bool, float]:
    """A sort key: the earlier a message, the smaller; undated messages last."""
    sent_at = request.sent_at
    if sent_at is None:
        return (True, 0.0)
    return (False, sent_at.timestamp())


@attrs.frozen
class Recheck:
    """The re-check of one connection: the verdict, and the message that decided it."""

    #: Who.
    connection: Connection
    #: What to do.
    verdict: ConnectionVerdict
    #: The message that decided the verdict (the earliest of those that weigh most), as a request.
    request: Request
    #: That message's decision.
    decision: Decision
    #: How many of their messages were read.
    messages: int = 1
    #: Whether you wrote in a conversation with them.
    replied: bool = False
    #: Words that show a conversation with them led to a call or meeting, if any.
    call: str | None = None

    @property
    def reasons(self) -> tuple[str, ...]:
        """The reasons for the verdict, strongest first, then the evidence of a relationship."""
        reasons: list[str] = []
        failed = len(self.decision.errors)
        if failed:
            reasons.append(f"{failed} rule{'' if failed == 1 else 's'} failed on a message")
        if self.verdict is ConnectionVerdict.KEEP:
            read = f"{self.messages} message{'' if self.messages == 1 else 's'}"
            reasons.append(f"no sales pitch in {read}")
            reasons.extend(v.reason for v in self.decision.votes if v.score > 0 and v.reason)
        else:
            reasons.extend(self.decision.reasons)
        if self.call:
            reasons.append(f"the conversation led to a call or meeting ({self.call!r})")
        elif self.replied:
            reasons.append("a two-way conversation: you replied")
        return tuple(reasons)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``id`` (their profile address), ``name``, ``verdict``, ``reasons``,
        the deciding message's ``votes`` (with evidence), ``date``, ``score`` and ``errors``,
        and ``source``, ``connected_on``, ``messages``, ``replied``, ``call``."""
        decision = self.decision.to_dict()
        sent_at = self.request.sent_at
        connected_on = self.connection.connected_on
        return {
            "id": self.connection.id,
            "name": self.connection.name,
            "verdict": self.verdict.value,
            "reasons": list(self.reasons),
            "date": sent_at.isoformat() if sent_at is not None else None,
            "score": decision["score"],
            "votes": decision["votes"],
            "errors": decision["errors"],
            "message": self.request.note,
            "source": self.request.extra.get("source"),
            "connected_on": connected_on.isoformat() if connected_on is not None else None,
            "messages": self.messages,
            "replied": self.replied,
            "call": self.call,
        }


class _Standing:
    """What is known of one connection so far."""

    __slots__ = ("call", "connection", "decision", "messages", "replied", "request", "verdict")

    def __init__(self, message: ConnectionMessage, decision: Decision) -> None:
        self.connection = message.connection
        self.request = message.request
        self.decision = decision
        self.verdict = verdict_of(decision)
        self.messages = 1
        self.replied = message.replied
        self.call = message.call

    def add(self, message: ConnectionMessage, decision: Decision) -> None:
        self.messages += 1
        self.replied = self.replied or message.replied
        self.call = self.call or message.call
        verdict = verdict_of(decision)
        rank, held = _RANK[verdict], _RANK[self.verdict]
        if rank > held or (rank == held and _when(message.request) < _when(self.request)):
            self.request, self.decision, self.verdict = message.request, decision, verdict

    def result(self) -> Recheck:
        return Recheck(
            self.connection,
            self.verdict,
            self.request,
            self.decision,
            self.messages,
            self.replied,
            self.call,
        )


class _Book:
    """The standing of every connection who wrote, in the order they first wrote."""

    def __init__(self) -> None:
        self._standings: dict[str, _Standing] = {}

    def add(self, message: ConnectionMessage, decision: Decision) -> None:
        key = message.connection.id
        found = self._standings.get(key)
        if found is None:
            self._standings[key] = _Standing(message, decision)
        else:
            found.add(message, decision)

    def results(self) -> list[Recheck]:
        return [standing.result() for standing in self._standings.values()]


def judge(decided: Iterable[tuple[ConnectionMessage, Decision]]) -> list[Recheck]:
    """The re-check of each connection among messages already decided, in the order they first wrote.

    For an application that decides the messages its own way (in several processes,
    say); `recheck` decides them and then does the same.
    """
    book = _Book()
    for message, decision in decided:
        book.add(message, decision)
    return book.results()


def recheck(
    policy: Policy, items: Iterable[ConnectionMessage | RecordError]
) -> Iterator[Recheck | RecordError]:
    """Decide each message with *policy* and give each connection who wrote a `Recheck`.

    Errors among *items* are passed on as they come; the re-checks follow once every
    message is read, in the order their senders first wrote. Memory grows with the
    number of connections who wrote, not of messages.

    Args:
        policy: The rules to read the messages with; see `recheck_policy`.
        items: What `relpolicy.inputs.read_connection_messages` yields.
    """
    book = _Book()
    decide = policy.decide
    for item in items:
        if isinstance(item, RecordError):
            yield item
        else:
            book.add(item, decide(item.request))
    yield from book.results()
