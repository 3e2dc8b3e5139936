"""Notes from 1 KB to 4 MB through the default policy: time should grow linearly.

Every round decides a note no cache has seen (each starts with its round's number).
`report.py` divides each time by the note's size: a flat time per KB is linear.
"""

from __future__ import annotations

import itertools
from typing import Any

import corpus
import pytest

from relpolicy import Policy, Profile, Request

KB = 1024
SIZES = [1 * KB, 16 * KB, 256 * KB, 1024 * KB, 4096 * KB]
ROUNDS = {1 * KB: 200, 16 * KB: 50, 256 * KB: 8, 1024 * KB: 4, 4096 * KB: 3}


@pytest.mark.parametrize("size", SIZES, ids=[f"{s // KB}KB" for s in SIZES])
def test_note_size(benchmark: Any, policy: Policy, size: int) -> None:
    benchmark.group = "note sizes"
    sender = Profile(name="Sam Rivera", headline="Growth marketer", industry="Marketing Services")
    counter = itertools.count()

    def fresh_request() -> tuple[tuple[Request], dict[str, Any]]:
        note = corpus.note_of_size(size, salt=f"note {next(counter)}")
        return (Request(sender=sender, note=note, mutual_connections=3),), {}

    policy.decide(fresh_request()[0][0])  # first-call work, off the clock
    decision = benchmark.pedantic(policy.decide, setup=fresh_request, rounds=ROUNDS[size])
    benchmark.extra_info.update(size=size, verdict=decision.verdict.value)
