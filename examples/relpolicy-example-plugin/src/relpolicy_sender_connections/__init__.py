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

import attrs

from relpolicy import Request, Vote, hookimpl, setting

#: How much a thin network counts against a request.
SCORE = -0.5


@attrs.frozen
class Settings:
    """The ``[rules.sender-connections]`` table: relpolicy checks it, names a wrong key,
    and lists it in ``relpolicy plugins --settings``."""

    few: int = setting(10, help="Fewer connections of their own than this counts against a request.", ge=1)


@hookimpl
def relpolicy_settings() -> type[Settings]:
    """The rule's settings."""
    return Settings


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
        score=SCORE,
        reason=f"the sender has only {count} connection{'s' if count != 1 else ''} of their own",
        evidence=(f"connections: {written}",),
    )
