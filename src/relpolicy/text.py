"""Text helpers for rules: folding what strangers write, and finding phrases in it.

A writer who wants to slip past a keyword filter has many tricks: look-alike letters
from other scripts (Cyrillic ``е`` for Latin ``e``), zero-width characters inside a
word, fullwidth or mathematical letters, HTML entities, letters spaced or dotted out
(``w e b s i t e``, ``s.e.o``), digits for letters (``cl1ents``) and mixed case. Rules
should therefore compare folded text with folded phrases. Two views are offered:

`normalize`
    The light view, for reading words *and numbers*: HTML entities decoded,
    compatibility forms unified (as NFKC and NFKD do), accents and invisible characters dropped,
    case folded, look-alike letters made Latin, letters spaced or dotted out joined,
    white space collapsed. Digits and punctuation stay, so ``$50k/month`` and
    ``6 and 7 figure`` read as written.
`skeleton`
    The view for matching words: `normalize`, then punctuation as word breaks,
    apostrophes dropped (``i'm`` is ``im``) and digits or symbols inside words read
    as the letters they stand for (``w3bs1te`` is ``website``, ``$ales`` is ``sales``).
    Compare it with the skeleton of a phrase, which `phrase_pattern`, `PhraseSet` and
    `PhraseBook` do.

Both are idempotent (folding folded text changes nothing), never raise (lone
surrogates and control characters included) and take time linear in the text: they are
built from ``str.translate`` and regular expressions without nested quantifiers.
Results for texts up to `CACHED_LENGTH` characters are cached, so several rules
reading the same note fold it once.

`count_invisible` and `has_mixed_scripts` tell whether a text hides something, which
is a signal in itself; `find_original` finds the words of a match in the text as it
was written, to quote as evidence.
"""

from __future__ import annotations

import bisect
import functools
import html
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, NamedTuple

import attrs

from ._errors import ConfigError
from ._hints import close_matches

__all__ = [
    "CACHED_LENGTH",
    "READ_LENGTH",
    "PhraseBook",
    "PhraseMatch",
    "PhraseSet",
    "clip",
    "count_invisible",
    "find_original",
    "find_phrases",
    "has_mixed_scripts",
    "normalize",
    "phrase_pattern",
    "phrases_from_settings",
    "skeleton",
    "views",
    "word_positions",
]

#: Texts up to this many characters have their folded forms cached (longer ones are
#: folded each time, so that a huge note is not kept alive by a cache).
CACHED_LENGTH = 4096

# -- folding one character -----------------------------------------------------------

#: Letters of other scripts and letter-like symbols that read as a Latin letter, and
#: that NFKD does not already turn into one. A hand-picked subset of the "prototype"
#: mappings of Unicode Technical Standard #39 (Unicode Security Mechanisms), data
#: file ``confusables.txt``, for the Latin alphabet: Cyrillic, Greek, Armenian and
#: Cherokee look-alikes, Latin small capitals and letter variants, and the enclosed
#: letters of "fancy text" generators. Each maps to the *lowercase* Latin letter of the
#: same shape; where case changes the shape (Greek ``Η`` reads H, ``η`` reads n) the
#: upper- and lowercase forms are mapped separately, before case is folded.
_CONFUSABLES_BY_LETTER: dict[str, str] = {
    "a": "аАαΑɑᴀꭺᎪ",
    "b": "вВβΒʙᏴ",
    "c": "сСϲϹᴄᏟ",
    "d": "ԁԀᴅᎠ",
    "e": "еЕεΕᴇᎬ",
    "g": "ɡɢᏀց",
    "h": "һнНΗʜᎻհ",
    "i": "іІιΙıɩɪӏ",
    "j": "јЈϳȷᴊᎫ",
    "k": "кКκΚᴋᏦ",
    "l": "ӀʟᏞ",
    "m": "мМΜᴍᎷ",
    "n": "ηΝɴո",
    "o": "оОοΟᴏօø",
    "p": "рРρΡᴘᏢ",
    "q": "ԛԚզ",
    "r": "ʀ",
    "s": "ѕЅꜱᏚ",
    "t": "тТτΤᴛᎢ",
    "u": "υᴜս",
    "v": "νᴠᏙ",
    "w": "ԝԜωᴡᎳ",
    "x": "хХχΧ",
    "y": "уУүҮΥʏ",
    "z": "ΖᴢᏃ",
}
# Squared, negative circled, negative squared and regional-indicator letters A to Z,
# which have no decomposition.
_ENCLOSED_ALPHABETS = (0x1F130, 0x1F150, 0x1F170, 0x1F1E6)
_CONFUSABLES: dict[str, str] = {
    **{chr(start + offset): chr(ord("a") + offset) for start in _ENCLOSED_ALPHABETS for offset in range(26)},
    **{char: letter for letter, chars in _CONFUSABLES_BY_LETTER.items() for char in chars},
}

