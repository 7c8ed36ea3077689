"""The records inside a bundle: reading them from the vault in bulk, and checking them.

See docs/bundle-format.md. Reading is done in a few large queries rather than one per
record, because exporting 100,000 notes must take seconds, not minutes.
"""

from __future__ import annotations

import contextlib
import json
import queue
import re
import threading
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from hushnote.core.clock import LATEST_MS
from hushnote.core.formats.bundle_attachments import ATTACHMENTS, check_attachment
from hushnote.core.store.contacts import MAX_FIELD, MAX_NAME, UNPRINTABLE, MethodKind
from hushnote.core.store.database import Database
from hushnote.core.store.note_records import MAX_BODY, MAX_NOTEBOOK, MAX_TITLE
from hushnote.core.store.revisions import REASONS
from hushnote.core.store.sqlcipher import database_errors
from hushnote.core.store.tags import MAX_TAG_LENGTH
from hushnote.errors import BundleFormatError

__all__ = [
    "ATTACHMENTS_VERSION",
    "DATA_MEMBERS",
    "FORMAT",
    "HISTORY",
    "KEY_SUFFIX",
    "PLAIN_VERSION",
    "TRAVEL_MEMBER",
    "VERSION",
    "Scope",
    "check_record",
    "linked_contact_count",
    "notes_condition",
    "notes_in_scope",
    "read_records",
]

FORMAT = "hushnote-bundle"
# 1: notes, contacts, lists, links. 2: also attachments (attachments.jsonl and a member
# per file). 3: also note history (history.jsonl, and attachments.jsonl even if empty),
# written only when asked. A bundle is written at the lowest version that holds it, so
# that older Hushnotes read it; they refuse a newer one cleanly
# (docs/bundle-format.md#versions).
VERSION = 3
ATTACHMENTS_VERSION = 2
PLAIN_VERSION = 1
HISTORY = "history.jsonl"
KEY_SUFFIX = ".key"  # beside a large passphrase bundle: its identity, sealed
DATA_MEMBERS = ("notes.jsonl", "contacts.jsonl", "lists.jsonl", "links.jsonl")
# Only in a travel bundle (scope "travel"): what the records cannot say (the marks, the
# trash, a shared notebook's state), one JSON object a line (docs/travel.md).
TRAVEL_MEMBER = "travel.jsonl"
TRAVEL_KINDS = frozenset({"notebook", "list", "trashed", "space", "seal"})
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# The journal only ever makes an entry for today: earlier days are damage or forgery.
_FIRST_DAY, _LAST_DAY = date(1900, 1, 1), date(9999, 12, 31)
# SQLite stores text as UTF-8, which has no lone surrogates; JSON can still spell them.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_BATCH = 100
_CHUNK_CHARACTERS = 1 << 20


@dataclass(frozen=True)
class Scope:
    """What to export: the whole vault, or one notebook, tag, list, or chosen notes.

    A notebook, tag or notes export carries its notes' links to contacts, but the linked
    contacts' records (names, phones, handles…) only with ``linked_contacts``: people go
    into a bundle when the user chose to send them, never as a side effect of sending
    notes. A vault export carries every contact and a list export its members, whatever
    ``linked_contacts`` says.
    """

    kind: str = "vault"  # vault | notebook | tag | notes | list | travel
    value: str | None = None
    notes: tuple[str, ...] = ()
    linked_contacts: bool = False
    # Members written after the records, as (name, bytes): a travel bundle's state.
    extra_members: tuple[tuple[str, bytes], ...] = ()

    @property
    def includes_notes(self) -> bool:
        return self.kind != "list"

    @property
    def links_people(self) -> bool:
        """Whether the user chooses if linked contacts go along (notebook, tag, notes)."""
        return self.kind in ("notebook", "tag", "notes")


