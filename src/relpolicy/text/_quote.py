"""Quoting evidence as it was written: `find_original`."""

from __future__ import annotations

import bisect
import functools
import itertools
import re

from . import _leet as leet
from ._fold import _FOLD, CACHED_LENGTH, _unescape, normalize
from ._skeleton import _APOSTROPHES, clip

# -- quoting evidence ----------------------------------------------------------------

#: Characters that stand for the same letter when a match is looked for as written.
_SAME_LETTER = leet.SAME_LETTER
_FIND_ORIGINAL_LIMIT = 20_000


def find_original(text: str, words: str, *, limit: int = _FIND_ORIGINAL_LIMIT) -> str | None:
    """The part of *text*, as written, that reads as *words* once folded.

    Use it to quote evidence: *words* is what a rule matched in `normalize` or
    `skeleton` of *text*; the result is the same words as the sender wrote them,
    look-alike letters, hidden characters and all. Letters, digits, ``$`` and ``@``
    are compared after folding (leetspeak digits and ``l``/``i`` alike); everything
    else between them is skipped. When *text* has HTML entities, the result is a part
    of the decoded text.

    Args:
        text: The text as written.
        words: Folded words found in it.
        limit: Only the first *limit* characters are searched when the words are
            not written plainly, to keep the search cheap.

    Returns:
        The part of the text, or ``None`` when it cannot be found.
    """
    if len(text) <= CACHED_LENGTH and limit == _FIND_ORIGINAL_LIMIT:
        return _find_original_cached(text, words)  # several rules quote the same words
    return _find_original(text, words, limit)


def _find_original(text: str, words: str, limit: int = _FIND_ORIGINAL_LIMIT) -> str | None:
    wanted = _comparable(words)
    if not wanted:
        return None
    # The rules read the beginning and the end of a long text (see `views`): quote from
    # the same parts, so that each piece of evidence costs the same on any text.
    text = clip(_unescape(text), 5 * limit)
    folded_case = text.casefold()
    if len(folded_case) == len(text):
        start = folded_case.find(words)
        if start >= 0:
            return text[start : start + len(words)]
    text = text[:limit]
    if text.isascii():
        quoted = _find_in_ascii(text, wanted)
        if quoted is not None:
            return quoted
    read = _letters_cached if len(text) <= CACHED_LENGTH else _letters
    for bangs in _BANG_READINGS:
        letters, positions = read(text, bangs)
        found = letters.find(wanted)
        if found >= 0:
            return text[positions[found] : positions[found + len(wanted) - 1] + 1]
    return None


_find_original_cached = functools.lru_cache(maxsize=8192)(_find_original)


def _find_in_ascii(text: str, wanted: str) -> str | None:
    """`find_original` for a plain ASCII text, at the speed of ``str.find``.

    The same search as the general one (letters compared after folding, anything else
    between them skipped): *wanted* is looked for among the text's letters alone, then
    placed back in the text. ``None`` leaves the answer to the general search.
    """
    lowered = text.lower()
    in_words = _BANG_IN_ASCII_WORD.sub("i", lowered).translate(_BANGS_SKIPPED)
    for view in (in_words, lowered, lowered.translate(_BANGS_SKIPPED)):
        letters, starts, offsets = _letter_runs(view.translate(_SAME_LETTER))
        found = letters.find(wanted)
        if found >= 0:
            last = found + len(wanted) - 1
            first_run = bisect.bisect_right(offsets, found) - 1
            last_run = bisect.bisect_right(offsets, last) - 1
            begin = starts[first_run] + found - offsets[first_run]
            end = starts[last_run] + last - offsets[last_run] + 1
            return text[begin:end]
    return None


_BETWEEN_LETTERS = re.compile("([^a-z0-9$@]+)")


@functools.lru_cache(maxsize=256)
def _letter_runs(view: str) -> tuple[str, list[int], list[int]]:
    """The letters of *view* (ASCII, folded) run together, where each run of them starts
    in *view*, and where each starts among the letters (runs may be empty)."""
    parts = _BETWEEN_LETTERS.split(view)  # letters, what parts them, letters, ...
    starts = list(itertools.accumulate(map(len, parts), initial=0))[0::2]
    runs = parts[0::2]
    return "".join(runs), starts, list(itertools.accumulate(map(len, runs), initial=0))


_BANGS_SKIPPED = str.maketrans("!|", "  ")
_BANG_IN_ASCII_WORD = re.compile(r"(?<=[a-z])[!|](?=[a-z])")
#: How `find_original` may read ``!`` and ``|``: as ``i`` between two letters (as
#: `skeleton` reads them), as ``i`` everywhere, or not at all.
_BANG_READINGS = ("word", "all", "none")


def _letters(text: str, bangs: str) -> tuple[str, tuple[int, ...]]:
    """The letters, digits, ``$`` and ``@`` of *text* folded, and where each comes from;
    ``!`` and ``|`` read as *bangs* says (one of `_BANG_READINGS`)."""
    letters: list[str] = []
    positions: list[int] = []
    table = _FOLD
    before = ""  # the last character folding left, to tell whether a "!" is inside a word
    for index, char in enumerate(text):
        if char in "!|" and (
            bangs == "none"
            or (bangs == "word" and not (before.isalpha() and _letter_follows(text, index + 1)))
        ):
            before = char
            continue
        folded_char = table[ord(char)] or ""
        if folded_char:
            before = folded_char[-1]
        for folded in folded_char.translate(_SAME_LETTER):
            if (folded.isalnum() and folded not in _APOSTROPHES) or folded in "$@":
                letters.append(folded)
                positions.append(index)
    return "".join(letters), tuple(positions)


def _letter_follows(text: str, start: int) -> bool:
    """Whether the first character from *start* that folding leaves is a letter."""
    for char in text[start : start + 16]:
        folded = _FOLD[ord(char)]
        if folded:
            return folded[0].isalpha()
    return False


_letters_cached = functools.lru_cache(maxsize=1024)(_letters)


@functools.lru_cache(maxsize=4096)
def _comparable(words: str) -> str:
    return "".join(c for c in normalize(words).translate(_SAME_LETTER) if c.isalnum() or c in "$@")
