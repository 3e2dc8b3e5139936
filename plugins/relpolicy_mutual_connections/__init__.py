"""mutual-connections: many connections in common, and the same networking groups.

The seed: "If we share a large number of connection in common, and they are in similar
networking groups as me, I would see the person looking to connect as someone I want
to get to know better."

The count counts with diminishing returns: ``log(1 + n) / log(1 + many)``, so the first
few shared connections say more than the hundredth, and ``many`` of them (50 unless
configured) reach +1.0, where it stays. Each shared group adds half of what the previous
one did (+0.5, +0.25, ...). The total is capped at +1.5. No connection and no group in
common is a vote of 0; an unknown count with no group in common abstains.

Settings (``[rules.mutual-connections]``)::

    many = 50  # how many connections in common count as "a large number"
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from typing import Any

import attrs

from relpolicy import Config, ConfigError, Request, Vote, hookimpl
from relpolicy.text import normalize

__all__ = [
    "DEFAULT_MANY",
    "FIRST_GROUP",
    "MAX_SCORE",
    "Settings",
    "relpolicy_configure",
    "relpolicy_name",
    "relpolicy_vote",
]

relpolicy_name = "mutual-connections"

#: The highest score the rule gives.
MAX_SCORE = 1.5
#: How many connections in common make "a large number", unless configured.
DEFAULT_MANY = 50.0
#: What the first shared group adds; each further group adds half the one before.
FIRST_GROUP = 0.5


@attrs.frozen
class Settings:
    """The rule's prepared settings."""

    #: How many connections in common make "a large number": they score +1.0.
    many: float = DEFAULT_MANY

    def count_score(self, count: int) -> float:
        """The score of *count* connections in common: 0 for none, rising ever more slowly
        to 1.0 at `many`, and 1.0 beyond."""
        return min(1.0, math.log1p(count) / math.log1p(self.many))


@hookimpl
def relpolicy_configure(settings: Mapping[str, Any], config: Config) -> Settings:
    """Check the ``[rules.mutual-connections]`` table.

    Raises:
        ConfigError: An unknown key, or a ``many`` that is not a positive number.
    """
    where = f"{config.source}: rules.{relpolicy_name}"
    for key in settings:
        if key != "many":
            raise ConfigError(f"{where}.{key}: unknown setting; expected many")
    many = settings.get("many", DEFAULT_MANY)
    if isinstance(many, bool) or not isinstance(many, (int, float)) or not 0 < many < math.inf:
        shown = repr(many) if isinstance(many, (int, float)) else type(many).__name__
        raise ConfigError(f"{where}.many: expected a positive number, got {shown}")
    return Settings(float(many))


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
        score = settings.count_score(count)
        said.append(f"{count} connection{'' if count == 1 else 's'} in common")
        evidence.append(f"mutual_connections: {count}")
    if groups:
        score += 2 * FIRST_GROUP * (1 - 0.5 ** len(groups))
        said.append(f"{len(groups)} networking group{'' if len(groups) == 1 else 's'} in common")
        evidence.extend(groups)
    return Vote(relpolicy_name, min(MAX_SCORE, score), " and ".join(said), evidence=tuple(evidence))


def _distinct(groups: tuple[str, ...]) -> list[str]:
    """The groups, each once, however its name is cased or spaced."""
    seen: dict[str, str] = {}
    for group in groups:
        seen.setdefault(normalize(group), group)
    return [group for key, group in seen.items() if key]