#: Characters that show nothing but are not format characters (category Cf): the
#: Hangul fillers (choseong, jungseong, compatibility and halfwidth) and the braille blank.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_DROPPED_CATEGORIES = frozenset({"Mn", "Me", "Cf", "Cs"})
_SPACE_CATEGORIES = frozenset({"Zs", "Zl", "Zp"})
_HANGUL_SYLLABLES = range(0xAC00, 0xD7A4)


def _fold_step(char: str) -> str:
    """One step of folding *char*; a character it leaves alone is fully folded."""
    if char in _CONFUSABLES:
        return _CONFUSABLES[char]
    if char == "&":  # so that folded text never holds an HTML entity to decode again
        return " and "
    category = unicodedata.category(char)
    if category in _DROPPED_CATEGORIES or char in _BLANK_LETTERS:
        return ""
    if category == "Cc":
        return " " if char.isspace() else ""
    if category in _SPACE_CATEGORIES:
        return " "
    if ord(char) in _HANGUL_SYLLABLES:  # NFKD would split them into jamo
        return char
    decomposed = unicodedata.normalize("NFKD", char)
    if decomposed != char:
        return decomposed
    return char.casefold()


def _fold_char(char: str, depth: int = 0) -> str:
    """Fold *char* until every character of the result folds to itself."""
    step = _fold_step(char)
    if step == char or depth > 12:
        return step
    return "".join(_fold_char(c, depth + 1) for c in step)


class _LazyTable(dict[int, "str | None"]):
    """A ``str.translate`` table that maps each character on first sight, then remembers.

    It only ever holds the values of a pure function (like an ``lru_cache``) and stops
    remembering past `_LIMIT` entries, so it is safe to share between threads.
    """

    __slots__ = ("_function",)
    _LIMIT = 200_000

    def __init__(self, function: Callable[[str], str | None]) -> None:
        super().__init__((code, function(chr(code))) for code in range(128))
        self._function = function

    def __missing__(self, code: int) -> str | None:
        mapped = self._function(chr(code))
        if len(self) < self._LIMIT:
            self[code] = mapped
        return mapped


_FOLD = _LazyTable(_fold_char)

# -- the light view ------------------------------------------------------------------

_SPACES = re.compile(" {2,}")
# Three or more one-letter words in a row, each pair parted by the same one to three
# separators: "w e b s i t e", "s.e.o", "S - E - O" (but not "i.e. a"). Separators and
# letters are disjoint classes, so the pattern cannot backtrack more than a step.
_LETTER = r"[^\W\d_]"
_LONE_LETTER = rf"{_LETTER}(?![^\W_])"
_SPACED_LETTERS = re.compile(
    rf"(?<![^\W_]){_LONE_LETTER}([ .\-_*·•~]{{1,3}}){_LONE_LETTER}(?:\1{_LONE_LETTER})+"
)
# What every match of `_SPACED_LETTERS` holds, found without looking behind each character
# (a separator first, which the engine skips to): most texts have none, and are left alone.
_SPACED_LETTERS_HINT = re.compile(rf"[ .\-_*·•~]{_LETTER}[ .\-_*·•~]{{1,3}}{_LONE_LETTER}")
# Where words are parted by wider gaps than letters ("i s  o u t"), two letters are a word.
_SPACED_LETTERS_IN_GAPS = re.compile(
    rf"(?<![^\W_]){_LONE_LETTER}([ .\-_*·•~]){_LONE_LETTER}(?:\1{_LONE_LETTER})*"
)
_NOT_LETTER = re.compile(r"[\W\d_]+")


def _join_letters(match: re.Match[str]) -> str:
    return _NOT_LETTER.sub("", match.group())


def _unescape(text: str) -> str:
    """Decode HTML entities, three levels deep at most (``&amp;lt;`` is ``<``)."""
    for _ in range(3):
        if "&" not in text:
            break
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text


