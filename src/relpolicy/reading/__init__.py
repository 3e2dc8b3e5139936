"""The shared reading of a request's texts, which several rules need.

`find_pitch` reads a note and a headline for the moves of a sales pitch: an offer
aimed at the reader's business, a claim of results, a guarantee, a call to action,
scarcity, a price, and the rest of `CATEGORIES`. Rules that weigh a note (the
``hard-sell`` rule, and ``note-present``, which does not count a pitch as a reason)
read it here, once, rather than from each other.
"""

from ._pitch import CATEGORIES, DEFAULT_FINDER, LABELS, NO_PITCH, Pitch, PitchFinder, find_pitch

__all__ = ["CATEGORIES", "DEFAULT_FINDER", "LABELS", "NO_PITCH", "Pitch", "PitchFinder", "find_pitch"]
