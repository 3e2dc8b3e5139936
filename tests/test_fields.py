"""relpolicy.fields: free text to canonical fields, and how two fields relate."""

from __future__ import annotations

import importlib.util
import itertools
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relpolicy import Profile, fields
from relpolicy import _field_vocabulary as vocabulary
from relpolicy import _industry_table as table
from relpolicy.fields import Complements, Field, FieldMatch, Relation, compare, relation, resolve
from relpolicy.strategies import adversarial_texts, profiles
from relpolicy.text import normalize

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"

all_industries = st.sampled_from(fields.industries())
all_fields = st.one_of(
    all_industries.map(lambda i: resolve(i.label)),
    st.sampled_from(sorted(vocabulary.NAMED_FIELDS)).map(resolve),
)


# -- the tables ----------------------------------------------------------------------------


def test_every_v2_label_names_its_own_industry() -> None:
    for industry in fields.industries():
        found = fields.lookup(industry.label)
        assert found is not None, industry.label
        assert found.industry == industry, industry.label


def test_every_v1_label_reaches_the_v2_industry_of_the_same_code() -> None:
    for code, label in table.V1_LABELS:
        found = fields.lookup(label)
        assert found is not None, label
        assert found.industry.id == code, label


def test_paths_follow_the_hierarchy() -> None:
    by_id = {industry.id: industry for industry in fields.industries()}
    for industry in fields.industries():
        assert industry.path[-1] == industry.label
        assert tuple(by_id[i].label for i in industry.lineage) == industry.path
        if industry.parent is not None:
            assert by_id[industry.lineage[-2]].path == industry.path[:-1]
        assert industry.category == industry.path[0]


def test_every_alias_and_named_field_resolves_to_its_target() -> None:
    for name, label in vocabulary.NAMED_FIELDS.items():
        assert resolve(name).industry.label == label
    for target, words in (*vocabulary.ALIASES.items(), *vocabulary.WHOLE_NAMES.items()):
        for phrase in words:
            assert resolve(phrase) == resolve(target), phrase


def test_some_names_count_only_as_the_whole_text() -> None:
    assert resolve("IT") == resolve("IT Services and IT Consulting")
    assert resolve("Tech").industry.label == "Technology, Information and Internet"
    assert fields.find_fields("I make it work in tech") == ()


def test_no_alias_hides_a_linkedin_label() -> None:
    for target, words in (*vocabulary.ALIASES.items(), *vocabulary.WHOLE_NAMES.items()):
        for phrase in words:
            for industry in fields.industries():
                if normalize(phrase) == normalize(industry.label):
                    assert resolve(target).industry == industry, phrase


def test_the_default_complements_name_known_fields() -> None:
    for left, right in vocabulary.COMPLEMENTARY:
        assert fields.Complements.default().are_complementary(resolve(left), resolve(right))


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="the source data is not next to the repository")
def test_the_shipped_table_is_what_the_script_derives() -> None:
    spec = importlib.util.spec_from_file_location(
        "derive_industries", ROOT / "scripts" / "derive_industries.py"
    )
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    v2 = script.read_v2(SHARED_DATA / "linkedin-industries-v2.csv")
    v1 = script.read_v1(SHARED_DATA / "linkedin-industries-v1.csv", {i for i, _, _ in v2})
    shipped = (ROOT / "src" / "relpolicy" / "_industry_table.py").read_text(encoding="utf-8")
    assert script.render(v2, v1) == shipped


def test_the_table_names_its_source() -> None:
    assert "LinkedIn Industry Codes V2 and V1" in fields.SOURCE
    assert "Microsoft" in (table.__doc__ or "")


# -- matching free text --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "industry"),
    [
        ("HR", "Human Resources Services"),
        ("Human Resources", "Human Resources Services"),
        ("Talent Acquisition", "Staffing and Recruiting"),
        ("Hospital & Health Care", "Hospitals and Health Care"),
        ("Computer Software", "Software Development"),
        ("career coach", "Professional Training and Coaching"),
        ("Logistics and Supply Chain", "Transportation, Logistics, Supply Chain and Storage"),
    ],
)
def test_words_people_write_reach_linkedin_industries(text: str, industry: str) -> None:
    assert resolve(text).industry.label == industry
    assert [m.field for m in fields.find_fields(text)] == [resolve(text)]


