"""One sync pass over one space: recover, publish this device's changes, apply everyone
else's, and say what happened (docs/sync-format.md#a-pass).

Every step that changes the vault is one transaction, and every file this device writes
is written before the transaction that records it commits, so ``kill -9`` anywhere
leaves either nothing done or a file the next pass adopts as its own (``_recover``).
A file from another device is applied in its writer's order only, after its signature,
its place in the writer's chain and the writer's membership are checked; anything else
is reported and left in the folder, never half applied.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import json
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hushnote.core.store.contacts import ContactStore
from hushnote.core.store.database import Database
from hushnote.core.store.notes import NoteStore
from hushnote.core.sync.batch import (
    Batch,
    ContactOp,
    HelloOp,
    ListOp,
    ListPurgeOp,
    MemberOp,
    NoteOp,
    Op,
    PurgeOp,
    RekeyOp,
    RemoveOp,
    decode_batch,
    encode_batch,
    encode_op,
    read_op,
)
from hushnote.core.sync.change_file import (
    MAX_PAYLOAD,
    FileRefused,
    epoch_of,
    file_name,
    open_file,
    seal_file,
    verify_signature,
)
from hushnote.core.sync.hlc import MAX_AHEAD_MS, HybridClock
from hushnote.core.sync.keys import signature_valid, unwrap_space_key, wrap_space_key
from hushnote.core.sync.shared_folder import (
    device_folders,
    read_change_file,
    sequence_numbers,
    set_aside,
    sweep_temporary,
    write_change_file,
)
from hushnote.core.sync.shared_lists import (
    absorb_lists,
    contact_ops,
    list_ops,
    merge_contact,
    merge_list,
    published,
    restate_lists,
)
from hushnote.core.sync.shared_notes import (
    absorb,
    load_register,
    merge_op,
    save_register,
    write_note,
)
from hushnote.core.sync.space_rows import SpaceRow, load_members, load_space, space_keys
from hushnote.core.sync.text_merge import BodyDoc, UpdateRefused, merge_pending
from hushnote.errors import CancelledError, InvalidRecordError

__all__ = ["FileVerdict", "SpaceReport", "hello_message", "sync_space"]

_HELLO = b"hushnote-sync-v1 hello"
# Ops per file are bounded by size (``MAX_PAYLOAD``); this leaves room for the envelope.
_BATCH_BYTES = 8 * 1024 * 1024
# Compacting is not worth a rewrite below this much of the device's own files.
_COMPACT_SLACK = 256 * 1024
_COMPACT_FILES = 64
# Files applied in one transaction: at most this many, or this many bytes read.
_GROUP_FILES = 64
_GROUP_BYTES = 8 * 1024 * 1024


def hello_message(space: str, device: str, signing_key: bytes) -> bytes:
    return _HELLO + bytes.fromhex(space) + bytes.fromhex(device) + signing_key


@dataclass(frozen=True)
class FileVerdict:
    """A file not applied in this pass: whose, which, and one reason word."""

    device: str
    seq: int
    reason: str


@dataclass
class SpaceReport:
    notebook: str
    applied_files: int = 0
    changed_notes: int = 0
    published_files: int = 0
    published_changes: int = 0
    refused: list[FileVerdict] = field(default_factory=list)
    waiting: list[FileVerdict] = field(default_factory=list)
    problem: str | None = None


class _TooLarge(Exception):
    """More than one file holds (a snapshot of a very large space)."""


# Reasons a file waits (it may become readable) rather than being refused.
_WAIT = {"missing", "no-key", "unknown-device", "after-missing", "future"}


class _Pass:
    def __init__(
        self,
        db: Database,
        notes: NoteStore,
        space: str,
        identity: Callable[[], Any],
        now_ms: Callable[[], int],
        check: Callable[[], None],
    ) -> None:
        self.db = db
        self.notes = notes
        self.space = space
        self.identity = identity
        self.now_ms = now_ms
        self.check = check
        # A page of the space's rows put back from an older copy stops the pass.
        db.verify_record("space", space)
        with db.transaction() as connection:
            self.row: SpaceRow = load_space(connection, space)
        self.report = SpaceReport(self.row.notebook)
        # This device's files a snapshot applied in this pass restates: deleted at its end.
        self.covered_own = 0
        # A removal arrived after files past its cut were applied here.
        self.restate = False

    def removed(self) -> bool:
        with self.db.transaction() as connection:
            return any(
                m.member == self.row.member and m.removed_after is not None
                for m in load_members(connection, self.row.id)
            )

    # -- this device's own files -------------------------------------------------------

    def recover(self) -> bool:
        """Adopt files this device wrote just before a crash; False if its folder holds
        a file of its own that no crash explains (a vault put back from a copy).

        Only a file that opens and carries this device's signature counts as its own.
        Anything else in its folder at or past its next number (a planted file, a
        leftover of a full disk) is moved aside under a hidden name and reported, so
        that nobody can silence a device, the admin's removals included, by dropping a
        file into its folder."""
        own = self.row.files / self.row.device
        sweep_temporary(own)
        for seq in sequence_numbers(own):
            if seq < self.row.next_seq:
                continue
            found = self._own_file(seq)
            if found is None:
                set_aside(own, seq)
                self.report.refused.append(FileVerdict(self.row.device, seq, "not-own"))
                continue
            data, batch = found
            if seq != self.row.next_seq or batch.prev != self.row.last_hash:
                return False
            self._adopt(seq, data, batch)
        return True

    def _own_file(self, seq: int) -> tuple[bytes, Batch] | None:
        """The file numbered ``seq`` in this device's folder, if this device wrote it."""
        row = self.row
        try:
            data = read_change_file(row.files / row.device / file_name(seq))
            key = self._keys().get(epoch_of(data))
            if key is None:
                return None
            opened = open_file(data, space=row.id, device=row.device, seq=seq, key=key)
            if not signature_valid(_own_public(row), opened.signature, opened.signed):
                return None
            return data, decode_batch(opened.payload)
        except FileRefused:
            return None

    def _adopt(self, seq: int, data: bytes, batch: Batch) -> None:
        row = self.row
        with self.db.transaction() as connection:
            for op in batch.ops if batch.kind == "changes" else ():
                if isinstance(op, NoteOp | PurgeOp):
                    register = load_register(connection, row.id, op.uuid)
                    register.pending = None
                    register.dirty = set()
                    save_register(connection, row.id, register)
            if batch.kind == "changes" and any(
                not isinstance(op, NoteOp | PurgeOp) for op in batch.ops
            ):
                connection.execute("UPDATE spaces SET outbox = '[]' WHERE id = ?", (row.id,))
                published(connection, row.id)
            self._advance(connection, seq, data)

    def _advance(self, connection: Any, seq: int, data: bytes) -> None:
        self.row.next_seq = seq + 1
        self.row.last_hash = hashlib.sha256(data).digest()
        connection.execute(
            "UPDATE spaces SET next_seq = ?, last_hash = ? WHERE id = ?",
            (self.row.next_seq, self.row.last_hash, self.row.id),
        )

    def _keys(self) -> dict[int, bytes]:
        with self.db.transaction() as connection:
            return space_keys(connection, self.row.id)

    # -- publishing --------------------------------------------------------------------

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
        stamp) for publishing."""
        with self.db.transaction() as connection:
            for (uuid,) in connection.execute(
                "SELECT uuid FROM space_notes WHERE space_id = ? AND purged IS NULL",
                (self.row.id,),
            ).fetchall():
                register = load_register(connection, self.row.id, uuid)
                if register.state is not None:
                    register.pending = merge_pending(register.pending, register.state)
                register.dirty |= set(register.fields)
                save_register(connection, self.row.id, register)

    def _save_clock(self, connection: Any, clock: HybridClock) -> None:
        self.row.clock = clock.last
        connection.execute(
            "UPDATE spaces SET clock = ? WHERE id = ?", (json.dumps(list(clock.last)), self.row.id)
        )

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

    def _write(
        self,
        connection: Any,
        ops: list[Op],
        kind: str = "changes",
        heads: dict[str, int] | None = None,
        hashes: dict[str, bytes] | None = None,
    ) -> int:
        row = self.row
        keys = space_keys(connection, row.id)
        epoch = max(keys)
        new_epochs = [op.epoch for op in ops if isinstance(op, RekeyOp)]
        if new_epochs and kind == "changes":
            # The new key travels under the old one, which every member still has.
            epoch = min(new_epochs) - 1
        if heads is None:
            heads = dict(
                connection.execute(
                    "SELECT device, seq FROM space_seen WHERE space_id = ?", (row.id,)
                ).fetchall()
            )
        payload = encode_batch(Batch(row.last_hash, heads, ops, kind, hashes or {}))
        if len(payload) > MAX_PAYLOAD:
            raise _TooLarge()
        data = seal_file(
            payload,
            space=row.id,
            device=row.device,
            seq=row.next_seq,
            epoch=epoch,
            key=keys[epoch],
            signing_key=row.signing_key,
        )
        write_change_file(row.files / row.device, row.next_seq, data)
        self._advance(connection, row.next_seq, data)
        return len(data)

    # -- compacting --------------------------------------------------------------------

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
            current = {m.device for m in load_members(connection, self.row.id)
                       if m.removed_after is None}  # fmt: skip
        sizes = [
            _size(self.row.files / device / file_name(n))
            for device in device_folders(self.row.files)
            if device in current
            for n in sequence_numbers(self.row.files / device)
        ]
        total = sum(sizes)
        if total > 2 * self.row.base_size and (
            total > _COMPACT_SLACK or len(sizes) >= _COMPACT_FILES
        ):
            self.compact()

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
            except _TooLarge:
                return  # a space past one file's limit keeps its files
            row.base_size = size
            connection.execute("UPDATE spaces SET base_size = ? WHERE id = ?", (size, row.id))
        self.delete_own(row.next_seq - 2)

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

    # -- applying ----------------------------------------------------------------------

    def apply_all(self) -> None:
        row = self.row
        verdicts: dict[str, FileVerdict] = {}
        progress = True
        while progress:
            progress = False
            with self.db.transaction() as connection:
                admins = {m.device for m in load_members(connection, row.id) if m.admin}
            # The admin's files first: a removal it published is known before the removed
            # device's later files are read, whatever order the device ids sort in.
            for device in sorted(device_folders(row.files), key=lambda d: (d not in admins, d)):
                if device == row.device:
                    continue
                # Listed once a round: listing the folder again for every file made
                # applying n files cost n² names read.
                listed = sequence_numbers(row.files / device)
                while True:
                    self.check()
                    applied, verdict = self._apply_some(device, listed)
                    if applied:
                        verdicts.pop(device, None)
                        progress = True
                    if verdict is None:
                        continue
                    if verdict.reason != "up-to-date":
                        verdicts[device] = verdict
                    break
        for verdict in verdicts.values():
            target = self.report.waiting if verdict.reason in _WAIT else self.report.refused
            target.append(verdict)

    def _apply_some(self, device: str, listed: list[int]) -> tuple[int, FileVerdict | None]:
        """Apply ``device``'s next files (``listed``: its numbers, sorted) in one
        transaction, each under its own savepoint: how many, and why it stopped (None:
        the group is full and more may follow).

        One commit per file cost a WAL ``fsync`` per file, most of applying a folder of
        small files; a group of them commits once. A refused file is rolled back alone
        and ends the group; the files before it stand."""
        row = self.row
        applied, size, removed = 0, 0, False
        verdict: FileVerdict | None = None
        with self.db.transaction() as connection:
            seen = connection.execute(
                "SELECT seq, hash FROM space_seen WHERE space_id = ? AND device = ?",
                (row.id, device),
            ).fetchone()
            seq, last_hash = (seen[0], bytes(seen[1])) if seen else (0, b"")
            while applied < _GROUP_FILES and size < _GROUP_BYTES and not removed:
                index = bisect.bisect_right(listed, seq)
                if index == len(listed):
                    verdict = FileVerdict(device, seq + 1, "up-to-date")
                    break
                number = listed[index]
                gap = number != seq + 1
                connection.execute("SAVEPOINT apply_group_file")
                digest = b""
                try:
                    data = read_change_file(row.files / device / file_name(number))
                    digest = hashlib.sha256(data).digest()
                    _refused_before(connection, row.id, device, number, digest)
                    # After a gap only a snapshot can follow: it restates all its
                    # device wrote.
                    removed = self._apply_file(
                        connection, device, number, None if gap else last_hash, data
                    )
                except FileRefused as refused:
                    connection.execute("ROLLBACK TO apply_group_file")
                    connection.execute("RELEASE apply_group_file")
                    if digest and refused.reason not in _WAIT | {"not-snapshot"}:
                        connection.execute(
                            "INSERT OR REPLACE INTO space_refused (space_id, device, seq, "
                            "hash, reason) VALUES (?, ?, ?, ?, ?)",
                            (row.id, device, number, digest, refused.reason),
                        )
                    if gap and refused.reason in ("not-snapshot", "damaged"):
                        verdict = FileVerdict(device, seq + 1, "missing")
                    else:
                        verdict = FileVerdict(device, number, refused.reason)
                    break
                connection.execute("RELEASE apply_group_file")
                seq, last_hash = number, hashlib.sha256(data).digest()
                applied += 1
                size += len(data)
        self.report.applied_files += applied
        if removed:
            self.db.checkpoint_after_commit()
        return applied, verdict

    def _apply_file(
        self, connection: Any, device: str, seq: int, last_hash: bytes | None, data: bytes
    ) -> bool:
        """Check and apply one file inside the caller's transaction; True if it removed
        words (the WAL is then truncated after the commit)."""
        row = self.row
        members = {m.device: m for m in load_members(connection, row.id)}
        keys = space_keys(connection, row.id)
        member = members.get(device)
        if member is None:
            raise FileRefused("unknown-device")
        if member.removed_after is not None and seq > member.removed_after:
            raise FileRefused("removed")
        key = keys.get(epoch_of(data))
        if key is None:
            raise FileRefused("no-key")
        opened = open_file(data, space=row.id, device=device, seq=seq, key=key)
        public = member.signing_key
        if public is not None and not verify_signature(opened, public):
            raise FileRefused("forged")  # before reading a word of what it says
        batch = decode_batch(opened.payload)
        if public is None:
            public = self._hello(batch, device, member.invite_key)
            if not verify_signature(opened, public):
                raise FileRefused("forged")
        if _latest_stamp(batch) > self.now_ms() + MAX_AHEAD_MS:
            raise FileRefused("future")  # waits until this clock is nearer, or is fixed
        snapshot = batch.kind == "snapshot"
        if snapshot and not member.admin:
            raise FileRefused("not-admin")
        if last_hash is None:
            if not snapshot:
                raise FileRefused("not-snapshot")
        elif batch.prev != last_hash:
            raise FileRefused("fork")
        if not snapshot:
            self._check_causes(connection, device, batch, members)
        if not member.admin and any(
            isinstance(op, MemberOp | RemoveOp | RekeyOp) for op in batch.ops
        ):
            raise FileRefused("not-admin")
        try:
            # The caller's savepoint takes back whatever a refused file did.
            removed = self._apply_ops(connection, device, batch.ops, admin=member.admin)
        except (UpdateRefused, InvalidRecordError):
            # A value no vault may hold (a body over the limit, a contact with no name);
            # a full disk or a rollback is not the file's fault and stops the pass.
            raise FileRefused("malformed") from None
        connection.execute(
            "INSERT OR REPLACE INTO space_seen (space_id, device, seq, hash) VALUES (?, ?, ?, ?)",
            (row.id, device, seq, hashlib.sha256(data).digest()),
        )
        if snapshot:
            self._covered(connection, device, batch)
        return removed

    def _covered(self, connection: Any, admin: str, batch: Batch) -> None:
        """After a snapshot, the files it covers count as applied, so each device's
        next file follows on from it; this device may delete its own."""
        for device, seq in batch.heads.items():
            digest = batch.hashes.get(device)
            if device in (admin, self.row.device) or digest is None:
                continue
            connection.execute(
                "INSERT INTO space_seen (space_id, device, seq, hash) VALUES (?, ?, ?, ?) "
                "ON CONFLICT DO UPDATE SET seq = excluded.seq, hash = excluded.hash "
                "WHERE excluded.seq > space_seen.seq",
                (self.row.id, device, seq, digest),
            )
        mine = batch.heads.get(self.row.device, 0)
        self.covered_own = max(self.covered_own, mine)

    def _check_causes(
        self, connection: Any, device: str, batch: Batch, members: dict[str, Any]
    ) -> None:
        """Wait until every file the writer had applied is applied here too. A CRDT
        update may build on text from those files, and Yrs keeps an update whose causes
        are missing aside without saving it, so it would be lost."""
        seen = dict(
            connection.execute(
                "SELECT device, seq FROM space_seen WHERE space_id = ?", (self.row.id,)
            ).fetchall()
        )
        for other, count in batch.heads.items():
            if other == device:
                continue
            if other == self.row.device:
                if count >= self.row.next_seq:
                    raise FileRefused("after-missing")
                continue
            removed = members.get(other)
            if removed is not None and removed.removed_after is not None:
                count = min(count, removed.removed_after)  # never to come
            if seen.get(other, 0) < count:
                raise FileRefused("after-missing")

    def _hello(self, batch: Batch, device: str, invite_key: bytes | None) -> bytes:
        hello = batch.ops[0] if batch.ops else None
        if (
            not isinstance(hello, HelloOp)
            or invite_key is None
            or not signature_valid(
                invite_key, hello.proof, hello_message(self.row.id, device, hello.signing_key)
            )
        ):
            raise FileRefused("forged")
        return hello.signing_key

    def _apply_ops(
        self, connection: Any, device: str, ops: list[Op], *, admin: bool = False
    ) -> bool:
        row = self.row
        clock = HybridClock(row.device, row.clock)
        now = self.now_ms()
        removed_words = False
        for op in ops:
            if isinstance(op, PurgeOp) and not admin:
                # Only the admin's purge deletes everywhere; another member's moves the
                # note to the trash here, where it can be restored: one seized laptop
                # cannot destroy the team's casework before it is removed.
                trash = NoteOp(op.uuid, {"trashed": (op.stamp, True)})
                removed_words |= self._apply_note(connection, trash, clock, now)
            elif isinstance(op, NoteOp | PurgeOp):
                removed_words |= self._apply_note(connection, op, clock, now)
            elif isinstance(op, ContactOp):
                merge_contact(connection, ContactStore(self.db), row.id, op, clock, now)
            elif isinstance(op, ListOp | ListPurgeOp):
                merge_list(connection, row.id, op, clock, now)
            elif isinstance(op, HelloOp):
                connection.execute(
                    "UPDATE space_members SET signing_key = ? "
                    "WHERE space_id = ? AND device = ? AND signing_key IS NULL",
                    (op.signing_key, row.id, device),
                )
            elif isinstance(op, MemberOp):
                connection.execute(
                    "INSERT INTO space_members (space_id, member, recipient, device, "
                    "invite_key, label, signing_key) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT DO UPDATE SET signing_key = coalesce(signing_key, "
                    "excluded.signing_key), label = excluded.label",
                    (
                        row.id,
                        op.member,
                        op.recipient,
                        op.device,
                        op.invite_key,
                        op.label,
                        op.signing_key,
                    ),
                )
            elif isinstance(op, RemoveOp):
                connection.execute(
                    "UPDATE space_members SET removed_after = ? WHERE space_id = ? "
                    "AND member = ? AND removed_after IS NULL AND admin = 0",
                    (op.last_seq, row.id, op.member),
                )
                applied = connection.execute(
                    "SELECT ss.seq FROM space_seen ss JOIN space_members m ON "
                    "m.space_id = ss.space_id AND m.device = ss.device "
                    "WHERE ss.space_id = ? AND m.member = ?",
                    (row.id, op.member),
                ).fetchone()
                if applied is not None and applied[0] > op.last_seq:
                    # Files it wrote after the admin's cut reached this vault first; the
                    # others will refuse them. Restating every shared note whole lets
                    # them all converge on what this vault holds (docs/sync-format.md).
                    self.restate = True
            elif isinstance(op, RekeyOp) and row.member in op.wrapped:
                key = unwrap_space_key(op.wrapped[row.member], self.identity())
                if key is not None:
                    connection.execute(
                        "INSERT OR IGNORE INTO space_keys (space_id, epoch, key) VALUES (?, ?, ?)",
                        (row.id, op.epoch, key),
                    )
        self._save_clock(connection, clock)
        return removed_words

    def _apply_note(
        self, connection: Any, op: NoteOp | PurgeOp, clock: HybridClock, now: int
    ) -> bool:
        row = self.row
        register = load_register(connection, row.id, op.uuid)
        where = connection.execute(
            "SELECT id, notebook_id FROM notes WHERE uuid = ?", (op.uuid,)
        ).fetchone()
        if register.mark != "left":
            # An edit not yet taken in is taken in first, so the merge keeps it.
            here = where[0] if where is not None and where[1] == row.notebook_id else None
            absorb(connection, register, here, clock, now, row.client_id)
        if not merge_op(register, op, clock) and not register.new:
            save_register(connection, row.id, register)
            return False
        if where is not None and where[1] != row.notebook_id:
            register.mark = "left"
        else:
            removed = write_note(connection, self.notes, register, row.notebook_id)
            self.report.changed_notes += 1
            save_register(connection, row.id, register)
            return bool(removed)
        save_register(connection, row.id, register)
        return False

    def finish(self, problem: str | None) -> SpaceReport:
        if self.report.changed_notes or self.report.published_changes:
            # Merge states and note rows were rewritten: the older versions, which may
            # hold words since deleted, leave the WAL and the freed pages now.
            self.db.checkpoint_after_commit()
        now = self.now_ms()
        self.report.problem = problem
        with self.db.transaction() as connection:
            connection.execute(
                "UPDATE spaces SET last_pass = ?, problem = ?, "
                "last_ok = CASE WHEN ? IS NULL THEN ? ELSE last_ok END WHERE id = ?",
                (now, problem, problem, now, self.row.id),
            )
        return self.report


def _refused_before(connection: Any, space: str, device: str, seq: int, digest: bytes) -> None:
    """Refuse again, without decrypting or parsing it, a file refused before with the
    same content: a hostile file costs its work once, not at every pass."""
    row = connection.execute(
        "SELECT hash, reason FROM space_refused WHERE space_id = ? AND device = ? AND seq = ?",
        (space, device, seq),
    ).fetchone()
    if row is not None and bytes(row[0]) == digest:
        raise FileRefused(str(row[1]))


def _latest_stamp(batch: Batch) -> int:
    """The latest wall-clock time any stamp in ``batch`` claims."""
    latest = 0
    for op in batch.ops:
        if isinstance(op, NoteOp | ContactOp):
            stamps = [stamp for stamp, _ in op.fields.values()]
        elif isinstance(op, ListOp):
            stamps = [stamp for stamp, _ in op.members.values()]
            if op.name is not None:
                stamps.append(op.name[0])
        elif isinstance(op, PurgeOp | ListPurgeOp):
            stamps = [op.stamp]
        else:
            continue
        latest = max([latest, *(stamp.wall_ms for stamp in stamps)])
    return latest


def _real_folder(path: Path) -> bool:
    """A folder that is not a link, or nothing yet (made when first written to)."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return stat.S_ISDIR(mode)


