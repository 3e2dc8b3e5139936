"""Reviewing a note before it is sent: each rule says what the writer should keep or change."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from ._model import Decision, Profile, Request, RuleFailure


def _strings(evidence: Iterable[str]) -> tuple[str, ...]:
    return tuple(evidence)


#: The order in which a note should make its points; other topics follow, as given.
TOPICS = ("introduction", "reason", "conversation", "pitch")


@attrs.frozen
class Advice:
    """One point of a review of a note, from one rule."""

    #: What the point is about, such as ``introduction``, ``reason``, ``conversation``
    #: or ``pitch``.
    topic: str
    #: ``True`` when the note does it right, ``False`` when it should change.
    ok: bool
    #: What is there, or what to change.
    message: str
    #: The words of the note the point rests on.
    evidence: tuple[str, ...] = attrs.field(default=(), converter=_strings)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"topic": self.topic, "ok": self.ok, "message": self.message, "evidence": list(self.evidence)}


@attrs.frozen
class NoteCheck:
    """What the rules of a policy make of a note: their advice, and how they decide it."""

    #: The note as given.
    note: str
    #: The rules' points, in the order a note should make them: introduction, reason,
    #: conversation and pitch, then other topics.
    advice: tuple[Advice, ...]
    #: How the policy decides a request carrying this note.
    decision: Decision
    #: Rules that failed while advising.
    errors: tuple[RuleFailure, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether nothing needs to change."""
        return all(advice.ok for advice in self.advice)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "ok": self.ok,
            "advice": [advice.to_dict() for advice in self.advice],
            "decision": self.decision.to_dict(),
            "errors": [error.to_dict() for error in self.errors],
        }


def check_note(
    note: str, policy: Any, *, sender: Profile | None = None, recipient: Profile | None = None
) -> NoteCheck:
    """Review *note* as *policy*'s rules read it on a request from *sender* to *recipient*.

    Every plugin that implements ``relpolicy_advise`` says what the writer should keep
    or change.

    Args:
        note: The note to send.
        policy: A `Policy`.
        sender: The person writing (their headline can pitch too).
        recipient: The person written to; the policy's recipient when ``None``.
    """
    request = Request(sender=sender or Profile(), note=note, recipient=recipient, id="note")
    if request.recipient is None and policy.recipient is not None:
        request = request.with_recipient(policy.recipient)
    decision = policy.decide(request)
    advice, failures = policy.advise(request, decision)
    rank = {topic: index for index, topic in enumerate(TOPICS)}
    ordered = sorted(advice, key=lambda point: rank.get(point.topic, len(TOPICS)))
    return NoteCheck(note, tuple(ordered), decision, tuple(failures))
