"""Phrase templates: compiled once, matched against skeletons in one pass."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple

import attrs

from . import _leet as leet
from ._fold import _LazyTable
from ._skeleton import skeleton

# -- phrases -------------------------------------------------------------------------

# Every item of a compiled template starts with the space before its word, and the
# skeleton searched is padded with a space at each end: so each match starts with a
# space (which the regular-expression engine finds fast) and ends before one.
_GAP_WORD = r" \S{1,40}"
#: The word that stands for a number (``#``) among the words a template needs, and the
#: numbers of a text that it finds (as many digits as ``#`` takes).
_ANY_NUMBER = "#"
_NUMBER = r" \d{1,9}"
_TEMPLATE_TOKEN = re.compile(r"\*[1-9]?|[()\[\]|#]|[^\s()\[\]|#*]+")


#: One item of a template: the words one of which starts a match of it, and the words
#: one of which a text must hold for it to match (``None``: anything, or nothing), each
#: folded with `_SAME_FIRST_LETTER`.
_Item = tuple["frozenset[str] | None", "frozenset[str] | None"]
_ANYTHING: _Item = (None, None)


class _Compiled(NamedTuple):
    """A template, or a part of one, compiled: its expression, items and word count."""

    source: str
    items: tuple[_Item, ...]
    words: int


class _Template:
    """A recursive-descent reader of one phrase template.

    Choices are compiled once and shared: the word lists that many templates embed (the
    kinds of business a pitch aims at, say) are read the first time only.
    """

    def __init__(self, template: str) -> None:
        self.template = template
        self.tokens = tuple(_TEMPLATE_TOKEN.findall(template))
        self.pos = 0

    def error(self, problem: str) -> ValueError:
        return ValueError(f"phrase {self.template!r}: {problem}")

    def sequence(self, first: bool) -> _Compiled:
        """Items up to a closing bracket or ``|``; the *first* one without its space."""
        parts: list[str] = []
        items: list[_Item] = []
        words = 0
        tokens = self.tokens
        while self.pos < len(tokens) and tokens[self.pos] not in (")", "]", "|"):
            token = tokens[self.pos]
            self.pos += 1
            if first and (token == "[" or token.startswith("*")):
                raise self.error("must start with a word, a '(...)' choice or '#'")
            if token in ("(", "["):
                choice = self.choice(token, first)
                parts.append(choice.source)
                items.extend(choice.items)
                words += choice.words
            elif token.startswith("*"):
                parts.append(f"(?:{_GAP_WORD}){{0,{token[1:] or 3}}}")
                items.append(_ANYTHING)
            elif token == "#":
                parts.append(_NUMBER[first:])
                items.append((_NUMBER_ITEM, _NUMBER_ITEM))
            else:
                pattern, pieces = _word(token)
                if not pattern:
                    continue
                words += 1
                parts.append(pattern if first else " " + pattern)
                items.extend((piece, piece) for piece in pieces)
            first = False
        return _Compiled("".join(parts), tuple(items), words)

    def choice(self, opener: str, first: bool) -> _Compiled:
        """The choice opened by *opener* just before ``self.pos``, read or remembered."""
        end = _closing(self.tokens, self.pos)
        key = (self.tokens[self.pos - 1 : end], first)
        compiled = _CHOICES.get(key)
        if compiled is None:
            compiled = self.group(opener, first)
            if len(_CHOICES) < _CHOICES_KEPT:
                _CHOICES[key] = compiled
        self.pos = end
        return compiled

    def group(self, opener: str, first: bool) -> _Compiled:
        closer = ")" if opener == "(" else "]"
        choices = [self.sequence(first)]
        while self.pos < len(self.tokens) and self.tokens[self.pos] == "|":
            self.pos += 1
            choices.append(self.sequence(first))
        if self.pos >= len(self.tokens):
            raise self.error(f"{opener!r} is never closed")
        if self.tokens[self.pos] != closer:
            raise self.error(f"{opener!r} is closed by {self.tokens[self.pos]!r}")
        self.pos += 1
        sources = [choice.source for choice in choices]
        words = sum(choice.words for choice in choices)
        if opener == "[":
            return _Compiled("(?:" + "|".join(sources) + ")?", (_ANYTHING,), words)
        if not all(sources):
            raise self.error("an alternative in '(...)' is empty; use '[...]' for optional words")
        # A choice starts with the first word of one of its alternatives, and needs one
        # of the words that its alternatives need (the rarest of each).
        starts = [choice.items[0][0] if choice.items else None for choice in choices]
        needs = [_rarest(need for _start, need in choice.items) for choice in choices]
        return _Compiled("(?:" + "|".join(sources) + ")", ((_union(starts), _union(needs)),), words)

    def compile(self) -> _Compiled:
        compiled = self.sequence(first=True)
        if self.pos != len(self.tokens):
            raise self.error(f"unexpected {self.tokens[self.pos]!r}")
        if not compiled.words:
            raise self.error("has no word to look for")
        if compiled.items[0][0] is None:  # (what `PhraseBook` files each template under)
            raise self.error("must start with a word, a '(...)' choice or '#'")
        return compiled


#: Choices already compiled, by their tokens (and whether they start a template).
_CHOICES: dict[tuple[tuple[str, ...], bool], _Compiled] = {}
_CHOICES_KEPT = 4096
_NUMBER_ITEM = frozenset({_ANY_NUMBER})


def _closing(tokens: tuple[str, ...], pos: int) -> int:
    """Where the choice whose first token is before *pos* ends (past its closer)."""
    depth = 1
    while pos < len(tokens):
        token = tokens[pos]
        pos += 1
        if token in ("(", "["):
            depth += 1
        elif token in (")", "]"):
            depth -= 1
            if not depth:
                return pos
    return pos


def _letter_pattern(char: str) -> str:
    return " " if char == " " else leet.LETTER_FORMS.get(char) or re.escape(char)


#: What each character of a template's word becomes in its expression.
_LETTER_PATTERNS = _LazyTable(_letter_pattern)


@functools.lru_cache(maxsize=4096)
def _word(word: str) -> tuple[str, tuple[frozenset[str], ...]]:
    """The expression of a template's *word*, and its pieces as the index files them."""
    folded = word if word.isascii() and word.isalpha() and word.islower() else skeleton(word)
    pattern = folded.translate(_LETTER_PATTERNS)
    pieces = tuple(frozenset({piece.translate(_SAME_FIRST_LETTER)}) for piece in folded.split(" ") if piece)
    return pattern, pieces


