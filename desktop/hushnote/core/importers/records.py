"""Turning another app's notes into the records a bundle carries, with the vault's ids.

Every record passes the same check a bundle's records do (``bundle_records.check_record``)
before the merge sees it, so an import can fail only here, before anything is written.
Text the vault would refuse is fitted first: a title or a notebook name cut to what the
vault keeps, tags trimmed; a body longer than a note holds is refused
(``note-too-long``), never cut.

Ids: each note's uuid is an HMAC-SHA256, under a random key kept in the vault's
settings, of the app's name and the note's id in that app. The same export imported
twice finds the same notes; another vault gives them other uuids; and a uuid says
nothing about the other app's ids.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import uuid
from datetime import UTC, datetime
from typing import Any

from hushnote.core.clock import LATEST_MS, to_ms
from hushnote.core.formats.bundle_records import check_record
from hushnote.core.importers.model import ImportedNote
from hushnote.core.store.database import Database
from hushnote.core.store.note_records import MAX_BODY, MAX_NOTEBOOK, MAX_TITLE
from hushnote.core.store.tags import MAX_TAG_LENGTH
from hushnote.errors import AppImportError, BundleFormatError, BundlePlanChangedError

__all__ = ["ID_KEY_SETTING", "IdMaker", "id_key", "note_record", "store_id_key"]

# The setting holding the key app imports derive their uuids with (64 hex digits).
ID_KEY_SETTING = "import.id-key"
_HEX64 = re.compile(r"[0-9a-f]{64}")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def id_key(db: Database) -> tuple[bytes, bool]:
    """The vault's key for import ids, and whether it is new: a new one (32 random
    bytes) is stored only by the import that uses it (``store_id_key``), so that a
    preview writes nothing."""
    row = db.row("SELECT value FROM settings WHERE key = ?", (ID_KEY_SETTING,))
    if row is not None and _HEX64.fullmatch(str(row[0])):
        return bytes.fromhex(str(row[0])), False
    return secrets.token_bytes(32), True


def store_id_key(connection: Any, key: bytes) -> None:
    """Keep a new id key, inside the import's transaction; if another import stored one
    meanwhile, this import's ids are not the vault's: ``BundlePlanChangedError``."""
    connection.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
        (ID_KEY_SETTING, key.hex()),
    )
    (value,) = connection.execute(
        "SELECT value FROM settings WHERE key = ?", (ID_KEY_SETTING,)
    ).fetchone()
    if value != key.hex():
        raise BundlePlanChangedError()


class IdMaker:
    """Derives the vault's uuid for an item of an app's export."""

    def __init__(self, key: bytes, app: str) -> None:
        self._key, self._app = key, app

    def __call__(self, kind: str, *parts: str) -> str:
        message = "\x00".join((self._app, kind, *parts)).encode("utf-8", "surrogatepass")
        digest = hmac.new(self._key, message, hashlib.sha256).digest()
        # Formatted as a random (version 4) uuid, like every other uuid of the vault.
        return str(uuid.UUID(bytes=digest[:16], version=4))


def _text(value: str, limit: int) -> str:
    value = _SURROGATE.sub("\ufffd", value)
    return value[:limit]


def _ms(value: datetime | None, default: int, app: str, title: str) -> int:
    if value is None:
        return default
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    try:
        ms = to_ms(value)
    except (OverflowError, ValueError):
        raise AppImportError(source=app, item=title[:80], reason="bad-date") from None
    if not 0 <= ms <= LATEST_MS:
        raise AppImportError(source=app, item=title[:80], reason="bad-date")
    return ms


def _tags(tags: tuple[str, ...]) -> list[str]:
    seen: dict[str, str] = {}
    for raw in tags:
        tag = " ".join(_SURROGATE.sub("\ufffd", raw).split())[:MAX_TAG_LENGTH].strip()
        if tag:
            seen.setdefault(tag.casefold(), tag)
    return list(seen.values())


def note_record(note: ImportedNote, uuid_: str, now_ms: int, app: str, line: int) -> dict[str, Any]:
    """The notes.jsonl record for ``note``, checked as a bundle's would be."""
    title = _text(" ".join(note.title.split()), MAX_TITLE)
    if len(note.body) > MAX_BODY:
        raise AppImportError(source=app, item=title[:80], reason="note-too-long")
    notebook = None
    if note.notebook is not None:
        notebook = _text(" ".join(note.notebook.split()), MAX_NOTEBOOK).strip() or None
    created = _ms(note.created_at, now_ms, app, title)
    updated = _ms(note.updated_at, created, app, title)
    record = {
        "uuid": uuid_,
        "title": title,
        "body": _SURROGATE.sub("\ufffd", note.body),
        "notebook": notebook,
        "tags": _tags(note.tags),
        "pinned": bool(note.pinned),
        "archived": bool(note.archived),
        "journal_day": note.journal_day.isoformat() if note.journal_day else None,
        "created_at": created,
        "updated_at": max(updated, created),
    }
    try:
        return check_record("notes.jsonl", line, record)
    except BundleFormatError:
        raise AppImportError(source=app, item=title[:80], reason="bad-field") from None
