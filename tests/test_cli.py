"""The ``relpolicy`` command, run through click's CliRunner and as a real process.

Verdicts are never written down here: the command's output is compared with the
decisions the same policy makes in this process, or with what small plugins made for
these tests (installed as a distribution of their own, through the entry points) say.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from relpolicy import Decision, Policy, Request, _plugins
from relpolicy.cli import Progress, cli
from relpolicy.cli._output import display_width, why
from relpolicy.inputs import RecordError, Senders, read_profiles, read_requests

DATA = Path(__file__).parent / "data"
EXPORT = DATA / "linkedin-export"
MIXED = DATA / "cli-mixed.jsonl"
GOOD = DATA / "cli-requests.jsonl"


@pytest.fixture(autouse=True)
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder, so no relpolicy.toml or pyproject.toml is found by chance."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    return work


def run(*args: str | Path, input: str | None = None, color: bool = False) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, color=color, catch_exceptions=False)


def decide_in_process(path: Path, policy: Policy, senders: Senders | None = None) -> list[Decision]:
    items = read_requests(path, senders=senders, export_recipient=policy.recipient is None)
    return [policy.decide(item) for item in items if isinstance(item, Request)]


def lines_of(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


# -- plugins made for these tests -------------------------------------------------------------

PLUGINS = '''
import attrs

from relpolicy import Action, Vote, hookimpl, setting


@attrs.frozen
class EchoSettings:
    explode: bool = setting(False, help="Whether relpolicy_configure raises.")


class Echo:
    """Votes what the request's `echo_score` says, and tells what it saw in its reason."""

    relpolicy_name = "echo"

    @hookimpl
    def relpolicy_vote(self, request, recipient):
        saw = (
            f"recipient={recipient.name if recipient else None};"
            f"headline={request.sender.headline};mutual={request.mutual_connections}"
        )
        return Vote(
            "echo",
            float(request.extra.get("echo_score", 0.0)),
            reason=saw,
            veto=bool(request.extra.get("echo_veto", False)),
            evidence=(request.note[:12],) if request.note else (),
        )

    @hookimpl
    def relpolicy_settings(self):
        return EchoSettings

    @hookimpl
    def relpolicy_configure(self, settings):
        if settings.explode:
            raise ValueError("configure exploded on purpose")
        return None

    @hookimpl
    def relpolicy_actions(self, request):
        if request.extra.get("echo_action"):
            return [Action("echo", request.extra["echo_action"])]
        return None


class Boom:
    relpolicy_name = "boom"

    @hookimpl
    def relpolicy_vote(self, request):
        if request.extra.get("boom"):
            raise RuntimeError("boom on purpose")
        return None


