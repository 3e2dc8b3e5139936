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

from collections.abc import Iterable, Mapping
from typing import Any

import relpolicy_hard_sell

from relpolicy import Action, Config, Decision, Profile, Request, Vote, hookimpl
from relpolicy.text import phrases_from_settings

from ._review import CATEGORIES, NO_NOTE, RULE, NoteReview, Reviewer, first_name

__all__ = ["CATEGORIES", "NO_NOTE", "NoteReview", "Reviewer", "relpolicy_name", "review_note"]

#: The name this rule votes under, whether loaded by entry point or given to `Policy`.
relpolicy_name = RULE

#: The reviewer with the default settings.
DEFAULT = Reviewer(pitches=relpolicy_hard_sell.DEFAULT)

ASK_WHAT_PROMPTED = Action(
    "ask-what-prompted",
    "Ask what prompted the request: how they came to you, and how you may be of help to each other.",
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
def relpolicy_configure(settings: Mapping[str, Any], config: Config) -> Reviewer:
    """Check the ``[rules.note-present]`` settings and compile the phrases once.

    Raises:
        ConfigError: A key is unknown, or a phrase list or template is not valid.
    """
    if not settings:
        return DEFAULT
    extra, _flags = phrases_from_settings(
        settings, CATEGORIES, where=f"{config.source}: rules.{relpolicy_name}"
    )
    return Reviewer(extra, pitches=relpolicy_hard_sell.DEFAULT)


def _reading(request: Request) -> tuple[str | None, str | None, str | None, tuple[str, ...]]:
    recipient = request.recipient
    return (
        request.note,
        recipient.name if recipient is not None else None,
        request.sender.name,
        request.shared_groups or (),
    )


@hookimpl
def relpolicy_vote(request: Request, settings: Any) -> Vote:
    """Score the note: no note is a small minus, a note that says why to connect a plus."""
    reviewer = settings if isinstance(settings, Reviewer) else DEFAULT
    return reviewer.vote(*_reading(request))


@hookimpl
def relpolicy_actions(request: Request, decision: Decision, settings: Any) -> list[Action]:
    """With no note, or one that gives no reason, suggest asking what prompted the request."""
    if any(vote.veto for vote in decision.votes):
        return []
    reviewer = settings if isinstance(settings, Reviewer) else DEFAULT
    review = reviewer.review(*_reading(request))
    if not review.present or (not review.reason and review.pitch_level == "none"):
        return [ASK_WHAT_PROMPTED]
    return []


# `first_name` is public for tools that address the recipient the way the rule does.
__all__ += ["first_name"]
