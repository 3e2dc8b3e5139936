"""The exceptions and warnings relpolicy raises."""

from __future__ import annotations

from collections.abc import Iterable

import attrs


class RelpolicyError(Exception):
    """Base class of every error relpolicy raises on purpose."""


@attrs.frozen
class Problem:
    """One thing wrong with one field of an input."""

    #: Dotted path of the field, such as ``sender.groups`` or ``shared_groups[2]``.
    path: str
    #: What was wrong, such as ``expected a list of strings, got int``.
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InvalidRequest(RelpolicyError, ValueError):
    """An input record is not a valid request or profile.

    Every problem found in the record is reported at once; the message lists them,
    one per line, each as ``field.path: what is wrong``.

    Attributes:
        problems: The individual problems, in the order they were found.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type[InvalidRequest], tuple[tuple[Problem, ...]]]:
        return (type(self), (self.problems,))

    @property
    def paths(self) -> tuple[str, ...]:
        """The field paths that had a problem."""
        return tuple(p.path for p in self.problems)


class ConfigError(RelpolicyError, ValueError):
    """A configuration file or mapping is not valid; the message names the key."""


class PluginError(RelpolicyError):
    """A rule plugin misbehaved while the policy was in ``strict`` mode.

    Attributes:
        rule: The name of the rule that failed.
    """

    def __init__(self, rule: str, message: str) -> None:
        self.rule = rule
        super().__init__(f"rule {rule!r}: {message}")

    def __reduce__(self) -> tuple[type[PluginError], tuple[str, str]]:
        message = str(self).split(": ", 1)[1]
        return (type(self), (self.rule, message))


class RelpolicyWarning(UserWarning):
    """Base class of the warnings relpolicy issues."""


class PluginLoadWarning(RelpolicyWarning):
    """An installed rule plugin could not be loaded; the others still are."""
