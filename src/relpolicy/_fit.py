"""Measuring a policy on labelled requests, and fitting its numbers to them.

`evaluate` decides labelled requests and counts agreement: overall, by label and
verdict (the confusion matrix), by category, and, for each rule, how often it votes
and how often its vote leans the way of the label (SpamAssassin's hit-frequencies).

`fit` chooses the numbers a policy's rules declare ``tunable`` (`relpolicy.setting`),
the weights of rules that declare none, and the two thresholds, so that the policy
agrees with the labels, declining a request labelled ``accept`` costing far more than
accepting one labelled ``decline``. The total score of a decision is (nearly) linear in
those numbers: each one's effect on every request is measured by deciding again with
it changed, an ordinal logistic regression over these effects chooses them all at
once, and a pass over each in turn, on the true cost, settles what is not linear
(thresholds that decide whether a rule votes at all).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from ._errors import InvalidRequest, Problem
from ._model import Decision, Request, Verdict

#: What each (label, verdict) costs: declining a request that should be accepted costs
#: most, accepting one that should be declined next.
DEFAULT_COSTS: Mapping[tuple[Verdict, Verdict], float] = {
    (Verdict.ACCEPT, Verdict.DECLINE): 10.0,
    (Verdict.ACCEPT, Verdict.REVIEW): 1.0,
    (Verdict.REVIEW, Verdict.ACCEPT): 1.0,
    (Verdict.REVIEW, Verdict.DECLINE): 2.0,
    (Verdict.DECLINE, Verdict.ACCEPT): 5.0,
    (Verdict.DECLINE, Verdict.REVIEW): 1.0,
}


@attrs.frozen
class Labelled:
    """A request and the verdict it should get."""

    #: The request.
    request: Request
    #: The verdict a person gave it.
    label: Verdict
    #: A category to count agreement by, if the file gives one.
    category: str | None = None


def labelled_from(data: object) -> Labelled:
    """A `Labelled` request from one JSON value.

    Two forms are read: a request in its JSON form with a ``"label"`` key (and an
    optional ``"category"``), or ``{"request": {...}, "expected": "...", "category":
    "..."}`` as the corpora in relpolicy's repository are written.

    Raises:
        InvalidRequest: naming the field that is wrong.
    """
    if not isinstance(data, Mapping):
        raise InvalidRequest([Problem("", f"expected a JSON object, got {type(data).__name__}")])
    if "request" in data and "expected" in data:
        request_data, label, category = data["request"], data["expected"], data.get("category")
    else:
        request_data = {k: v for k, v in data.items() if k not in ("label", "category")}
        label, category = data.get("label"), data.get("category")
    if label is None:
        raise InvalidRequest([Problem("label", "is required: accept, decline or review")])
    try:
        verdict = Verdict(label)
    except ValueError:
        raise InvalidRequest(
            [Problem("label", f"expected accept, decline or review, got {label!r:.40}")]
        ) from None
    if category is not None and not isinstance(category, str):
        raise InvalidRequest([Problem("category", f"expected a string, got {type(category).__name__}")])
    return Labelled(Request.from_dict(request_data), verdict, category)


# -- evaluating ----------------------------------------------------------------------


@attrs.frozen
class RuleHits:
    """How one rule voted on the labelled requests."""

    #: The rule.
    rule: str
    #: How many requests it voted on.
    voted: int = 0
    #: How many of its votes leaned the way of the label (towards accepting a request
    #: labelled accept, against one labelled decline).
    right: int = 0
    #: How many leaned the other way.
    wrong: int = 0
    #: How many of its votes vetoed.
    vetoes: int = 0
    #: Of those, how many were on requests labelled decline.
    right_vetoes: int = 0


@attrs.frozen
class Evaluation:
    """How a policy's decisions agree with labels."""

    #: How many labelled requests were decided.
    total: int
    #: How many got the verdict of their label.
    agreed: int
    #: By (label, verdict): how many requests.
    confusion: Mapping[tuple[Verdict, Verdict], int]
    #: By category: (agreed, total).
    categories: Mapping[str, tuple[int, int]]
    #: By rule: how it voted.
    rules: Mapping[str, RuleHits]
    #: What the disagreements cost, with the costs used.
    cost: float

    @property
    def agreement(self) -> float:
        """The share of requests whose verdict is their label."""
        return self.agreed / self.total if self.total else 0.0

    def share(self, label: Verdict, verdict: Verdict) -> float:
        """The share of the requests labelled *label* that got *verdict*."""
        count = sum(n for (lab, _v), n in self.confusion.items() if lab is label)
        return self.confusion.get((label, verdict), 0) / count if count else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "total": self.total,
            "agreed": self.agreed,
            "agreement": self.agreement,
            "cost": self.cost,
            "confusion": {
                label.value: {verdict.value: self.confusion.get((label, verdict), 0) for verdict in Verdict}
                for label in Verdict
            },
            "categories": {
                name: {"agreed": a, "total": t} for name, (a, t) in sorted(self.categories.items())
            },
            "rules": {name: attrs.asdict(hits) for name, hits in sorted(self.rules.items())},
        }


