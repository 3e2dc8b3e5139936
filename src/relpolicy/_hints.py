"""Did-you-mean suggestions for error messages."""

from __future__ import annotations

from collections.abc import Iterable


def close_matches(word: str, choices: Iterable[str], n: int = 1) -> list[str]:
    """The *n* choices closest to *word*, best first (none when nothing is close).

    ``difflib`` is imported here, on the first mistake, not with relpolicy: only error
    messages need it.
    """
    import difflib

    return difflib.get_close_matches(word, list(choices), n=n)
