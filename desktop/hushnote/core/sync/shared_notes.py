"""The merge state of each shared note, and moving changes between it and the note.

A note in a space has a *register* (``space_notes``): its body's CRDT state, and for each
field the last value written with the stamp of who wrote it when. The register is the
merged truth; the note's row is what the user sees and edits.

- ``absorb`` turns what the user changed in the row since the last pass into register
  changes stamped now, and queues them for publishing (``pending``, ``dirty``).
- ``merge_op`` folds in another device's change: the CRDT update is applied, and a field
  is taken only if its stamp is later than the one held.
- ``write_note`` puts the register's values back into the row.

A purge is a tombstone: the register keeps the note's id and the purge's stamp only, so
no text stays behind, and later changes to that note are ignored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from hushnote.core.store.notes import NoteStore, sync_mark
from hushnote.core.store.tags import tags_of
from hushnote.core.sync.batch import FIELDS, NoteOp, PurgeOp
from hushnote.core.sync.hlc import HybridClock, Stamp, wins
from hushnote.core.sync.text_merge import BodyDoc, merge_pending, merge_texts

__all__ = ["NoteRegister", "absorb", "load_register", "merge_op", "save_register", "write_note"]

DEFAULTS: dict[str, Any] = {
    "title": "",
    "tags": [],
    "pinned": False,
    "archived": False,
    "trashed": False,
    "journal_day": None,
}


@dataclass
class NoteRegister:
    uuid: str
    state: bytes | None = None
    fields: dict[str, tuple[Stamp, Any]] = field(default_factory=dict)
    created_ms: int = 0
    mark: str = ""
    pending: bytes | None = None
    dirty: set[str] = field(default_factory=set)
    purged: Stamp | None = None
    new: bool = True
    text: str | None = None  # the body, once a merge has computed it (not stored)
    base: str | None = None  # the body when the note left the shared notebook

    def value(self, name: str) -> Any:
        held = self.fields.get(name)
        return held[1] if held else DEFAULTS[name]

    def values(self) -> dict[str, Any]:
        return {name: self.value(name) for name in FIELDS}

    def op(self) -> NoteOp | PurgeOp | None:
        """What waits to be published for this note."""
        if self.purged is not None:
            return PurgeOp(self.uuid, self.purged) if "purge" in self.dirty else None
        if not self.dirty and self.pending is None:
            return None
        fields = {name: self.fields[name] for name in self.dirty if name in self.fields}
        return NoteOp(self.uuid, fields, self.pending, self.created_ms)


def load_register(connection: Any, space: str, uuid: str) -> NoteRegister:
    row = connection.execute(
        "SELECT state, fields, created_ms, mark, pending, dirty, purged, base FROM space_notes "
        "WHERE space_id = ? AND uuid = ?",
        (space, uuid),
    ).fetchone()
    if row is None:
        return NoteRegister(uuid)
    state, fields, created_ms, mark, pending, dirty, purged, base = row
    return NoteRegister(
        uuid,
        state,
        {name: (Stamp(*pair[0]), pair[1]) for name, pair in json.loads(fields).items()},
        created_ms,
        mark,
        pending,
        set(json.loads(dirty)),
        Stamp(*json.loads(purged)) if purged else None,
        new=False,
        base=base,
    )


def save_register(connection: Any, space: str, register: NoteRegister) -> None:
    fields = {name: [list(stamp), value] for name, (stamp, value) in register.fields.items()}
    connection.execute(
        "INSERT OR REPLACE INTO space_notes (space_id, uuid, state, fields, created_ms, mark, "
        "pending, dirty, purged, base) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            space,
            register.uuid,
            register.state,
            json.dumps(fields, ensure_ascii=False),
            register.created_ms,
            register.mark,
            register.pending,
            json.dumps(sorted(register.dirty)),
            json.dumps(list(register.purged)) if register.purged else None,
            register.base,
        ),
    )
    register.new = False


def _row_values(connection: Any, note_id: int) -> tuple[dict[str, Any], str, int]:
    title, body, pinned, archived, trashed_at, day, created = connection.execute(
        "SELECT n.title, b.body, n.pinned, n.archived, n.trashed_at, n.journal_day, "
        "n.created_at FROM notes n JOIN note_bodies b ON b.note_id = n.id WHERE n.id = ?",
        (note_id,),
    ).fetchone()
    values = {
        "title": title,
        "tags": sorted(tags_of(connection, "note", note_id), key=str.casefold),
        "pinned": bool(pinned),
        "archived": bool(archived),
        "trashed": trashed_at is not None,
        "journal_day": day,
    }
    return values, body, created


def absorb(
    connection: Any,
    register: NoteRegister,
    note_id: int | None,
    clock: HybridClock,
    now_ms: int,
    client_id: int,
) -> bool:
    """Take the user's changes to the note's row into ``register``; True if any.
    ``note_id`` None: the note is gone from the shared notebook."""
    if register.purged is not None:
        return False
    if note_id is None:
        if register.new:
            return False
        register.purged = clock.tick(now_ms)
        register.state, register.fields, register.pending = None, {}, None
        register.dirty = {"purge"}
        return True
    mark = sync_mark(connection, note_id)
    if mark == register.mark and not register.new:
        return False
    values, body, created = _row_values(connection, note_id)
    changed = False
    if register.mark == "left":
        # Back in the shared notebook: what the others wrote meanwhile stays, the
        # user's own edits since it left are added to it (a three-way merge from the
        # body as it left), and it is out of the trash again.
        body = merge_texts(register.base or "", body, BodyDoc(register.state, 0).text)
        values = {**register.values(), "trashed": values["trashed"]}
        register.base = None
        register.text = body
    for name in FIELDS:
        if register.new or values[name] != register.value(name):
            register.fields[name] = (clock.tick(now_ms), values[name])
            register.dirty.add(name)
            changed = True
    doc = BodyDoc(register.state, client_id)
    update = doc.edit_to(body)
    if update is not None:
        register.state = doc.state()
        register.pending = merge_pending(register.pending, update)
        changed = True
    if register.new:
        register.created_ms = created
    register.mark = mark
    return changed


def merge_op(register: NoteRegister, op: NoteOp | PurgeOp, clock: HybridClock) -> bool:
    """Fold another device's change into ``register``; True if it changed anything.
    Raises ``UpdateRefused`` for a body update that is not one."""
    if register.purged is not None:
        return False
    if isinstance(op, PurgeOp):
        clock.observe(op.stamp)
        register.purged = op.stamp
        register.state, register.fields, register.pending = None, {}, None
        register.dirty = set()
        return True
    changed = False
    for name, (stamp, value) in op.fields.items():
        clock.observe(stamp)
        held = register.fields.get(name)
        if wins(stamp, value, held):
            register.fields[name] = (stamp, value)
            register.dirty.discard(name)
            changed = True
    if op.body is not None:
        doc = BodyDoc(register.state, 0)
        before = doc.text
        doc.apply(op.body)
        register.state = doc.state()
        register.text = doc.text
        changed = changed or register.text != before
    if register.created_ms == 0 or 0 < op.created_ms < register.created_ms:
        register.created_ms = op.created_ms
    return changed


def write_note(
    connection: Any, notes: NoteStore, register: NoteRegister, notebook_id: int
) -> set[str]:
    """Put the register into the note's row; return the words that left it."""
    if register.purged is not None:
        notes.purge_synced(connection, register.uuid)
        register.mark = ""
        return {""}  # unknown words: the caller checkpoints
    body = register.text if register.text is not None else BodyDoc(register.state, 0).text
    register.mark, removed = notes.put_synced(
        connection, register.uuid, notebook_id, register.values(), body, register.created_ms
    )
    return removed
