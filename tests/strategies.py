"""Strategies shared by the core's property tests.

They build on the public `relpolicy.strategies`, which plugin authors use too, and add
throwaway rule plugins whose votes the tests choose.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from relpolicy import Request, Vote, hookimpl
from relpolicy.strategies import profiles, requests, votes

__all__ = ["FixedRule", "RaisingRule", "profiles", "requests", "rule_sets", "votes"]


class FixedRule:
    """A rule plugin that casts the same vote on every request (or abstains with ``None``)."""

    def __init__(self, name: str, vote: Vote | None) -> None:
        self.relpolicy_name = name
        self.vote = vote

    @hookimpl
    def relpolicy_vote(self, request: Request) -> Vote | None:
        return self.vote

    def __repr__(self) -> str:
        return f"FixedRule({self.relpolicy_name!r}, {self.vote!r})"


class RaisingRule:
    """A rule plugin that raises *error* on every request."""

    def __init__(self, name: str, error: BaseException) -> None:
        self.relpolicy_name = name
        self.error = error

    @hookimpl
    def relpolicy_vote(self, request: Request) -> Vote | None:
        raise self.error

    def __repr__(self) -> str:
        return f"RaisingRule({self.relpolicy_name!r}, {self.error!r})"


@st.composite
def rule_sets(draw: st.DrawFn, *, min_size: int = 0, max_size: int = 6) -> Sequence[FixedRule]:
    """Rule plugins with distinct names, each voting a drawn vote under its own name, or abstaining."""
    names = draw(st.lists(st.sampled_from("abcdefghij"), min_size=min_size, max_size=max_size, unique=True))
    rules = []
    for name in names:
        vote = draw(st.none() | votes(rule=f"rule-{name}"))
        rules.append(FixedRule(f"rule-{name}", vote))
    return rules
