"""What ``relpolicy`` prints: terminal-safe text, aligned columns, safe CSV, and the note review."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from relpolicy import Policy, Profile, Request, Verdict, Vote, hookimpl
from relpolicy._note_review import review_note
from relpolicy.cli._output import Tally, clip, csv_cell, display_width, pad, printable, write_text
from relpolicy.cli import cli
from relpolicy.inputs import read_recipient

# -- text for terminals ---------------------------------------------------------------------


@given(st.text())
def test_printable_text_is_one_line_without_control_characters(text: str) -> None:
    shown = printable(text)
    assert all(char.isprintable() or char == " " for char in shown)
    assert printable(shown) == shown


@given(st.text(), st.integers(min_value=1, max_value=40))
def test_clip_and_pad_fit_the_columns(text: str, width: int) -> None:
    text = printable(text)
    clipped = clip(text, width)
    assert display_width(clipped) <= width
    if display_width(text) <= width:
        assert clipped == text
    else:
        assert clipped.endswith("\u2026")
        assert text.startswith(clipped[:-1])
    assert display_width(pad(text, width)) == width


def test_wide_characters_take_two_columns() -> None:
    assert display_width("\u5f20\u4f1f") == 4
    assert display_width("e\u0301") == 1
    assert display_width(clip("\u5f20\u4f1f\u5f20\u4f1f", 5)) <= 5


@given(st.text())
def test_csv_cells_never_start_a_formula(text: str) -> None:
    cell = csv_cell(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell.removeprefix("'") == text or cell == text


@pytest.mark.parametrize("encoding", ["utf-8", "ascii", "latin-1"])
def test_write_text_escapes_what_the_stream_cannot_hold(encoding: str) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding, errors="strict")
    write_text(stream, "ok \ud800 \u5f20 caf\u00e9\n")
    stream.flush()
    written = raw.getvalue().decode(encoding)
    assert written.startswith("ok ")
    assert "\\ud800" in written


def test_tally_summary_counts_every_verdict_and_the_unreadable() -> None:
    tally = Tally()
    for verdict in (Verdict.ACCEPT, Verdict.ACCEPT, Verdict.DECLINE):
        tally.verdicts[verdict] += 1
    tally.invalid = 2
    summary = tally.summary()
    assert summary.startswith("3 requests decided")
    assert "2 accept" in summary
    assert "1 decline" in summary
    assert "review" not in summary
    assert "2 records not readable" in summary


# -- the note review -----------------------------------------------------------------------------


def rule(name: str, vote: Vote | None) -> object:
    class Rule:
        relpolicy_name = name

        @hookimpl
        def relpolicy_vote(self, request: Request) -> Vote | None:
            return vote

    return Rule()


@pytest.mark.parametrize(
    ("score", "ok", "wording"),
    [(1.5, True, "says why"), (1.0, True, "says why"), (0.4, False, "Say why"), (-0.25, False, "stock note")],
)
def test_reason_follows_the_note_present_rule(score: float, ok: bool, wording: str) -> None:
    vote = Vote("note-present", score, reason="r", evidence=("because",))
    review = review_note("Some note, whatever it says.", Policy([rule("note-present", vote)]))
    (reason,) = [a for a in review.advice if a.topic == "reason"]
    assert reason.ok is ok
    assert wording in reason.message
    assert reason.evidence == vote.evidence


@pytest.mark.parametrize(
    ("vote", "ok"),
    [
        (Vote("hard-sell", -2.0, veto=True, reason="pitch", evidence=("more clients",)), False),
        (Vote("hard-sell", -1.0, reason="sales words", evidence=("demo",)), False),
        (None, True),
    ],
)
def test_pitch_follows_the_hard_sell_rule(vote: Vote | None, ok: bool) -> None:
    review = review_note("Hi there.", Policy([rule("hard-sell", vote)]))
    (pitch,) = [a for a in review.advice if a.topic == "pitch"]
    assert pitch.ok is ok
    assert pitch.evidence == (vote.evidence if vote is not None else ())
    assert review.ok is False  # the note lacks an introduction whatever the pitch


def test_without_the_rules_the_pitch_is_not_checked_and_not_held_against_the_note() -> None:
    note = "Hi Pat, I'm Sam, a nurse. I heard you speak at the job fair. Could we set up a short call?"
    review = review_note(note, Policy())
    by_topic = {a.topic: a for a in review.advice}
    assert by_topic["pitch"].ok is None
    assert review.ok is all(a.ok is not False for a in review.advice)


@pytest.mark.parametrize(
    "note",
    [
        "Hi Pat, my name is Sam Rivera.",
        "I'm a supply chain analyst in Newark.",
        "Hello! I\u2019m Sam and I work in logistics.",
        "As a nurse, I have followed your posts.",
        "I work as a recruiter for hospitals.",
    ],
)
def test_an_introduction_is_found(note: str) -> None:
    assert review_note(note, Policy()).advice[0].ok is True


@pytest.mark.parametrize(
    "note", ["I'd like to add you to my professional network.", "Your website is out of date.", ""]
)
def test_no_introduction_is_found_where_there_is_none(note: str) -> None:
    assert review_note(note, Policy()).advice[0].ok is False


@given(
    st.text(max_size=80),
    st.sampled_from(["Would you be open to a short call?", "Coffee sometime?", "Let's set up a Zoom chat."]),
)
@settings(max_examples=50, deadline=None)
def test_a_proposal_to_talk_is_found_wherever_it_comes(before: str, proposal: str) -> None:
    advice = review_note(f"{before}\n{proposal}", Policy()).advice[2]
    assert advice.topic == "conversation"
    assert advice.ok is True


@pytest.mark.parametrize(
    "note", ["I heard your talk at the conference.", "Let's connect.", "I'd like to add you to my network."]
)
def test_mentioning_a_talk_is_no_proposal(note: str) -> None:
    assert review_note(note, Policy()).advice[2].ok is False


# -- check-note on the command line ---------------------------------------------------------


NOTES = [
    "Hi Pat, I'm Sam, a supply chain analyst. I heard you speak at the NJ Job Seekers Network. "
    "Would you be open to a short call next week?",
    "Your website is out of date, and I can make it far more attractive and get you a lot more clients.",
    "I'd like to add you to my professional network on LinkedIn.",
    "",
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("note", NOTES)
def test_check_note_says_what_the_review_says(folder: Path, note: str) -> None:
    result = CliRunner().invoke(cli, ["check-note", note, "--format", "json"])
    review = review_note(note, Policy.default())
    assert json.loads(result.stdout) == review.to_dict()
    assert result.exit_code == (0 if review.ok else 1)
    text = CliRunner().invoke(cli, ["check-note", note])
    assert text.exit_code == result.exit_code
    for advice in review.advice:
        assert advice.message in " ".join(text.stdout.split())


def test_check_note_reads_stdin_and_uses_my_profile(folder: Path) -> None:
    me = folder / "me.toml"
    me.write_text('name = "Sam"\nheadline = "Supply chain analyst"\nindustry = "Logistics"\n')
    to = folder / "pat.json"
    to.write_text(json.dumps({"name": "Pat", "industry": "Professional Training and Coaching"}))
    note = NOTES[0]
    result = CliRunner().invoke(
        cli, ["check-note", "-", "--me", str(me), "--to", str(to), "--format", "json"], input=note
    )
    review = review_note(note, Policy.default(), sender=read_recipient(me), recipient=read_recipient(to))
    assert json.loads(result.stdout) == review.to_dict()


def test_check_note_takes_me_from_the_configured_recipient(folder: Path) -> None:
    (folder / "relpolicy.toml").write_text('[recipient]\nname = "Sam"\nheadline = "Supply chain analyst"\n')
    result = CliRunner().invoke(cli, ["check-note", NOTES[1], "--format", "json"])
    me = Profile(name="Sam", headline="Supply chain analyst")
    review = review_note(NOTES[1], Policy.default(), sender=me)
    assert json.loads(result.stdout) == review.to_dict()
