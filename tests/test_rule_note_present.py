"""The note-present rule: a short note that says why to connect helps."""

from __future__ import annotations

import html
from typing import Any

import pytest
import relpolicy_hard_sell
import relpolicy_note_present as rule
from hypothesis import given, settings
from hypothesis import strategies as st
from relpolicy_note_present._review import REASON_SCORE, introductions

from relpolicy import ConfigError, Policy, Profile, Request, Verdict, Vote
from relpolicy.strategies import adversarial_texts, disguised, requests, texts
from relpolicy.testing import check_plugin, vote_of
from relpolicy.text import PhraseSet, normalize, skeleton

PAT = Profile(name="Pat Coach", headline="Career coach", groups=("NJ Job Seekers Network",))
SAM = Profile(name="Sam Rivera", groups=("NJ Job Seekers Network",))

SEED_PITCH = (
    "Your website is out of date, and I can make it far more attractive and get you a lot more clients."
)
TEMPLATE = "I'd like to add you to my professional network on LinkedIn."


def vote(note: str | None, sender: Profile = SAM, recipient: Profile | None = PAT, **table: Any) -> Vote:
    found = vote_of(rule, Request(sender=sender, note=note, recipient=recipient), settings=table)
    assert found is not None  # (the rule always votes)
    return found


def decide(note: str | None, **config: Any) -> Any:
    return Policy([rule], recipient=PAT, config=config or None).decide(Request(sender=SAM, note=note))


# -- scores --------------------------------------------------------------------------


@pytest.mark.parametrize("note", [None, "", "   \n\t", "\u200b\u200b"])
def test_no_note_is_a_small_minus_never_a_veto(note: str | None) -> None:
    found = vote(note)
    assert (found.rule, found.score, found.veto) == ("note-present", -0.5, False)
    assert "no note" in found.reason


@pytest.mark.parametrize(
    "note", [TEMPLATE, "Let's connect!", "Hello, I came across your profile and hope to connect."]
)
def test_a_template_note_counts_for_little(note: str) -> None:
    found = vote(note)
    assert found.score == -0.25
    assert found.evidence


@pytest.mark.parametrize(
    ("note", "reason"),
    [
        ("We met at the NJ career fair on Tuesday.", "met"),
        ("I heard you speak at the library workshop last month.", "heard you speak"),
        ("Jane Doe referred me to you for advice on changing careers.", "referred me"),
        ("I have a question about moving from teaching into HR.", "question"),
        ("I saw the panel on career changes at the Newark library.", "saw the panel"),
    ],
)
def test_a_reason_to_connect_counts(note: str, reason: str) -> None:
    found = vote(note, recipient=None)
    assert found.score == 1.0
    assert any(reason.casefold() in quote.casefold() for quote in found.evidence)


def test_the_best_note_is_personal_introduces_and_proposes_a_call() -> None:
    note = (
        "Hi Pat, I heard you speak at the NJ Job Seekers Network last week. I'm a supply chain analyst "
        "in transition. Could we set up a time for a quick call?"
    )
    found = vote(note)
    assert found.score == 1.5
    for quote in ("heard you speak", "Pat", "I'm a", "set up a time"):
        assert quote in found.evidence
    assert all(quote in note for quote in found.evidence)


def test_naming_a_shared_group_is_a_reason_and_personal() -> None:
    found = vote("Hello! We are in the NJ Job Seekers Network together.")
    assert found.score == 1.25
    assert "NJ Job Seekers Network" in found.evidence


def test_a_greeting_by_name_is_noticed_but_earns_nothing_a_template_could_not() -> None:
    named = vote("Hi Pat, I'm a recruiter in Newark.")
    assert "Pat" in named.evidence
    assert named.score == vote("Hi Patricia, I'm a recruiter in Newark.").score
    assert named.score == vote("Hi Pat, I'm a recruiter in Newark.", recipient=None).score


def test_without_a_reason_a_friendly_note_stays_below_one_with_a_reason() -> None:
    friendly = vote(
        "Hi Pat, I'm a recruiter in Newark. Could we set up a time to chat about your coaching work?"
    )
    assert friendly.score < vote("Hi Pat, we met at the Newark job fair.").score


def test_the_sender_can_introduce_themselves_by_name() -> None:
    review = rule.review_note("Hello, Sam here, from the Newark library.", sender="Sam Rivera")
    assert review.introduction == ("Sam here",)
    assert rule.review_note("Hello, Sam here.", sender="Alex").introduction == ()


def test_a_pitch_earns_no_credit_for_its_friendly_words() -> None:
    note = f"Hi Pat, I'm a web designer. {SEED_PITCH}"
    found = vote(note)
    assert found.score == -0.25
    assert "pitch" in found.reason
    assert "Your website is out of date" in found.evidence


def test_the_seeds_pitch_is_declined_with_hard_sell() -> None:
    policy = Policy([rule, relpolicy_hard_sell], recipient=PAT)
    assert policy.decide(Request(sender=SAM, note=SEED_PITCH)).verdict is Verdict.DECLINE


def test_a_good_note_is_accepted_on_its_own() -> None:
    decision = decide("Hi Pat, we met at the NJ Job Seekers Network meeting. I'd love a quick Zoom call.")
    assert decision.verdict is Verdict.ACCEPT


# -- review_note ---------------------------------------------------------------------


