"""common-field: does the sender work in the same field as the recipient, or a complementary one?

With or without a note, the career coach of *First, Build the Relationship* looks for
common ground: "are they in the same or complementary field as me?" This rule reads
each person's field from their industry, headline and skills with `relpolicy.fields`,
and votes by the closest relation: the same industry, the same parent in LinkedIn's
hierarchy, or complementary fields, each a plus of kind ``common-ground`` that the
settings give (the defaults are fitted by ``scripts/fit_defaults.py``; `SCORES` holds
them).

Sharing only a top-level category is no common ground: Professional Services holds
law, design and engineering alike, and a pair that shares nothing closer is neither
the same field nor a complementary one.

Unrelated fields, and a sender or recipient with no recognisable field, abstain: a
different field is no reason to decline. Without a recipient the rule abstains too.

Settings (``[rules.common-field]``)::

    # pairs added to relpolicy's default complementary fields
    complementary = [["Career Coaching", "Nursing"], ["Software Development", "Market Research"]]
    # false: use only the pairs above
    default_complementary = true
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import attrs

from relpolicy import Request, Vote, hookimpl, setting
from relpolicy.fields import Complements, Field, FieldMatch, Relation, compare, profile_fields, resolve

from . import _fitted

__all__ = [
    "SCORES",
    "Complementary",
    "Settings",
    "relpolicy_configure",
    "relpolicy_settings",
    "relpolicy_vote",
]


def _field_names(
    instance: object, attribute: attrs.Attribute[Any], pairs: tuple[tuple[str, str], ...]
) -> None:
    for index, pair in enumerate(pairs):
        for side, name in enumerate(pair):
            try:
                resolve(name)
            except LookupError as exc:
                raise ValueError(f"[{index}][{side}]: {exc}") from None


@attrs.frozen
class Settings:
    """The ``[rules.common-field]`` table."""

    complementary: tuple[tuple[str, str], ...] = setting(
        (),
        help='Pairs of fields that complement each other, such as ["Career Coaching", "Nursing"], '
        "added to relpolicy's own pairs.",
        validator=_field_names,
    )
    default_complementary: bool = setting(
        True, help="Whether relpolicy's own pairs of complementary fields count too."
    )
    same_industry: float = setting(
        _fitted.DEFAULTS.get("same_industry", 1.0), help="The vote for the same industry.", ge=0, tunable=True
    )
    same_parent: float = setting(
        _fitted.DEFAULTS.get("same_parent", 0.75),
        help="The vote for industries under the same parent in LinkedIn's hierarchy.",
        ge=0,
        tunable=True,
    )
    complementary_field: float = setting(
        _fitted.DEFAULTS.get("complementary_field", 0.75),
        help="The vote for complementary fields.",
        ge=0,
        tunable=True,
    )


#: The default vote of each relation; a relation not listed abstains.
SCORES: Mapping[Relation, float] = {
    Relation.SAME_INDUSTRY: Settings().same_industry,
    Relation.SAME_PARENT: Settings().same_parent,
    Relation.COMPLEMENTARY: Settings().complementary_field,
}


@attrs.frozen
class Complementary:
    """The rule's prepared settings: which fields complement each other, and the votes."""

    #: Pairs of complementary fields from the configuration.
    pairs: Complements = attrs.field(factory=Complements)
    #: Whether relpolicy's default pairs count too.
    use_default: bool = True
    #: The vote of each relation that votes.
    scores: tuple[tuple[Relation, float], ...] = tuple(SCORES.items())

    @property
    def complements(self) -> Complements:
        """Which fields count as complementary.

        The default pairs are resolved on first use: resolving builds `relpolicy.fields`'
        tables, which a policy that never meets a profile with a field does not need.
        """
        return _with_default(self.pairs) if self.use_default else self.pairs


@functools.lru_cache(maxsize=64)
def _with_default(pairs: Complements) -> Complements:
    return Complements.default().with_pairs(pairs.pairs)


@hookimpl
def relpolicy_settings() -> type[Settings]:
    """The rule's settings: ``complementary`` and ``default_complementary``."""
    return Settings


@hookimpl
def relpolicy_configure(settings: Settings) -> Complementary:
    """Resolve the field names of the configured pairs once."""
    pairs = tuple((resolve(left), resolve(right)) for left, right in settings.complementary)
    scores = (
        (Relation.SAME_INDUSTRY, settings.same_industry),
        (Relation.SAME_PARENT, settings.same_parent),
        (Relation.COMPLEMENTARY, settings.complementary_field),
    )
    return Complementary(Complements(pairs), settings.default_complementary, scores)


@hookimpl
def relpolicy_vote(request: Request, settings: Complementary) -> Vote | None:
    """Vote by how the sender's field relates to the recipient's; abstain when unrelated or unknown."""
    recipient = request.recipient
    if recipient is None:
        return None
    theirs = profile_fields(request.sender)
    if not theirs:
        return None
    return _vote(theirs, profile_fields(recipient), settings.complements, settings.scores)


@functools.lru_cache(maxsize=4096)
def _vote(
    theirs: tuple[FieldMatch, ...],
    mine: tuple[FieldMatch, ...],
    complements: Complements,
    scores: tuple[tuple[Relation, float], ...],
) -> Vote | None:
    comparison = compare(theirs, mine, complements)
    score = dict(scores).get(comparison.relation)
    if score is None or comparison.left is None or comparison.right is None:
        return None
    reason = _reason(comparison.relation, comparison.left.field, comparison.right.field)
    evidence = tuple(dict.fromkeys((comparison.left.words, comparison.right.words)))
    return Vote(score=score, reason=reason, evidence=evidence, kind="common-ground")


def _reason(relation: Relation, theirs: Field, mine: Field) -> str:
    both = theirs.name if theirs == mine else f"{theirs.name} and {mine.name}"
    if relation is Relation.SAME_INDUSTRY:
        label = theirs.industry.label
        narrower = [name for name in dict.fromkeys((theirs.name, mine.name)) if name != label]
        return f"same industry: {label}" + (f" ({' and '.join(narrower)})" if narrower else "")
    if relation is Relation.COMPLEMENTARY:
        return f"complementary fields: {both}"
    # SAME_PARENT: the only other relation that votes (see SCORES)
    shared = [a for a, b in zip(theirs.industry.path, mine.industry.path, strict=False) if a == b]
    return f"closely related fields under {shared[-1]}: {both}"
