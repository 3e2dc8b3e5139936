"""The public Hypothesis strategies produce what they promise."""

from __future__ import annotations

import json
import math
import string
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from relpolicy import InvalidRequest, Profile, Request, Vote, strategies
from relpolicy.strategies import (
    BIDI_CONTROLS,
    HOMOGLYPHS,
    INVISIBLE,
    adversarial_texts,
    disguised,
    json_kinds,
    json_values,
    mangled_json_requests,
    pathological_texts,
    text_kinds,
)

_LOOK_ALIKE = {glyph: letter for letter, glyphs in HOMOGLYPHS.items() for glyph in glyphs}


def test_every_public_function_is_exported() -> None:
    defined = {
        name
        for name, value in vars(strategies).items()
        if callable(value) and getattr(value, "__module__", None) == strategies.__name__
    }
    assert {name for name in defined if not name.startswith("_")} <= set(strategies.__all__)
    assert all(hasattr(strategies, name) for name in strategies.__all__)


@given(st.from_type(Request), st.from_type(Profile))
def test_from_type_draws_relpolicy_values_through_the_entry_point(request: Request, profile: Profile) -> None:
    assert isinstance(request, Request)
    assert isinstance(profile, Profile)


def test_importing_the_strategies_before_hypothesis_works() -> None:
    # Importing this module imports Hypothesis, which runs this module's own entry point.
    code = (
        "import relpolicy.strategies, hypothesis.strategies as st, relpolicy; st.from_type(relpolicy.Request)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(strategies.requests(text=adversarial_texts()))
def test_hostile_requests_are_valid_requests_that_survive_their_json_form(request: Request) -> None:
    # Through JSON text, not JSON values: a high and a low surrogate next to each other
    # come back as the one character they encode, so compare what the text reads as.
    data = json.loads(json.dumps(request.to_dict()))
    assert Request.from_dict(data).to_dict() == data


def _undone(text: str) -> str:
    return "".join(_LOOK_ALIKE.get(char, char) for char in text if char not in INVISIBLE)


@given(st.data(), st.text(st.sampled_from(string.ascii_letters + " .,!"), max_size=60))
def test_disguised_text_reads_the_same_once_the_disguise_is_undone(
    data: st.DataObject, original: str
) -> None:
    text = data.draw(disguised(st.just(original)))
    assert _undone(text) == original


def test_disguised_text_keeps_the_words_of_the_text_it_disguises() -> None:
    original = "your website is out of date"
    text = find(disguised(st.just(original)), lambda t: t != original)
    assert _undone(text) == original


@pytest.mark.parametrize("glyphs", list(HOMOGLYPHS.values()))
def test_homoglyphs_are_not_the_letters_they_imitate(glyphs: str) -> None:
    for glyph in glyphs:
        assert not glyph.isascii()


def test_invisible_and_direction_characters_take_no_space() -> None:
    for char in INVISIBLE + BIDI_CONTROLS:
        assert unicodedata.category(char) in {"Cf", "Mn"}


def _tally(
    strategy: st.SearchStrategy[Any], kinds: Callable[[Any], list[str]], examples: int
) -> Counter[str]:
    """How often each kind turns up in *examples* values drawn from *strategy*."""
    seen: Counter[str] = Counter()

    @settings(max_examples=examples, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def draw(value: Any) -> None:
        seen.update(kinds(value))

    draw()
    return seen


def test_adversarial_texts_include_every_kind_of_bad_text() -> None:
    seen = _tally(adversarial_texts(), text_kinds, 400)
    assert set(seen) == {*_TEXT_KIND_NAMES}


_TEXT_KIND_NAMES = (
    text_kinds("")
    + text_kinds(" ")
    + [
        "lone surrogate",
        "control character",
        "invisible character",
        "direction control",
        "look-alike letter",
        "combining mark",
        "deep brackets",
        "run of one character",
        "100,000 characters or more",
    ]
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("\ud800", "lone surrogate"),
        ("a\x00b", "control character"),
        ("web\u200bsite", "invisible character"),
        ("\u202eetisbew", "direction control"),
        ("wеbsite", "look-alike letter"),
        ("e\u0301", "combining mark"),
        ("(" * 100, "deep brackets"),
        ("a" * 1000, "run of one character"),
        ("ab" * 50_000, "100,000 characters or more"),
    ],
)
def test_text_kinds_names_what_is_there_and_only_that(text: str, kind: str) -> None:
    assert text_kinds(text) == [kind]
    assert text_kinds("your website is out of date") == []


@pytest.mark.parametrize("size", [0, 7, 1_000, 200_000])
def test_pathological_texts_have_about_the_size_asked_for(size: int) -> None:
    for name, text in pathological_texts(size).items():
        assert size - 20 <= len(text) <= size, name


@given(json_values())
def test_json_values_are_what_json_loads_returns(value: Any) -> None:
    text = json.dumps(value)
    assert json.dumps(json.loads(text)) == text


def _read(value: Any) -> Request | None:
    try:
        return Request.from_dict(value)
    except InvalidRequest:
        return None


def test_json_values_and_mangled_requests_include_every_kind_of_bad_json_and_valid_requests() -> None:
    # Enough draws that every kind turns up whatever Hypothesis version draws them.
    seen = _tally(json_values(), json_kinds, 600)
    seen += _tally(
        mangled_json_requests(), lambda v: [*json_kinds(v), "valid" if _read(v) else "invalid"], 600
    )
    expected = {"not an object", "no sender", "unknown key", "NaN", "infinity", "huge integer"}
    expected |= {"nested 4 levels or more", "lone surrogate", "control character", "invisible character"}
    assert expected | {"valid", "invalid"} <= set(seen)


@pytest.mark.parametrize(
    ("value", "kinds"),
    [
        ([], ["not an object"]),
        ({"sender": None}, ["no sender"]),
        ({"sender": {}, "campaign": "x"}, ["unknown key"]),
        ({"sender": {"x_score": 1}}, ["unknown key"]),
        ({"sender": {}, "mutual_connections": math.nan}, ["NaN"]),
        ({"sender": {}, "mutual_connections": -math.inf}, ["infinity"]),
        ({"sender": {}, "id": 2**65}, ["huge integer"]),
        ({"sender": {"groups": ["\ud800"]}}, ["lone surrogate"]),
        ({"sender": {}, "shared_groups": [[[[]]]]}, ["nested 4 levels or more"]),
    ],
)
def test_json_kinds_names_what_is_there_and_only_that(value: Any, kinds: list[str]) -> None:
    assert json_kinds(value) == kinds
    assert json_kinds({"sender": {"name": "Sam"}, "note": "Hello"}) == []


@given(strategies.votes(rule="r"))
def test_votes_are_finite_and_carry_the_rule_asked_for(vote: Vote) -> None:
    assert vote.rule == "r"
    assert math.isfinite(vote.score)
