"""Whether a text hides something: invisible characters, words of mixed scripts."""

from __future__ import annotations

import re

from ._fold import _unescape

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
