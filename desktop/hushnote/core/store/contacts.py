"""Contacts: a name, any number of phones, emails and messenger handles, and who they are.

Deleting a contact removes its list memberships and its links to notes (the notes stay).
Imports run in one transaction and skip duplicates: the same name (ignoring case) with a
phone number (ignoring formatting) or an email address (ignoring case) in common.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from hushnote.core.clock import Clock, from_ms, system_clock, to_ms
from hushnote.core.formats.age_keys import normalize_recipient
from hushnote.core.store.database import Database, Progress
from hushnote.core.store.ids import new_uuid, resolve_uuid
from hushnote.core.store.tags import clean_tags, prune_tags, set_tags, tag_ids_of, tags_of
from hushnote.core.store.text_index import (
    IndexEntry,
    contact_entry,
    forget,
    index_contact,
    removed_words,
    unindex_contact,
)
from hushnote.errors import CancelledError, InvalidRecordError

__all__ = [
    "Contact",
    "ContactMethod",
    "ContactStore",
    "ContactSummary",
    "ImportReport",
    "KeyedContact",
    "MethodKind",
    "NewContact",
    "contact_mark",
]

MAX_FIELD = 10_000
MAX_NAME = 500
# What no name, label or value may hold: control characters other than tab and line
# breaks, lone surrogates (SQLite cannot store them as UTF-8) and U+FFFE/U+FFFF.
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


class MethodKind(enum.StrEnum):
    """Ways to reach someone."""

    PHONE = "phone"
    EMAIL = "email"
    SIGNAL = "signal"
    TELEGRAM = "telegram"
    MATRIX = "matrix"
    WIRE = "wire"
    OTHER = "other"


@dataclass(frozen=True)
class ContactMethod:
    """One phone number, address or handle, with an optional label ("work", "cell")."""

    kind: MethodKind
    value: str
    label: str = ""


@dataclass(frozen=True)
class NewContact:
    """A contact's fields, before it has an id: what forms and importers produce."""

    display_name: str
    methods: tuple[ContactMethod, ...] = ()
    organization: str = ""
    role: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    uuid: str | None = None
    # A colleague's age public key (``age1…``): at most one, see docs/bundle-format.md.
    age_recipient: str | None = None

    def cleaned(self) -> NewContact:
        """Trimmed and checked; raises ``InvalidRecordError`` for an unusable contact."""
        name = " ".join(self.display_name.split())
        if not name:
            raise InvalidRecordError(field="display_name", reason="empty")
        if len(name) > MAX_NAME:
            raise InvalidRecordError(field="display_name", maximum=MAX_NAME)
        texts = (("display_name", name), ("organization", self.organization),
                 ("role", self.role), ("notes", self.notes))  # fmt: skip
        others = [*self.tags, *(method.value + method.label for method in self.methods)]
        if UNPRINTABLE.search("".join([text for _, text in texts] + others)):
            bad = next((field for field, text in texts if UNPRINTABLE.search(text)), "value")
            raise InvalidRecordError(field=bad, reason="control-character")
        methods = []
        for method in self.methods:
            value = method.value.strip()
            if not value:
                continue
            if len(value) > MAX_FIELD or len(method.label) > MAX_NAME:
                raise InvalidRecordError(field=method.kind.value, maximum=MAX_FIELD)
            methods.append(ContactMethod(MethodKind(method.kind), value, method.label.strip()))
        for name_, text in (
            ("organization", self.organization),
            ("role", self.role),
            ("notes", self.notes),
        ):
            if len(text) > MAX_FIELD:
                raise InvalidRecordError(field=name_, maximum=MAX_FIELD)
        return NewContact(
            display_name=name,
            methods=tuple(methods),
            organization=self.organization.strip(),
            role=self.role.strip(),
            notes=self.notes.strip(),
            tags=clean_tags(self.tags),
            uuid=self.uuid,
            age_recipient=(
                normalize_recipient(self.age_recipient)
                if self.age_recipient and self.age_recipient.strip()
                else None
            ),
        )


