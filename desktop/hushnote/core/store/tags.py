"""Tags shared by notes and contacts: names are trimmed, case-insensitively unique."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from hushnote.errors import InvalidRecordError

__all__ = [
    "MAX_TAG_LENGTH",
    "clean_tags",
    "prune_tags",
    "set_tags",
    "split_tags",
    "tag_ids_of",
    "tags_of",
]

MAX_TAG_LENGTH = 100
_LINKS = {"note": ("note_tags", "note_id"), "contact": ("contact_tags", "contact_id")}


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Trim, drop empties and case-insensitive repeats, keep the first spelling."""
    seen: dict[str, str] = {}
    for raw in tags:
        tag = " ".join(raw.split())
        if not tag:
            continue
        if len(tag) > MAX_TAG_LENGTH:
            raise InvalidRecordError(field="tag", maximum=MAX_TAG_LENGTH)
        seen.setdefault(tag.casefold(), tag)
    return tuple(seen.values())


def split_tags(text: str) -> list[str]:
    """The tags in a comma-separated field; a full-width comma (，、) separates too,
    because that is what a Chinese input method types."""
    return [tag for tag in re.split(r"[,，、]", text) if tag.strip()]


def set_tags(connection: Any, kind: str, owner_id: int, tags: tuple[str, ...]) -> None:
    """Replace the tags of one note or contact, inside the caller's transaction."""
    table, column = _LINKS[kind]
    before = tag_ids_of(connection, kind, owner_id)
    connection.execute(f"DELETE FROM {table} WHERE {column} = ?", (owner_id,))  # noqa: S608 - fixed names
    for tag in tags:
        connection.execute("INSERT INTO tags (name) VALUES (?) ON CONFLICT DO NOTHING", (tag,))
        connection.execute(
            f"INSERT INTO {table} ({column}, tag_id) SELECT ?, id FROM tags WHERE name = ?",  # noqa: S608 - fixed names
            (owner_id, tag),
        )
    prune_tags(connection, before)


def tag_ids_of(connection: Any, kind: str, owner_id: int) -> list[int]:
    table, column = _LINKS[kind]
    rows = connection.execute(
        f"SELECT tag_id FROM {table} WHERE {column} = ?",  # noqa: S608 - fixed names
        (owner_id,),
    ).fetchall()
    return [int(row[0]) for row in rows]


def prune_tags(connection: Any, tag_ids: Iterable[int]) -> None:
    """Drop tag names no note or contact uses any more: a deleted note's tags must not
    outlive it."""
    for tag_id in tag_ids:
        connection.execute(
            "DELETE FROM tags WHERE id = ? "
            "AND NOT EXISTS (SELECT 1 FROM note_tags WHERE tag_id = ?) "
            "AND NOT EXISTS (SELECT 1 FROM contact_tags WHERE tag_id = ?)",
            (tag_id, tag_id, tag_id),
        )


def tags_of(connection: Any, kind: str, owner_id: int) -> tuple[str, ...]:
    table, column = _LINKS[kind]
    rows = connection.execute(
        f"SELECT t.name FROM {table} JOIN tags t ON t.id = tag_id "  # noqa: S608 - fixed names
        f"WHERE {column} = ? ORDER BY t.name COLLATE NOCASE",
        (owner_id,),
    ).fetchall()
    return tuple(str(row[0]) for row in rows)
