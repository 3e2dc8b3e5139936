"""Reading requests from JSON, JSONL and LinkedIn exports: every record gives a request or an error."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from relpolicy import InvalidRequest, Profile, Request
from relpolicy.inputs import (
    Export,
    InputError,
    KnownSender,
    RecordError,
    Senders,
    parse_sent_at,
    read_profiles,
    read_recipient,
    read_requests,
    repair_mojibake,
)

DATA = Path(__file__).parent / "data"
EXPORT = DATA / "linkedin-export"
OLD_EXPORT = DATA / "linkedin-export-old"


def split(items: list[Request | RecordError]) -> tuple[list[Request], list[RecordError]]:
    requests = [i for i in items if isinstance(i, Request)]
    errors = [i for i in items if isinstance(i, RecordError)]
    assert len(requests) + len(errors) == len(items)
    return requests, errors


def expected_jsonl(path: Path) -> dict[int, object]:
    """Line number -> the Request, or the problem paths, judged one line at a time."""
    expected: dict[int, object] = {}
    for number, raw in enumerate(path.read_bytes().split(b"\n"), start=1):
        raw = raw.removeprefix(b"\xef\xbb\xbf") if number == 1 else raw
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            expected[number] = ("",)
            continue
        if not text.strip():
            continue
        try:
            data = json.loads(text)
        except ValueError:
            expected[number] = ("",)
            continue
        if isinstance(data, dict) and data.get("id") is None:
            data["id"] = f"{path.name}:{number}"
        try:
            expected[number] = Request.from_dict(data)
        except InvalidRequest as exc:
            expected[number] = exc.paths
    return expected


# -- JSON Lines ---------------------------------------------------------------------------


def test_jsonl_gives_one_request_or_error_per_record_with_its_line() -> None:
    path = DATA / "cli-mixed.jsonl"
    items = list(read_requests(path))
    expected = expected_jsonl(path)
    assert len(items) == len(expected)
    for (line, want), item in zip(sorted(expected.items()), items, strict=True):
        if isinstance(want, Request):
            assert item == want
        else:
            assert isinstance(item, RecordError)
            assert item.line == line
            assert item.source == str(path)
            assert tuple(p.path for p in item.problems) == want


def test_record_error_lines_name_file_line_and_field() -> None:
    items = list(read_requests(DATA / "cli-mixed.jsonl"))
    for item in items:
        if isinstance(item, RecordError):
            for problem, text in zip(item.problems, item.lines(), strict=True):
                prefix = f"{item.source}:{item.line}: "
                assert text.startswith(prefix)
                assert text == prefix + (
                    f"{problem.path}: {problem.message}" if problem.path else problem.message
                )


def test_requests_without_an_id_are_named_by_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "some.jsonl"
    path.write_text('\n{"sender": {}}\n{"id": "mine", "sender": {}}\n{"id": null, "sender": {}}\n')
    ids = [r.id for r in read_requests(path) if isinstance(r, Request)]
    assert ids == ["some.jsonl:2", "mine", "some.jsonl:4"]


def test_jsonl_reads_as_a_stream(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"sender": {"name": f"n{i}"}}) + "\n" for i in range(50)))
    stream = read_requests(path)
    first = next(stream)
    assert isinstance(first, Request)
    assert first.sender.name == "n0"
    assert sum(1 for _ in stream) == 49


# -- JSON ---------------------------------------------------------------------------------


def test_json_array_elements_carry_the_line_they_start_on(tmp_path: Path) -> None:
    records = [{"sender": {"name": f"s{i}"}, "note": "a\nb" * i} for i in range(6)]
    text, lines = "[", []
    for index, record in enumerate(records):
        text += ("," if index else "") + "\n" * (index % 3) + "  "
        lines.append(text.count("\n") + 1)
        text += json.dumps(record, indent=2 if index % 2 else None)
    path = tmp_path / "array.json"
    path.write_text(text + "\n]\n")
    requests, errors = split(list(read_requests(path)))
    assert not errors
    assert [r.id for r in requests] == [f"array.json:{line}" for line in lines]
    assert [r.note for r in requests] == [r["note"] for r in records]


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64])
def test_json_reads_the_same_whatever_the_chunk_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    from relpolicy.inputs import _records

    payload = [
        {"id": f"r{i}", "sender": {"name": "\u00e9\u4e2d\U0001f600" * i}, "mutual_connections": 10**i}
        for i in range(5)
    ]
    path = tmp_path / "r.json"
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(_records, "_CHUNK", chunk)
    got = [r.to_dict() for r in read_requests(path) if isinstance(r, Request)]
    assert got == [Request.from_dict(p).to_dict() for p in payload]


def test_json_single_object_and_objects_in_a_row(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text('\ufeff{"id": "a", "sender": {"name": "A"}}\n', encoding="utf-8")
    assert [r.id for r in read_requests(one) if isinstance(r, Request)] == ["a"]
    several = tmp_path / "several.json"
    several.write_text('{"sender": {}}\n{\n"sender": {}}\n')
    assert [r.id for r in read_requests(several) if isinstance(r, Request)] == [
        "several.json:1",
        "several.json:2",
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('[{"sender": {}},\n{"sender": {}}\n,\n{"sender": ', 4),
        ('[{"sender": {}},\n\n{"sender": {}},\n]', 4),
        ('[{"sender": {}}\n{"sender": {}}]', 2),
        ('[{"sender": {}},\n{"sender": {}}', 2),
        ('{"sender": {}}\n\n  garbage', 3),
    ],
)
def test_broken_json_is_reported_at_its_line_after_the_good_records(
    tmp_path: Path, text: str, line: int
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(text)
    requests, errors = split(list(read_requests(path)))
    good_before = text.count('{"sender": {}}')
    assert len(requests) in (good_before - 1, good_before)  # a record cut short is no request
    assert len(errors) == 1
    assert errors[0].line == line
    assert "not valid JSON" in str(errors[0])


def test_json_elements_that_are_not_requests_are_errors_and_the_rest_go_on(tmp_path: Path) -> None:
    path = tmp_path / "mixed.json"
    path.write_text('[\n{"sender": {}},\n3,\n{"sender": {"groups": "x"}},\n{"sender": {}}\n]')
    items = list(read_requests(path))
    assert [type(i).__name__ for i in items] == ["Request", "RecordError", "RecordError", "Request"]
    assert [i.line for i in items if isinstance(i, RecordError)] == [3, 4]
    bad = items[2]
    assert isinstance(bad, RecordError)
    assert bad.problems[0].path == "sender.groups"


def test_json_with_bytes_that_are_not_utf8_reports_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes(b'[{"sender": {}},\n{"sender": {"name": "Andr\xe9"}}]')
    requests, errors = split(list(read_requests(path)))
    assert len(requests) == 1
    assert errors[0].line == 2
    assert "not UTF-8" in str(errors[0])


def test_json_nested_too_deeply_is_an_error(tmp_path: Path) -> None:
    for name in ("deep.json", "deep.jsonl"):
        path = tmp_path / name
        path.write_text('{"sender": {}, "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
        _, errors = split(list(read_requests(path)))
        assert len(errors) == 1
        assert "nested too deeply" in str(errors[0])


def test_empty_files_hold_no_records(tmp_path: Path) -> None:
    for name in ("empty.json", "empty.jsonl", "blank.json"):
        path = tmp_path / name
        path.write_text("  \n" if name.startswith("blank") else "")
        assert list(read_requests(path)) == []


def test_paths_that_cannot_be_read_are_input_errors(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(InputError, match=r"notes\.txt: cannot tell what this is"):
        read_requests(tmp_path / "notes.txt")
    with pytest.raises(InputError, match="no such file"):
        read_requests(tmp_path / "missing.jsonl")
    (tmp_path / "folder").mkdir()
    with pytest.raises(InputError, match=r"no Invitations\.csv"):
        read_requests(tmp_path / "folder")


# -- LinkedIn exports ---------------------------------------------------------------------


def incoming_rows(path: Path) -> list[dict[str, str]]:
    """The INCOMING rows, read by the csv module directly (the file starts with its header)."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [row for row in csv.DictReader(f) if row["Direction"] == "INCOMING"]


