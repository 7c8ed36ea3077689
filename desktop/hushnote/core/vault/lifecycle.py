"""Create, unlock, lock and re-key a vault: the path from a passphrase to the database.

Key hierarchy: passphrase -> Argon2id (one run, header salt and parameters) -> HKDF ->
slot key -> AES-GCM key slot -> data key (DEK) -> SQLCipher raw key for ``vault.db``.
Changing the passphrase reseals one slot; rotating the data key re-encrypts the database.
Both are crash-safe: see ``change_passphrase`` and ``rotate_key``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import os
import secrets
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from hushnote.core.atomic import (
    clean_leftovers,
    create_private_file,
    replace_file,
    scrub_file,
    storage_errors,
    swap_in,
)
from hushnote.core.clock import system_clock
from hushnote.core.formats.bundle import ExportReport, export_bundle, open_bundle
from hushnote.core.formats.bundle_import import MergeReport, import_bundle
from hushnote.core.formats.bundle_records import Scope
from hushnote.core.paths import VaultPaths
from hushnote.core.store.contacts import ContactStore
from hushnote.core.store.database import Database, Progress
from hushnote.core.store.index_check import index_problems
from hushnote.core.store.lists import LinkStore, ListStore
from hushnote.core.store.notes import NewNote, NoteStore
from hushnote.core.store.record_integrity import RecordSeal, counter, install_triggers
from hushnote.core.store.schema import COUNTED_TABLES, LATEST_VERSION, migrate, schema_version
from hushnote.core.store.search import Searcher
from hushnote.core.store.settings import Settings
from hushnote.core.vault.anchor import RollbackAnchor, anchor_name
from hushnote.core.vault.duress import DecoyNote, decode_decoy, encode_decoy
from hushnote.core.vault.folder import (
    FolderLock,
    prepare_new_folder,
    real_folder,
    require_regular_files,
    tighten_permissions,
)
from hushnote.core.vault.header import (
    FORMAT_VERSION,
    HEADER_SIZE,
    SLOT_COUNT,
    Header,
    SlotContent,
    SlotKind,
    slot_key,
)
from hushnote.core.vault.kdf import KEY_SIZE, KdfParams, calibrate, check_params, derive_key
from hushnote.core.vault.kdf import encode_passphrase as _validate_passphrase
from hushnote.core.vault.unlock_guard import UnlockGuard
from hushnote.core.vault.vault_state import DATABASE_SALT_SIZE, VaultState, seal_all_slots
from hushnote.core.vault.wipe import Wipe, wipe
from hushnote.errors import (
    AuthenticationError,
    HeaderChangedError,
    HeaderCorruptedError,
    HushnoteError,
    PassphraseError,
    StorageError,
    UnsafeVaultFileError,
    VaultBusyError,
    VaultCorruptedError,
    VaultLockedError,
    VaultMismatchError,
    VaultNotFoundError,
    VaultRollbackError,
)

__all__ = ["Vault", "VaultInfo", "read_info"]

AGE_IDENTITY_KEY = "age_identity"


@dataclass(frozen=True)
class VaultInfo:
    """What anyone holding the disk can read without the passphrase, and nothing more."""

    root: Path
    format_version: int
    kdf: KdfParams
    slot_count: int
    header_bytes: int
    database_bytes: int


def read_info(root: Path) -> VaultInfo:
    """Describe the vault at ``root`` without unlocking it."""
    paths = VaultPaths(real_folder(root))
    header = _read_header(paths)
    with storage_errors(root):
        database_bytes = sum(
            path.stat().st_size
            for path in (paths.database, *paths.database_companions())
            if path.exists()
        )
    return VaultInfo(
        root=root,
        format_version=FORMAT_VERSION,
        kdf=header.params,
        slot_count=SLOT_COUNT,
        header_bytes=HEADER_SIZE,
        database_bytes=database_bytes,
    )


class Vault:
    """An unlocked vault: the keyed database plus what is needed to reseal its slot.

    Use ``Vault.create`` or ``Vault.unlock``; ``lock`` (or leaving a ``with`` block) closes
    the database and zeroes the key material this object holds. Python cannot promise that
    no other copy of a key survives in freed memory; docs/threat-model.md says so.
    """

    def __init__(
        self,
        *,
        paths: VaultPaths,
        header: Header,
        slot_index: int,
        key: bytearray,
        content: SlotContent,
        state: VaultState,
        db: Database,
        folder_lock: FolderLock,
    ) -> None:
        self.paths = paths
        self._header = header
        self._on_disk = header.to_bytes()  # what a header write expects to replace
        self._slot_index = slot_index
        self._key: bytearray | None = key
        self._content: SlotContent | None = content
        self._state = state
        self._db: Database | None = db
        self._folder_lock = folder_lock
        self._header_lock = threading.Lock()
        self._anchor: RollbackAnchor | None = None

    # -- opening and closing ---------------------------------------------------------

    @classmethod
    def create(cls, root: Path, passphrase: str, *, kdf: KdfParams | None = None) -> Vault:
        """Create a new vault at ``root`` (an absent or empty folder) and return it unlocked.

        ``kdf`` defaults to parameters calibrated on this machine.
        """
        _validate_passphrase(passphrase)
        if kdf is not None:
            check_params(kdf)
        paths = VaultPaths(root)
        prepare_new_folder(paths)
        paths = VaultPaths(real_folder(root))
        folder_lock = FolderLock(paths.root)
        try:
            header = Header.new(kdf if kdf is not None else calibrate())
            key = _slot_key_for(passphrase, header)
            content = SlotContent(kind=SlotKind.NORMAL, dek=os.urandom(KEY_SIZE))
            index = secrets.randbelow(SLOT_COUNT)
            # Database first, header last: until the header exists nobody can open the
            # database, and init refuses to run over the leftover, so nothing is lost.
            with storage_errors(paths.database):
                create_private_file(paths.database)
            db = Database.open(paths.database, content.dek)
            try:
                migrate(db)
                state = VaultState.new(_database_salt(paths))
                _attach(db, state, reseal=True)
                state = state.at(counter(db))
                header = seal_all_slots(header, index, bytes(key), content, state)
                replace_file(paths.header, header.to_bytes())
            except BaseException:
                db.close()
                raise
        except BaseException:
            # The folder was empty before: remove what this attempt wrote, so that a
            # retry (after freeing disk space, say) does not find a half-made vault.
            for path in paths.all_files():
                with contextlib.suppress(OSError):
                    scrub_file(path)
            folder_lock.release()
            raise
        return cls(
            paths=paths,
            header=header,
            slot_index=index,
            key=key,
            content=content,
            state=state,
            db=db,
            folder_lock=folder_lock,
        )

    @classmethod
    def unlock(
        cls,
        root: Path,
        passphrase: str,
        *,
        accept_rollback: bool = False,
        anchor: RollbackAnchor | None = None,
    ) -> Vault:
        """Open the vault at ``root`` with ``passphrase``.

        A wrong passphrase changes nothing on disk. After a successful unlock, leftovers of
        an interrupted passphrase change or key rotation are finished or cleaned up, the
        database's write counter moves on and the header records it (every unlock writes
        the header, so that a duress unlock, which must, looks the same).

        Raises ``UnsafeVaultFileError`` before reading anything if a vault file is a link
        or not a regular file, ``VaultMismatchError`` if the database is not the one the
        header belongs with, and ``VaultRollbackError`` if it is older than the header
        last recorded, unless ``accept_rollback`` (``hushnote check --accept-rollback``)
        says the owner put it back on purpose. An ``anchor`` outside the folder also
        catches a header and database put back together (``core/vault/anchor.py``).
        """
        _validate_passphrase(passphrase)
        paths = VaultPaths(real_folder(root))
        require_regular_files(paths)
        header = _read_header(paths)
        folder_lock = FolderLock(paths.root)
        guard = UnlockGuard(paths.root)
        try:
            key = _slot_key_for(passphrase, header)
            opened = header.open_slots(bytes(key))
            normal = [slot for slot in opened if slot.content.kind is SlotKind.NORMAL]
            duress = [slot for slot in opened if slot.content.kind is SlotKind.DURESS]
            if normal:
                tighten_permissions(paths)
                clean_leftovers(paths.header)
                slot = normal[0]
                vault = cls._open_database(
                    paths, header, slot.index, key, slot.content, folder_lock,
                    accept_rollback=accept_rollback, anchor=anchor,
                )  # fmt: skip
            elif duress:
                slot = duress[0]
                vault = cls._open_decoy(paths, header, slot.index, key, slot.content, folder_lock)
            else:
                _zero(key)
                if guard.failed():
                    folder_lock.release()
                    wipe(paths.root)
                    guard.forget()
                raise AuthenticationError()
        except BaseException:
            folder_lock.release()
            raise
        guard.succeeded()
        return vault

    @classmethod
    def _open_decoy(
        cls,
        paths: VaultPaths,
        header: Header,
        index: int,
        key: bytearray,
        content: SlotContent,
        folder_lock: FolderLock,
    ) -> Vault:
        """The duress passphrase: destroy the real vault, open the decoy in its place.

        1. Every header file is overwritten in place (the real keys are gone).
        2. The other files are unlinked and overwritten in a background thread, which the
           process waits for before it exits; ``vault.db`` itself is overwritten and
           emptied in place, keeping its inode, so its birth time stays that of the real
           vault (docs/panic-and-duress.md).
        3. The decoy's notes go into that file under a new key, and a new header with one
           normal slot for the duress passphrase is written, exactly as every unlock
           writes one. From then on the duress passphrase opens the decoy like any
           vault, and the real one fails like any wrong passphrase.
        """
        notes = decode_decoy(content.payload)
        job = Wipe(paths.root)
        report = job.destroy(keep_database=True)
        if not report.keys_destroyed or any(p.name == "vault.db" for p in report.problems):
            # Read-only media: nothing can be written, exactly as a normal unlock finds.
            raise StorageError(path=str(paths.root), errno="EROFS")
        decoy = SlotContent(kind=SlotKind.NORMAL, dek=os.urandom(KEY_SIZE))
        try:
            if not paths.database.exists():
                with storage_errors(paths.database):
                    create_private_file(paths.database)
            # On a full disk the decoy has only the space the real vault freed, and a WAL
            # would need the database's size twice: its pages go straight into the file
            # (a crash now leaves the state an interrupted duress unlock always has).
            db = Database.open(paths.database, decoy.dek, in_place=True)
            try:
                migrate(db)
                NoteStore(db).create_many(
                    NewNote(
                        title=n.title, body=n.body, created_at=n.created_at,
                        updated_at=n.updated_at,
                    )
                    for n in notes
                )  # fmt: skip
                # A vault used for a while has written many times; a counter of 1 would
                # say this one was born at the unlock.
                state = VaultState.new(_database_salt(paths))
                _attach(db, state, reseal=True)
                db.execute(
                    "UPDATE vault_state SET counter = ? WHERE id = 1",
                    (100 + secrets.randbelow(5000),),
                )
                db.close()
                db = Database.open(paths.database, decoy.dek)  # from here on, like any vault
                _attach(db, state, reseal=False)
                state = _opened(db, state)
                fresh = Header(
                    params=header.params, salt=header.salt, slots=Header.new(header.params).slots
                )
                fresh = seal_all_slots(fresh, index, bytes(key), decoy, state)
                replace_file(paths.header, fresh.to_bytes())
            except BaseException:
                db.close()
                raise
        finally:
            # Only now: overwriting the old files must not race the new ones' creation.
            threading.Thread(target=job.finish, name="overwrite", daemon=False).start()
        return cls(
            paths=paths,
            header=fresh,
            slot_index=index,
            key=key,
            content=decoy,
            state=state,
            db=db,
            folder_lock=folder_lock,
        )

    @classmethod
    def _open_database(
        cls,
        paths: VaultPaths,
        header: Header,
        index: int,
        key: bytearray,
        content: SlotContent,
        folder_lock: FolderLock,
        *,
        accept_rollback: bool = False,
        anchor: RollbackAnchor | None = None,
    ) -> Vault:
        """Open the database, settling a key rotation a crash interrupted, and check that
        it is the database this header belongs with, and not an older copy of it."""
        _discard_rekey_files(paths)
        clean_leftovers(paths.database)
        state = VaultState.from_payload(content.payload)
        if state is not None and content.previous_dek is None:
            # A rotation in flight changes the salt; the settled header records the new one.
            _require_database_salt(paths, state.database_salt)
        settled = content
        try:
            db = Database.open(paths.database, content.dek)
        except VaultCorruptedError:
            if content.previous_dek is None:
                raise
            # The crash came before the re-encrypted database was swapped in.
            db = Database.open(paths.database, content.previous_dek)
            settled = dataclasses.replace(content, dek=content.previous_dek, previous_dek=None)
        else:
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
                state = VaultState.new(_database_salt(paths), legacy_duress=True)
            _attach(db, state, reseal=fresh or started != LATEST_VERSION)
            if not accept_rollback:
                if counter(db) < state.counter:
                    raise VaultRollbackError(what="database")
                witnessed = anchor.seen(anchor_name(header.salt)) if anchor else None
                if witnessed is not None and counter(db) < witnessed:
                    raise VaultRollbackError(what="vault")
            state = _opened(db, state, _database_salt(paths))
            resealed = seal_all_slots(header, index, bytes(key), settled, state)
            expected = _unchanged(paths, header.to_bytes())
            replace_file(paths.header, resealed.to_bytes(), precondition=expected)
            header = resealed
            if anchor is not None:
                anchor.record(anchor_name(header.salt), state.counter)
        except BaseException:
            db.close()
            raise
        vault = cls(
            paths=paths,
            header=header,
            slot_index=index,
            key=key,
            content=settled,
            state=state,
            db=db,
            folder_lock=folder_lock,
        )
        vault._anchor = anchor
        return vault

    def lock(self) -> None:
        """Record the write counter in the header if it moved, checkpoint and close the
        database, drop the key material, release the folder."""
        if self._db is not None:
            try:
                with contextlib.suppress(HushnoteError):
                    # Best effort: locking must not fail on a full disk. The next unlock
                    # finds the database ahead of the header, which is a crash's pattern
                    # and accepted; only a database *behind* the header is refused.
                    if not self._db.closed and counter(self._db) != self._state.counter:
                        self._write_header(self._state.at(counter(self._db)))
                self._db.close()
            finally:
                self._db = None
        if self._key is not None:
            _zero(self._key)
            self._key = None
        self._content = None
        self._folder_lock.release()

    @property
    def is_locked(self) -> bool:
        return self._db is None

    def __enter__(self) -> Vault:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.lock()

    # -- using -----------------------------------------------------------------------

    @property
    def db(self) -> Database:
        if self._db is None:
            raise VaultLockedError()
        return self._db

    @property
    def settings(self) -> Settings:
        return Settings(self.db)

    @property
    def notes(self) -> NoteStore:
        return NoteStore(self.db)

    @property
    def contacts(self) -> ContactStore:
        return ContactStore(self.db)

    @property
    def lists(self) -> ListStore:
        return ListStore(self.db)

    @property
    def links(self) -> LinkStore:
        return LinkStore(self.db)

    @property
    def searcher(self) -> Searcher:
        return Searcher(self.db)

    @property
    def header(self) -> Header:
        return self._header

    # -- bundles ---------------------------------------------------------------------

    def age_identity(self) -> Any:
        """This vault's own age X25519 identity, created the first time it is asked for
        and kept in the encrypted database."""
        from pyrage import x25519

        stored = self.settings.get(AGE_IDENTITY_KEY)
        if stored is None:
            identity = x25519.Identity.generate()
            self.settings.set(AGE_IDENTITY_KEY, str(identity))
            return identity
        return x25519.Identity.from_str(stored)

    def age_recipient(self) -> str:
        """The public key colleagues encrypt bundles to (``age1…``)."""
        return str(self.age_identity().to_public())

    def export_bundle(
        self,
        out: Path,
        *,
        scope: Scope | None = None,
        recipients: list[str] | None = None,
        passphrase: str | None = None,
        progress: Progress | None = None,
    ) -> ExportReport:
        """Write an encrypted bundle (docs/bundle-format.md); "self" as a recipient means
        this vault's own key."""
        if recipients is not None:
            recipients = [self.age_recipient() if r == "self" else r for r in recipients]
        return export_bundle(self.db, out, scope=scope, recipients=recipients,
                             passphrase=passphrase, progress=progress)  # fmt: skip

    def import_bundle(
        self, path: Path, *, passphrase: str | None = None, progress: Progress | None = None
    ) -> MergeReport:
        """Check a bundle completely, then merge it in one transaction.

        ``progress`` sees one bar: checking fills the first half, merging the second.
        """
        contents = open_bundle(path, identities=[self.age_identity()], passphrase=passphrase,
                               progress=_share(progress, 0.0, 0.5))  # fmt: skip
        return import_bundle(self.db, contents, _share(progress, 0.5, 1.0))

    def schema_version(self) -> int:
        return schema_version(self.db)

    def counts(self) -> dict[str, int]:
        """How many records of each kind the vault holds (numbers only, never content)."""
        return {
            label: int(self.db.row(f"SELECT count(*) FROM {table}")[0])  # noqa: S608 - fixed names
            for label, table in COUNTED_TABLES.items()
        }

    def check(self) -> list[str]:
        """Return every problem the checks find; empty means sound.

        SQLCipher's per-page HMAC and SQLite's structural checks, then every record
        against its MAC and the vault-wide digest (``record_integrity``), which find
        pages put back from an older copy that the page HMAC accepts.
        """
        return self.check_structure() or self.check_records()

    def check_structure(self) -> list[str]:
        """SQLCipher's page HMACs and SQLite's structural checks: damage."""
        return self.db.integrity_problems()

    def check_records(self) -> list[str]:
        """Every record against its MAC and the digest, and the search indexes against
        the records: pages older than the rest."""
        seal = self.db.records
        problems = [] if seal is None else seal.problems(self.db)
        return problems + index_problems(self.db)

    def accept_records(self) -> None:
        """Take the records as they are now as the truth: recompute every MAC and the
        digest (after ``check`` reported older pages that the owner chooses to keep)."""
        self._require_keys()
        if self.db.records is not None:
            self.db.records.reseal_all(self.db)

    # -- changing keys ---------------------------------------------------------------

    def verify_passphrase(self, passphrase: str) -> bool:
        """Whether ``passphrase`` opens this vault's own slot (one Argon2id run)."""
        self._require_keys()
        key = _slot_key_for(passphrase, self._header)
        try:
            return any(
                slot.index == self._slot_index for slot in self._header.open_slots(bytes(key))
            )
        finally:
            _zero(key)

    @property
    def has_duress(self) -> bool:
        """Whether a duress passphrase is set (as far as this vault knows: one set by a
        Hushnote older than the vault state counts as unknown, hence False)."""
        return self._state.has_duress

    def set_duress(self, passphrase: str, decoy: list[tuple[str, str]]) -> None:
        """Set the duress passphrase, replacing any earlier one, with the decoy's notes.

        The duress slot lands at a random index, and like every header write this one
        reseals all eight slots, so two snapshots of the header show neither that one is
        set nor that it changed. The decoy's notes claim to have been written now.
        """
        _validate_passphrase(passphrase)
        self._require_keys()
        duress_key = _slot_key_for(passphrase, self._header)
        try:
            opens = self._header.open_slots(bytes(duress_key))
            if any(slot.index == self._slot_index for slot in opens):
                raise PassphraseError(reason="same-as-real")
            now = system_clock()
            payload = encode_decoy([DecoyNote(title, body, now, now) for title, body in decoy])
            index = secrets.choice([i for i in range(SLOT_COUNT) if i != self._slot_index])
            duress = SlotContent(SlotKind.DURESS, os.urandom(KEY_SIZE), payload=payload)
            with self._header_lock:
                self._header = self._header.with_slot(index, bytes(duress_key), duress)
                state = self._state.with_duress(index, bytes(duress_key))
            self._write_header(state.at(counter(self.db)))
        finally:
            _zero(duress_key)

    def clear_duress(self) -> None:
        """Remove any duress passphrase (every other slot becomes random again)."""
        self._require_keys()
        self._write_header(self._state.with_duress(None, None).at(counter(self.db)))

    def abandon(self) -> None:
        """Drop the keys and close without writing anything more (after a panic wipe)."""
        if self._db is not None:
            self._db.abandon()
            self._db = None
        if self._key is not None:
            _zero(self._key)
            self._key = None
        self._content = None
        self._folder_lock.release()

    def change_passphrase(self, new_passphrase: str) -> None:
        """Reseal this vault's slot under ``new_passphrase``; the database is untouched.

        One atomic header replacement: a crash leaves either the old or the new header, so
        exactly one of the two passphrases opens the vault.
        """
        self._require_keys()
        new_key = _slot_key_for(new_passphrase, self._header)
        try:
            self._write_header(self._state.at(counter(self.db)), key=new_key)
        except BaseException:
            _zero(new_key)
            raise
        self._install(new_key)

    def rotate_key(self, progress: Progress | None = None) -> None:
        """Re-encrypt the database under a fresh data key, verified before the old one goes.

        1. The slot is resealed holding the new key *and* the old one.
        2. The database is exported to ``vault.db.rekey`` under the new key, then reopened
           and fully checked.
        3. The copy is renamed over ``vault.db`` (the commit point) and the old file is
           overwritten and unlinked.
        4. The slot is resealed with the new key alone, and the new file's salt.

        Whatever step a crash interrupts, unlocking tries both keys and settles on the one
        that opens the database. ``progress`` may cancel during step 2 (``CancelledError``),
        which puts everything back as it was.
        """
        content, _key = self._require_keys()
        db = self.db
        paths = self.paths
        state = self._state.at(counter(db))
        new_dek = os.urandom(KEY_SIZE)
        pending = dataclasses.replace(content, dek=new_dek, previous_dek=content.dek)
        self._write_header(state, content=pending)
        try:
            _discard_rekey_files(paths)
            with storage_errors(paths.rekey_database):
                create_private_file(paths.rekey_database)
            db.export_to(paths.rekey_database, new_dek, progress)
            _verify_copy(paths.rekey_database, new_dek, schema_version(db))
            db.close()
            self._db = None
            _require_no_wal(paths)
            with storage_errors(paths.database):
                swap_in(paths.rekey_database, paths.database)
        except BaseException:
            self._abort_rotation(content, state)
            raise
        # Committed: the re-encrypted database is the vault's now. If it cannot be opened
        # here (an I/O error), the vault object stays closed, and the next unlock settles
        # the header, which already holds the new key.
        self._db = Database.open(paths.database, new_dek)
        _attach(self._db, state, reseal=False)
        final = dataclasses.replace(pending, previous_dek=None)
        # If this write fails, the pending header opens the new database too, and the
        # next unlock settles it.
        self._write_header(state.at(state.counter, _database_salt(paths)), content=final)

    def _abort_rotation(self, content: SlotContent, state: VaultState) -> None:
        """Put the old database and header back after a rotation failed before its commit.

        Not after a wipe: reopening the database would create a file in the folder the
        wipe is emptying, and the header would come back with the keys in it.
        """
        paths = self.paths
        _discard_rekey_files(paths)
        with self._header_lock:
            _unchanged(paths, self._on_disk)()
        if self._db is None or self._db.closed:
            self._db = Database.open(paths.database, content.dek)
            _attach(self._db, state, reseal=False)
        # Best effort: the pending header still opens the vault if this write fails too.
        self._write_header(state, content=content)

    def _write_header(
        self,
        state: VaultState,
        *,
        key: bytearray | None = None,
        content: SlotContent | None = None,
    ) -> None:
        """Reseal every slot (``vault_state.seal_all_slots``) and replace the header."""
        current, own_key = self._require_keys()
        content = current if content is None else content
        with self._header_lock:
            header = seal_all_slots(
                self._header, self._slot_index, bytes(own_key if key is None else key),
                content, state,
            )  # fmt: skip
            data = header.to_bytes()
            replace_file(
                self.paths.header, data, precondition=_unchanged(self.paths, self._on_disk)
            )
            self._header, self._state, self._content = header, state, content
            self._on_disk = data
        if self._anchor is not None:
            self._anchor.record(anchor_name(header.salt), state.counter)

    def _require_keys(self) -> tuple[SlotContent, bytearray]:
        if self._content is None or self._key is None or self._db is None:
            raise VaultLockedError()
        return self._content, self._key

    def _install(self, key: bytearray) -> None:
        if self._key is not None:
            _zero(self._key)
        self._key = key


