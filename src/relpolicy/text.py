"""Text helpers for rules: normalising what strangers write, and finding phrases in it.

Rules should compare normalised text with normalised phrases, so that case, accents,
look-alike letters and invisible characters do not decide anything.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

__all__ = ["find_phrases", "normalize"]

_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=1024)
def normalize(text: str) -> str:
    """Fold *text* for matching: NFKC, casefold, runs of white space as one space.

    Cached, so several rules normalising the same note pay for it once.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE.sub(" ", text).strip()


def find_phrases(normalized: str, phrases: Iterable[str]) -> list[str]:
    """The *phrases* (already normalised) that occur in *normalized* as whole words."""
    found = []
    for phrase in phrases:
        if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", normalized):
            found.append(phrase)
    return found