@functools.lru_cache(maxsize=1024)
def _compile(template: str) -> _Compiled:
    return _Template(template).compile()


def phrase_pattern(template: str) -> str:
    """The regular expression that finds *template* in a `skeleton`, after a space.

    A template is a phrase, written as people write it, with a little syntax:
    ``(a|b c)`` one of several alternatives, ``[a|b]`` optional alternatives,
    ``*`` up to three words of anything (``*2``: up to two), ``#`` a number. Words are
    folded with `skeleton`, so ``(i'm|i am) a`` finds "I'm a", "Iʼm a" and "I am a",
    and ``i`` and ``l`` stand for each other. A template starts with a word, a choice
    or a number.

    The pattern matches whole words when it is searched for after a space and followed
    by one: search ``" (?:" + pattern + ")(?= )"`` in ``" " + skeleton(text) + " "``,
    or let `PhraseSet` do it. It has no nested unbounded quantifiers, so a search takes
    time linear in the text.

    Args:
        template: The phrase template.

    Returns:
        The pattern's source, to embed in a larger expression.

    Raises:
        ValueError: The template's brackets do not match, it starts with an optional
            part, or it has no word.
    """
    return _compile(template).source


@attrs.frozen
class PhraseMatch:
    """One phrase found by a `PhraseSet`."""

    #: The template that matched, as given.
    template: str
    #: The words matched, as they read in the skeleton.
    words: str
    #: Where the match starts in the skeleton.
    start: int


