"""What ``relpolicy`` prints: terminal-safe text, aligned columns, safe CSV, and the note review."""

from __future__ import annotations

import io
import json
from pathlib import Path

import click
import pytest
import relpolicy_hard_sell
import relpolicy_note_present
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from relpolicy import Advice, Policy, Profile, Request, Verdict, check_note, hookimpl, strategies
from relpolicy.cli import cli
from relpolicy.cli._output import (
    Tally,
    csv_cell,
    display_width,
    explain_lines,
    pad,
    printable,
    shorten,
    wrap,
    write_text,
)
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
    clipped = shorten(text, width)
    assert display_width(clipped) <= width
    if display_width(text) <= width:
        assert clipped == text
    else:
        assert clipped.endswith("\u2026")
        assert text.startswith(clipped[:-1])
    assert display_width(pad(text, width)) == width


@given(st.text().map(printable), st.integers(min_value=1, max_value=60))
def test_wrap_fits_the_columns_and_keeps_every_character(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(display_width(line) <= max(width, 2) for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())
    if all(display_width(word) <= width for word in text.split()):
        assert " ".join(lines).split() == text.split()


_POLICY = Policy.default()


@settings(max_examples=60, deadline=None)
@given(
    strategies.requests(text=strategies.adversarial_texts(max_size=120, huge_size=500)), st.integers(40, 160)
)
def test_explain_lines_fit_the_width(request: Request, width: int) -> None:
    decision = _POLICY.decide(request)
    lines = explain_lines(
        request, decision, _POLICY.config, width=width, configuration=request.sender.name or "the defaults"
    )
    assert [line for line in lines if display_width(click.unstyle(line)) > width] == []


def test_wide_characters_take_two_columns() -> None:
    assert display_width("\u5f20\u4f1f") == 4
    assert display_width("e\u0301") == 1
    assert display_width(shorten("\u5f20\u4f1f\u5f20\u4f1f", 5)) <= 5


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


class Advising:
    """A rule that advises on every note: its own topic, and one the standard rules use."""

    relpolicy_name = "advising"

    def __init__(self, *advice: Advice) -> None:
        self.advice = advice

    @hookimpl
    def relpolicy_advise(self, request: Request) -> tuple[Advice, ...]:
        return self.advice


def test_every_rule_that_advises_is_heard_in_the_order_a_note_makes_its_points() -> None:
    late = Advice("tone", False, "Fewer exclamation marks.")
    early = Advice("introduction", True, "introduces you", ("I'm Sam",))
    review = check_note("Hi! I'm Sam!!", Policy([Advising(late, early)]))
    assert review.advice == (early, late)
    assert review.ok is False
    assert check_note("Hi, I'm Sam.", Policy([Advising(early)])).ok is True


def test_a_rule_that_fails_to_advise_is_recorded_and_the_others_are_heard() -> None:
    class Broken:
        relpolicy_name = "broken"

        @hookimpl
        def relpolicy_advise(self) -> list[object]:
            return ["not advice"]

    point = Advice("reason", True, "says why")
    review = check_note("We met at the fair.", Policy([Broken(), Advising(point)]))
    assert review.advice == (point,)
    assert [(e.rule, e.error) for e in review.errors] == [("broken", "InvalidAdvice")]


@pytest.mark.parametrize(
    ("note", "ok"),
    [
        ("Hi Pat, I heard you speak at the NJ Job Seekers Network and would value your advice.", True),
        ("I'd like to add you to my professional network.", False),
    ],
)
def test_the_reason_is_the_note_present_rules(note: str, ok: bool) -> None:
    review = check_note(note, Policy([relpolicy_note_present]))
    (reason,) = [a for a in review.advice if a.topic == "reason"]
    vote = review.decision.votes[0]
    assert reason.ok is ok is (vote.score >= 1.0)
    assert reason.evidence == vote.evidence


@pytest.mark.parametrize(
    ("note", "ok"),
    [
        ("Your website is out of date, and I can get you a lot more clients. Book a call today!", False),
        ("Hi Pat, we met at the job fair last week.", True),
    ],
)
def test_the_pitch_is_the_hard_sell_rules(note: str, ok: bool) -> None:
    review = check_note(note, Policy([relpolicy_hard_sell]))
    assert [a.topic for a in review.advice] == ["pitch"]
    assert review.advice[0].ok is ok is not review.decision.vetoed
    assert review.advice[0].evidence == tuple(e for v in review.decision.votes for e in v.evidence)


def test_without_the_rules_nothing_is_held_against_the_note() -> None:
    review = check_note("Your website is out of date.", Policy())
    assert review.advice == ()
    assert review.ok


def advice_on(note: str, topic: str) -> Advice:
    (found,) = [a for a in check_note(note, Policy([relpolicy_note_present])).advice if a.topic == topic]
    return found


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
    assert advice_on(note, "introduction").ok is True


@pytest.mark.parametrize(
    "note", ["I'd like to add you to my professional network.", "Your website is out of date."]
)
def test_no_introduction_is_found_where_there_is_none(note: str) -> None:
    assert advice_on(note, "introduction").ok is False


@given(
    st.text(max_size=80),
    st.sampled_from(["Would you be open to a short call?", "Coffee sometime?", "Let's set up a Zoom chat."]),
)
@settings(max_examples=50, deadline=None)
def test_a_proposal_to_talk_is_found_wherever_it_comes(before: str, proposal: str) -> None:
    assert advice_on(f"{before}\n{proposal}", "conversation").ok is True


@pytest.mark.parametrize(
    "note", ["I heard your talk at the conference.", "Let's connect.", "I'd like to add you to my network."]
)
def test_mentioning_a_talk_is_no_proposal(note: str) -> None:
    assert advice_on(note, "conversation").ok is False


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
    review = check_note(note, Policy.default())
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
    review = check_note(note, Policy.default(), sender=read_recipient(me), recipient=read_recipient(to))
    assert json.loads(result.stdout) == review.to_dict()


def test_check_note_takes_me_from_the_configured_recipient(folder: Path) -> None:
    (folder / "relpolicy.toml").write_text('[recipient]\nname = "Sam"\nheadline = "Supply chain analyst"\n')
    result = CliRunner().invoke(cli, ["check-note", NOTES[1], "--format", "json"])
    me = Profile(name="Sam", headline="Supply chain analyst")
    review = check_note(NOTES[1], Policy.default(), sender=me)
    assert json.loads(result.stdout) == review.to_dict()