def evaluate(
    decide: Callable[[Request], Decision],
    labelled: Iterable[Labelled],
    *,
    costs: Mapping[tuple[Verdict, Verdict], float] = DEFAULT_COSTS,
) -> Evaluation:
    """Decide every labelled request with *decide* and count how the verdicts agree.

    Args:
        decide: What decides a request, such as ``policy.decide``.
        labelled: The labelled requests.
        costs: What each (label, verdict) costs.
    """
    confusion: Counter[tuple[Verdict, Verdict]] = Counter()
    categories: dict[str, list[int]] = {}
    rules: dict[str, Counter[str]] = {}
    total = agreed = 0
    cost = 0.0
    for item in labelled:
        decision = decide(item.request)
        total += 1
        good = decision.verdict is item.label
        agreed += good
        confusion[(item.label, decision.verdict)] += 1
        cost += costs.get((item.label, decision.verdict), 0.0)
        if item.category is not None:
            counts = categories.setdefault(item.category, [0, 0])
            counts[0] += good
            counts[1] += 1
        for vote in decision.votes:
            hits = rules.setdefault(vote.rule, Counter())
            hits["voted"] += 1
            leaning = 1 if vote.score > 0 else -1 if vote.score < 0 or vote.veto else 0
            wanted = {Verdict.ACCEPT: 1, Verdict.DECLINE: -1, Verdict.REVIEW: 0}[item.label]
            if leaning and wanted:
                hits["right" if leaning == wanted else "wrong"] += 1
            if vote.veto:
                hits["vetoes"] += 1
                hits["right_vetoes"] += item.label is Verdict.DECLINE
    return Evaluation(
        total=total,
        agreed=agreed,
        confusion=dict(confusion),
        categories={name: (a, t) for name, (a, t) in categories.items()},
        rules={name: RuleHits(name, **counts) for name, counts in rules.items()},
        cost=cost,
    )


# -- fitting -------------------------------------------------------------------------


@attrs.frozen
class Parameter:
    """One number `fit` chooses."""

    #: The rule it belongs to, or ``""`` for a threshold.
    rule: str
    #: Its key: a setting of the rule, ``weight``, or ``accept_threshold`` / ``decline_threshold``.
    key: str
    #: Its value before fitting.
    value: float
    #: The least and the most it may be.
    low: float = -math.inf
    high: float = math.inf


@attrs.frozen
class Fit:
    """What `fit` found."""

    #: Every number chosen, with its value after fitting.
    parameters: tuple[Parameter, ...]
    #: The configuration that holds them, as a mapping of the structure of ``relpolicy.toml``.
    config: Mapping[str, Any]
    #: The policy's agreement before fitting.
    before: Evaluation
    #: And after.
    after: Evaluation


#: Builds a policy from a configuration mapping (the structure of ``relpolicy.toml``).
PolicyFactory = Callable[[Mapping[str, Any]], Any]


