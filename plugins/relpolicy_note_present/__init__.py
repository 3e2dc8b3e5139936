"""The ``note-present`` rule: a short note that says why to connect helps.

The seed's career coach: "It certainly helps if when someone reaches out to connect
with me ... a short note is supplied on why we may want to connect", and to senders:
"introduce yourself first and look to set up a time to have a conversation". So the
rule asks more than whether there is a note. Does it give a **reason** (where they
met, a talk heard, who referred them, a group both are in, a question)? Is it
**personal** (the recipient's first name, their work, a shared group)? Does the
sender **introduce** themselves? Does it **propose** a conversation?

Votes (never a veto):

* no note, or a blank one: ``-0.5``;
* a template note that gives no reason, or a note that is a sales pitch: ``-0.25``;
* a note with a reason: ``+1.0``, plus ``0.25`` each for being personal, an
  introduction and a proposal to talk, up to ``+1.5``;
* no reason: ``-0.25`` like a template, plus ``0.25`` each for being personal, an
  introduction and a proposal (at most ``+0.5``): friendly, but it does not say why.

The recipient's first name alone does not make a note personal: any template fills it in.

With no note (or one that gives no reason) it suggests asking what prompted the
request (action ``ask-what-prompted``).

`review_note` gives the same reading to any program, such as a command that checks a
note before it is sent. Settings (``[rules.note-present]``): per category (``reason``,
``personal``, ``introduction``, ``proposal``, ``generic``) a list of extra phrase
templates in the syntax of `relpolicy.text.phrase_pattern`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import attrs

from relpolicy import Action, Advice, Decision, Profile, Request, Vote, hookimpl, setting
from relpolicy.text import check_phrases, normalize

from ._review import CATEGORIES, NO_NOTE, NoteReview, Reviewer, first_name

__all__ = [
    "CATEGORIES",
    "NO_NOTE",
    "NoteReview",
    "Reviewer",
    "Settings",
    "first_name",
    "relpolicy_settings",
    "review_note",
]

#: The reviewer with the default settings.
DEFAULT = Reviewer()

ASK_WHAT_PROMPTED = Action(
    "ask-what-prompted",
    "Ask what prompted the request: how they came to you, and how you may be of help to each other.",
)


def _phrases(name: str, what: str) -> Any:
    return setting(
        (),
        help=f"More phrase templates for {what} (in the syntax of relpolicy.text.phrase_pattern).",
        validator=check_phrases,
        type=tuple[str, ...],
    )


#: The ``[rules.note-present]`` table: more phrase templates for each category.
Settings = attrs.make_class(
    "Settings",
    {
        "reason": _phrases("reason", "a reason to connect"),
        "personal": _phrases("personal", "words written for this reader"),
        "introduction": _phrases("introduction", "the writer introducing themselves"),
        "proposal": _phrases("proposal", "a proposal to talk"),
        "generic": _phrases("generic", "template wording"),
    },
    frozen=True,
    slots=True,
)


def review_note(
    text: str | None,
    recipient: Profile | str | None = None,
    *,
    sender: Profile | str | None = None,
    shared_groups: Iterable[str] = (),
) -> NoteReview:
    """Read a connection note for what it says and what it leaves out.

    Args:
        text: The note (``None`` or blank: no note).
        recipient: The person it is written to, or their name: a note that names them
            is personal.
        sender: The person writing, or their name: "I'm Sam" introduces them.
        shared_groups: Groups both are in: a note that names one gives a reason.

    Returns:
        A `NoteReview`: the phrases found for the introduction, the reason, the
        personal touch, the proposal to talk and template wording; any pitch, as the
        ``hard-sell`` rule reads it; what is `NoteReview.missing`; and the rule's score.
    """
    return DEFAULT.review(text, _name(recipient), _name(sender), tuple(shared_groups))


def _name(person: Profile | str | None) -> str | None:
    return person.name if isinstance(person, Profile) else person


@hookimpl
def relpolicy_settings() -> type:
    """The rule's settings: more phrases for each category of `CATEGORIES`."""
    return Settings


@hookimpl
def relpolicy_configure(settings: Any) -> Reviewer:
    """Compile the configured phrases once."""
    extra = {name: getattr(settings, name) for name in CATEGORIES if getattr(settings, name)}
    if not extra:
        return DEFAULT
    return Reviewer(extra)


def _reading(request: Request) -> tuple[str | None, str | None, str | None, tuple[str, ...]]:
    recipient = request.recipient
    return (
        request.note,
        recipient.name if recipient is not None else None,
        request.sender.name,
        request.shared_groups or (),
    )


@hookimpl
def relpolicy_vote(request: Request, settings: Reviewer) -> Vote:
    """Score the note: no note is a small minus, a note that says why to connect a plus."""
    return settings.vote(*_reading(request))


@hookimpl
def relpolicy_actions(request: Request, decision: Decision, settings: Reviewer) -> list[Action]:
    """With no note, or one that gives no reason, suggest asking what prompted the request."""
    if any(vote.veto for vote in decision.votes):
        return []
    review = settings.review(*_reading(request))
    if not review.present or (not review.reason and review.pitch_level == "none"):
        return [ASK_WHAT_PROMPTED]
    return []


@hookimpl
def relpolicy_advise(request: Request, settings: Reviewer) -> list[Advice]:
    """Whether the note introduces its writer, says why to connect, and proposes a conversation."""
    note = request.note
    if note is None:
        return []
    folded = normalize(note.replace("\u2019", "'").replace("\u2018", "'"))
    vote = settings.vote(*_reading(request))
    return [_introduction(note, folded), _reason(folded, vote), _conversation(folded)]


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


def _reason(folded: str, vote: Vote) -> Advice:
    if vote.score >= 1.0:
        return Advice("reason", True, "says why you want to connect", vote.evidence)
    if vote.score < 0 and folded:
        return Advice(
            "reason",
            False,
            "Reads like a stock note: say in your own words why you want to connect.",
            vote.evidence,
        )
    return Advice(
        "reason",
        False,
        "Say why you want to connect: what you share, or what you heard or read of theirs.",
        vote.evidence,
    )


def _conversation(folded: str) -> Advice:
    for sentence in _SENTENCE.findall(folded):
        talk = _TALK.search(sentence)
        if talk and _PROPOSE.search(sentence):
            return Advice("conversation", True, "proposes a conversation", (sentence.strip(),))
    return Advice(
        "conversation", False, "Propose a conversation: a short phone or Zoom call to get to know each other."
    )