def test_export_folder_gives_the_incoming_invitations_only() -> None:
    requests, errors = split(list(read_requests(EXPORT)))
    assert not errors
    rows = incoming_rows(EXPORT / "Invitations.csv")
    assert len(requests) == len(rows)
    for request, row in zip(requests, rows, strict=True):
        assert request.sender.name == repair_mojibake(row["From"])
        assert request.sender.url == row["inviterProfileUrl"]
        message = row["Message"].replace("\r\n", "\n").strip()
        assert request.note == (repair_mojibake(message) or None)
        assert request.sent_at == datetime.strptime(row["Sent At"], "%m/%d/%y, %I:%M %p")
        assert request.id == row["inviterProfileUrl"]


def test_export_requests_keep_the_lines_rows_start_on_as_their_source() -> None:
    text = (EXPORT / "Invitations.csv").read_text(encoding="utf-8-sig")
    starts = []
    reader = csv.reader(io.StringIO(text, newline=""))
    previous = 0
    for row in reader:
        if row and row[4] == "INCOMING":
            starts.append(previous + 1)
        previous = reader.line_num
    requests, _ = split(list(read_requests(EXPORT)))
    assert [r.extra["source"] for r in requests] == [f"Invitations.csv:{n}" for n in starts]


def test_export_ids_stay_the_same_when_rows_come_before_them(tmp_path: Path) -> None:
    original = (EXPORT / "Invitations.csv").read_text(encoding="utf-8-sig")
    header, _, rows = original.partition("\n")
    newer = 'Ann Lee,Dana Whitfield,"3/9/27, 9:00 AM",Hello,INCOMING,https://www.linkedin.com/in/ann-lee,\n'
    (tmp_path / "Invitations.csv").write_text(f"{header}\n{newer}{rows}", encoding="utf-8")
    before = {r.id: r.note for r in split(list(read_requests(EXPORT)))[0]}
    after = {r.id: r.note for r in split(list(read_requests(tmp_path / "Invitations.csv")))[0]}
    assert set(after) - set(before) == {"https://www.linkedin.com/in/ann-lee"}
    assert {key: after[key] for key in before} == before


