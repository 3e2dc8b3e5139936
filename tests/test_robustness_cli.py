"""The ``relpolicy`` command under hostile conditions: a status of its own for each failure,
never a traceback (but for a bug), and no record lost or process left behind.

Most tests run the command as a real process, since what they test (signals, a full
disk, the encoding of standard output, broken pipes) is the process's own.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from relpolicy import Policy, Request, _plugins
from relpolicy.cli import ExitStatus, cli
from relpolicy.cli._exits import MEANINGS
from relpolicy.cli._output import csv_cell
from relpolicy.inputs import RecordError, read_requests

DOCS = Path(__file__).parent.parent / "docs"

PLUGIN = '''
import multiprocessing
import time

from relpolicy import Vote, hookimpl


class Stall:
    """Stalls forever on a request that asks it to (in worker processes only, if it says
    so); raises on one that asks it to fail."""

    relpolicy_name = "stall"

    @hookimpl
    def relpolicy_vote(self, request):
        where = request.extra.get("stall")
        if where == "anywhere" or (where == "workers" and multiprocessing.parent_process() is not None):
            while True:
                time.sleep(0.05)
        if request.extra.get("fail"):
            raise RuntimeError("failed on purpose")
        return Vote("stall", 0.5, "fine")


stall = Stall()
'''


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty folder to run in, and the plugin `stall` installed alone beside relpolicy's own."""
    site = tmp_path / "site"
    info = site / "relpolicy_stall-1.0.dist-info"
    info.mkdir(parents=True)
    (site / "relpolicy_stall.py").write_text(PLUGIN)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: relpolicy-stall\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[relpolicy]\nstall = relpolicy_stall:stall\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.setenv("RELPOLICY_LOAD_PLUGINS", "stall,note-present")
    monkeypatch.delenv("PYTHONIOENCODING", raising=False)
    _plugins.forget_installed()
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    yield folder
    _plugins.forget_installed()


def jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def inbox(count: int, **special: dict[str, object]) -> list[dict[str, object]]:
    """*count* requests; ``r<N>=fields`` adds fields to the N-th."""
    return [
        {
            "id": f"r{i}",
            "sender": {"name": f"S\u00e9n {i}"},
            "note": "We met at the meetup, caf\u00e9 talk",
            **special.get(f"r{i}", {}),
        }
        for i in range(count)
    ]


def command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "relpolicy", *map(str, args)]


