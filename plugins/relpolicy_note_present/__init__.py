"""note-present: a short note that says why to connect helps.

The rule reads the note's moves (`relpolicy.reading`). A **reason** is where the two
met, what of the reader's the writer read or heard, who sent them, a school, an
employer or a group they share, an earlier contact, a question or a request for
advice, a job asked about, an invitation to take part, thanks for something the
reader did, a neighbour's tie; a group both are in, named in the note, is one too.
Each kind of reason weighs what the settings say, up to ``max_reason``; an
introduction and a proposal to talk add a little to a note that gives a reason.

A note that sells is no reason to connect, whatever else it says: when the note makes
a move of a pitch that only sellers make, its reasons count for nothing.

Votes:

* a reason: plus its weight, of kind ``reason``;
* no reason, in template words ("LinkedIn suggested you", "I'd like to add you to my
  network") or flattery: ``stock`` (minus);
* no reason otherwise: ``no_reason`` (a small minus);
* no note: ``no_note`` (minus).

With no note, or one that gives no reason, it suggests asking what prompted the
request (action ``ask-what-prompted``).
"""

from __future__ import annotations

import functools
from typing import Any

import attrs

from relpolicy import Action, Advice, Decision, Request, Vote, hookimpl, setting
from relpolicy.reading import NOTE, PITCH, REASON, RECORD, STOCK, Move, read
from relpolicy.text import normalize

from . import _fitted

__all__ = ["ASK_WHAT_PROMPTED", "LABELS", "WEIGHTS", "Settings", "relpolicy_settings", "relpolicy_vote"]

#: How much each kind of reason weighs before fitting (the defaults are fitted: `Settings`).
WEIGHTS: dict[str, float] = {
    "met": 1.0,
    "their_work": 1.0,
    "referral": 1.0,
    "context": 1.0,
    "school": 1.0,
    "colleague": 1.0,
    "group": 0.8,
    "follow_up": 1.0,
    "advice": 0.8,
    "job": 0.8,
    "invite": 1.0,
    "thanks": 0.8,
    "neighbourly": 0.8,
    "offer_help": 0.8,
    "role_for_you": 0.8,
    "question": 0.5,
    "shared_field": 0.5,
    "named_group": 1.0,
}
#: How each kind of reason reads in a vote's reason.
LABELS: dict[str, str] = {
    "met": "where you met",
    "their_work": "your work they read or heard",
    "referral": "who sent them",
    "context": "who they are to you",
    "school": "a school you share",
    "colleague": "work you shared",
    "group": "a group you share",
    "follow_up": "an earlier contact",
    "advice": "a request for advice",
    "job": "a job they ask about",
    "invite": "an invitation to take part",
    "thanks": "thanks for something you did",
    "neighbourly": "a tie of daily life",
    "offer_help": "an offer to help you",
    "role_for_you": "a role they have for you",
    "question": "a question about your work",
    "shared_field": "a line of work you share",
    "named_group": "a group you are both in",
}
#: Moves of a pitch that only sellers make: beside one, a note's reasons do not count.
SELLING = frozenset(
    {"offer", "opportunity", "agitation", "award", "paid_feature", "guarantee", "savings", "claim", "price",
     "free_offer", "product", "delivery", "vendor", "promise", "result_rate", "deadline", "case_study"}
)  # fmt: skip

ASK_WHAT_PROMPTED = Action(
    "ask-what-prompted",
    "Ask what prompted the request: how they came to you, and how you may be of help to each other.",
)


def _settings_class() -> type[Any]:
    fitted = _fitted.DEFAULTS
    fields: dict[str, Any] = {
        "no_note": setting(
            fitted.get("no_note", -0.5),
            help="The vote on a request without a note.",
            le=0,
            tunable=True,
            type=float,
        ),
        "stock": setting(
            fitted.get("stock", -0.5),
            help="The vote on a note in template words, with no reason.",
            le=0,
            tunable=True,
            type=float,
        ),
        "no_reason": setting(
            fitted.get("no_reason", -0.25),
            help="The vote on a note that gives no reason otherwise.",
            le=0,
            tunable=True,
            type=float,
        ),
        "introduction": setting(
            fitted.get("introduction", 0.25),
            help="What an introduction adds to a note with a reason.",
            ge=0,
            tunable=True,
            type=float,
        ),
        "proposal": setting(
            fitted.get("proposal", 0.25),
            help="What a proposal to talk adds to a note with a reason.",
            ge=0,
            tunable=True,
            type=float,
        ),
        "max_reason": setting(
            fitted.get("max_reason", 1.5),
            help="The most that reasons add up to.",
            gt=0,
            tunable=True,
            type=float,
        ),
    }
    for kind, weight in WEIGHTS.items():
        fields[kind] = setting(
            fitted.get(kind, weight),
            help=f"What a reason of this kind weighs: {LABELS[kind]}.",
            ge=0,
            tunable=True,
            type=float,
        )
    return attrs.make_class("Settings", fields, frozen=True, slots=True)


#: The ``[rules.note-present]`` table.
Settings: type[Any] = _settings_class()


@hookimpl
def relpolicy_settings() -> type[Any]:
    """The rule's settings."""
    return Settings


