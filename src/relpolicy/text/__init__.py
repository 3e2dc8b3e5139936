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

from ._fold import CACHED_LENGTH, normalize
from ._hidden import count_invisible, has_mixed_scripts
from ._phrases import (
    PhraseBook,
    PhraseMatch,
    PhraseSet,
    check_phrases,
    find_phrases,
    phrase_pattern,
    word_positions,
)
from ._quote import find_original
from ._skeleton import READ_LENGTH, clip, skeleton, views

__all__ = [
    "CACHED_LENGTH",
    "READ_LENGTH",
    "PhraseBook",
    "PhraseMatch",
    "PhraseSet",
    "check_phrases",
    "clip",
    "count_invisible",
    "find_original",
    "find_phrases",
    "has_mixed_scripts",
    "normalize",
    "phrase_pattern",
    "skeleton",
    "views",
    "word_positions",
]