class PhraseBook:
    """Named lists of phrase templates, all matched against a skeleton in one pass.

    A rule that looks for several kinds of wording (an offer, a claim, a call to action)
    keeps each kind in its own list, and asks once per text which of them occur. Each
    list is matched as a `PhraseSet` of it would be; what is shared is the work: the
    text's words are looked up once, and a template is only tried where the words it
    cannot do without all stand in the text, so most templates are never tried at all.

    Build it when a rule is configured (or at import), never per request.

    Args:
        lists: Phrase templates in the syntax of `phrase_pattern`, by list name.

    Raises:
        ValueError: A template is not valid; the message quotes it.
    """

    __slots__ = (
        "_by_key",
        "_firsts",
        "_keys",
        "_list_names",
        "_list_number",
        "_needs_all",
        "_needs_one_of",
        "_patterns",
        "_sources",
        "_templates",
        "lists",
    )

    def __init__(self, lists: Mapping[str, Iterable[str]]) -> None:
        #: The templates by list name, in the order given.
        self.lists: dict[str, tuple[str, ...]] = {name: tuple(templates) for name, templates in lists.items()}
        # Every template of every list gets a number: lists in order, templates in order.
        self._list_names = tuple(self.lists)
        self._list_number = tuple(
            number for number, templates in enumerate(self.lists.values()) for _template in templates
        )
        self._templates = tuple(template for templates in self.lists.values() for template in templates)
        compiled = [_compile(template) for template in self._templates]
        self._sources = tuple(entry.source for entry in compiled)
        # (compiled on first use: a program that never reads a note never pays for them)
        self._patterns: list[re.Pattern[str] | None] = [None] * len(self._sources)
        # (every template starts with a word, a number or a choice of them: see `_Template`)
        self._firsts = tuple(entry.items[0][0] or frozenset() for entry in compiled)
        requires = [tuple(need for _first, need in entry.items if need is not None) for entry in compiled]
        # A template can only match a text that holds every word it needs, and one word
        # of each choice it needs one of.
        self._needs_all = tuple(
            frozenset().union(*(need for need in needs if len(need) == 1)) for needs in requires
        )
        self._needs_one_of = tuple(tuple(need for need in needs if len(need) > 1) for needs in requires)
        # Each template is filed under the rarest word it cannot do without (its first
        # word, at least, it needs): a text that holds none of its forms cannot match it.
        by_key: dict[str, list[int]] = {}
        for number, needs in enumerate(requires):
            for word in min(needs, key=_commonness):
                by_key.setdefault(word, []).append(number)
        self._by_key = {word: tuple(numbers) for word, numbers in by_key.items()}
        self._keys = frozenset(by_key)

    def matches_in_skeleton(self, folded: str) -> dict[str, list[PhraseMatch]]:
        """The matches of each list in *folded*, a text already passed through `skeleton`.

        Returns:
            By list name (only the lists that match), every non-overlapping match, as
            one alternation of the list's templates would find them: leftmost first,
            and at one place the first template (in the order given) that matches there.
        """
        if not folded or not self._sources:
            return {}
        padded, same, present = _text_words(folded)
        hits = self._keys & present  # (a set's intersection walks the smaller set)
        if not hits:
            return {}  # the usual case: the text holds no word that a template needs
        candidates: set[int] = set()
        index = self._by_key
        for word in hits:
            candidates.update(index[word])
        needs_all, needs_one_of, firsts = self._needs_all, self._needs_one_of, self._firsts
        patterns = self._patterns
        # Every match of every candidate where one of its first words stands, as
        # (list, start, template, match): sorted, the first match at each start wins.
        found: list[tuple[int, int, int, re.Match[str]]] = []
        disjoint = present.isdisjoint
        for number in candidates:
            if not needs_all[number] <= present or any(map(disjoint, needs_one_of[number])):
                continue
            match_at = (patterns[number] or self._pattern(number)).match
            which = self._list_number[number]
            for word in firsts[number] & present:
                for position in _positions(same, padded, word):
                    match = match_at(padded, position)
                    if match is not None:
                        found.append((which, position, number, match))
        if not found:
            return {}
        found.sort(key=_list_start_template)
        names, templates = self._list_names, self._templates
        matches: dict[str, list[PhraseMatch]] = {}
        cursor, current = 0, -1
        for which, start, number, match in found:
            if which != current:
                cursor, current = 0, which
            elif start < cursor:
                continue
            matches.setdefault(names[which], []).append(
                PhraseMatch(templates[number], match.group()[1:], start)
            )
            cursor = match.end()
        return matches

    def _pattern(self, number: int) -> re.Pattern[str]:
        """Template *number*'s expression, compiled the first time it is needed."""
        pattern = self._patterns[number]
        if pattern is None:
            pattern = self._patterns[number] = re.compile(f" (?:{self._sources[number]})(?= )")
        return pattern

    def find(self, text: str) -> dict[str, list[PhraseMatch]]:
        """The matches of each list in the skeleton of *text* (see `matches_in_skeleton`)."""
        return self.matches_in_skeleton(skeleton(text))

    def __bool__(self) -> bool:
        return bool(self._sources)

    def __repr__(self) -> str:
        return f"PhraseBook({self.lists!r})"


