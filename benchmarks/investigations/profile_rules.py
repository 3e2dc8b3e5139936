"""Where a rule spends its time: each standard rule alone over the generated corpus, under cProfile.

    python benchmarks/investigations/profile_rules.py                  # every standard rule
    python benchmarks/investigations/profile_rules.py hard-sell -n 20  # one rule, 20 costliest functions
    python benchmarks/investigations/profile_rules.py --size 1048576   # one note of 1 MB, not the corpus
    python benchmarks/investigations/profile_rules.py --new-names      # senders with first names of their own
    python benchmarks/investigations/profile_rules.py --own            # ... and headlines of their own

For each rule it prints the time per decision without the profiler, then the functions
that took the most time of their own under it.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).parent.parent))  # (the benchmarks: corpus, conftest)

import corpus
from conftest import STANDARD_RULES, standard_policy

from relpolicy import Policy, Profile, Request


def time_per_decision(policy: Policy, requests: list[Request]) -> float:
    start = time.process_time()
    for request in requests:
        policy.decide(request)
    return (time.process_time() - start) / len(requests)


def with_new_name(request: Request, number: int) -> Request:
    """*request* from a sender whose first name is made of *number*'s digits spelled in letters."""
    first = "".join("abcdefghij"[int(digit)] for digit in str(number)).title()
    return attrs.evolve(request, sender=attrs.evolve(request.sender, name=f"{first}o Rivera"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rules", nargs="*", default=list(STANDARD_RULES))
    parser.add_argument("-n", "--top", type=int, default=12, help="functions to show per rule")
    parser.add_argument("--count", type=int, default=4000, help="requests decided per rule")
    parser.add_argument("--size", type=int, help="decide one note of this many characters instead")
    parser.add_argument(
        "--new-names",
        action="store_true",
        help="give each sender a first name no other has (the corpus draws from a few dozen)",
    )
    parser.add_argument("--own", action="store_true", help="senders with names and headlines of their own")
    args = parser.parse_args()
    recipient = corpus.recipient()
    for rule in args.rules:
        policy = standard_policy(recipient, only=rule)
        if args.size:
            sender = Profile(name="Sam Rivera", headline="Growth marketer", industry="Marketing Services")
            warm, plain_run, profiled_run = (
                [Request(sender=sender, note=corpus.note_of_size(args.size, salt=salt), mutual_connections=3)]
                for salt in ("warm", "plain", "profiled")
            )
        else:  # three sets of requests, so that no run finds the notes of another in a cache
            pool = corpus.requests(3 * args.count, seed=len(rule), own=args.own)
            if args.new_names:
                pool = [with_new_name(request, number) for number, request in enumerate(pool)]
            warm, plain_run, profiled_run = (pool[i * args.count : (i + 1) * args.count] for i in range(3))
        time_per_decision(policy, warm)  # first-call work, off the clock
        plain = time_per_decision(policy, plain_run)
        profiler = cProfile.Profile()
        profiler.enable()
        time_per_decision(policy, profiled_run)
        profiler.disable()
        print(f"\n=== {rule}: {plain * 1e6:,.1f} µs per decision (without the profiler)\n")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
