"""The shared reading of a request's texts, which several rules need.

`read` finds the *moves* a note and a headline make: the moves of a sales pitch
(an offer aimed at the reader's business, a claim of results, a price, a call to
action, scarcity, ...), the reasons a person gives for writing (met at an event,
read their work, a referral, a question, a job they seek, ...) and the template
wording of a stock note. Rules that weigh a note read it here, once, rather than
from each other: ``hard-sell`` counts the pitch, ``note-present`` the reasons.
"""

from ._moves import NOTE, PITCH, REASON, RECORD, STOCK, Move
from ._read import NOTHING, Reading, read
from ._tagging import Sentence, sentences

__all__ = [
    "NOTE",
    "NOTHING",
    "PITCH",
    "REASON",
    "RECORD",
    "STOCK",
    "Move",
    "Reading",
    "Sentence",
    "read",
    "sentences",
]
