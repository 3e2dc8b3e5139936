"""sender-connections: a relpolicy rule that notices senders with almost no connections.

LinkedIn shows how many connections a member has ("500+" past five hundred). relpolicy
does not know that field, so it keeps it, untouched, in the sender's ``extra`` keys,
where this rule reads it::

    {"sender": {"name": "Sam Rivera", "connections": 3}, "note": "..."}

A stranger with almost no network of their own who writes to many people is often an
account made for outreach. That alone does not decide anything: the rule leans a little
towards declining and otherwise abstains.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from relpolicy import ConfigError, Request, Vote, hookimpl

#: The rule's name: the same as its entry point, so it votes under one name however it is loaded.
relpolicy_name = "sender-connections"

#: How much a thin network counts against a request.
SCORE = -0.5


@dataclasses.dataclass(frozen=True)
class Settings:
    """The rule's settings, checked once when a policy is built."""

    #: Fewer connections than this is "almost none".
    few: int = 10


@hookimpl
def relpolicy_configure(settings: Mapping[str, Any]) -> Settings:
    """Check the ``[rules.sender-connections]`` table.

    Raises:
        ConfigError: naming the setting that is wrong.
    """
    for key in settings:
        if key != "few":
            raise ConfigError(f"rules.{relpolicy_name}.{key}: unknown setting; the only one is 'few'")
    few = settings.get("few", Settings.few)
    if isinstance(few, bool) or not isinstance(few, int) or few < 1:
        raise ConfigError(f"rules.{relpolicy_name}.few: expected a whole number of 1 or more, got {few!r}")
    return Settings(few=few)


def connection_count(value: object) -> int | None:
    """The count in a ``connections`` value: ``3``, ``"3"`` or ``"500+"``; ``None`` if unusable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, str):
        digits = value.strip().removesuffix("+")
        if digits.isascii() and digits.isdigit() and len(digits) <= 9:
            return int(digits)
    return None


@hookimpl
def relpolicy_vote(request: Request, settings: Settings) -> Vote | None:
    """Lean towards declining when the sender has fewer than ``few`` connections."""
    written = request.sender.extra.get("connections")
    count = connection_count(written)
    if count is None or count >= settings.few:
        return None
    return Vote(
        rule=relpolicy_name,
        score=SCORE,
        reason=f"the sender has only {count} connection{'s' if count != 1 else ''} of their own",
        evidence=(f"connections: {written}",),
    )
