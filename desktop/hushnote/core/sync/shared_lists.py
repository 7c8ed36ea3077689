"""Contact lists shared in a space, and the contacts on them.

A list's register holds its name and, for every contact ever on it, whether it is on it
now, each with the stamp of the edit that said so (``space_lists``); two people adding
different colleagues to one list offline both keep their additions, and a removal wins
over an addition only if it was made later. A contact's register holds its fields by last
writer wins (``space_contacts``). A contact's age key never travels: each vault checks
keys for itself.

Deleting a list is a tombstone for the list; its contacts stay in every vault. Removing
a contact from a shared list removes it from everyone's list, not from their contacts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from hushnote.core.store.contacts import (
    ContactMethod,
    ContactStore,
    MethodKind,
    NewContact,
    contact_mark,
)
from hushnote.core.store.tags import tags_of
from hushnote.core.sync.batch import CONTACT_FIELDS, ContactOp, ListOp, ListPurgeOp
from hushnote.core.sync.hlc import HybridClock, Stamp, wins

__all__ = [
    "ListRegister",
    "absorb_lists",
    "contact_ops",
    "list_ops",
    "merge_contact",
    "merge_list",
    "restate_lists",
]


@dataclass
class ListRegister:
    uuid: str
    name: tuple[Stamp, str] | None = None
    members: dict[str, tuple[Stamp, bool]] = field(default_factory=dict)
    dirty: set[str] = field(default_factory=set)
    purged: Stamp | None = None


def _load_list(connection: Any, space: str, uuid: str) -> ListRegister:
    row = connection.execute(
        "SELECT name, members, dirty, purged FROM space_lists WHERE space_id = ? AND uuid = ?",
        (space, uuid),
    ).fetchone()
    if row is None:
        return ListRegister(uuid)
    name, members, dirty, purged = row
    return ListRegister(
        uuid,
        (Stamp(*json.loads(name)[0]), json.loads(name)[1]) if name else None,
        {u: (Stamp(*pair[0]), pair[1]) for u, pair in json.loads(members).items()},
        set(json.loads(dirty)),
        Stamp(*json.loads(purged)) if purged else None,
    )


def _save_list(connection: Any, space: str, register: ListRegister) -> None:
    name = json.dumps([list(register.name[0]), register.name[1]]) if register.name else None
    members = {u: [list(s), p] for u, (s, p) in register.members.items()}
    connection.execute(
        "INSERT OR REPLACE INTO space_lists (space_id, uuid, name, members, dirty, purged) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (space, register.uuid, name, json.dumps(members), json.dumps(sorted(register.dirty)),
         json.dumps(list(register.purged)) if register.purged else None),
    )  # fmt: skip


def _contact_fields(connection: Any, uuid: str) -> tuple[dict[str, Any], str] | None:
    row = connection.execute(
        "SELECT id, display_name, organization, role, notes FROM contacts WHERE uuid = ?",
        (uuid,),
    ).fetchone()
    if row is None:
        return None
    contact_id, name, organization, role, notes = row
    methods = [
        [kind, label, value]
        for kind, label, value in connection.execute(
            "SELECT kind, label, value FROM contact_methods WHERE contact_id = ? ORDER BY position",
            (contact_id,),
        ).fetchall()
    ]
    values = {
        "display_name": name,
        "organization": organization,
        "role": role,
        "notes": notes,
        "methods": methods,
        "tags": sorted(tags_of(connection, "contact", contact_id), key=str.casefold),
    }
    return values, contact_mark(connection, contact_id)


def _load_contact(connection: Any, space: str, uuid: str) -> tuple[dict[str, Any], str, set[str]]:
    row = connection.execute(
        "SELECT fields, mark, dirty FROM space_contacts WHERE space_id = ? AND uuid = ?",
        (space, uuid),
    ).fetchone()
    if row is None:
        return {}, "", set()
    fields = {n: (Stamp(*pair[0]), pair[1]) for n, pair in json.loads(row[0]).items()}
    return fields, row[1], set(json.loads(row[2]))


def _save_contact(
    connection: Any, space: str, uuid: str, fields: dict[str, Any], mark: str, dirty: set[str]
) -> None:
    connection.execute(
        "INSERT OR REPLACE INTO space_contacts (space_id, uuid, fields, mark, dirty) "
        "VALUES (?, ?, ?, ?, ?)",
        (space, uuid, json.dumps({n: [list(s), v] for n, (s, v) in fields.items()},
                                 ensure_ascii=False), mark, json.dumps(sorted(dirty))),
    )  # fmt: skip


def _absorb_contact(connection: Any, space: str, uuid: str, clock: HybridClock, now: int) -> None:
    current = _contact_fields(connection, uuid)
    if current is None:
        return
    values, mark = current
    fields, held_mark, dirty = _load_contact(connection, space, uuid)
    if fields and mark == held_mark:
        return
    for name in CONTACT_FIELDS:
        if name not in fields or fields[name][1] != values[name]:
            fields[name] = (clock.tick(now), values[name])
            dirty.add(name)
    _save_contact(connection, space, uuid, fields, mark, dirty)


def absorb_lists(connection: Any, space: str, clock: HybridClock, now: int) -> None:
    """Take what the user changed in the shared lists (names, who is on them) and in the
    contacts on them since the last pass."""
    for (uuid,) in connection.execute(
        "SELECT uuid FROM space_lists WHERE space_id = ? AND purged IS NULL", (space,)
    ).fetchall():
        register = _load_list(connection, space, uuid)
        row = connection.execute("SELECT id, name FROM lists WHERE uuid = ?", (uuid,)).fetchone()
        if row is None:
            if register.name is not None:  # it was shared, then deleted here
                register.purged = clock.tick(now)
                register.members = {}
                register.dirty = {"purge"}
                _save_list(connection, space, register)
            continue
        list_id, name = row
        if register.name is None or not _same_name(name, register.name[1]):
            register.name = (clock.tick(now), name)
            register.dirty.add("name")
        members = {
            contact for (contact,) in connection.execute(
                "SELECT c.uuid FROM list_members m JOIN contacts c ON c.id = m.contact_id "
                "WHERE m.list_id = ?", (list_id,)).fetchall()
        }  # fmt: skip
        # A contact not (yet) in this vault is not taken as removed from the list.
        held = {
            u for u, (_, present) in register.members.items()
            if present and connection.execute(
                "SELECT 1 FROM contacts WHERE uuid = ?", (u,)).fetchone()
        }  # fmt: skip
        for contact in members ^ held:
            register.members[contact] = (clock.tick(now), contact in members)
            register.dirty.add(contact)
        for contact in members:
            _absorb_contact(connection, space, contact, clock, now)
        _save_list(connection, space, register)


def contact_ops(connection: Any, space: str) -> list[ContactOp]:
    """What waits to be published of the shared contacts (before the lists naming them)."""
    ops = []
    for (uuid,) in connection.execute(
        "SELECT uuid FROM space_contacts WHERE space_id = ? AND dirty != '[]' ORDER BY uuid",
        (space,),
    ).fetchall():
        fields, _, dirty = _load_contact(connection, space, uuid)
        ops.append(ContactOp(uuid, {n: fields[n] for n in dirty if n in fields}))
    return ops


def list_ops(connection: Any, space: str) -> list[ListOp | ListPurgeOp]:
    ops: list[ListOp | ListPurgeOp] = []
    for (uuid,) in connection.execute(
        "SELECT uuid FROM space_lists WHERE space_id = ? AND dirty != '[]' ORDER BY uuid",
        (space,),
    ).fetchall():
        register = _load_list(connection, space, uuid)
        if register.purged is not None:
            ops.append(ListPurgeOp(uuid, register.purged))
            continue
        members = {u: register.members[u] for u in register.dirty if u in register.members}
        name = register.name if "name" in register.dirty else None
        ops.append(ListOp(uuid, name, members))
    return ops


def published(connection: Any, space: str) -> None:
    connection.execute("UPDATE space_contacts SET dirty = '[]' WHERE space_id = ?", (space,))
    connection.execute("UPDATE space_lists SET dirty = '[]' WHERE space_id = ?", (space,))


def restate_lists(connection: Any, space: str) -> list[ContactOp | ListOp | ListPurgeOp]:
    """Every shared contact and list, whole, for a snapshot."""
    ops: list[ContactOp | ListOp | ListPurgeOp] = []
    for (uuid,) in connection.execute(
        "SELECT uuid FROM space_contacts WHERE space_id = ? ORDER BY uuid", (space,)
    ).fetchall():
        ops.append(ContactOp(uuid, _load_contact(connection, space, uuid)[0]))
    for (uuid,) in connection.execute(
        "SELECT uuid FROM space_lists WHERE space_id = ? ORDER BY uuid", (space,)
    ).fetchall():
        register = _load_list(connection, space, uuid)
        if register.purged is not None:
            ops.append(ListPurgeOp(uuid, register.purged))
        else:
            ops.append(ListOp(uuid, register.name, register.members))
    return ops


def merge_contact(
    connection: Any, contacts: ContactStore, space: str, op: ContactOp, clock: HybridClock,
    now: int,
) -> None:  # fmt: skip
    """Fold another device's contact change in and write the contact. Only a contact
    this space already holds, or one this vault does not have at all, is touched: an op
    naming a private contact's id must neither read it out nor write over it."""
    if not _known_contact(connection, space, op.uuid):
        if connection.execute("SELECT 1 FROM contacts WHERE uuid = ?", (op.uuid,)).fetchone():
            return
    _absorb_contact(connection, space, op.uuid, clock, now)
    fields, mark, dirty = _load_contact(connection, space, op.uuid)
    changed = False
    for name, (stamp, value) in op.fields.items():
        clock.observe(stamp)
        if wins(stamp, value, fields.get(name)):
            fields[name] = (stamp, value)
            dirty.discard(name)
            changed = True
    if changed and "display_name" in fields:
        value = {n: fields[n][1] if n in fields else _EMPTY[n] for n in CONTACT_FIELDS}
        draft = NewContact(
            display_name=value["display_name"],
            methods=tuple(
                ContactMethod(MethodKind(k), v, label) for k, label, v in value["methods"]
            ),
            organization=value["organization"],
            role=value["role"],
            notes=value["notes"],
            tags=tuple(value["tags"]),
            uuid=op.uuid,
        )
        mark = contacts.put_synced(connection, draft)
    _save_contact(connection, space, op.uuid, fields, mark, dirty)


