"""Fit the text-model rule's two linear models from the labelled corpus, and write model.json.

    python scripts/train_text_model.py                      # write plugins/relpolicy_text_model/model.json
    python scripts/train_text_model.py --check              # leave each author out in turn and print accuracy

Reads the training split (tests/data/train/*.jsonl) and the project's own corpus
(tests/data/corpus.jsonl), never the blind split. Each request gives the features of
its note and headline (`relpolicy_text_model.features`) and two targets: whether it
is a pitch (its category says so), and, for a note that is not a pitch, whether it
gives a genuine reason (a category whose notes say why: genuine, sales words, accepts)
or not (stock notes, notes with nothing in common). A logistic regression with an L2
penalty is fitted for each, by gradient descent, in plain Python; features seen in
fewer than two requests, and weights that end up near zero, are left out.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from relpolicy_text_model import features  # noqa: E402

PITCH = {"pitch", "disguised-pitch", "headline-pitch", "pitches", "disguised-pitches"}
REASON = {"genuine", "sales-words", "accepts", "genuine-sales-words"}
NO_REASON = {"stock-note", "no-common-ground", "common-ground", "thin"}
MODEL = ROOT / "plugins" / "relpolicy_text_model" / "model.json"
#: The L2 penalty, chosen by leaving each author out in turn (--check).
PENALTY = 0.001
#: The training files: the training split and the project's own corpus, never the blind split.
PATHS = [
    *sorted((ROOT / "tests" / "data" / "train").glob("*.jsonl")),
    ROOT / "tests" / "data" / "corpus.jsonl",
]


def texts() -> list[tuple[str | None, str | None]]:
    """(note, headline) of every request of the training files, in the order of `examples`."""
    return [
        (record["request"].get("note"), record["request"]["sender"].get("headline"))
        for path in PATHS
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
        for record in (json.loads(line),)
    ]


def examples() -> list[tuple[str, frozenset[str], str, bool]]:
    """(author, features, category, has a note) of every request of the training files."""
    found = []
    paths = PATHS
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            request = record["request"]
            author = path.stem if path.parent.name == "train" else "corpus"
            note, headline = request.get("note"), request["sender"].get("headline")
            found.append((author, features(note, headline), record["category"], bool(note and note.strip())))
    return found


def logistic(
    rows: list[tuple[frozenset[str], int]], penalty: float, epochs: int = 60
) -> tuple[float, dict[str, float]]:
    """A logistic regression of the targets on the features (present or not), L2-penalised."""
    counts = Counter(f for fs, _y in rows for f in fs)
    kept = {f for f, n in counts.items() if n >= 2}
    weights: dict[str, float] = dict.fromkeys(kept, 0.0)
    positives = sum(y for _fs, y in rows)
    bias = math.log((positives + 1) / (len(rows) - positives + 1))
    squares: dict[str, float] = dict.fromkeys(kept, 1e-8)
    bias_square = 1e-8
    rate = 0.3
    order = list(range(len(rows)))
    shuffle = random.Random(7)
    for _epoch in range(epochs):
        shuffle.shuffle(order)
        for index in order:
            fs, y = rows[index]
            present = [f for f in fs if f in weights]
            z = bias + sum(weights[f] for f in present)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            error = p - y
            bias_square += error * error
            bias -= rate * error / math.sqrt(bias_square)
            for f in present:  # (Adagrad, with the penalty applied where a feature is seen)
                g = error + penalty * weights[f]
                squares[f] += g * g
                weights[f] -= rate * g / math.sqrt(squares[f])
    return bias, {f: round(w, 4) for f, w in weights.items() if abs(w) >= 0.01}


def targets(data, which: str) -> list[tuple[frozenset[str], int]]:
    if which == "pitch":
        return [(fs, int(cat in PITCH)) for _a, fs, cat, _n in data if cat != "mixed" and fs]
    return [
        (fs, int(cat in REASON))
        for _a, fs, cat, has_note in data
        if has_note and (cat in REASON or cat in NO_REASON or cat in PITCH)
    ]


def score(bias: float, weights: dict[str, float], fs: frozenset[str]) -> float:
    return bias + sum(weights.get(f, 0.0) for f in fs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="leave each author out in turn and print accuracy"
    )
    parser.add_argument("--penalty", type=float, default=0.001)
    args = parser.parse_args()
    data = examples()
    if args.check:
        for which in ("pitch", "reason"):
            right = total = 0
            for author in sorted({a for a, *_ in data}):
                train = [row for row in data if row[0] != author]
                test = [row for row in data if row[0] == author]
                bias, weights = logistic(targets(train, which), args.penalty)
                for fs, y in targets(test, which):
                    right += (score(bias, weights, fs) >= 0) == bool(y)
                    total += 1
            print(f"{which}: {right}/{total} = {right / total:.1%} with each author left out")
        return
    model = {"about": __doc__.splitlines()[0], "penalty": args.penalty}
    for which in ("pitch", "reason"):
        bias, weights = logistic(targets(data, which), args.penalty)
        model[which] = {"bias": round(bias, 4), "weights": dict(sorted(weights.items()))}
        print(f"{which}: {len(weights)} features")
    MODEL.write_text(json.dumps(model, indent=0, ensure_ascii=True) + "\n", encoding="utf-8")
    print(f"wrote {MODEL.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