def _batches(db: Database, sql: str, parameters: dict[str, Any]) -> Iterator[list[Any]]:
    """Batches of a query's rows, fetched ahead in a second thread.

    SQLite decrypts and steps with the GIL released, so reading the next rows overlaps
    with encoding the last ones. The statement is finalised however iteration ends: a
    cancelled export must not leave a read open that blocks the next checkpoint.
    """
    # Bounded in rows, and rows are bounded in size (a body is at most 10 MB; typical ones
    # a few KB): memory stays small even for a vault of large notes.
    batches: queue.Queue[list[Any] | BaseException | None] = queue.Queue(maxsize=4)
    stop = threading.Event()

    def fetch() -> None:
        cursor = None
        try:
            # Translated like every other statement: an interrupt (Cancel, a panic) is a
            # CancelledError, a damaged page a VaultCorruptedError.
            with database_errors(db.path):
                cursor = db.connection.execute(sql, parameters)
                while not stop.is_set():
                    batch = cursor.fetchmany(_BATCH)
                    if not batch:
                        break
                    batches.put(batch)
        except BaseException as error:  # handed to the reading side
            batches.put(error)
            return
        finally:
            if cursor is not None:
                with contextlib.suppress(Exception):
                    cursor.close()
        batches.put(None)

    fetcher = threading.Thread(target=fetch, name="bundle-reader", daemon=True)
    fetcher.start()
    try:
        while (batch := batches.get()) is not None:
            if isinstance(batch, BaseException):
                raise batch
            yield batch
    finally:
        stop.set()
        while fetcher.is_alive():
            with contextlib.suppress(queue.Empty):
                batches.get(timeout=0.05)  # let a blocked put() finish
        fetcher.join()


def _note_ids(db: Database, scope: Scope) -> str:
    """A SQL condition on ``n.id`` selecting the notes in scope (never the trash)."""
    if scope.kind == "vault":
        return "n.trashed_at IS NULL"
    if scope.kind == "notebook":
        return ("n.trashed_at IS NULL AND n.notebook_id = "
                "(SELECT id FROM notebooks WHERE name = :value COLLATE NOCASE)")  # fmt: skip
    if scope.kind == "tag":
        return ("n.trashed_at IS NULL AND n.id IN (SELECT note_id FROM note_tags WHERE "
                "tag_id = (SELECT id FROM tags WHERE name = :value))")  # fmt: skip
    if scope.kind == "notes":
        # A note selected in the Trash stays out, as it does from every other scope.
        return "n.trashed_at IS NULL AND n.uuid IN (SELECT value FROM json_each(:notes))"
    if scope.kind == "travel":
        # Everything that stays home leaves, the trash too: it is purged after.
        return n_in_marked_notebooks()
    return "0"  # a list export carries contacts only


def n_in_marked_notebooks() -> str:
    return "n.notebook_id IN (SELECT id FROM notebooks WHERE stays_home = 1)"


# The contacts that leave on travel: on at least one marked list and on none that stays.
LEAVING_CONTACTS = (
    "SELECT contact_id FROM list_members GROUP BY contact_id HAVING "
    "min(list_id IN (SELECT id FROM lists WHERE stays_home = 1)) = 1"
)


def _parameters(scope: Scope) -> dict[str, Any]:
    return {"value": scope.value, "notes": json.dumps(list(scope.notes))}


def _linked_contacts(notes_where: str) -> str:
    return (f"SELECT nc.contact_id FROM note_contacts nc JOIN notes n "
            f"ON n.id = nc.note_id WHERE {notes_where}")  # fmt: skip


def linked_contact_count(db: Database, scope: Scope) -> int:
    """How many different contacts the notes in a notebook, tag or notes ``scope`` link
    to: the people ``Scope.linked_contacts`` would add to the bundle (0 for other kinds)."""
    if not scope.links_people:
        return 0
    sql = f"SELECT count(DISTINCT contact_id) FROM ({_linked_contacts(_note_ids(db, scope))})"
    return int(db.row(sql, _parameters(scope))[0])


def notes_condition(db: Database, scope: Scope) -> tuple[str, dict[str, Any]]:
    """The SQL condition on ``n`` (notes) selecting the notes ``scope`` exports, and its
    parameters."""
    return _note_ids(db, scope), _parameters(scope)


def notes_in_scope(db: Database, scope: Scope) -> int:
    """How many notes ``scope`` exports (trashed notes never count)."""
    sql = f"SELECT count(*) FROM notes n WHERE {_note_ids(db, scope)}"
    return int(db.row(sql, _parameters(scope))[0])


