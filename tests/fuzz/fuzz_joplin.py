"""Joplin exports through ``joplin.read``: items, notebooks, links and attachments.

An input is an export's members, each ``<name>\\n<content>``, joined by ``MEMBER_MARK``:
the target writes them as a JEX (a plain tar) in a private scratch folder and reads it,
every attachment included. Byte mutations then land in the items' text, past the tar
headers (whose checksums the archive reader already refuses, see the archive tests).
"""

from __future__ import annotations

import io
import tarfile

from hushnote.core.importers import joplin

from .fuzz_age import scratch
from .harness import Target

MEMBER_MARK = b"\n\x00member\x00\n"
_PROPS = "\n".join(
    [
        "created_time: 2023-01-05T10:20:30.123Z",
        "user_updated_time: 2023-01-06T11:00:00.000Z",
        "encryption_applied: 0",
        "markup_language: 1",
        "is_todo: 0",
        "latitude: 48.85660000",
        "longitude: 2.35220000",
    ]
)


def _id(n: int) -> str:
    return f"{n:032x}"


def _members(data: bytes) -> list[tuple[str, bytes]]:
    members = []
    for chunk in data.split(MEMBER_MARK):
        name, _, content = chunk.partition(b"\n")
        members.append((name.decode("utf-8", "replace") or "x.md", content))
    return members


def _parse(data: bytes) -> object:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for name, content in _members(data):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    path = scratch() / "export.jex"
    path.write_bytes(buffer.getvalue())
    with joplin.read([path], keep_locations=len(data) % 2 == 0) as source:
        for note in source.notes:
            for attachment in note.attachments:
                with attachment.open() as stream:
                    stream.read()
        return len(source.notes)


def _item(n: int, kind: int, title: str, body: str = "", **props: str) -> tuple[str, bytes]:
    lines = [f"id: {_id(n)}", *(f"{k}: {v}" for k, v in props.items()), f"type_: {kind}"]
    parts = [title, body, "\n".join(lines)] if body else [title, "\n".join(lines)]
    return f"{_id(n)}.md", "\n\n".join(parts).encode()


def _export(*members: tuple[str, bytes]) -> bytes:
    return MEMBER_MARK.join(name.encode() + b"\n" + content for name, content in members)


def _seeds() -> dict[str, bytes]:
    link = f"![](:/{_id(4)}) [see](:/{_id(3)}) :/{_id(3)}"
    return {
        "export.bin": _export(
            _item(1, 2, "工作"),
            _item(2, 2, "项目", parent_id=_id(1)),
            _item(3, 1, "会议", link, parent_id=_id(2), is_todo="1", todo_due="1675254600000"),
            _item(5, 1, "Web", f'<img src=":/{_id(4)}">', parent_id=_id(1), markup_language="2"),
            _item(4, 4, "photo.png", mime="image/png", file_extension="png"),
            _item(6, 5, "tag"),
            _item(7, 6, "", note_id=_id(3), tag_id=_id(6)),
            (f"resources/{_id(4)}.png", b"\x89PNG\r\n\x1a\n"),
        ),
        "location.bin": _export(_item(8, 1, "Paris", "body\nid: x", **_props())),
        "cycle.bin": _export(
            _item(1, 2, "A", parent_id=_id(2)),
            _item(2, 2, "B", parent_id=_id(1)),
            _item(3, 1, "n", "x", parent_id=_id(1)),
        ),
    }


def _props() -> dict[str, str]:
    return dict(line.split(": ", 1) for line in _PROPS.split("\n"))


TARGET = Target(
    name="joplin",
    parse=_parse,
    seeds=_seeds,
    max_len=64 * 1024,
    dictionary=(
        MEMBER_MARK,
        b"\n\n",
        b"type_: ",
        b"id: ",
        b"parent_id: ",
        b"note_id: ",
        b"tag_id: ",
        b"encryption_applied: 1",
        b"deleted_time: 1",
        b"is_conflict: 1",
        b"markup_language: 2",
        b"latitude: ",
        b"user_created_time: ",
        b"resources/",
        b":/",
        b"](",
        b"0123456789abcdef0123456789abcdef",
        b".md",
    ),
)