_EMPTY: dict[str, Any] = {
    "display_name": "", "organization": "", "role": "", "notes": "", "methods": [], "tags": [],
}  # fmt: skip


def merge_list(
    connection: Any, space: str, op: ListOp | ListPurgeOp, clock: HybridClock, now: int
) -> None:
    """Fold another device's list change in and write the list: only a list this space
    holds, or one this vault does not have at all."""
    held = connection.execute(
        "SELECT space_id FROM space_lists WHERE uuid = ?", (op.uuid,)
    ).fetchone()
    if held is None:
        if connection.execute("SELECT 1 FROM lists WHERE uuid = ?", (op.uuid,)).fetchone():
            return
    elif held[0] != space:
        return
    absorb_lists(connection, space, clock, now)  # an edit not yet taken in is kept
    register = _load_list(connection, space, op.uuid)
    if register.purged is not None:
        return
    if isinstance(op, ListPurgeOp):
        clock.observe(op.stamp)
        register.purged, register.members, register.dirty = op.stamp, {}, set()
        connection.execute("DELETE FROM lists WHERE uuid = ?", (op.uuid,))
        _save_list(connection, space, register)
        return
    if op.name is not None:
        clock.observe(op.name[0])
        if wins(op.name[0], op.name[1], register.name):
            register.name = op.name
            register.dirty.discard("name")
    for contact, (stamp, present) in op.members.items():
        clock.observe(stamp)
        held = register.members.get(contact)
        if wins(stamp, present, held):
            register.members[contact] = (stamp, present)
            register.dirty.discard(contact)
    _save_list(connection, space, register)  # first: who is on it decides what is written
    _write_list(connection, space, register, now)


