"""The note-present rule: a short note that says why to connect helps."""

from __future__ import annotations

import html
from typing import Any

import pytest
import relpolicy_hard_sell
import relpolicy_note_present as rule
from hypothesis import given, settings
from hypothesis import strategies as st

from relpolicy import ConfigError, Policy, Profile, Request, Verdict, Vote, check_note
from relpolicy.strategies import adversarial_texts, disguised, requests, texts
from relpolicy.testing import check_plugin, vote_of
from relpolicy.text import normalize, skeleton

PAT = Profile(name="Pat Coach", headline="Career coach", groups=("NJ Job Seekers Network",))
SAM = Profile(name="Sam Rivera", groups=("NJ Job Seekers Network",))
DEFAULTS = rule.Settings()

SEED_PITCH = (
    "Your website is out of date, and I can make it far more attractive and get you a lot more clients."
)
TEMPLATE = "I'd like to add you to my professional network on LinkedIn."


def vote(note: str | None, sender: Profile = SAM, recipient: Profile | None = PAT, **table: Any) -> Vote:
    found = vote_of(rule, Request(sender=sender, note=note, recipient=recipient), settings=table)
    assert found is not None  # (the rule always votes)
    return found


def decide(note: str | None) -> Any:
    return Policy([rule], recipient=PAT).decide(Request(sender=SAM, note=note))


# -- scores --------------------------------------------------------------------------


@pytest.mark.parametrize("note", [None, "", "   \n\t"])
def test_no_note_is_a_minus_never_a_veto(note: str | None) -> None:
    found = vote(note)
    assert (found.rule, found.score, found.veto) == ("note-present", DEFAULTS.no_note, False)
    assert "no note" in found.reason


@pytest.mark.parametrize(
    "note", [TEMPLATE, "Let's connect!", "Hello, I came across your profile and hope to connect."]
)
def test_a_template_note_gives_no_reason(note: str) -> None:
    found = vote(note)
    assert found.kind == ""
    assert found.score in (DEFAULTS.stock, DEFAULTS.no_reason)
    assert found.score < 0


# Each reason in two wordings of our own: the rule reads what the sentence does.
REASONS = [
    ("met", "We met at the NJ career fair on Tuesday."),
    ("met", "It was good to meet you at the Rotary breakfast yesterday."),
    ("their_work", "I read your article on salary negotiation and tried your script."),
    ("their_work", "Loved your talk at the Hoboken library about changing careers."),
    ("referral", "My sister mentioned you when I told her I was changing careers."),
    ("referral", "I was referred to you by the career office at Rutgers."),
    ("school", "Fellow Montclair State alum here, class of 2009."),
    ("colleague", "We worked together at Prudential back in 2015."),
    ("advice", "Could I ask your advice on moving from teaching into HR?"),
    ("job", "I applied for the coordinator role on your team last week."),
    ("invite", "Would you speak to our veterans group about job searching this spring?"),
    ("thanks", "Thanks for sharing the list of hiring events with our group."),
]


@pytest.mark.parametrize(("kind", "note"), REASONS)
def test_a_reason_to_connect_counts(kind: str, note: str) -> None:
    found = vote(note, recipient=None)
    assert found.kind == "reason"
    assert found.score > 0
    assert rule.LABELS[kind] in found.reason
    assert found.evidence
    assert all(quote in note for quote in found.evidence)


def test_an_introduction_and_a_proposal_add_to_a_reason() -> None:
    reason = "Hi Pat, I heard you speak at the Newark library last week."
    bare = vote(reason)
    best = vote(f"{reason} I'm a supply chain analyst in Newark. Could we set up a time for a quick call?")
    assert best.score == pytest.approx(
        min(bare.score, DEFAULTS.max_reason) + DEFAULTS.introduction + DEFAULTS.proposal
    )


def test_reasons_add_up_to_no_more_than_max_reason() -> None:
    note = (
        "We met at the Newark job fair, my sister mentioned you, and I loved your talk at the library. "
        "We also worked together at Prudential."
    )
    assert vote(note, recipient=None, max_reason=1.0).score == 1.0
    assert vote(note, recipient=None, max_reason=2.0).score > 1.0


def test_naming_a_shared_group_is_a_reason() -> None:
    found = vote("Hello! We are in the NJ Job Seekers Network together.")
    assert found.kind == "reason"
    assert "NJ Job Seekers Network" in found.evidence
    elsewhere = Request(
        sender=Profile(name="Sam"), note="Hello! We are in the NJ Job Seekers Network together."
    )
    assert "NJ Job Seekers Network" not in (vote_of(rule, elsewhere) or found).evidence


def test_without_a_reason_a_friendly_note_stays_below_one_with_a_reason() -> None:
    friendly = vote("Hi Pat, I'm a recruiter in Newark. Could we set up a time to chat?")
    assert friendly.kind == ""
    assert friendly.score < vote("Hi Pat, we met at the Newark job fair.").score


def test_a_pitch_earns_no_credit_for_its_friendly_words() -> None:
    found = vote(f"Hi Pat, we met at the Newark job fair. {SEED_PITCH}")
    assert found.kind == ""
    assert found.score == DEFAULTS.no_reason
    assert "business" in found.reason


