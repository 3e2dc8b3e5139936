"""Finding the moves of a sales pitch in a note and a headline, and weighing them."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import NamedTuple

import attrs

from ..text import (
    CACHED_LENGTH,
    READ_LENGTH,
    PhraseBook,
    clip,
    count_invisible,
    find_original,
    has_mixed_scripts,
    views,
)
from . import _pitch_phrases as _phrases

#: The categories of a pitch, in the order their evidence is quoted, with their
#: default phrase templates.
CATEGORIES: dict[str, tuple[str, ...]] = {
    "offer": _phrases.OFFER,
    "slogan": _phrases.SLOGAN,
    "claim": _phrases.CLAIM,
    "guarantee": _phrases.GUARANTEE,
    "call_to_action": _phrases.CALL_TO_ACTION,
    "scarcity": _phrases.SCARCITY,
    "service": _phrases.SERVICE,
    "price": _phrases.PRICE,
    "meeting": _phrases.MEETING,
    "advert": _phrases.ADVERT,
    "service_headline": _phrases.SERVICE_HEADLINE,
    "seeking": _phrases.SEEKING,
}
#: How each category reads in a vote's reason.
LABELS = {
    "offer": "an offer aimed at your business",
    "slogan": "a sales slogan",
    "claim": "a revenue or client-count claim",
    "guarantee": "a guarantee",
    "call_to_action": "a call to book, message or click",
    "scarcity": "pressure of scarcity",
    "service": "a service sold by pitching",
    "price": "a price quoted for a service",
    "meeting": "a push for a call or a demo",
    "advert": "an advertisement of a service or product",
    "service_headline": "a headline that lists services for clients",
    "disguised": "wording disguised to pass a filter",
}
#: The categories that push a slogan into a pitch.
_PUSHES = frozenset({"claim", "guarantee", "call_to_action", "scarcity", "price", "meeting"})
_SUPPORT = ("slogan", "claim", "guarantee", "call_to_action", "scarcity", "service", "price")
#: What a push for a call or a demo must follow to count: "after an offer".
_SOLD_BEFORE_A_CALL = frozenset({"slogan", "price"})
#: A claim of results or a price, with a call to act on it, is a pitch.
_TERMS = frozenset({"claim", "price"})
_CALLS = frozenset({"call_to_action", "meeting"})
#: Advertising a service where a person would describe themselves: a weak signal on
#: its own, discounted entirely when the writer seeks work or serves as a volunteer.
_ADVERTISING = frozenset({"advert", "service_headline"})
#: Categories read only in the headline.
_HEADLINE_ONLY = frozenset({"service_headline"})
_MAX_EVIDENCE = 6
_DIGIT = re.compile(r"\d")
_MAX_QUOTE = 160


@attrs.frozen
class Pitch:
    """What `Detector.find` found in a note and a headline."""

    #: ``"clear"``, ``"weak"``, ``"hidden"`` (only hidden characters) or ``"none"``.
    level: str
    #: The categories that made the pitch, among `CATEGORIES` and ``disguised``.
    categories: tuple[str, ...] = ()
    #: The words found, quoted as the sender wrote them where they can be found.
    evidence: tuple[str, ...] = ()
    #: Where: ``"note"``, ``"headline"`` or both.
    where: tuple[str, ...] = ()
    #: How many invisible characters the note hides.
    invisible: int = 0

    def __bool__(self) -> bool:
        """Whether there is any sales signal (hidden characters alone are not one)."""
        return self.level in ("clear", "weak")


NO_PITCH = Pitch("none")


@attrs.frozen
class _Found:
    #: By category, the (template, words) matched.
    categories: dict[str, list[tuple[str, str]]]
    invisible: int
    mixed: bool


class _Match(NamedTuple):
    template: str
    text: str
    words: str


class PitchFinder:
    """Finds the moves of a sales pitch in a note and a headline: compiled phrases, and a cache.

    Build it once (or use `find_pitch`); its answers are cached per text, so that
    deciding many requests with the same note or headline reads each once.

    Args:
        extra: Phrase templates to add, by category name (a key of `CATEGORIES`).

    Raises:
        ValueError: A category name is unknown or a template is not valid.
    """

    def __init__(self, extra: Mapping[str, tuple[str, ...]] | None = None) -> None:
        extra = extra or {}
        unknown = set(extra) - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown categories: {sorted(unknown)}")
        self._phrases = PhraseBook({name: (*CATEGORIES[name], *extra.get(name, ())) for name in CATEGORIES})
        self._find_cached = functools.lru_cache(maxsize=8192)(self._find)
        self._read_cached = functools.lru_cache(maxsize=8192)(self._read)

    # -- public ---------------------------------------------------------------------

    def find(self, note: str | None, headline: str | None = None) -> Pitch:
        """What pitch, if any, *note* and *headline* make."""
        if (note is None or len(note) <= CACHED_LENGTH) and (
            headline is None or len(headline) <= CACHED_LENGTH
        ):
            return self._find_cached(note, headline)
        return self._find(note, headline)

    # -- reading --------------------------------------------------------------------

    def _read(self, text: str, headline: bool) -> _Found:
        normalized, folded = views(text, limit=READ_LENGTH)
        found = {
            name: [(match.template, match.words) for match in matches]
            for name, matches in self._phrases.matches_in_skeleton(folded).items()
            if headline or name not in _HEADLINE_ONLY
        }
        # Numbers are read in the light view, where "$50k/month" still reads as written;
        # every claim or price written in figures has a digit.
        claims: list[tuple[str, str]] = []
        prices: list[tuple[str, str]] = []
        if _DIGIT.search(normalized) or _DIGIT.search(folded):
            claims = _numbers(_phrases.CLAIM_NUMBERS, normalized, folded)
            prices = [("#", m.group()) for m in _phrases.PRICE_NUMBERS.finditer(normalized)]
        if "figure" in normalized:
            claims += [("#", m.group()) for m in _phrases.CLAIM_FIGURE_WORDS.finditer(normalized)]
        for name, words in (("claim", claims), ("price", prices)):
            if words:
                found[name] = found.get(name, []) + words
        text = clip(text, 5 * READ_LENGTH)
        return _Found(found, count_invisible(text), has_mixed_scripts(text))

    def _find(self, note: str | None, headline: str | None) -> Pitch:
        parts = [(where, text) for where, text in (("note", note), ("headline", headline)) if text]
        if not parts:
            return NO_PITCH
        read = [
            (
                where,
                text,
                self._read_cached(text, where == "headline")
                if len(text) <= CACHED_LENGTH
                else self._read(text, where == "headline"),
            )
            for where, text in parts
        ]
        categories: dict[str, list[_Match]] = {}
        for _where, text, found in read:
            for name, matches in found.categories.items():
                categories.setdefault(name, []).extend(_Match(t, text, w) for t, w in matches)
        invisible = sum(found.invisible for where, _text, found in read if where == "note")
        disguised = invisible > 0 or any(found.mixed for _where, _text, found in read)
        if not categories and not disguised:
            return NO_PITCH  # (the usual case, and what `_weigh` would make of it)
        level, counted = _weigh(categories, disguised)
        if level == "none":
            return Pitch("hidden", ("disguised",), (), ("note",), invisible) if disguised else NO_PITCH
        names = [name for name in CATEGORIES if name in counted]
        if disguised:
            names.append("disguised")
        where = tuple(where for where, _text, found in read if counted & set(found.categories) or found.mixed)
        evidence = _quote({name: categories[name] for name in names if name in categories})
        return Pitch(level, tuple(names), evidence, where, invisible)


def _weigh(categories: Mapping[str, list[_Match]], disguised: bool) -> tuple[str, frozenset[str]]:
    """How strongly the categories found make a pitch, and which of them count.

    Returns ``"clear"``, ``"weak"`` or ``"none"``, with the categories that count. An
    offer aimed at the reader is a pitch's direction; with anything else, or with a
    second kind of offer, it is a clear pitch. A sales slogan pushed by a claim, a
    guarantee, a call to action, scarcity or a price is one too, as is a claim of
    results or a price with a call to act on it, and three weaker categories together.
    A push for a call or a demo counts only after an offer, a slogan, a price or two
    other signs, since a genuine note proposes a call too. Advertising a service, or
    quoting a price, is a weak signal on its own.

    When the writer also says they seek work or advice, or serve as a volunteer, the
    weaker categories need one more of their kind and advertising does not count,
    since such a writer may well describe their own work in a salesperson's words; but
    not when two of them push the reader to act. Disguised wording counts as one more
    category.
    """
    offers = len({match.template for match in categories.get("offer", ())})
    seeking = "seeking" in categories
    support = {name for name in _SUPPORT if name in categories}
    ads = set() if seeking else {name for name in _ADVERTISING if name in categories}
    if "meeting" in categories and (offers or support & _SOLD_BEFORE_A_CALL or len(support | ads) >= 2):
        support.add("meeting")
    counted = frozenset({"offer"} if offers else ()) | support | ads
    others = len(support) + disguised
    bar = 1 if seeking else 0
    if offers >= 2 or (offers and (others or ads)):
        return "clear", counted
    pushes = support & _PUSHES
    if (
        others - bar >= 3
        or (len(pushes) >= 2 and others >= 3)
        or ("slogan" in support and pushes and others - bar >= 2)
        or (support & _TERMS and support & _CALLS and others - bar >= 2)
    ):
        return "clear", counted
    if offers or others - bar >= 2 or ads or ("price" in support and others - bar >= 1):
        return "weak", counted
    return "none", frozenset()


def _numbers(pattern: re.Pattern[str], normalized: str, folded: str) -> list[tuple[str, str]]:
    """Matches of *pattern* in the light view, and in the skeleton when leetspeak hid them."""
    found = [("#", match.group()) for match in pattern.finditer(normalized)]
    if folded != normalized:
        seen = {words for _template, words in found}
        found += [("#", m.group()) for m in pattern.finditer(folded) if m.group() not in seen]
    return found


def _quote(categories: Mapping[str, list[_Match]]) -> tuple[str, ...]:
    quotes: list[str] = []
    for name in CATEGORIES:
        if name == "seeking":
            continue
        for match in categories.get(name, ())[:3]:
            quote = find_original(match.text, match.words) or match.words
            if len(quote) > _MAX_QUOTE:
                quote = quote[: _MAX_QUOTE - 1] + "…"
            if quote not in quotes:
                quotes.append(quote)
    return tuple(quotes[:_MAX_EVIDENCE])


#: The finder with the default phrases.
DEFAULT_FINDER = PitchFinder()


def find_pitch(note: str | None, headline: str | None = None) -> Pitch:
    """What sales pitch, if any, *note* and *headline* make, read with the default phrases.

    Args:
        note: A connection note.
        headline: The sender's headline.

    Returns:
        A `Pitch`; it is true when there is a sales signal, and its ``level`` says
        whether it is ``"clear"`` or ``"weak"``.
    """
    return DEFAULT_FINDER.find(note, headline)
