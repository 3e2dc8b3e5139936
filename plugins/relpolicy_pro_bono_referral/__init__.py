"""pro-bono-referral: a job seeker is someone the recipient can help and refer, never sell to.

The career coach of *First, Build the Relationship* looks at whether a sender "may
have been in job search for a while and [is] looking to connect with experts in the
field", volunteers in pro bono job search support groups, and knows businesses that
could be hiring: "If I don't make the
connection and get to know the person, I am not in a position to help refer them ...
I will ask them how I may be of help to them, but never will I say, 'I am a career
coach. Work with me, and I will guarantee you I will find you a job.'"

A sender is a job seeker when their profile says they are open to work, or their
headline or note says they are looking ("seeking a new role", "in transition", "open to
opportunities", "I was laid off"). Votes:

- not a job seeker: abstain;
- a job seeker: +0.5;
- +1.5 when they share one of the recipient's ``pro_bono_groups``, or their field falls
  in the recipient's ``hiring_network`` (matched with `relpolicy.fields`), or their note
  asks for advice; +1.75 when two of these hold, +2.0 when all three do.

One concrete way to help is enough to accept on its own, even without a note: the
coach connects with such job seekers precisely so as to be able to refer them.

Next steps for a job seeker, unless the request is declined: ask how you may be of
help, and think of contacts in the hiring-network fields to refer them to.

Settings (``[rules.pro-bono-referral]``)::

    seeker_phrases = ["career break"]        # more phrases that say "looking for work"
    advice_phrases = ["your recommendation"]  # more phrases that ask for advice
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import attrs

from relpolicy import Action, Decision, Profile, Request, Verdict, Vote, hookimpl, setting
from relpolicy.fields import (
    Complements,
    FieldMatch,
    Relation,
    compare,
    find_fields,
    lookup,
    profile_fields,
    within,
)
from relpolicy.text import find_phrases, normalize

from . import _fitted
from ._signals import ADVICE_PHRASES, SEEKERS, advice_asked, normalized, seeking_work
from ._signals import Phrases as SeekerPhrases

__all__ = [
    "Assessment",
    "Phrases",
    "Settings",
    "assess",
    "relpolicy_actions",
    "relpolicy_configure",
    "relpolicy_settings",
    "relpolicy_vote",
]

_MAX_LIST = 50  # groups and hiring-network fields beyond this many are not looked at


@attrs.frozen
class Settings:
    """The ``[rules.pro-bono-referral]`` table."""

    seeker_phrases: tuple[str, ...] = setting(
        (), help='More phrases that say the writer is looking for work, such as "career break".'
    )
    advice_phrases: tuple[str, ...] = setting(
        (), help='More phrases by which a note asks for advice, such as "your recommendation".'
    )
    seeker: float = setting(
        _fitted.DEFAULTS.get("seeker", 0.5),
        help="The vote for a job seeker you have no way to help.",
        tunable=True,
    )
    one_way: float = setting(
        _fitted.DEFAULTS.get("one_way", 1.5),
        help="The vote for a job seeker you can help one way (a group, your hiring network, advice).",
        ge=0,
        tunable=True,
    )
    two_ways: float = setting(
        _fitted.DEFAULTS.get("two_ways", 1.75),
        help="The vote for a job seeker you can help two ways.",
        ge=0,
        tunable=True,
    )
    three_ways: float = setting(
        _fitted.DEFAULTS.get("three_ways", 2.0),
        help="The vote for a job seeker you can help all three ways.",
        ge=0,
        tunable=True,
    )


@attrs.frozen(cache_hash=True)
class Phrases:
    """The rule's prepared settings: every phrase it looks for, its own and the configured."""

    #: Phrases that say the writer is looking for work.
    seeker_phrases: SeekerPhrases = SEEKERS
    #: Phrases (normalised) by which a note asks for advice.
    advice_phrases: tuple[str, ...] = attrs.field(factory=lambda: normalized(ADVICE_PHRASES))
    #: The vote by how many ways the recipient can help (none to three).
    scores: tuple[float, ...] = attrs.field(factory=lambda: _default_scores())


@attrs.frozen
class Assessment:
    """What the rule found about a sender, as the recipient sees them."""

    #: The words that say the sender is looking for work (``"open_to_work: true"`` for
    #: the profile's flag), or ``None`` when they are not a job seeker.
    seeking: str | None = None
    #: The recipient's pro bono groups the sender shares.
    groups: tuple[str, ...] = ()
    #: The recipient's hiring-network fields the sender's field falls in, as the recipient wrote them.
    hiring: tuple[str, ...] = ()
    #: The phrases by which the note asks for advice.
    advice: tuple[str, ...] = ()

    @property
    def job_seeker(self) -> bool:
        """Whether the sender is looking for work."""
        return self.seeking is not None


@hookimpl
def relpolicy_settings() -> type[Settings]:
    """The rule's settings: ``seeker_phrases`` and ``advice_phrases``."""
    return Settings


@hookimpl
def relpolicy_configure(settings: Settings) -> Phrases:
    """Add the configured phrases to the rule's own, folded once."""
    scores = (settings.seeker, settings.one_way, settings.two_ways, settings.three_ways)
    if not settings.seeker_phrases and not settings.advice_phrases and scores == DEFAULT.scores:
        return DEFAULT
    return Phrases(
        seeker_phrases=SEEKERS + SeekerPhrases(settings.seeker_phrases),
        advice_phrases=normalized((*ADVICE_PHRASES, *settings.advice_phrases)),
        scores=scores,
    )


