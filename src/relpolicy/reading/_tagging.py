"""Cutting a text into sentences of folded words, and tagging each word with its classes."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import attrs

from ..text import READ_LENGTH, clip, normalize
from ..text._skeleton import _skeleton_of_normalized
from ._words import CLASSES

#: The longest phrase of a word class, in words.
_LONGEST = max(len(phrase.split()) for words in CLASSES.values() for phrase in words)


def _phrase_index() -> dict[str, tuple[tuple[int, str, frozenset[str]], ...]]:
    """By first word: each phrase that starts with it (longest first), with its length and classes."""
    classes_of: dict[str, set[str]] = {}
    for name, phrases in CLASSES.items():
        for phrase in phrases:
            classes_of.setdefault(phrase, set()).add(name)
    index: dict[str, list[tuple[int, str, frozenset[str]]]] = {}
    for phrase, names in classes_of.items():
        words = phrase.split()
        index.setdefault(words[0], []).append((len(words), phrase, frozenset(names)))
    return {first: tuple(sorted(found, reverse=True)) for first, found in index.items()}


_INDEX = _phrase_index()

#: Where a sentence ends: a stop, a question or exclamation mark, a semicolon, a dash
#: between words, a bullet or a line break (not the dot of "1.2" or "calendly.com").
_SENTENCE_END = re.compile(
    r"(?<=[.!?;])\s+|[\n\r|•·]+|\s[-–—]+\s|\s*[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2764]+\ufe0f?\s*"
)
_NUMBER = re.compile(r"\d")


@attrs.frozen
class Sentence:
    """One sentence of a text, folded, with the word classes its words belong to."""

    #: The sentence's words, as `relpolicy.text.skeleton` spells them.
    words: tuple[str, ...]
    #: By class: the spans ``(start, end)`` of the words (or phrases) of that class.
    spans: dict[str, tuple[tuple[int, int], ...]]
    #: The sentence in the light view (`relpolicy.text.normalize`): digits, ``$`` and
    #: ``%`` as written.
    light: str
    #: Whether it asks a question.
    question: bool
    #: Whether it holds a figure.
    has_number: bool = False
    #: The classes it holds, and ``NUMBER``, ``QUESTION``, ``MONEY``, ``PERCENT`` and
    #: ``LINK`` where it holds those: what decides which frames are tried on it.
    marks: frozenset[str] = frozenset()

    def has(self, *names: str) -> bool:
        """Whether a word of one of the classes *names* stands in the sentence."""
        spans = self.spans
        return any(name in spans for name in names)

    def at(self, *names: str) -> list[tuple[int, int]]:
        """The spans of the words of classes *names*, in order."""
        spans = self.spans
        if len(names) == 1:
            return list(spans.get(names[0], ()))
        return sorted(span for name in names for span in spans.get(name, ()))

    def first(self, *names: str) -> int:
        """Where the first word of classes *names* starts; the sentence's length if none does."""
        found = [span[0] for name in names for span in self.spans.get(name, ())]
        return min(found) if found else len(self.words)

    def last(self, *names: str) -> int:
        """Where the last word of classes *names* ends; -1 if none does."""
        found = [span[1] for name in names for span in self.spans.get(name, ())]
        return max(found) if found else -1

    def text(self, start: int = 0, end: int | None = None) -> str:
        """The words from *start* to *end*, joined by spaces."""
        return " ".join(self.words[start:end])


def _tag(words: tuple[str, ...]) -> dict[str, tuple[tuple[int, int], ...]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    index = _INDEX
    count = len(words)
    for start, word in enumerate(words):
        candidates = index.get(word)
        if candidates is None:
            continue
        for length, phrase, names in candidates:
            end = start + length
            if end > count:
                continue
            if length > 1 and " ".join(words[start:end]) != phrase:
                continue
            for name in names:
                spans.setdefault(name, []).append((start, end))
    return {name: tuple(found) for name, found in spans.items()}


_MONEY = re.compile(
    r"[$€£]|\d\s?(?:k|m|mm|dollars|usd|eur|gbp|euros?)\b|\b(?:usd|eur|gbp|inr|rs)\.?\s?\d", re.I
)
_PERCENT = re.compile(r"\d\s?(?:%|percent\b)")
_LINK = re.compile(r"https?://|www\.|\.(?:com|io|co|ai|net|org|ly|me|app|link)\b|calendly")


@functools.lru_cache(maxsize=16384)
def sentence_of(light: str) -> Sentence:
    """One sentence, in its light form (`relpolicy.text.normalize`), folded and tagged."""
    words = tuple(_skeleton_of_normalized(light).split())
    spans = _tag(words)
    marks = set(spans)
    question = "?" in light
    has_number = _NUMBER.search(light) is not None
    if question:
        marks.add("QUESTION")
    if has_number:
        marks.add("NUMBER")
        if _MONEY.search(light):
            marks.add("MONEY")
        if _PERCENT.search(light):
            marks.add("PERCENT")
    if "." in light and _LINK.search(light):
        marks.add("LINK")
    return Sentence(words, spans, light, question, has_number, frozenset(marks))


def sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of *text*, folded and tagged.

    Only the beginning and the end of a very long text are read (`relpolicy.text.READ_LENGTH`
    characters), so that reading takes bounded time.
    """
    if len(text) <= 4096:
        return _sentences(text)
    return _sentences.__wrapped__(clip(text, 5 * READ_LENGTH))


@functools.lru_cache(maxsize=8192)
def _sentences(text: str) -> tuple[Sentence, ...]:
    light = clip(normalize(text), READ_LENGTH)
    return tuple(sentence_of(part.strip()) for part in _parts(light) if part.strip())


def _parts(light: str) -> Iterator[str]:
    start = 0
    for end in _SENTENCE_END.finditer(light):
        yield from _pieces(light[start : end.start()])
        start = end.end()
    yield from _pieces(light[start:])


#: The most words a sentence is read in at once: a frame looks a few words around
#: each word, and a run of words with no end is read in pieces of this many, so that
#: reading takes time in proportion to the text.
LONGEST = 60


def _pieces(part: str) -> Iterator[str]:
    if part.count(" ") < LONGEST:
        yield part
        return
    words = part.split()
    for start in range(0, len(words), LONGEST):
        yield " ".join(words[start : start + LONGEST])
