"""Day One JSON exports through ``dayone.read``: entries, dates, tags and media by MD5.

An input is an export's members, each ``<name>\\n<content>``, joined by ``MEMBER_MARK``:
the target writes them as a zip in a private scratch folder and reads it, every
attachment included. Mutations land in the journal's JSON (types, dates, time zones) and
in the media names and digests; the zip's own damage is the archive target's.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

from hushnote.core.importers import dayone

from .fuzz_age import scratch
from .harness import Target

MEMBER_MARK = b"\n\x00member\x00\n"
_JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 20 + b"\xff\xd9"


def _members(data: bytes) -> list[tuple[str, bytes]]:
    members: dict[str, bytes] = {}
    for chunk in data.split(MEMBER_MARK):
        name, _, content = chunk.partition(b"\n")
        text = name.decode("utf-8", "replace").replace("\x00", "_").strip("/")
        members[text or "Journal.json"] = content
    return list(members.items())


def _parse(data: bytes) -> object:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in _members(data):
            archive.writestr(name, content)
    path = scratch() / "export.zip"
    path.write_bytes(buffer.getvalue())
    with dayone.read([path], keep_locations=len(data) % 2 == 0) as source:
        for note in source.notes:
            for attachment in note.attachments:
                with attachment.open() as stream:
                    stream.read()
        return len(source.notes)


def _export(*members: tuple[str, bytes]) -> bytes:
    return MEMBER_MARK.join(name.encode() + b"\n" + content for name, content in members)


def _seeds() -> dict[str, bytes]:
    digest = hashlib.md5(_JPEG, usedforsecurity=False).hexdigest()
    entry = {
        "uuid": "1546F37361264E129200B2CA6A885855",
        "creationDate": "2023-01-05T23:20:30Z",
        "modifiedDate": "2023-01-06T08:00:00Z",
        "timeZone": "Europe/Berlin",
        "text": "# 夜\n\n![](dayone-moment://AD6F2A6EC10C41AEA35E94BAD169936D)",
        "starred": True,
        "tags": ["walk", "夜"],
        "location": {"latitude": 52.5, "longitude": 13.4, "placeName": "Mitte"},
        "weather": {"temperatureCelsius": 3},
        "photos": [
            {"identifier": "AD6F2A6EC10C41AEA35E94BAD169936D", "md5": digest, "type": "jpeg"}
        ],
    }
    journal = {"metadata": {"version": "1.0"}, "entries": [entry]}
    return {
        "export.bin": _export(
            ("Journal.json", json.dumps(journal, ensure_ascii=False).encode()),
            (f"photos/{digest}.jpeg", _JPEG),
        ),
        "bare.bin": _export(("旅行.json", b'{"entries": [{"uuid": "A", "text": "x"}]}')),
    }


TARGET = Target(
    name="dayone",
    parse=_parse,
    seeds=_seeds,
    max_len=64 * 1024,
    dictionary=(
        MEMBER_MARK,
        b'"entries"',
        b'"creationDate"',
        b'"timeZone"',
        b'"photos"',
        b'"md5"',
        b'"identifier"',
        b'"location"',
        b'"tags"',
        b"dayone-moment://",
        b"photos/",
        b".json",
        b"null",
        b"1e999",
    ),
)
