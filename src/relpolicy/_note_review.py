"""Reviewing a connection note before it is sent, against the seed's advice to senders.

The seed ends: "introduce yourself first and look to set up a time to have a
conversation". A note is checked for four things: that it introduces the writer, says
why they want to connect, proposes a conversation, and does not pitch. The standard
rules judge the reason (``note-present``) and the pitch (``hard-sell``); the
introduction and the proposal are looked for here, by their usual wording.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from ._model import Decision, Profile, Request, Vote
from ._policy import Policy
from .text import normalize

NOTE_RULE = "note-present"
PITCH_RULE = "hard-sell"


@attrs.frozen
class Advice:
    """One point of the review."""

    #: ``introduction``, ``reason``, ``conversation`` or ``pitch``.
    topic: str
    #: ``True`` when the note does it right, ``False`` when it should change,
    #: ``None`` when it could not be checked (its rule is not enabled).
    ok: bool | None
    #: What is there, or what to change.
    message: str
    #: The words of the note the point rests on.
    evidence: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"topic": self.topic, "ok": self.ok, "message": self.message, "evidence": list(self.evidence)}


@attrs.frozen
class NoteReview:
    """What a sender should keep and change in a note."""

    #: The note as given.
    note: str
    #: The four points, in the order a note should make them.
    advice: tuple[Advice, ...]
    #: How the policy's rules decided a request carrying this note.
    decision: Decision

    @property
    def ok(self) -> bool:
        """Whether nothing needs to change."""
        return all(a.ok is not False for a in self.advice)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "ok": self.ok,
            "advice": [a.to_dict() for a in self.advice],
            "decision": self.decision.to_dict(),
        }


def review_note(
    note: str, policy: Policy, *, sender: Profile | None = None, recipient: Profile | None = None
) -> NoteReview:
    """Review *note* as *policy*'s rules would read it on a request from *sender* to *recipient*.

    Args:
        note: The note to send.
        policy: The rules to read it with; ``note-present`` and ``hard-sell`` are used
            when it has them.
        sender: The person writing (their headline can pitch too).
        recipient: The person written to; the policy's recipient when ``None``.
    """
    request = Request(sender=sender or Profile(), note=note, recipient=recipient, id="note")
    decision = policy.decide(request)
    votes = {vote.rule: vote for vote in decision.votes}
    rules = set(policy.rules)
    folded = _fold(note)
    advice = (
        _introduction(note, folded),
        _reason(folded, votes.get(NOTE_RULE), NOTE_RULE in rules),
        _conversation(folded),
        _pitch(votes.get(PITCH_RULE), PITCH_RULE in rules),
    )
    return NoteReview(note, advice, decision)


def _fold(text: str) -> str:
    return normalize(text.replace("\u2019", "'").replace("\u2018", "'"))


# Wording that introduces the writer: a name, a role, or what they do.
_INTRO_FOLDED = re.compile(
    r"\b(?:my name is|my name's"
    r"|(?:i am|i'm|im) (?:a|an|the) \w+"
    r"|i (?:work|worked) (?:as|at|in|for|with|on)"
    r"|i (?:run|lead|manage|own|founded|teach|coach|recruit|help) \w+"
    r"|as (?:a|an) \w+(?: \w+)?, i)\b"
)
# A name after "I'm" / "This is" keeps its capital letter, so it is looked for before folding.
_INTRO_NAME = re.compile(r"\b(?:I am|I'm|I\u2019m|This is|It's|It\u2019s) [A-Z][a-z]+\b")

# A conversation, and wording that proposes one, in the same sentence.
_TALK = re.compile(r"\b(?:call|chat|coffee|zoom|phone|talk|conversation|meet|meeting|catch up|video)\b")
_PROPOSE = re.compile(
    r"\b(?:would you|could we|can we|shall we|let's|lets|happy to|love to|like to|open to|free for"
    r"|time to|time for|set up|schedule|grab|hop on|available|sometime|are you up)\b|\?"
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")

# Wording that gives a reason to connect, used when the note-present rule is not enabled.
_REASON = re.compile(
    r"\b(?:because|since i|saw your|heard you|read your|your (?:post|article|talk|work|book|session)"
    r"|we met|we both|fellow|same group|i noticed|interested in|learn (?:more )?(?:about|from)"
    r"|advice|would love to|would value|admire)\b"
)


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    found = pattern.search(text)
    return found.group(0) if found else None


def _introduction(note: str, folded: str) -> Advice:
    found = _first(_INTRO_NAME, note) or _first(_INTRO_FOLDED, folded)
    if found:
        return Advice("introduction", True, "introduces you", (found,))
    return Advice(
        "introduction", False, "Introduce yourself first: who you are and what you do, in a sentence."
    )


def _reason(folded: str, vote: Vote | None, rule_enabled: bool) -> Advice:
    if rule_enabled and vote is not None:
        if vote.score >= 1.0:
            return Advice("reason", True, "says why you want to connect", vote.evidence)
        if vote.score < 0 and folded:
            return Advice(
                "reason",
                False,
                "Reads like a stock note: say in your own words why you want to connect.",
                vote.evidence,
            )
    elif not rule_enabled:
        found = _first(_REASON, folded)
        if found:
            return Advice("reason", True, "says why you want to connect", (found,))
    return Advice(
        "reason",
        False,
        "Say why you want to connect: what you share, or what you heard or read of theirs.",
        vote.evidence if vote is not None else (),
    )


def _conversation(folded: str) -> Advice:
    for sentence in _SENTENCE.findall(folded):
        talk = _TALK.search(sentence)
        if talk and _PROPOSE.search(sentence):
            return Advice("conversation", True, "proposes a conversation", (sentence.strip(),))
    return Advice(
        "conversation", False, "Propose a conversation: a short phone or Zoom call to get to know each other."
    )


def _pitch(vote: Vote | None, rule_enabled: bool) -> Advice:
    if not rule_enabled:
        return Advice("pitch", None, f"not checked for a sales pitch: the {PITCH_RULE} rule is not running")
    if vote is not None and (vote.veto or vote.score < 0):
        return Advice(
            "pitch",
            False,
            "Leave out the pitch: first build the relationship; offer your services once they know you.",
            vote.evidence,
        )
    return Advice("pitch", True, "no sales pitch")
