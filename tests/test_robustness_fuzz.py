"""A long Hypothesis run over `Request.from_dict` and `Policy.decide`: ``nox -s fuzz``.

As a script (``python tests/test_robustness_fuzz.py [EXAMPLES]``, or with the number
in ``RELPOLICY_FUZZ_EXAMPLES``) it prints how many examples ran, how many bad inputs of
each kind were tried, and how many crashed, recorded an error or lost a record, and
exits 1 if any did. The test suite runs the same functions with a few examples.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from relpolicy import InvalidRequest, Policy, Request
from relpolicy.strategies import adversarial_texts, json_kinds, mangled_json_requests, requests
from relpolicy.testing import COACH

#: How many examples each part of ``nox -s fuzz`` runs unless told otherwise.
DEFAULT_EXAMPLES = 10_000


def _run(examples: int) -> settings:
    return settings(
        max_examples=examples,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[phase for phase in Phase if phase is not Phase.explain],
    )


def _read(data: Any) -> Request | InvalidRequest:
    try:
        return Request.from_dict(data)
    except InvalidRequest as exc:
        return exc


def fuzz_reading(examples: int) -> Counter[str]:
    """Read *examples* request-shaped JSON values; count what was tried and what came of it.

    Every value must give a `Request` (whose JSON form reads back the same) or an
    `InvalidRequest`: anything else propagates, as Hypothesis' simplest failing example.
    """
    tally: Counter[str] = Counter()

    @_run(examples)
    @given(mangled_json_requests())
    def read(data: Any) -> None:
        tally["examples"] += 1
        tally.update(f"bad input: {kind}" for kind in json_kinds(data))
        result = _read(data)
        if isinstance(result, InvalidRequest):
            tally["refused"] += 1
            tally.update(f"refused: {problem.message.split(', got')[0]}" for problem in result.problems)
            return
        tally["read"] += 1
        text = json.dumps(result.to_dict())
        assert json.dumps(Request.from_dict(json.loads(text)).to_dict()) == text

    read()
    return tally


def fuzz_deciding(examples: int) -> Counter[str]:
    """Decide *examples* batches of hostile requests with the installed rules; count them.

    Each batch goes through `Policy.decide_many`, for a recipient or for none: one decision
    must come out per request, in order, with no error recorded and the same decision
    when the request is decided again.
    """
    tally: Counter[str] = Counter()
    policies = {False: Policy.default(), True: Policy.default(recipient=COACH)}
    hostile = requests(text=adversarial_texts())
    from_json = mangled_json_requests().map(_read).filter(lambda r: isinstance(r, Request))

    @_run(examples)
    @given(st.lists(hostile | from_json, min_size=1, max_size=4), st.booleans())
    def decide(batch: list[Request], as_coach: bool) -> None:
        policy = policies[as_coach]
        tally["batches"] += 1
        decisions = list(policy.decide_many(batch))
        lost = len(batch) - len(decisions)
        tally["lost"] += lost
        assert lost == 0
        assert [d.request_id for d in decisions] == [r.id for r in batch]
        for request, decision in zip(batch, decisions, strict=True):
            tally["requests"] += 1
            tally.update(f"bad input: {kind}" for kind in json_kinds(request.to_dict()))
            tally[f"verdict: {decision.verdict.value}"] += 1
            tally["errors"] += len(decision.errors)
            assert decision.errors == (), decision.errors
            assert policy.decide(request) == decision, "answered differently"

    decide()
    return tally


def report(reading: Counter[str], deciding: Counter[str], seconds: float) -> str:
    """The figures of a run, as text."""

    def kinds(tally: Counter[str], prefix: str) -> list[str]:
        found = sorted((n, key.removeprefix(prefix)) for key, n in tally.items() if key.startswith(prefix))
        return [f"    {name:<48} {n:>8}" for n, name in reversed(found)]

    lines = [
        f"Request.from_dict: {reading['examples']} inputs in all, {reading['read']} read,"
        f" {reading['refused']} refused with InvalidRequest, 0 crashed",
        "  inputs holding each kind of bad input:",
        *kinds(reading, "bad input: "),
        "  problems named in the refusals:",
        *kinds(reading, "refused: "),
        f"Policy.decide: {deciding['requests']} requests in {deciding['batches']} batches,"
        f" {deciding['errors']} errors recorded, {deciding['lost']} lost, 0 crashed, 0 answered differently",
        "  requests holding each kind of bad input:",
        *kinds(deciding, "bad input: "),
        "  verdicts:",
        *kinds(deciding, "verdict: "),
        f"{seconds:.0f} s",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Run both fuzzers with the number of examples asked for; print the figures."""
    examples = int(argv[0]) if argv else int(os.environ.get("RELPOLICY_FUZZ_EXAMPLES", DEFAULT_EXAMPLES))
    start = time.perf_counter()
    try:
        reading = fuzz_reading(examples)
        deciding = fuzz_deciding(examples)
    except Exception as exc:  # the falsifying example is printed by Hypothesis
        print(f"FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(report(reading, deciding, time.perf_counter() - start))
    return 0


def test_fuzz_reading_counts_every_input_and_its_bad_kinds() -> None:
    tally = fuzz_reading(60)
    assert tally["examples"] == tally["read"] + tally["refused"] > 0
    assert any(key.startswith("bad input: ") for key in tally)
    assert any(key.startswith("refused: ") for key in tally)


def test_fuzz_deciding_counts_every_request_and_loses_none() -> None:
    tally = fuzz_deciding(15)
    assert tally["requests"] >= tally["batches"] > 0
    assert tally["lost"] == tally["errors"] == 0
    assert sum(n for key, n in tally.items() if key.startswith("verdict: ")) == tally["requests"]


def test_the_report_shows_the_figures() -> None:
    reading = Counter(
        {"examples": 3, "read": 1, "refused": 2, "bad input: NaN": 2, "refused: is required": 1}
    )
    deciding = Counter({"requests": 5, "batches": 2, "verdict: review": 5, "bad input: empty": 4})
    text = report(reading, deciding, 1.0)
    assert "3 inputs in all, 1 read, 2 refused" in text
    assert "5 requests in 2 batches, 0 errors recorded, 0 lost" in text
    for name, count in [("NaN", 2), ("is required", 1), ("empty", 4), ("review", 5)]:
        assert any(line.split() == [*name.split(), str(count)] for line in text.splitlines()), name


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