def assess(request: Request, settings: Phrases | None = None) -> Assessment:
    """Whether the sender is a job seeker, and how the recipient could help them.

    Args:
        request: The request, with its recipient (the ways to help need one).
        settings: The rule's settings.
    """
    settings = settings or DEFAULT
    sender = request.sender
    seeking = "open_to_work: true" if sender.open_to_work else None
    if seeking is None and sender.headline:
        seeking = seeking_work(sender.headline, False, settings.seeker_phrases)
    if seeking is None and request.note:
        seeking = seeking_work(request.note, True, settings.seeker_phrases)
    if seeking is None:
        return Assessment()
    recipient = request.recipient
    advice = _advice(request.note, settings) if request.note else ()
    if recipient is None:
        return Assessment(seeking, advice=advice)
    sender_groups = (*sender.groups[:_MAX_LIST], *(request.shared_groups or ())[:_MAX_LIST])
    return Assessment(
        seeking,
        groups=_shared_groups(recipient.pro_bono_groups[:_MAX_LIST], sender_groups),
        hiring=_hiring_fields(sender, recipient.hiring_network[:_MAX_LIST]),
        advice=advice,
    )


@functools.lru_cache(maxsize=4096)
def _advice(note: str, settings: Phrases) -> tuple[str, ...]:
    return advice_asked(note, settings.advice_phrases)


def _shared_groups(mine: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[str, ...]:
    if not mine or not theirs:
        return ()
    folded = {normalize(group) for group in theirs} - {""}
    return tuple(group for group in mine if normalize(group) in folded)


def _hiring_fields(sender: Profile, network: tuple[str, ...]) -> tuple[str, ...]:
    """The entries of a hiring *network* that the sender's field falls in."""
    found = _known_areas_matched(profile_fields(sender), network)
    unknown = [area for area in network if _area_field(area) is None]
    if unknown:  # not fields relpolicy knows: look for the words themselves
        texts = [
            normalize(t[:1000]) for t in (sender.industry, sender.headline, *sender.skills[:_MAX_LIST]) if t
        ]
        words = {area: normalize(area[:200]) for area in unknown}
        matched = {area for area, w in words.items() if w and any(find_phrases(t, (w,)) for t in texts)}
        found = tuple(area for area in network if area in found or area in matched)
    return found


@functools.lru_cache(maxsize=4096)
def _known_areas_matched(theirs: tuple[FieldMatch, ...], network: tuple[str, ...]) -> tuple[str, ...]:
    """The entries of *network* that hold one of *theirs*: the same field, or one inside it.

    A sibling in LinkedIn's hierarchy is a different field with different employers: the
    people the recipient knows who hire in one do not hire in the other.
    """
    if not theirs:
        return ()
    found = []
    for area in network:
        wanted = _area_field(area)
        if wanted is None:
            continue
        close = compare(theirs, (wanted,), _NO_COMPLEMENTS).relation in _CLOSE
        if close or any(within(match.field, wanted.field) for match in theirs):
            found.append(area)
    return tuple(found)


_NO_COMPLEMENTS = Complements()
_CLOSE = (Relation.SAME_INDUSTRY,)


@functools.lru_cache(maxsize=1024)
def _area_field(area: str) -> FieldMatch | None:
    field = lookup(area)
    if field is not None:
        return FieldMatch(field, area)
    return next((m for m in find_fields(area) if not m.audience), None)


@hookimpl
def relpolicy_vote(request: Request, settings: Phrases) -> Vote | None:
    """+0.5 for a job seeker, up to +2.0 when the recipient can help them; abstain otherwise."""
    found = assess(request, settings)
    return None if found.seeking is None else _vote(found, settings.scores)


@functools.lru_cache(maxsize=4096)
def _vote(found: Assessment, scores: tuple[float, ...]) -> Vote:
    ways = []
    if found.groups:
        ways.append("shares your pro bono group")
    if found.hiring:
        ways.append("works in a field where you know people who hire")
    if found.advice:
        ways.append("asks for advice")
    reason = "a job seeker you may be able to help"
    if ways:
        reason += ": " + _and(ways)
    evidence = (found.seeking or "", *found.groups, *found.hiring, *found.advice)
    kind = "reason" if ways else "signal"
    return Vote(score=scores[len(ways)], reason=reason, evidence=tuple(dict.fromkeys(evidence)), kind=kind)


@hookimpl
def relpolicy_actions(request: Request, decision: Decision, settings: Phrases) -> tuple[Action, ...]:
    """For a job seeker not declined: ask how to help, and think whom to refer them to."""
    if decision.verdict is Verdict.DECLINE or decision.vetoed:
        return ()
    found = assess(request, settings)
    if found.seeking is None:
        return ()
    actions = [Action("ask-how-to-help", "Ask how you may be of help to them in their job search.")]
    recipient = request.recipient
    areas = found.hiring or (recipient.hiring_network[:_MAX_LIST] if recipient is not None else ())
    if areas:
        actions.append(
            Action(
                "refer",
                f"Think of people you know in {_and(areas, 'or')} who could be hiring, and refer them.",
            )
        )
    return tuple(actions)


def _default_scores() -> tuple[float, ...]:
    defaults = Settings()
    return (defaults.seeker, defaults.one_way, defaults.two_ways, defaults.three_ways)


#: The prepared settings when the table adds nothing.
DEFAULT = Phrases()


def _and(items: Iterable[str], word: str = "and") -> str:
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"