def test_the_seeds_pitch_is_declined_with_hard_sell() -> None:
    policy = Policy([rule, relpolicy_hard_sell], recipient=PAT)
    assert policy.decide(Request(sender=SAM, note=SEED_PITCH)).verdict is Verdict.DECLINE


def test_a_note_that_says_why_is_accepted_by_the_standard_rules() -> None:
    note = "Hi Pat, we met at the NJ Job Seekers Network meeting on Tuesday. I'd love a quick Zoom call."
    decision = Policy.default(recipient=PAT).decide(Request(sender=SAM, note=note))
    assert decision.verdict is Verdict.ACCEPT


# -- check_note ----------------------------------------------------------------------


def test_check_note_says_what_is_present_and_missing() -> None:
    review = check_note("Hi Pat, we met at the Newark job fair.", Policy([rule]), recipient=PAT)
    by_topic = {point.topic: point for point in review.advice}
    assert by_topic["reason"].ok
    assert any("met" in quote for quote in by_topic["reason"].evidence)
    assert not by_topic["introduction"].ok
    assert not by_topic["conversation"].ok


def test_check_note_finds_the_proposal_to_talk() -> None:
    for note in ("Could we set up a time to talk?", "Up for a coffee chat?", "Happy to hop on a Zoom call."):
        by_topic = {point.topic: point for point in check_note(note, Policy([rule])).advice}
        assert by_topic["conversation"].ok, note


# -- actions -------------------------------------------------------------------------


@pytest.mark.parametrize("note", [None, TEMPLATE])
def test_without_a_reason_it_suggests_asking_what_prompted_the_request(note: str | None) -> None:
    assert [action.kind for action in decide(note).actions] == ["ask-what-prompted"]


def test_with_a_reason_or_a_veto_it_suggests_nothing() -> None:
    kinds = [action.kind for action in decide("We met at the NJ career fair.").actions]
    assert "ask-what-prompted" not in kinds
    policy = Policy(
        [rule, relpolicy_hard_sell], recipient=PAT, config={"rules": {"hard-sell": {"clear_at": 0.5}}}
    )
    vetoed = policy.decide(
        Request(sender=Profile(headline="I help coaches build 6 figure businesses. DM me"))
    )
    assert vetoed.vetoed
    assert vetoed.actions == ()


# -- properties ----------------------------------------------------------------------

hostile_text = st.one_of(st.text(), adversarial_texts(max_size=300, huge_size=50_000), disguised())
LOWEST = min(DEFAULTS.no_note, DEFAULTS.stock, DEFAULTS.no_reason)
HIGHEST = DEFAULTS.max_reason + DEFAULTS.introduction + DEFAULTS.proposal


@settings(max_examples=300, deadline=None)
@given(st.none() | hostile_text, st.none() | st.text(max_size=30))
def test_the_rule_never_raises_and_stays_on_its_scale(note: str | None, name: str | None) -> None:
    found = vote(note, recipient=Profile(name=name))
    assert found.rule == "note-present"
    assert LOWEST <= found.score <= HIGHEST
    assert (found.kind == "reason") == (found.score > 0)
    assert not found.veto
    for quote in found.evidence:
        assert note is not None
        assert any(quote in form for form in (note, html.unescape(note), normalize(note), skeleton(note)))


@settings(max_examples=100, deadline=None)
@given(
    st.none() | texts(max_size=300) | disguised(), st.sampled_from([SEED_PITCH, TEMPLATE + " " + SEED_PITCH])
)
def test_appending_a_pitch_never_raises_the_score(note: str | None, pitch: str) -> None:
    before = vote(note).score
    after = vote(f"{note}\n{pitch}" if note else pitch)
    assert after.score <= max(before, DEFAULTS.no_reason)
    assert after.kind == ""


def test_the_plugin_passes_the_testing_kit() -> None:
    check_plugin(rule)
    check_plugin(rule, recipient=PAT, settings={"met": 0.0, "max_reason": 0.5, "no_note": 0.0})


@settings(max_examples=50, deadline=None)
@given(requests(text=hostile_text))
def test_the_same_request_gets_the_same_vote_directly_and_through_a_policy(request: Request) -> None:
    direct = rule.relpolicy_vote(request, DEFAULTS)
    assert Policy([rule]).decide(request).votes == (direct.named("note-present"),)


# -- settings ------------------------------------------------------------------------


def test_a_reasons_weight_is_a_setting() -> None:
    note = "Good to meet you at the Newark job fair."
    light = vote(note, recipient=None, met=0.25, max_reason=5.0)
    heavy = vote(note, recipient=None, met=1.25, max_reason=5.0)
    assert (light.kind, heavy.kind) == ("reason", "reason")
    assert heavy.score - light.score == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"mett": 1.0}, r"config: rules\.note-present\.mett: unknown setting; did you mean 'met'"),
        ({"met": -1}, r"rules\.note-present\.met: expected a number of at least 0, got -1"),
        ({"no_note": 0.5}, r"rules\.note-present\.no_note: expected a number of at most 0, got 0\.5"),
        (
            {"proposal": "coffee"},
            r"rules\.note-present\.proposal: expected a number, got the string 'coffee'",
        ),
    ],
)
def test_bad_settings_are_refused_naming_the_key(table: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Policy([rule], config={"rules": {"note-present": table}})
