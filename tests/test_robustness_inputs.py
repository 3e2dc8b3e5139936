"""Hostile input files: each bad record is one error, and the records after it are still read.

Each test writes the file it needs; what a good record must read back as is computed
from what the test wrote, never from the reader.
"""

from __future__ import annotations

import csv
import io
import json
import os
import threading
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relpolicy import InvalidRequest, Policy, Request
from relpolicy.inputs import RecordError, read_profiles, read_requests
from relpolicy.strategies import requests

HEADER = ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"]
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def row(name: str, message: str = "Hello", direction: str = "INCOMING") -> list[str]:
    return [name, "Me", "11/19/26, 4:02 PM", message, direction, f"https://www.linkedin.com/in/{name}", ""]


def csv_text(rows: list[list[str]], header: list[str] = HEADER, end: str = "\r\n") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=end, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def summary(items: list[Request | RecordError]) -> list[tuple[str, object]]:
    """Each item as ("request", where it was read: its id, or ``FILE:LINE`` for an export's) or
    ("error", (line, paths))."""
    return [
        ("request", item.extra.get("source", item.id))
        if isinstance(item, Request)
        else ("error", (item.line, [p.path for p in item.problems]))
        for item in items
    ]


# -- 1: a named pipe (FIFO) is opened once --------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("name", ["requests.jsonl", "requests.json", "Invitations.csv"])
def test_a_named_pipe_is_read_whole(tmp_path: Path, name: str) -> None:
    if name.endswith(".csv"):
        data = csv_text([row("ann"), row("bo")]).encode()
        expected = [f"{name}:2", f"{name}:3"]
    else:
        records = [{"id": f"r{i}", "sender": {"name": f"n{i}"}} for i in range(50)]
        body = "\n".join(json.dumps(r) for r in records)
        data = (body if name.endswith("l") else f"[{body.replace(chr(10), ',')}]").encode()
        expected = [f"r{i}" for i in range(50)]
    fifo = tmp_path / name
    os.mkfifo(fifo)

    def write() -> None:
        try:
            with open(fifo, "wb") as pipe:  # (waits for the reader to open it)
                pipe.write(data)
        except BrokenPipeError:  # a reader that opened and closed it at once
            pass

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    got: list[object] = []
    reader = threading.Thread(
        target=lambda: got.extend(
            i.extra.get("source", i.id) if isinstance(i, Request) else i for i in read_requests(fifo)
        ),
        daemon=True,
    )
    reader.start()
    reader.join(60)  # (a guard: a reader that opens the pipe twice waits for a second writer forever)
    if reader.is_alive():  # unblock it before failing: open the pipe for writing, and close it
        with open(fifo, "wb"):
            pass
        reader.join(60)
        pytest.fail("reading the named pipe did not end: it was opened more than once")
    writer.join(60)
    assert got == expected


# -- 2 and 3: cells that are long, and columns that are new ------------------------------------


