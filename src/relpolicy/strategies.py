"""Hypothesis strategies for relpolicy's values, for property-testing rules and policies.

Install with the ``relpolicy[testing]`` extra. ``st.from_type(relpolicy.Request)`` and
``st.from_type(relpolicy.Profile)`` use these strategies once this module's Hypothesis
entry point has run (it runs when Hypothesis is imported).

Two kinds of text are on offer. `texts` is what people write, with arbitrary Unicode
now and then; `adversarial_texts` is what a stranger who wants to slip past a rule, or
a broken export, produces: invisible characters, look-alike letters, lone surrogates,
control characters, empty and enormous strings. Pass it as ``text=`` to `profiles` and
`requests` to put it in every field.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

import attrs

from ._model import Profile, Request, Vote


def _hypothesis_setup_hook() -> None:
    """Register the strategies for ``st.from_type`` (run by Hypothesis' entry point).

    Defined before Hypothesis is imported: importing this module first imports
    Hypothesis, which runs its entry points, this hook among them, while the rest of
    the module is not defined yet. The strategies are looked up when first drawn.
    """
    from hypothesis import strategies as st

    st.register_type_strategy(Profile, st.deferred(lambda: profiles()))
    st.register_type_strategy(Request, st.deferred(lambda: requests()))


from hypothesis import strategies as st  # noqa: E402  (see _hypothesis_setup_hook)

__all__ = [
    "BIDI_CONTROLS",
    "HOMOGLYPHS",
    "INVISIBLE",
    "adversarial_texts",
    "disguised",
    "json_kinds",
    "json_requests",
    "json_values",
    "mangled_json_requests",
    "pathological_texts",
    "profiles",
    "requests",
    "text_kinds",
    "texts",
    "votes",
]

_WORDS = [
    "career",
    "coach",
    "job",
    "search",
    "network",
    "group",
    "connect",
    "hiring",
    "recruiter",
    "software",
    "engineer",
    "nurse",
    "marketing",
    "manager",
    "analyst",
    "supply",
    "chain",
    "logistics",
    "accounting",
    "finance",
    "open",
    "to",
    "work",
    "seeking",
    "transition",
    "advice",
    "help",
    "refer",
    "website",
    "clients",
    "business",
    "growth",
    "heard",
    "speak",
    "met",
    "conference",
]

#: Characters that show as nothing yet are there for code to trip on: zero-width
#: spaces and joiners, the word joiner, the byte-order mark, the soft hyphen, the
#: Mongolian vowel separator, the combining grapheme joiner and invisible operators.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u034f\u2061\u2062\u2063\u2064"

#: Characters that change the direction text is shown in (the "Trojan Source" kind).
BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

#: Latin letters and characters that look the same or nearly: Cyrillic and Greek
#: letters, fullwidth forms and mathematical bold letters.
HOMOGLYPHS: dict[str, str] = {
    "a": "аɑα𝐚ａ",
    "c": "сϲ𝐜ｃ",
    "d": "ԁ𝐝ｄ",
    "e": "еℯ𝐞ｅ",
    "g": "ɡ𝐠ｇ",
    "h": "һ𝐡ｈ",
    "i": "іι𝐢ｉ",
    "j": "ј𝐣ｊ",
    "k": "κ𝐤ｋ",
    "l": "ⅼ𝐥ｌ",
    "n": "ո𝐧ｎ",
    "o": "оο𝐨ｏ",
    "p": "рρ𝐩ｐ",
    "s": "ѕ𝐬ｓ",
    "u": "υ𝐮ｕ",
    "v": "ν𝐯ｖ",
    "w": "ԝ𝐰ｗ",
    "x": "хχ𝐱ｘ",
    "y": "уγ𝐲ｙ",
    "A": "АΑ𝐀Ａ",
    "B": "ВΒ𝐁Ｂ",
    "C": "СϹ𝐂Ｃ",
    "E": "ЕΕ𝐄Ｅ",
    "H": "НΗ𝐇Ｈ",
    "I": "ІΙ𝐈Ｉ",
    "K": "КΚ𝐊Ｋ",
    "M": "МΜ𝐌Ｍ",
    "O": "ОΟ𝐎Ｏ",
    "P": "РΡ𝐏Ｐ",
    "T": "ТΤ𝐓Ｔ",
    "X": "ХΧ𝐗Ｘ",
    "Y": "ҮΥ𝐘Ｙ",
}

_WHITESPACE = " \t\n\r\x0b\x0c\x85\xa0\u1680\u2000\u2007\u200a\u2028\u2029\u202f\u205f\u3000"


def texts(*, max_size: int = 200) -> st.SearchStrategy[str]:
    """Short text: mostly words people write, sometimes any Unicode at all."""
    words = st.lists(st.sampled_from(_WORDS), max_size=max(1, max_size // 8)).map(" ".join)
    return st.one_of(words, st.text(max_size=max_size)).map(lambda s: s[:max_size])


@st.composite
def _disguise(draw: st.DrawFn, text: str) -> str:
    out = []
    for char in text:
        if char in HOMOGLYPHS and draw(st.booleans()):
            char = draw(st.sampled_from(HOMOGLYPHS[char]))
        out.append(char)
        if draw(st.integers(0, 3)) == 0:
            out.append(draw(st.sampled_from(INVISIBLE)))
    return "".join(out)


def disguised(text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[str]:
    """Text as a person reads it, written to slip past a naive comparison.

    Letters are swapped for look-alikes from `HOMOGLYPHS` and `INVISIBLE` characters
    are slipped in between; nothing else changes.

    Args:
        text: The text to disguise; by default sentences of everyday words.
    """
    plain = text if text is not None else texts(max_size=120)
    return plain.flatmap(_disguise)


#: One unit of each pathological shape, and how to grow it to a given size.
_PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "nested-brackets": lambda n: "(" * (n // 2) + ")" * (n - n // 2),
    "unclosed-brackets": lambda n: "([{<" * (n // 4),
    "one-letter": lambda n: "a" * n,
    "one-letter-words": lambda n: "a " * (n // 2),
    "one-word": lambda n: "website " * (n // 8),
    "digits": lambda n: "9" * n,
    "punctuation": lambda n: "!?." * (n // 3),
    "url-like": lambda n: "https://" + "a." * ((n - 8) // 2),
    "combining-marks": lambda n: "e" + "\u0301" * (n - 1),
    "invisible": lambda n: "\u200b" * n,
    "white-space": lambda n: " \n\t" * (n // 3),
    "almost-a-phrase": lambda n: "I can get you more " * (n // 19),
}


def pathological_texts(size: int) -> dict[str, str]:
    """Texts of about *size* characters in shapes that make careless matching slow.

    Deep nesting of brackets, one letter or one word repeated, a run of combining
    marks on one letter, a phrase that starts again and again and never completes,
    and the like: for tests that a rule's time grows in proportion to the input.

    Returns:
        The texts by the name of their shape.
    """
    return {name: grow(size)[:size] for name, grow in _PATHOLOGICAL.items()}


_any_character = st.characters(exclude_categories=())  # every code point, lone surrogates too
_odd_character = st.one_of(
    st.characters(categories=["Cc", "Cf", "Mn", "Me", "Zl", "Zp"]),
    st.characters(categories=["Cs"]),  # lone surrogates: a category of their own, or they are rare
    st.characters(categories=["Co", "Cn"]),
    st.sampled_from(INVISIBLE + BIDI_CONTROLS + _WHITESPACE),
)


def _huge_texts(max_size: int) -> st.SearchStrategy[str]:
    """Long texts built by repetition, so that drawing them stays cheap."""
    units = st.one_of(
        st.sampled_from(["a", "website ", "(", "I can help ", "\u200b", "é", "🙂"]),
        st.text(_any_character, min_size=1, max_size=8),
    )
    round_sizes = sorted({min(size, max_size) for size in (1_000, 10_000, 100_000, max_size)})
    sizes = st.sampled_from(round_sizes) | st.integers(min_value=min(1_000, max_size), max_value=max_size)
    return st.builds(lambda unit, size: (unit * (size // len(unit) + 1))[:size], units, sizes)


def adversarial_texts(*, max_size: int = 300, huge_size: int = 200_000) -> st.SearchStrategy[str]:
    """Text written to break or slip past rules.

    A mix of: empty and all-white-space strings; control, format and private-use
    characters, lone surrogates and stray combining marks; everyday words `disguised`
    with look-alike letters and invisible characters; text in any script; the
    `pathological_texts` shapes; and strings of up to *huge_size* characters.

    Args:
        max_size: The longest ordinary text.
        huge_size: The longest of the enormous ones (they are drawn rarely).
    """
    # Deferred, for a short repr: the strategy itself is long to print, and fields of
    # `requests` use it many times over.
    return st.deferred(lambda: _adversarial_texts(max_size, huge_size))


def _adversarial_texts(max_size: int, huge_size: int) -> st.SearchStrategy[str]:
    shapes = st.builds(
        lambda name, size: _PATHOLOGICAL[name](size),
        st.sampled_from(sorted(_PATHOLOGICAL)),
        st.sampled_from([100, 1_000, 10_000]) | st.integers(min_value=0, max_value=max(max_size, 1_000)),
    )
    ingredients = st.one_of(
        st.sampled_from(_WORDS).map(lambda word: f" {word} "),
        st.sampled_from(INVISIBLE),
        st.sampled_from(BIDI_CONTROLS),
        st.characters(categories=["Cs"]),
        st.characters(categories=["Cc"]),
        st.characters(categories=["Mn", "Me"]),
    )
    return st.one_of(
        st.just(""),
        st.text(st.sampled_from(_WHITESPACE + INVISIBLE), max_size=20),
        st.text(_odd_character, max_size=max_size),
        st.lists(ingredients, max_size=max_size // 4).map("".join),
        disguised(texts(max_size=max_size)),
        st.text(_any_character, max_size=max_size),
        shapes,
        _huge_texts(huge_size),
    )


_LOOK_ALIKES = "".join(HOMOGLYPHS.values())
_TEXT_KINDS: dict[str, Callable[[str], object]] = {
    "empty": lambda t: not t,
    "white space only": lambda t: t and not t.strip(),
    "lone surrogate": re.compile("[\ud800-\udfff]").search,
    "control character": re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]").search,
    "invisible character": re.compile(f"[{INVISIBLE}]").search,
    "direction control": re.compile(f"[{BIDI_CONTROLS}]").search,
    "look-alike letter": re.compile(f"[{_LOOK_ALIKES}]").search,
    "combining mark": re.compile("[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u20d0-\u20ff]").search,
    "deep brackets": re.compile("[([{<]{100}").search,
    "run of one character": re.compile("(.)\\1{999}", re.DOTALL).search,
    "100,000 characters or more": lambda t: len(t) >= 100_000,
}


def text_kinds(text: str) -> list[str]:
    """The kinds of hostile text that *text* holds, by name, for statistics of a run.

    Such as ``"lone surrogate"``, ``"look-alike letter"`` or ``"100,000 characters or
    more"``; ``[]`` for plain text.
    """
    return [kind for kind, found in _TEXT_KINDS.items() if found(text)]


_labels = st.text(st.characters(codec="utf-8"), min_size=1, max_size=40)
_group_names = st.one_of(
    st.sampled_from(["NJ Job Seekers Network", "Career Coaches Circle", "Supply Chain Pros", "PyData NYC"]),
    _labels,
)


def profiles(*, text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Profile]:
    """Profiles with any mix of fields set.

    Args:
        text: Where every text field (names, groups, skills, extra values) is drawn
            from; by default realistic words and labels with arbitrary text now and then.
    """
    free = texts(max_size=80) if text is None else text
    labels = _labels if text is None else text
    groups = _group_names if text is None else st.one_of(_group_names, text)
    industries = st.sampled_from(["Career Coaching", "Software Development", "Hospital & Health Care"])
    urls = st.just("https://www.linkedin.com/in/someone")
    if text is not None:
        urls |= text
    return st.builds(
        Profile,
        name=st.none() | free,
        headline=st.none() | free,
        industry=st.none() | industries | labels,
        location=st.none() | free,
        groups=st.lists(groups, max_size=4).map(tuple),
        skills=st.lists(labels, max_size=4).map(tuple),
        open_to_work=st.none() | st.booleans(),
        url=st.none() | urls,
        pro_bono_groups=st.lists(groups, max_size=2).map(tuple),
        hiring_network=st.lists(labels, max_size=3).map(tuple),
        extra=st.dictionaries(
            st.sampled_from(["pronouns", "company", "x_score"]), st.integers() | labels, max_size=2
        ),
    )


_timestamps = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(timezone.utc)
) | st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)).map(
    lambda d: d.replace(tzinfo=timezone(timedelta(hours=-5)))
)


def requests(
    *, with_recipient: bool | None = None, text: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[Request]:
    """Valid requests.

    Args:
        with_recipient: ``True`` always names a recipient, ``False`` never, ``None`` either.
        text: Where every text field is drawn from, the sender's and the recipient's
            included (``requests(text=adversarial_texts())`` for hostile input); by
            default realistic text.
    """
    recipient: st.SearchStrategy[Profile | None]
    if with_recipient is None:
        recipient = st.none() | profiles(text=text)
    elif with_recipient:
        recipient = profiles(text=text)
    else:
        recipient = st.none()
    notes = texts(max_size=300) if text is None else text
    labels = _labels if text is None else text
    return st.builds(
        Request,
        sender=profiles(text=text),
        note=st.none() | notes,
        mutual_connections=st.none() | st.integers(min_value=0, max_value=5000),
        shared_groups=st.none() | st.lists(_group_names, max_size=3).map(tuple),
        sent_at=st.none() | _timestamps,
        id=st.none() | st.text(min_size=1, max_size=12),
        recipient=recipient,
        extra=st.dictionaries(st.sampled_from(["source", "campaign"]), labels, max_size=1),
    )


def json_requests() -> st.SearchStrategy[dict[str, Any]]:
    """Valid requests in their JSON form."""
    return requests().map(Request.to_dict)


def json_values(*, max_leaves: int = 20) -> st.SearchStrategy[Any]:
    """Any value `json.loads` can return (``NaN`` and infinities included), nested.

    Strings may hold lone surrogates and control characters, as JSON's ``\\ud800``
    escapes allow; numbers may be huge, negative or not finite.
    """
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.sampled_from([math.nan, math.inf, -math.inf, -1, 0.5, 1e300, 2**64, -(2**100)]),
        st.text(_any_character, max_size=30),
    )
    return st.recursive(
        scalars,
        lambda children: (
            st.lists(children, max_size=5)
            | st.dictionaries(st.text(_any_character, max_size=10), children, max_size=5)
        ),
        max_leaves=max_leaves,
    )


_REQUEST_FIELDS = tuple(a.name for a in attrs.fields(Request))
_PROFILE_FIELDS = tuple(a.name for a in attrs.fields(Profile))
_DELETE = object()


@st.composite
def _mangled(draw: st.DrawFn, data: dict[str, Any]) -> Any:
    places: list[tuple[str, ...]] = [(name,) for name in _REQUEST_FIELDS]
    places += [(who, name) for who in ("sender", "recipient") for name in _PROFILE_FIELDS]
    edits = st.tuples(
        st.one_of(st.sampled_from(places), st.text(_any_character, max_size=8).map(lambda k: (k,))),
        st.one_of(st.just(_DELETE), json_values(max_leaves=6), adversarial_texts(huge_size=2_000)),
    )
    for place, value in draw(st.lists(edits, min_size=1, max_size=4)):
        target: Any = data
        for key in place[:-1]:
            target = target.get(key) if isinstance(target, dict) else None
        if not isinstance(target, dict):
            continue
        if value is _DELETE:
            target.pop(place[-1], None)
        else:
            target[place[-1]] = value
    return data


def json_kinds(value: Any) -> list[str]:
    """The kinds of bad input in a JSON value meant as a request, by name.

    ``"not an object"``, ``"no sender"``, ``"unknown key"``, ``"NaN"``,
    ``"infinity"``, ``"huge integer"``, ``"nested 4 levels or more"``, and the
    `text_kinds` of every string in it, keys included.
    """
    kinds: dict[str, None] = {}
    if not isinstance(value, dict):
        kinds["not an object"] = None
    else:
        if value.get("sender") is None:
            kinds["no sender"] = None
        known = set(_REQUEST_FIELDS)
        people = [value[who] for who in ("sender", "recipient") if isinstance(value.get(who), dict)]
        if not known.issuperset(value) or any(not set(_PROFILE_FIELDS).issuperset(p) for p in people):
            kinds["unknown key"] = None
    pending = [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            pending.extend((child, depth + 1) for pair in item.items() for child in pair)
        elif isinstance(item, list):
            pending.extend((child, depth + 1) for child in item)
        elif isinstance(item, str):
            kinds.update(dict.fromkeys(text_kinds(item)))
        elif isinstance(item, float) and item != item:
            kinds["NaN"] = None
        elif isinstance(item, float) and item in (math.inf, -math.inf):
            kinds["infinity"] = None
        elif isinstance(item, int) and not isinstance(item, bool) and item.bit_length() > 64:
            kinds["huge integer"] = None
        if depth >= 4:
            kinds["nested 4 levels or more"] = None
    return list(kinds)


def mangled_json_requests() -> st.SearchStrategy[Any]:
    """Request-shaped JSON, usually invalid: the way real inputs go wrong.

    Valid requests in their JSON form with a few fields (of the request, its sender or
    its recipient) deleted, set to any `json_values` or `adversarial_texts`, or added
    under new names; now and then any JSON value at all.
    """
    return st.one_of(json_requests().flatmap(_mangled), json_values())


def votes(*, rule: str | None = None) -> st.SearchStrategy[Vote]:
    """Votes with finite scores, vetoes now and then."""
    return st.builds(
        Vote,
        rule=st.just(rule) if rule is not None else st.sampled_from(["a", "b", "c", "d"]),
        score=st.floats(min_value=-5, max_value=5, allow_nan=False),
        reason=st.text(max_size=20),
        veto=st.booleans(),
        evidence=st.lists(st.text(max_size=10), max_size=2).map(tuple),
    )
