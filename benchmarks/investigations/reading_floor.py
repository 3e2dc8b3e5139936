"""What reading a request's texts costs before any rule looks for a phrase in them.

    python benchmarks/investigations/reading_floor.py            # 8,000 requests, senders of their own
    python benchmarks/investigations/reading_floor.py --count 20000 --corpus

Every standard rule that reads a note or a headline reads it folded (`relpolicy.text.views`:
the light view and the skeleton, which see through look-alike letters, hidden characters,
spaced-out and leetspeak words) and looks its words up in a phrase index. That much is
done once per text however many rules read it, and it is the least any set of rules
that sees through disguises must do. This prints its cost per request, each text folded
as if new (the caches are bypassed), beside the budget of a policy that decides 30,000
requests a second.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))  # (the benchmarks: corpus, conftest)

import corpus

from relpolicy import text
from relpolicy.text import _fold, _phrases, _skeleton

#: A decision's share of a second at the target of 30,000 decisions a second.
BUDGET = 1 / 30_000


def fold(value: str) -> None:
    """Both views of *value*, and the words of its skeleton, without the caches."""
    value = text.clip(value, 5 * text.READ_LENGTH)
    normalized = _fold._normalize(value)
    folded = _skeleton._skeleton_of_normalized(normalized)
    if folded:
        _phrases._text_words.__wrapped__(text.clip(folded, text.READ_LENGTH))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=8000, help="requests read")
    parser.add_argument(
        "--corpus", action="store_true", help="the corpus as it is (senders drawn from a few dozen)"
    )
    args = parser.parse_args()
    requests = corpus.requests(args.count, seed=7, own=not args.corpus)
    parts = {
        "note": [r.note for r in requests if r.note],
        "headline": [r.sender.headline for r in requests if r.sender.headline],
    }
    for texts in parts.values():  # first-call work (tables filled on first use), off the clock
        for value in texts[:200]:
            fold(value + " ")
    total = 0.0
    print(f"{'text':10} {'share':>6} {'mean length':>12} {'per text':>10} {'per request':>12}")
    for name, texts in parts.items():
        start = time.process_time()
        for value in texts:
            fold(value)
        spent = time.process_time() - start
        total += spent
        mean_length = sum(map(len, texts)) / len(texts)
        print(
            f"{name:10} {len(texts) / args.count:6.0%} {mean_length:12.0f} "
            f"{spent / len(texts) * 1e6:7.1f} µs {spent / args.count * 1e6:9.1f} µs"
        )
    print(f"{'all':10} {'':6} {'':12} {'':10} {total / args.count * 1e6:9.1f} µs")
    print(f"budget of a decision at 30,000 a second: {BUDGET * 1e6:.1f} µs")


if __name__ == "__main__":
    main()
