"""mutual-connections: many connections in common, and the same networking groups.

In the words of *First, Build the Relationship*: "If we share a large number of
connection in common, and they are in similar networking groups as me, I would see the
person looking to connect as someone I want to get to know better."

The count counts with diminishing returns, on a log scale between ``few`` and ``many``:
a handful of connections in common (``few``: a tenth of ``many`` unless configured) is
what two people in the same region or trade share by chance and counts for nothing;
from there the score rises ever more slowly to ``scale`` at ``many`` (50 unless
configured), where it stays. Each shared group adds half of what the previous one did,
starting from ``first_group``. The total is capped at ``max_score``. No connection and
no group in common is a vote of 0; an unknown count with no group in common abstains.
``scale`` and ``first_group`` are fitted by ``scripts/fit_defaults.py``; the votes are
of kind ``common-ground``.

Settings (``[rules.mutual-connections]``)::

    many = 50  # how many connections in common count as "a large number"
    few = 5    # how many are no more than chance (default: a tenth of many)
"""

from __future__ import annotations

import functools
import math
from typing import Any

import attrs

from relpolicy import Request, Vote, hookimpl, setting
from relpolicy.text import normalize

from . import _fitted

__all__ = [
    "DEFAULT_MANY",
    "FEW_OF_MANY",
    "FIRST_GROUP",
    "MAX_SCORE",
    "Settings",
    "relpolicy_settings",
    "relpolicy_vote",
]

#: The highest score the rule gives.
MAX_SCORE = 1.5
#: How many connections in common make "a large number", unless configured.
DEFAULT_MANY = 50.0
#: Unless configured, ``few`` is this share of ``many``.
FEW_OF_MANY = 0.1
#: What the first shared group adds before fitting; each further group adds half the
#: one before (the default is fitted: `Settings`).
FIRST_GROUP = 0.5


def _fewer_than_many(instance: Settings, attribute: attrs.Attribute[Any], few: float | None) -> None:
    if few is not None and few >= instance.many:
        raise ValueError(f"expected fewer than many ({instance.many:g}), got {few:g}")


@attrs.frozen
class Settings:
    """The ``[rules.mutual-connections]`` table."""

    many: float = setting(
        DEFAULT_MANY,
        help="How many connections in common make a large number: they score all of scale.",
        gt=0,
    )
    few: float | None = setting(
        None,
        help="How many connections in common are no more than chance: up to here they score 0. "
        "Default: a tenth of many.",
        ge=0,
        validator=_fewer_than_many,
    )
    scale: float = setting(
        _fitted.DEFAULTS.get("scale", 1.0),
        help="The vote for many connections in common (less for fewer).",
        ge=0,
        tunable=True,
    )
    first_group: float = setting(
        _fitted.DEFAULTS.get("first_group", FIRST_GROUP),
        help="What the first shared group adds; each further group adds half the one before.",
        ge=0,
        tunable=True,
    )
    max_score: float = setting(MAX_SCORE, help="The highest vote the rule gives.", gt=0)

    @property
    def floor(self) -> float:
        """`few`, or a tenth of `many` when it is not set."""
        return self.many * FEW_OF_MANY if self.few is None else self.few

    def count_score(self, count: int) -> float:
        """The score of *count* connections in common: 0 up to `floor`, rising ever more
        slowly to 1.0 at `many`, and 1.0 beyond."""
        floor = math.log1p(self.floor)
        rise = (math.log1p(count) - floor) / (math.log1p(self.many) - floor)
        return min(1.0, max(0.0, rise))


@hookimpl
def relpolicy_settings() -> type[Settings]:
    """The rule's settings: ``many`` and ``few``."""
    return Settings


@hookimpl
def relpolicy_vote(request: Request, settings: Settings) -> Vote | None:
    """Vote by the connections and groups the sender and the recipient share."""
    count = request.mutual_connections
    if count is None and not request.shared_groups:
        return None
    return _vote(count, request.shared_groups or (), settings)


@functools.lru_cache(maxsize=4096)
def _vote(count: int | None, shared_groups: tuple[str, ...], settings: Settings) -> Vote | None:
    groups = _distinct(shared_groups)
    if count is None and not groups:
        return None
    score = 0.0
    evidence: list[str] = []
    said: list[str] = []
    if count is not None:
        score = settings.scale * settings.count_score(count)
        said.append(f"{count} connection{'' if count == 1 else 's'} in common")
        evidence.append(f"mutual_connections: {count}")
    if groups:
        score += 2 * settings.first_group * (1 - 0.5 ** len(groups))
        said.append(f"{len(groups)} networking group{'' if len(groups) == 1 else 's'} in common")
        evidence.extend(groups)
    kind = "common-ground" if score > 0 else ""
    return Vote(
        score=min(settings.max_score, score), reason=" and ".join(said), evidence=tuple(evidence), kind=kind
    )


def _distinct(groups: tuple[str, ...]) -> list[str]:
    """The groups, each once, however its name is cased or spaced."""
    seen: dict[str, str] = {}
    for group in groups:
        seen.setdefault(normalize(group), group)
    return [group for key, group in seen.items() if key]