def test_career_coaching_is_a_field_inside_professional_training_and_coaching() -> None:
    coaching = resolve("Career Coaching")
    assert coaching.name == "Career Coaching"
    assert not coaching.is_industry
    assert coaching.industry == resolve("Professional Training & Coaching").industry
    assert resolve("career coach") == resolve("job search strategist") == coaching


def test_case_punctuation_and_plurals_do_not_matter() -> None:
    assert resolve("REGISTERED NURSES") == resolve("registered nurse")
    assert resolve("Hospitals & Health-Care") == resolve("hospital and health care")
    assert resolve("Recruiters") == resolve("recruiter")


def test_the_longest_phrase_wins() -> None:
    (match,) = fields.find_fields("Senior Software Engineer")
    assert match.field == resolve("Software Development")
    assert match.words == "software engineer"


def test_every_field_in_a_headline_is_found_in_order() -> None:
    found = fields.find_fields("Nurse | former HR manager, Python")
    assert [m.field for m in found] == [resolve("nurse"), resolve("HR"), resolve("python")]


def test_whom_a_headline_serves_is_its_audience() -> None:
    headline = "Career coach helping nurses and software engineers | Recruiter"
    found = fields.find_fields(headline)
    assert [(m.field, m.audience) for m in found] == [
        (resolve("career coach"), False),
        (resolve("nurse"), True),
        (resolve("software engineer"), True),
        (resolve("recruiter"), False),
    ]
    own = fields.profile_fields(Profile(headline=headline))
    assert [m.field for m in own] == [resolve("career coach"), resolve("recruiter")]


def test_whom_a_service_is_for_is_its_audience_not_the_sellers_field() -> None:
    found = fields.find_fields("Web design for coaches | Accountant")
    assert [(m.words, m.audience) for m in found] == [
        ("web design", False),
        ("coaches", True),
        ("accountant", False),
    ]


def test_profile_fields_read_industry_headline_and_skills_each_field_once() -> None:
    person = Profile(industry="Human Resources", headline="HR business partner", skills=("Payroll", "SQL"))
    assert [m.field for m in fields.profile_fields(person)] == [resolve("HR"), resolve("sql")]
    assert fields.profile_fields(Profile(name="Sam")) == ()


@given(st.text(max_size=300) | adversarial_texts(huge_size=20_000))
@settings(max_examples=200)
def test_matching_never_raises_and_quotes_the_text(text: str) -> None:
    folded = normalize(text)
    for match in fields.find_fields(text):
        assert match.words in folded
        assert isinstance(match.field, Field)
    assert fields.lookup(text) is None or isinstance(fields.lookup(text), Field)


@given(profiles())
@settings(max_examples=100)
def test_profile_fields_are_distinct_and_never_the_audience(person: Profile) -> None:
    found = fields.profile_fields(person)
    assert len({m.field for m in found}) == len(found)
    assert not any(m.audience for m in found)


