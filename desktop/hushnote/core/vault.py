"""Create, unlock, lock and re-key a vault: the path from a passphrase to the database.

Key hierarchy: passphrase -> Argon2id (one run, header salt and parameters) -> HKDF ->
slot key -> AES-GCM key slot -> data key (DEK) -> SQLCipher raw key for ``vault.db``.
Changing the passphrase reseals one slot; rotating the data key re-encrypts the database.
Both are crash-safe: see ``change_passphrase`` and ``rotate_key``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import secrets
import threading
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
from hushnote.core.bundle import ExportReport, export_bundle, open_bundle
from hushnote.core.bundle_import import MergeReport, import_bundle
from hushnote.core.bundle_records import Scope
from hushnote.core.clock import system_clock
from hushnote.core.contacts import ContactStore
from hushnote.core.database import Database, Progress
from hushnote.core.duress import DecoyNote, decode_decoy, encode_decoy
from hushnote.core.folder import FolderLock, prepare_new_folder, tighten_permissions
from hushnote.core.header import (
    FORMAT_VERSION,
    HEADER_SIZE,
    SLOT_COUNT,
    Header,
    SlotContent,
    SlotKind,
    slot_key,
)
from hushnote.core.kdf import KEY_SIZE, KdfParams, calibrate, check_params, derive_key
from hushnote.core.kdf import encode_passphrase as _validate_passphrase
from hushnote.core.lists import LinkStore, ListStore
from hushnote.core.notes import NewNote, NoteStore
from hushnote.core.paths import VaultPaths
from hushnote.core.schema import COUNTED_TABLES, migrate, schema_version
from hushnote.core.search import Searcher
from hushnote.core.settings import Settings
from hushnote.core.unlock_guard import UnlockGuard
from hushnote.core.wipe import Wipe, wipe
from hushnote.errors import (
    AuthenticationError,
    HeaderCorruptedError,
    PassphraseError,
    VaultBusyError,
    VaultCorruptedError,
    VaultLockedError,
    VaultNotFoundError,
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
    paths = VaultPaths(root)
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
        db: Database,
        folder_lock: FolderLock,
    ) -> None:
        self.paths = paths
        self._header = header
        self._slot_index = slot_index
        self._key: bytearray | None = key
        self._content: SlotContent | None = content
        self._db: Database | None = db
        self._folder_lock = folder_lock

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
        folder_lock = FolderLock(root)
        try:
            header = Header.new(kdf if kdf is not None else calibrate())
            key = _slot_key_for(passphrase, header)
            content = SlotContent(kind=SlotKind.NORMAL, dek=os.urandom(KEY_SIZE))
            index = secrets.randbelow(SLOT_COUNT)
            header = header.with_slot(index, bytes(key), content)
            # Database first, header last: until the header exists nobody can open the
            # database, and init refuses to run over the leftover, so nothing is lost.
            with storage_errors(paths.database):
                create_private_file(paths.database)
            db = Database.open(paths.database, content.dek)
            try:
                migrate(db)
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
            db=db,
            folder_lock=folder_lock,
        )

    @classmethod
    def unlock(cls, root: Path, passphrase: str) -> Vault:
        """Open the vault at ``root`` with ``passphrase``.

        A wrong passphrase changes nothing on disk. After a successful unlock, leftovers of
        an interrupted passphrase change or key rotation are finished or cleaned up.
        """
        _validate_passphrase(passphrase)
        paths = VaultPaths(root)
        header = _read_header(paths)
        folder_lock = FolderLock(root)
        guard = UnlockGuard(root)
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
                    paths, header, slot.index, key, slot.content, folder_lock
                )
            elif duress:
                slot = duress[0]
                vault = cls._open_decoy(paths, header, slot.index, key, slot.content, folder_lock)
            else:
                _zero(key)
                if guard.failed():
                    folder_lock.release()
                    wipe(root)
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
        2. The real database files are unlinked; their contents are overwritten in a
           background thread, which the process waits for before it exits.
        3. A new database with the decoy's notes is created under a new key, and a new
           header with one normal slot for the duress passphrase is written. From then on
           the duress passphrase opens the decoy like any vault, and the real one fails
           like any wrong passphrase.
        """
        notes = decode_decoy(content.payload)
        job = Wipe(paths.root)
        job.destroy()
        decoy = SlotContent(kind=SlotKind.NORMAL, dek=os.urandom(KEY_SIZE))
        with storage_errors(paths.database):
            create_private_file(paths.database)
        db = Database.open(paths.database, decoy.dek)
        try:
            migrate(db)
            NoteStore(db).create_many(
                NewNote(
                    title=n.title, body=n.body, created_at=n.created_at, updated_at=n.updated_at
                )
                for n in notes
            )
            fresh = Header(
                params=header.params, salt=header.salt, slots=Header.new(header.params).slots
            )
            fresh = fresh.with_slot(index, bytes(key), decoy)
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
    ) -> Vault:
        """Open the database, settling a key rotation a crash interrupted."""
        _discard_rekey_files(paths)
        clean_leftovers(paths.database)
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
            if settled != content:
                header = header.with_slot(index, bytes(key), settled)
                replace_file(paths.header, header.to_bytes())
            migrate(db)
        except BaseException:
            db.close()
            raise
        return cls(
            paths=paths,
            header=header,
            slot_index=index,
            key=key,
            content=settled,
            db=db,
            folder_lock=folder_lock,
        )

    def lock(self) -> None:
        """Checkpoint and close the database, drop the key material, release the folder."""
        if self._db is not None:
            try:
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
        """Check a bundle completely, then merge it in one transaction."""
        contents = open_bundle(path, identities=[self.age_identity()], passphrase=passphrase)
        return import_bundle(self.db, contents, progress)

    def schema_version(self) -> int:
        return schema_version(self.db)

    def counts(self) -> dict[str, int]:
        """How many records of each kind the vault holds (numbers only, never content)."""
        return {
            label: int(self.db.row(f"SELECT count(*) FROM {table}")[0])  # noqa: S608 - fixed names
            for label, table in COUNTED_TABLES.items()
        }

    def check(self) -> list[str]:
        """Return every problem SQLCipher's and SQLite's checks find; empty means sound."""
        return self.db.integrity_problems()

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

    def set_duress(self, passphrase: str, decoy: list[tuple[str, str]]) -> None:
        """Set the duress passphrase, replacing any earlier one, with the decoy's notes.

        Every slot but this vault's own is re-randomised and the duress slot lands at a
        random one of them, so the header shows neither that one is set nor that it
        changed. The decoy's notes claim to have been written now.
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
            header = self._without_other_slots()
            index = secrets.choice([i for i in range(SLOT_COUNT) if i != self._slot_index])
            content = SlotContent(SlotKind.DURESS, os.urandom(KEY_SIZE), payload=payload)
            header = header.with_slot(index, bytes(duress_key), content)
            replace_file(self.paths.header, header.to_bytes())
        finally:
            _zero(duress_key)
        self._header = header

    def clear_duress(self) -> None:
        """Remove any duress passphrase (every other slot becomes random again)."""
        self._require_keys()
        header = self._without_other_slots()
        replace_file(self.paths.header, header.to_bytes())
        self._header = header

    def _without_other_slots(self) -> Header:
        header = self._header
        for index in range(SLOT_COUNT):
            if index != self._slot_index:
                header = header.with_random_slot(index)
        return header

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
        exactly one of the two passphrases opens the vault. Other slots keep their bytes.
        """
        content, _key = self._require_keys()
        new_key = _slot_key_for(new_passphrase, self._header)
        header = self._header.with_slot(self._slot_index, bytes(new_key), content)
        try:
            replace_file(self.paths.header, header.to_bytes())
        except BaseException:
            _zero(new_key)
            raise
        self._install(header, new_key, content)

    def rotate_key(self, progress: Progress | None = None) -> None:
        """Re-encrypt the database under a fresh data key, verified before the old one goes.

        1. The slot is resealed holding the new key *and* the old one.
        2. The database is exported to ``vault.db.rekey`` under the new key, then reopened
           and fully checked.
        3. The copy is renamed over ``vault.db`` (the commit point) and the old file is
           overwritten and unlinked.
        4. The slot is resealed with the new key alone.

        Whatever step a crash interrupts, unlocking tries both keys and settles on the one
        that opens the database. ``progress`` may cancel during step 2 (``CancelledError``),
        which puts everything back as it was.
        """
        content, key = self._require_keys()
        db = self.db
        paths = self.paths
        new_dek = os.urandom(KEY_SIZE)
        pending = dataclasses.replace(content, dek=new_dek, previous_dek=content.dek)
        pending_header = self._header.with_slot(self._slot_index, bytes(key), pending)
        replace_file(paths.header, pending_header.to_bytes())
        try:
            _discard_rekey_files(paths)
            with storage_errors(paths.rekey_database):
                create_private_file(paths.rekey_database)
            db.export_to(paths.rekey_database, new_dek, progress)
            _verify_copy(paths.rekey_database, new_dek, schema_version(db))
            db.close()
            _require_no_wal(paths)
            with storage_errors(paths.database):
                swap_in(paths.rekey_database, paths.database)
        except BaseException:
            self._abort_rotation(content)
            raise
        self._db = Database.open(paths.database, new_dek)
        final = dataclasses.replace(pending, previous_dek=None)
        final_header = pending_header.with_slot(self._slot_index, bytes(key), final)
        try:
            replace_file(paths.header, final_header.to_bytes())
        except BaseException:
            # The pending header opens the new database too; the next unlock settles it.
            self._header, self._content = pending_header, pending
            raise
        self._header, self._content = final_header, final

    def _abort_rotation(self, content: SlotContent) -> None:
        """Put the old database and header back after a rotation failed before its commit."""
        paths = self.paths
        _discard_rekey_files(paths)
        if self._db is None or self._db.closed:
            self._db = Database.open(paths.database, content.dek)
        # Best effort: the pending header still opens the vault if this write fails too.
        replace_file(paths.header, self._header.to_bytes())

    def _require_keys(self) -> tuple[SlotContent, bytearray]:
        if self._content is None or self._key is None or self._db is None:
            raise VaultLockedError()
        return self._content, self._key

    def _install(self, header: Header, key: bytearray, content: SlotContent) -> None:
        if self._key is not None:
            _zero(self._key)
        self._header, self._key, self._content = header, key, content


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
    with storage_errors(paths.header), paths.header.open("rb") as handle:
        # Read one byte past the expected size so that a padded file is detected.
        data = handle.read(HEADER_SIZE + 1)
    return Header.parse(data)


def _slot_key_for(passphrase: str, header: Header) -> bytearray:
    argon = derive_key(passphrase, header.salt, header.params)
    try:
        return bytearray(slot_key(argon))
    finally:
        _zero(argon)


def _zero(buffer: bytearray) -> None:
    buffer[:] = bytes(len(buffer))