@dataclass(frozen=True)
class Contact:
    """A stored contact."""

    uuid: str
    display_name: str
    methods: tuple[ContactMethod, ...]
    organization: str
    role: str
    notes: str
    tags: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    age_recipient: str | None = None

    def values(self, kind: MethodKind) -> tuple[str, ...]:
        return tuple(method.value for method in self.methods if method.kind is kind)

    def as_new(self) -> NewContact:
        return NewContact(
            self.display_name,
            self.methods,
            self.organization,
            self.role,
            self.notes,
            self.tags,
            self.uuid,
            self.age_recipient,
        )


@dataclass(frozen=True)
class ContactSummary:
    """What a list of contacts shows."""

    uuid: str
    display_name: str
    organization: str
    role: str


@dataclass(frozen=True)
class KeyedContact:
    """A contact that holds an age public key: what "send to a contact" offers."""

    uuid: str
    display_name: str
    age_recipient: str


@dataclass(frozen=True)
class ImportReport:
    """What an import did: uuids added, and the names skipped as duplicates."""

    added: tuple[str, ...] = ()
    duplicates: tuple[str, ...] = field(default_factory=tuple)


def phone_digits(number: str) -> str:
    """A phone number reduced to its digits, for comparing "+1 (555) 010" and "1555010"."""
    return re.sub(r"\D", "", number)


def _identity(contact: NewContact) -> tuple[str, set[str]]:
    keys = {
        "tel:" + phone_digits(m.value)
        for m in contact.methods
        if m.kind is MethodKind.PHONE and phone_digits(m.value)
    }
    keys |= {"mail:" + m.value.casefold() for m in contact.methods if m.kind is MethodKind.EMAIL}
    return contact.display_name.casefold(), keys


