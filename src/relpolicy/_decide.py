"""The one-call shortcut, `decide`."""

from __future__ import annotations

import functools
import os

from ._model import Decision, Profile, Request
from ._plugins import DISABLE_ENV, LOAD_ENV
from ._policy import Policy


@functools.lru_cache(maxsize=8)
def _default_policy(recipient: Profile | None, load: str | None, disable: str | None) -> Policy:
    return Policy.default(recipient=recipient)


def decide(request: Request, recipient: Profile | None = None) -> Decision:
    """Decide *request* with every installed rule: ``Policy.default(recipient=...).decide(request)``.

    The default policy is built once per recipient (and plugin environment variables)
    and reused.
    """
    policy = _default_policy(recipient, os.environ.get(LOAD_ENV), os.environ.get(DISABLE_ENV))
    return policy.decide(request)