class PhraseSet:
    """Phrase templates compiled once, matched against skeletons.

    Build it when a rule is configured (or at import), never per request. To look for
    several lists of templates in the same text, a `PhraseBook` does it in one pass.

    Args:
        templates: Phrase templates in the syntax of `phrase_pattern`.

    Raises:
        ValueError: A template is not valid; the message quotes it.
    """

    __slots__ = ("_book", "templates")

    def __init__(self, templates: Iterable[str]) -> None:
        #: The templates, in the order given.
        self.templates: tuple[str, ...] = tuple(templates)
        self._book = PhraseBook({"": self.templates})

    def matches_in_skeleton(self, folded: str) -> Iterator[PhraseMatch]:
        """Every non-overlapping match in *folded*, a text already passed through `skeleton`.

        As one alternation of all the templates would find them: leftmost first, and at
        one place the first template (in the order given) that matches there.
        """
        return iter(self._book.matches_in_skeleton(folded).get("", ()))

    def find(self, text: str) -> list[PhraseMatch]:
        """Every non-overlapping match in the skeleton of *text*."""
        return list(self.matches_in_skeleton(skeleton(text)))

    def __bool__(self) -> bool:
        return bool(self.templates)

    def __repr__(self) -> str:
        return f"PhraseSet({list(self.templates)!r})"


def _list_start_template(found: tuple[int, int, int, re.Match[str]]) -> tuple[int, int, int]:
    """How `PhraseBook` orders the matches it found: by list, start, then template."""
    return found[:3]


#: Folds the letters a phrase's word may be written with (see `_leet.LETTER_FORMS`) to one,
#: so that a text's words can be looked up among the words templates need.
_SAME_FIRST_LETTER = leet.SAME_FIRST_LETTER
_NUMBER_WORD = re.compile(r" \d{1,9}(?= )")  # (a literal first: the engine skips to each space)


@functools.lru_cache(maxsize=256)
def _text_words(folded: str) -> tuple[str, str, frozenset[str]]:
    """A skeleton padded with a space at each end, the same folded with
    `_SAME_FIRST_LETTER`, and the set of its words so folded (``#`` if it holds a number).

    Cached: every phrase book a rule tries on a text looks its words up here.
    """
    padded = f" {folded} "
    same = padded.translate(_SAME_FIRST_LETTER)
    words = frozenset(same.split())
    if _NUMBER_WORD.search(padded):
        words |= _NUMBER_ITEM
    return padded, same, words


def _positions(same: str, padded: str, word: str) -> Iterator[int]:
    """Where *word* stands in a text: the offsets of the space before it."""
    if word == _ANY_NUMBER:
        yield from (number.start() for number in _NUMBER_WORD.finditer(padded))
        return
    needle = f" {word} "
    position = same.find(needle)
    while position >= 0:
        yield position
        position = same.find(needle, position + 1)


