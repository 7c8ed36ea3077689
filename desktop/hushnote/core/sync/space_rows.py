"""What the vault knows of each space it belongs to: the rows of ``spaces``,
``space_keys``, ``space_members`` and ``space_seen`` as typed records."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hushnote.core.sync.hlc import Stamp

__all__ = ["Member", "SpaceRow", "load_members", "load_space", "load_spaces", "space_keys"]


@dataclass
class SpaceRow:
    id: str
    notebook_id: int
    notebook: str
    folder: Path
    device: str
    member: str
    signing_key: bytes
    admin: bool
    next_seq: int
    last_hash: bytes
    clock: Stamp
    outbox: str
    hello: str | None
    base_size: int
    last_pass: int | None
    last_ok: int | None
    problem: str | None

    @property
    def client_id(self) -> int:
        """This device's id in the body CRDTs: 48 bits of its random device id."""
        return int(self.device[:12], 16)

    @property
    def files(self) -> Path:
        return self.folder / self.id


@dataclass
class Member:
    member: str
    recipient: str
    device: str
    signing_key: bytes | None
    invite_key: bytes | None
    label: str
    admin: bool
    removed_after: int | None


_SPACE_COLUMNS = (
    "s.id, s.notebook_id, nb.name, s.folder, s.device, s.member, s.signing_key, s.admin, "
    "s.next_seq, s.last_hash, s.clock, s.outbox, s.hello, s.base_size, s.last_pass, s.last_ok, "
    "s.problem "
    "FROM spaces s JOIN notebooks nb ON nb.id = s.notebook_id"
)


def _space(row: Any) -> SpaceRow:
    (
        space,
        notebook_id,
        notebook,
        folder,
        device,
        member,
        key,
        admin,
        next_seq,
        last_hash,
        clock,
        outbox,
        hello,
        base_size,
        last_pass,
        last_ok,
        problem,
    ) = row
    return SpaceRow(
        space,
        notebook_id,
        notebook,
        Path(folder),
        device,
        member,
        key,
        bool(admin),
        next_seq,
        last_hash,
        Stamp(*json.loads(clock)),
        outbox,
        hello,
        base_size,
        last_pass,
        last_ok,
        problem,
    )


def load_spaces(connection: Any) -> list[SpaceRow]:
    rows = connection.execute(f"SELECT {_SPACE_COLUMNS} ORDER BY nb.name").fetchall()
    return [_space(row) for row in rows]


def load_space(connection: Any, space: str) -> SpaceRow:
    row = connection.execute(f"SELECT {_SPACE_COLUMNS} WHERE s.id = ?", (space,)).fetchone()
    return _space(row)


def load_members(connection: Any, space: str) -> list[Member]:
    rows = connection.execute(
        "SELECT member, recipient, device, signing_key, invite_key, label, admin, "
        "removed_after FROM space_members WHERE space_id = ? ORDER BY admin DESC, label",
        (space,),
    ).fetchall()
    return [Member(m, r, d, k, i, label, bool(a), after) for m, r, d, k, i, label, a, after in rows]


def space_keys(connection: Any, space: str) -> dict[int, bytes]:
    rows = connection.execute(
        "SELECT epoch, key FROM space_keys WHERE space_id = ?", (space,)
    ).fetchall()
    return {int(epoch): bytes(key) for epoch, key in rows}