def test_review_note_says_what_is_present_and_missing() -> None:
    review = rule.review_note("Hi Pat, we met at the Newark job fair.", PAT)
    assert review.present
    assert review.reason
    assert all("met" in quote for quote in review.reason)
    assert review.personal == ("Pat",)
    assert review.missing == ("introduction", "proposal")
    assert review.pitch == ()
    data = review.to_dict()
    assert data["missing"] == ["introduction", "proposal"]
    assert data["score"] == review.score == REASON_SCORE


def test_review_note_finds_the_proposal_to_talk() -> None:
    for note in ("Could we set up a time to talk?", "Up for a coffee chat?", "Happy to hop on a Zoom call."):
        assert rule.review_note(note).proposal, note


def test_review_note_reports_a_pitch() -> None:
    review = rule.review_note(SEED_PITCH)
    assert review.pitch_level == "clear"
    assert "no-pitch" in review.missing
    assert review.pitch


def test_review_note_of_nothing() -> None:
    for nothing in (None, "", "  "):
        review = rule.review_note(nothing)
        assert not review.present
        assert review.missing == ("note",)
        assert review.score == -0.5


# -- actions -------------------------------------------------------------------------


@pytest.mark.parametrize("note", [None, TEMPLATE])
def test_without_a_reason_it_suggests_asking_what_prompted_the_request(note: str | None) -> None:
    decision = decide(note)
    assert [action.kind for action in decision.actions] == ["ask-what-prompted"]


def test_with_a_reason_or_a_veto_it_suggests_nothing() -> None:
    kinds = [action.kind for action in decide("We met at the NJ career fair.").actions]
    assert "ask-what-prompted" not in kinds
    policy = Policy([rule, relpolicy_hard_sell], recipient=PAT)
    vetoed = policy.decide(
        Request(sender=Profile(headline="I help coaches build 6 figure businesses. DM me"))
    )
    assert vetoed.verdict is Verdict.DECLINE
    assert vetoed.actions == ()


# -- properties ----------------------------------------------------------------------

hostile_text = st.one_of(st.text(), adversarial_texts(max_size=300, huge_size=50_000), disguised())


@settings(max_examples=300, deadline=None)
@given(st.none() | hostile_text, st.none() | st.text(max_size=30))
def test_the_rule_never_raises_and_stays_on_its_scale(note: str | None, name: str | None) -> None:
    found = vote(note, recipient=Profile(name=name))
    assert found.rule == "note-present"
    assert found.score in {-0.5, -0.25, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5}
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
    after = vote(f"{note}\n{pitch}" if note else pitch).score
    assert after <= max(before, -0.25)
    assert after == -0.25


def test_the_plugin_passes_the_testing_kit() -> None:
    check_plugin(rule)
    check_plugin(rule, recipient=PAT, settings={"reason": ["we (both|all) (love|like) *2 (hiking|chess)"]})


@settings(max_examples=50, deadline=None)
@given(requests(text=hostile_text))
def test_the_same_request_gets_the_same_vote_directly_and_through_a_policy(request: Request) -> None:
    direct = rule.relpolicy_vote(request, rule.DEFAULT)
    assert Policy([rule]).decide(request).votes == (direct.named("note-present"),)


# -- settings ------------------------------------------------------------------------


def test_extra_phrases_join_their_category() -> None:
    note = "We both love hiking with the Sierra Club."
    assert vote(note, recipient=None).score == -0.25
    assert vote(note, recipient=None, reason=["we both love *2 hiking"]).score == 1.0


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"reasons": ["x"]}, r"config: rules\.note-present\.reasons: unknown setting; did you mean 'reason'"),
        (
            {"proposal": "coffee"},
            r"rules\.note-present\.proposal: expected a list of strings, got the string",
        ),
        ({"generic": ["(hi|hello"]}, r"rules\.note-present\.generic\[0\]: phrase '\(hi\|hello'"),
    ],
)
def test_bad_settings_are_refused_naming_the_key(table: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Policy([rule], config={"rules": {"note-present": table}})


# -- introductions: the sender's name, looked up without a template per name ----------

NAMES = ["sam", "ali", "mary ann", "im", "here", "jo"]
introduction_texts = st.lists(
    st.sampled_from([*NAMES, "i m", "i am", "i'm", "this is", "it's", "my name is", "1'm", "l am", "a1i"])
    | st.sampled_from(["here", "hi", "is"]),
    max_size=20,
).map(" ".join)


@given(introduction_texts, st.sampled_from(NAMES))
def test_introductions_are_found_as_two_templates_of_the_name_would_find_them(text: str, name: str) -> None:
    folded = skeleton(text)
    templates = PhraseSet((f"(i'm|i am|this is|it's|my name is) {name}", f"{name} here"))
    assert introductions(folded, name) == [match.words for match in templates.matches_in_skeleton(folded)]


def test_a_sender_who_gives_their_name_introduces_themselves() -> None:
    assert introductions(skeleton("Hi! I'm Sam, and Sam here again"), "sam") == ["im sam", "sam here"]
    assert introductions(skeleton("Hi! I'm Sam here"), "sam") == ["im sam"]  # (one name, one introduction)
    assert introductions(skeleton("Sam here: I am Sam"), "sam") == ["sam here", "i am sam"]
    assert introductions(skeleton("I am Samuel"), "sam") == []
