"""``relpolicy diff``: replaying a backlog under two configurations, and comparing saved outputs."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from relpolicy import Decision, Policy, Request
from relpolicy.cli import cli
from relpolicy.inputs import read_recipient, read_requests

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
ME = EXAMPLES / "me.toml"
BACKLOG = (EXAMPLES / "requests.jsonl", EXAMPLES / "linkedin-export")
DATA = Path(__file__).parent / "data"
NO_HARD_SELL = "[rules.hard-sell]\nenabled = false\n"


@pytest.fixture(autouse=True)
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder, so no relpolicy.toml is found by chance."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("COLUMNS", "120")
    return work


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def config_file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def decided(policy: Policy, paths: tuple[Path, ...]) -> dict[str, Decision]:
    """Each request of *paths* decided in this process, by id."""
    out = {}
    for path in paths:
        for item in read_requests(path, export_recipient=policy.recipient is None):
            assert isinstance(item, Request)
            assert item.id is not None
            out[item.id] = policy.decide(item)
    return out


# -- what it must show ---------------------------------------------------------------------


def test_turning_hard_sell_off_lists_exactly_the_requests_whose_verdict_changes(tmp_path: Path) -> None:
    me = read_recipient(ME)
    old = decided(Policy.default(recipient=me), BACKLOG)
    new = decided(Policy.default(recipient=me, config={"rules": {"hard-sell": {"enabled": False}}}), BACKLOG)
    changed = [key for key in old if old[key].verdict is not new[key].verdict]
    assert changed, "the examples hold a request that only hard-sell declines"
    result = run("diff", *BACKLOG, "--me", ME, "--new-config", config_file(tmp_path, "b.toml", NO_HARD_SELL))
    assert result.exit_code == 0, result.output
    result = run(
        "diff",
        *BACKLOG,
        "--me",
        ME,
        "--new-config",
        tmp_path / "b.toml",
        "--format",
        "jsonl",
    )
    rows = jsonl(result.stdout)
    assert [row["id"] for row in rows] == changed
    for row in rows:
        before, after = old[row["id"]], new[row["id"]]
        assert (row["old"], row["new"]) == (before.verdict.value, after.verdict.value)
        assert (row["old_score"], row["new_score"]) == (before.score, after.score)
        [hard_sell] = [v for v in row["votes"] if v["rule"] == "hard-sell"]
        assert hard_sell["new"] is None
        assert hard_sell["old"] == next(v.to_dict() for v in before.votes if v.rule == "hard-sell")
        same = {v.rule for v in before.votes} & {v.rule for v in after.votes}
        differ = {v["rule"] for v in row["votes"]}
        assert all(
            (rule in differ)
            == ([v for v in before.votes if v.rule == rule] != [v for v in after.votes if v.rule == rule])
            for rule in same
        )
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith(f"{len(changed)} of {len(old)} requests change verdict")
    assert f"{len(old) - len(changed)} unchanged" in summary


def test_the_table_lists_the_same_requests_and_ends_with_the_summary(tmp_path: Path) -> None:
    new_config = config_file(tmp_path, "b.toml", NO_HARD_SELL)
    rows = jsonl(run("diff", *BACKLOG, "--me", ME, "--new-config", new_config, "--format", "jsonl").stdout)
    table = run("diff", *BACKLOG, "--me", ME, "--new-config", new_config)
    lines = table.stdout.splitlines()
    assert lines[0].split()[:4] == ["REQUEST", "OLD", "→", "NEW"]
    assert len(lines) == len(rows) + 2
    for line, row in zip(lines[1:-1], rows, strict=True):
        assert f"{row['old']} → {row['new']}" in line
        assert "hard-sell" in line
    assert "requests change verdict" in lines[-1]
    assert table.stderr == ""


def test_csv_has_a_row_per_change(tmp_path: Path) -> None:
    new_config = config_file(tmp_path, "b.toml", NO_HARD_SELL)
    rows = jsonl(run("diff", *BACKLOG, "--me", ME, "--new-config", new_config, "--format", "jsonl").stdout)
    result = run("diff", *BACKLOG, "--me", ME, "--new-config", new_config, "--format", "csv")
    found = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["id"], r["old"], r["new"]) for r in found] == [(r["id"], r["old"], r["new"]) for r in rows]
    assert [float(r["old_score"]) for r in found] == [r["old_score"] for r in rows]
    assert "requests change verdict" in result.stderr


# -- saved outputs -------------------------------------------------------------------------


def triage_to(path: Path, *args: str | Path) -> Path:
    result = run("triage", *args, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    path.write_text(result.stdout, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old_text", "new_text"),
    [
        ("", NO_HARD_SELL),
        ("accept_threshold = 2.0\n", ""),
        (
            '[recipient]\nname = "Pat"\npro_bono_groups = ["NJ Job Seekers Network"]\n',
            "[rules.common-field]\nweight = 3.0\n",
        ),
    ],
)
def test_replaying_is_comparing_what_triage_writes_under_each_configuration(
    tmp_path: Path, old_text: str, new_text: str
) -> None:
    old_config = config_file(tmp_path, "a.toml", old_text)
    new_config = config_file(tmp_path, "b.toml", new_text)
    old = triage_to(tmp_path / "old.jsonl", *BACKLOG, "--config", old_config)
    new = triage_to(tmp_path / "new.jsonl", *BACKLOG, "--config", new_config)
    saved = run("diff", old, new, "--format", "jsonl")
    replayed = run(
        "diff", *BACKLOG, "--old-config", old_config, "--new-config", new_config, "--format", "jsonl"
    )
    assert saved.exit_code == replayed.exit_code == 0
    assert jsonl(saved.stdout) == jsonl(replayed.stdout)
    assert saved.stderr == replayed.stderr


def test_two_exports_compare_request_by_request_when_a_new_invitation_comes_first(tmp_path: Path) -> None:
    export = tmp_path / "export"
    shutil.copytree(EXAMPLES / "linkedin-export", export)
    before = triage_to(tmp_path / "before.jsonl", export, "--me", ME)
    invitations = export / "Invitations.csv"
    header, _, rest = invitations.read_text(encoding="utf-8-sig").partition("\n")
    newest = (
        'Kai Moreno,Dana Whitfield,"11/21/26, 8:00 AM","Your website is out of date, and I can make it '
        'far more attractive and get you a lot more clients.",INCOMING,https://www.linkedin.com/in/kai-moreno,\n'
    )
    invitations.write_text(f"{header}\n{newest}{rest}", encoding="utf-8")
    after = triage_to(tmp_path / "after.jsonl", export, "--me", ME)
    result = run("diff", before, after, "--format", "jsonl")
    assert result.exit_code == 0
    [row] = jsonl(result.stdout)
    assert row["id"] == "https://www.linkedin.com/in/kai-moreno"
    assert (row["old"], row["new"]) == (None, "decline")
    n = len(jsonl(before.read_text(encoding="utf-8")))
    assert f"0 of {n} requests change verdict; {n} unchanged; 1 only in the new." in result.stderr


def test_a_request_only_in_the_old_output_is_listed(tmp_path: Path) -> None:
    old = triage_to(tmp_path / "old.jsonl", EXAMPLES / "requests.jsonl")
    lines = old.read_text(encoding="utf-8").splitlines(keepends=True)
    new = tmp_path / "new.jsonl"
    new.write_text("".join(lines[1:]), encoding="utf-8")
    result = run("diff", old, new, "--format", "jsonl")
    [row] = jsonl(result.stdout)
    assert row["id"] == json.loads(lines[0])["id"]
    assert (row["new"], row["new_score"]) == (None, None)
    assert row["old"] == json.loads(lines[0])["verdict"]
    assert "1 only in the old" in result.stderr


def test_bad_and_duplicate_records_are_reported_and_the_rest_compared(tmp_path: Path) -> None:
    old = triage_to(tmp_path / "old.jsonl", EXAMPLES / "requests.jsonl")
    lines = old.read_text(encoding="utf-8").splitlines(keepends=True)
    new = tmp_path / "new.jsonl"
    bad = '{"id": "x", "verdict": "maybe", "score": "1"}\n'
    new.write_text("".join([*lines, bad, lines[0], "not json\n"]), encoding="utf-8")
    result = run("diff", old, new, "--format", "jsonl")
    assert result.exit_code == 1
    errors = result.stderr.splitlines()[:-1]
    n, first = len(lines), json.loads(lines[0])["id"]
    assert errors == [
        f"{new}:{n + 1}: verdict: expected one of accept, decline, review, got 'maybe'",
        f"{new}:{n + 1}: score: expected a finite number, got '1'",
        f"{new}:{n + 2}: id: the id {first!r} is already on line 1; ids must be unique to compare",
        f"{new}:{n + 3}: not valid JSON: Expecting value (column 1)",
    ]
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        f"0 of {n} requests change verdict; {n} unchanged; 3 records not readable (see the errors)."
    )


@pytest.mark.parametrize(
    "args",
    [
        ["diff", str(EXAMPLES / "requests.jsonl")],
        ["diff", str(EXAMPLES / "requests.jsonl"), str(EXAMPLES / "requests.jsonl")],
        ["diff", str(EXAMPLES / "requests.jsonl"), str(EXAMPLES / "requests.jsonl"), "--me", str(ME)],
        ["diff", str(EXAMPLES / "me.toml"), str(EXAMPLES / "me.toml")],
        ["diff", str(EXAMPLES / "requests.jsonl"), "--new-config", str(ME), "--disable", "no-such-rule"],
        ["diff", str(EXAMPLES / "requests.jsonl"), "--new-config", str(DATA / "cli-requests.jsonl")],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_a_file_of_requests_where_decisions_are_expected_says_how_to_replay() -> None:
    result = run("diff", EXAMPLES / "requests.jsonl", EXAMPLES / "requests.jsonl")
    assert "a request, not a decision: give --old-config or --new-config" in result.stderr
