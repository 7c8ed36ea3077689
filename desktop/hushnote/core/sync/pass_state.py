"""What one sync pass over one space holds, and the steps every part of it uses: the
space's row, the report being written, the clock, and writing this device's next file.

The pass itself is ``engine._Pass``, made of this and the parts in ``applying.py``,
``publishing.py`` and ``compaction.py``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hushnote.core.store.database import Database
from hushnote.core.store.notes import NoteStore
from hushnote.core.sync.batch import (
    Batch,
    Op,
    RekeyOp,
    encode_batch,
)
from hushnote.core.sync.change_file import (
    MAX_PAYLOAD,
    seal_file,
)
from hushnote.core.sync.hlc import HybridClock
from hushnote.core.sync.shared_folder import (
    write_change_file,
)
from hushnote.core.sync.space_rows import SpaceRow, load_members, load_space, space_keys

__all__ = ["WAIT", "FileVerdict", "PassState", "SpaceReport", "TooLarge", "own_public"]


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


class TooLarge(Exception):
    """More than one file holds (a snapshot of a very large space)."""


# Reasons a file waits (it may become readable) rather than being refused.
WAIT = {"missing", "no-key", "unknown-device", "after-missing", "future"}


class PassState:
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

    def _keys(self) -> dict[int, bytes]:
        with self.db.transaction() as connection:
            return space_keys(connection, self.row.id)

    def _advance(self, connection: Any, seq: int, data: bytes) -> None:
        self.row.next_seq = seq + 1
        self.row.last_hash = hashlib.sha256(data).digest()
        connection.execute(
            "UPDATE spaces SET next_seq = ?, last_hash = ? WHERE id = ?",
            (self.row.next_seq, self.row.last_hash, self.row.id),
        )

    def _save_clock(self, connection: Any, clock: HybridClock) -> None:
        self.row.clock = clock.last
        connection.execute(
            "UPDATE spaces SET clock = ? WHERE id = ?", (json.dumps(list(clock.last)), self.row.id)
        )

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
            raise TooLarge()
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


def own_public(row: SpaceRow) -> bytes:
    from hushnote.core.sync.keys import public_key

    return public_key(row.signing_key)
