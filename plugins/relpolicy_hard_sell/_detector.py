"""The hard-sell rule's vote: a pitch found by `relpolicy.reading`, weighed and explained."""

from __future__ import annotations

import functools
from typing import Any

import attrs

from relpolicy import Vote, setting
from relpolicy.reading import CATEGORIES, DEFAULT_FINDER, LABELS, PitchFinder
from relpolicy.text import CACHED_LENGTH, check_phrases

#: Scores of a clear pitch, of weaker sales signals, and of hidden characters alone.
CLEAR_SCORE = -2.0
WEAK_SCORE = -1.0
HIDDEN_SCORE = -0.5


class Detector:
    """The hard-sell rule's prepared settings: the pitch finder and the switches.

    Args:
        finder: What finds a pitch.
        veto: Whether a clear pitch vetoes the request.
        headline: Whether the sender's headline is read as well as the note.
    """

    def __init__(
        self, finder: PitchFinder = DEFAULT_FINDER, *, veto: bool = True, headline: bool = True
    ) -> None:
        self.finder = finder
        self.veto = veto
        self.headline = headline
        self._vote_cached = functools.lru_cache(maxsize=8192)(self._vote)

    def vote(self, note: str | None, headline: str | None) -> Vote | None:
        """The rule's vote on a request with *note* from a sender with *headline*."""
        if not self.headline:
            headline = None
        if (note is None or len(note) <= CACHED_LENGTH) and (
            headline is None or len(headline) <= CACHED_LENGTH
        ):
            return self._vote_cached(note, headline)
        return self._vote(note, headline)

    def _vote(self, note: str | None, headline: str | None) -> Vote | None:
        pitch = self.finder.find(note, headline)
        if pitch.level == "none":
            return None
        if pitch.level == "hidden":
            return Vote(
                score=HIDDEN_SCORE,
                reason=f"the note hides {pitch.invisible} invisible character{'s' * (pitch.invisible != 1)}"
                if pitch.invisible
                else "the note disguises its words with look-alike letters",
            )
        labels = ", ".join(LABELS[name] for name in pitch.categories if name in LABELS)
        place = " and ".join(pitch.where) or "note"
        if pitch.level == "clear":
            return Vote(
                score=CLEAR_SCORE,
                reason=f"a sales pitch in the {place} instead of a relationship: {labels}",
                veto=self.veto,
                evidence=pitch.evidence,
            )
        return Vote(
            score=WEAK_SCORE, reason=f"sales signals in the {place}: {labels}", evidence=pitch.evidence
        )


# -- settings ------------------------------------------------------------------------


def _settings_class() -> type:
    fields: dict[str, Any] = {
        "veto": setting(True, help="Whether a clear pitch vetoes the request.", type=bool),
        "headline": setting(
            True, help="Whether the sender's headline is read as well as the note.", type=bool
        ),
    }
    for name in CATEGORIES:
        fields[name] = setting(
            (),
            help=f"More phrase templates for {LABELS.get(name, name.replace('_', ' '))} "
            "(in the syntax of relpolicy.text.phrase_pattern).",
            validator=check_phrases,
            type=tuple[str, ...],
        )
    return attrs.make_class(
        "Settings",
        fields,
        frozen=True,
        slots=True,
    )


#: The ``[rules.hard-sell]`` table: ``veto``, ``headline``, and more phrase templates
#: for each category of `CATEGORIES`.
Settings = _settings_class()


def detector_from_settings(settings: Any) -> Detector:
    """The `Detector` for the ``[rules.hard-sell]`` *settings*."""
    extra = {name: getattr(settings, name) for name in CATEGORIES if getattr(settings, name)}
    if not extra and settings.veto and settings.headline:
        return DEFAULT
    finder = PitchFinder(extra) if extra else DEFAULT_FINDER
    return Detector(finder, veto=settings.veto, headline=settings.headline)


#: The detector with the default settings.
DEFAULT = Detector()