def fit(
    make_policy: PolicyFactory,
    base: Mapping[str, Any],
    labelled: Sequence[Labelled],
    *,
    costs: Mapping[tuple[Verdict, Verdict], float] = DEFAULT_COSTS,
    rounds: int = 3,
    prior: float = 0.05,
    progress: Callable[[str], None] | None = None,
) -> Fit:
    """Choose the numbers of the policy *make_policy* builds so that it agrees with *labelled*.

    Args:
        make_policy: Builds a policy from a configuration mapping.
        base: The configuration to start from (its values are the starting point).
        labelled: The labelled requests (a few hundred at least, of every label).
        costs: What each (label, verdict) costs.
        rounds: How many times the effects are measured again and the regression redone.
        prior: How strongly each number is held towards its starting value (L2).
        progress: Called with a line of text at each step, for a command to show.
    """
    say = progress or (lambda line: None)
    config = _thaw(base)
    policy = make_policy(config)
    parameters = _parameters(policy, config)
    requests = [item.request for item in labelled]
    before = evaluate(policy.decide, labelled, costs=costs)
    say(f"before: {before.agreed}/{before.total} agree, cost {before.cost:g}")
    values = start = [p.value for p in parameters]
    best, best_cost = values, math.inf
    for turn in range(rounds):
        effects, scores, cuts = _effects(make_policy, config, parameters, values, requests)
        values = _regression(parameters, values, effects, scores, cuts, labelled, costs, prior)
        current = evaluate(make_policy(_with(config, parameters, values)).decide, labelled, costs=costs)
        say(f"regression, round {turn + 1}: {current.agreed}/{current.total} agree, cost {current.cost:g}")
        if current.cost < best_cost:
            best, best_cost = values, current.cost
    # The regression sees the scores, not the order in which votes are judged: the search
    # starts from its answer and from the numbers as they were, and keeps the better end.
    ends = [
        _coordinate_pass(make_policy, config, parameters, begin, labelled, costs, say)
        for begin in (best, start)
    ]
    values = min(ends, key=lambda end: _cost(make_policy, _with(config, parameters, end), labelled, costs))
    config = _with(config, parameters, values)
    after = evaluate(make_policy(config).decide, labelled, costs=costs)
    chosen = tuple(attrs.evolve(p, value=v) for p, v in zip(parameters, values, strict=True))
    return Fit(chosen, config, before, after)


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _thaw(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_thaw(v) for v in value]
    return value


def _parameters(policy: Any, config: Mapping[str, Any]) -> list[Parameter]:
    """The numbers of *policy* that `fit` may choose."""
    from ._config import DEFAULT_ACCEPT_THRESHOLD, DEFAULT_DECLINE_THRESHOLD

    found = [
        Parameter("", "accept_threshold", float(config.get("accept_threshold", DEFAULT_ACCEPT_THRESHOLD))),
        Parameter("", "decline_threshold", float(config.get("decline_threshold", DEFAULT_DECLINE_THRESHOLD))),
    ]
    rules = config.get("rules", {})
    for info in policy.plugins:
        if not info.enabled or not {"relpolicy_vote", "relpolicy_combine"} & set(info.hooks):
            continue
        table = rules.get(info.name, {})
        tunable = [s for s in info.settings if s.tunable and isinstance(s.value, (int, float))]
        for setting in tunable:
            bounds = setting.bounds
            low = max(bounds.get("ge", -math.inf), bounds.get("gt", -math.inf) + 0.001)
            high = min(bounds.get("le", math.inf), bounds.get("lt", math.inf) - 0.001)
            found.append(
                Parameter(info.name, setting.name, float(table.get(setting.name, setting.value)), low, high)
            )
        if not tunable and "relpolicy_vote" in info.hooks:
            found.append(Parameter(info.name, "weight", float(table.get("weight", 1.0)), 0.0))
    return found


def _with(
    config: Mapping[str, Any], parameters: Sequence[Parameter], values: Sequence[float]
) -> dict[str, Any]:
    out: dict[str, Any] = _thaw(config)
    for parameter, value in zip(parameters, values, strict=True):
        value = round(min(max(value, parameter.low), parameter.high), 4)
        if not parameter.rule:
            out[parameter.key] = value
        else:
            out.setdefault("rules", {}).setdefault(parameter.rule, {})[parameter.key] = value
    accept, decline = out.get("accept_threshold", 1.0), out.get("decline_threshold", -0.25)
    if decline >= accept:
        out["decline_threshold"] = accept - 0.05
    return out


def _totals(policy: Any, requests: Sequence[Request]) -> list[float]:
    return [policy.decide(request).score for request in requests]


