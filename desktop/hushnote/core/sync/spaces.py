"""Shared notebooks (spaces) of one unlocked vault: create, invite, join, members,
remove, and the sync pass over all of them. The front door's ``Vault.spaces``."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hushnote.core.atomic import storage_errors, write_new_file
from hushnote.core.clock import Clock, from_ms, system_clock, to_ms
from hushnote.core.formats.age_keys import key_fingerprint, normalize_recipient
from hushnote.core.store.database import Database, Progress
from hushnote.core.store.notes import NoteStore
from hushnote.core.sync.batch import HelloOp, MemberOp, Op, RekeyOp, RemoveOp, encode_op
from hushnote.core.sync.engine import FileVerdict, SpaceReport, hello_message, sync_space
from hushnote.core.sync.hlc import ZERO
from hushnote.core.sync.invitation import (
    Invitation,
    open_invitation,
    seal_invitation,
)
from hushnote.core.sync.keys import (
    new_id,
    new_signing_key,
    new_space_key,
    public_key,
    sign,
    wrap_space_key,
)
from hushnote.core.sync.space_records import (
    InvitationInfo,
    MemberInfo,
    SpaceInfo,
    find_member,
    free_notebook_name,
    notebook_of_name,
    queue_ops,
    read_invitation_file,
)
from hushnote.core.sync.space_rows import (
    SpaceRow,
    load_members,
    load_space,
    load_spaces,
    space_keys,
)
from hushnote.errors import (
    CancelledError,
    InvalidRecordError,
    InviteError,
    RecordNotFoundError,
    SpaceRoleError,
    StorageError,
    SyncFolderError,
)

# Off only in the benchmark, which measures a folder of 10,000 files as it was.
_COMPACT_BEFORE_INVITE = True

__all__ = [
    "FileVerdict",
    "InvitationInfo",
    "MemberInfo",
    "SpaceInfo",
    "SpaceReport",
    "SpaceStore",
]


class SpaceStore:
    """The shared notebooks of one unlocked vault."""

    def __init__(
        self,
        db: Database,
        notes: NoteStore,
        identity: Callable[[], Any],
        *,
        clock: Clock = system_clock,
    ) -> None:
        self._db = db
        self._notes = notes
        self._identity = identity
        self._clock = clock

    # -- reading -----------------------------------------------------------------------

    def all(self) -> list[SpaceInfo]:
        with self._db.transaction() as connection:
            return [self._info(connection, row) for row in load_spaces(connection)]

    def shared_notebooks(self) -> set[str]:
        return {
            row[0]
            for row in self._db.rows(
                "SELECT nb.name FROM spaces s JOIN notebooks nb ON nb.id = s.notebook_id"
            )
        }

    def get(self, notebook: str) -> SpaceInfo:
        with self._db.transaction() as connection:
            return self._info(connection, self._row(connection, notebook))

    def members(self, notebook: str) -> list[MemberInfo]:
        with self._db.transaction() as connection:
            row = self._row(connection, notebook)
            return [
                MemberInfo(
                    m.member,
                    m.label,
                    m.recipient,
                    key_fingerprint(m.recipient),
                    m.admin,
                    m.member == row.member,
                    m.removed_after is not None,
                    m.signing_key is not None,
                )
                for m in load_members(connection, row.id)
            ]

    def _info(self, connection: Any, row: SpaceRow) -> SpaceInfo:
        count = connection.execute(
            "SELECT count(*) FROM space_members WHERE space_id = ? AND removed_after IS NULL",
            (row.id,),
        ).fetchone()[0]
        return SpaceInfo(
            row.notebook,
            row.folder,
            row.admin,
            int(count),
            from_ms(row.last_pass) if row.last_pass else None,
            from_ms(row.last_ok) if row.last_ok else None,
            row.problem,
            row.files,
        )

    def _row(self, connection: Any, notebook: str) -> SpaceRow:
        wanted = " ".join(notebook.split()).casefold()
        for row in load_spaces(connection):
            if row.notebook.casefold() == wanted:
                return row
        raise RecordNotFoundError(kind="space")

    # -- creating and joining ------------------------------------------------------------

    def _check_folder(self, folder: Path) -> Path:
        folder = Path(os.path.abspath(folder))
        if not folder.is_dir():
            raise SyncFolderError(reason="not-a-folder", path=str(folder))
        vault = self._db.path.parent.resolve()
        if folder.resolve() == vault or vault in folder.resolve().parents:
            raise SyncFolderError(reason="inside-vault", path=str(folder))
        return folder

    def create(self, notebook: str, folder: Path, *, label: str = "") -> SpaceInfo:
        """Share ``notebook`` (created if new; the notes already in it are shared too)
        through ``folder``; this vault is its admin."""
        folder = self._check_folder(folder)
        recipient = str(self._identity().to_public())
        space, device, member = new_id(), new_id(), new_id()
        signing = new_signing_key()
        with self._db.transaction() as connection:
            notebook_id = notebook_of_name(connection, notebook)
            if connection.execute(
                "SELECT 1 FROM spaces WHERE notebook_id = ?", (notebook_id,)
            ).fetchone():
                raise InviteError(reason="already-joined")
            self._insert_space(
                connection,
                space,
                notebook_id,
                folder,
                device,
                member,
                signing,
                admin=True,
                outbox=[],
            )
            connection.execute(
                "INSERT INTO space_keys (space_id, epoch, key) VALUES (?, 1, ?)",
                (space, new_space_key()),
            )
            connection.execute(
                "INSERT INTO space_members (space_id, member, recipient, device, "
                "signing_key, label, admin) VALUES (?, ?, ?, ?, ?, ?, 1)",
                (space, member, recipient, device, public_key(signing), label),
            )
        with storage_errors(folder):
            (folder / space).mkdir(mode=0o700, exist_ok=True)
        return self.get(notebook)

    def _insert_space(
        self,
        connection: Any,
        space: str,
        notebook_id: int,
        folder: Path,
        device: str,
        member: str,
        signing: bytes,
        *,
        admin: bool,
        outbox: list[Op],
    ) -> None:
        connection.execute(
            "INSERT INTO spaces (id, notebook_id, folder, device, member, signing_key, admin, "
            "next_seq, last_hash, clock, outbox, hello) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 1, x'', ?, ?, ?)",
            (
                space,
                notebook_id,
                str(folder),
                device,
                member,
                signing,
                int(admin),
                json.dumps(list(ZERO)),
                json.dumps([encode_op(op) for op in outbox]),
                # A device's hello opens every restatement of its files (compaction).
                next((json.dumps(encode_op(op)) for op in outbox if isinstance(op, HelloOp)), None),
            ),
        )

    def invite(self, notebook: str, recipient: str, out: Path, *, label: str = "") -> MemberInfo:
        """Write an invitation for ``recipient`` to ``out`` (a new file) and announce the
        new member in the folder."""
        recipient = normalize_recipient(recipient)
        vault = self._db.path.parent.resolve()
        target = Path(os.path.abspath(out))
        if target.parent.resolve() == vault or vault in target.parent.resolve().parents:
            raise SyncFolderError(reason="inside-vault", path=str(target))
        with self._db.transaction() as connection:
            row = self._row(connection, notebook)
            if not row.admin:
                raise SpaceRoleError(reason="not-admin")
            invite_secret = new_signing_key()
            member, device = new_id(), new_id()
            op = MemberOp(member, recipient, device, public_key(invite_secret), label)
            invitation = Invitation(
                row.id,
                row.notebook,
                member,
                device,
                invite_secret,
                row.member,
                str(self._identity().to_public()),
                row.device,
                public_key(row.signing_key),
                space_keys(connection, row.id),
                label,
                next((m.label for m in load_members(connection, row.id) if m.admin), ""),
            )
            data = seal_invitation(invitation, recipient, row.signing_key)
            with storage_errors(out):
                write_new_file(out, data)
            connection.execute(
                "INSERT INTO space_members (space_id, member, recipient, device, invite_key, "
                "label) VALUES (?, ?, ?, ?, ?, ?)",
                (row.id, member, recipient, device, op.invite_key, label),
            )
            queue_ops(connection, row.id, [op])
        # A snapshot now, and the files it covers gone: the invitation carries every
        # key the space has had, and a removed member's files or purged text left in
        # older files must not be there for the newcomer to read.
        self.sync(only=row.id, compact=_COMPACT_BEFORE_INVITE)
        return next(m for m in self.members(notebook) if m.member == member)

    def read_invitation(self, invitation_file: Path) -> InvitationInfo:
        """Open an invitation without joining: its space's name and who made it."""
        invitation = open_invitation(read_invitation_file(invitation_file), self._identity())
        return InvitationInfo(
            " ".join(invitation.name.split()),
            invitation.admin_label,
            key_fingerprint(invitation.admin_recipient),
        )

    def join(self, invitation_file: Path, folder: Path) -> SpaceInfo:
        """Join the space an invitation names, synced through ``folder``; the shared
        notebook takes the space's name, or a free variant of it."""
        folder = self._check_folder(folder)
        invitation = open_invitation(read_invitation_file(invitation_file), self._identity())
        signing = new_signing_key()
        proof = sign(
            invitation.invite_secret,
            hello_message(invitation.space, invitation.device, public_key(signing)),
        )
        hello = HelloOp(public_key(signing), proof)
        with self._db.transaction() as connection:
            if connection.execute(
                "SELECT 1 FROM spaces WHERE id = ?", (invitation.space,)
            ).fetchone():
                raise InviteError(reason="already-joined")
            name = free_notebook_name(connection, invitation.name)
            # A notebook of its own, made now: never one that holds private notes.
            notebook_id = int(
                connection.execute("INSERT INTO notebooks (name) VALUES (?)", (name,)).lastrowid
            )
            self._insert_space(
                connection,
                invitation.space,
                notebook_id,
                folder,
                invitation.device,
                invitation.member,
                signing,
                admin=False,
                outbox=[hello],
            )
            for epoch, key in invitation.keys.items():
                connection.execute(
                    "INSERT INTO space_keys (space_id, epoch, key) VALUES (?, ?, ?)",
                    (invitation.space, epoch, key),
                )
            connection.execute(
                "INSERT INTO space_members (space_id, member, recipient, device, "
                "signing_key, label, admin) VALUES (?, ?, ?, ?, ?, ?, 1)",
                (
                    invitation.space,
                    invitation.admin_member,
                    invitation.admin_recipient,
                    invitation.admin_device,
                    invitation.admin_signing_key,
                    invitation.admin_label,
                ),
            )
            connection.execute(
                "INSERT INTO space_members (space_id, member, recipient, device, "
                "signing_key, label) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    invitation.space,
                    invitation.member,
                    str(self._identity().to_public()),
                    invitation.device,
                    public_key(signing),
                    invitation.label,
                ),
            )
        return self.get(name)

    def remove(self, notebook: str, reference: str) -> MemberInfo:
        """Remove a member (or a seized device): its later files are refused, and a new
        space key, wrapped to those who stay, encrypts everything written from now on."""
        with self._db.transaction() as connection:
            row = self._row(connection, notebook)
            if not row.admin:
                raise SpaceRoleError(reason="not-admin")
            members = load_members(connection, row.id)
            target = find_member(members, reference)
            if target.member == row.member:
                raise SpaceRoleError(reason="self")
            seen = connection.execute(
                "SELECT seq FROM space_seen WHERE space_id = ? AND device = ?",
                (row.id, target.device),
            ).fetchone()
            last = int(seen[0]) if seen else 0
            keys = space_keys(connection, row.id)
            epoch = max(keys) + 1
            key = new_space_key()
            wrapped = {
                m.member: wrap_space_key(key, m.recipient)
                for m in members
                if m.removed_after is None and m.member != target.member
            }
            connection.execute(
                "UPDATE space_members SET removed_after = ? WHERE space_id = ? AND member = ?",
                (last, row.id, target.member),
            )
            connection.execute(
                "INSERT INTO space_keys (space_id, epoch, key) VALUES (?, ?, ?)",
                (row.id, epoch, key),
            )
            queue_ops(connection, row.id, [RemoveOp(target.member, last), RekeyOp(epoch, wrapped)])
        self.sync(only=row.id)
        return next(m for m in self.members(notebook) if m.member == target.member)

    def share_list(self, notebook: str, list_name: str) -> None:
        """Share a contact list in the space: its name, who is on it, and those contacts'
        details (never their age keys) go to every member."""
        with self._db.transaction() as connection:
            row = self._row(connection, notebook)
            found = connection.execute(
                "SELECT uuid FROM lists WHERE name = ?", (" ".join(list_name.split()),)
            ).fetchone()
            if found is None:
                raise RecordNotFoundError(kind="list")
            elsewhere = connection.execute(
                "SELECT space_id FROM space_lists WHERE uuid = ?", (found[0],)
            ).fetchone()
            if elsewhere is not None:
                if elsewhere[0] == row.id:
                    return
                raise InvalidRecordError(field="list", reason="shared")
            connection.execute(
                "INSERT INTO space_lists (space_id, uuid) VALUES (?, ?)", (row.id, found[0])
            )

    def shared_lists(self, notebook: str) -> list[str]:
        with self._db.transaction() as connection:
            row = self._row(connection, notebook)
            return [
                name for (name,) in connection.execute(
                    "SELECT l.name FROM space_lists sl JOIN lists l ON l.uuid = sl.uuid "
                    "WHERE sl.space_id = ? ORDER BY l.name", (row.id,)).fetchall()
            ]  # fmt: skip

    # -- syncing -----------------------------------------------------------------------

    def sync(
        self, progress: Progress | None = None, *, only: str | None = None, compact: bool = False
    ) -> list[SpaceReport]:
        """One pass over every space (or one): publish, apply, report. A full disk or an
        unreadable folder stops that space's pass, said in its report, not the others'."""
        with self._db.transaction() as connection:
            spaces = [row.id for row in load_spaces(connection)]
        if only is not None:
            spaces = [only]
        reports = []
        for index, space in enumerate(spaces):

            def check(index: int = index) -> None:
                if progress is not None and not progress(index / max(1, len(spaces))):
                    raise CancelledError()

            try:
                report = sync_space(
                    self._db,
                    self._notes,
                    space,
                    self._identity,
                    lambda: to_ms(self._clock()),
                    check,
                    compact=compact,
                )
            except StorageError as error:
                with self._db.transaction() as connection:
                    notebook = load_space(connection, space).notebook
                report = SpaceReport(notebook, problem=error.code)
            reports.append(report)
        if progress is not None:
            progress(1.0)
        return reports
