"""pytest fixtures for plugin authors (registered through the ``pytest11`` entry point).

Every pytest run in an environment where relpolicy is installed loads this module, so
it imports nothing but pytest: relpolicy's own modules load when a fixture is used,
and Hypothesis never does.

Example::

    def test_my_rule_likes_a_note(make_policy, make_request):
        decision = make_policy(my_rule).decide(make_request(note="We met at the meetup"))
        assert decision.votes[0].score > 0
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from relpolicy import Policy, Profile, Request


@pytest.fixture
def make_policy() -> Callable[..., Policy]:
    """A factory: ``make_policy(*plugins, recipient=None, **config)`` builds a `Policy`.

    The keyword arguments other than *recipient* are the configuration, as in
    ``relpolicy.toml``: ``make_policy(my_rule, strict=True, rules={"my-rule": {"weight": 2}})``.
    """
    from relpolicy import Policy

    def make(*plugins: object, recipient: Profile | None = None, **config: Any) -> Policy:
        return Policy(plugins, recipient=recipient, config=config or None)

    return make


@pytest.fixture
def make_request() -> Callable[..., Request]:
    """A factory: ``make_request(**fields)`` builds a `Request` from request and sender fields.

    Keywords naming a field of `Request` (``note``, ``mutual_connections``, ``recipient``,
    ...) go to the request; the others (``name``, ``headline``, ``industry``, ...) to its
    sender's `Profile`, unless a ``sender`` is given.
    """
    import attrs

    from relpolicy import Profile, Request

    request_fields = {field.name for field in attrs.fields(Request)}

    def make(**fields: Any) -> Request:
        own = {key: value for key, value in fields.items() if key in request_fields}
        if "sender" not in own:
            sender = {key: value for key, value in fields.items() if key not in request_fields}
            own["sender"] = Profile(**sender)
        elif len(own) < len(fields):
            unknown = sorted(set(fields) - request_fields)
            raise TypeError(f"make_request() got sender= and sender fields {unknown}")
        return Request(**own)

    return make
