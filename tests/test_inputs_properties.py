"""Properties of the readers: nothing lost, nothing invented, nothing raised, whatever the input."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relpolicy import Profile, Request
from relpolicy.inputs import KnownSender, RecordError, Senders, parse_sent_at, read_requests, repair_mojibake
from relpolicy.strategies import profiles, requests

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def with_default_id(request: Request, name: str, line: int) -> Request:
    return request if request.id is not None else attrs.evolve(request, id=f"{name}:{line}")


@SETTINGS
@given(batch=st.lists(requests(), max_size=8), blank=st.lists(st.booleans(), min_size=8, max_size=8))
def test_jsonl_gives_back_every_request(tmp_path: Path, batch: list[Request], blank: list[bool]) -> None:
    path = tmp_path / "round.jsonl"
    lines, expected = [], []
    for request, add_blank in zip(batch, blank[: len(batch)], strict=True):
        if add_blank:
            lines.append("   ")
        lines.append(json.dumps(request.to_dict()))
        expected.append(with_default_id(request, path.name, len(lines)))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert list(read_requests(path)) == expected


@SETTINGS
@given(
    batch=st.lists(requests(), max_size=6),
    gaps=st.lists(st.sampled_from(["", " ", "\n", "\n\n  ", "\t\r\n"]), min_size=14, max_size=14),
    chunk=st.integers(min_value=1, max_value=200),
    indent=st.sampled_from([None, 1, 2]),
)
def test_json_arrays_give_back_every_request_at_its_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    batch: list[Request],
    gaps: list[str],
    chunk: int,
    indent: int | None,
) -> None:
    from relpolicy.inputs import _records

    monkeypatch.setattr(_records, "_CHUNK", chunk)
    path = tmp_path / "round.json"
    text, expected = gaps[0] + "[", []
    for index, request in enumerate(batch):
        text += gaps[2 * index + 1] + ("," if index else "") + gaps[2 * index + 2]
        expected.append(with_default_id(request, path.name, text.count("\n") + 1))
        text += json.dumps(request.to_dict(), indent=indent, ensure_ascii=False)
    path.write_text(text + gaps[-1] + "]" + gaps[-1], encoding="utf-8", errors="surrogatepass")
    assert list(read_requests(path)) == expected


@SETTINGS
@given(lines=st.lists(st.binary(max_size=40).map(lambda b: b.replace(b"\n", b"")), max_size=10))
def test_jsonl_of_any_bytes_gives_one_output_per_record(tmp_path: Path, lines: list[bytes]) -> None:
    path = tmp_path / "any.jsonl"
    content = b"\n".join(lines)
    path.write_bytes(content)
    if b"\n" not in content and b"\r" in content:  # lines that end with a lone \r
        lines = content.splitlines()
    records = 0
    for number, raw in enumerate(lines, start=1):
        raw = raw.removeprefix(b"\xef\xbb\xbf") if number == 1 else raw
        try:
            records += bool(raw.decode("utf-8").strip())
        except UnicodeDecodeError:
            records += 1
    items = list(read_requests(path))
    assert len(items) == records
    assert all(isinstance(i, (Request, RecordError)) for i in items)


@SETTINGS
@given(
    content=st.binary(max_size=300)
    | st.text(alphabet='[]{}",: \n0123456789abtrue', max_size=200).map(str.encode)
)
def test_json_of_any_bytes_never_raises(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "any.json"
    path.write_bytes(content)
    items = list(read_requests(path))
    assert all(isinstance(i, (Request, RecordError)) for i in items)
    errors = [i for i in items if isinstance(i, RecordError)]
    assert all(e.problems and e.line >= 1 for e in errors)


_HEADER = ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"]


@SETTINGS
@given(content=st.binary(max_size=400))
def test_invitations_csv_of_any_bytes_never_raises(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "Invitations.csv"
    path.write_bytes(",".join(_HEADER).encode() + b"\n" + content)
    items = list(read_requests(path))
    assert all(isinstance(i, (Request, RecordError)) for i in items)


_cell = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=60)


@SETTINGS
@given(
    rows=st.lists(
        st.tuples(_cell, _cell, st.sampled_from(["INCOMING", "OUTGOING", "incoming"]), st.booleans()),
        max_size=8,
    ),
    bom=st.booleans(),
)
def test_invitation_rows_are_read_whatever_their_messages_hold(
    tmp_path: Path, rows: list[tuple[str, str, str, bool]], bom: bool
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_HEADER)
    expected = []
    for sender, message, direction, with_url in rows:
        start = buffer.getvalue().count("\n") + 1
        url = f"https://www.linkedin.com/in/x{start}" if with_url else ""
        writer.writerow([sender, "Me", "11/19/26, 4:02 PM", message, direction, url, ""])
        if direction.upper() == "INCOMING":
            note = message.replace("\r\n", "\n").strip()
            request_id = url or f"Invitations.csv:{start}"
            expected.append((request_id, repair_mojibake(sender.strip()) or None, url or None, note))
    path = tmp_path / "Invitations.csv"
    path.write_text(("\ufeff" if bom else "") + buffer.getvalue(), encoding="utf-8", newline="")
    got = [(r.id, r.sender.name, r.sender.url, r.note) for r in read_requests(path) if isinstance(r, Request)]
    assert got == [(i, n, u, repair_mojibake(note) or None) for i, n, u, note in expected]


@settings(max_examples=200)
@given(moment=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2068, 12, 31)))
def test_sent_at_as_exports_write_it_reads_back(moment: datetime) -> None:
    moment = moment.replace(second=0, microsecond=0)
    hour = moment.hour % 12 or 12
    text = f"{moment.month}/{moment.day}/{moment:%y}, {hour}:{moment:%M} {'AM' if moment.hour < 12 else 'PM'}"
    assert parse_sent_at(text) == moment


@SETTINGS
@given(request=requests(), known=profiles(), mutual=st.none() | st.integers(min_value=0, max_value=500))
def test_filling_in_never_replaces_what_a_request_has(
    request: Request, known: Profile, mutual: int | None
) -> None:
    known = attrs.evolve(known, url=request.sender.url, name=request.sender.name or "someone")
    senders = Senders([KnownSender(known, mutual)])
    filled = senders.fill_in(request)
    if senders.find(request.sender) is None:
        assert filled == request
        return
    for field in attrs.fields(Profile):
        if field.name == "extra":
            continue
        mine = getattr(request.sender, field.name)
        want = mine if mine not in (None, ()) else getattr(known, field.name)
        assert getattr(filled.sender, field.name) == want
    assert filled.mutual_connections == (
        request.mutual_connections if request.mutual_connections is not None else mutual
    )
    assert (filled.note, filled.id, filled.recipient) == (request.note, request.id, request.recipient)
