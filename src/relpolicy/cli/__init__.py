"""The ``relpolicy`` command: triage a backlog of connection requests from the shell.

Every command ends with one of the statuses of `ExitStatus`: ``0`` when all went well,
``1`` when some input records could not be read (each is reported on stderr as
``FILE:LINE: field: problem``, and every other record is still decided), ``2`` for a
usage error, ``3`` when a rule plugin stopped it, ``70`` for an internal error, ``74``
when the output cannot be written, ``130`` when interrupted and ``141`` for a broken pipe.
"""

from ._app import cli, main
from ._common import Progress
from ._exits import ExitStatus

__all__ = ["ExitStatus", "Progress", "cli", "main"]
