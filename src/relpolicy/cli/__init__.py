"""The ``relpolicy`` command: triage a backlog of connection requests from the shell.

Exit status, for every command: ``0`` when all went well, ``1`` when some input
records could not be read (each is reported on stderr as ``FILE:LINE: field: problem``,
and every other record is still decided), ``2`` for a usage error (a missing file, an
unknown option, format or rule, a configuration that is not valid).
"""

from ._app import cli, main
from ._common import Progress

__all__ = ["Progress", "cli", "main"]