def _write_list(connection: Any, space: str, register: ListRegister, now: int) -> None:
    if register.name is None:
        return
    row = connection.execute(
        "SELECT id, name FROM lists WHERE uuid = ?", (register.uuid,)
    ).fetchone()
    wanted = register.name[1]
    if row is None:
        cursor = connection.execute(
            "INSERT INTO lists (uuid, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
            (register.uuid, _free_list_name(connection, wanted, None), now, now),
        )
        list_id = int(cursor.lastrowid)
    else:
        list_id = row[0]
        if not _same_name(row[1], wanted):
            connection.execute(
                "UPDATE lists SET name = ?, updated_at = ? WHERE id = ?",
                (_free_list_name(connection, wanted, list_id), now, list_id),
            )
    for contact, (_, present) in register.members.items():
        found = connection.execute("SELECT id FROM contacts WHERE uuid = ?", (contact,)).fetchone()
        if found is None or (present and not _registered(connection, space, contact)):
            continue  # not (yet) here, or a private contact the list must not pull in
        if present:
            connection.execute(
                "INSERT OR IGNORE INTO list_members (list_id, contact_id, added_at) "
                "VALUES (?, ?, ?)",
                (list_id, found[0], now),
            )
        else:
            connection.execute(
                "DELETE FROM list_members WHERE list_id = ? AND contact_id = ?",
                (list_id, found[0]),
            )


def _same_name(local: str, shared: str) -> bool:
    """``Medics (2)``, which only avoided a private list's name here, is ``Medics``."""
    return local == shared or (
        local.startswith(shared + " (")
        and local.endswith(")")
        and local[len(shared) + 2 : -1].isdigit()
    )


def _registered(connection: Any, space: str, uuid: str) -> bool:
    """Whether the contact ever came into this space (from it, or shared into it)."""
    return bool(
        connection.execute(
            "SELECT 1 FROM space_contacts WHERE space_id = ? AND uuid = ?", (space, uuid)
        ).fetchone()
    )


def _known_contact(connection: Any, space: str, uuid: str) -> bool:
    """Whether the space holds this contact now: it is on one of its shared lists. Once
    off every one, the contact is the user's own again, and no op may touch it."""
    return bool(
        connection.execute(
            "SELECT 1 FROM space_lists, json_each(space_lists.members) AS m "
            "WHERE space_lists.space_id = ? AND space_lists.purged IS NULL AND m.key = ? "
            "AND json_extract(m.value, '$[1]') = 1",
            (space, uuid),
        ).fetchone()
    )


def _free_list_name(connection: Any, name: str, own_id: int | None) -> str:
    """``name``, or ``name (2)``…: a shared list never merges into a private list of the
    same name."""
    candidate, number = name, 1
    while True:
        row = connection.execute("SELECT id FROM lists WHERE name = ?", (candidate,)).fetchone()
        if row is None or row[0] == own_id:
            return candidate
        number += 1
        candidate = f"{name} ({number})"
