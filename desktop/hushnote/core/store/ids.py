"""Record ids: random UUIDs, which users may abbreviate to a unique prefix."""

from __future__ import annotations

import re
import uuid

from hushnote.core.store.database import Database
from hushnote.errors import AmbiguousReferenceError, RecordNotFoundError

__all__ = ["MIN_PREFIX", "new_uuid", "resolve_uuid"]

MIN_PREFIX = 4
_HEX = re.compile(r"[0-9a-f-]+")
_TABLES = {"note": "notes", "contact": "contacts", "list": "lists", "attachment": "attachments"}


def new_uuid() -> str:
    return str(uuid.uuid4())


def resolve_uuid(db: Database, kind: str, reference: str) -> tuple[int, str]:
    """Return ``(rowid, uuid)`` of the one ``kind`` record whose uuid starts with
    ``reference`` (at least four hex digits)."""
    table = _TABLES[kind]
    prefix = reference.strip().lower()
    if len(prefix) < MIN_PREFIX or not _HEX.fullmatch(prefix):
        raise RecordNotFoundError(kind=kind, reference=reference[:40])
    rows = db.rows(
        f"SELECT id, uuid FROM {table} WHERE uuid >= ? AND uuid < ? ORDER BY uuid LIMIT 2",  # noqa: S608 - fixed table names
        (prefix, prefix + "\U0010ffff"),
    )
    if not rows:
        raise RecordNotFoundError(kind=kind, reference=prefix)
    if len(rows) > 1:
        raise AmbiguousReferenceError(kind=kind, reference=prefix)
    return int(rows[0][0]), str(rows[0][1])