def test_export_ids_are_unique_when_one_address_sent_twice(tmp_path: Path) -> None:
    rows = [
        'Sam,Me,"3/9/27, 9:00 AM",Second try,INCOMING,https://www.linkedin.com/in/sam/,',
        'Sam,Me,"3/1/27, 9:00 AM",First try,INCOMING,https://www.linkedin.com/in/Sam,',
        'Sam,Me,"2/1/27, 9:00 AM",,INCOMING,https://www.linkedin.com/in/sam,',
        'Jo,Me,"2/1/27, 9:00 AM",,INCOMING,,',
    ]
    header = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl"
    path = tmp_path / "Invitations.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    requests, errors = split(list(read_requests(path)))
    assert not errors
    assert [r.id for r in requests] == [
        "https://www.linkedin.com/in/sam/",
        "https://www.linkedin.com/in/Sam#2",
        "https://www.linkedin.com/in/sam#3",
        "Invitations.csv:5",
    ]


def test_multi_line_messages_keep_their_lines() -> None:
    requests, _ = split(list(read_requests(EXPORT)))
    multi = [r for r in requests if r.note and "\n" in r.note]
    assert multi, "the test export should hold a message of several lines"
    assert all("\r" not in r.note for r in requests if r.note)


def test_export_recipient_is_the_profile_csv_owner_and_can_be_turned_off() -> None:
    with (EXPORT / "Profile.csv").open(encoding="utf-8-sig", newline="") as f:
        row = next(csv.DictReader(f))
    requests, _ = split(list(read_requests(EXPORT)))
    recipients = {r.recipient for r in requests}
    assert len(recipients) == 1
    (owner,) = recipients
    assert owner is not None
    assert owner.name == f"{row['First Name']} {row['Last Name']}"
    assert owner.headline == row["Headline"]
    assert owner.industry == row["Industry"]
    assert owner.location == row["Geo Location"]
    without, _ = split(list(read_requests(EXPORT, export_recipient=False)))
    assert {r.recipient for r in without} == {None}


def test_the_invitations_csv_alone_reads_like_its_folder() -> None:
    assert list(read_requests(EXPORT / "Invitations.csv")) == list(read_requests(EXPORT))


def test_zip_export_reads_like_its_folder(tmp_path: Path) -> None:
    archive = tmp_path / "Basic_LinkedInDataExport_11-26-2026.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for file in EXPORT.iterdir():
            z.write(file, f"Basic_LinkedInDataExport_11-26-2026/{file.name}")
    assert list(read_requests(archive)) == list(read_requests(EXPORT))


def test_connections_header_is_found_after_the_notes() -> None:
    connections, errors = Export(EXPORT).connections()
    assert not errors
    with (EXPORT / "Connections.csv").open(encoding="utf-8-sig", newline="") as f:
        lines = f.read().splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("First Name,"))
    assert header > 0, "the test export puts notes before the header"
    assert len(connections) == len([line for line in lines[header + 1 :] if line.strip()])


