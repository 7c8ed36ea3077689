"""Real vaults sharing one notebook through a plain folder, for the sync tests."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hushnote.core import KdfParams, Vault
from hushnote.core.sync.batch import Batch, encode_batch
from hushnote.core.sync.change_file import seal_file

BOOK = "Shared"
PASSPHRASE = "sync test passphrase"


@contextlib.contextmanager
def shared_vaults(
    tmp_path: Path, params: KdfParams, count: int, *, book: str = BOOK
) -> Iterator[tuple[list[Vault], Path]]:
    """``count`` unlocked vaults, the first the admin, all members of one space over one
    folder, each having run a pass after joining (so every member is known to all)."""
    folder = tmp_path / "shared"
    folder.mkdir(exist_ok=True)
    vaults = [Vault.create(tmp_path / f"vault{n}", PASSPHRASE, kdf=params) for n in range(count)]
    try:
        admin = vaults[0]
        admin.spaces.create(book, folder, label="v0")
        for n, vault in enumerate(vaults[1:], start=1):
            invitation = tmp_path / f"invite{n}.age"
            admin.spaces.invite(book, vault.age_recipient(), invitation, label=f"v{n}")
            vault.spaces.join(invitation, folder)
            invitation.unlink()
        settle(vaults)
        yield vaults, folder
    finally:
        for vault in vaults:
            with contextlib.suppress(Exception):
                vault.lock()


def settle(vaults: list[Vault], rounds: int = 3) -> list[Any]:
    """Sync every vault, in order, ``rounds`` times; the reports of the last round."""
    reports: list[Any] = []
    for _ in range(rounds):
        reports = [vault.spaces.sync() for vault in vaults]
    return reports


def notebook_of(vault: Vault) -> str:
    return next(iter(vault.spaces.shared_notebooks()))


def state(vault: Vault) -> dict[str, tuple[Any, ...]]:
    """Every note of the vault's shared notebook, trashed or not, by uuid."""
    book = notebook_of(vault)
    uuids = [
        row[0]
        for row in vault.db.rows(
            "SELECT n.uuid FROM notes n JOIN notebooks nb ON nb.id = n.notebook_id "
            "WHERE nb.name = ?",
            (book,),
        )
    ]
    out = {}
    for uuid in uuids:
        note = vault.notes.get(uuid)
        out[uuid] = (
            note.title,
            note.body,
            tuple(sorted(note.tags)),
            note.pinned,
            note.archived,
            note.trashed,
            note.journal_day,
        )
    return out


def all_notes(vault: Vault) -> dict[str, tuple[Any, ...]]:
    """Every note in the vault (any notebook) with its visible fields."""
    out = {}
    for (uuid,) in vault.db.rows("SELECT uuid FROM notes"):
        note = vault.notes.get(uuid)
        out[uuid] = (
            note.title,
            note.body,
            note.notebook,
            tuple(sorted(note.tags)),
            note.pinned,
            note.archived,
            note.trashed,
        )
    return out


def assert_converged(vaults: list[Vault]) -> dict[str, tuple[Any, ...]]:
    first = state(vaults[0])
    for n, vault in enumerate(vaults[1:], start=1):
        assert state(vault) == first, f"vault {n} differs from vault 0"
    return first


class Member:
    """One vault's row of its space, read from its own database."""

    def __init__(self, vault: Vault) -> None:
        space, device, member, signing, next_seq, last_hash = vault.db.row(
            "SELECT id, device, member, signing_key, next_seq, last_hash FROM spaces"
        )
        self.space, self.device, self.member = str(space), str(device), str(member)
        self.signing_key, self.next_seq, self.last_hash = bytes(signing), next_seq, bytes(last_hash)
        self.keys = {
            int(e): bytes(k)
            for e, k in vault.db.rows(
                "SELECT epoch, key FROM space_keys WHERE space_id = ?", (space,)
            )
        }


def crafted(
    vault: Vault,
    ops: list[Any],
    *,
    signing_key: bytes | None = None,
    seq: int | None = None,
    prev: bytes | None = None,
    epoch: int | None = None,
) -> bytes:
    who = Member(vault)
    epoch = epoch or max(who.keys)
    return seal_file(
        encode_batch(Batch(who.last_hash if prev is None else prev, {}, ops)),
        space=who.space,
        device=who.device,
        seq=who.next_seq if seq is None else seq,
        epoch=epoch,
        key=who.keys[epoch],
        signing_key=signing_key or who.signing_key,
    )
