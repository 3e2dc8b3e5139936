"""relpolicy.text: folding what strangers write, and finding phrases in it."""

from __future__ import annotations

import html
import re
from types import SimpleNamespace

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relpolicy.strategies import (
    BIDI_CONTROLS,
    INVISIBLE,
    adversarial_texts,
    disguised,
    texts,
)
from relpolicy.text import (
    CACHED_LENGTH,
    PhraseBook,
    PhraseSet,
    check_phrases,
    count_invisible,
    find_original,
    find_phrases,
    has_mixed_scripts,
    normalize,
    phrase_pattern,
    skeleton,
    views,
    word_positions,
)

#: Characters the folding treats specially, to draw text dense in them.
TRICKY = [
    *"abcilo013457@$!|'.-_&;#xX \t\n",
    "\u200b",
    "\u00ad",
    "\u0301",
    "\ud800",
    "\x00",
    "А",
    "а",
    "Η",
    "η",
    "ｅ",
    "𝐞",
    "İ",
    "ß",
    "&amp;",
    "&#8203;",
    "&lt",
]
tricky_text = st.lists(st.sampled_from(TRICKY), max_size=40).map("".join)
any_text = st.one_of(st.text(), tricky_text, disguised(), adversarial_texts(max_size=200, huge_size=20_000))


# -- the two views -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Your WEBSITE", "your website"),
        ("уоur wеbsitе", "your website"),  # Cyrillic у о е
        ("ΗΕLLΟ", "hello"),  # Greek capitals
        ("Ｆｒｅｅ ＳＥＯ", "free seo"),  # fullwidth
        ("𝐠𝐫𝐨𝐰 𝐲𝐨𝐮𝐫 𝐛𝐮𝐬𝐢𝐧𝐞𝐬𝐬", "grow your business"),  # mathematical bold
        ("w\u200beb\u00adsi\u2060te", "website"),  # zero-width space, soft hyphen, word joiner
        ("&#89;our &lt;site&gt;", "your <site>"),
        ("Hospital &amp; Health Care", "hospital and health care"),
        ("w e b s i t e", "website"),
        ("S.E.O audit", "seo audit"),
        ("S - E - O", "seo"),
        ("y o u r  w e b s i t e", "your website"),
        ("Café naïve", "cafe naive"),
        ("ⓢⓔⓞ", "seo"),
        ("one\ttwo\n\nthree  four", "one two three four"),
    ],
)
def test_normalize_reads_disguised_text_plainly(written: str, read: str) -> None:
    assert normalize(written) == read


@pytest.mark.parametrize(
    "text", ["6 and 7 figure", "$50k/month", "10 new clients", "i.e. a coach", "I'm a nurse, e.g. at night"]
)
def test_normalize_keeps_numbers_and_punctuation(text: str) -> None:
    assert normalize(text) == text.lower()


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("cl1ents", "clients"),
        ("w3bs1t3", "website"),
        ("$ales", "sales"),
        ("s 3 o", "seo"),
        ("c|ients", "ciients"),
        ("I'm a coach.", "im a coach"),
        ("get you 10 new clients", "get you 10 new clients"),
        ("6 and 7 figure", "6 and 7 figure"),
        ("out-of-date!", "out of date"),
    ],
)
def test_skeleton_reads_leetspeak_and_drops_punctuation(written: str, read: str) -> None:
    assert skeleton(written) == read


