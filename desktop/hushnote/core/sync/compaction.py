"""Compaction: the admin restates the whole space in one snapshot, and every device
deletes its own files the snapshot covers (docs/sync-format.md#snapshots-and-compaction)."""

from __future__ import annotations

import contextlib
from typing import Any

from hushnote.core.sync.batch import (
    MemberOp,
    NoteOp,
    Op,
    PurgeOp,
    RekeyOp,
    RemoveOp,
)
from hushnote.core.sync.change_file import MAX_FILE, file_name
from hushnote.core.sync.keys import wrap_space_key
from hushnote.core.sync.pass_state import PassState, TooLarge
from hushnote.core.sync.shared_folder import (
    device_folders,
    sequence_numbers,
)
from hushnote.core.sync.shared_lists import (
    restate_lists,
)
from hushnote.core.sync.shared_notes import (
    load_register,
)
from hushnote.core.sync.space_rows import load_members, space_keys

__all__ = ["Compaction"]

# Compacting is not worth a rewrite below this much of the device's own files.
_COMPACT_SLACK = 256 * 1024

_COMPACT_FILES = 64


class Compaction(PassState):
    def maybe_compact(self) -> None:
        """The admin restates the whole space in one snapshot once the folder holds more
        than twice what the last one did; every device then deletes its own files the
        snapshot covers. The folder stays within about twice the data, and no device
        ever touches another's files."""
        if not self.row.admin:
            return
        # Only the files of current members count: a removed member's, which nobody
        # deletes, or a folder made up by someone, would otherwise force a snapshot at
        # every pass.
        with self.db.transaction() as connection:
            members = load_members(connection, self.row.id)
        current = {m.device for m in members if m.removed_after is None}
        files = [
            self.row.files / device / file_name(n)
            for device in device_folders(self.row.files)
            if device in current
            for n in sequence_numbers(self.row.files / device)
        ]
        count = len(files)
        if count <= 1 or (count < _COMPACT_FILES and count * MAX_FILE <= _COMPACT_SLACK):
            return
        # Sizes only as far as needed: an idle pass over a large folder reads no more.
        total = 0
        for path in files:
            total += _size(path)
            if total > 2 * self.row.base_size and (
                total > _COMPACT_SLACK or count >= _COMPACT_FILES
            ):
                self.compact()
                return

    def compact(self) -> None:
        row = self.row
        with self.db.transaction() as connection:
            ops = self._restatement(connection)
            seen = connection.execute(
                "SELECT device, seq, hash FROM space_seen WHERE space_id = ?", (row.id,)
            ).fetchall()
            heads = {device: int(seq) for device, seq, _ in seen}
            hashes = {device: bytes(digest) for device, _, digest in seen}
            try:
                size = self._write(connection, ops, "snapshot", heads, hashes)
            except TooLarge:
                return  # a space past one file's limit keeps its files
            row.base_size = size
            connection.execute("UPDATE spaces SET base_size = ? WHERE id = ?", (size, row.id))
            gone = [
                m.device for m in load_members(connection, row.id) if m.removed_after is not None
            ]
        self.delete_own(row.next_seq - 2)
        # Removed members write no more, so nobody else ever deletes their files: the
        # admin does, now that the snapshot restates what they brought.
        for device in gone:
            folder = row.files / device
            for seq in sequence_numbers(folder):
                with contextlib.suppress(OSError):
                    (folder / file_name(seq)).unlink()

    def delete_own(self, through: int) -> None:
        """Delete this device's files up to ``through``: a snapshot restates them."""
        own = self.row.files / self.row.device
        for seq in sequence_numbers(own):
            if seq <= through:
                with contextlib.suppress(OSError):
                    (own / file_name(seq)).unlink()

    def _restatement(self, connection: Any) -> list[Op]:
        """The whole space as ops: members with their keys, every epoch's key wrapped to
        those who stay, every note's fields with their stamps and its whole body state
        (deleted text already gone), every tombstone. It depends on no other file."""
        row = self.row
        ops: list[Op] = []
        members = load_members(connection, row.id)
        for m in members:
            if m.member != row.member:
                ops.append(
                    MemberOp(
                        m.member, m.recipient, m.device, m.invite_key or b"", m.label, m.signing_key
                    )
                )
            if m.removed_after is not None:
                ops.append(RemoveOp(m.member, m.removed_after))
        staying = [m for m in members if m.removed_after is None]
        for epoch, key in sorted(space_keys(connection, row.id).items()):
            if epoch > 1:
                wrapped = {m.member: wrap_space_key(key, m.recipient) for m in staying}
                ops.append(RekeyOp(epoch, wrapped))
        ops.extend(restate_lists(connection, row.id))
        for (uuid,) in connection.execute(
            "SELECT uuid FROM space_notes WHERE space_id = ? ORDER BY uuid", (row.id,)
        ).fetchall():
            self.check()
            register = load_register(connection, row.id, uuid)
            if register.purged is not None:
                ops.append(PurgeOp(uuid, register.purged))
            else:
                ops.append(NoteOp(uuid, dict(register.fields), register.state, register.created_ms))
        return ops


def _size(path: Any) -> int:
    try:
        return int(path.lstat().st_size)
    except OSError:
        return 0
