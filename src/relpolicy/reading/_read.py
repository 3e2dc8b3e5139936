"""`read`: one reading of a note and a headline, shared by every rule that weighs them."""

from __future__ import annotations

import functools

import attrs

from ..text import CACHED_LENGTH, count_invisible, find_original, has_mixed_scripts
from . import _moves
from ._moves import HEADLINE_FRAMES, NOTE, NOTE_FRAMES, PITCH, REASON, STOCK, Move
from ._tagging import Sentence, sentence_of, sentences


@attrs.frozen
class Reading:
    """What a note and a headline do: their moves, and whether they hide characters."""

    #: Every move found, note first, in the order of the sentences.
    moves: tuple[Move, ...] = ()
    #: Whether there is a note with words in it.
    has_note: bool = False
    #: How many invisible characters the note hides.
    invisible: int = 0
    #: Whether a word of the note or the headline mixes look-alike letters of other scripts.
    mixed_scripts: bool = False

    def kinds(self, family: str, where: str | None = None) -> frozenset[str]:
        """The kinds of move of *family* found (in *where* only, if given)."""
        return frozenset(
            m.kind for m in self.moves if m.family == family and (where is None or m.where == where)
        )

    def of(self, family: str, where: str | None = None) -> tuple[Move, ...]:
        """The moves of *family* (found in *where*, if given), one per kind."""
        seen: dict[str, Move] = {}
        for move in self.moves:
            if move.family == family and (where is None or move.where == where):
                seen.setdefault(move.kind, move)
        return tuple(seen.values())

    @property
    def pitch(self) -> frozenset[str]:
        """The kinds of pitch move, in the note or the headline."""
        return self.kinds(PITCH)

    @property
    def reasons(self) -> frozenset[str]:
        """The kinds of reason the note gives."""
        return self.kinds(REASON)

    @property
    def stock(self) -> frozenset[str]:
        """The kinds of template wording the note uses."""
        return self.kinds(STOCK)

    @property
    def disguised(self) -> bool:
        """Whether the text hides characters or mixes look-alike letters into words."""
        return self.invisible > 0 or self.mixed_scripts

    def quote(self, move: Move, note: str | None, headline: str | None) -> str | None:
        """*move*'s words as the writer wrote them, from *note* or *headline* (at most
        160 characters of them), or ``None`` where they cannot be found as written."""
        text = note if move.where == "note" else headline
        found = find_original(text, move.words) if text else None
        return found[:160] if found else None


#: The reading of nothing at all.
NOTHING = Reading()


def read(note: str | None, headline: str | None = None) -> Reading:
    """Read *note* and *headline* for the moves they make.

    Results are cached per pair of texts (up to `relpolicy.text.CACHED_LENGTH`
    characters each), so that several rules reading the same request read it once.

    Args:
        note: A connection note (``None``: no note).
        headline: The sender's headline.
    """
    if (note is None or len(note) <= CACHED_LENGTH) and (headline is None or len(headline) <= CACHED_LENGTH):
        return _read_cached(note, headline)
    return _read(note, headline)


def _read(note: str | None, headline: str | None) -> Reading:
    has_note = bool(note and note.strip())
    moves = _note_moves(note) if note and has_note else ()
    if headline and headline.strip():
        moves += _headline_moves(headline)
    invisible = count_invisible(note[:20_000]) if note else 0
    mixed = bool(note and has_mixed_scripts(note[:20_000])) or bool(
        headline and has_mixed_scripts(headline[:2000])
    )
    if not moves and not invisible and not mixed:
        return Reading(has_note=has_note) if has_note else NOTHING
    return Reading(moves, has_note, invisible, mixed)


_read_cached = functools.lru_cache(maxsize=8192)(_read)


def _note_moves(note: str) -> tuple[Move, ...]:
    """The moves of a note (cached when it is short: a copied note is read once)."""
    if len(note) <= CACHED_LENGTH:
        return _note_moves_cached(note)
    return _note_moves_of(note)


def _note_moves_of(note: str) -> tuple[Move, ...]:
    moves = _moves_of(sentences(note), NOTE_FRAMES, "note")
    if _moves.shouted_call(note[:2000]):
        moves.append(Move("call_to_action", PITCH, "note", _shouted(note)))
    named = _moves.named_referral(note[:5000])
    if named is not None:
        moves.append(Move("referral", REASON, "note", named))
    context = _moves.named_context(note[:5000])
    if context is not None:
        moves.append(Move("context", REASON, "note", context))
    return tuple(moves)


_note_moves_cached = functools.lru_cache(maxsize=8192)(_note_moves_of)


def _headline_moves(headline: str) -> tuple[Move, ...]:
    """The moves of a headline (cached when it is short: many people share a headline)."""
    if len(headline) <= CACHED_LENGTH:
        return _headline_moves_cached(headline)
    return _headline_moves_of(headline)


def _headline_moves_of(headline: str) -> tuple[Move, ...]:
    moves = _moves_of(sentences(headline), HEADLINE_FRAMES, "headline")
    if _moves.shouted_call(headline[:2000]):
        moves.append(Move("call_to_action", PITCH, "headline", _shouted(headline)))
    return tuple(moves)


_headline_moves_cached = functools.lru_cache(maxsize=8192)(_headline_moves_of)


def _moves_of(
    found: tuple[Sentence, ...], frames: tuple[tuple[str, str, _moves.Frame], ...], where: str
) -> list[Move]:
    moves: list[Move] = []
    for sentence in found:
        if sentence.marks:
            moves.extend(_sentence_moves(sentence.light, frames, where))
    return moves


@functools.lru_cache(maxsize=16384)
def _sentence_moves(
    light: str, frames: tuple[tuple[str, str, _moves.Frame], ...], where: str
) -> tuple[Move, ...]:
    """The moves of one sentence, by its light form (cached: greetings and sign-offs
    recur in every inbox)."""
    sentence = sentence_of(light)
    moves = []
    for family, kind, frame in _frames_for(sentence.marks, frames):
        span = frame(sentence)
        if span is not None:
            moves.append(Move(kind, family, where, sentence.text(*span)))
    return tuple(moves)


@functools.lru_cache(maxsize=4096)
def _frames_for(
    marks: frozenset[str], frames: tuple[tuple[str, str, _moves.Frame], ...]
) -> tuple[tuple[str, str, _moves.Frame], ...]:
    """The frames that may find a move in a sentence with *marks*: each needs one of them."""
    needs = _moves.NEEDS
    return tuple(entry for entry in frames if not needs[entry[2].__name__].isdisjoint(marks))


def _shouted(text: str) -> str:
    match = _moves._SHOUTED_WORD.search(text)
    return match.group() if match else ""


__all__ = ["NOTE", "NOTHING", "PITCH", "REASON", "STOCK", "Move", "Reading", "read"]