def _cost(
    make_policy: PolicyFactory,
    config: Mapping[str, Any],
    labelled: Sequence[Labelled],
    costs: Mapping[tuple[Verdict, Verdict], float],
) -> float:
    return evaluate(make_policy(config).decide, labelled, costs=costs).cost


def _open_cuts(decision: Decision, order: Any, weight: Callable[[str], float]) -> tuple[bool, bool]:
    """Which cuts the score of *decision* can move it across: (decline | review,
    review | accept). A veto or votes of kind pitch that reach ``pitch_declines_at``
    (as *weight* weighs each rule) settle it; a vote of kind pitch against it, or the want
    of a reason or of enough common ground, keeps it from being accepted, as the
    built-in combiner judges with its settings *order* (``None``: another combiner,
    whose order is not known, so both cuts are open)."""
    if decision.vetoed:
        return False, False
    if order is None:
        return True, True
    against = [weight(v.rule) * v.score for v in decision.votes if v.kind == "pitch" and v.score < 0]
    if math.fsum(against) <= -order.pitch_declines_at:
        return False, False
    pitched = order.pitch_blocks_accept and bool(against)
    reasoned = any(v.kind in ("reason", "") and v.score > 0 for v in decision.votes)
    common = sum(1 for v in decision.votes if v.kind == "common-ground" and v.score > 0)
    needs = order.accept_needs_reason and not (reasoned or common >= order.common_ground_rules)
    return True, not pitched and not needs


def _combine_order(policy: Any) -> Any:
    """The built-in combiner's settings in *policy*, or ``None`` when another combines."""
    from ._builtin import CombineSettings

    try:
        settings = policy.settings_of("relpolicy.combine")
    except KeyError:
        return None
    return settings if isinstance(settings, CombineSettings) else None


def _effects(
    make_policy: PolicyFactory,
    config: Mapping[str, Any],
    parameters: Sequence[Parameter],
    values: Sequence[float],
    requests: Sequence[Request],
) -> tuple[list[list[float]], list[float], list[tuple[bool, bool]]]:
    """For each request, what a unit more of each parameter adds to its total score
    (measured by deciding again), its total score now, and which cuts it can cross."""
    policy = make_policy(_with(config, parameters, values))
    decisions = [policy.decide(request) for request in requests]
    base = [decision.score for decision in decisions]
    order = _combine_order(policy)
    weight = policy.config.weight if policy.config.rules else (lambda _name: 1.0)
    cuts = [_open_cuts(decision, order, weight) for decision in decisions]
    voters = {info.name for info in policy.plugins if "relpolicy_vote" in info.hooks}
    columns: list[list[float]] = []
    for index, parameter in enumerate(parameters):
        if parameter.rule not in voters:
            # (thresholds and the combiner's order do not change a score)
            columns.append([0.0] * len(requests))
            continue
        step = 0.5 if parameter.high - values[index] >= 0.5 else -0.5
        changed = list(values)
        changed[index] += step
        moved = _totals(make_policy(_with(config, parameters, changed)), requests)
        columns.append([(after - before) / step for after, before in zip(moved, base, strict=True)])
    effects = [[column[row] for column in columns] for row in range(len(requests))]
    return effects, base, cuts


