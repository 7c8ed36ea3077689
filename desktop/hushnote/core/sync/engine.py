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
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hushnote.core.store.database import Database
from hushnote.core.store.notes import NoteStore
from hushnote.core.sync.batch import (
    Batch,
    HelloOp,
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
from hushnote.core.sync.hlc import HybridClock
from hushnote.core.sync.keys import signature_valid, unwrap_space_key
from hushnote.core.sync.shared_folder import (
    device_folders,
    read_change_file,
    sequence_numbers,
    write_change_file,
)
from hushnote.core.sync.shared_notes import (
    absorb,
    load_register,
    merge_op,
    save_register,
    write_note,
)
from hushnote.core.sync.space_rows import SpaceRow, load_members, load_space, space_keys
from hushnote.core.sync.text_merge import UpdateRefused
from hushnote.errors import CancelledError, HushnoteError

__all__ = ["FileVerdict", "SpaceReport", "hello_message", "sync_space"]

_HELLO = b"hushnote-sync-v1 hello"
# Ops per file are bounded by size (``MAX_PAYLOAD``); this leaves room for the envelope.
_BATCH_BYTES = 8 * 1024 * 1024


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


# Reasons a file waits (it may become readable) rather than being refused.
_WAIT = {"missing", "no-key", "unknown-device"}


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
        with db.transaction() as connection:
            self.row: SpaceRow = load_space(connection, space)
        self.report = SpaceReport(self.row.notebook)

    # -- this device's own files -------------------------------------------------------

    def recover(self) -> bool:
        """Adopt files this device wrote just before a crash; False if its folder is
        ahead of the vault in a way no crash explains (a vault put back from a copy)."""
        own = self.row.files / self.row.device
        for seq in sequence_numbers(own):
            if seq < self.row.next_seq:
                continue
            if seq != self.row.next_seq or not self._adopt(seq):
                return False
        return True

    def _adopt(self, seq: int) -> bool:
        row = self.row
        try:
            data = read_change_file(row.files / row.device / file_name(seq))
            keys = self._keys()
            opened = open_file(
                data,
                space=row.id,
                device=row.device,
                seq=seq,
                key=keys.get(epoch_of(data), b"\0" * 32),
            )
            batch = decode_batch(opened.payload)
        except FileRefused:
            return False
        if batch.prev != row.last_hash or not signature_valid(
            _own_public(row), opened.signature, opened.signed
        ):
            return False
        with self.db.transaction() as connection:
            for op in batch.ops:
                if isinstance(op, NoteOp | PurgeOp):
                    register = load_register(connection, row.id, op.uuid)
                    register.pending = None
                    register.dirty = set()
                    save_register(connection, row.id, register)
            if any(not isinstance(op, NoteOp | PurgeOp) for op in batch.ops):
                connection.execute("UPDATE spaces SET outbox = '[]' WHERE id = ?", (row.id,))
            self._advance(connection, seq, data)
        return True

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
                if absorb(connection, register, note_id, clock, now, row.client_id):
                    save_register(connection, row.id, register)
                elif register.new or register.mark == "left":
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
                else:
                    absorb(connection, register, None, clock, now, row.client_id)
                save_register(connection, row.id, register)
            self._save_clock(connection, clock)

    def _save_clock(self, connection: Any, clock: HybridClock) -> None:
        self.row.clock = clock.last
        connection.execute(
            "UPDATE spaces SET clock = ? WHERE id = ?", (json.dumps(list(clock.last)), self.row.id)
        )

    def publish(self) -> None:
        """Write what waits to be published, a file at a time."""
        row = self.row
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
                ops: list[Op] = list(outbox)
                uuids: list[str] = []
                size = 0
                waiting = connection.execute(
                    "SELECT uuid FROM space_notes WHERE space_id = ? AND "
                    "(pending IS NOT NULL OR dirty != '[]') ORDER BY uuid",
                    (row.id,),
                ).fetchall()
                for (uuid,) in waiting:
                    op = load_register(connection, row.id, uuid).op()
                    if op is None:
                        continue
                    size += len(json.dumps(encode_op(op))) if size < _BATCH_BYTES else 0
                    if uuids and size >= _BATCH_BYTES:
                        break
                    ops.append(op)
                    uuids.append(uuid)
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
                self.report.published_files += 1
                self.report.published_changes += len(ops)

    def _write(self, connection: Any, ops: list[Op]) -> None:
        row = self.row
        keys = space_keys(connection, row.id)
        epoch = max(keys)
        new_epochs = [op.epoch for op in ops if isinstance(op, RekeyOp)]
        if new_epochs:
            # The new key travels under the old one, which every member still has.
            epoch = min(new_epochs) - 1
        heads = dict(
            connection.execute(
                "SELECT device, seq FROM space_seen WHERE space_id = ?", (row.id,)
            ).fetchall()
        )
        payload = encode_batch(Batch(row.last_hash, heads, ops))
        if len(payload) > MAX_PAYLOAD:
            raise HushnoteError()  # a single note past the file limit: a bug upstream
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
                # Listed once per round: listing per file made a pass quadratic in the
                # number of files a device has written.
                numbers = sequence_numbers(row.files / device)
                while True:
                    self.check()
                    verdict = self._apply_next(device, numbers)
                    if verdict is None:
                        verdicts.pop(device, None)
                        progress = True
                        continue
                    if verdict.reason != "up-to-date":
                        verdicts[device] = verdict
                    break
        for verdict in verdicts.values():
            target = self.report.waiting if verdict.reason in _WAIT else self.report.refused
            target.append(verdict)

    def _apply_next(self, device: str, numbers: list[int]) -> FileVerdict | None:
        """Apply ``device``'s next file; None if applied, else why not. ``numbers``: the
        sequence numbers in its folder, sorted."""
        row = self.row
        with self.db.transaction() as connection:
            seen = connection.execute(
                "SELECT seq, hash FROM space_seen WHERE space_id = ? AND device = ?",
                (row.id, device),
            ).fetchone()
        seq, last_hash = (seen[0], bytes(seen[1])) if seen else (0, b"")
        after = bisect.bisect_right(numbers, seq)
        if after == len(numbers):
            return FileVerdict(device, seq + 1, "up-to-date")
        if numbers[after] != seq + 1:
            return FileVerdict(device, seq + 1, "missing")
        seq += 1
        try:
            self._apply_file(device, seq, last_hash)
        except FileRefused as refused:
            return FileVerdict(device, seq, refused.reason)
        return None

    def _apply_file(self, device: str, seq: int, last_hash: bytes) -> None:
        row = self.row
        data = read_change_file(row.files / device / file_name(seq))
        with self.db.transaction() as connection:
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
            batch = decode_batch(opened.payload)
            public = member.signing_key
            if public is None:
                public = self._hello(batch, device, member.invite_key)
            if not verify_signature(opened, public):
                raise FileRefused("forged")
            if batch.prev != last_hash:
                raise FileRefused("fork")
            if not member.admin and any(
                isinstance(op, MemberOp | RemoveOp | RekeyOp) for op in batch.ops
            ):
                raise FileRefused("not-admin")
            connection.execute("SAVEPOINT apply_file")
            try:
                removed = self._apply_ops(connection, device, batch.ops)
            except (UpdateRefused, HushnoteError):
                connection.execute("ROLLBACK TO apply_file")
                raise FileRefused("malformed") from None
            connection.execute("RELEASE apply_file")
            connection.execute(
                "INSERT OR REPLACE INTO space_seen (space_id, device, seq, hash) "
                "VALUES (?, ?, ?, ?)",
                (row.id, device, seq, hashlib.sha256(data).digest()),
            )
        self.report.applied_files += 1
        if removed:
            self.db.checkpoint_after_commit()

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

    def _apply_ops(self, connection: Any, device: str, ops: list[Op]) -> bool:
        row = self.row
        clock = HybridClock(row.device, row.clock)
        now = self.now_ms()
        removed_words = False
        for op in ops:
            if isinstance(op, NoteOp | PurgeOp):
                removed_words |= self._apply_note(connection, op, clock, now)
            elif isinstance(op, HelloOp):
                connection.execute(
                    "UPDATE space_members SET signing_key = ?, invite_key = NULL "
                    "WHERE space_id = ? AND device = ? AND signing_key IS NULL",
                    (op.signing_key, row.id, device),
                )
            elif isinstance(op, MemberOp):
                connection.execute(
                    "INSERT INTO space_members (space_id, member, recipient, device, "
                    "invite_key, label) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    (row.id, op.member, op.recipient, op.device, op.invite_key, op.label),
                )
            elif isinstance(op, RemoveOp):
                connection.execute(
                    "UPDATE space_members SET removed_after = ? WHERE space_id = ? "
                    "AND member = ? AND removed_after IS NULL AND admin = 0",
                    (op.last_seq, row.id, op.member),
                )
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
        now = self.now_ms()
        self.report.problem = problem
        with self.db.transaction() as connection:
            connection.execute(
                "UPDATE spaces SET last_pass = ?, problem = ?, "
                "last_ok = CASE WHEN ? IS NULL THEN ? ELSE last_ok END WHERE id = ?",
                (now, problem, problem, now, self.row.id),
            )
        return self.report


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
    try:
        with db.transaction() as connection:
            me = [m for m in load_members(connection, row.id) if m.member == row.member]
        if me and me[0].removed_after is not None:
            sync.apply_all()
            return sync.finish("removed")
        if not sync.recover():
            # Publishing now would reuse numbers already in the folder: a fork.
            sync.apply_all()
            return sync.finish("rolled-back")
        sync.absorb_all()
        sync.publish()
        sync.apply_all()
        sync.absorb_all()
        sync.publish()
    except CancelledError:
        raise
    except FileExistsError:
        return sync.finish("rolled-back")
    return sync.finish(None)