def test_a_sender_among_the_connections_is_marked_and_gets_a_headline() -> None:
    with (EXPORT / "Connections.csv").open(encoding="utf-8-sig", newline="") as f:
        text = f.read()
    rows = list(csv.DictReader(io.StringIO(text[text.index("First Name,") :])))
    by_url = {row["URL"].rstrip("/"): row for row in rows}
    requests, _ = split(list(read_requests(EXPORT)))
    marked = 0
    for request in requests:
        row = by_url.get((request.sender.url or "").rstrip("/"))
        assert request.extra.get("already_connected", False) is (row is not None)
        if row is not None:
            marked += 1
            assert request.sender.headline == f"{row['Position']} at {row['Company']}"
            assert (
                request.extra["connected_on"]
                == datetime.strptime(row["Connected On"], "%d %b %Y").date().isoformat()
            )
    assert marked


def test_old_export_without_address_columns() -> None:
    requests, errors = split(list(read_requests(OLD_EXPORT)))
    assert not errors
    rows = incoming_rows(OLD_EXPORT / "Invitations.csv")
    assert [r.sender.name for r in requests] == [row["From"] for row in rows]
    assert all(r.sender.url is None for r in requests)
    assert {r.recipient for r in requests} == {None}  # no Profile.csv there


def write_invitations(path: Path, rows: list[list[str]], header: list[str] | None = None) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        header or ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"]
    )
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")


def test_bad_rows_are_errors_naming_the_column_and_good_rows_go_on(tmp_path: Path) -> None:
    path = tmp_path / "Invitations.csv"
    write_invitations(
        path,
        [
            ["Ann", "Me", "11/19/26, 4:02 PM", "hi", "INCOMING", "", ""],
            ["Bo", "Me", "yesterday", "hi", "INCOMING", "", ""],
            ["Cy", "Me", "11/19/26, 4:02 PM", "hi", "SIDEWAYS", "", ""],
            ["Di", "Me"],
            ["Ed", "Me", "11/19/26, 4:02 PM", "hi", "INCOMING", "", "", "surplus"],
            ["Flo", "Me", "", "", "incoming", "", ""],
        ],
    )
    items = list(read_requests(path))
    assert [type(i).__name__ for i in items] == [
        "Request",
        "RecordError",
        "RecordError",
        "RecordError",
        "RecordError",
        "Request",
    ]
    errors = [i for i in items if isinstance(i, RecordError)]
    assert [e.line for e in errors] == [3, 4, 5, 6]
    assert [e.problems[0].path for e in errors] == ["Sent At", "Direction", "Direction", ""]


def test_csv_bytes_that_are_not_utf8_name_the_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "Invitations.csv"
    write_invitations(
        path, [["Ann", "Me", "", "fine", "INCOMING", "", ""], ["Bo", "Me", "", "XX", "INCOMING", "", ""]]
    )
    path.write_bytes(path.read_bytes().replace(b"XX", b"caf\xe9"))
    items = list(read_requests(path))
    assert isinstance(items[0], Request)
    assert isinstance(items[1], RecordError)
    assert (items[1].line, items[1].problems[0].path) == (3, "Message")


def test_csv_without_the_needed_columns_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "Invitations.csv"
    write_invitations(path, [["a", "b"]], header=["Name", "Note"])
    items = list(read_requests(path))
    assert len(items) == 1
    assert isinstance(items[0], RecordError)
    assert "From, Direction" in str(items[0])


def test_an_outgoing_row_is_no_record_and_an_empty_csv_has_none(tmp_path: Path) -> None:
    path = tmp_path / "Invitations.csv"
    write_invitations(path, [["Me", "Ann", "", "hi", "OUTGOING", "", ""]])
    assert list(read_requests(path)) == []
    path.write_text("")
    assert list(read_requests(path)) == []


def test_sent_at_forms() -> None:
    assert parse_sent_at("11/19/26, 4:02 PM") == datetime(2026, 11, 19, 16, 2)
    assert parse_sent_at("1/2/2027,\u202f12:05\u202fAM") == datetime(2027, 1, 2, 0, 5)
    assert parse_sent_at("2026-11-19 16:02:00 UTC") == datetime(2026, 11, 19, 16, 2, tzinfo=timezone.utc)
    assert parse_sent_at("2026-11-19T16:02:00Z") == datetime(2026, 11, 19, 16, 2, tzinfo=timezone.utc)
    with pytest.raises(ValueError, match="last Tuesday"):
        parse_sent_at("last Tuesday")