def _regression(
    parameters: Sequence[Parameter],
    values: Sequence[float],
    effects: Sequence[Sequence[float]],
    scores: Sequence[float],
    cuts: Sequence[tuple[bool, bool]],
    labelled: Sequence[Labelled],
    costs: Mapping[tuple[Verdict, Verdict], float],
    prior: float,
) -> list[float]:
    """An ordinal logistic regression of the labels on the scores, whose slopes are the
    parameters' changes: two cuts, decline | review | accept, each weighed by what
    falling on the wrong side of it costs."""
    accept_at = next(i for i, p in enumerate(parameters) if p.key == "accept_threshold")
    decline_at = next(i for i, p in enumerate(parameters) if p.key == "decline_threshold")
    count = len(parameters)
    theta = list(values)
    start = list(values)
    # the constant part of each score: what does not move with the parameters
    offsets = [
        score - sum(e * v for e, v in zip(row, values, strict=True))
        for row, score in zip(effects, scores, strict=True)
    ]
    # each row as its non-zero effects only: a request moves with few of the parameters
    rows = [
        ([(j, e) for j, e in enumerate(row) if e], offset, item.label, open_cuts)
        for row, offset, item, open_cuts in zip(effects, offsets, labelled, cuts, strict=True)
    ]
    cut_costs = _cut_costs(costs)
    rate, momentum = 0.01, [0.0] * count
    for _step in range(400):
        gradient = [prior * (t - s) for t, s in zip(theta, start, strict=True)]
        for row, offset, label, open_cuts in rows:
            score = offset + sum(e * theta[j] for j, e in row)
            for cut, threshold_at in ((0, decline_at), (1, accept_at)):
                if not open_cuts[cut]:
                    continue  # (the order of judgement settles this side, not the score)
                above = label is not Verdict.DECLINE if cut == 0 else label is Verdict.ACCEPT
                weight = cut_costs[(label, cut)]
                margin = max(-30.0, min(30.0, score - theta[threshold_at]))
                p = 1.0 / (1.0 + math.exp(-margin))
                error = (p - (1.0 if above else 0.0)) * weight
                for j, e in row:
                    gradient[j] += error * e
                gradient[threshold_at] -= error
        scale = 1.0 / max(1, len(rows))
        for j in range(count):
            momentum[j] = 0.9 * momentum[j] + gradient[j] * scale
            theta[j] -= rate * momentum[j]
            theta[j] = min(max(theta[j], parameters[j].low), parameters[j].high)
    return theta


def _cut_costs(costs: Mapping[tuple[Verdict, Verdict], float]) -> dict[tuple[Verdict, int], float]:
    """What falling on the wrong side of each cut costs, by label: cut 0 parts decline
    from the rest, cut 1 accept from the rest."""
    a, r, d = Verdict.ACCEPT, Verdict.REVIEW, Verdict.DECLINE
    return {
        (a, 0): costs.get((a, d), 1.0),
        (a, 1): costs.get((a, r), 1.0),
        (r, 0): costs.get((r, d), 1.0),
        (r, 1): costs.get((r, a), 1.0),
        (d, 0): costs.get((d, r), 1.0),
        (d, 1): costs.get((d, a), 1.0),
    }


def _coordinate_pass(
    make_policy: PolicyFactory,
    config: Mapping[str, Any],
    parameters: Sequence[Parameter],
    values: Sequence[float],
    labelled: Sequence[Labelled],
    costs: Mapping[tuple[Verdict, Verdict], float],
    say: Callable[[str], None],
) -> list[float]:
    """A pattern search on the true cost: each parameter in turn moved up and down by a
    step, kept where the cost is lower, with ever smaller steps. It sees what the
    regression cannot: vetoes, the order of judgement, whether a rule votes at all."""
    values = list(values)

    def cost_of(candidate: Sequence[float]) -> float:
        return evaluate(make_policy(_with(config, parameters, candidate)).decide, labelled, costs=costs).cost

    best = cost_of(values)
    for step in (0.5, 0.25, 0.1):
        for _sweep in range(3):
            improved = False
            for index, parameter in enumerate(parameters):
                current = values[index]
                move = step * max(abs(current), 0.5)
                for candidate in (current - move, current + move):
                    candidate = min(max(candidate, parameter.low), parameter.high)
                    if candidate == current:
                        continue
                    trial = list(values)
                    trial[index] = candidate
                    cost = cost_of(trial)
                    if cost < best - 1e-9:
                        best, values, improved = cost, trial, True
                        break
            say(f"search, step {step:g}: cost {best:g}")
            if not improved:
                break
    return values


def read_labelled(path: str) -> Iterator[tuple[int, Labelled | InvalidRequest]]:
    """The labelled requests of a ``.jsonl`` file, with their line numbers; a line that is
    not a labelled request is answered with its error."""
    with open(path, encoding="utf-8") as file:
        for number, line in enumerate(file, 1):
            if not line.strip():
                continue
            try:
                yield number, labelled_from(json.loads(line))
            except InvalidRequest as exc:
                yield number, exc
            except ValueError as exc:
                yield number, InvalidRequest([Problem("", f"not valid JSON: {exc}")])
