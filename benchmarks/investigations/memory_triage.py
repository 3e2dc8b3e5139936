"""Peak memory of a streamed triage of 1,000,000 JSONL requests, through the command line's own path.

Writes the requests to a temporary file (varied: notes with and without pitches, job
seekers, unrelated fields, unknown counts), then runs ``relpolicy triage FILE --format
jsonl`` in this process with the decisions going to ``/dev/null``, and reports the peak
resident memory (``resource.getrusage``) after a one-request run (the baseline: the
interpreter, relpolicy and its plugins) and after the big one. The target is 200 MB.

Run with::

    python benchmarks/investigations/memory_triage.py            # 1,000,000 requests
    python benchmarks/investigations/memory_triage.py --count 100000 --format json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from relpolicy.cli import cli

LIMIT_MB = 200

_RECIPIENT = """\
name = "Pat Coach"
headline = "Career coach and job search strategist"
industry = "Professional Training and Coaching"
groups = ["NJ Job Seekers Network", "Career Coaches Circle"]
pro_bono_groups = ["NJ Job Seekers Network"]
hiring_network = ["Hospitals and Health Care", "Transportation, Logistics, Supply Chain and Storage"]
"""

_NOTES = [
    None,
    "",
    "I'd like to add you to my professional network on LinkedIn.",
    "Hi Pat, I heard you speak at the NJ Job Seekers Network. I'm a nurse looking for my next role; "
    "could we set up a short call?",
    "Your website is out of date, and I can make it far more attractive and get you a lot more clients.",
    "We met at the PyData NYC meetup. Thanks for the resume tips! Coffee sometime?",
    "Loved your profile! I help coaches scale to 7 figures with my proven system. Book a demo today.",
    "Hola Pat, soy Lucía. Busco trabajo en logística; ¿podemos hablar?",
]
_INDUSTRIES = [
    None,
    "Hospitals and Health Care",
    "Professional Training and Coaching",
    "Software Development",
    "Oil and Gas",
    "Staffing and Recruiting",
    "Marketing Services",
]
_HEADLINES = [
    None,
    "Registered Nurse | open to work",
    "I have a Marketing System that builds 6 and 7 figure businesses",
    "Data engineer",
    "Supply chain analyst seeking new opportunities",
]
_GROUPS = [
    [],
    ["NJ Job Seekers Network"],
    ["PyData NYC"],
    ["Career Coaches Circle", "NJ Job Seekers Network"],
]


def requests(count: int, seed: int = 2026) -> Iterator[dict[str, object]]:
    """*count* varied requests in their JSON form."""
    rng = random.Random(seed)
    for number in range(count):
        sender: dict[str, object] = {
            "name": f"Sender {number}",
            "url": f"https://www.linkedin.com/in/s{number}",
        }
        for key, choices in (("industry", _INDUSTRIES), ("headline", _HEADLINES)):
            value = rng.choice(choices)
            if value is not None:
                sender[key] = value
        sender["groups"] = rng.choice(_GROUPS)
        sender["open_to_work"] = rng.random() < 0.3
        request: dict[str, object] = {"id": f"r{number}", "sender": sender}
        note = rng.choice(_NOTES)
        if note is not None:
            request["note"] = note
        if rng.random() < 0.8:
            request["mutual_connections"] = rng.randrange(0, 300)
        yield request


def write_requests(path: Path, count: int) -> None:
    """Write *count* requests to *path* as JSON Lines, one at a time."""
    with path.open("w", encoding="utf-8") as out:
        for request in requests(count):
            out.write(json.dumps(request, ensure_ascii=False) + "\n")


def peak_mb() -> float:
    """The peak resident memory of this process so far, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KB elsewhere


def triage(path: Path, me: Path, output_format: str) -> int:
    """Run ``relpolicy triage`` on *path*, its output thrown away; return the exit status."""
    with open(os.devnull, "w", encoding="utf-8") as devnull, contextlib.redirect_stdout(devnull):
        status = cli.main(
            ["triage", str(path), "--me", str(me), "--format", output_format],
            prog_name="relpolicy",
            standalone_mode=False,
        )
    return int(status or 0)


def main() -> int:
    """Generate, triage, report; exit 1 if the peak is over the limit."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1_000_000, help="how many requests (default 1,000,000)")
    parser.add_argument("--format", default="jsonl", choices=("jsonl", "json", "csv", "table"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        me = Path(folder, "me.toml")
        me.write_text(_RECIPIENT, encoding="utf-8")
        small, big = Path(folder, "one.jsonl"), Path(folder, "requests.jsonl")
        write_requests(small, 1)
        triage(small, me, args.format)
        baseline = peak_mb()
        started = time.perf_counter()
        write_requests(big, args.count)
        written = time.perf_counter()
        size_mb = big.stat().st_size / 1e6
        status = triage(big, me, args.format)
        done = time.perf_counter()
    peak = peak_mb()
    print(
        f"input: {args.count:,} requests, {size_mb:,.0f} MB of JSONL (written in {written - started:.1f} s)"
    )
    rate = args.count / (done - written)
    print(f"triage --format {args.format}: {done - written:.1f} s, {rate:,.0f} requests/s")
    print(f"peak RSS: {baseline:.1f} MB after one request, {peak:.1f} MB after all (limit {LIMIT_MB} MB)")
    if status != 0:
        print(f"relpolicy triage exited with status {status}")
        return 1
    return 0 if peak < LIMIT_MB else 1


if __name__ == "__main__":
    sys.exit(main())
