"""Standard Notes backups through ``standardnotes.read``: items, tags and Super notes.

An input is one plain backup file (JSON), written as is in a private scratch folder.
Mutations land in the items, the tag references and the Lexical JSON of Super notes.
Encrypted backups are not fuzzed here: every input would pay for Argon2id at the
specification's fixed cost; their decryption is covered by the hostile-input tests.
"""

from __future__ import annotations

import json

from hushnote.core.importers import standardnotes

from .fuzz_age import scratch
from .harness import Target


def _parse(data: bytes) -> object:
    path = scratch() / "backup.txt"
    path.write_bytes(data)
    with standardnotes.read([path]) as source:
        return len(source.notes)


def _note(uuid: str, title: str, text: str, **content: object) -> dict[str, object]:
    return {
        "uuid": uuid,
        "content_type": "Note",
        "created_at": "2023-05-01T10:00:00.000Z",
        "updated_at": "2023-05-02T11:00:00.000Z",
        "content": {"title": title, "text": text, "references": [], **content},
    }


def _seeds() -> dict[str, bytes]:
    lexical = {
        "root": {
            "type": "root",
            "children": [
                {"type": "heading", "tag": "h2", "children": [{"type": "text", "text": "标题"}]},
                {"type": "paragraph", "children": [{"type": "text", "text": "b", "format": 3}]},
                {
                    "type": "list",
                    "listType": "check",
                    "children": [{"type": "listitem", "checked": True, "children": []}],
                },
            ],
        }
    }
    items = [
        _note("n1", "会议记录", "明天 *见*", appData={"org.standardnotes.sn": {"pinned": True}}),
        _note("n2", "Super", json.dumps(lexical, ensure_ascii=False), noteType="super"),
        _note("n3", "Gone", "y", trashed=True),
        {
            "uuid": "t1",
            "content_type": "Tag",
            "content": {"title": "Work", "references": [{"uuid": "n1", "content_type": "Note"}]},
        },
        {
            "uuid": "t2",
            "content_type": "Tag",
            "content": {
                "title": "法律",
                "references": [
                    {"uuid": "n2", "content_type": "Note"},
                    {"uuid": "t1", "content_type": "Tag", "reference_type": "TagToParentTag"},
                ],
            },
        },
    ]
    backup = {"version": "004", "items": items}
    return {"backup.bin": json.dumps(backup, ensure_ascii=False).encode()}


TARGET = Target(
    name="standardnotes",
    parse=_parse,
    seeds=_seeds,
    max_len=64 * 1024,
    dictionary=(
        b'"content_type"',
        b'"Note"',
        b'"Tag"',
        b'"references"',
        b'"TagToParentTag"',
        b'"noteType"',
        b'"super"',
        b'"children"',
        b'"type"',
        b'"text"',
        b'"format"',
        b'"trashed"',
        b'"items_key_id"',
        b'"004:',
        b"null",
    ),
)
