"""Characters that stand for letters: one table, and every view of it the folding needs.

Writers who want a word to slip past a filter put digits and symbols for its letters
("cl1ents", "$ales", "b00k"). `skeleton` reads them back inside words; phrase
templates let a letter match the characters that stand for it; quoted evidence is
found by comparing letters after the same reading.
"""

from __future__ import annotations

import re

#: Digits and symbols that stand for a letter inside a word (a common "leetspeak" table).
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
#: Letters that many fonts draw alike: ``l`` reads as ``i``.
LOOKALIKE = {"l": "i"}
#: Marks that stand for ``i`` inside a word ("cl!ents", "f|x").
BANGS = {"!": "i", "|": "i"}
#: Digits that also stand alone for a letter or a short word in heavy leetspeak
#: ("b00k 4 c4ll" is "book a call"); ``5`` and ``7`` alone are only numbers.
LONE_DIGITS = "0134"

_DIGITS = {char: letter for char, letter in LEET.items() if char.isdigit()}

#: Reads every leet character of a word as its letter.
IN_WORD = str.maketrans(LEET)
#: Finds the characters `IN_WORD` reads.
ANY_LEET = re.compile("[" + re.escape("".join(LEET)) + "]")
#: Reads a lone digit of heavy leetspeak as its letter.
LONE = str.maketrans({digit: LEET[digit] for digit in LONE_DIGITS})
#: Finds a digit alone between two spaces that `LONE` reads.
LONE_DIGIT = re.compile(rf"(?<= )[{LONE_DIGITS}](?= )")
#: Folds a skeleton's word so that look-alike letters and the digits that stand for
#: them become one letter: how a word is looked up among the words templates need.
SAME_FIRST_LETTER = str.maketrans({**LOOKALIKE, **_DIGITS})
#: Folds every character that stands for a letter, marks included: how quoted
#: evidence is compared with the words matched.
SAME_LETTER = str.maketrans({**LEET, **LOOKALIKE, **BANGS})


def _letter_forms() -> dict[str, str]:
    """What each letter of a template's word may be written as in a skeleton: a
    character class of the letter, its look-alikes and the digits that stand for it."""
    groups: dict[str, set[str]] = {}
    for char, letter in {**LOOKALIKE, **_DIGITS}.items():
        groups.setdefault(letter, {letter}).add(char)
    return {
        member: "[" + "".join(sorted(group)) + "]"
        for group in groups.values()
        for member in group
        if member.isalpha()
    }


#: A letter's character class in a template's expression (see `_letter_forms`).
LETTER_FORMS = _letter_forms()
