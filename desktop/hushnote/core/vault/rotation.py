"""Re-encrypting the database under a fresh data key, verified before the old one goes.

1. The slot is resealed holding the new key *and* the old one.
2. The database is exported to ``vault.db.rekey`` under the new key, then reopened and
   fully checked.
3. The copy is renamed over ``vault.db`` (the commit point) and the old file is
   overwritten and unlinked.
4. The slot is resealed with the new key alone, and the new file's salt.

Whatever step a crash interrupts, unlocking tries both keys and settles on the one that
opens the database (``opening.open_database``).
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import TYPE_CHECKING

from hushnote.core.atomic import create_private_file, scrub_file, storage_errors, swap_in
from hushnote.core.paths import VaultPaths
from hushnote.core.store.database import Database, Progress
from hushnote.core.store.record_integrity import counter
from hushnote.core.store.schema import schema_version
from hushnote.core.vault.header import SlotContent
from hushnote.core.vault.header_file import database_salt
from hushnote.core.vault.key_schedule import new_data_key, zero
from hushnote.core.vault.opening import attach, discard_rekey_files
from hushnote.core.vault.vault_state import VaultState
from hushnote.errors import VaultBusyError, VaultCorruptedError

if TYPE_CHECKING:
    from hushnote.core.vault.lifecycle import Vault

__all__ = ["rotate_key"]


def rotate_key(vault: Vault, progress: Progress | None = None) -> None:
    """Rotate ``vault``'s data key (see the module docstring). ``progress`` may cancel
    during step 2 (``CancelledError``), which puts everything back as it was.

    The rotation holds the database's turn from the first step to the last: a write by
    another thread after the copy was taken would land in the file about to be replaced
    and be lost, and one between closing and reopening would find no connection."""
    with vault.db.turn():
        _rotate(vault, progress)


def _rotate(vault: Vault, progress: Progress | None) -> None:
    keys = vault.keyring()
    db = vault.db
    paths = vault.paths
    content = keys.content
    state = keys.state.at(counter(db))
    new_dek = new_data_key()
    pending = dataclasses.replace(content, dek=new_dek, previous_dek=content.dek)
    try:
        keys.write(state, content=pending)
    except BaseException:
        zero(new_dek)
        raise
    try:
        discard_rekey_files(paths)
        with storage_errors(paths.rekey_database):
            create_private_file(paths.rekey_database)
        db.export_to(paths.rekey_database, new_dek, progress)
        _verify_copy(paths.rekey_database, new_dek, schema_version(db))
        vault.close_database()
        _require_no_wal(paths)
        with storage_errors(paths.database):
            swap_in(paths.rekey_database, paths.database)
    except BaseException:
        try:
            _abort(vault, content, state)
        finally:
            zero(new_dek)
        raise
    # Committed: the re-encrypted database is the vault's now, and the old key opens
    # nothing. If the new one cannot be opened here (an I/O error), the vault stays
    # closed, and the next unlock settles the header, which already holds the new key.
    try:
        attach(vault.reopen_database(new_dek), state, reseal=False)
        final = dataclasses.replace(pending, previous_dek=None)
        # If this write fails, the pending header opens the new database too, and the
        # next unlock settles it.
        keys.write(state.at(state.counter, database_salt(paths)), content=final)
    finally:
        zero(content.dek)


def _abort(vault: Vault, content: SlotContent, state: VaultState) -> None:
    """Put the old database and header back after a rotation failed before its commit.

    Not after a wipe: reopening the database would create a file in the folder the wipe
    is emptying, and the header would come back with the keys in it.
    """
    keys = vault.keyring()
    discard_rekey_files(vault.paths)
    keys.require_unchanged()
    if vault.database_closed:
        attach(vault.reopen_database(content.dek), state, reseal=False)
    # Best effort: the pending header still opens the vault if this write fails too.
    keys.write(state, content=content)


def _verify_copy(path: Path, dek: bytes | bytearray, expected_version: int) -> None:
    with storage_errors(path):
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    copy = Database.open(path, dek)
    try:
        if copy.integrity_problems() or schema_version(copy) != expected_version:
            raise VaultCorruptedError(path=str(path), reason="rekey-verification")
    finally:
        copy.close()


def _require_no_wal(paths: VaultPaths) -> None:
    """After the last connection closed, SQLite removes the WAL; if it did not, someone
    else has the database open and swapping it would lose their writes."""
    wal, shm = paths.database_companions()[:2]
    if wal.exists() and wal.stat().st_size > 0:
        raise VaultBusyError(path=str(paths.root))
    for path in (wal, shm):
        with storage_errors(path):
            scrub_file(path)