def read_records(db: Database, scope: Scope) -> dict[str, Generator[tuple[str, int], None, None]]:
    """Generators of (JSON lines, how many) in scope, by member name. Run them in order.

    SQLite writes each line itself (``json_object``): formatting in C, in the reading
    thread, is what lets 100,000 notes export in about two seconds.
    """
    parameters = _parameters(scope)
    notes_where = _note_ids(db, scope)
    if scope.kind == "vault":
        contacts_where = "1"
    elif scope.kind == "list":
        contacts_where = ("c.id IN (SELECT contact_id FROM list_members WHERE list_id = "
                          "(SELECT id FROM lists WHERE name = :value))")  # fmt: skip
    elif scope.kind == "travel":
        contacts_where = f"c.id IN ({LEAVING_CONTACTS})"
    elif scope.linked_contacts:
        contacts_where = f"c.id IN ({_linked_contacts(notes_where)})"
    else:
        # The links still go (a receiver who knows the person keeps the link; one who
        # does not skips it), but no one's name, phone or handle does.
        contacts_where = "0"
    lists_where = {"vault": "1", "list": "l.name = :value", "travel": "l.stays_home = 1"}.get(
        scope.kind, "0"
    )
    # Travel: a note that stays keeps its link to a person who leaves (the purge takes
    # the link with the contact), so the link goes into the bundle and comes back.
    links_also = f" OR nc.contact_id IN ({LEAVING_CONTACTS})" if scope.kind == "travel" else ""
    queries = {
        "notes.jsonl": (
            "SELECT json_object('uuid', n.uuid, 'title', n.title, 'body', b.body, "
            "'notebook', nb.name, 'tags', (SELECT json_group_array(t.name) FROM note_tags nt "
            "JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = n.id), "
            f"'pinned', {_bool('n.pinned')}, 'archived', {_bool('n.archived')}, "
            "'journal_day', n.journal_day, 'created_at', n.created_at, "
            "'updated_at', n.updated_at) FROM notes n JOIN note_bodies b ON b.note_id = n.id "
            f"LEFT JOIN notebooks nb ON nb.id = n.notebook_id WHERE {notes_where}"
        ),
        "contacts.jsonl": (
            "SELECT json_object('uuid', c.uuid, 'display_name', c.display_name, 'methods', "
            "(SELECT json_group_array(json_object('kind', m.kind, 'label', m.label, 'value', "
            "m.value)) FROM (SELECT * FROM contact_methods WHERE contact_id = c.id "
            "ORDER BY position) m), 'organization', c.organization, 'role', c.role, "
            "'notes', c.notes, 'tags', (SELECT json_group_array(t.name) FROM contact_tags ct "
            "JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id), "
            "'created_at', c.created_at, 'updated_at', c.updated_at) "
            f"FROM contacts c WHERE {contacts_where}"
        ),
        "lists.jsonl": (
            "SELECT json_object('uuid', l.uuid, 'name', l.name, 'members', "
            "(SELECT json_group_array(c.uuid) FROM list_members m JOIN contacts c "
            "ON c.id = m.contact_id WHERE m.list_id = l.id), "
            "'created_at', l.created_at, 'updated_at', l.updated_at) "
            f"FROM lists l WHERE {lists_where}"
        ),
        "links.jsonl": (
            "SELECT json_object('note', n.uuid, 'contact', c.uuid) FROM note_contacts nc "
            "JOIN notes n ON n.id = nc.note_id JOIN contacts c ON c.id = nc.contact_id "
            f"WHERE {notes_where}{links_also}"
        ),
    }

    def chunks(sql: str) -> Generator[tuple[str, int], None, None]:
        # At most about 1 MB a chunk (or one record): the writer reports progress, and
        # so sees a Cancel, after each.
        for batch in _batches(db, sql, parameters):
            lines: list[str] = []
            size = 0
            for row in batch:
                lines.append(row[0] + "\n")
                size += len(row[0])
                if size >= _CHUNK_CHARACTERS:
                    yield "".join(lines), len(lines)
                    lines, size = [], 0
            if lines:
                yield "".join(lines), len(lines)

    return {member: chunks(sql) for member, sql in queries.items()}


def _bool(column: str) -> str:
    return f"json(CASE WHEN {column} THEN 'true' ELSE 'false' END)"


# -- checking ---------------------------------------------------------------------------


def _fail(member: str, line: int, reason: str) -> BundleFormatError:
    return BundleFormatError(member=member, line=line, reason=reason)


def _text(
    record: dict[str, Any], key: str, limit: int, *, nullable: bool = False, contact: bool = False
) -> None:
    """A text field within ``limit``; a contact's also free of what ``NewContact.cleaned``
    refuses, so that the merge cannot fail halfway."""
    value = record.get(key)
    if value is None and nullable:
        return
    if not isinstance(value, str):
        raise ValueError(f"{key} is not text")
    if len(value) > limit:
        raise ValueError(f"{key} is too long")
    if (UNPRINTABLE if contact else _SURROGATE).search(value):
        raise ValueError(f"{key} holds characters that are not text")


def _uuid(value: Any, key: str = "uuid") -> None:
    if not isinstance(value, str) or not _UUID.fullmatch(value):
        raise ValueError(f"{key} is not a uuid")


