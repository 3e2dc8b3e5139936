"""text-model: a learned reading of the note and the headline, beside the rules' moves.

Two linear models over the words and pairs of words of the note and of the headline
(as `relpolicy.reading` folds them) give the odds that the text is a sales pitch, and
that the note gives a genuine reason to connect. Their weights are fitted from the
labelled corpus by ``scripts/train_text_model.py`` and shipped with the rule
(``model.json``); nothing is downloaded.

Votes:

* odds of a pitch at least ``pitch_from`` (in log-odds): minus ``pitch`` times the
  probability, of kind ``pitch`` (a combiner that judges in order then never accepts);
* else, with a note, odds of a reason at least ``reason_from``: plus ``reason`` times the
  probability, of kind ``reason``;
* otherwise the rule abstains.

Each vote quotes the words that weighed most. The moves of `relpolicy.reading` are
written from how people write; this rule learns from the corpus, so it is measured on
text nobody tuned it on (the blind split) and can be disabled like any rule.
"""

from __future__ import annotations

import functools
import heapq
import json
import math
from importlib import resources

import attrs

from relpolicy import Request, Vote, hookimpl, setting
from relpolicy.reading import sentences
from relpolicy.text import CACHED_LENGTH, find_original

from . import _fitted

__all__ = ["Model", "Settings", "features", "load", "odds", "relpolicy_settings", "relpolicy_vote"]


@attrs.frozen
class Settings:
    """The ``[rules.text-model]`` table."""

    pitch_from: float = setting(
        _fitted.DEFAULTS.get("pitch_from", 0.0),
        help="The log-odds of a pitch from which the rule votes against a request.",
        tunable=True,
    )
    pitch: float = setting(
        _fitted.DEFAULTS.get("pitch", 1.0),
        help="How much a likely pitch counts against a request; at most 1, so that a model of "
        "words alone never outweighs a reason the note gives.",
        ge=0,
        le=1,
        tunable=True,
    )
    reason_from: float = setting(
        _fitted.DEFAULTS.get("reason_from", 1.0),
        help="The log-odds of a genuine reason from which the rule votes for a request.",
        tunable=True,
    )
    reason: float = setting(
        _fitted.DEFAULTS.get("reason", 0.5),
        help="How much a likely reason counts for a request.",
        ge=0,
        tunable=True,
    )


@attrs.frozen
class Head:
    """One linear model: a bias and a weight per feature."""

    bias: float
    weights: dict[str, float]

    def log_odds(self, features: frozenset[str]) -> float:
        """The log-odds the model gives *features*."""
        weights = self.weights
        # (fsum: the same total whatever order the set gives the features in)
        return self.bias + math.fsum(map(weights.__getitem__, weights.keys() & features))

    def strongest(self, features: frozenset[str], sign: float, count: int = 3) -> list[str]:
        """The *count* features that push the odds most in the direction of *sign*
        (ties in the order of the features, not of the set: the same evidence every run)."""
        weights = self.weights
        pushing = [(-abs(weight), f) for f in features if (weight := weights.get(f, 0.0)) * sign > 0]
        return [f for _weight, f in heapq.nsmallest(count, pushing)]


@attrs.frozen
class Model:
    """The two heads: a pitch, and a genuine reason."""

    pitch: Head
    reason: Head


@functools.cache
def load() -> Model:
    """The model shipped with the rule (read once, on first use)."""
    text = resources.files(__package__).joinpath("model.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return Model(
        pitch=Head(float(data["pitch"]["bias"]), dict(data["pitch"]["weights"])),
        reason=Head(float(data["reason"]["bias"]), dict(data["reason"]["weights"])),
    )


def features(note: str | None, headline: str | None) -> frozenset[str]:
    """The words and pairs of words of *note* (``n:``) and *headline* (``h:``), as the model reads them."""
    found = _features_of("n:", note) if note else frozenset()
    return found | _features_of("h:", headline) if headline else found


def _features_of(prefix: str, text: str) -> frozenset[str]:
    if len(text) <= CACHED_LENGTH:
        return _features_cached(prefix, text)
    return _features(prefix, text)


def _features(prefix: str, text: str) -> frozenset[str]:
    found: set[str] = set()
    for sentence in sentences(text):
        words = [prefix + word for word in sentence.words]
        found.update(words)
        found.update(map(" ".join, zip(words, sentence.words[1:], strict=False)))
    return frozenset(found)


_features_cached = functools.lru_cache(maxsize=8192)(_features)


@hookimpl
def relpolicy_settings() -> type[Settings]:
    """The rule's settings."""
    return Settings


@hookimpl
def relpolicy_vote(request: Request, settings: Settings) -> Vote | None:
    """Vote by the odds of a pitch, else of a genuine reason."""
    note, headline = request.note, request.sender.headline
    if not note and not headline:
        return None
    if (note is None or len(note) <= CACHED_LENGTH) and (headline is None or len(headline) <= CACHED_LENGTH):
        return _vote(note, headline, settings)
    return _vote.__wrapped__(note, headline, settings)


def odds(note: str | None, headline: str | None) -> tuple[float, float]:
    """The log-odds that *note* and *headline* are a pitch, and that the note gives a genuine reason."""
    model = load()
    found = features(note, headline)
    return model.pitch.log_odds(found), model.reason.log_odds(found)


@functools.lru_cache(maxsize=8192)
def _vote(note: str | None, headline: str | None, settings: Settings) -> Vote | None:
    model = load()
    found = features(note, headline)
    pitch, reason = odds(note, headline)  # (a module-level name: the fitting script replaces it)
    if pitch >= settings.pitch_from:
        words = model.pitch.strongest(found, 1.0)
        return Vote(
            score=-settings.pitch * _probability(pitch),
            reason=f"reads like a sales pitch ({_probability(pitch):.0%} likely)",
            evidence=_quotes(words, note, headline),
            kind="pitch",
        )
    if not note or not note.strip():
        return None
    if reason >= settings.reason_from:
        words = model.reason.strongest(found, 1.0)
        return Vote(
            score=settings.reason * _probability(reason),
            reason=f"reads like a genuine reason to connect ({_probability(reason):.0%} likely)",
            evidence=_quotes(words, note, headline),
            kind="reason",
        )
    return None


def _probability(log_odds: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, log_odds))))


def _quotes(features_: list[str], note: str | None, headline: str | None) -> tuple[str, ...]:
    quotes = []
    for feature in features_:
        text = note if feature.startswith("n:") else headline
        words = feature[2:]
        quotes.append((find_original(text, words) if text else None) or words)
    return tuple(dict.fromkeys(quotes))
