"""The default policy's time per decision by the kind of request, and the mix's average.

    python benchmarks/investigations/by_kind.py            # 8,000 requests of the generated corpus
    python benchmarks/investigations/by_kind.py --count 20000
    python benchmarks/investigations/by_kind.py --own     # each sender with a name and headline of their own

Requests without a note, notes up to 100 and 300 characters, and longer letters are
timed one decision at a time, after a warm-up on other requests, so that each kind's
share of the average shows. Every request is new to the policy, as in the benchmark of
the default policy.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))  # (the benchmarks: corpus, conftest)

import corpus

from relpolicy import Policy, Request


def kind(request: Request) -> str:
    if request.note is None:
        return "no note"
    size = len(request.note)
    return "note, up to 100 characters" if size <= 100 else "note, up to 300" if size <= 300 else "longer"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=8000, help="requests timed (after as many to warm up)")
    parser.add_argument("--own", action="store_true", help="senders with names and headlines of their own")
    args = parser.parse_args()
    policy = Policy.default(recipient=corpus.recipient())
    pool = corpus.requests(2 * args.count, seed=7, own=args.own)
    for request in pool[: args.count]:  # first-call work, off the clock
        policy.decide(request)
    times: dict[str, list[float]] = {}
    for request in pool[args.count :]:
        start = time.perf_counter()
        policy.decide(request)
        times.setdefault(kind(request), []).append(time.perf_counter() - start)
    total = sum(len(t) for t in times.values())
    print(f"{'kind':28} {'share':>6} {'mean':>10} {'adds to the average':>20}")
    for name, spent in sorted(times.items()):
        share, mean, adds = len(spent) / total, sum(spent) / len(spent), sum(spent) / total
        print(f"{name:28} {share:6.1%} {mean * 1e6:8.1f} µs {adds * 1e6:17.1f} µs")
    print(f"{'all':28} {1:6.1%} {sum(map(sum, times.values())) / total * 1e6:8.1f} µs")


if __name__ == "__main__":
    main()
