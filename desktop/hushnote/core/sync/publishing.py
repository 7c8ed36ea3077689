"""Publishing: taking in what the user changed in the shared notebook since the last
pass, and writing it out, a file at a time (docs/sync-format.md#change-files)."""

from __future__ import annotations

import json

from hushnote.core.sync.batch import (
    Op,
    encode_op,
    read_op,
)
from hushnote.core.sync.hlc import HybridClock
from hushnote.core.sync.pass_state import PassState
from hushnote.core.sync.shared_lists import (
    absorb_lists,
    contact_ops,
    list_ops,
    published,
)
from hushnote.core.sync.shared_notes import (
    absorb,
    load_register,
    save_register,
    write_note,
)
from hushnote.core.sync.text_merge import BodyDoc, merge_pending

__all__ = ["Publishing"]

# Ops per file are bounded by size (``MAX_PAYLOAD``); this leaves room for the envelope.
_BATCH_BYTES = 8 * 1024 * 1024


class Publishing(PassState):
    def absorb_all(self) -> None:
        """Take every edit made to the shared notebook's notes since the last pass."""
        row = self.row
        with self.db.transaction() as connection:
            clock = HybridClock(row.device, row.clock)
            now = self.now_ms()
            changed = connection.execute(
                "SELECT n.id, n.uuid FROM notes n LEFT JOIN space_notes sn "
                "ON sn.space_id = ? AND sn.uuid = n.uuid WHERE n.notebook_id = ? AND "
                "(sn.uuid IS NULL OR (sn.purged IS NULL AND "
                "sn.mark != n.updated_at || ':' || coalesce(n.trashed_at, 'None')))",
                (row.id, row.notebook_id),
            ).fetchall()
            for index, (note_id, uuid) in enumerate(changed):
                if index % 64 == 0:
                    self.check()
                register = load_register(connection, row.id, uuid)
                returning = register.mark == "left"
                changed = absorb(connection, register, note_id, clock, now, row.client_id)
                if returning:  # what the others wrote while it was out goes into it
                    write_note(connection, self.notes, register, row.notebook_id)
                if changed or register.new or returning:
                    save_register(connection, row.id, register)
            gone = connection.execute(
                "SELECT sn.uuid, (SELECT notebook_id FROM notes WHERE uuid = sn.uuid) "
                "FROM space_notes sn WHERE sn.space_id = ? AND sn.purged IS NULL "
                "AND sn.mark != 'left' AND NOT EXISTS (SELECT 1 FROM notes n "
                "WHERE n.uuid = sn.uuid AND n.notebook_id = ?)",
                (row.id, row.notebook_id),
            ).fetchall()
            for uuid, elsewhere in gone:
                register = load_register(connection, row.id, uuid)
                if elsewhere is not None:
                    # Moved out of the shared notebook: for the others it goes to the
                    # trash, restorable, rather than out of their vaults.
                    register.fields["trashed"] = (clock.tick(now), True)
                    register.dirty.add("trashed")
                    register.mark = "left"
                    register.base = BodyDoc(register.state, 0).text
                else:
                    absorb(connection, register, None, clock, now, row.client_id)
                save_register(connection, row.id, register)
            absorb_lists(connection, row.id, clock, now)
            self._save_clock(connection, clock)

    def restate_notes(self) -> None:
        """Queue every shared note whole (its body's full state, every field with its
        stamp), every shared contact and every shared list for publishing."""
        with self.db.transaction() as connection:
            space = self.row.id
            connection.execute(
                "UPDATE space_contacts SET dirty = (SELECT json_group_array(key) FROM "
                "json_each(space_contacts.fields)) WHERE space_id = ?",
                (space,),
            )
            connection.execute(
                "UPDATE space_lists SET dirty = (SELECT json_group_array(key) FROM "
                "json_each(space_lists.members)) WHERE space_id = ? AND purged IS NULL",
                (space,),
            )
            connection.execute(
                "UPDATE space_lists SET dirty = json_insert(dirty, '$[#]', 'name') "
                "WHERE space_id = ? AND purged IS NULL AND name IS NOT NULL",
                (space,),
            )
            connection.execute(
                "UPDATE space_lists SET dirty = '[\"purge\"]' "
                "WHERE space_id = ? AND purged IS NOT NULL",
                (space,),
            )
            for (uuid,) in connection.execute(
                "SELECT uuid FROM space_notes WHERE space_id = ? AND purged IS NULL",
                (self.row.id,),
            ).fetchall():
                register = load_register(connection, self.row.id, uuid)
                if register.state is not None:
                    register.pending = merge_pending(register.pending, register.state)
                register.dirty |= set(register.fields)
                save_register(connection, self.row.id, register)

    def publish(self) -> None:
        """Write what waits to be published, a file at a time."""
        row = self.row
        # Listed once: a pass adds nothing to the list while it publishes, and scanning
        # the registers again for every file made publishing n changes cost n² reads.
        with self.db.transaction() as connection:
            waiting = [
                uuid
                for (uuid,) in connection.execute(
                    "SELECT uuid FROM space_notes WHERE space_id = ? AND "
                    "(pending IS NOT NULL OR dirty != '[]') ORDER BY uuid",
                    (row.id,),
                ).fetchall()
            ]
        start = 0
        while True:
            self.check()
            with self.db.transaction() as connection:
                outbox = [
                    read_op(op)
                    for op in json.loads(
                        connection.execute(
                            "SELECT outbox FROM spaces WHERE id = ?", (row.id,)
                        ).fetchone()[0]
                    )
                ]
                ops: list[Op] = [
                    *outbox,
                    *contact_ops(connection, row.id),
                    *list_ops(connection, row.id),
                ]
                uuids: list[str] = []
                size = 0
                while start < len(waiting):
                    uuid = waiting[start]
                    op = load_register(connection, row.id, uuid).op()
                    if op is None:
                        start += 1
                        continue
                    size += len(json.dumps(encode_op(op)))
                    if uuids and size > _BATCH_BYTES:
                        break
                    ops.append(op)
                    uuids.append(uuid)
                    start += 1
                if not ops:
                    return
                self._write(connection, ops)
                for uuid in uuids:
                    connection.execute(
                        "UPDATE space_notes SET pending = NULL, dirty = '[]' "
                        "WHERE space_id = ? AND uuid = ?",
                        (row.id, uuid),
                    )
                connection.execute("UPDATE spaces SET outbox = '[]' WHERE id = ?", (row.id,))
                published(connection, row.id)
                self.report.published_files += 1
                self.report.published_changes += len(ops)
