"""Applying: every other device's files, in each writer's order, after their
signature, place in the writer's chain, causes and the writer's membership are checked
(docs/sync-format.md#order-forks-gaps-and-replays)."""

from __future__ import annotations

import bisect
import hashlib
from typing import Any

from hushnote.core.store.contacts import ContactStore
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
)
from hushnote.core.sync.change_file import (
    FileRefused,
    epoch_of,
    file_name,
    open_file,
    verify_signature,
)
from hushnote.core.sync.hlc import MAX_AHEAD_MS, HybridClock
from hushnote.core.sync.keys import signature_valid, unwrap_space_key
from hushnote.core.sync.pass_state import WAIT, FileVerdict, PassState
from hushnote.core.sync.shared_folder import (
    device_folders,
    read_change_file,
    sequence_numbers,
)
from hushnote.core.sync.shared_lists import (
    merge_contact,
    merge_list,
)
from hushnote.core.sync.shared_notes import (
    absorb,
    load_register,
    merge_op,
    save_register,
    write_note,
)
from hushnote.core.sync.space_rows import load_members, space_keys
from hushnote.core.sync.text_merge import UpdateRefused
from hushnote.errors import InvalidRecordError

__all__ = ["Applying", "hello_message"]

_HELLO = b"hushnote-sync-v1 hello"

# Files applied in one transaction: at most this many, or this many bytes read.
_GROUP_FILES = 64

_GROUP_BYTES = 8 * 1024 * 1024


def hello_message(space: str, device: str, signing_key: bytes) -> bytes:
    return _HELLO + bytes.fromhex(space) + bytes.fromhex(device) + signing_key


class Applying(PassState):
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
            target = self.report.waiting if verdict.reason in WAIT else self.report.refused
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
                    if digest and refused.reason not in WAIT | {"not-snapshot"}:
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
        for count, op in enumerate(ops):
            if count % 256 == 255:
                # A file may hold many thousands of changes: a lock, a panic or a long
                # job asked for meanwhile stops it here (the file is taken back whole).
                self.check()
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