def test_a_very_long_text_is_read_only_so_far() -> None:
    head = "Registered nurse " + "x " * (fields.MAX_TEXT // 2)
    assert [m.field for m in fields.find_fields(head + "recruiter" * 100_000)] == [resolve("nurse")]


def test_unknown_names_are_refused_with_a_suggestion() -> None:
    assert fields.lookup("Basket weaving in space") is None
    with pytest.raises(LookupError, match=r"unknown field 'Humen Resources'.*did you mean 'Human Resources"):
        resolve("Humen Resources")


# -- relating ------------------------------------------------------------------------------


def expected_relation(left: Field, right: Field) -> Relation:
    """The hierarchy relation of two fields, worked out from their label paths alone."""
    a, b = left.industry.path, right.industry.path
    if a == b:
        return Relation.SAME_INDUSTRY
    if a == b[:-1] or b == a[:-1] or (len(a) == len(b) > 2 and a[:-1] == b[:-1]):
        return Relation.SAME_PARENT
    return Relation.SAME_CATEGORY if a[0] == b[0] else Relation.UNRELATED


@given(all_fields, all_fields)
@settings(max_examples=300)
def test_without_complements_the_relation_is_the_hierarchy(left: Field, right: Field) -> None:
    assert relation(left, right, Complements()) is expected_relation(left, right)


@given(all_fields, all_fields, st.lists(st.tuples(all_fields, all_fields), max_size=4))
@settings(max_examples=200)
def test_relations_are_symmetric(left: Field, right: Field, pairs: list[tuple[Field, Field]]) -> None:
    complements = Complements.default().with_pairs(pairs)
    assert relation(left, right, complements) is relation(right, left, complements)
    assert complements.are_complementary(left, right) == complements.are_complementary(right, left)


RANK = list(Relation)


@given(st.lists(all_fields, max_size=4), st.lists(all_fields, max_size=4))
@settings(max_examples=200)
def test_compare_finds_the_closest_pair(left: list[Field], right: list[Field]) -> None:
    comparison = compare([FieldMatch(f, f.name) for f in left], [FieldMatch(f, f.name) for f in right])
    pairwise = [relation(a, b) for a, b in itertools.product(left, right)]
    assert comparison.relation is min(pairwise, key=RANK.index, default=Relation.UNRELATED)
    if comparison.left is not None and comparison.right is not None:
        assert relation(comparison.left.field, comparison.right.field) is comparison.relation
    else:
        assert comparison.relation is Relation.UNRELATED


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("HR", "Human Resources", Relation.SAME_INDUSTRY),
        ("career coach", "executive coach", Relation.SAME_INDUSTRY),
        ("Software Development", "Computer Games", Relation.SAME_PARENT),
        ("Banking", "Loan Brokers", Relation.SAME_PARENT),
        ("Career Coaching", "HR", Relation.COMPLEMENTARY),
        ("Career Coaching", "Talent Acquisition", Relation.COMPLEMENTARY),
        ("Career Coaching", "outplacement", Relation.COMPLEMENTARY),
        ("Career Coaching", "workforce development", Relation.COMPLEMENTARY),
        ("software engineer", "product manager", Relation.SAME_PARENT),
        ("software engineer", "UX designer", Relation.COMPLEMENTARY),
        ("accountant", "financial analyst", Relation.COMPLEMENTARY),
        ("accountant", "tax preparer", Relation.SAME_INDUSTRY),
        ("accountant", "attorney", Relation.COMPLEMENTARY),
        ("Accounting", "Graphic Design", Relation.SAME_CATEGORY),
        ("Farming", "Software Development", Relation.UNRELATED),
    ],
)
def test_relations_people_would_recognise(left: str, right: str, expected: Relation) -> None:
    assert relation(resolve(left), resolve(right)) is expected


def test_a_pair_naming_an_industry_covers_what_lies_inside_it() -> None:
    complements = Complements().with_pairs([("Career Coaching", "Staffing and Recruiting")])
    coaching = resolve("Career Coaching")
    assert complements.are_complementary(coaching, resolve("Executive Search Services"))
    assert not complements.are_complementary(resolve("executive coach"), resolve("recruiter"))


def test_user_pairs_extend_the_defaults() -> None:
    nurse, coach = resolve("nurse"), resolve("career coach")
    assert relation(coach, nurse) is Relation.UNRELATED
    extended = Complements.default().with_pairs([("Career Coaching", "Nursing")])
    assert relation(coach, nurse, extended) is Relation.COMPLEMENTARY
    assert set(Complements.default().pairs) < set(extended.pairs)
    with pytest.raises(LookupError, match="unknown field"):
        Complements.default().with_pairs([("Career Coaching", "Basket weaving in space")])


def test_within_an_area() -> None:
    health = resolve("Healthcare")
    assert fields.within(resolve("Mental Health Care"), health)
    assert fields.within(resolve("nurse"), health)
    assert fields.within(resolve("career coach"), resolve("Professional Training and Coaching"))
    assert not fields.within(resolve("executive coach"), resolve("Career Coaching"))
    assert not fields.within(resolve("recruiter"), health)


def test_values_survive_pickling() -> None:
    complements = Complements.default().with_pairs([("Career Coaching", "Nursing")])
    copy = pickle.loads(pickle.dumps(complements))
    assert copy == complements
    assert copy.are_complementary(resolve("career coach"), resolve("nurse"))
    assert pickle.loads(pickle.dumps(resolve("HR"))) == resolve("HR")