echo = Echo()
boom = Boom()
'''


@pytest.fixture
def tiny(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Install the plugins `echo`, `boom` and `broken` (which fails on import), and load only those."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "relpolicy_tiny.py").write_text(PLUGINS)
    (site / "relpolicy_tiny_broken.py").write_text('raise ImportError("this plugin is broken on purpose")\n')
    info = site / "relpolicy_tiny-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: relpolicy-tiny\nVersion: 1.0\n")
    entry_points = [
        "echo = relpolicy_tiny:echo",
        "boom = relpolicy_tiny:boom",
        "broken = relpolicy_tiny_broken",
    ]
    (info / "entry_points.txt").write_text("[relpolicy]\n" + "\n".join(entry_points) + "\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.setenv("RELPOLICY_LOAD_PLUGINS", "echo,boom")
    _plugins.forget_installed()
    yield site
    _plugins.forget_installed()


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# -- triage: every format against the in-process decisions ------------------------------------


@pytest.mark.parametrize("path", [GOOD, EXPORT, EXPORT / "Invitations.csv", DATA / "linkedin-export-old"])
def test_jsonl_output_is_the_decisions_of_the_policy(path: Path) -> None:
    result = run("triage", path, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    expected = decide_in_process(path, Policy.default())
    assert [json.loads(line) for line in lines_of(result.stdout)] == [d.to_dict() for d in expected]


def test_json_output_is_one_array_of_the_decisions() -> None:
    result = run("triage", GOOD, "--format", "json")
    assert result.exit_code == 0
    expected = decide_in_process(GOOD, Policy.default())
    assert json.loads(result.stdout) == [d.to_dict() for d in expected]


def test_json_output_of_nothing_is_an_empty_array(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    result = run("triage", empty, "--format", "json")
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_csv_output_has_a_header_and_a_row_per_decision() -> None:
    result = run("triage", GOOD, EXPORT, "--format", "CSV")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    policy = Policy.default()
    expected = decide_in_process(GOOD, policy) + decide_in_process(EXPORT, policy)
    requests = [r for p in (GOOD, EXPORT) for r in read_requests(p) if isinstance(r, Request)]
    assert len(rows) == len(expected)
    for row, decision, request in zip(rows, expected, requests, strict=True):
        assert row["id"] == decision.request_id
        assert row["sender"] == (request.sender.name or "")
        assert row["sender_url"] == (request.sender.url or "")
        assert row["verdict"] == decision.verdict.value
        assert float(row["score"]) == decision.score
        assert row["vetoed"] == str(decision.vetoed).lower()
        assert row["reasons"] == " | ".join(decision.reasons)
        assert row["votes"].count("=") == len(decision.votes)


def test_table_has_a_row_per_request_that_fits_80_columns() -> None:
    result = run("triage", GOOD, EXPORT)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    policy = Policy.default()
    expected = decide_in_process(GOOD, policy) + decide_in_process(EXPORT, policy)
    requests = [r for p in (GOOD, EXPORT) for r in read_requests(p) if isinstance(r, Request)]
    header, rows, summary = lines[0], lines[1:-1], lines[-1]
    assert header.split() == ["REQUEST", "VERDICT", "SCORE", "WHY"]
    assert len(rows) == len(expected)
    for row, decision, request in zip(rows, expected, requests, strict=True):
        assert len(row) <= 80
        name = request.sender.name or request.id or ""
        assert row.startswith(name[:10])
        assert f" {decision.verdict.value} " in row
        assert f"{decision.score:+.2f}" in row
    assert "\x1b[" not in result.stdout
    assert summary.startswith(f"{len(expected)} requests decided")


def test_table_colours_only_when_asked(tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_jsonl(tmp_path / "r.jsonl", [{"sender": {"name": "A"}, "echo_score": 5}])
    assert "\x1b[32m" in run("triage", path, color=True).stdout  # green: accept
    assert "\x1b[" not in run("triage", path).stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("triage", path, color=True).stdout


def test_table_rows_are_safe_for_a_terminal(tiny: Path, tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "r.jsonl",
        [
            {
                "sender": {"name": "Evil\x1b[2J\u202eName\nwith lines", "headline": "x\x07y" * 30},
                "echo_score": 1,
            }
        ],
    )
    result = run("triage", path)
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    assert "\u202e" not in result.stdout
    assert "\x07" not in result.stdout
    assert all(len(line) <= 80 for line in result.stdout.splitlines())


def test_lone_surrogates_do_not_stop_the_output(tiny: Path, tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "s\\ud800", "sender": {"name": "\\udc80x"}, "note": "\\ud83d"}\n')
    for output_format in ("jsonl", "json", "csv", "table"):
        result = run("triage", path, "--format", output_format)
        assert result.exit_code == 0, output_format
    decoded = json.loads(run("triage", path, "--format", "jsonl").stdout)
    assert decoded["id"] == "s\ud800"


# -- bad input ----------------------------------------------------------------------------


def test_bad_lines_are_reported_by_file_line_and_field_and_good_lines_decided() -> None:
    result = run("triage", MIXED, "--format", "jsonl")
    assert result.exit_code == 1
    items = list(read_requests(MIXED))
    errors = [i for i in items if isinstance(i, RecordError)]
    good = [i for i in items if isinstance(i, Request)]
    assert errors
    assert good
    reported = result.stderr.splitlines()
    assert reported == [line for e in errors for line in e.lines()]
    for error in errors:
        for problem in error.problems:
            where = f"{MIXED}:{error.line}: " + (f"{problem.path}: " if problem.path else "")
            assert any(line.startswith(where) for line in reported)
    policy = Policy.default()
    assert [json.loads(line) for line in lines_of(result.stdout)] == [
        policy.decide(r).to_dict() for r in good
    ]
    assert "Traceback" not in result.output


def test_bad_lines_in_a_file_made_here_are_each_reported(tmp_path: Path) -> None:
    bad = {
        '{"sender": {"name": "A", "groups": 3}}': "sender.groups",
        '{"sender": {"name": "A"}, "mutual_connections": "many"}': "mutual_connections",
        '{"note": "who sent this?"}': "sender",
        '{"sender": {"name": "A"}, "shared_groups": [1]}': "shared_groups[0]",
        '{"sender": {"name": "A"': None,
    }
    lines, want = [], {}
    for index, (text, field) in enumerate(bad.items()):
        lines.append(json.dumps({"id": f"good-{index}", "sender": {"name": f"G{index}"}}))
        lines.append(text)
        want[len(lines)] = field
    path = tmp_path / "made.jsonl"
    path.write_text("\n".join(lines) + "\n")
    result = run("triage", path, "--format", "jsonl")
    assert result.exit_code == 1
    for line, field in want.items():
        prefix = f"{path}:{line}: " + (f"{field}: " if field else "not valid JSON")
        assert any(err.startswith(prefix) for err in result.stderr.splitlines()), prefix
    assert [json.loads(line)["id"] for line in lines_of(result.stdout)] == [
        f"good-{i}" for i in range(len(bad))
    ]


def test_broken_csv_and_undecodable_bytes_are_errors_not_tracebacks(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Invitations.csv").write_bytes(
        b"\xef\xbb\xbfFrom,To,Sent At,Message,Direction\n"
        b'Ann,Me,"11/19/26, 4:02 PM",Hi,INCOMING\n'
        b'Bo,Me,"11/19/26, 4:02 PM",Caf\xe9,INCOMING\n'
        b"Cy,Me\n"
    )
    (folder / "Profile.csv").write_bytes(b"Name,Headline\nPat,Coach\n")
    result = run("triage", folder, "--format", "jsonl")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = result.stderr.splitlines()
    assert any(
        e.startswith(f"{folder / 'Profile.csv'}:1: no header row with the columns First Name") for e in errors
    )
    assert any(e.startswith(f"{folder / 'Invitations.csv'}:3: Message: not UTF-8") for e in errors)
    assert any(e.startswith(f"{folder / 'Invitations.csv'}:4: Direction: missing") for e in errors)
    assert [json.loads(line)["id"] for line in lines_of(result.stdout)] == ["Invitations.csv:2"]


@pytest.mark.parametrize(
    "args",
    [
        ["triage", "no-such-file.jsonl"],
        ["triage", str(GOOD), "--format", "xml"],
        ["triage", str(GOOD), "--colour"],
        ["triage", str(GOOD), "--disable", "no-such-rule"],
        ["triage", str(GOOD), "--workers", "0"],
        ["triage"],
        ["explain", str(GOOD), "--id", "no-such-request"],
        ["plugins", "--format", "yaml"],
        ["check-note"],
        ["no-such-command"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_inputs_of_no_known_kind_are_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "empty-folder").mkdir()
    for path in (tmp_path / "notes.txt", tmp_path / "empty-folder"):
        result = run("triage", GOOD, path)
        assert result.exit_code == 2
        assert str(path) in result.stderr
        assert result.stdout == ""  # nothing is decided before every input is known to be readable


def test_bad_configuration_and_profile_files_are_usage_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text("accept_threshold = 'high'\n")
    (tmp_path / "typo.toml").write_text("[rules.note-presnt]\nweight = 2\n")
    (tmp_path / "me.json").write_text('{"name": 3}')
    for option, name, message in (
        ("--config", "bad.toml", "accept_threshold"),
        ("--config", "typo.toml", "note-presnt"),
        ("--me", "me.json", "name: expected a string"),
    ):
        result = run("triage", GOOD, option, tmp_path / name)
        assert result.exit_code == 2
        assert message in result.stderr


def test_a_plugin_that_fails_to_load_is_one_warning_not_a_crash(
    tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RELPOLICY_LOAD_PLUGINS", "echo,broken")
    path = write_jsonl(tmp_path / "r.jsonl", [{"sender": {"name": "A"}, "echo_score": 1}] * 3)
    result = run("triage", path, "--format", "jsonl")
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1
    assert "broken" in warnings[0]
    assert "broken on purpose" in warnings[0]
    assert len(lines_of(result.stdout)) == 3


def test_a_plugin_that_fails_to_set_up_is_a_warning_not_a_traceback(tiny: Path, elsewhere: Path) -> None:
    (elsewhere / "relpolicy.toml").write_text("[rules.echo]\nexplode = true\n")
    result = run("triage", GOOD, "--format", "jsonl")
    assert result.exit_code == 0
    assert "configure exploded on purpose" in result.stderr
    assert "Traceback" not in result.output
    decisions = [json.loads(line) for line in lines_of(result.stdout)]
    assert decisions, "the other plugins still decide"
    for decision in decisions:
        assert "echo" in [e["rule"] for e in decision["errors"]]
        assert decision["verdict"] != "accept"


def test_a_plugin_that_raises_is_recorded_in_the_decision(tiny: Path, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "r.jsonl", [{"sender": {}, "boom": True, "echo_score": 9}, {"sender": {}}])
    result = run("triage", path, "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert "boom on purpose" in rows[0]["errors"]
    assert rows[0]["verdict"] != "accept"
    assert rows[1]["errors"] == ""


def test_a_failure_in_strict_mode_names_the_request_and_where_it_was_read(
    tiny: Path, tmp_path: Path, elsewhere: Path
) -> None:
    (elsewhere / "relpolicy.toml").write_text("strict = true\n")
    record = {"id": "https://www.linkedin.com/in/ann", "source": "Invitations.csv:7", "boom": True}
    path = write_jsonl(tmp_path / "r.jsonl", [{**record, "sender": {}}, {"sender": {}}])
    result = run("triage", path, "--format", "jsonl")
    assert result.exit_code == 3  # (a rule failed on a request: not a record that could not be read)
    failures = [line for line in result.stderr.splitlines() if not line.startswith("relpolicy: ")]
    assert failures[0].startswith("https://www.linkedin.com/in/ann (Invitations.csv:7): rule 'boom'")
    assert len(lines_of(result.stdout)) == 1


# -- whose decision: --me, the configuration, the export's Profile.csv --------------------------


def recipients_seen(result: Result) -> set[str]:
    return {json.loads(line)["votes"][0]["reason"].split(";")[0] for line in lines_of(result.stdout)}


def test_recipient_precedence(tiny: Path, tmp_path: Path, elsewhere: Path) -> None:
    owner = read_requests(EXPORT).__next__()
    assert isinstance(owner, Request)
    assert owner.recipient is not None
    assert recipients_seen(run("triage", EXPORT, "--format", "jsonl")) == {
        f"recipient={owner.recipient.name}"
    }
    (elsewhere / "relpolicy.toml").write_text('[recipient]\nname = "From Config"\n')
    assert recipients_seen(run("triage", EXPORT, "--format", "jsonl")) == {"recipient=From Config"}
    me = tmp_path / "me.toml"
    me.write_text('name = "From Me"\n')
    assert recipients_seen(run("triage", EXPORT, "--me", me, "--format", "jsonl")) == {"recipient=From Me"}
    other = tmp_path / "other.toml"
    other.write_text('[recipient]\nname = "From --config"\n')
    assert recipients_seen(run("triage", EXPORT, "--config", other, "--format", "jsonl")) == {
        "recipient=From --config"
    }


def test_pyproject_tool_table_is_found(tiny: Path, elsewhere: Path) -> None:
    (elsewhere / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.relpolicy.recipient]\nname = "Py Project"\n'
    )
    assert recipients_seen(run("triage", EXPORT, "--format", "jsonl")) == {"recipient=Py Project"}


def test_profiles_fill_in_senders(tiny: Path) -> None:
    profiles = DATA / "cli-profiles.jsonl"
    result = run("triage", EXPORT, "--profiles", profiles, "--format", "jsonl")
    assert result.exit_code == 0
    senders = Senders(p for p in read_profiles(profiles) if not isinstance(p, RecordError))
    requests = [r for r in read_requests(EXPORT) if isinstance(r, Request)]
    reasons = [json.loads(line)["votes"][0]["reason"] for line in lines_of(result.stdout)]
    assert len(reasons) == len(requests)
    filled = 0
    for request, reason in zip(requests, reasons, strict=True):
        entry = senders.find(request.sender)
        if entry is None:
            assert reason.endswith(f"headline={request.sender.headline};mutual=None")
        else:
            filled += 1
            headline = request.sender.headline or entry.profile.headline
            assert reason.endswith(f"headline={headline};mutual={entry.mutual_connections}")
    assert filled


def test_bad_profile_entries_are_reported_and_the_rest_used(tiny: Path, tmp_path: Path) -> None:
    profiles = tmp_path / "p.jsonl"
    profiles.write_text(
        '{"url": "https://www.linkedin.com/in/sam-rivera-scm", "mutual_connections": 3}\n{"name": 4}\n'
    )
    result = run("triage", EXPORT, "--profiles", profiles, "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{profiles}:2: ")
    assert any("mutual=3" in line for line in lines_of(result.stdout))


# -- explain, plugins ---------------------------------------------------------------------


def test_explain_shows_every_vote_threshold_error_and_next_step(tiny: Path, tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "r.jsonl",
        [
            {
                "id": "one",
                "sender": {"name": "A"},
                "note": "hello there friend",
                "echo_score": 3,
                "echo_action": "Say hi",
            },
            {"id": "two", "sender": {"name": "B"}, "boom": True},
        ],
    )
    policy = Policy.default()
    for wanted in ("one", "two"):
        result = run("explain", path, "--id", wanted)
        assert result.exit_code == 0
        request = next(r for r in read_requests(path) if isinstance(r, Request) and r.id == wanted)
        decision = policy.decide(request)
        text = " ".join(result.stdout.split())
        assert decision.verdict.value.upper() in text
        assert f"{decision.score:+.2f}" in text
        assert f"{policy.config.accept_threshold:+.2f}" in text
        assert f"{policy.config.decline_threshold:+.2f}" in text
        for vote in decision.votes:
            assert vote.rule in text
            assert vote.reason in text
            assert all(e in text for e in vote.evidence)
        for error in decision.errors:
            assert error.rule in text
            assert error.message in text
        for action in decision.actions:
            assert action.text in text


def test_explain_finds_by_sender_name_or_address_and_json_is_the_decision() -> None:
    policy = Policy.default()
    requests = [r for r in read_requests(EXPORT) if isinstance(r, Request)]
    target = requests[-1]
    assert target.sender.name
    assert target.sender.url
    for wanted in (target.id, target.sender.name.upper(), target.sender.url + "/"):
        result = run("explain", EXPORT, "--id", str(wanted), "--format", "json")
        assert result.exit_code == 0
        (line,) = lines_of(result.stdout)
        data = json.loads(line)
        assert data["decision"] == policy.decide(target).to_dict()
        assert data["request"] == target.to_dict()
        assert data["thresholds"] == {
            "accept": policy.config.accept_threshold,
            "decline": policy.config.decline_threshold,
        }


def test_explain_without_id_explains_each_request() -> None:
    result = run("explain", GOOD)
    assert result.exit_code == 0
    requests = [r for r in read_requests(GOOD) if isinstance(r, Request)]
    assert result.stdout.count("  verdict ") == len(requests)


def test_plugins_lists_name_distribution_version_hooks_and_enabled(
    tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RELPOLICY_LOAD_PLUGINS", "echo,boom,broken")
    result = run("plugins", "--format", "json", "--disable", "boom")
    assert result.exit_code == 0
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert rows["echo"]["distribution"] == "relpolicy-tiny"
    assert rows["echo"]["version"] == "1.0"
    assert rows["echo"]["enabled"] is True
    assert sorted(rows["echo"]["hooks"]) == [
        "relpolicy_actions",
        "relpolicy_configure",
        "relpolicy_settings",
        "relpolicy_vote",
    ]
    assert rows["boom"]["enabled"] is False
    assert rows["broken"]["enabled"] is False
    assert "broken on purpose" in rows["broken"]["error"]
    assert not any(row["builtin"] for row in rows.values())
    assert result.stderr.count("warning") == 1
    every = {row["name"] for row in json.loads(run("plugins", "--format", "json", "--all").stdout)}
    assert set(rows) < every
    table = run("plugins").stdout
    assert all(name in table for name in rows)
    assert "broken on purpose" in table


def test_workers_give_the_same_output() -> None:
    one = run("triage", GOOD, EXPORT, "--format", "jsonl")
    two = run("triage", GOOD, EXPORT, "--format", "jsonl", "--workers", "2")
    assert two.exit_code == 0
    assert two.stdout == one.stdout


def test_progress_counts_only_past_its_threshold() -> None:
    stream = io.StringIO()
    progress = Progress(stream, after=3, every=2)
    for count in range(1, 3):
        progress.update(count)
    assert stream.getvalue() == ""
    for count in range(3, 9):
        progress.update(count)
    progress.close()
    shown = stream.getvalue()
    assert "8 requests" in shown
    assert "4 requests" in shown
    assert "5 requests" not in shown
    assert shown.endswith("\r")


# -- the installed command, as a real process --------------------------------------------------


def command(*args: str | Path, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "relpolicy", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        input=stdin,
        timeout=120,
    )


def test_process_on_jsonl_with_bad_lines(elsewhere: Path) -> None:
    done = command("triage", MIXED, "--format", "jsonl", cwd=elsewhere)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    items = list(read_requests(MIXED))
    assert done.stderr.splitlines() == [
        line for i in items if isinstance(i, RecordError) for line in i.lines()
    ]
    policy = Policy.default()
    want = [policy.decide(i).to_dict() for i in items if isinstance(i, Request)]
    assert [json.loads(line) for line in lines_of(done.stdout)] == want


def test_process_on_the_export_in_every_format(elsewhere: Path) -> None:
    policy = Policy.default()
    expected = decide_in_process(EXPORT, policy)
    for output_format in ("table", "json", "jsonl", "csv"):
        done = command("triage", EXPORT, "--format", output_format, cwd=elsewhere)
        assert done.returncode == 0, done.stderr
        if output_format == "json":
            assert json.loads(done.stdout) == [d.to_dict() for d in expected]
        elif output_format == "jsonl":
            assert [json.loads(line) for line in lines_of(done.stdout)] == [d.to_dict() for d in expected]
        elif output_format == "csv":
            rows = list(csv.DictReader(io.StringIO(done.stdout)))
            assert [(r["id"], r["verdict"]) for r in rows] == [
                (d.request_id, d.verdict.value) for d in expected
            ]
        else:
            assert len(done.stdout.splitlines()) == len(expected) + 2


def test_process_usage_error_exits_2(elsewhere: Path) -> None:
    done = command("triage", "missing.jsonl", cwd=elsewhere)
    assert done.returncode == 2
    assert "missing.jsonl" in done.stderr
    assert "Traceback" not in done.stderr


def test_process_check_note_from_stdin(elsewhere: Path) -> None:
    note = "Hi, I'm Sam, a nurse. I heard you speak last week. Could we set up a short call?"
    done = command("check-note", "-", "--format", "json", cwd=elsewhere, stdin=note)
    review = json.loads(done.stdout)
    assert done.returncode == (0 if review["ok"] else 1)
    assert [a["topic"] for a in review["advice"]] == ["introduction", "reason", "conversation", "pitch"]


def test_the_examples_triage_cleanly(elsewhere: Path) -> None:
    examples = Path(__file__).parent.parent / "examples"
    for args in (
        [examples / "requests.jsonl"],
        [
            examples / "linkedin-export",
            "--profiles",
            examples / "profiles.jsonl",
            "--me",
            examples / "me.toml",
        ],
    ):
        result = run("triage", *args, "--format", "jsonl")
        assert result.exit_code == 0, result.stderr
        assert lines_of(result.stdout)


def test_help_documents_the_exit_status() -> None:
    for args in (["--help"], ["triage", "--help"], ["check-note", "--help"]):
        result = run(*args)
        assert result.exit_code == 0
        assert "exit status" in result.stdout.lower()


# -- widths and the configuration in force ------------------------------------------------------


def test_explain_fits_the_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    for columns, args in (("60", ()), ("200", ("--width", "70"))):
        monkeypatch.setenv("COLUMNS", columns)
        result = run("explain", GOOD, *args)
        assert result.exit_code == 0
        width = int(args[-1]) if args else int(columns)
        assert [line for line in result.stdout.splitlines() if display_width(line) > width] == []


def test_table_can_keep_every_cell_whole_or_take_a_width() -> None:
    requests = [r for r in read_requests(GOOD) if isinstance(r, Request)]
    policy = Policy.default()
    reasons = [why(policy.decide(r)) for r in requests]
    assert max(len(r) for r in reasons) > 80 - 41, "the data has a reason that the table would cut"
    rows = run("triage", GOOD, "--no-truncate").stdout.splitlines()[1:-1]
    for row, request, reason in zip(rows, requests, reasons, strict=True):
        assert row.startswith(request.sender.name or "")
        assert row.endswith(f"  {reason}")
    lines = run("triage", GOOD, "--width", "100").stdout.splitlines()
    assert all(display_width(line) <= 100 for line in lines)
    if any(len(reason) > 100 - 41 for reason in reasons):
        assert max(display_width(line) for line in lines) == 100


def test_the_configuration_in_force_is_named(elsewhere: Path, tmp_path: Path) -> None:
    result = run("triage", GOOD)
    assert "configuration" not in result.stderr
    (elsewhere / "relpolicy.toml").write_text("accept_threshold = 2.5\n")
    result = run("triage", GOOD)
    assert "relpolicy: configuration: relpolicy.toml (found in the current folder)\n" in result.stderr
    other = tmp_path / "other.toml"
    other.write_text("accept_threshold = 2.0\n")
    result = run("triage", GOOD, "--config", other)
    assert f"relpolicy: configuration: {other} (--config)\n" in result.stderr
    text = " ".join(run("explain", GOOD, "--id", "ok-1").stdout.split())
    assert "config relpolicy.toml (found in the current folder)" in text
    data = json.loads(run("explain", GOOD, "--config", other, "--format", "json").stdout.splitlines()[0])
    assert data["configuration"] == str(other)
    assert data["thresholds"]["accept"] == 2.0