#: Words so common that most notes hold them: a template is filed under a rarer word it
#: needs where it has one (folded with `_SAME_FIRST_LETTER`, as the index is).
_COMMON_WORDS = frozenset(
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "for", "from", "get", "have",
        "i", "im", "in", "is", "it", "me", "my", "new", "of", "on", "or", "our", "so", "that", "the",
        "this", "to", "we", "wiii", "with", "you", "your",  # ("wiii": "will" as the index spells it)
    }
)  # fmt: skip
#: What `_commonness` counts as common: the common words, and any number.
_COMMON_NEEDS = _COMMON_WORDS | {_ANY_NUMBER}


@functools.lru_cache(maxsize=4096)
def _commonness(need: frozenset[str]) -> tuple[int, int]:
    """How likely a text is to hold one of the words in *need*: common words, then many."""
    return (len(need & _COMMON_NEEDS), len(need))


def _union(sets: list[frozenset[str] | None]) -> frozenset[str] | None:
    """All the words of *sets*; ``None`` when one of them is ``None`` (anything goes)."""
    known = [words for words in sets if words is not None]
    if len(known) < len(sets):
        return None
    return frozenset().union(*known)


def _rarest(needs: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    """The need that a text is least likely to meet; ``None`` when there is none."""
    return min((need for need in needs if need is not None), key=_commonness, default=None)


def check_phrases(instance: object, attribute: attrs.Attribute[Any], templates: Iterable[str]) -> None:
    """An attrs validator for a setting that holds phrase templates (see `phrase_pattern`).

    Raises:
        ValueError: naming the index of the first template that is not valid.
    """
    for index, template in enumerate(templates):
        try:
            phrase_pattern(template)
        except ValueError as exc:
            raise ValueError(f"[{index}]: {exc}") from None


def find_phrases(normalized: str, phrases: Iterable[str]) -> list[str]:
    """The *phrases* (already normalised) that occur in *normalized* as whole words.

    A phrase occurs as whole words when the characters on either side of it are not
    letters or digits. Each phrase is looked for with ``str.find``, in linear time.

    Args:
        normalized: Text passed through `normalize`.
        phrases: Phrases passed through `normalize`.

    Returns:
        The phrases found, in the order given.
    """
    found = []
    for phrase in phrases:
        if phrase and _occurs_as_words(normalized, phrase):
            found.append(phrase)
    return found


def word_positions(folded: str, words: str) -> list[int]:
    """Where *words* stand in *folded*, as a phrase template of those words matches them.

    Both are skeletons (see `skeleton`). The words must stand whole, and a letter of
    *words* matches what it matches in a template: ``i``, ``l`` and ``1`` alike, ``o``
    and ``0``, and so on (see `phrase_pattern`). For looking up a word that varies
    from request to request, such as the sender's name, where compiling a template for
    each would cost more than reading the note.

    Args:
        folded: The text's skeleton.
        words: The words' skeleton.

    Returns:
        The offsets in *folded* where the words start, in order; they may overlap.
    """
    if not words or not folded:
        return []
    padded, same, _present = _text_words(folded)
    # Folded alike, a letter matches its look-alikes; a digit of the words matches only
    # itself. (The space before the words in the padded text is where they start in *folded*.)
    digits = [(offset, char) for offset, char in enumerate(words) if char.isdigit()]
    return [
        position
        for position in _positions(same, padded, words.translate(_SAME_FIRST_LETTER))
        if all(folded[position + offset] == char for offset, char in digits)
    ]


def _occurs_as_words(text: str, phrase: str) -> bool:
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        before_ok = start == 0 or not text[start - 1].isalnum() or not phrase[0].isalnum()
        after_ok = end == len(text) or not text[end].isalnum() or not phrase[-1].isalnum()
        if before_ok and after_ok:
            return True
        start = text.find(phrase, start + 1)
    return False
