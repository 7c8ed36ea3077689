"""Contact lists (groups such as "medics" or "legal observers") and note-contact links."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hushnote.core.clock import Clock, system_clock, to_ms
from hushnote.core.store.contacts import ContactSummary
from hushnote.core.store.database import Database
from hushnote.core.store.ids import new_uuid, resolve_uuid
from hushnote.core.store.note_records import NoteSummary
from hushnote.errors import InvalidRecordError, RecordNotFoundError

__all__ = ["ContactList", "LinkStore", "ListStore"]

MAX_LIST_NAME = 200


@dataclass(frozen=True)
class ContactList:
    uuid: str
    name: str
    size: int


class ListStore:
    """Named lists of contacts; a contact may be on any number of them."""

    def __init__(self, db: Database, *, clock: Clock = system_clock) -> None:
        self._db = db
        self._clock = clock

    def all(self) -> list[ContactList]:
        rows = self._db.rows(
            "SELECT l.uuid, l.name, count(m.contact_id) FROM lists l "
            "LEFT JOIN list_members m ON m.list_id = l.id GROUP BY l.id "
            "ORDER BY l.name COLLATE NOCASE"
        )
        return [ContactList(uuid, name, int(size)) for uuid, name, size in rows]

    def create(self, name: str) -> ContactList:
        name = _clean_name(name)
        now = to_ms(self._clock())
        with self._db.transaction() as connection:
            if connection.execute("SELECT 1 FROM lists WHERE name = ?", (name,)).fetchone():
                raise InvalidRecordError(field="list", reason="exists")
            uuid = new_uuid()
            connection.execute(
                "INSERT INTO lists (uuid, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                (uuid, name, now, now),
            )
        return ContactList(uuid, name, 0)

    def rename(self, name: str, new_name: str) -> None:
        list_id = self._id(name)
        with self._db.transaction() as connection:
            connection.execute(
                "UPDATE lists SET name = ?, updated_at = ? WHERE id = ?",
                (_clean_name(new_name), to_ms(self._clock()), list_id),
            )

    def delete(self, name: str) -> None:
        """Delete a list; its contacts stay."""
        list_id = self._id(name)
        with self._db.transaction() as connection:
            connection.execute("DELETE FROM lists WHERE id = ?", (list_id,))
        self._db.checkpoint_after_commit()

    def add(self, name: str, contact_reference: str) -> None:
        list_id = self._id(name)
        contact_id, _ = resolve_uuid(self._db, "contact", contact_reference)
        with self._db.transaction() as connection:
            connection.execute(
                "INSERT INTO list_members (list_id, contact_id, added_at) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (list_id, contact_id, to_ms(self._clock())),
            )

    def remove(self, name: str, contact_reference: str) -> None:
        list_id = self._id(name)
        contact_id, _ = resolve_uuid(self._db, "contact", contact_reference)
        with self._db.transaction() as connection:
            connection.execute(
                "DELETE FROM list_members WHERE list_id = ? AND contact_id = ?",
                (list_id, contact_id),
            )

    def lists_of(self, contact_reference: str) -> list[str]:
        """The names of the lists a contact is on, in one query (both front ends show
        them with the contact)."""
        contact_id, _ = resolve_uuid(self._db, "contact", contact_reference)
        rows = self._db.rows(
            "SELECT l.name FROM list_members m JOIN lists l ON l.id = m.list_id "
            "WHERE m.contact_id = ? ORDER BY l.name COLLATE NOCASE",
            (contact_id,),
        )
        return [str(name) for (name,) in rows]

    def members(self, name: str) -> list[ContactSummary]:
        list_id = self._id(name)
        rows = self._db.rows(
            "SELECT c.uuid, c.display_name, c.organization, c.role FROM list_members m "
            "JOIN contacts c ON c.id = m.contact_id WHERE m.list_id = ? "
            "ORDER BY c.display_name COLLATE NOCASE, c.id",
            (list_id,),
        )
        return [ContactSummary(*row) for row in rows]

    def phone_numbers(self, name: str) -> list[str]:
        """Every phone number of every member, in member order, without repeats."""
        rows = self._db.rows(
            "SELECT cm.value FROM list_members m JOIN contacts c ON c.id = m.contact_id "
            "JOIN contact_methods cm ON cm.contact_id = c.id AND cm.kind = 'phone' "
            "WHERE m.list_id = ? ORDER BY c.display_name COLLATE NOCASE, c.id, cm.position",
            (self._id(name),),
        )
        return list(dict.fromkeys(str(row[0]) for row in rows))

    def merge(self, connection: Any, record: dict[str, Any]) -> str:
        """Take a checked bundle record inside the caller's transaction. Members merge
        (union) whatever the times; the name follows the newer side. A different list of
        the same name keeps its name and the incoming one gets a suffix."""
        row = connection.execute(
            "SELECT id, updated_at FROM lists WHERE uuid = ?", (record["uuid"],)
        ).fetchone()
        outcome = "skipped"
        if row is None:
            name = _free_name(connection, _clean_name(record["name"]))
            list_id = connection.execute(
                "INSERT INTO lists (uuid, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                (record["uuid"], name, record["created_at"], record["updated_at"]),
            ).lastrowid
            outcome = "added"
        else:
            list_id = row[0]
            if row[1] < record["updated_at"]:
                outcome = "updated"
        before = connection.total_changes
        for member in record["members"]:
            connection.execute(
                "INSERT INTO list_members (list_id, contact_id, added_at) SELECT ?, id, ? "
                "FROM contacts WHERE uuid = ? ON CONFLICT DO NOTHING",
                (list_id, record["updated_at"], member),
            )
        if outcome == "skipped" and connection.total_changes != before:
            outcome = "updated"
        return outcome

    def _id(self, name: str) -> int:
        row = self._db.row("SELECT id FROM lists WHERE name = ?", (" ".join(name.split()),))
        if row is None:
            raise RecordNotFoundError(kind="list", reference=name[:40])
        return int(row[0])


class LinkStore:
    """Links between notes and contacts (a case note and its client), seen from both sides."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def link(self, note_reference: str, contact_reference: str) -> None:
        note_id, _ = resolve_uuid(self._db, "note", note_reference)
        contact_id, _ = resolve_uuid(self._db, "contact", contact_reference)
        with self._db.transaction() as connection:
            connection.execute(
                "INSERT INTO note_contacts (note_id, contact_id) VALUES (?, ?) "
                "ON CONFLICT DO NOTHING",
                (note_id, contact_id),
            )

    def merge(self, connection: Any, record: dict[str, Any]) -> str:
        """Add a bundle's link if both ends exist: "added", else "skipped"."""
        cursor = connection.execute(
            "INSERT INTO note_contacts (note_id, contact_id) SELECT n.id, c.id FROM notes n, "
            "contacts c WHERE n.uuid = ? AND c.uuid = ? ON CONFLICT DO NOTHING",
            (record["note"], record["contact"]),
        )
        return "added" if cursor.rowcount > 0 else "skipped"

    def unlink(self, note_reference: str, contact_reference: str) -> None:
        note_id, _ = resolve_uuid(self._db, "note", note_reference)
        contact_id, _ = resolve_uuid(self._db, "contact", contact_reference)
        with self._db.transaction() as connection:
            connection.execute(
                "DELETE FROM note_contacts WHERE note_id = ? AND contact_id = ?",
                (note_id, contact_id),
            )

    def contacts_of(self, note_reference: str) -> list[ContactSummary]:
        note_id, _ = resolve_uuid(self._db, "note", note_reference)
        rows = self._db.rows(
            "SELECT c.uuid, c.display_name, c.organization, c.role FROM note_contacts nc "
            "JOIN contacts c ON c.id = nc.contact_id WHERE nc.note_id = ? "
            "ORDER BY c.display_name COLLATE NOCASE",
            (note_id,),
        )
        return [ContactSummary(*row) for row in rows]

    def notes_of(self, contact_reference: str) -> list[NoteSummary]:
        contact_id, _ = resolve_uuid(self._db, "contact", contact_reference)
        rows = self._db.rows(
            "SELECT n.uuid, n.title, nb.name, n.pinned, n.archived, n.journal_day, "
            "n.updated_at, n.trashed_at FROM note_contacts nc JOIN notes n ON n.id = nc.note_id "
            "LEFT JOIN notebooks nb ON nb.id = n.notebook_id "
            "WHERE nc.contact_id = ? AND n.trashed_at IS NULL ORDER BY n.updated_at DESC",
            (contact_id,),
        )
        return [NoteSummary.from_row(row) for row in rows]


def _free_name(connection: Any, name: str) -> str:
    """``name``, or ``name (2)``, ``name (3)``… if a list is already called that."""
    candidate, number = name, 1
    while connection.execute("SELECT 1 FROM lists WHERE name = ?", (candidate,)).fetchone():
        number += 1
        candidate = f"{name} ({number})"
    return candidate


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise InvalidRecordError(field="list", reason="empty")
    if len(name) > MAX_LIST_NAME:
        raise InvalidRecordError(field="list", maximum=MAX_LIST_NAME)
    return name
