"""Where the start-up of a first decision goes, timed inside fresh interpreters.

    python benchmarks/investigations/startup_parts.py          # medians of 12 interpreters
    python benchmarks/investigations/startup_parts.py --runs 30

Each interpreter times, in turn, the imports relpolicy needs (the standard library's
typing, re and enum; attrs; pluggy), relpolicy itself, the standard rules,
``Policy.default()`` and a first decision; then how long the process takes to exit
after its last line (the interpreter's shutdown, measured from outside), beside the
shutdown of an interpreter that imported only attrs and pluggy, and what importing
``importlib.metadata`` (which ``Policy.default()`` needs to list the installed plugins)
costs on its own. It also says which modules
that only some programs need were imported all the same. Bytecode is compiled
beforehand into a private folder, as an installed package has it. In-process timings
move less with the machine's load than the whole-process figures of
``nox -s bench -- -k startup``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

PARTS = ["typing, re, enum", "attrs", "pluggy", "relpolicy", "the six rules"]
#: Modules that relpolicy imports only on the paths that need them.
DEFERRED = ["tomllib", "multiprocessing", "concurrent.futures"]
TIMED = r"""
import time
marks = [time.perf_counter()]
import typing, re, enum; marks.append(time.perf_counter())
import attrs; marks.append(time.perf_counter())
import pluggy; marks.append(time.perf_counter())
import relpolicy; marks.append(time.perf_counter())
import relpolicy_common_field, relpolicy_hard_sell, relpolicy_mutual_connections
import relpolicy_note_present, relpolicy_pro_bono_referral
import relpolicy_text_model; marks.append(time.perf_counter())
policy = relpolicy.Policy.default(); marks.append(time.perf_counter())
policy.decide(relpolicy.Request(relpolicy.Profile(name="Sam"), note="Hi, we met at the fair."))
marks.append(time.perf_counter())
import sys
print(*[name for name in DEFERRED if name in sys.modules], file=sys.stderr)
print(*[b - a for a, b in zip(marks, marks[1:])], time.time())
"""
DEPENDENCIES_ONLY = "import attrs, pluggy, time\nprint(time.time())"
#: What importing ``importlib.metadata`` adds, after relpolicy's own dependencies.
METADATA = (
    "import time, typing, re, enum, attrs, pluggy\n"
    "start = time.perf_counter()\n"
    "import importlib.metadata\n"
    "print(time.perf_counter() - start, time.time())"
)


def run(code: str, env: dict[str, str]) -> tuple[list[float], float]:
    """The figures *code* prints, and how long its process took to exit after printing."""
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    if out.stderr.strip():
        print("imported although deferred:", out.stderr.strip())
    ended = time.time()
    *figures, printed = map(float, out.stdout.split())
    return figures, ended - printed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=12, help="interpreters per figure")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as cache:
        env["PYTHONPYCACHEPREFIX"] = cache
        code = f"DEFERRED = {DEFERRED!r}\n{TIMED}"
        run(code, env)  # compile the bytecode, off the clock
        timed = [run(code, env) for _ in range(args.runs)]
        dependencies = [run(DEPENDENCIES_ONLY, env)[1] for _ in range(args.runs)]
        metadata = [run(METADATA, env)[0][0] for _ in range(args.runs)]
    labels = [*PARTS, "Policy.default()", "a first decision"]
    for index, label in enumerate(labels):
        print(f"{label:22} {statistics.median(t[index] for t, _ in timed) * 1e3:6.1f} ms")
    print(f"{'in all':22} {statistics.median(sum(t) for t, _ in timed) * 1e3:6.1f} ms")
    print(f"{'shutdown':22} {statistics.median(s for _, s in timed) * 1e3:6.1f} ms")
    alone = statistics.median(dependencies)
    print(f"shutdown of an interpreter with only attrs and pluggy: {alone * 1e3:.1f} ms")
    listing = statistics.median(metadata)
    print(f"importing importlib.metadata (in Policy.default(), to list the plugins): {listing * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
