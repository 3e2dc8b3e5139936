"""The pro-bono-referral rule: a job seeker is someone to help and refer, never to sell to."""

from __future__ import annotations

from typing import Any

import pytest
import relpolicy_pro_bono_referral as rule
from hypothesis import given, settings
from hypothesis import strategies as st

from relpolicy import Action, ConfigError, Decision, Policy, Profile, Request, Verdict, Vote, hookimpl
from relpolicy.strategies import adversarial_texts, profiles, requests, texts
from relpolicy.testing import check_plugin, vote_of

#: The seed's author, with the groups they volunteer in and the fields they know hirers in.
COACH = Profile(
    name="Pat Coach",
    headline="Career coach and job search strategist",
    industry="Career Coaching",
    groups=("NJ Job Seekers Network", "Career Coaches Circle"),
    pro_bono_groups=("NJ Job Seekers Network",),
    hiring_network=("Logistics and Supply Chain", "Healthcare"),
)
SEEKER = Profile(name="Sam Rivera", headline="Analyst", open_to_work=True)
D = rule.Settings()
SCORES = {D.seeker, D.one_way, D.two_ways, D.three_ways}


def prepared(**table: Any) -> rule.Settings:
    return Policy([rule], config={"rules": {"pro-bono-referral": table}}).settings_of("pro-bono-referral")


def vote(
    sender: Profile, note: str | None = None, recipient: Profile | None = COACH, **table: Any
) -> Vote | None:
    return vote_of(rule, Request(sender=sender, note=note, recipient=recipient), settings=table)


def score(sender: Profile, note: str | None = None, recipient: Profile | None = COACH) -> float:
    found = vote(sender, note, recipient)
    assert found is not None
    return found.score


def test_someone_not_looking_for_work_abstains() -> None:
    assert vote(Profile(name="Jo", headline="Supply chain analyst at Acme", open_to_work=False)) is None
    assert vote(Profile(name="Jo"), note="Great to meet you at the conference") is None


def test_a_job_seeker_alone_is_a_small_plus() -> None:
    found = vote(SEEKER)
    assert found is not None
    assert (found.rule, found.score) == ("pro-bono-referral", D.seeker)
    assert found.evidence == ("open_to_work: true",)


@pytest.mark.parametrize(
    "headline",
    [
        "Marketing manager | seeking a new role",
        "Operations leader in transition",
        "Nurse, open to opportunities",
        "Looking for my next role in HR",
        "Actively looking | Data analyst",
        "Job seeker - accountant",
        "#OpenToWork",
    ],
)
def test_a_headline_can_say_it(headline: str) -> None:
    found = vote(Profile(headline=headline))
    assert found is not None
    assert found.score >= D.seeker
    assert found.evidence[0] in headline.casefold()


@pytest.mark.parametrize(
    "headline",
    [
        "Career coach helping job seekers in transition",
        "Recruiter seeking talented engineers for open roles",
        "Founder seeking new clients and partnerships",
        "Hiring for open roles in logistics",
    ],
)
def test_headlines_about_other_peoples_jobs_do_not(headline: str) -> None:
    assert vote(Profile(headline=headline)) is None


def test_a_note_counts_only_when_the_writer_speaks_of_themselves() -> None:
    assert vote(Profile(name="Sam"), note="Hi Pat, I am in transition after a layoff.") is not None
    assert vote(Profile(name="Sam"), note="I was laid off in March and saw your talk.") is not None
    assert vote(Profile(name="Sam"), note="Are you in transition? I can help you land a job.") is None


def test_sharing_a_pro_bono_group_adds() -> None:
    member = Profile(name="Sam", open_to_work=True, groups=("NJ Job Seekers Network",))
    found = vote(member)
    assert found is not None
    assert found.score == D.one_way
    assert "NJ Job Seekers Network" in found.evidence
    other_group = Profile(name="Sam", open_to_work=True, groups=("Career Coaches Circle",))
    assert score(other_group) == D.seeker  # a group in common, but not one the coach volunteers in


def test_a_field_in_the_hiring_network_adds() -> None:
    analyst = Profile(headline="Supply chain analyst | open to new roles")
    found = vote(analyst)
    assert found is not None
    assert found.score == D.one_way
    assert "Logistics and Supply Chain" in found.evidence
    assert score(Profile(headline="Registered nurse, seeking new opportunities")) == D.one_way
    assert score(Profile(headline="Software engineer, seeking new opportunities")) == D.seeker


def test_a_hiring_network_the_fields_do_not_know_is_matched_by_its_words() -> None:
    coach = Profile(name="Pat", hiring_network=("Basket weaving",))
    assert score(Profile(headline="Basket weaving artisan | open to work"), recipient=coach) == D.one_way
    assert score(Profile(headline="Potter | open to work"), recipient=coach) == D.seeker


def test_asking_for_advice_adds() -> None:
    found = vote(SEEKER, note="Hi Pat, I would value your advice on my job search.")
    assert found is not None
    assert found.score == D.one_way
    assert "advice" in found.evidence


def test_several_ways_to_help_add_up_to_two() -> None:
    note = "Hi Pat, could I pick your brain about breaking into logistics?"
    both = Profile(headline="Supply chain analyst | open to new roles", groups=("NJ Job Seekers Network",))
    assert score(both) == D.two_ways
    assert score(both, note) == D.three_ways


