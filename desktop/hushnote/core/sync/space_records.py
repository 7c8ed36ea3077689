"""The records a shared notebook's front door returns, and the lookups behind it: a
space's summary, a member, what an invitation says of itself; free notebook names and
finding a member by what a person types."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from hushnote.core.atomic import storage_errors
from hushnote.core.formats.age_keys import key_fingerprint
from hushnote.core.store.note_records import MAX_NOTEBOOK
from hushnote.core.sync.batch import Op, encode_op
from hushnote.core.sync.invitation import (
    MAX_INVITATION,
)
from hushnote.errors import (
    RecordNotFoundError,
)

__all__ = [
    "InvitationInfo",
    "MemberInfo",
    "SpaceInfo",
    "find_member",
    "free_notebook_name",
    "notebook_of_name",
    "queue_ops",
    "read_invitation_file",
]


@dataclass(frozen=True)
class SpaceInfo:
    notebook: str
    folder: Path
    admin: bool
    members: int
    last_pass: datetime | None
    last_ok: datetime | None
    problem: str | None
    space_folder: Path  # where its devices' folders are: what a watcher watches


@dataclass(frozen=True)
class InvitationInfo:
    """What an invitation says of itself, to show before joining: anyone who knows this
    vault's public key can make one, so the admin's fingerprint is compared aloud first."""

    name: str
    admin_label: str
    admin_fingerprint: str


@dataclass(frozen=True)
class MemberInfo:
    member: str
    label: str
    recipient: str
    fingerprint: str
    admin: bool
    you: bool
    removed: bool
    joined: bool  # its device has introduced its key


def queue_ops(connection: Any, space: str, ops: list[Op]) -> None:
    outbox = json.loads(
        connection.execute("SELECT outbox FROM spaces WHERE id = ?", (space,)).fetchone()[0]
    )
    outbox.extend(encode_op(op) for op in ops)
    connection.execute("UPDATE spaces SET outbox = ? WHERE id = ?", (json.dumps(outbox), space))


def notebook_of_name(connection: Any, name: str) -> int:
    from hushnote.core.store.notes import _notebook_id

    notebook_id = _notebook_id(connection, name)
    if notebook_id is None:
        raise RecordNotFoundError(kind="notebook")
    return notebook_id


def read_invitation_file(path: Path) -> bytes:
    with storage_errors(path):
        with path.open("rb") as handle:
            return handle.read(MAX_INVITATION + 1)


def free_notebook_name(connection: Any, name: str) -> str:
    """``name``, or ``name (2)``, ``(3)``…: joining never pours a space into a notebook
    the user already has, which would share its private notes. Spaces are folded as a
    notebook's name is (``" Cases\u00a0"`` is ``Cases``), and case is ignored."""
    name = " ".join(name.split())[: MAX_NOTEBOOK - 8] or "Shared"
    candidate, number = name, 1
    while connection.execute("SELECT 1 FROM notebooks WHERE name = ?", (candidate,)).fetchone():
        number += 1
        candidate = f"{name} ({number})"
    return candidate


def _spoken(recipient: str) -> str:
    return key_fingerprint(recipient).replace(" ", "")


def find_member(members: list[Any], reference: str) -> Any:
    wanted = reference.strip().casefold()
    digits = "".join(reference.split())
    matches = [
        m
        for m in members
        if m.removed_after is None
        and (
            (len(wanted) >= 4 and m.member.startswith(wanted))
            or (m.label and m.label.casefold() == wanted)
            or m.recipient == reference.strip()
            or (len(digits) >= 5 and _spoken(m.recipient).startswith(digits))
        )
    ]
    if len(matches) != 1:
        raise RecordNotFoundError(kind="member")
    return matches[0]
