"""From a key slot to an open database: creating a vault and opening its database.

Both end with a ``Keyring`` (the sealed side) and a ``Database`` whose record MACs and
write counter are attached (``record_integrity``); ``lifecycle.Vault`` wraps the pair.
The duress passphrase's way in is ``duress_unlock``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import secrets

from hushnote.core.atomic import (
    clean_leftovers,
    create_private_file,
    replace_file,
    scrub_file,
    storage_errors,
)
from hushnote.core.paths import VaultPaths
from hushnote.core.store.database import Database
from hushnote.core.store.record_integrity import RecordSeal, counter, install_triggers
from hushnote.core.store.schema import LATEST_VERSION, migrate, schema_version
from hushnote.core.vault.anchor import RollbackAnchor, anchor_name
from hushnote.core.vault.header import SLOT_COUNT, Header, SlotContent, SlotKind
from hushnote.core.vault.header_file import database_salt, require_database_salt, unchanged
from hushnote.core.vault.key_schedule import KdfParams, calibrate, new_data_key, passphrase_key
from hushnote.core.vault.keyring import Keyring
from hushnote.core.vault.vault_state import VaultState, seal_all_slots
from hushnote.errors import VaultCorruptedError, VaultMismatchError, VaultRollbackError

__all__ = ["attach", "counted_open", "create_database", "discard_rekey_files", "open_database"]


def create_database(
    paths: VaultPaths, passphrase: str, kdf: KdfParams | None
) -> tuple[Keyring, Database]:
    """Write a new vault's database and header into the (empty, locked) folder.

    Database first, header last: until the header exists nobody can open the database,
    and init refuses to run over the leftover, so nothing is lost. On any failure every
    file this attempt wrote is removed, so that a retry (after freeing disk space, say)
    does not find a half-made vault.
    """
    key: bytearray | None = None
    content: SlotContent | None = None
    try:
        header = Header.new(kdf if kdf is not None else calibrate())
        key = passphrase_key(passphrase, header.salt, header.params)
        content = SlotContent(kind=SlotKind.NORMAL, dek=new_data_key())
        index = secrets.randbelow(SLOT_COUNT)
        with storage_errors(paths.database):
            create_private_file(paths.database)
        db = Database.open(paths.database, content.dek)
        try:
            migrate(db)
            state = VaultState.new(database_salt(paths))
            attach(db, state, reseal=True)
            state = state.at(counter(db))
            header = seal_all_slots(header, index, key, content, state)
            replace_file(paths.header, header.to_bytes())
        except BaseException:
            db.close()
            raise
    except BaseException:
        for path in paths.all_files():
            with contextlib.suppress(OSError):
                scrub_file(path)
        Keyring.discard(key, content)
        raise
    return Keyring(paths, header, index, key, content, state), db


def open_database(
    paths: VaultPaths,
    header: Header,
    index: int,
    key: bytearray,
    content: SlotContent,
    *,
    accept_rollback: bool = False,
    anchor: RollbackAnchor | None = None,
) -> tuple[Keyring, Database]:
    """Open the database, settling a key rotation a crash interrupted, and check that
    it is the database this header belongs with, and not an older copy of it."""
    discard_rekey_files(paths)
    clean_leftovers(paths.database)
    state = VaultState.from_payload(content.payload)
    if state is not None and content.previous_dek is None:
        # A rotation in flight changes the salt; the settled header records the new one.
        require_database_salt(paths, state.database_salt)
    try:
        db = Database.open(paths.database, content.dek)
    except VaultCorruptedError:
        if content.previous_dek is None:
            raise
        # The crash came before the re-encrypted database was swapped in.
        db = Database.open(paths.database, content.previous_dek)
        unused: bytearray | None = content.dek
        settled = dataclasses.replace(content, dek=content.previous_dek, previous_dek=None)
    else:
        unused = content.previous_dek
        settled = dataclasses.replace(content, previous_dek=None)
    try:
        if schema_version(db) == 0:
            # A header's database always has its schema: this one is empty (SQLCipher
            # opens an empty file under any key) or was never written.
            raise VaultMismatchError(path=str(paths.database), reason="empty")
        started = migrate(db)
        fresh = state is None
        if state is None:
            # Written before the vault state existed: any other slot may be an old
            # duress slot, so those keep their bytes until duress is set again.
            state = VaultState.new(database_salt(paths), legacy_duress=True)
        attach(db, state, reseal=fresh or started != LATEST_VERSION)
        if not accept_rollback:
            if counter(db) < state.counter:
                raise VaultRollbackError(what="database")
            witnessed = anchor.seen(anchor_name(header.salt)) if anchor else None
            if witnessed is not None and counter(db) < witnessed:
                raise VaultRollbackError(what="vault")
        state = counted_open(db, state, database_salt(paths))
        resealed = seal_all_slots(header, index, key, settled, state)
        replace_file(
            paths.header, resealed.to_bytes(), precondition=unchanged(paths, header.to_bytes())
        )
        if anchor is not None:
            anchor.record(anchor_name(resealed.salt), state.counter)
    except BaseException:
        db.close()
        raise
    if unused is not None:
        unused[:] = bytes(len(unused))  # the settled header no longer holds it
    return Keyring(paths, resealed, index, key, settled, state, anchor), db


def attach(db: Database, state: VaultState, *, reseal: bool) -> None:
    """Keep record MACs and the write counter in step on ``db`` (``record_integrity``)."""
    seal = RecordSeal(state.integrity_key)
    install_triggers(db)
    db.records = seal
    db.before_commit = seal.before_commit
    if reseal:
        seal.reseal_all(db)


def counted_open(db: Database, state: VaultState, salt: bytes | None = None) -> VaultState:
    """Count an unlock as a write, so the header written next moves on with it."""
    with db.transaction() as connection:
        connection.execute("UPDATE vault_state SET counter = counter + 1 WHERE id = 1")
    db.checkpoint()  # page 1, and with it the salt, is in the file from here on
    return state.at(counter(db), salt)


def discard_rekey_files(paths: VaultPaths) -> None:
    """Remove what an interrupted key rotation left (``rotation``)."""
    for path in paths.rekey_files():
        with storage_errors(path):
            scrub_file(path)
