"""The default policy, with the standard rules, over the generated corpus.

Each rule is also timed alone (a policy with only that rule) beside a policy with no
rule at all, so that a slow rule shows by name: its time less the empty policy's is
what it adds to every decision.

Each benchmark draws its own requests (another seed) and every round decides requests
the policy has not seen. The corpus draws senders from a few dozen names and headlines,
which the rules' caches soon know; a second run of the five rules gives each sender a
name and a headline of their own, as a large real inbox has, so that the caches answer
only where real inboxes repeat themselves (LinkedIn's template note, copied pitches).
"""

from __future__ import annotations

import zlib
from typing import Any

import corpus
import pytest
from conftest import STANDARD_RULES, standard_policy

from relpolicy import Policy, Profile, Request

#: Requests decided per round, and rounds.
PER_ROUND = 4_000
ROUNDS = 4


def decide_all(policy: Policy, requests: list[Request]) -> int:
    decide = policy.decide
    for request in requests:
        decide(request)
    return len(requests)


def run(benchmark: Any, policy: Policy, name: str, *, own: bool = False) -> None:
    requests = corpus.requests(PER_ROUND * (ROUNDS + 1), seed=zlib.crc32(name.encode()), own=own)
    decide_all(policy, requests[-PER_ROUND:])  # first-call work, off the clock
    slices = iter(requests[i * PER_ROUND : (i + 1) * PER_ROUND] for i in range(ROUNDS))
    benchmark.pedantic(decide_all, setup=lambda: ((policy, next(slices)), {}), rounds=ROUNDS)
    benchmark.extra_info["per_round"] = PER_ROUND
    benchmark.extra_info["decisions_per_second"] = PER_ROUND / benchmark.stats.stats.median


def test_default_policy(benchmark: Any, policy: Policy) -> None:
    benchmark.group = "default policy"
    benchmark.extra_info["rules"] = list(policy.rules)
    run(benchmark, policy, "default")


def test_default_policy_people_of_their_own(benchmark: Any, policy: Policy) -> None:
    """As `test_default_policy`, each sender with a first name and a headline of their own."""
    benchmark.group = "default policy"
    run(benchmark, policy, "own", own=True)


@pytest.mark.parametrize("rule", [*STANDARD_RULES, "(none)"])
def test_one_rule(benchmark: Any, rule: str, recipient: Profile) -> None:
    benchmark.group = "one rule at a time"
    policy = Policy(recipient=recipient) if rule == "(none)" else standard_policy(recipient, only=rule)
    benchmark.extra_info["rule"] = rule
    run(benchmark, policy, rule)