def test_without_a_recipient_a_job_seeker_still_counts() -> None:
    assert score(SEEKER, "Any advice welcome", recipient=None) == D.one_way


# -- next steps ----------------------------------------------------------------------------


def actions(
    sender: Profile, recipient: Profile | None = COACH, verdict: Verdict = Verdict.REVIEW
) -> list[Action]:
    request = Request(sender=sender, recipient=recipient)
    return list(rule.relpolicy_actions(request, Decision(verdict, 0.0), prepared()))


def test_a_job_seeker_is_asked_how_to_help_and_referred_to_matching_fields() -> None:
    found = actions(Profile(headline="Supply chain analyst | open to new roles"))
    assert [a.kind for a in found] == ["ask-how-to-help", "refer"]
    assert "Logistics and Supply Chain" in found[1].text
    assert "Healthcare" not in found[1].text


def test_with_no_matching_field_every_hiring_field_is_named() -> None:
    (_, refer) = actions(SEEKER)
    assert "Logistics and Supply Chain" in refer.text
    assert "Healthcare" in refer.text


def test_no_hiring_network_no_referral() -> None:
    assert [a.kind for a in actions(SEEKER, Profile(name="Pat"))] == ["ask-how-to-help"]
    assert [a.kind for a in actions(SEEKER, None)] == ["ask-how-to-help"]


def test_no_next_steps_for_others_or_once_declined() -> None:
    assert actions(Profile(name="Jo")) == []
    assert actions(SEEKER, verdict=Verdict.DECLINE) == []


class Veto:
    relpolicy_name = "veto"

    @hookimpl
    def relpolicy_vote(self) -> Vote:
        return Vote("veto", -2.0, "a pitch", veto=True)


def test_through_a_policy() -> None:
    policy = Policy([rule], recipient=COACH)
    decision = policy.decide(Request(sender=Profile(headline="Nurse | in transition"), note="Any tips?"))
    assert [(v.rule, v.score) for v in decision.votes] == [("pro-bono-referral", rule.Settings().two_ways)]
    assert [a.kind for a in decision.actions if a.kind != "propose-call"] == ["ask-how-to-help", "refer"]
    vetoed = Policy([rule, Veto()], recipient=COACH).decide(Request(sender=SEEKER))
    assert vetoed.verdict is Verdict.DECLINE
    assert vetoed.actions == ()


#: Words that would turn help into a sale.
SELLING = ("coaching", "service", "package", "session", "fee", "paid", "pay ", "price", "rate", "client",
           "work with me", "hire me", "discount", "offer", "sell", "buy", "book", "guarantee")  # fmt: skip


@given(requests(with_recipient=True), profiles())
@settings(max_examples=150)
def test_next_steps_never_sell(request: Request, recipient: Profile) -> None:
    for with_recipient in (request, request.with_recipient(recipient)):
        for verdict in Verdict:
            for action in rule.relpolicy_actions(with_recipient, Decision(verdict, 0.0), prepared()):
                text = action.text.casefold()
                assert not [word for word in SELLING if word in text], action


def test_next_steps_never_sell_even_when_the_fields_are_sales_words() -> None:
    salesy = Profile(name="Pat", hiring_network=("Logistics and Supply Chain",))
    for action in actions(Profile(headline="Sales director | open to work"), salesy):
        assert "sell" not in action.text.casefold()
        assert "coaching" not in action.text.casefold()


# -- settings and robustness ---------------------------------------------------------------


def test_a_user_adds_phrases() -> None:
    sender = Profile(headline="Taking a career break")
    assert vote(sender) is None
    assert vote(sender, seeker_phrases=["career break"]) is not None
    found = vote(SEEKER, note="Your recommendation would mean a lot", advice_phrases=["your recommendation"])
    assert found is not None
    assert found.score == D.one_way


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"seeker_phrase": ["x"]}, r"rules\.pro-bono-referral\.seeker_phrase: unknown setting"),
        (
            {"seeker_phrases": "career break"},
            r"rules\.pro-bono-referral\.seeker_phrases: expected a list of strings",
        ),
        (
            {"advice_phrases": ["ok", 3]},
            r"rules\.pro-bono-referral\.advice_phrases\[1\]: expected a string, got 3",
        ),
    ],
)
def test_bad_settings_are_refused_naming_the_key(table: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Policy([rule], config={"rules": {"pro-bono-referral": table}})


@given(requests(), st.none() | profiles())
@settings(max_examples=150)
def test_any_request_gets_a_standard_score_or_an_abstention(
    request: Request, recipient: Profile | None
) -> None:
    if recipient is not None:
        request = request.with_recipient(recipient)
    found = vote_of(rule, request)
    assert found is None or (found.rule == "pro-bono-referral" and found.score in SCORES)


@given(profiles(text=adversarial_texts(huge_size=20_000)), adversarial_texts(huge_size=20_000) | texts())
@settings(max_examples=50)
def test_hostile_text_never_breaks_it(sender: Profile, note: str) -> None:
    request = Request(sender=sender, note=note, recipient=sender)
    rule.relpolicy_vote(request, prepared())
    rule.relpolicy_actions(request, Decision(Verdict.ACCEPT, 0.0), prepared())


def test_the_plugin_behaves() -> None:
    check_plugin(rule, max_examples=40, recipient=COACH)