def _size(path: Any) -> int:
    try:
        return int(path.lstat().st_size)
    except OSError:
        return 0


def _own_public(row: SpaceRow) -> bytes:
    from hushnote.core.sync.keys import public_key

    return public_key(row.signing_key)


def sync_space(
    db: Database,
    notes: NoteStore,
    space: str,
    identity: Callable[[], Any],
    now_ms: Callable[[], int],
    check: Callable[[], None],
) -> SpaceReport:
    """One pass over one space; see the module's docstring."""
    sync = _Pass(db, notes, space, identity, now_ms, check)
    row = sync.row
    if not row.folder.is_dir():
        return sync.finish("folder-missing")
    if not _real_folder(row.files) or not _real_folder(row.files / row.device):
        # A link there would have this device write outside the shared folder, and a
        # file there would stop every pass with an error of the file system's.
        return sync.finish("folder-unsafe")
    try:
        if sync.removed():
            sync.apply_all()
            return sync.finish("removed")
        if not sync.recover():
            # Publishing now would reuse numbers already in the folder: a fork.
            sync.apply_all()
            return sync.finish("rolled-back")
        # Everyone else's files first: a removal and its new key are known before this
        # device writes anything, so nothing it writes goes out under a key a removed
        # device still holds. Merging takes in the user's edits to each note it touches.
        sync.apply_all()
        if sync.removed():
            return sync.finish("removed")
        if sync.restate:
            sync.restate_notes()
        sync.absorb_all()
        sync.publish()
        if sync.covered_own:
            sync.delete_own(min(sync.covered_own, row.next_seq - 1))
        sync.maybe_compact()
    except CancelledError:
        raise
    except FileExistsError:
        return sync.finish("rolled-back")
    return sync.finish(None)
