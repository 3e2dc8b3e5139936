"""Turn a pytest-benchmark JSON file from ``benchmarks/`` into the tables of ``docs/performance.md``.

    python benchmarks/report.py .benchmarks/bench.json

Every figure is a median (of the rounds pytest-benchmark ran), and every comparison a
ratio of figures from the same run (for the workers, the median of such ratios).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from statistics import median as middle
from typing import Any

Bench = dict[str, Any]


def median(bench: Bench) -> float:
    return float(bench["stats"]["median"])


def table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    """A Markdown table; empty when there are no rows (the benchmarks were not run)."""
    rows = list(rows)
    if not rows:
        return ""
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def micro(seconds: float) -> str:
    return f"{seconds * 1e6:,.2f} µs"


def milli(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f} ms"


def by(benches: list[Bench], name: str) -> list[Bench]:
    return [b for b in benches if b["name"].startswith(name + "[") or b["name"] == name]


def machine(data: dict[str, Any]) -> str:
    info = data["machine_info"].get("relpolicy", {})
    load = info.get("load_average")
    return table(
        ["CPU", "cores (nproc)", "Python", "load average at start"],
        [
            [
                info.get("cpu_model", "?"),
                info.get("nproc", "?"),
                info.get("python", "?"),
                ", ".join(f"{x:.2f}" for x in load) if load else "?",
            ]
        ],
    )


def framework(benches: list[Bench]) -> str:
    grid: dict[tuple[int, str], dict[str, float]] = {}
    for bench in by(benches, "test_framework"):
        extra = bench["extra_info"]
        grid.setdefault((extra["plugins"], extra["vote"]), {})[extra["how"]] = median(bench)
    rows = []
    for (plugins, vote), times in sorted(grid.items()):
        hand = times.get("hand-loop", float("nan"))
        rows.append(
            [
                plugins,
                vote,
                micro(hand),
                micro(times.get("decide", float("nan"))),
                f"{times.get('decide', float('nan')) / hand:.2f}",
                micro(times.get("decide+wrapper", float("nan"))),
                f"{times.get('decide+wrapper', float('nan')) / hand:.2f}",
            ]
        )
    text = table(
        ["rules", "votes", "hand loop", "decide", "ratio", "decide + wrapper", "ratio"],
        rows,
    )
    turns = []
    for bench in by(benches, "test_framework_ratio"):
        extra = bench["extra_info"]
        hand, decide = extra["hand_loop_us"], extra["decide_us"]
        turns.append([extra["vote"], f"{hand:.2f} µs", f"{decide:.2f} µs", f"{extra['ratio']:.2f}"])
    if turns:
        text += "\n\nMeasured in turns on the process's CPU clock (least of 40 turns of 2,000 calls):\n\n"
        text += table(["votes", "hand loop", "decide", "ratio"], turns)
    return text


def default_policy(benches: list[Bench]) -> str:
    rows = []
    for bench in by(benches, "test_default_policy"):
        per = bench["extra_info"]["per_round"]
        rows.append(["standard rules", micro(median(bench) / per), f"{per / median(bench):,.0f}", ""])
    for bench in by(benches, "test_default_policy_people_of_their_own"):
        per = bench["extra_info"]["per_round"]
        label = "standard rules, senders of their own"
        rows.append([label, micro(median(bench) / per), f"{per / median(bench):,.0f}", ""])
    singles = {b["extra_info"]["rule"]: b for b in by(benches, "test_one_rule")}
    empty = singles.get("(none)")
    base = median(empty) / empty["extra_info"]["per_round"] if empty else 0.0
    for rule, bench in sorted(singles.items()):
        per_decision = median(bench) / bench["extra_info"]["per_round"]
        added = "" if rule == "(none)" else micro(per_decision - base)
        rows.append([rule, micro(per_decision), f"{1 / per_decision:,.0f}", added])
    return table(["policy", "per decision", "decisions/s", "the rule adds"], rows)


def note_sizes(benches: list[Bench]) -> str:
    rows = []
    sizes = sorted(by(benches, "test_note_size"), key=lambda b: b["extra_info"]["size"])
    if not sizes:
        return ""
    first = median(sizes[0]) / sizes[0]["extra_info"]["size"]
    for bench in sizes:
        size = bench["extra_info"]["size"]
        per_kb = median(bench) / size * 1024
        rows.append(
            [f"{size // 1024:,} KB", milli(median(bench)), micro(per_kb), f"{per_kb / (first * 1024):.2f}"]
        )
    return table(["note", "decide", "per KB", "per KB, relative to 1 KB"], rows)


def workers(benches: list[Bench]) -> str:
    """One row per form of input: medians of the runs, and the speed-up of each run of two processes."""
    rows = []
    for bench in by(benches, "test_workers"):
        extra = bench["extra_info"]
        if "speedups" not in extra:
            continue  # (a file written by an older version of the benchmark)
        one, two = extra["workers_1"], extra["workers_2"]
        count = extra["count"]
        first, second = middle(one["seconds"]), middle(two["seconds"])
        cpu_one, cpu_two = middle(one["cpu_us_per_decision"]), middle(two["cpu_us_per_decision"])
        rows.append(
            [
                extra["form"],
                f"{first:.2f} s ({count / first:,.0f}/s)",
                f"{second:.2f} s ({count / second:,.0f}/s)",
                f"**{middle(extra['speedups']):.3f}** ({', '.join(f'{x:.2f}' for x in extra['speedups'])})",
                f"{middle(two['cores_used']):.2f}",
                f"{cpu_one:.1f} µs",
                f"{cpu_two:.1f} µs",
            ]
        )
    header = ["input", "workers=1", "workers=2", "speed-up: median (each run)", "cores had, 2"]
    header += ["CPU per decision, 1", "CPU per decision, 2"]
    return table(header, rows)


def memory(benches: list[Bench]) -> str:
    rows = []
    for bench in by(benches, "test_stream_memory"):
        extra = bench["extra_info"]
        rows.append(
            [
                f"{extra['count']:,}",
                extra["workers"],
                f"{extra['seconds']:.1f} s",
                f"{extra['peak_mb']:.0f} MB",
                f"{extra['peak_mb_largest_worker']:.0f} MB",
            ]
        )
    return table(["requests", "workers", "time", "peak RSS, this process", "peak RSS, worker"], rows)


def startup(benches: list[Bench]) -> str:
    times = {b["extra_info"]["what"]: b for b in by(benches, "test_startup")}
    if "python" not in times:
        return ""
    base = median(times["python"])
    imported = median(times["import relpolicy"]) if "import relpolicy" in times else float("nan")
    rows = []
    for what, bench in times.items():
        beyond = "" if what == "python" else milli(median(bench) - base)
        plugin = milli(median(bench) - imported) if what.startswith("import relpolicy, ") else ""
        rows.append([f"`{what}`", milli(median(bench)), beyond, plugin])
    text = table(["run", "whole process", "beyond the interpreter", "beyond `import relpolicy`"], rows)
    heavy = times.get("import relpolicy", {}).get("extra_info", {}).get("heavy_modules_imported")
    if heavy is not None:
        text += "\n\nOf Hypothesis, click, Dask, pandas and the process machinery, "
        text += f"`import relpolicy` imports: {heavy}"
    return text


def main(path: str) -> None:
    data = json.loads(Path(path).read_text())
    benches: list[Bench] = data["benchmarks"]
    sections = [
        ("Machine", machine(data)),
        ("Framework cost", framework(benches)),
        ("Default policy", default_policy(benches)),
        ("Note sizes", note_sizes(benches)),
        ("Workers", workers(benches)),
        ("Memory", memory(benches)),
        ("Start-up", startup(benches)),
    ]
    for title, body in sections:
        if body:
            print(f"## {title}\n\n{body}\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".benchmarks/bench.json")