@settings(max_examples=400)
@given(any_text)
def test_folding_twice_changes_nothing(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    folded = skeleton(text)
    assert skeleton(folded) == folded
    assert skeleton(once) == folded
    assert views(text) == (once, folded)


@settings(max_examples=300)
@given(any_text)
def test_folded_text_holds_nothing_hidden(text: str) -> None:
    for folded in views(text):
        assert count_invisible(folded) == 0
        assert "  " not in folded
        assert folded == folded.strip()
        assert "&" not in folded


def test_long_texts_are_folded_without_being_cached() -> None:
    text = "Hello there " * (CACHED_LENGTH // 6)
    assert normalize(text) == text.lower().strip()
    assert skeleton(text) == text.lower().strip()


def folded_by_the_definitions(text: str) -> tuple[str, str]:
    """`normalize` and `skeleton` as their docstrings define them, one regular expression
    per step, with none of the shortcuts that skip a step on texts it cannot change."""
    from relpolicy.text import _fold, _leet, _skeleton

    t = SimpleNamespace(**{**vars(_fold), **vars(_skeleton)})
    light = t._unescape(text).translate(t._FOLD)
    if "  " in light:
        light = t._SPACES.sub(" ", t._SPACED_LETTERS_IN_GAPS.sub(t._join_letters, light))
    light = t._SPACED_LETTERS.sub(t._join_letters, light.strip())
    folded = t._BANG_IN_WORD.sub("i", light)
    folded = t._SPACES.sub(" ", folded.translate(t._WORD_BREAKS)).strip()
    folded = t._SINGLE_CHARACTERS.sub(t._join_characters, f" {folded} ")[1:-1]
    leet_word = re.compile(rf"(?<!\S)(?=[^ ]*{t._LETTER})(?=[^ ]*[013457$@])[^ ]+")
    words = leet_word.findall(folded)
    if words:
        heavy = t._is_heavy_leet(folded, words)
        folded = leet_word.sub(lambda m: m.group().translate(_leet.IN_WORD), folded)
        if heavy:
            folded = _leet.LONE_DIGIT.sub(t._read_lone_leet, f" {folded} ")[1:-1]
    return light, folded


@settings(max_examples=400)
@given(
    st.one_of(
        any_text, st.lists(st.sampled_from([*TRICKY, " a", " b c", "7", "x1"]), max_size=30).map("".join)
    )
)
def test_the_folding_shortcuts_change_nothing(text: str) -> None:
    assert (normalize(text), skeleton(text)) == folded_by_the_definitions(text)


# -- phrases -------------------------------------------------------------------------


def found(template: str, text: str) -> list[str]:
    return [match.words for match in PhraseSet([template]).find(text)]


@pytest.mark.parametrize(
    ("template", "text", "words"),
    [
        ("(i'm|i am) a", "Hi, I’m a nurse", "im a"),
        ("get you *2 more clients", "I can get you a lot more clients", "get you a lot more clients"),
        ("get you *2 more clients", "get you far far far more clients", None),
        ("only # spots", "Only 3 spots left", "only 3 spots"),
        ("book [a|the] call", "book the call", "book the call"),
        ("clients", "cl1ents and cIients", "clients"),
        ("web site", "web-site", "web site"),
        ("seo", "seoul", None),
        ("seo", "the s.e.o way", "seo"),
    ],
)
def test_phrase_templates_match_whole_words(template: str, text: str, words: str | None) -> None:
    matches = found(template, text)
    if words is None:
        assert matches == []
    else:
        assert matches[0] == words


def test_a_phrase_set_reports_which_template_matched() -> None:
    phrases = PhraseSet(["book a call", "dm me", "(click|tap) *2 link"])
    matches = phrases.find("DM me, or click the link. Or book a call!")
    assert [(m.template, m.words) for m in matches] == [
        ("dm me", "dm me"),
        ("(click|tap) *2 link", "click the link"),
        ("book a call", "book a call"),
    ]
    assert [m.start for m in matches] == sorted(m.start for m in matches)
    assert not PhraseSet([])
    assert PhraseSet([]).find("anything") == []


#: Templates that use every part of the syntax, over a small vocabulary so that drawn
#: texts often hold their words: choices of one and of several words, optional words,
#: gaps, numbers, words that fold (``i'm``), and templates that share words.
BOOK = {
    "offer": (
        "(get|grow) you *2 more (clients|leads)",
        "your (website|web site) is (old|out of date)",
        "# new clients",
        "(i'm|i am) a",
    ),
    "call": ("book a [free|quick] call", "(dm|message) me", "free (call|audit)", "a call", "book a"),
    "reason": ("we met at", "(heard|saw) your *2 (talk|post)", "# (days|weeks) ago", "met", "we met"),
}
BOOK_WORDS = sorted(
    {w for templates in BOOK.values() for t in templates for w in re.findall(r"[a-z']+", t)}
    | {"7", "12", "x", "and", "we", "you", "I'm", "3"}
)
#: Words in the order templates want them, so that drawn texts match often and overlap.
BOOK_RUNS = ["we met at", "book a call", "get you a lot more clients", "12 new clients", "3 days ago"]
book_texts = st.lists(st.sampled_from(BOOK_WORDS) | st.sampled_from(BOOK_RUNS), max_size=30).map(" ".join)


def alternation(templates: tuple[str, ...], folded: str) -> list[tuple[str, str, int]]:
    """What one regular expression of all *templates*, in order, finds: the reference."""
    pattern = re.compile(
        " (?:" + "|".join(f"(?P<t{i}>{phrase_pattern(t)})" for i, t in enumerate(templates)) + ")(?= )"
    )
    found = []
    for match in pattern.finditer(f" {folded} "):
        number = int(str(match.lastgroup)[1:])
        found.append((templates[number], match.group()[1:], match.start()))
    return found


@given(book_texts)
def test_a_phrase_book_finds_what_one_alternation_per_list_finds(text: str) -> None:
    folded = skeleton(text)
    found = PhraseBook(BOOK).matches_in_skeleton(folded)
    for name, templates in BOOK.items():
        expected = alternation(templates, folded)
        assert [(m.template, m.words, m.start) for m in found.get(name, [])] == expected
        assert (name in found) == bool(expected)  # lists without a match are left out
    single = PhraseSet(BOOK["offer"]).matches_in_skeleton(folded)
    assert [(m.template, m.words, m.start) for m in single] == alternation(BOOK["offer"], folded)


def test_a_phrase_book_tells_its_lists_apart() -> None:
    book = PhraseBook({"pitch": ["book a call"], "warm": ["a call", "we met"]})
    found = book.find("We met last week; book a call?")
    assert {name: [m.words for m in matches] for name, matches in found.items()} == {
        "pitch": ["book a call"],
        "warm": ["we met", "a call"],
    }
    assert not PhraseBook({})
    assert PhraseBook({"empty": []}).find("anything") == {}
    with pytest.raises(ValueError, match="phrase '\\(a'"):
        PhraseBook({"bad": ["(a"]})


@pytest.mark.parametrize("template", ["(a|b", "a)", "[a] b", "*2 b", "#", "()", "(a|) b", "..."])
def test_bad_templates_are_refused(template: str) -> None:
    with pytest.raises(ValueError, match="phrase"):
        phrase_pattern(template)


def test_find_phrases_finds_whole_words_only() -> None:
    text = normalize("Hi PAT, I'm with Patagonia & co.")
    assert find_phrases(text, ["pat", "patagonia", "agon", "and co", ""]) == ["pat", "patagonia", "and co"]


def test_check_phrases_names_the_template_that_is_not_valid() -> None:
    field = attrs.fields(Templates).templates
    check_phrases(None, field, ["fix your (site|seo)", "# new clients"])
    with pytest.raises(ValueError, match=r"^\[1\]: phrase '\(a\|b': '\(' is never closed$"):
        check_phrases(None, field, ["ok", "(a|b"])


@attrs.frozen
class Templates:
    templates: tuple[str, ...] = ()


# -- hidden things -------------------------------------------------------------------


def test_count_invisible_counts_hidden_characters() -> None:
    assert count_invisible("plain text, with\ttabs\nand lines") == 0
    assert count_invisible("w\u200beb\u00adsite\u202e") == 3
    assert count_invisible("&#8203;hidden") == 1
    assert count_invisible("a\x00b\ud800") == 2


def test_joiners_count_only_inside_words() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # an emoji built with joiners
    assert count_invisible(f"Hello {family} and \u2764\ufe0f") == 0
    assert count_invisible("web\u200dsite") == 1


@given(
    texts(),
    st.lists(st.sampled_from((INVISIBLE + BIDI_CONTROLS).replace("\u200d", "")), min_size=1, max_size=5),
)
def test_hiding_characters_between_letters_is_counted(text: str, hidden: list[str]) -> None:
    before = count_invisible(text)
    assert count_invisible("x" + "".join(hidden) + "y" + text) == before + len(hidden)


def test_mixed_scripts_are_a_word_in_disguise() -> None:
    assert has_mixed_scripts("wеbsite")  # Cyrillic е
    assert has_mixed_scripts("𝐰ebsite")
    assert not has_mixed_scripts("Привет, hello, 𝐛𝐨𝐥𝐝 text")


# -- quoting evidence ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "quote"),
    [
        ("Hi! Your website is out-of-date.", "your website is out of date", "Your website is out-of-date"),
        ("уоur wеbsitе", "your website", "уоur wеbsitе"),
        ("g3t y0u m0re cl1ents now", "get you more clients", "g3t y0u m0re cl1ents"),
        ("w\u200beb\u200bsite", "website", "w\u200beb\u200bsite"),
        ("&#89;our site", "your site", "Your site"),
        ("nothing here", "website", None),
    ],
)
def test_find_original_quotes_the_words_as_written(text: str, words: str, quote: str | None) -> None:
    assert find_original(text, words) == quote


@settings(max_examples=300)
@given(any_text, st.data())
def test_whatever_a_skeleton_holds_can_be_quoted_from_the_text(text: str, data: st.DataObject) -> None:
    folded = skeleton(text)
    if not folded or len(text) > 20_000:
        return
    words = folded.split(" ")
    start = data.draw(st.integers(0, len(words) - 1))
    length = data.draw(st.integers(1, len(words) - start))
    quote = find_original(text, " ".join(words[start : start + length]))
    assert quote is not None
    assert quote in text or quote in html.unescape(text)


def test_views_can_keep_only_the_beginning_and_the_end() -> None:
    text = "Hello there. " + "\u200b" * 50_000 + "filler " * 20_000 + "Book a call"
    normalized, folded = views(text, limit=1_000)
    assert len(normalized) <= 1_001
    assert len(folded) <= 1_001
    assert normalized.startswith("hello there. filler")
    assert folded.endswith("filler book a call")
    assert views("short text", limit=1_000) == views("short text")


#: Words to look up, and texts made of them in their disguises: ``l`` and ``1`` for
#: ``i``, ``0`` for ``o``, numbers, and words that differ by one letter.
LOOKED_UP = ["ali", "lia", "sam", "io", "mary ann", "2024", "al1", "4", "$am"]
looked_up_texts = st.lists(
    st.sampled_from([*LOOKED_UP, "aii", "aIi", "a1i", "l1a", "sarn", "i0", "10", "mary", "ann", "2o24"])
    | st.sampled_from(["a", "x"]),
    max_size=25,
).map(" ".join)


@given(looked_up_texts, st.sampled_from(LOOKED_UP))
def test_word_positions_are_where_a_template_of_the_words_matches(text: str, words: str) -> None:
    folded, looked_up = skeleton(text), skeleton(words)
    template = re.compile(f"(?= (?:{phrase_pattern(looked_up)}) )")
    assert word_positions(folded, looked_up) == [match.start() for match in template.finditer(f" {folded} ")]


def test_word_positions_takes_whole_words_only() -> None:
    assert word_positions("we met at sam s talk", "sam") == [10]
    assert word_positions("samuel and sams", "sam") == []
    assert word_positions("", "sam") == word_positions("sam", "") == []
