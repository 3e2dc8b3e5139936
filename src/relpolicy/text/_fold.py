"""Folding what strangers write: the light view, `normalize`."""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Callable

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
    "y": "уУүҮΥʏγ",
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
#: The tag characters, which show nothing (U+E0000 is unassigned, the others format characters).
_TAGS = range(0xE0000, 0xE0080)
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
    if category in _DROPPED_CATEGORIES or char in _BLANK_LETTERS or ord(char) in _TAGS:
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