def run(*args: str | Path, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


def group_is_gone(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return True
    return False


# -- 17: one status for each failure, documented once ------------------------------------------


def test_each_status_is_its_own_and_documented_in_the_help_and_the_robustness_page() -> None:
    assert len(set(ExitStatus)) == len(ExitStatus)
    assert set(MEANINGS) == set(ExitStatus)
    assert ExitStatus.INTERRUPTED == 130
    help_text = " ".join(run("--help").stdout.split())
    page = (DOCS / "robustness.md").read_text(encoding="utf-8")
    for status in ExitStatus:
        assert f"{int(status)} {' '.join(MEANINGS[status].split())}" in help_text
        assert f"| {int(status)} | `{status.name}` |" in page


def test_a_strict_rule_that_fails_ends_the_command_with_status_3(work: Path) -> None:
    (work / "relpolicy.toml").write_text("strict = true\n")
    path = jsonl(work / "in.jsonl", inbox(5, r2={"fail": True}))
    # In one process the request is reported and the others decided; workers stop there.
    for workers, decided in (("1", ["r0", "r1", "r3", "r4"]), ("2", ["r0", "r1"])):
        result = run("triage", path, "--format", "jsonl", "--workers", workers)
        assert result.exit_code == ExitStatus.PLUGIN_FAILED
        assert "rule 'stall': relpolicy_vote raised RuntimeError: failed on purpose" in result.stderr
        assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == decided


def test_a_bug_is_an_internal_error_with_its_traceback(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from relpolicy.cli import _triage

    def broken(*args: object, **kwargs: object) -> list[str]:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(_triage, "explain_lines", broken)
    result = run("explain", jsonl(work / "in.jsonl", inbox(2)))
    assert result.exit_code == ExitStatus.INTERNAL_ERROR
    assert "Traceback" in result.stderr
    assert "relpolicy: internal error: ZeroDivisionError: a bug; please report it" in result.stderr


def test_a_broken_pipe_ends_quietly_with_status_141(work: Path) -> None:
    path = jsonl(work / "in.jsonl", inbox(3000))
    for output_format in ("jsonl", "table"):
        with subprocess.Popen(
            command("triage", path, "--format", output_format),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ) as process:
            assert process.stdout is not None
            process.stdout.read(100)
            process.stdout.close()
            assert process.wait(120) == ExitStatus.BROKEN_PIPE
            assert process.stderr is not None
            assert process.stderr.read() == b""


# -- 9: a full disk -----------------------------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ["triage", "{path}"],
        ["triage", "{path}", "--format", "csv"],
        ["explain", "{path}"],
        ["plugins"],
        ["check-note", "Hello there"],
    ],
)
def test_a_full_disk_is_an_output_error_not_a_traceback(work: Path, args: list[str]) -> None:
    path = jsonl(work / "in.jsonl", inbox(3))
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            command(*(a.format(path=path) for a in args)),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert done.returncode == ExitStatus.OUTPUT_ERROR
    assert done.stderr.splitlines()[-1] == "relpolicy: cannot write the output: No space left on device"
    assert "Traceback" not in done.stderr


# -- 10: standard output that is not UTF-8 ------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["triage", "{path}"], ["triage", "{path}", "--format", "csv"], ["explain", "{path}"], ["plugins"]],
)
def test_an_ascii_terminal_gets_replacement_characters(work: Path, args: list[str]) -> None:
    path = jsonl(work / "in.jsonl", inbox(3))
    done = subprocess.run(
        command(*(a.format(path=path) for a in args)),
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.isascii()
    if args[0] != "plugins":
        assert b"S?n 0" in done.stdout


def test_json_for_an_ascii_terminal_is_escaped_not_replaced(work: Path) -> None:
    records = inbox(3)
    records[1]["id"] = "caf\u00e9 \u4e2d"
    path = jsonl(work / "in.jsonl", records)
    done = subprocess.run(
        command("triage", path, "--format", "jsonl"),
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        timeout=120,
    )
    assert done.returncode == 0
    policy = Policy.default()
    assert [json.loads(line) for line in done.stdout.splitlines()] == [
        policy.decide(Request.from_dict(r)).to_dict() for r in records
    ]


# -- 5: Ctrl-C ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("workers", "where"), [("2", "workers"), ("1", "anywhere")])
def test_ctrl_c_stops_at_once_says_what_was_written_and_leaves_no_process(
    work: Path, workers: str, where: str
) -> None:
    path = jsonl(work / "in.jsonl", inbox(3000, r1500={"stall": where}))
    with subprocess.Popen(
        command("triage", path, "--format", "jsonl", "--workers", workers),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # (its own process group, as a terminal's job has)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    ) as process:
        assert process.stdout is not None
        written = [process.stdout.readline() for _ in range(1000)]  # it has come past those
        assert all(written)
        os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C does: to every process of the group
        rest = process.stdout.read()  # (not communicate(), which would miss what readline() buffered)
        process.wait(120)
        assert process.stderr is not None
        errors = process.stderr.read()
    assert process.returncode == ExitStatus.INTERRUPTED
    lines = len(written) + len(rest.splitlines())
    assert errors.decode().splitlines()[-1] == f"relpolicy: interrupted; {lines:,} records written"
    assert [json.loads(line)["id"] for line in [*written, *rest.splitlines()]] == [
        f"r{i}" for i in range(lines)
    ]
    assert "Traceback" not in errors.decode()
    for _ in range(100):  # (a guard: the workers are gone when the command ends)
        if group_is_gone(process.pid):
            break
        time.sleep(0.1)
    assert group_is_gone(process.pid)


# -- 1: standard input, and named pipes -------------------------------------------------------------


def test_triage_and_explain_read_standard_input(work: Path) -> None:
    records = [*inbox(3), {"sender": 3}, {"sender": {"name": "No id"}}]
    text = "".join(json.dumps(r) + "\n" for r in records)
    result = run("triage", "-", "--format", "jsonl", input=text)
    assert result.exit_code == ExitStatus.INVALID_RECORDS
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["r0", "r1", "r2", "<stdin>:5"]
    assert result.stderr.splitlines() == ["<stdin>:4: sender: expected an object, got int"]
    explained = run("explain", "-", "--id", "r1", "--format", "json", input=text)
    assert explained.exit_code == ExitStatus.INVALID_RECORDS
    assert [json.loads(line)["request"]["id"] for line in explained.stdout.splitlines()] == ["r1"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_triage_reads_a_named_pipe(work: Path) -> None:
    fifo = work / "in.jsonl"
    os.mkfifo(fifo)
    text = "".join(json.dumps(r) + "\n" for r in inbox(40)).encode()

    def write() -> None:
        with open(fifo, "wb") as pipe:
            pipe.write(text)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    done = subprocess.run(command("triage", fifo, "--format", "jsonl"), capture_output=True, timeout=120)
    writer.join(60)
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 40


# -- 8: CSV that a spreadsheet reads as written -----------------------------------------------------


def test_csv_output_quotes_a_carriage_return_and_guards_every_cell(work: Path) -> None:
    records = inbox(3)
    records[0]["id"] = "x\r=2+5"
    records[1]["sender"] = {"name": " \u200b\uff1dHYPERLINK(1)"}
    result = run("triage", jsonl(work / "in.jsonl", records), "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert [len(row) for row in rows] == [10] * 4
    assert rows[1][0] == "'x\r=2+5"[1:]  # quoted, and whole: its second line starts no formula
    assert rows[2][1] == "' \u200b\uff1dHYPERLINK(1)"


_invisible = st.sampled_from([" ", "\t", "\u3000", "\ufeff", "\u200b", "\u2060", "\u00a0", "\n"])
_formula = st.sampled_from(["=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\ufe66", "\ufe62"])


@given(st.lists(_invisible, max_size=4).map("".join), _formula, st.text(max_size=10))
def test_a_cell_that_would_start_a_formula_after_invisible_characters_is_guarded(
    lead: str, start: str, rest: str
) -> None:
    assert csv_cell(lead + start + rest) == "'" + lead + start + rest


# -- 19: escape sequences from the input do not reach the terminal --------------------------------


def test_control_characters_from_the_input_never_reach_stderr(work: Path) -> None:
    bad = work / "bad.jsonl"
    bad.write_text(
        json.dumps({"sender": {"name": "A", "\x1b[31mred\x1b[0m": 3, "groups": "\x1b]0;title\x07"}}) + "\n"
    )
    export = work / "export"
    export.mkdir()
    (export / "Invitations.csv").write_text("\x1b[2J\x1b[31mFrom,Note\nA,b\n")
    for path in (bad, export):
        result = run("triage", path)
        assert result.exit_code in (ExitStatus.INVALID_RECORDS, ExitStatus.USAGE)
        assert result.stderr
        assert not any(char in result.stderr for char in "\x1b\x07\x9b"), result.stderr


# -- 12: a pyproject.toml that is not relpolicy's ---------------------------------------------------


@pytest.mark.parametrize("tool", ["tool = 3", "tool = 'x'"])
def test_a_pyproject_whose_tool_is_no_table_is_not_a_configuration(work: Path, tool: str) -> None:
    (work / "pyproject.toml").write_text(tool + "\n")
    path = jsonl(work / "in.jsonl", inbox(2))
    assert run("triage", path).exit_code == 0
    result = run("triage", path, "--config", work / "pyproject.toml")
    assert result.exit_code == ExitStatus.USAGE
    assert "tool: expected a table" in result.stderr


# -- the whole promise: every record decided or reported, in order, in every form ---------------------

#: The kinds of record the property below mixes, for each form of input.
JSON_KINDS = ["good", "good", "good", "syntax", "wrong type", "huge integer", "not UTF-8", "not an object"]
CSV_KINDS = [
    "good",
    "good",
    "good",
    "direction",
    "date",
    "long cell",
    "lone CR",
    "too many cells",
    "not UTF-8",
]
HEADER = ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"]


def json_lines(kinds: list[str]) -> tuple[bytes, list[tuple[str, object]]]:
    """A JSON Lines file of the records of *kinds*, and what the command must say of each:
    ("decided", id) or ("error", line)."""
    lines, expected = [], []
    for line, kind in enumerate(kinds, start=1):
        good = {"id": f"g{line}", "sender": {"name": f"G {line}"}, "note": "We met at the meetup"}
        text = {
            "good": json.dumps(good),
            "syntax": json.dumps(good)[:-3],
            "wrong type": json.dumps({**good, "sender": {"name": 7}}),
            "huge integer": json.dumps(good)[:-1] + ', "n": 1' + "0" * 5000 + "}",
            "not an object": "[1, 2]",
        }.get(kind, json.dumps(good))
        raw = text.encode() if kind != "not UTF-8" else text.encode().replace(b"meetup", b"meet\xff")
        lines.append(raw)
        expected.append(("decided", f"g{line}") if kind == "good" else ("error", line))
    return b"\n".join(lines) + b"\n", expected


def invitations(kinds: list[str]) -> tuple[bytes, list[tuple[str, object]]]:
    """An Invitations.csv of the rows of *kinds* (each message on two lines), and what the
    command must say of each."""
    out, expected, line = [",".join(HEADER).encode() + b"\r\n"], [], 2
    for index, kind in enumerate(kinds):
        cells = [f"G {index}", "Me", "11/19/26, 4:02 PM", "We met\nat the meetup", "INCOMING", "", ""]
        if kind == "direction":
            cells[4] = "SIDEWAYS"
        elif kind == "date":
            cells[2] = "last Tuesday"
        elif kind == "long cell":
            cells[3] = "x\n" * (csv.field_size_limit() // 2 + 1)
        elif kind == "too many cells":
            cells.append("surplus")
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerow(cells)
        raw = buffer.getvalue().encode()
        if kind == "lone CR":
            raw = raw.replace(b"Me,", b"M\re,", 1)
        elif kind == "not UTF-8":
            raw = raw.replace(b"meetup", b"meet\xff")
        out.append(raw)
        expected.append(("decided", f"Invitations.csv:{line}") if kind == "good" else ("error", line))
        line += raw.count(b"\n")
    return b"".join(out), expected


def what_was_said(result: Result, source: str) -> tuple[list[str], list[int]]:
    """The ids of the decisions written, and the lines of the records reported (once each)."""
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    lines: list[int] = []
    for message in result.stderr.splitlines():
        if message.startswith("relpolicy:"):
            continue
        where, line, _ = message.split(":", 2)
        assert where == source
        if not lines or lines[-1] != int(line):
            lines.append(int(line))
    return ids, lines


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("form", ["jsonl", "csv", "zip"])
def test_every_good_record_is_decided_and_every_bad_one_reported_in_order(
    work: Path, form: str, workers: str
) -> None:
    kinds = JSON_KINDS if form == "jsonl" else CSV_KINDS
    policy = Policy.default()

    @settings(max_examples=15, deadline=None)
    @given(st.lists(st.sampled_from(kinds), max_size=12))
    def check(mix: list[str]) -> None:
        folder = work / f"case-{len(list(work.iterdir()))}"
        folder.mkdir()
        if form == "jsonl":
            content, expected = json_lines(mix)
            path = folder / "in.jsonl"
            path.write_bytes(content)
            source = str(path)
        else:
            content, expected = invitations(mix)
            if form == "csv":
                path = folder / "Invitations.csv"
                path.write_bytes(content)
                source = str(path)
            else:
                path = folder / "export.zip"
                with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
                    archive.writestr("Basic_LinkedInDataExport/Invitations.csv", content)
                source = f"{path}/Basic_LinkedInDataExport/Invitations.csv"
        result = run("triage", path, "--format", "jsonl", "--workers", workers)
        ids, lines = what_was_said(result, source)
        assert ids == [what for said, what in expected if said == "decided"]
        assert lines == [what for said, what in expected if said == "error"]
        assert result.exit_code == (ExitStatus.INVALID_RECORDS if lines else ExitStatus.OK)
        read = [item for item in read_requests(path) if not isinstance(item, RecordError)]
        assert [json.loads(line) for line in result.stdout.splitlines()] == [
            policy.decide(request).to_dict() for request in read
        ]

    check()
