"""Shared fixtures of the benchmarks, and the machine they ran on.

The benchmarks run only when asked for: ``nox -s bench`` (or ``pytest benchmarks``).
They assert nothing about time; `report.py` turns their JSON output into the ratios
that ``docs/performance.md`` quotes.
"""

from __future__ import annotations

import os
import platform
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import corpus

from relpolicy import Policy, Profile, Request

#: The standard rules relpolicy ships; the benchmarks leave any other installed plugin out.
STANDARD_RULES = (
    "common-field",
    "hard-sell",
    "mutual-connections",
    "note-present",
    "pro-bono-referral",
    "text-model",
)
#: Distinct requests in the corpus: more than the text caches hold, so that they rarely answer.
CORPUS_SIZE = 20_000


def cpu_model() -> str:
    """The CPU model as ``/proc/cpuinfo`` names it (or the platform's guess)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def pytest_benchmark_update_machine_info(config: pytest.Config, machine_info: dict[str, Any]) -> None:
    machine_info["relpolicy"] = {
        "nproc": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu_model": cpu_model(),
        "python": sys.version.split()[0],
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


def standard_policy(recipient: Profile | None = None, *, only: str | None = None) -> Policy:
    """`Policy.default` with the standard rules (or just *only*), whatever else is installed."""
    installed = {ep.name for ep in metadata.entry_points(group="relpolicy")}
    missing = set(STANDARD_RULES) - installed
    if missing:
        pytest.fail(f"standard rules not installed: {sorted(missing)}")
    keep = {only} if only else set(STANDARD_RULES)
    policy = Policy.default(recipient=recipient, disable=installed - keep)
    if set(policy.rules) != keep:
        pytest.fail(f"expected the rules {sorted(keep)}, got {policy.rules}")
    return policy


@pytest.fixture(scope="session")
def recipient() -> Profile:
    return corpus.recipient()


@pytest.fixture(scope="session")
def requests() -> list[Request]:
    """The generated corpus (see ``corpus.py``), as `Request` values."""
    return corpus.requests(CORPUS_SIZE)


@pytest.fixture(scope="session")
def policy(recipient: Profile) -> Policy:
    """The default policy with the standard rules, deciding for a career coach."""
    return standard_policy(recipient)
