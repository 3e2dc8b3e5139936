"""What the pipeline costs beyond the rules themselves.

The grid of pluggy's own ``testing/benchmark.py``, for relpolicy: 1, 5 and 20 trivial
rules, decided by `Policy.decide` with and without a ``relpolicy_decide`` wrapper, and
the same rule functions called in a plain loop that catches exceptions and adds up the
scores. The ratio of the two is the framework's cost.

A trivial rule is the README's example rule: abstain without a note, else a vote.
``vote="built"`` rules build their `Vote` on each call, as real rules do;
``vote="shared"`` rules return one `Vote` made in advance, so that the loop costs
next to nothing and the difference is the pipeline's whole fixed cost.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from types import SimpleNamespace
from typing import Any

import pytest

from relpolicy import Policy, Profile, Request, Vote, hookimpl

REQUEST = Request(sender=Profile(name="Sam Rivera"), note="Hi Pat, we met at the job fair.", id="r1")
RuleFunction = Callable[[Request], "Vote | None"]


def trivial_rule(name: str, vote: str) -> tuple[object, RuleFunction]:
    """A plugin with one trivial rule, and the rule's function."""
    prepared = Vote(name, 0.25, "has a note")

    if vote == "built":

        def relpolicy_vote(request: Request) -> Vote | None:
            if request.note is None:
                return None
            return Vote(rule=name, score=0.25, reason="has a note")

    else:

        def relpolicy_vote(request: Request) -> Vote | None:
            if request.note is None:
                return None
            return prepared

    return SimpleNamespace(relpolicy_name=name, relpolicy_vote=hookimpl(relpolicy_vote)), relpolicy_vote


class PassThrough:
    """A ``relpolicy_decide`` wrapper that changes nothing."""

    relpolicy_name = "pass-through"

    @hookimpl(wrapper=True)
    def relpolicy_decide(self, request: Request) -> Any:
        return (yield)


def hand_loop(functions: Sequence[RuleFunction], request: Request) -> float:
    """The same rules without relpolicy: call each, skip failures, add up the scores."""
    total = 0.0
    for function in functions:
        try:
            vote = function(request)
        except Exception:
            continue
        if vote is not None:
            total += vote.score
    return total


def rules(count: int, vote: str) -> tuple[list[object], list[RuleFunction]]:
    pairs = [trivial_rule(f"rule-{i:02d}", vote) for i in range(count)]
    return [plugin for plugin, _ in pairs], [function for _, function in pairs]


@pytest.mark.parametrize("vote", ["built", "shared"])
@pytest.mark.parametrize("plugins", [1, 5, 20])
@pytest.mark.parametrize("how", ["hand-loop", "decide", "decide+wrapper"])
def test_framework(benchmark: Any, how: str, plugins: int, vote: str) -> None:
    benchmark.group = f"framework: {plugins} rules, {vote} votes"
    benchmark.extra_info.update(how=how, plugins=plugins, vote=vote)
    plugin_objects, functions = rules(plugins, vote)
    if how == "hand-loop":
        total = benchmark(hand_loop, functions, REQUEST)
        assert total == pytest.approx(0.25 * plugins)
        return
    extra = [PassThrough()] if how == "decide+wrapper" else []
    policy = Policy([*plugin_objects, *extra])
    decision = benchmark(policy.decide, REQUEST)
    assert len(decision.votes) == plugins


def interleaved(cases: dict[str, Callable[[], object]], *, number: int, rounds: int) -> dict[str, float]:
    """The least CPU time per call of each case, the cases measured in turns.

    Measuring in turns, on the process's own CPU clock, keeps other load on the machine
    from favouring one case over another.
    """
    best = dict.fromkeys(cases, float("inf"))
    for _ in range(rounds):
        for name, case in cases.items():
            start = time.process_time()
            for _ in range(number):
                case()
            best[name] = min(best[name], (time.process_time() - start) / number)
    return best


@pytest.mark.parametrize("vote", ["built", "shared"])
def test_framework_ratio(benchmark: Any, vote: str) -> None:
    """Five rules through `Policy.decide` against the plain loop, measured in turns."""
    benchmark.group = "framework ratio: 5 rules"
    plugin_objects, functions = rules(5, vote)
    policy = Policy(plugin_objects)
    cases = {"decide": lambda: policy.decide(REQUEST), "hand-loop": lambda: hand_loop(functions, REQUEST)}
    best = benchmark.pedantic(interleaved, args=(cases,), kwargs={"number": 2000, "rounds": 40}, rounds=1)
    benchmark.extra_info.update(
        vote=vote,
        decide_us=best["decide"] * 1e6,
        hand_loop_us=best["hand-loop"] * 1e6,
        ratio=best["decide"] / best["hand-loop"],
    )