def _time(record: dict[str, Any], key: str) -> None:
    value = record.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= LATEST_MS:
        raise ValueError(f"{key} is not a time")


def _day(value: Any) -> None:
    if value is None:
        return
    try:
        if not isinstance(value, str) or not _DAY.fullmatch(value):
            raise ValueError
        day = date.fromisoformat(value)
    except ValueError:
        raise ValueError("journal_day is not a date") from None
    if not _FIRST_DAY <= day <= _LAST_DAY:
        raise ValueError("journal_day is out of range")


def _tags(record: dict[str, Any], *, contact: bool = False) -> None:
    tags = record.get("tags")
    bad = UNPRINTABLE if contact else _SURROGATE
    if not isinstance(tags, list) or not all(
        isinstance(tag, str) and len(tag) <= MAX_TAG_LENGTH and not bad.search(tag) for tag in tags
    ):
        raise ValueError("tags are not a list of short texts")


def _check_note(record: dict[str, Any]) -> None:
    _uuid(record.get("uuid"))
    _text(record, "title", MAX_TITLE)
    _text(record, "body", MAX_BODY)
    _text(record, "notebook", MAX_NOTEBOOK, nullable=True)
    _tags(record)
    for flag in ("pinned", "archived"):
        if not isinstance(record.get(flag), bool):
            raise ValueError(f"{flag} is not true or false")
    _day(record.get("journal_day"))
    _time(record, "created_at")
    _time(record, "updated_at")


def _check_contact(record: dict[str, Any]) -> None:
    _uuid(record.get("uuid"))
    _text(record, "display_name", MAX_NAME, contact=True)
    if not str(record["display_name"]).strip():
        raise ValueError("display_name is empty")
    for key in ("organization", "role", "notes"):
        _text(record, key, MAX_FIELD, contact=True)
    methods = record.get("methods")
    if not isinstance(methods, list):
        raise ValueError("methods is not a list")
    kinds = {kind.value for kind in MethodKind}
    for method in methods:
        if not isinstance(method, dict) or not isinstance(method.get("kind"), str):
            raise ValueError("a method has an unknown kind")
        if method["kind"] not in kinds:
            raise ValueError("a method has an unknown kind")
        _text(method, "label", MAX_NAME, contact=True)
        _text(method, "value", MAX_FIELD, contact=True)
    _tags(record, contact=True)
    _time(record, "created_at")
    _time(record, "updated_at")


def _check_list(record: dict[str, Any]) -> None:
    _uuid(record.get("uuid"))
    _text(record, "name", 200)
    if not str(record["name"]).strip():
        raise ValueError("name is empty")
    members = record.get("members")
    if not isinstance(members, list):
        raise ValueError("members is not a list")
    for member in members:
        _uuid(member, "member")
    _time(record, "created_at")
    _time(record, "updated_at")


def _check_link(record: dict[str, Any]) -> None:
    _uuid(record.get("note"), "note")
    _uuid(record.get("contact"), "contact")


def _check_travel(record: dict[str, Any]) -> None:
    """Only the shape here; each kind's fields are checked where it is restored."""
    kind = record.get("kind")
    if not isinstance(kind, str) or kind not in TRAVEL_KINDS:  # a list would not hash
        raise ValueError("unknown kind")


def _check_revision(record: dict[str, Any]) -> None:
    _uuid(record.get("note"), "note")
    number = record.get("number")
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number < 1 << 53:
        raise ValueError("number is not a revision number")
    _time(record, "made_at")
    if record.get("reason") not in REASONS:
        raise ValueError("reason is not one Hushnote knows")
    _text(record, "title", MAX_TITLE)
    _text(record, "body", MAX_BODY)


_CHECKS = {
    TRAVEL_MEMBER: _check_travel,
    "notes.jsonl": _check_note,
    "contacts.jsonl": _check_contact,
    "lists.jsonl": _check_list,
    "links.jsonl": _check_link,
    ATTACHMENTS: check_attachment,
    HISTORY: _check_revision,
}


def check_record(member: str, line: int, record: Any) -> dict[str, Any]:
    """Return ``record`` if it is a well-formed record of ``member``; else raise
    ``BundleFormatError`` naming the member and the line."""
    if not isinstance(record, dict):
        raise _fail(member, line, "not an object")
    try:
        _CHECKS[member](record)
    except (ValueError, KeyError) as error:
        raise _fail(member, line, str(error)) from None
    return record
