"""The labelled corpora: does the default policy decide as the seed's author would?

``tests/data/corpus.jsonl`` and ``corpus-holdout.jsonl`` hold requests written and
labelled by hand from the seed's principles alone (``tests/data/CORPUS.md`` says how);
``tests/data/train/`` holds requests written blind by eight authors who never saw the
rules, on which the default weights are fitted (``scripts/fit_defaults.py``). Every
request is decided by ``Policy.default()`` for the recipient it names, the agreement per
category is printed, and the targets are asserted: at least 92% agreement, no request
labelled accept declined, no pitch accepted.

``tests/data/blind/`` is checked here for its form only: it is decided once, when a
change to the rules is done (``nox -s blind``), and nothing is tuned on it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from relpolicy import Decision, Policy, Request, Verdict

DATA = Path(__file__).parent / "data"
CORPORA: dict[str, list[Path]] = {
    "corpus": [DATA / "corpus.jsonl"],
    "holdout": [DATA / "corpus-holdout.jsonl"],
    "train": sorted((DATA / "train").glob("*.jsonl")),
}
BLIND = sorted((DATA / "blind").glob("*.jsonl"))
DECLINE_ONLY = frozenset({"decline"})
ANY = frozenset({"accept", "review", "decline"})
#: Each category, and the verdicts its requests may be labelled with.
CATEGORIES: dict[str, frozenset[str]] = {
    # the project's own corpus
    "accepts": frozenset({"accept"}),
    "no-common-ground": DECLINE_ONLY,
    "pitches": DECLINE_ONLY,
    "disguised-pitches": DECLINE_ONLY,
    "genuine-sales-words": frozenset({"accept", "review"}),
    "job-seekers": frozenset({"accept", "review"}),
    "mixed-signals": frozenset({"review"}),
    # the blind-written splits (tests/data/AUTHORS-BRIEF.md)
    "pitch": DECLINE_ONLY,
    "headline-pitch": DECLINE_ONLY,
    "disguised-pitch": DECLINE_ONLY,
    "genuine": ANY,
    "stock-note": ANY,
    "common-ground": ANY,
    "thin": ANY,
    "job-seeker": ANY,
    "sales-words": ANY,
    "mixed": ANY,
}
PITCHES = frozenset({"pitches", "disguised-pitches", "pitch", "headline-pitch", "disguised-pitch"})
LINE_KEYS = {
    "corpus": frozenset({"category", "expected", "why", "request"}),
    "blind": frozenset({"id", "category", "expected", "kind", "style", "why", "request"}),
}
TARGET_AGREEMENT = 0.92


@dataclass(frozen=True)
class Case:
    """One labelled request of a corpus file."""

    line: int
    category: str
    expected: Verdict
    why: str
    request: Request

    @property
    def label(self) -> str:
        return self.request.id or f"line {self.line}"


@dataclass(frozen=True)
class Outcome:
    """A case and the decision the default policy made on it."""

    case: Case
    decision: Decision

    @property
    def agrees(self) -> bool:
        return self.decision.verdict is self.case.expected


def read_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """Each non-blank line of a JSON Lines file, decoded, with its line number."""
    with path.open(encoding="utf-8") as lines:
        for number, text in enumerate(lines, start=1):
            if text.strip():
                yield number, json.loads(text)


def load(paths: list[Path]) -> list[Case]:
    return [
        Case(
            line=number,
            category=item["category"],
            expected=Verdict(item["expected"]),
            why=item["why"],
            request=Request.from_dict(item["request"]),
        )
        for path in paths
        for number, item in read_lines(path)
    ]


def agreement_table(name: str, outcomes: list[Outcome]) -> str:
    """Agreement per category, and how the disagreeing requests were decided."""
    header = f"{'category':<22}{'n':>4}{'agree':>7}{'rate':>8}   got accept/review/decline"
    rows = [f"{name}: agreement with the seed's labels", header, "-" * len(header)]
    for category in dict.fromkeys(o.case.category for o in outcomes):
        mine = [o for o in outcomes if o.case.category == category]
        if not mine:
            continue
        got = Counter(o.decision.verdict for o in mine)
        agreed = sum(o.agrees for o in mine)
        spread = "/".join(str(got[v]) for v in (Verdict.ACCEPT, Verdict.REVIEW, Verdict.DECLINE))
        rows.append(f"{category:<22}{len(mine):>4}{agreed:>7}{agreed / len(mine):>8.1%}   {spread}")
    agreed = sum(o.agrees for o in outcomes)
    rows.append(f"{'all':<22}{len(outcomes):>4}{agreed:>7}{agreed / len(outcomes):>8.1%}")
    return "\n".join(rows)


def describe_misses(outcomes: list[Outcome]) -> str:
    lines = []
    for outcome in outcomes:
        if outcome.agrees:
            continue
        case, decision = outcome.case, outcome.decision
        reasons = "; ".join(decision.reasons[:3]) or "no votes"
        lines.append(
            f"  {case.label} [{case.category}] expected {case.expected.value}, got {decision.verdict.value} "
            f"({decision.score:+.2f}: {reasons}) -- label: {case.why}"
        )
    return "\n".join(lines)


@pytest.fixture(scope="module")
def policy() -> Policy:
    return Policy.default()


@pytest.fixture(scope="module", params=sorted(CORPORA))
def corpus(request: pytest.FixtureRequest) -> tuple[str, list[Case]]:
    name: str = request.param
    return name, load(CORPORA[name])


@pytest.fixture(scope="module")
def outcomes(policy: Policy, corpus: tuple[str, list[Case]]) -> tuple[str, list[Outcome]]:
    name, cases = corpus
    return name, [Outcome(case, policy.decide(case.request)) for case in cases]


# -- the corpora themselves -------------------------------------------------------------


@pytest.mark.parametrize("name", [*sorted(CORPORA), "blind"])
def test_every_line_is_a_valid_labelled_request(name: str) -> None:
    paths = BLIND if name == "blind" else CORPORA[name]
    keys = LINE_KEYS["corpus" if name in ("corpus", "holdout") else "blind"]
    problems = []
    for path in paths:
        for number, item in read_lines(path):
            where = f"{path.name} line {number}"
            if not isinstance(item, dict) or set(item) != keys:
                problems.append(f"{where}: expected an object with keys {sorted(keys)}")
                continue
            allowed = CATEGORIES.get(item["category"])
            if allowed is None:
                problems.append(f"{where}: unknown category {item['category']!r}")
            elif item["expected"] not in allowed:
                problems.append(f"{where}: {item['category']} cannot be labelled {item['expected']!r}")
            if not isinstance(item["why"], str) or not item["why"].strip():
                problems.append(f"{where}: 'why' must say why, tied to the seed")
            request = Request.from_dict(item["request"])  # raises InvalidRequest, naming the field
            if request.recipient is None and name in ("corpus", "holdout"):
                problems.append(f"{where}: the request must name its recipient")  # (the blind
                # authors left one in seven to the note alone, as a user checking a note does)
            if not request.id:
                problems.append(f"{where}: the request needs an id")
    assert not problems, "\n".join(problems)


def test_ids_are_unique_across_every_file() -> None:
    paths = [path for paths in CORPORA.values() for path in paths] + BLIND
    ids = Counter(case.request.id for case in load(paths))
    assert [i for i, n in ids.items() if n > 1] == []


def test_the_blind_split_shares_no_author_with_the_training_split() -> None:
    assert BLIND
    assert {path.stem for path in BLIND}.isdisjoint(path.stem for path in CORPORA["train"])
    assert len(load(BLIND)) >= 300


def test_the_corpus_is_large_enough_in_every_category() -> None:
    counts = Counter(case.category for case in load(CORPORA["corpus"]))
    assert sum(counts.values()) >= 150
    assert {c: n for c, n in counts.items() if n < 15} == {}


def test_the_holdout_has_a_few_of_every_kind() -> None:
    counts = Counter(case.category for case in load(CORPORA["holdout"]))
    assert 10 <= sum(counts.values()) <= 20
    assert set(counts) == set(load_categories(CORPORA["corpus"]))


def load_categories(paths: list[Path]) -> set[str]:
    return {case.category for case in load(paths)}


# -- the targets -------------------------------------------------------------------------


def test_agreement_with_the_seed(
    outcomes: tuple[str, list[Outcome]], capsys: pytest.CaptureFixture[str]
) -> None:
    name, decided = outcomes
    table = agreement_table(name, decided)
    # The held-out requests stay unseen: only their table is shown, never the requests missed.
    misses = describe_misses(decided) if name != "holdout" else ""
    with capsys.disabled():
        print(f"\n\n{table}")
        if misses:
            print(f"disagreements:\n{misses}")
    rate = sum(o.agrees for o in decided) / len(decided)
    assert rate >= TARGET_AGREEMENT, f"{name}: {rate:.1%} agreement, below {TARGET_AGREEMENT:.0%}\n{table}"


def test_no_pitch_is_accepted(outcomes: tuple[str, list[Outcome]]) -> None:
    name, decided = outcomes
    accepted = [
        o.case.label if name != "holdout" else "a pitch"
        for o in decided
        if o.case.category in PITCHES and o.decision.verdict is Verdict.ACCEPT
    ]
    assert accepted == []


def test_every_disguised_pitch_of_the_corpus_is_declined(outcomes: tuple[str, list[Outcome]]) -> None:
    name, decided = outcomes
    missed = [
        (o.case.label, o.decision.verdict.value) if name == "corpus" else o.decision.verdict.value
        for o in decided
        if o.case.category == "disguised-pitches" and o.decision.verdict is not Verdict.DECLINE
    ]
    assert missed == []


def test_no_request_labelled_accept_is_declined(outcomes: tuple[str, list[Outcome]]) -> None:
    name, decided = outcomes
    declined = [
        (o.case.label, o.decision.reasons[:2]) if name != "holdout" else "a request to accept"
        for o in decided
        if o.case.expected is Verdict.ACCEPT and o.decision.verdict is Verdict.DECLINE
    ]
    assert declined == []


def test_no_rule_fails_on_the_corpus(outcomes: tuple[str, list[Outcome]]) -> None:
    _, decided = outcomes
    failures = [(o.case.label, f.rule, f.message) for o in decided for f in o.decision.errors]
    assert failures == []


def test_decisions_are_the_same_whatever_the_hash_seed() -> None:
    # Evidence and scores must not follow the order of a set, which changes from one
    # run of Python to the next.
    import os
    import subprocess
    import sys

    script = (
        "import json, sys\n"
        "from relpolicy import Policy, Request\n"
        "policy = Policy.default()\n"
        "for line in open(sys.argv[1], encoding='utf-8'):\n"
        "    request = Request.from_dict(json.loads(line)['request'])\n"
        "    print(json.dumps(policy.decide(request).to_dict(), sort_keys=True))\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script, str(CORPORA["corpus"][0])],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    ]
    assert runs[0].count("\n") == len(load(CORPORA["corpus"]))
    assert runs[0] == runs[1]