def _normalize(text: str) -> str:
    text = _unescape(text).translate(_FOLD)
    if "  " in text:  # words spelled out and parted by wider gaps: "y o u r  s i t e"
        text = _SPACED_LETTERS_IN_GAPS.sub(_join_letters, text)
        text = _SPACES.sub(" ", text)
    text = text.strip()
    if _SPACED_LETTERS_HINT.search(text) is None:
        return text
    return _SPACED_LETTERS.sub(_join_letters, text)


_normalize_cached = functools.lru_cache(maxsize=8192)(_normalize)


def normalize(text: str) -> str:
    """Fold *text* for reading: the light view, which keeps digits and punctuation.

    HTML entities are decoded, compatibility forms unified (fullwidth and mathematical
    letters become plain ones), accents, format characters (zero-width spaces,
    joiners, bidirectional controls, the soft hyphen) and other invisible characters
    dropped, case folded, look-alike letters of other scripts read as Latin, ``&``
    written ``and``, three or more letters spaced or dotted out joined into a word, and
    runs of white space made one space.

    Args:
        text: Any string, lone surrogates and control characters included.

    Returns:
        The folded text; ``normalize(normalize(t)) == normalize(t)``.
    """
    if len(text) <= CACHED_LENGTH:
        return _normalize_cached(text)
    return _normalize(text)


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
_LEET_CHARACTER = re.compile("[013457$@]")
_HAS_LETTER = re.compile(_LETTER)
#: Digits and symbols read as letters inside words (a common "leetspeak" table).
_LEET = str.maketrans("013457@$", "oieastas")
# A digit alone between spaces that stands for a letter or a short word in heavy
# leetspeak: "b00k 4 c4ll" is "book a call", "1'll" is "i'll".
_LONE_LEET_DIGIT = re.compile(r"(?<= )[0134](?= )")
_LONE_LEET = str.maketrans("0134", "oiea")
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
    for leet in _LEET_CHARACTER.finditer(text):
        if leet.start() < end:
            continue  # another leet character of a word already seen
        start = text.rfind(" ", 0, leet.start()) + 1
        end = text.find(" ", leet.start())
        if end < 0:
            end = len(text)
        if _HAS_LETTER.search(text, start, end):
            spans.append((start, end))
    return spans


def _read_lone_leet(match: re.Match[str]) -> str:
    return match.group().translate(_LONE_LEET)


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
            parts += (text[last:start], word.translate(_LEET))
            last = end
        text = "".join(parts) + text[last:]
        if heavy:
            text = _LONE_LEET_DIGIT.sub(_read_lone_leet, f" {text} ")[1:-1]
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


#: What each letter of a phrase may be written as in a skeleton: ``i`` and ``l`` alike,
#: and, in a word of digits alone (which a skeleton keeps as a number), the digit.
_LETTER_FORMS = {"i": "[il1]", "l": "[il1]", "o": "[o0]", "e": "[e3]", "a": "[a4]", "s": "[s5]", "t": "[t7]"}


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
    return " " if char == " " else _LETTER_FORMS.get(char) or re.escape(char)


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


#: Folds the letters a phrase's word may be written with (see `_LETTER_FORMS`) to one,
#: so that a text's words can be looked up among the words templates need.
_SAME_FIRST_LETTER = str.maketrans({"l": "i", "1": "i", "0": "o", "3": "e", "4": "a", "5": "s", "7": "t"})
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


def phrases_from_settings(
    settings: Mapping[str, Any],
    categories: Iterable[str],
    *,
    where: str,
    flags: Mapping[str, bool] | None = None,
) -> tuple[dict[str, tuple[str, ...]], dict[str, bool]]:
    """Read a rule's settings made of phrase lists and on/off switches, checking each.

    For rules configured like ``[rules.my-rule]`` ``reason = ["we (met|spoke) at"]``,
    ``veto = false``: each key is a category of phrase templates (a list of strings
    in the syntax of `phrase_pattern`) or a flag (true or false).

    Args:
        settings: The rule's settings table.
        categories: The names of its phrase lists.
        where: How to name the table in messages, such as ``"relpolicy.toml: rules.my-rule"``.
        flags: The names of its flags, with their defaults.

    Returns:
        The phrase lists given (by category), and every flag's value.

    Raises:
        ConfigError: naming the key (and index) that is unknown or wrong.
    """
    flags = dict(flags or {})
    known = (*flags, *categories)
    for key in settings:
        if key not in known:
            close = close_matches(str(key), known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(known)}"
            raise ConfigError(f"{where}.{key}: unknown key{hint}")
    for key in flags:
        value = settings.get(key, flags[key])
        if not isinstance(value, bool):
            raise ConfigError(f"{where}.{key}: expected true or false, got {type(value).__name__}")
        flags[key] = value
    phrases: dict[str, tuple[str, ...]] = {}
    for name in categories:
        if name not in settings:
            continue
        value = settings[name]
        if isinstance(value, str) or not isinstance(value, (list, tuple)):
            raise ConfigError(f"{where}.{name}: expected a list of phrases, got {type(value).__name__}")
        for index, phrase in enumerate(value):
            if not isinstance(phrase, str):
                raise ConfigError(f"{where}.{name}[{index}]: expected a phrase, got {type(phrase).__name__}")
            try:
                phrase_pattern(phrase)
            except ValueError as exc:
                raise ConfigError(f"{where}.{name}[{index}]: {exc}") from None
        phrases[name] = tuple(value)
    return phrases, flags


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


