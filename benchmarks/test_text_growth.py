"""Pathological text is decided in time proportional to its size (a benchmark: it times).

Not a wall-clock assertion: the time for a text of twice the size must stay under
`BOUND` times the time for the smaller one (a linear rule gives about 2, a quadratic one
4). Sizes are measured in turn, several rounds, and the best time of each counts, so a
moment of load on a shared machine does not decide the outcome.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable, Sequence

import pytest

from relpolicy import Policy, Profile, Request, hookimpl
from relpolicy.strategies import pathological_texts
from relpolicy.testing import COACH, request_full_of
from relpolicy.text import count_invisible, views

#: The most the time may grow when the size doubles.
BOUND = 3.5
#: Below this many seconds a decision is too quick for its growth to matter, or to measure.
FLOOR = 0.002
SIZES = (25_000, 50_000, 100_000)
ROUNDS = 5


def growth(policy: Policy, make: Callable[[str], Request], shape: str, sizes: Sequence[int]) -> list[float]:
    """How many times longer each size takes to decide than the one before it."""
    best = [math.inf] * len(sizes)
    for round_ in range(ROUNDS):
        for index, size in enumerate(sizes):
            # A new text each round, so that no cache answers for the rules.
            request = make(f"{round_} " + pathological_texts(size)[shape])
            start = time.perf_counter()
            policy.decide(request)
            best[index] = min(best[index], time.perf_counter() - start)
    floored = [max(seconds, FLOOR) for seconds in best]
    return [later / earlier for earlier, later in itertools.pairwise(floored)]


def _headline_and_note(text: str) -> Request:
    return Request(sender=Profile(name="Sam", headline=text), note=text)


@pytest.fixture(scope="module")
def policy() -> Policy:
    return Policy.default(recipient=COACH)


@pytest.mark.parametrize("shape", list(pathological_texts(0)))
def test_the_standard_rules_take_time_in_proportion_to_the_text(policy: Policy, shape: str) -> None:
    ratios = growth(policy, request_full_of, shape, SIZES)
    assert max(ratios) < BOUND, f"time grew {ratios} as {shape!r} text doubled"


@pytest.mark.parametrize("shape", ["nested-brackets", "one-letter", "almost-a-phrase"])
def test_a_200000_character_headline_and_note_scale_too(policy: Policy, shape: str) -> None:
    ratios = growth(policy, _headline_and_note, shape, (50_000, 100_000, 200_000))
    assert max(ratios) < BOUND, f"time grew {ratios} as {shape!r} text doubled"


class Quadratic:
    """A rule that, like a careless regular expression, rereads the rest of the note at each character."""

    relpolicy_name = "quadratic"

    @hookimpl
    def relpolicy_vote(self, request: Request) -> None:
        note = request.note or ""
        for start in range(0, len(note), 4):
            note.count("website", start)


def test_the_measure_catches_a_rule_whose_time_grows_with_the_square_of_the_text() -> None:
    ratios = growth(Policy([Quadratic()]), _headline_and_note, "one-letter", (10_000, 20_000, 40_000))
    assert max(ratios) >= BOUND


#: Texts that would make a careless fold slow.
FOLD_SHAPES = ("almost-a-phrase", "one-letter-words", "url-like", "combining-marks", "invisible", "digits")


@pytest.mark.parametrize("shape", FOLD_SHAPES)
def test_folding_time_grows_in_proportion_to_the_text(shape: str) -> None:
    sizes = (100_000, 200_000, 400_000)
    best = [math.inf] * len(sizes)
    for _round in range(3):
        for index, size in enumerate(sizes):
            text = pathological_texts(size)[shape]
            start = time.perf_counter()
            views(text)
            count_invisible(text)
            best[index] = min(best[index], time.perf_counter() - start)
    floored = [max(seconds, FLOOR) for seconds in best]
    ratios = [later / earlier for earlier, later in itertools.pairwise(floored)]
    assert max(ratios) < BOUND, f"folding time grew {ratios} as {shape!r} text doubled"