def _share(progress: Progress | None, start: float, end: float) -> Progress | None:
    """``progress`` for one stage of a longer job: its 0..1 mapped onto start..end."""
    if progress is None:
        return None
    return lambda fraction: progress(start + (end - start) * fraction)


def _attach(db: Database, state: VaultState, *, reseal: bool) -> None:
    """Keep record MACs and the write counter in step on ``db`` (``record_integrity``)."""
    seal = RecordSeal(state.integrity_key)
    install_triggers(db)
    db.records = seal
    db.before_commit = seal.before_commit
    if reseal:
        seal.reseal_all(db)


def _opened(db: Database, state: VaultState, salt: bytes | None = None) -> VaultState:
    """Count an unlock as a write, so the header written next moves on with it."""
    with db.transaction() as connection:
        connection.execute("UPDATE vault_state SET counter = counter + 1 WHERE id = 1")
    db.checkpoint()  # page 1, and with it the salt, is in the file from here on
    return state.at(counter(db), salt)


def _database_salt(paths: VaultPaths) -> bytes:
    """The first 16 bytes of ``vault.db`` (SQLCipher's salt, stored in the clear)."""
    with storage_errors(paths.database):
        fd = os.open(paths.database, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        try:
            return os.pread(fd, DATABASE_SALT_SIZE, 0)
        finally:
            os.close(fd)


def _require_database_salt(paths: VaultPaths, expected: bytes) -> None:
    """Raise ``VaultMismatchError`` unless ``vault.db`` is the file the header recorded."""
    if not paths.database.exists():
        return  # Database.open reports a missing file
    salt = _database_salt(paths)
    if len(salt) < DATABASE_SALT_SIZE:
        wal = paths.database_companions()[0]
        if wal.exists() and wal.stat().st_size > 0:
            return  # never checkpointed yet: page 1 is still in the WAL
        raise VaultMismatchError(path=str(paths.database), reason="empty")
    if salt != expected:
        raise VaultMismatchError(path=str(paths.database), reason="foreign")


def _discard_rekey_files(paths: VaultPaths) -> None:
    for path in paths.rekey_files():
        with storage_errors(path):
            scrub_file(path)


def _verify_copy(path: Path, dek: bytes, expected_version: int) -> None:
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


def _read_header(paths: VaultPaths) -> Header:
    if not paths.header.exists():
        if paths.database.exists():
            raise HeaderCorruptedError(path=str(paths.root), reason="missing")
        raise VaultNotFoundError(path=str(paths.root))
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        fd = os.open(paths.header, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UnsafeVaultFileError(path=str(paths.header)) from None
        with storage_errors(paths.header):
            raise
    try:
        with storage_errors(paths.header):
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise UnsafeVaultFileError(path=str(paths.header))
            # Read one byte past the expected size so that a padded file is detected.
            data = os.pread(fd, HEADER_SIZE + 1, 0)
    finally:
        os.close(fd)
    return Header.parse(data)


def _unchanged(paths: VaultPaths, expected: bytes) -> Callable[[], None]:
    """A check that the header on disk is still ``expected``, run just before a header
    write commits (``replace_file``'s precondition).

    Only a wipe (or another program) changes the header of a vault this process holds
    open: the folder lock keeps other Hushnote processes out, and the wipe never waits
    for it. A write that went ahead would put a working header back into a folder the
    wipe had just destroyed, so it stops instead (``HeaderChangedError``).
    """

    def check() -> None:
        try:
            same = _read_header(paths).to_bytes() == expected  # parsing is lossless
        except HushnoteError:  # gone, erased, a link now: not the header we wrote
            same = False
        if not same:
            raise HeaderChangedError(path=str(paths.header))

    return check


def _slot_key_for(passphrase: str, header: Header) -> bytearray:
    argon = derive_key(passphrase, header.salt, header.params)
    try:
        return bytearray(slot_key(argon))
    finally:
        _zero(argon)


def _zero(buffer: bytearray) -> None:
    buffer[:] = bytes(len(buffer))