# -- hidden things -------------------------------------------------------------------

# Always invisible: C0/C1 controls other than white space, the soft hyphen, the
# combining grapheme joiner, the Arabic letter mark, Hangul fillers, Khmer inherent
# vowels, Mongolian free variation selectors and vowel separator, zero-width space,
# bidirectional marks, embeddings, overrides and isolates, the word joiner and
# invisible operators, the braille blank, the byte-order mark, interlinear
# annotation controls, musical formatting controls, tags, lone surrogates.
_ALWAYS_INVISIBLE = (
    "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5"
    "\u180b-\u180f\u200b\u200e\u200f\u202a-\u202e\u2060-\u206f\u2800\u3164\ufeff\uffa0"
    "\ufff9-\ufffb\U0001d173-\U0001d17a\U000e0000-\U000e007f\ud800-\udfff"
)
# Joiners and variation selectors build emoji and some scripts; they count as
# hidden only between two letters, where they split a word.
_JOINERS = "\u200c\u200d\ufe00-\ufe0f\U000e0100-\U000e01ef"
_INVISIBLE = re.compile(f"[{_ALWAYS_INVISIBLE}]")
_ANY_JOINER = re.compile(f"[{_JOINERS}]")
_JOINER_IN_WORD = re.compile(rf"(?<=[^\W_])[{_JOINERS}]+(?=[^\W_])")
_ASCII_CONTROLS = {
    code: None for code in range(128) if not chr(code).isprintable() and not chr(code).isspace()
}


def count_invisible(text: str) -> int:
    """How many characters of *text* show nothing and are there to hide something.

    Zero-width spaces, the soft hyphen, bidirectional controls, the word joiner, tag
    characters, control characters other than white space, blank letters such as the
    Hangul filler, and lone surrogates count, also when written as HTML entities.
    Joiners and variation selectors count only between two letters or digits
    (``b\u200d00k``): elsewhere they build emoji.

    Args:
        text: Any string.

    Returns:
        The number of hidden characters (0 for ordinary text).
    """
    text = _unescape(text)
    if text.isascii():
        return len(text) - len(text.translate(_ASCII_CONTROLS))
    visible = _INVISIBLE.sub("", text)
    count = len(text) - len(visible)
    if _ANY_JOINER.search(visible):
        count += len(visible) - len(_JOINER_IN_WORD.sub("", visible))
    return count


_LATIN = "a-zA-Z"
_LOOKALIKE_SCRIPTS = (
    "\u0370-\u03ff\u0400-\u04ff\u0500-\u052f\u0530-\u058f\u13a0-\u13ff\uab70-\uabbf"
    "\uff21-\uff3a\uff41-\uff5a\U0001d400-\U0001d7ff"
)
_MIXED = re.compile(rf"[{_LATIN}][{_LOOKALIKE_SCRIPTS}]|[{_LOOKALIKE_SCRIPTS}][{_LATIN}]")


def has_mixed_scripts(text: str) -> bool:
    """Whether a Latin letter of *text* touches a look-alike one inside a word.

    Greek, Cyrillic, Armenian or Cherokee letters, or fullwidth or mathematical ones,
    written right next to plain Latin letters (``wеbsite`` with a Cyrillic ``е``) are
    the mark of a word disguised to pass a filter; whole words in another script or
    in bold mathematical letters are not.

    Args:
        text: Any string.
    """
    return not text.isascii() and _MIXED.search(text) is not None


# -- quoting evidence ----------------------------------------------------------------

#: Characters that stand for the same letter when a match is looked for as written.
_SAME_LETTER = str.maketrans("01l3457@$|!", "oiieastasii")
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
