"""The common-field rule: the same or a complementary field, and nothing against a different one."""

from __future__ import annotations

from typing import Any

import pytest
import relpolicy_common_field as rule
from hypothesis import given, settings
from hypothesis import strategies as st

from relpolicy import ConfigError, Policy, Profile, Request, Vote, plugin_name
from relpolicy.fields import Relation, compare, profile_fields
from relpolicy.strategies import adversarial_texts, profiles, requests
from relpolicy.testing import check_plugin, vote_of

#: The seed's author.
COACH = Profile(
    name="Pat Coach", headline="Career coach and job search strategist", industry="Career Coaching"
)


def configure(**table: Any) -> rule.Settings:
    return Policy([rule], config={"rules": {"common-field": table}}).settings_of("common-field")


def vote(sender: Profile, recipient: Profile | None = COACH, **table: Any) -> Vote | None:
    return vote_of(rule, Request(sender=sender, recipient=recipient), settings=table)


def test_the_rule_is_named_for_its_entry_point() -> None:
    assert plugin_name(rule) == "common-field"
    found = vote(Profile(headline="Executive coach"))
    assert found is not None
    assert found.rule == "common-field"


def test_the_same_field_scores_highest() -> None:
    found = vote(Profile(headline="Executive coach | leadership development"))
    assert found is not None
    assert found.score == rule.SCORES[Relation.SAME_INDUSTRY] == rule.Settings().same_industry
    assert found.reason.startswith("same industry: Professional Training and Coaching")
    assert "Career Coaching" in found.reason
    assert "executive coach" in found.evidence


@pytest.mark.parametrize(
    "words", ["HR", "Human Resources", "Talent Acquisition", "Recruiter", "Outplacement"]
)
def test_the_fields_the_seed_calls_complementary(words: str) -> None:
    found = vote(Profile(headline=f"{words} professional"))
    assert found is not None
    assert found.score == rule.SCORES[Relation.COMPLEMENTARY] == rule.Settings().complementary_field
    assert "complementary" in found.reason
    assert words.lower() in found.evidence


def test_the_hierarchy_tells_a_sibling_field_from_the_same_one() -> None:
    banker = Profile(industry="Banking")
    table = {"same_industry": 0.7, "same_parent": 0.2}
    same = vote(Profile(industry="Banking"), banker, **table)
    same_parent = vote(Profile(headline="Loan officer"), banker, **table)
    assert same is not None
    assert same_parent is not None
    assert (same.score, same_parent.score) == (0.7, 0.2)
    assert "same industry" in same.reason
    assert "under Credit Intermediation" in same_parent.reason


def test_sharing_only_a_top_level_category_is_no_common_ground() -> None:
    agent, banker = Profile(headline="Insurance agent"), Profile(industry="Banking")
    assert compare(profile_fields(agent), profile_fields(banker)).relation is Relation.SAME_CATEGORY
    assert vote(agent, banker) is None


def test_an_unrelated_field_abstains_rather_than_counting_against() -> None:
    assert vote(Profile(industry="Hospital & Health Care", headline="Registered nurse")) is None
    assert vote(Profile(industry="Farming")) is None


def test_nothing_to_compare_abstains() -> None:
    assert vote(Profile(name="Sam Rivera")) is None
    assert vote(Profile(headline="HR manager"), None) is None
    assert vote(Profile(headline="HR manager"), Profile(name="A recipient who says nothing")) is None


def test_the_seeds_pitch_headline_is_not_the_coachs_field() -> None:
    pitch = (
        "I have a Marketing System that helps to build 6 and 7 figure businesses for coaches and consultants."
    )
    assert vote(Profile(headline=pitch)) is None


def test_a_user_adds_complementary_fields() -> None:
    nurse = Profile(headline="Nurse")
    assert vote(nurse) is None
    found = vote(nurse, complementary=[["Career Coaching", "Nursing"]])
    assert found is not None
    assert found.score == rule.SCORES[Relation.COMPLEMENTARY]


def test_a_user_can_drop_the_default_pairs() -> None:
    hr = Profile(industry="Human Resources")
    assert vote(hr) is not None
    assert vote(hr, default_complementary=False) is None
    assert vote(hr, default_complementary=False, complementary=[["Career Coaching", "HR"]]) is not None


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"complementry": []}, r"rules\.common-field\.complementry: unknown setting"),
        (
            {"complementary": "HR"},
            r"rules\.common-field\.complementary: expected a list of pairs of strings, got the string 'HR'",
        ),
        ({"complementary": [["HR"]]}, r"rules\.common-field\.complementary\[0\]: expected a pair of strings"),
        ({"complementary": [["HR", 3]]}, r"rules\.common-field\.complementary\[0\]\[1\]: expected a string"),
        (
            {"complementary": [["HR", "Nursing"], ["Career Coaching", "Basket weaving"]]},
            r"rules\.common-field\.complementary\[1\]\[1\]: unknown field 'Basket weaving'",
        ),
        (
            {"default_complementary": "no"},
            r"rules\.common-field\.default_complementary: expected true or false",
        ),
    ],
)
def test_bad_settings_are_refused_naming_the_key(table: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Policy([rule], config={"rules": {"common-field": table}})


def test_through_a_policy() -> None:
    policy = Policy(
        [rule], recipient=COACH, config={"rules": {"common-field": {"complementary": [["Coaching", "IT"]]}}}
    )
    assert policy.rules == ("common-field",)
    decision = policy.decide(Request(sender=Profile(headline="IT support specialist")))
    assert [(v.rule, v.score) for v in decision.votes] == [
        ("common-field", rule.SCORES[Relation.COMPLEMENTARY])
    ]
    assert policy.decide(Request(sender=Profile(headline="Dairy farmer"))).votes == ()


@given(requests(), st.sampled_from([{}, {"complementary": [["Career Coaching", "Nursing"]]}]))
@settings(max_examples=150)
def test_any_request_gets_a_standard_score_or_an_abstention(request: Request, table: dict[str, Any]) -> None:
    found = vote_of(rule, request, settings=table)
    assert found is None or (found.rule == "common-field" and found.score in set(rule.SCORES.values()))


@given(profiles(), profiles())
@settings(max_examples=150)
def test_the_score_does_not_depend_on_who_sent_the_request(one: Profile, other: Profile) -> None:
    there = vote(one, other)
    back = vote(other, one)
    assert (there and there.score) == (back and back.score)


@given(profiles(text=adversarial_texts(huge_size=20_000)), profiles(text=adversarial_texts(huge_size=20_000)))
@settings(max_examples=50)
def test_hostile_text_never_breaks_it(sender: Profile, recipient: Profile) -> None:
    vote(sender, recipient)


def test_the_plugin_behaves() -> None:
    check_plugin(rule, max_examples=40, recipient=COACH)
