"""Re-checking connections already made: reading messages.csv, the verdicts, and the command."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from relpolicy import Decision, Profile, Request, Verdict, Vote
from relpolicy._model import RuleFailure
from relpolicy.cli import cli
from relpolicy.inputs import (
    Connection,
    ConnectionMessage,
    RecordError,
    find_call,
    read_connection_messages,
)
from relpolicy.recheck import (
    REQUEST_ONLY_RULES,
    ConnectionVerdict,
    Recheck,
    judge,
    recheck,
    recheck_policy,
    verdict_of,
)

DATA = Path(__file__).parent / "data"
#: An export made for these tests: see the messages.csv and Connections.csv in it.
EXPORT = DATA / "linkedin-recheck"
EXAMPLE = Path(__file__).parent.parent / "examples" / "linkedin-export"
HEADER = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT"
)


@pytest.fixture(autouse=True)
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder, so no relpolicy.toml is found by chance."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("COLUMNS", "100")
    return work


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def rows(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file of the export, after any notes before its header."""
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(("First Name,", "CONVERSATION ID,")))
    return list(csv.DictReader(io.StringIO("".join(lines[start:]))))


def connection_named(name: str) -> dict[str, str]:
    [row] = [r for r in rows(EXPORT / "Connections.csv") if f"{r['First Name']} {r['Last Name']}" == name]
    return row


def messages_from(name: str) -> list[dict[str, str]]:
    return [r for r in rows(EXPORT / "messages.csv") if r["FROM"] == name]