@pytest.mark.parametrize("quoted", [True, False])
def test_a_cell_longer_than_the_csv_limit_is_one_bad_row(tmp_path: Path, quoted: bool) -> None:
    limit = csv.field_size_limit()
    long = ("a long line\n" if quoted else "x") * (limit // (12 if quoted else 1) + 10)
    rows = [row("ann", "first\nsecond"), row("bo", long), row("cy"), row("di", 'say "hi"\nthen go')]
    path = tmp_path / "Invitations.csv"
    path.write_text(csv_text(rows), encoding="utf-8", newline="")
    # Each row starts one line after the last line of the one before it.
    starts = [2]
    for cells in rows[:-1]:
        starts.append(starts[-1] + cells[3].count("\n") + 1)
    items = list(read_requests(path))
    assert summary(items) == [
        ("request", f"Invitations.csv:{starts[0]}"),
        ("error", (starts[1], [""])),
        ("request", f"Invitations.csv:{starts[2]}"),
        ("request", f"Invitations.csv:{starts[3]}"),
    ]
    assert f"longer than {limit:,} characters" in str(items[1])
    assert [i.note for i in items if isinstance(i, Request)] == [
        "first\nsecond",
        "Hello",
        'say "hi"\nthen go',
    ]


def test_columns_the_reader_does_not_know_are_kept_in_extra(tmp_path: Path) -> None:
    header = [*HEADER[:4], "Invitation Type", *HEADER[4:], "note", ""]
    rows = [[*r[:4], kind, *r[4:], "mine", ""] for r, kind in ((row("ann"), "Premium"), (row("bo"), ""))]
    rows.append([*row("cy")[:4], "Basic", *row("cy")[4:], "", "", "one cell too many"])
    path = tmp_path / "Invitations.csv"
    path.write_text(csv_text(rows, header), encoding="utf-8", newline="")
    items = list(read_requests(path))
    assert summary(items) == [
        ("request", "Invitations.csv:2"),
        ("request", "Invitations.csv:3"),
        ("error", (4, [""])),
    ]
    first, second = items[0], items[1]
    assert isinstance(first, Request)
    assert isinstance(second, Request)
    # (a column named like a field of the request keeps a name of its own)
    assert dict(first.extra) == {
        "Invitation Type": "Premium",
        "note (column 9)": "mine",
        "source": "Invitations.csv:2",
    }
    assert dict(second.extra) == {"note (column 9)": "mine", "source": "Invitations.csv:3"}
    assert first.sender.name == "ann"
    assert first.note == "Hello"
    assert "the row has 11 cells, the header 10" in str(items[2])


# -- 6: integers too long to read ------------------------------------------------------------


def huge(digits: int = 5000) -> str:
    return "1" + "0" * (digits - 1)


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_an_integer_too_long_to_read_is_one_bad_record(tmp_path: Path, suffix: str) -> None:
    texts = [
        '{"id": "a", "sender": {"name": "A"}}',
        '{"id": "b", "sender": {"name": "B", "scores": [1, 2, ' + huge() + "]}}",
        '{"id": "c", "sender": {"name": "C"}, "mutual_connections": ' + huge(4301) + "}",
        '{"id": "d", "sender": {"name": "D"}}',
    ]
    path = tmp_path / f"r{suffix}"
    path.write_text("\n".join(texts) if suffix == ".jsonl" else "[" + ",\n".join(texts) + "]")
    items = list(read_requests(path))
    assert summary(items) == [
        ("request", "a"),
        ("error", (2, ["sender.scores[2]"])),
        ("error", (3, ["mutual_connections"])),
        ("request", "d"),
    ]
    assert "an integer of 5,000 digits" in str(items[1])


# -- 7: a damaged zip member ------------------------------------------------------------------


def export_zip(path: Path, invitations: str, connections: str, method: int) -> None:
    with zipfile.ZipFile(path, "w", method) as archive:
        archive.writestr("Basic_LinkedInDataExport/Connections.csv", connections)
        archive.writestr("Basic_LinkedInDataExport/Invitations.csv", invitations)


CONNECTIONS = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + "".join(
    f"C{i},D,https://www.linkedin.com/in/c{i},,Acme,Clerk,01 Jan 2024\n" for i in range(300)
)


def test_a_member_with_a_bad_checksum_is_reported_and_the_others_read(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    export_zip(path, csv_text([row("ann", "the marker"), row("c1")]), CONNECTIONS, zipfile.ZIP_STORED)
    data = path.read_bytes()
    path.write_bytes(data.replace(b"the marker", b"the market"))  # stored: the checksum no longer fits
    items = list(read_requests(path))
    errors = [i for i in items if isinstance(i, RecordError)]
    assert len(errors) == 1
    assert errors[0].source.endswith("Invitations.csv")
    assert "damaged in the zip file" in str(errors[0])


def test_a_member_that_cannot_be_inflated_is_reported_and_the_others_read(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    export_zip(path, csv_text([row("ann"), row("c1")]), CONNECTIONS, zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(path) as archive:
        member = archive.getinfo("Basic_LinkedInDataExport/Connections.csv")
    data = bytearray(path.read_bytes())
    start = member.header_offset + 30 + len(member.filename) + 8
    data[start : start + 40] = bytes(40)  # the deflated stream, broken
    path.write_bytes(bytes(data))
    items = list(read_requests(path))
    assert summary(items)[1:] == [("request", "Invitations.csv:2"), ("request", "Invitations.csv:3")]
    assert isinstance(items[0], RecordError)
    assert items[0].source.endswith("Connections.csv")
    assert "damaged in the zip file" in str(items[0])


# -- 18: UTF-16 and UTF-32, and any line ending -----------------------------------------------

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32"]
ENDINGS = ["\n", "\r\n", "\r"]


def bom_encoded(text: str, encoding: str) -> bytes:
    """*text* in *encoding*, with a byte-order mark for UTF-16 and UTF-32 (LE has none of its own)."""
    if encoding == "utf-16-le":
        return b"\xff\xfe" + text.encode(encoding)
    return text.encode(encoding)


@SETTINGS
@given(
    batch=st.lists(requests(), min_size=1, max_size=5),
    encoding=st.sampled_from(ENCODINGS),
    end=st.sampled_from(ENDINGS),
    form=st.sampled_from([".jsonl", ".json"]),
)
def test_json_in_any_utf_encoding_and_line_ending_reads_back(
    tmp_path: Path, batch: list[Request], encoding: str, end: str, form: str
) -> None:
    lines = [json.dumps(r.to_dict(), ensure_ascii=False) for r in batch]
    text = end.join(lines) + end if form == ".jsonl" else "[" + ("," + end).join(lines) + "]" + end
    path = tmp_path / f"in{form}"
    path.write_bytes(bom_encoded(text, encoding))
    expected = [
        r if r.id is not None else Request.from_dict({**r.to_dict(), "id": f"{path.name}:{n}"})
        for n, r in enumerate(batch, 1)
    ]
    assert list(read_requests(path)) == expected


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("end", ENDINGS)
def test_an_export_in_any_utf_encoding_and_line_ending_reads_alike(
    tmp_path: Path, encoding: str, end: str
) -> None:
    rows = [
        row("ann", f"two{end}lines"),
        row("bo", "caf\u00e9 \u4e2d"),
        row("cy", "one", "OUTGOING"),
        row("di"),
    ]
    path = tmp_path / "Invitations.csv"
    path.write_bytes(bom_encoded(csv_text(rows, end=end), encoding))
    items = list(read_requests(path))
    assert summary(items) == [
        ("request", "Invitations.csv:2"),
        ("request", "Invitations.csv:4"),
        ("request", "Invitations.csv:6"),
    ]
    # (a message's \r\n reads as \n, as it does in every export; other line breaks stay)
    notes = [f"two{end}lines".replace("\r\n", "\n"), "caf\u00e9 \u4e2d", "Hello"]
    assert [i.note for i in items if isinstance(i, Request)] == notes


def test_a_lone_carriage_return_inside_a_line_is_part_of_it(tmp_path: Path) -> None:
    """In a file whose lines end with \\n, a lone \\r is text: in a quoted cell it is kept;
    in a cell that is not quoted it makes its row bad, and only that row."""
    path = tmp_path / "Invitations.csv"
    path.write_text(
        ",".join(HEADER)
        + '\nann,Me,,"one\rtwo",INCOMING,,\n'
        + "bo,Me,,hi\r=2+5,INCOMING,,\n"
        + "cy,Me,,fine,INCOMING,,\n",
        encoding="utf-8",
        newline="",
    )
    items = list(read_requests(path))
    assert summary(items) == [
        ("request", "Invitations.csv:2"),
        ("error", (3, [""])),
        ("request", "Invitations.csv:4"),
    ]
    assert isinstance(items[0], Request)
    assert items[0].note == "one\rtwo"


def test_json_lines_ending_in_lone_carriage_returns_are_numbered_by_them(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes(b'{"sender": {"name": "A"}}\r\r{"sender": 3}\r{"sender": {"name": "C"}}')
    assert summary(list(read_requests(path))) == [
        ("request", "r.jsonl:1"),
        ("error", (3, ["sender"])),
        ("request", "r.jsonl:4"),
    ]


# -- 15: counts too large to be true -----------------------------------------------------------


@pytest.mark.parametrize("digits", [7, 310, 5000])
def test_a_count_of_mutual_connections_beyond_belief_is_refused_briefly(digits: int) -> None:
    count = 10 ** (digits - 1) + 1
    with pytest.raises(InvalidRequest) as caught:
        Request.from_dict({"sender": {"name": "A"}, "mutual_connections": count})
    assert caught.value.paths == ("mutual_connections",)
    assert "at most 1,000,000" in str(caught.value)
    assert len(str(caught.value)) < 120  # (the number is not written out)


def test_the_largest_count_read_is_decided_without_a_failure() -> None:
    request = Request.from_dict({"sender": {"name": "A"}, "mutual_connections": 10**6})
    decision = Policy.default().decide(request)
    assert decision.errors == ()
    assert all(len(vote.reason) < 200 for vote in decision.votes)


def test_a_profiles_file_is_read_with_the_same_bound(tmp_path: Path) -> None:
    path = tmp_path / "profiles.jsonl"
    path.write_text(
        '{"url": "https://www.linkedin.com/in/a", "mutual_connections": ' + huge(400) + "}\n"
        '{"url": "https://www.linkedin.com/in/b", "mutual_connections": 12}\n'
    )
    items = list(read_profiles(path))
    assert isinstance(items[0], RecordError)
    assert [p.path for p in items[0].problems] == ["mutual_connections"]
    assert not isinstance(items[1], RecordError)
    assert items[1].mutual_connections == 12