@attrs.frozen
class _Review:
    """What the rule finds in a note."""

    reasons: tuple[Move, ...] = ()
    selling: bool = False
    stock: bool = False
    introduction: Move | None = None
    proposal: Move | None = None
    named_groups: tuple[str, ...] = ()


@functools.lru_cache(maxsize=8192)
def _review(note: str, headline: str | None, groups: tuple[str, ...], seeking: bool) -> _Review:
    reading = read(note, headline)  # (the reading every rule shares: the same pair of texts)
    named = tuple(group for group in groups if _names(note, group))
    notes = {move.kind: move for move in reading.of(NOTE, "note")}
    selling = reading.kinds(PITCH, "note") & SELLING
    if seeking or "seeking" in notes:
        selling -= RECORD  # (a job seeker's record sells nothing to the reader)
    return _Review(
        reasons=reading.of(REASON, "note"),
        selling=bool(selling),
        stock=bool(reading.kinds(STOCK, "note")),
        introduction=notes.get("introduction"),
        proposal=notes.get("proposal"),
        named_groups=named,
    )


def _names(note: str, group: str) -> bool:
    """Whether *note* names *group* (compared folded, as whole words)."""
    wanted = normalize(group[:200])
    if len(wanted) < 3:
        return False
    folded = f" {normalize(note)} "
    return f" {wanted} " in folded or f" {wanted}." in folded or f" {wanted}," in folded


@hookimpl
def relpolicy_vote(request: Request, settings: Any) -> Vote:
    """Score the note: no note is a minus, a note that says why to connect a plus."""
    note = request.note
    if note is None or not note.strip():
        return Vote(score=settings.no_note, reason="no note: nothing says why to connect")
    seeking = bool(request.sender.open_to_work)
    return _vote(note, request.sender.headline, _groups(request), seeking, settings)


def _groups(request: Request) -> tuple[str, ...]:
    groups = request.shared_groups or ()
    return tuple(group for group in groups[:50] if len(group) <= 200)


@functools.lru_cache(maxsize=8192)
def _vote(note: str, headline: str | None, groups: tuple[str, ...], seeking: bool, settings: Any) -> Vote:
    review = _review(note, headline, groups, seeking)
    kinds = [move.kind for move in review.reasons if move.kind in WEIGHTS]
    if review.named_groups:
        kinds.append("named_group")
    if kinds and not review.selling:
        strength = min(settings.max_reason, sum(getattr(settings, kind) for kind in dict.fromkeys(kinds)))
        extras = [
            (name, move)
            for name, move in (("introduction", review.introduction), ("proposal", review.proposal))
            if move is not None
        ]
        score = strength + sum(getattr(settings, name) for name, _move in extras)
        said = ", ".join(LABELS[kind] for kind in dict.fromkeys(kinds))
        quotes = [_quote(note, headline, move) for move in review.reasons if move.kind in WEIGHTS]
        evidence = [quote for quote in quotes if quote] + list(review.named_groups)
        return Vote(
            score=score,
            reason=f"the note says why to connect: {said}",
            evidence=tuple(dict.fromkeys(evidence))[:6],
            kind="reason",
        )
    if review.selling:
        return Vote(
            score=settings.no_reason, reason="the note proposes business: that is no reason to connect"
        )
    if review.stock:
        return Vote(score=settings.stock, reason="a template note: it says nothing of why to connect")
    return Vote(score=settings.no_reason, reason="the note does not say why to connect")


def _quote(note: str, headline: str | None, move: Move) -> str | None:
    return read(note, headline).quote(move, note, headline)


@hookimpl
def relpolicy_actions(request: Request, decision: Decision, settings: Any) -> list[Action]:
    """With no note, or one that gives no reason, suggest asking what prompted the request."""
    if decision.vetoed:
        return []
    vote = relpolicy_vote(request, settings)
    return [] if vote.kind == "reason" else [ASK_WHAT_PROMPTED]


@hookimpl
def relpolicy_advise(request: Request, settings: Any) -> list[Advice]:
    """Whether the note introduces its writer, says why to connect, and proposes a conversation."""
    note = request.note
    if note is None:
        return []
    vote = relpolicy_vote(request, settings)
    headline = request.sender.headline
    review = _review(note, headline, _groups(request), bool(request.sender.open_to_work))
    advice = []
    if review.introduction is not None:
        advice.append(
            Advice(
                "introduction",
                True,
                "introduces you",
                tuple(filter(None, [_quote(note, headline, review.introduction)])),
            )
        )
    else:
        advice.append(
            Advice(
                "introduction", False, "Introduce yourself first: who you are and what you do, in a sentence."
            )
        )
    if vote.kind == "reason":
        advice.append(Advice("reason", True, "says why you want to connect", vote.evidence))
    elif review.stock:
        message = "Reads like a stock note: say in your own words why you want to connect."
        advice.append(Advice("reason", False, message))
    else:
        message = "Say why you want to connect: what you share, or what you heard or read of theirs."
        advice.append(Advice("reason", False, message))
    if review.proposal is not None:
        advice.append(
            Advice(
                "conversation",
                True,
                "proposes a conversation",
                tuple(filter(None, [_quote(note, headline, review.proposal)])),
            )
        )
    else:
        message = "Propose a conversation: a short phone or Zoom call to get to know each other."
        advice.append(Advice("conversation", False, message))
    return advice