def recheck_rows(*args: str | Path, export: Path = EXPORT) -> dict[str, dict[str, Any]]:
    result = run("recheck", export, "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.stdout.splitlines()]
    return {row["name"]: row for row in found}


def message_day(row: dict[str, str]) -> date:
    return datetime.strptime(row["DATE"], "%Y-%m-%d %H:%M:%S UTC").date()


# -- what it must show ---------------------------------------------------------------------


def test_a_pitch_the_day_after_connecting_is_remove() -> None:
    found = recheck_rows()["Jordan Blake"]
    connected = datetime.strptime(connection_named("Jordan Blake")["Connected On"], "%d %b %Y").date()
    [pitch] = messages_from("Jordan Blake")
    assert message_day(pitch) - connected == timedelta(days=1)
    assert found["verdict"] == "remove"
    assert found["id"] == connection_named("Jordan Blake")["URL"]
    assert (
        found["date"]
        == datetime.strptime(pitch["DATE"], "%Y-%m-%d %H:%M:%S UTC").replace(tzinfo=timezone.utc).isoformat()
    )
    vetoes = [vote for vote in found["votes"] if vote["veto"]]
    assert vetoes
    assert all(vote["evidence"] for vote in vetoes)
    assert found["reasons"]


def test_a_pitch_months_after_a_genuine_first_message_is_remove_or_review_dated_by_the_pitch() -> None:
    found = recheck_rows()["Riley Chen"]
    sent = sorted(messages_from("Riley Chen"), key=message_day)
    assert len(sent) >= 2
    first, pitch = sent[0], sent[-1]
    assert message_day(pitch) - message_day(first) > timedelta(days=60)
    assert found["verdict"] in ("remove", "review")
    assert str(found["date"]).startswith(message_day(pitch).isoformat())
    assert found["messages"] == len(sent)
    assert found["replied"] is True


def test_a_recruiter_whose_conversation_led_to_a_zoom_call_is_keep_and_shown_so() -> None:
    found = recheck_rows()["Priya Natarajan"]
    assert found["verdict"] == "keep"
    assert found["replied"] is True
    assert found["call"]
    assert any("call or meeting" in reason for reason in found["reasons"])


def test_a_job_seeker_asking_for_advice_is_keep() -> None:
    found = recheck_rows("--me", Path(__file__).parent.parent / "examples" / "me.toml")["Sam Rivera"]
    assert found["verdict"] == "keep"


def test_a_group_notice_a_strangers_inmail_and_silence_make_nobody_remove() -> None:
    found = recheck_rows()
    listed = set(found)
    connections = {f"{r['First Name']} {r['Last Name']}".strip() for r in rows(EXPORT / "Connections.csv")}
    messages = rows(EXPORT / "messages.csv")
    group = [r for r in messages if "," in r["RECIPIENT PROFILE URLS"]]
    assert group, "the test export holds a group conversation"
    group_only = {r["FROM"] for r in group} - {r["FROM"] for r in messages if r not in group}
    assert group_only & connections, "a connection wrote only to the group"
    strangers = {r["FROM"] for r in messages} - connections - {"Dana Whitfield"}
    assert strangers, "someone who is not a connection wrote"
    silent = connections - {r["FROM"] for r in messages} - {""}
    assert silent, "a connection never wrote"
    assert not listed & (group_only | strangers | silent)
    removed = {name for name, row in found.items() if row["verdict"] == "remove"}
    assert removed <= {r["FROM"] for r in messages if r not in group and r["FROM"] in connections}


def test_your_own_messages_never_make_a_connection_remove() -> None:
    messages = rows(EXPORT / "messages.csv")
    mine = [r for r in messages if r["FROM"] == "Dana Whitfield"]
    to_silent = {r["TO"] for r in mine} - {r["FROM"] for r in messages}
    assert to_silent, "the test export has you writing to a connection who never wrote back"
    assert not to_silent & set(recheck_rows())


def test_messages_from_before_connecting_and_drafts_are_not_read() -> None:
    found = recheck_rows()
    connected = datetime.strptime(connection_named("Taylor Brooks")["Connected On"], "%d %b %Y").date()
    sent = messages_from("Taylor Brooks")
    after = [r for r in sent if message_day(r) >= connected]
    assert len(after) < len(sent)
    assert found["Taylor Brooks"]["messages"] == len(after)
    assert found["Taylor Brooks"]["verdict"] == "keep"
    drafts = [r for r in rows(EXPORT / "messages.csv") if r["IS MESSAGE DRAFT"] == "Yes"]
    assert drafts
    assert all(found[r["TO"]]["replied"] is False for r in drafts)


def test_weaker_sales_signals_are_review(elsewhere: Path) -> None:
    (elsewhere / "relpolicy.toml").write_text("[rules.hard-sell]\nprice = 0.4\n", encoding="utf-8")
    found = recheck_rows()["Drew Fox"]
    [sales] = [vote for vote in found["votes"] if vote["rule"] == "hard-sell"]
    assert not sales["veto"]
    assert found["verdict"] == "review"


def test_a_sales_veto_after_connecting_is_remove() -> None:
    vetoed = {name: row for name, row in recheck_rows().items() if any(vote["veto"] for vote in row["votes"])}
    assert vetoed
    assert {name: row["verdict"] for name, row in vetoed.items()} == dict.fromkeys(vetoed, "remove")


def test_the_example_export_rechecks_cleanly() -> None:
    found = recheck_rows("--me", EXAMPLE.parent / "me.toml", export=EXAMPLE)
    assert {row["verdict"] for row in found.values()} >= {"keep", "remove"}


# -- the library ---------------------------------------------------------------------------


def test_each_message_read_comes_with_its_connection() -> None:
    items = list(read_connection_messages(EXPORT))
    assert not [i for i in items if isinstance(i, RecordError)]
    by_url = {r["URL"]: r for r in rows(EXPORT / "Connections.csv") if r["URL"]}
    for item in items:
        assert isinstance(item, ConnectionMessage)
        row = by_url[item.connection.url or ""]
        assert item.connection.position == row["Position"]
        assert item.request.sender.headline == f"{row['Position']} at {row['Company']}"
        assert item.request.extra["already_connected"] is True
        assert str(item.request.extra["source"]).startswith("messages.csv:")
        assert item.request.recipient is not None
        assert item.request.recipient.name == "Dana Whitfield"
    assert len({i.request.id for i in items if isinstance(i, ConnectionMessage)}) == len(items)


def test_the_library_gives_what_the_command_prints() -> None:
    policy = recheck_policy()
    results = [r for r in recheck(policy, read_connection_messages(EXPORT)) if isinstance(r, Recheck)]
    assert {r.connection.name: r.to_dict() for r in results} == recheck_rows()


def test_the_rules_for_requests_only_are_left_out_unless_enabled() -> None:
    assert "note-present" in REQUEST_ONLY_RULES
    without = recheck_rows()
    with_it = recheck_rows("--enable", "note-present")
    rules = {v["rule"] for row in without.values() for v in row["votes"]}
    assert not rules & REQUEST_ONLY_RULES
    rules = {v["rule"] for row in with_it.values() for v in row["votes"]}
    assert "note-present" in rules


def test_a_zip_reads_like_its_folder(tmp_path: Path) -> None:
    archive = tmp_path / "Complete_LinkedInDataExport_03-09-2026.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for file in EXPORT.iterdir():
            z.write(file, f"Complete_LinkedInDataExport_03-09-2026/{file.name}")
    assert recheck_rows(export=archive) == recheck_rows()


def write_export(folder: Path, connections: str, messages: str) -> Path:
    folder.mkdir()
    (folder / "Connections.csv").write_text(connections, encoding="utf-8")
    (folder / "messages.csv").write_text(messages, encoding="utf-8")
    return folder


PITCH = "Your website is out of date, and I can make it far more attractive and get you a lot more clients."
QUOTED = f'"{PITCH}"'
WHEN = "2021-03-05 10:00:00 UTC"


def test_an_older_export_without_addresses_is_matched_by_name(tmp_path: Path) -> None:
    folder = write_export(
        tmp_path / "old",
        "First Name,Last Name,Email Address,Company,Position,Connected On\n"
        "Ann,Lee,,Web Co,Designer,03 Mar 2021\nBo,Ray,,Acme,Analyst,03 Mar 2021\n",
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
        f"c1,Ann Lee,Ann Lee,https://www.linkedin.com/in/ann-lee,Me Myself,{WHEN},,{QUOTED},INBOX\n"
        f'c2,Team,Bo Ray,https://www.linkedin.com/in/bo-ray,"Me Myself, Cy Doe",{WHEN},,{QUOTED},INBOX\n',
    )
    found = recheck_rows(export=folder)
    assert set(found) == {"Ann Lee"}
    assert found["Ann Lee"]["verdict"] == "remove"
    assert found["Ann Lee"]["id"] == "https://www.linkedin.com/in/ann-lee"


def test_a_conversation_in_which_three_people_wrote_is_a_group(tmp_path: Path) -> None:
    me, ann, bo = (f"https://www.linkedin.com/in/{n}" for n in ("me", "ann", "bo"))
    folder = write_export(
        tmp_path / "export",
        f"First Name,Last Name,URL,Company,Position,Connected On\nAnn,Lee,{ann},,,\nBo,Ray,{bo},,,\n",
        HEADER
        + "\n"
        + f"c1,,Ann Lee,{ann},Me,{me},2025-03-05 10:00:00 UTC,,{QUOTED},INBOX,,No\n"
        + f"c1,,Bo Ray,{bo},Me,{me},2025-03-05 11:00:00 UTC,,Hello all,INBOX,,No\n"
        + f"c2,,Ann Lee,{ann},Me,{me},2025-03-06 10:00:00 UTC,,Thanks for the intro!,INBOX,,No\n",
    )
    found = recheck_rows(export=folder)
    assert set(found) == {"Ann Lee"}
    assert found["Ann Lee"]["verdict"] == "keep"
    assert found["Ann Lee"]["messages"] == 1


# -- bad input -----------------------------------------------------------------------------


def test_bad_rows_are_reported_by_file_and_line_and_the_rest_is_rechecked(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    shutil.copytree(EXPORT, folder)
    text = (folder / "messages.csv").read_text(encoding="utf-8")
    jordan = connection_named("Jordan Blake")["URL"]
    bad = f"c9,,Jordan Blake,{jordan},Dana,,yesterday,,Hello again,INBOX,,No\n"
    (folder / "messages.csv").write_text(text + bad, encoding="utf-8")
    line = text.count("\n") + 1
    result = run("recheck", folder, "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{folder / 'messages.csv'}:{line}: DATE: expected a date like "
        "'2025-03-04 09:12:44 UTC', got 'yesterday'"
    ]
    found = {json.loads(row)["name"]: json.loads(row) for row in result.stdout.splitlines()}
    assert found == recheck_rows()


def test_a_connection_without_a_readable_date_is_reported_and_kept(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    shutil.copytree(EXPORT, folder)
    text = (folder / "Connections.csv").read_text(encoding="utf-8")
    (folder / "Connections.csv").write_text(text.replace("03 Mar 2025", "someday"), encoding="utf-8")
    result = run("recheck", folder, "--format", "jsonl")
    assert result.exit_code == 1
    assert "Connected On: expected a date like '03 Mar 2025', got 'someday'" in result.stderr
    found = {json.loads(row)["name"]: json.loads(row) for row in result.stdout.splitlines()}
    assert found["Jordan Blake"]["verdict"] == "remove"
    assert found["Jordan Blake"]["connected_on"] is None


@pytest.mark.parametrize("missing", ["messages.csv", "Connections.csv"])
def test_an_export_without_messages_or_connections_is_a_usage_error(tmp_path: Path, missing: str) -> None:
    folder = tmp_path / "export"
    shutil.copytree(EXPORT, folder)
    (folder / missing).unlink()
    result = run("recheck", folder)
    assert result.exit_code == 2
    assert f"no {missing} in this folder" in result.stderr


# -- every format, and explain --------------------------------------------------------------


def test_every_format_has_a_row_per_connection_who_wrote() -> None:
    expected = recheck_rows()
    table = run("recheck", EXPORT)
    assert table.exit_code == 0
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["CONNECTION", "VERDICT", "DATE", "WHY"]
    assert len(lines) == len(expected) + 2
    for name, row in expected.items():
        [line] = [line for line in lines if line.startswith(name)]
        assert line.split()[2] == row["verdict"]
    assert lines[-1].startswith(f"{len(expected)} connections wrote to you")
    as_json = json.loads(run("recheck", EXPORT, "--format", "json").stdout)
    assert {row["name"]: row for row in as_json} == expected
    as_csv = list(csv.DictReader(io.StringIO(run("recheck", EXPORT, "--format", "csv").stdout)))
    assert {row["name"]: row["verdict"] for row in as_csv} == {n: r["verdict"] for n, r in expected.items()}
    assert {row["name"]: row["id"] for row in as_csv} == {n: r["id"] for n, r in expected.items()}


@pytest.mark.parametrize("wanted", ["Riley Chen", "https://www.linkedin.com/in/riley-chen/"])
def test_explain_recheck_shows_every_message_and_the_deciding_votes(wanted: str) -> None:
    result = run("explain", EXPORT, "--recheck", "--id", wanted)
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("Riley Chen")
    for message in messages_from("Riley Chen"):
        assert message["DATE"][:16] in text
    row = recheck_rows()["Riley Chen"]
    assert str(row["verdict"]).upper() in text
    for vote in row["votes"]:
        assert vote["rule"] in text
        for evidence in vote["evidence"]:
            assert evidence in text


def test_explain_recheck_json_agrees_with_recheck() -> None:
    result = run("explain", EXPORT, "--recheck", "--format", "json")
    assert result.exit_code == 0
    explained = [json.loads(line) for line in result.stdout.splitlines()]
    expected = recheck_rows()
    assert {e["connection"]["name"]: e["connection"] for e in explained} == expected
    for entry in explained:
        verdicts = {m["verdict"] for m in entry["messages"]}
        worst = max(verdicts, key=["keep", "review", "remove"].index)
        assert entry["connection"]["verdict"] == worst


@pytest.mark.parametrize(
    "args",
    [
        ["explain", str(EXPORT), "--recheck", "--id", "nobody at all"],
        ["explain", str(EXPORT), "--recheck", "--profiles", str(DATA / "cli-profiles.jsonl")],
        ["explain", str(DATA / "cli-requests.jsonl"), "--enable", "note-present"],
        ["recheck", str(EXPORT), "--enable", "hard-sell"],
        ["recheck", str(EXPORT), "--disable", "no-such-rule"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run(*args).exit_code == 2


# -- verdicts ------------------------------------------------------------------------------


def decision(verdict: Verdict, *, veto: bool = False, failed: bool = False) -> Decision:
    votes = (Vote("r", -2.0 if veto else 0.5, veto=veto),)
    errors = (RuleFailure("x", "RuntimeError", "no"),) if failed else ()
    return Decision(verdict, votes[0].score, votes, (), errors, None)


@pytest.mark.parametrize(
    ("made", "expected"),
    [
        (decision(Verdict.DECLINE, veto=True), ConnectionVerdict.REMOVE),
        (decision(Verdict.DECLINE), ConnectionVerdict.REVIEW),
        (decision(Verdict.REVIEW, failed=True), ConnectionVerdict.REVIEW),
        (decision(Verdict.REVIEW), ConnectionVerdict.KEEP),
        (decision(Verdict.ACCEPT), ConnectionVerdict.KEEP),
    ],
)
def test_what_a_message_says_of_its_sender(made: Decision, expected: ConnectionVerdict) -> None:
    assert verdict_of(made) is expected


_RANK = [ConnectionVerdict.KEEP, ConnectionVerdict.REVIEW, ConnectionVerdict.REMOVE]
_START = datetime(2025, 1, 1, tzinfo=timezone.utc)


@st.composite
def decided_messages(draw: st.DrawFn) -> list[tuple[ConnectionMessage, Decision]]:
    people = [Connection(name=n, url=f"https://www.linkedin.com/in/{n}") for n in ("ann", "bo", "cy")]
    out = []
    for number in range(draw(st.integers(min_value=1, max_value=12))):
        who = draw(st.sampled_from(people))
        day = draw(st.none() | st.integers(min_value=0, max_value=400))
        sent_at = None if day is None else _START + timedelta(days=day, seconds=number)
        request = Request(sender=Profile(name=who.name, url=who.url), note=f"m{number}", sent_at=sent_at)
        made = decision(draw(st.sampled_from(Verdict)), veto=draw(st.booleans()), failed=draw(st.booleans()))
        replied = draw(st.booleans())
        out.append((ConnectionMessage(who, request, replied, "Zoom" if replied else None), made))
    return out


@settings(max_examples=200)
@given(decided=decided_messages())
def test_a_connection_is_judged_by_its_worst_message_and_the_earliest_of_those(
    decided: list[tuple[ConnectionMessage, Decision]],
) -> None:
    results = judge(decided)
    order = list(dict.fromkeys(m.connection.id for m, _ in decided))
    assert [r.connection.id for r in results] == order
    for result in results:
        theirs = [(m, d) for m, d in decided if m.connection.id == result.connection.id]
        worst = max((verdict_of(d) for _, d in theirs), key=_RANK.index)
        assert result.verdict is worst
        assert result.messages == len(theirs)
        assert result.replied is any(m.replied for m, _ in theirs)
        candidates = [m.request for m, d in theirs if verdict_of(d) is worst]
        dated = [r.sent_at for r in candidates if r.sent_at is not None]
        assert result.request.sent_at == (min(dated) if dated else None)
        assert result.request in candidates


# -- calls and meetings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Here is the Zoom link for Thursday: https://zoom.us/j/5551234567",
        "Thanks for the call yesterday, Dana.",
        "Thank you so much for our chat!",
        "Great talking with you this morning.",
        "I enjoyed our conversation about supply chain roles.",
        "Perfect, talk to you on Tuesday.",
        "See you tomorrow at 10.",
        "I sent you a calendar invite for Friday.",
        "meet.google.com/abc-defg-hij",
    ],
)
def test_a_call_held_or_arranged_is_found(text: str) -> None:
    assert find_call(text)


@pytest.mark.parametrize(
    "text",
    [
        "Can we hop on a quick call this week?",
        "Book a call here: calendly.com/growth",
        "Let's set up a Zoom to discuss how I can get you more clients.",
        "Thanks for your time, and let me know if you want a demo.",
        "Would you be open to a short call next week?",
    ],
)
def test_an_offer_of_a_call_is_not_a_call(text: str) -> None:
    assert find_call(text) is None