class ContactStore:
    """Contacts in one unlocked vault."""

    def __init__(self, db: Database, *, clock: Clock = system_clock) -> None:
        self._db = db
        self._clock = clock

    def get(self, reference: str) -> Contact:
        contact_id, _ = resolve_uuid(self._db, "contact", reference)
        with self._db.transaction() as connection:
            # A page put back from an older copy shows here at the latest.
            self._db.verify_record("contact", contact_id)
            return _load(connection, contact_id)

    def summaries(
        self, *, tag: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[ContactSummary]:
        where: str = "1"
        parameters: tuple[str, ...] = ()
        if tag is not None:
            where = (
                "EXISTS (SELECT 1 FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
                "WHERE ct.contact_id = c.id AND t.name = ?)"
            )
            parameters = (tag,)
        rows = self._db.rows(
            f"SELECT uuid, display_name, organization, role FROM contacts c WHERE {where} "  # noqa: S608
            "ORDER BY display_name COLLATE NOCASE, id LIMIT ? OFFSET ?",
            (*parameters, -1 if limit is None else limit, offset),
        )
        return [ContactSummary(*row) for row in rows]

    def keyed(self) -> list[KeyedContact]:
        """Every contact holding an age public key, in name order."""
        rows = self._db.rows(
            "SELECT uuid, display_name, age_recipient FROM contacts "
            "WHERE age_recipient IS NOT NULL ORDER BY display_name COLLATE NOCASE, id"
        )
        return [KeyedContact(*row) for row in rows]

    def set_key(self, reference: str, recipient: str | None) -> Contact:
        """Give a contact an age public key, replace it, or (None) remove it."""
        contact = self.get(reference)
        return self.update(contact.uuid, replace(contact.as_new(), age_recipient=recipient))

    def count(self) -> int:
        return int(self._db.row("SELECT count(*) FROM contacts")[0])

    def create(self, contact: NewContact) -> Contact:
        with self._db.transaction() as connection:
            return _load(connection, self._insert(connection, contact.cleaned()))

    def update(self, reference: str, contact: NewContact) -> Contact:
        """Replace every field of a contact with those of ``contact``."""
        contact_id, _ = resolve_uuid(self._db, "contact", reference)
        clean = contact.cleaned()
        with self._db.transaction() as connection:
            before = contact_entry(connection, contact_id)
            connection.execute(
                "UPDATE contacts SET display_name = ?, organization = ?, role = ?, notes = ?, "
                "age_recipient = ?, updated_at = ? WHERE id = ?",
                (
                    clean.display_name,
                    clean.organization,
                    clean.role,
                    clean.notes,
                    clean.age_recipient,
                    to_ms(self._clock()),
                    contact_id,
                ),
            )
            after = self._write_details(connection, contact_id, clean, before)
            removed = removed_words(before, after)
            forget(connection, removed)
            stored = _load(connection, contact_id)
        if removed:  # the WAL still holds the old text's pages
            self._db.checkpoint_after_commit()
        return stored

    def delete(self, reference: str) -> None:
        """Delete a contact, its memberships and note links; the notes stay."""
        contact_id, _ = resolve_uuid(self._db, "contact", reference)
        with self._db.transaction() as connection:
            tag_ids = tag_ids_of(connection, "contact", contact_id)
            removed = removed_words(unindex_contact(connection, contact_id), None)
            connection.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))
            prune_tags(connection, tag_ids)
            forget(connection, removed)
        self._db.checkpoint_after_commit()

    def import_contacts(
        self, contacts: Iterable[NewContact], progress: Progress | None = None
    ) -> ImportReport:
        """Add ``contacts`` in one transaction, skipping duplicates of stored contacts and
        of each other. Every contact is checked before the first is written.
        ``progress`` returning False cancels: nothing is added."""
        cleaned = [contact.cleaned() for contact in contacts]
        added: list[str] = []
        duplicates: list[str] = []
        with self._db.transaction() as connection:
            known = self._identities(connection)
            for done, contact in enumerate(cleaned):
                if progress is not None and done % 50 == 0 and not progress(done / len(cleaned)):
                    raise CancelledError()
                name, keys = _identity(contact)
                if keys & known.get(name, set()):
                    duplicates.append(contact.display_name)
                    continue
                known.setdefault(name, set()).update(keys)
                contact_id = self._insert(connection, contact)
                added.append(
                    str(
                        connection.execute(
                            "SELECT uuid FROM contacts WHERE id = ?", (contact_id,)
                        ).fetchone()[0]
                    )
                )
        return ImportReport(tuple(added), tuple(duplicates))

    def all_contacts(self, progress: Progress | None = None) -> list[Contact]:
        """Every contact in full, in name order (for exports). ``progress`` hears the
        share read every 200 contacts; returning False cancels (``CancelledError``)."""
        with self._db.transaction() as connection:
            ids = [
                row[0]
                for row in connection.execute(
                    "SELECT id FROM contacts ORDER BY display_name COLLATE NOCASE, id"
                ).fetchall()
            ]
            contacts = []
            for done, contact_id in enumerate(ids):
                if progress is not None and done % 200 == 0 and not progress(done / len(ids)):
                    raise CancelledError()
                contacts.append(_load(connection, contact_id))
            return contacts

    def merge(self, connection: Any, record: dict[str, Any]) -> str:
        """Take a checked bundle record inside the caller's transaction: "added",
        "updated" (the record is newer) or "skipped".

        Bundles carry no age keys, so an update keeps the saved one, except when it
        changes the contact's name (any change beyond spacing): then the key goes too.
        Otherwise a bundle could rename the sender's own contact, key and all, into
        someone the user trusts, and "send to" that name would encrypt to the sender.
        """
        row = connection.execute(
            "SELECT id, updated_at, display_name FROM contacts WHERE uuid = ?",
            (record["uuid"],),
        ).fetchone()
        if row is not None and row[1] >= record["updated_at"]:
            return "skipped"
        draft = NewContact(
            display_name=record["display_name"],
            methods=tuple(
                ContactMethod(MethodKind(m["kind"]), m["value"], m["label"])
                for m in record["methods"]
            ),
            organization=record["organization"],
            role=record["role"],
            notes=record["notes"],
            tags=tuple(record["tags"]),
            uuid=record["uuid"],
        ).cleaned()
        if row is None:
            contact_id = self._insert(connection, draft)
        else:
            contact_id = row[0]
            before = contact_entry(connection, contact_id)
            connection.execute(
                "UPDATE contacts SET display_name = ?, organization = ?, role = ?, notes = ?, "
                "age_recipient = CASE WHEN ? THEN NULL ELSE age_recipient END WHERE id = ?",
                (draft.display_name, draft.organization, draft.role, draft.notes,
                 draft.display_name != row[2], contact_id),
            )  # fmt: skip
            self._write_details(connection, contact_id, draft, before)
        connection.execute(
            "UPDATE contacts SET created_at = ?, updated_at = ? WHERE id = ?",
            (record["created_at"], record["updated_at"], contact_id),
        )
        return "added" if row is None else "updated"

    def put_synced(self, connection: Any, contact: NewContact) -> str:
        """Write a contact as a shared list's merge decided it, inside the caller's
        transaction; return its change mark. Its age key is this vault's own: kept, unless
        the name changed (as in a bundle merge, so a colleague cannot turn the sender's
        contact, key and all, into someone the user trusts)."""
        clean = contact.cleaned()
        row = connection.execute(
            "SELECT id, display_name FROM contacts WHERE uuid = ?", (clean.uuid,)
        ).fetchone()
        if row is None:
            contact_id = self._insert(connection, replace(clean, age_recipient=None))
        else:
            contact_id = row[0]
            before = contact_entry(connection, contact_id)
            connection.execute(
                "UPDATE contacts SET display_name = ?, organization = ?, role = ?, notes = ?, "
                "age_recipient = CASE WHEN ? THEN NULL ELSE age_recipient END, "
                "updated_at = ? WHERE id = ?",
                (clean.display_name, clean.organization, clean.role, clean.notes,
                 clean.display_name != row[1], to_ms(self._clock()), contact_id),
            )  # fmt: skip
            after = self._write_details(connection, contact_id, clean, before)
            forget(connection, removed_words(before, after))
        return contact_mark(connection, contact_id)

    def _identities(self, connection: Any) -> dict[str, set[str]]:
        known: dict[str, set[str]] = {}
        rows = connection.execute(
            "SELECT c.display_name, m.kind, m.value FROM contacts c "
            "JOIN contact_methods m ON m.contact_id = c.id WHERE m.kind IN ('phone', 'email')"
        ).fetchall()
        for name, kind, value in rows:
            key = "tel:" + phone_digits(value) if kind == "phone" else "mail:" + value.casefold()
            known.setdefault(name.casefold(), set()).add(key)
        return known

    def _insert(self, connection: Any, contact: NewContact) -> int:
        now = to_ms(self._clock())
        cursor = connection.execute(
            "INSERT INTO contacts (uuid, display_name, organization, role, notes, age_recipient, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                contact.uuid or new_uuid(),
                contact.display_name,
                contact.organization,
                contact.role,
                contact.notes,
                contact.age_recipient,
                now,
                now,
            ),
        )
        contact_id = int(cursor.lastrowid)
        self._write_details(connection, contact_id, contact)
        return contact_id

    def _write_details(
        self,
        connection: Any,
        contact_id: int,
        contact: NewContact,
        before: IndexEntry | None = None,
    ) -> IndexEntry | None:
        """Write methods and tags, then bring the index from ``before`` (the contact's entry
        before its rows changed; None for a new one) in line with the rows."""
        connection.execute("DELETE FROM contact_methods WHERE contact_id = ?", (contact_id,))
        connection.executemany(
            "INSERT INTO contact_methods (contact_id, position, kind, label, value) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (contact_id, position, method.kind.value, method.label, method.value)
                for position, method in enumerate(contact.methods)
            ],
        )
        set_tags(connection, "contact", contact_id, contact.tags)
        return index_contact(connection, contact_id, before)


def contact_mark(connection: Any, contact_id: int) -> str:
    """What moves whenever a contact is edited (its ``updated_at``)."""
    return str(connection.execute(
        "SELECT updated_at FROM contacts WHERE id = ?", (contact_id,)).fetchone()[0])  # fmt: skip


def _load(connection: Any, contact_id: int) -> Contact:
    row = connection.execute(
        "SELECT uuid, display_name, organization, role, notes, created_at, updated_at, "
        "age_recipient FROM contacts WHERE id = ?",
        (contact_id,),
    ).fetchone()
    uuid, name, organization, role, notes, created, updated, recipient = row
    methods = tuple(
        ContactMethod(MethodKind(kind), value, label)
        for kind, label, value in connection.execute(
            "SELECT kind, label, value FROM contact_methods WHERE contact_id = ? ORDER BY position",
            (contact_id,),
        ).fetchall()
    )
    return Contact(
        uuid=uuid,
        display_name=name,
        methods=methods,
        organization=organization,
        role=role,
        notes=notes,
        tags=tags_of(connection, "contact", contact_id),
        created_at=from_ms(created),
        updated_at=from_ms(updated),
        age_recipient=recipient,
    )