def as_windows_1252(text: str) -> str:
    """*text*'s UTF-8 bytes read as Windows-1252, as some exports hold it (undefined bytes as Latin-1)."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def test_mojibake_is_repaired_only_when_it_surely_is() -> None:
    for text in ("José Martínez", "François", "Zoë – “quoted”", "Łukasz", "Дмитрий"):
        assert repair_mojibake(as_windows_1252(text)) == text
    for text in ("Ãlvaro", "plain ASCII", "Âme sœur", ""):
        assert repair_mojibake(text) == text


# -- profiles: the recipient and known senders ------------------------------------------------


def test_profiles_fill_in_what_requests_lack_and_match_by_address_or_name() -> None:
    entries = list(read_profiles(DATA / "cli-profiles.jsonl"))
    known = [e for e in entries if isinstance(e, KnownSender)]
    assert len(known) == len(entries)
    senders = Senders(known)
    plain, _ = split(list(read_requests(EXPORT)))
    filled, _ = split(list(read_requests(EXPORT, senders=senders)))
    old, _ = split(list(read_requests(OLD_EXPORT, senders=senders)))
    changed = 0
    for before, after in zip(
        [*plain, *split(list(read_requests(OLD_EXPORT)))[0]], [*filled, *old], strict=True
    ):
        entry = senders.find(before.sender)
        if entry is None:
            assert after == before
            continue
        changed += 1
        assert after.sender.name == before.sender.name  # the export's own name is kept
        assert after.sender.url == before.sender.url
        for field in ("headline", "industry", "groups", "open_to_work"):
            mine = getattr(before.sender, field)
            assert getattr(after.sender, field) == (
                mine if mine not in (None, ()) else getattr(entry.profile, field)
            )
        assert after.mutual_connections == entry.mutual_connections
    assert changed == len(known)


def test_bad_profile_entries_are_errors(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(
        '[{"headline": "no key"}, {"url": "u", "mutual_connections": -1}, {"url": "u", "groups": 2}]'
    )
    entries = list(read_profiles(path))
    assert all(isinstance(e, RecordError) for e in entries)
    assert [[p.path for p in e.problems] for e in entries if isinstance(e, RecordError)] == [
        ["url"],
        ["mutual_connections"],
        ["groups"],
    ]
    with pytest.raises(InputError):
        read_profiles(tmp_path / "p.csv")


def test_recipient_from_json_or_toml(tmp_path: Path) -> None:
    profile = Profile(name="Pat", industry="Professional Training and Coaching", groups=("A", "B"))
    (tmp_path / "me.json").write_text(json.dumps(profile.to_dict()))
    (tmp_path / "me.toml").write_text(
        'name = "Pat"\nindustry = "Professional Training and Coaching"\ngroups = ["A", "B"]\n'
    )
    (tmp_path / "relpolicy.toml").write_text(
        'accept_threshold = 2\n[recipient]\nname = "Pat"\nindustry = "Professional Training and Coaching"\n'
        'groups = ["A", "B"]\n'
    )
    for name in ("me.json", "me.toml", "relpolicy.toml"):
        assert read_recipient(tmp_path / name) == profile


@pytest.mark.parametrize(
    ("name", "content", "match"),
    [
        ("me.toml", "name = 3\n", "name: expected a string"),
        ("me.toml", "name = \n", "cannot read"),
        ("me.json", "[1]", "expected a profile"),
        ("me.json", "{", "cannot read"),
    ],
)
def test_bad_recipient_files_are_input_errors(tmp_path: Path, name: str, content: str, match: str) -> None:
    (tmp_path / name).write_text(content)
    with pytest.raises(InputError, match=match):
        read_recipient(tmp_path / name)


def test_a_percent_encoded_address_finds_its_connection(tmp_path: Path) -> None:
    (tmp_path / "Invitations.csv").write_text(
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        'Zoë Brandt,Me,"3/9/27, 9:00 AM",Hi,INCOMING,https://www.linkedin.com/in/zo%C3%AB-brandt,\n',
        encoding="utf-8",
    )
    (tmp_path / "Connections.csv").write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Zoë,Brandt,https://www.linkedin.com/in/zoë-brandt,,Acme,Buyer,03 Mar 2025\n",
        encoding="utf-8",
    )
    [request] = read_requests(tmp_path)
    assert isinstance(request, Request)
    assert request.extra["already_connected"] is True
    assert request.extra["connected_on"] == "2025-03-03"
