"""Reading requests from the files people have: JSON, JSONL and LinkedIn data exports.

Every reader is lazy and yields one value per input record, a `Request` or a
`RecordError` naming the file, the line and the field, so that nothing is lost and a
file of any size is read in constant memory::

    from relpolicy import Policy
    from relpolicy.inputs import RecordError, read_requests

    policy = Policy.default()
    for item in read_requests("Basic_LinkedInDataExport.zip"):
        if isinstance(item, RecordError):
            print(item)
        else:
            print(policy.decide(item).verdict)
"""

from __future__ import annotations

from ._json import read_requests
from ._linkedin import Connection, Connections, Export, parse_sent_at, repair_mojibake
from ._messages import ConnectionMessage, find_call, read_connection_messages
from ._records import InputError, RecordError
from ._senders import KnownSender, Senders, read_profiles, read_recipient

__all__ = [
    "Connection",
    "ConnectionMessage",
    "Connections",
    "Export",
    "InputError",
    "KnownSender",
    "RecordError",
    "Senders",
    "find_call",
    "parse_sent_at",
    "read_connection_messages",
    "read_profiles",
    "read_recipient",
    "read_requests",
    "repair_mojibake",
]
