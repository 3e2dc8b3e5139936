"""The ``hard-sell`` rule: a sales pitch instead of a relationship declines the request.

The seed's career coach is "immediately turned off" by a note that says "Your website
is out of date, and I can make it far more attractive and get you a lot more clients",
or a headline that screams "I have a Marketing System that helps to build 6 and 7
figure businesses for coaches and consultants": nothing in either speaks of first
getting to know each other.

The rule reads the note and the sender's headline for the moves a pitch is made of
(see `CATEGORIES`): an **offer** aimed at the reader's business (results promised to
the reader's kind, savings, a guarantee of results, agitation about their business), a
sales **slogan**, a revenue, client-count or savings **claim**, a **guarantee**, a
**call to action**, **scarcity**, a **service** sold by pitching, a **price** quoted
for a service, a push for a **meeting** or demo (counted only after an offer), an
**advert** for a service or product, and a **service headline** that lists what is
sold and to whom in place of who the person is; and whether the writer is **seeking**
work or advice or volunteers, which makes the weaker moves count for less and the
advertising ones not at all. Text is compared after
`relpolicy.text.skeleton`, so look-alike letters, hidden characters, fullwidth or
mathematical letters, HTML entities, spaced-out letters and leetspeak do not hide a
pitch; hidden characters and words of mixed scripts make it count for more.

Votes:

* a clear pitch: ``-2.0`` and a veto, with the words found as evidence;
* weaker sales signals only (a service advertised, a price, two weaker moves): ``-1.0``;
* nothing but invisible characters or mixed-script words: ``-0.5``;
* otherwise the rule abstains.

Settings (``[rules.hard-sell]``): ``veto`` (default true: a clear pitch vetoes),
``headline`` (default true: read the headline too), and, per category, a list of
extra phrase templates in the syntax of `relpolicy.text.phrase_pattern`, for example
``call_to_action = ["join my (masterclass|challenge)"]``.
"""

from __future__ import annotations

from typing import Any

from relpolicy import Advice, Request, Vote, hookimpl

from ._detector import (
    CLEAR_SCORE,
    DEFAULT,
    HIDDEN_SCORE,
    WEAK_SCORE,
    Detector,
    Settings,
    detector_from_settings,
)

__all__ = ["CLEAR_SCORE", "DEFAULT", "HIDDEN_SCORE", "WEAK_SCORE", "Detector", "Settings"]


@hookimpl
def relpolicy_settings() -> type:
    """The rule's settings: ``veto``, ``headline``, and more phrases for each category."""
    return Settings


@hookimpl
def relpolicy_configure(settings: Any) -> Detector:
    """Compile the configured phrases once."""
    return detector_from_settings(settings)


@hookimpl
def relpolicy_vote(request: Request, settings: Detector) -> Vote | None:
    """Veto a clear pitch in the note or the headline; count weaker sales signals against."""
    return settings.vote(request.note, request.sender.headline)


@hookimpl
def relpolicy_advise(request: Request, settings: Detector) -> list[Advice]:
    """Whether the note (or the writer's headline) pitches, as this rule reads it."""
    if request.note is None:
        return []
    vote = settings.vote(request.note, request.sender.headline)
    if vote is not None and (vote.veto or vote.score < 0):
        return [
            Advice(
                "pitch",
                False,
                "Leave out the pitch: first build the relationship; offer your services once they know you.",
                vote.evidence,
            )
        ]
    return [Advice("pitch", True, "no sales pitch")]
