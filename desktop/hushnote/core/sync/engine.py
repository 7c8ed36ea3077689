"""One sync pass over one space: check the folder, recover, apply everyone else's files,
publish this device's changes, compact, and say what happened
(docs/sync-format.md#a-pass).

Every step that changes the vault is a transaction, and every file this device writes
is written before the transaction that records it commits, so ``kill -9`` anywhere
leaves either nothing done or a file the next pass adopts as its own (``recover``).
A file from another device is applied in its writer's order only, after its signature,
its place in the writer's chain and the writer's membership are checked; anything else
is reported and left in the folder, never half applied.
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hushnote.core.store.database import Database
from hushnote.core.store.notes import NoteStore
from hushnote.core.sync.applying import Applying, hello_message
from hushnote.core.sync.batch import (
    Batch,
    NoteOp,
    PurgeOp,
    decode_batch,
)
from hushnote.core.sync.change_file import (
    FileRefused,
    epoch_of,
    file_name,
    open_file,
)
from hushnote.core.sync.compaction import Compaction
from hushnote.core.sync.keys import signature_valid
from hushnote.core.sync.pass_state import FileVerdict, SpaceReport, own_public
from hushnote.core.sync.publishing import Publishing
from hushnote.core.sync.shared_folder import (
    read_change_file,
    sequence_numbers,
    set_aside,
    sweep_temporary,
)
from hushnote.core.sync.shared_lists import (
    published,
)
from hushnote.core.sync.shared_notes import (
    load_register,
    save_register,
)
from hushnote.errors import CancelledError

__all__ = ["FileVerdict", "SpaceReport", "hello_message", "sync_space"]


class _Pass(Applying, Publishing, Compaction):
    """One pass over one space: recovering this device's own files, then the parts."""

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
            if not signature_valid(own_public(row), opened.signature, opened.signed):
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


def _real_folder(path: Path) -> bool:
    """A folder that is not a link, or nothing yet (made when first written to)."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return stat.S_ISDIR(mode)


def sync_space(
    db: Database,
    notes: NoteStore,
    space: str,
    identity: Callable[[], Any],
    now_ms: Callable[[], int],
    check: Callable[[], None],
    *,
    compact: bool = False,
) -> SpaceReport:
    """One pass over one space; see the module's docstring. ``compact``: the admin
    writes a snapshot whatever the folder's size (before an invitation goes out)."""
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
        if compact and row.admin:
            sync.compact()
        else:
            sync.maybe_compact()
    except CancelledError:
        raise
    except FileExistsError:
        return sync.finish("rolled-back")
    return sync.finish(None)
