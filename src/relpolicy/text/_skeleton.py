"""The view for matching words: `skeleton`, and both views of a text at once."""

from __future__ import annotations

import functools
import re

from . import _leet as leet
from ._fold import _LETTER, CACHED_LENGTH, _LazyTable, _normalize, _normalize_cached, normalize

# -- the skeleton --------------------------------------------------------------------

_BANG_IN_WORD = re.compile(rf"(?<={_LETTER})[!|](?={_LETTER})")
_APOSTROPHES = frozenset("'\u2018\u2019\u02bc`")


def _word_break(char: str) -> str | None:
    """Apostrophes go; letters, digits, ``$``, ``@`` and spaces stay; the rest is a break."""
    if char in _APOSTROPHES:
        return None
    return char if char.isalnum() or char in "$@ " else " "


_WORD_BREAKS = _LazyTable(_word_break)
# On text padded with a space at each end; the leading space is part of the match.
_SINGLE_CHARACTERS = re.compile(r" \S(?: \S){2,}(?= )")
_HAS_LETTER = re.compile(_LETTER)
#: A text is written in heavy leetspeak when at least this many of its words, and at
#: least one word in `_HEAVY_LEET_SHARE`, mix two or more letters with leet digits.
_HEAVY_LEET_WORDS = 3
_HEAVY_LEET_SHARE = 4


def _join_characters(match: re.Match[str]) -> str:
    return " " + match.group().replace(" ", "")


def _leet_words(text: str) -> list[tuple[int, int]]:
    """Where the words of *text* (parted by single spaces) that hold both a letter and a
    leet character (``0 1 3 4 5 7 $ @``) start and end."""
    spans: list[tuple[int, int]] = []
    end = -1
    for found in leet.ANY_LEET.finditer(text):
        if found.start() < end:
            continue  # another leet character of a word already seen
        start = text.rfind(" ", 0, found.start()) + 1
        end = text.find(" ", found.start())
        if end < 0:
            end = len(text)
        if _HAS_LETTER.search(text, start, end):
            spans.append((start, end))
    return spans


def _read_lone_leet(match: re.Match[str]) -> str:
    return match.group().translate(leet.LONE)


def _is_heavy_leet(text: str, leet_words: list[str]) -> bool:
    """Whether *text* (words parted by single spaces) is written mostly in leetspeak."""
    spelled = sum(1 for word in leet_words if sum(c.isalpha() for c in word) >= 2)
    return spelled >= _HEAVY_LEET_WORDS and spelled * _HEAVY_LEET_SHARE >= text.count(" ") + 1


def _skeleton(text: str) -> str:
    return _skeleton_of_normalized(normalize(text))


def _skeleton_of_normalized(text: str) -> str:
    if "!" in text or "|" in text:
        text = _BANG_IN_WORD.sub("i", text)
    # (every break is a space by now, so splitting on white space parts words by one space)
    text = " ".join(text.translate(_WORD_BREAKS).split())
    text = _SINGLE_CHARACTERS.sub(_join_characters, f" {text} ")[1:-1]
    spans = _leet_words(text)
    if spans:
        leet_words = [text[start:end] for start, end in spans]
        heavy = _is_heavy_leet(text, leet_words)
        parts: list[str] = []
        last = 0
        for (start, end), word in zip(spans, leet_words, strict=True):
            parts += (text[last:start], word.translate(leet.IN_WORD))
            last = end
        text = "".join(parts) + text[last:]
        if heavy:
            text = leet.LONE_DIGIT.sub(_read_lone_leet, f" {text} ")[1:-1]
    return text


_skeleton_cached = functools.lru_cache(maxsize=8192)(_skeleton)


def skeleton(text: str) -> str:
    """Fold *text* for matching words: `normalize`, then punctuation and leetspeak undone.

    Punctuation (other than ``$`` and ``@``) becomes a word break and apostrophes go
    (``I'm`` is ``im``); three or more one-character words in a row are joined
    (``s 3 o``); in a word that has a letter, ``0 1 3 4 5 7 @ $`` read as
    ``o i e a s t a s`` (``cl1ents`` is ``clients``), while numbers alone stay numbers
    (``10 new clients``). In a text written mostly in leetspeak (at least three words,
    and a quarter of all, spell a word with leet digits), a lone ``0 1 3 4`` reads as
    the letter too (``b00k 4 c4ll`` is ``book a call``); longer numbers stay. Words are
    separated by single spaces.

    ``1`` reads as ``i``, so a phrase compiled by `phrase_pattern` lets ``i`` and ``l``
    stand for each other.

    Args:
        text: Any string.

    Returns:
        The skeleton; ``skeleton(skeleton(t)) == skeleton(t)``.
    """
    if len(text) <= CACHED_LENGTH:
        return _skeleton_cached(text)
    return _skeleton(text)


#: How many characters of a folded text the standard rules search for phrases, half
#: from its beginning and half from its end: far more than a connection note (LinkedIn
#: allows 300 characters) or a headline (220).
READ_LENGTH = 20_000


def views(text: str, *, limit: int | None = None) -> tuple[str, str]:
    """Both views of *text*, folding it once: ``(normalize(text), skeleton(text))``.

    Args:
        text: Any string.
        limit: Keep of each view only its beginning and its end, this many characters
            in all (see `clip`). Of a text more than five times as long, only as much
            of the beginning and of the end is folded, so that the cost is bounded;
            what hides behind a shorter padding of invisible characters is still read.
    """
    if limit is not None:
        text = clip(text, 5 * limit)
    if len(text) <= CACHED_LENGTH:
        normalized, folded = _normalize_cached(text), _skeleton_cached(text)
    else:
        normalized = _normalize(text)
        folded = _skeleton_of_normalized(normalized)
    if limit is not None:
        return clip(normalized, limit), clip(folded, limit)
    return normalized, folded


def clip(text: str, limit: int) -> str:
    """*text* if it has at most *limit* characters, else its beginning and its end.

    Half of *limit* is taken from each end, cut at a space where there is one near,
    and the two are joined by a space. A rule that reads a clipped text takes bounded
    time on any input, and still sees what was added at the end of a long one.

    Args:
        text: Any string.
        limit: The most characters to keep (2 or more).
    """
    if len(text) <= limit:
        return text
    half = limit // 2
    head_end = text.rfind(" ", half // 2, half + 1)
    tail_start = text.find(" ", len(text) - half, len(text) - half // 2)
    head = text[: head_end if head_end > 0 else half]
    tail = text[tail_start + 1 :] if tail_start >= 0 else text[len(text) - half :]
    return f"{head} {tail}"
