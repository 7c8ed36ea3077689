"""An unlocked vault: create, unlock, use and lock; the front of the vault package.

Key hierarchy (``key_schedule``): passphrase -> Argon2id -> HKDF -> slot key ->
AES-GCM key slot -> data key -> SQLCipher raw key for ``vault.db``. The pieces live
apart: ``opening`` creates and opens the database, ``duress_unlock`` is the duress
passphrase's way in, ``keyring`` holds the keys and writes the header, ``rotation``
re-keys the database. ``Vault`` ties one ``Keyring`` to one ``Database``.
"""

from __future__ import annotations

import contextlib
import dataclasses
from pathlib import Path
from types import TracebackType
from typing import Any

from hushnote.core.atomic import clean_leftovers
from hushnote.core.attachments.blob_folder import BlobFolder
from hushnote.core.attachments.store import AttachmentStore
from hushnote.core.formats import bundle_import
from hushnote.core.formats.bundle import BundleContents, open_bundle
from hushnote.core.formats.bundle_export import ExportReport, export_bundle
from hushnote.core.formats.bundle_import import MergePlan, MergeReport, import_bundle
from hushnote.core.formats.bundle_kind import BundleKind, inspect_bundle
from hushnote.core.formats.bundle_records import Scope, linked_contact_count, notes_in_scope
from hushnote.core.importers.service import AppImporter
from hushnote.core.paths import VaultPaths
from hushnote.core.pdf.document import PdfScope, check_target, render_pdf, write_pdf
from hushnote.core.store.contacts import ContactStore
from hushnote.core.store.database import Database, Progress, progress_share
from hushnote.core.store.history import HistoryStore
from hushnote.core.store.index_check import index_problems
from hushnote.core.store.lists import LinkStore, ListStore
from hushnote.core.store.notes import NoteStore
from hushnote.core.store.record_integrity import counter
from hushnote.core.store.schema import COUNTED_TABLES, schema_version
from hushnote.core.store.search import Searcher
from hushnote.core.store.settings import Settings
from hushnote.core.sync.spaces import SpaceStore
from hushnote.core.travel.workflow import Travel
from hushnote.core.vault.anchor import RollbackAnchor
from hushnote.core.vault.duress_unlock import open_decoy
from hushnote.core.vault.folder import (
    FolderLock,
    prepare_new_folder,
    real_folder,
    require_regular_files,
    tighten_permissions,
)
from hushnote.core.vault.header import Header, SlotKind
from hushnote.core.vault.header_file import read_header
from hushnote.core.vault.key_schedule import (
    KdfParams,
    check_params,
    encode_passphrase,
    passphrase_key,
)
from hushnote.core.vault.keyring import Keyring
from hushnote.core.vault.opening import create_database, open_database
from hushnote.core.vault.rotation import rotate_key
from hushnote.core.vault.unlock_guard import UnlockGuard
from hushnote.core.vault.wipe import wipe
from hushnote.errors import (
    AuthenticationError,
    HushnoteError,
    InvalidRecordError,
    VaultLockedError,
)

__all__ = ["Vault"]

AGE_IDENTITY_KEY = "age_identity"


class Vault:
    """An unlocked vault: the keyed database plus what is needed to reseal its slot.

    Use ``Vault.create`` or ``Vault.unlock``; ``lock`` (or leaving a ``with`` block) closes
    the database and zeroes the key material this object holds. Python cannot promise that
    no other copy of a key survives in freed memory; docs/threat-model.md says so.
    """

    def __init__(self, keys: Keyring, db: Database, folder_lock: FolderLock) -> None:
        self.paths = keys.paths
        self._keys = keys
        self._db: Database | None = db
        self._folder_lock = folder_lock

    # -- opening and closing ---------------------------------------------------------

    @classmethod
    def create(cls, root: Path, passphrase: str, *, kdf: KdfParams | None = None) -> Vault:
        """Create a new vault at ``root`` (an absent or empty folder) and return it unlocked.

        ``kdf`` defaults to parameters calibrated on this machine.
        """
        encode_passphrase(passphrase)
        if kdf is not None:
            check_params(kdf)
        prepare_new_folder(VaultPaths(root))
        paths = VaultPaths(real_folder(root))
        folder_lock = FolderLock(paths.root)
        try:
            keys, db = create_database(paths, passphrase, kdf)
        except BaseException:
            folder_lock.release()
            raise
        return cls(keys, db, folder_lock)

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
        encode_passphrase(passphrase)
        paths = VaultPaths(real_folder(root))
        require_regular_files(paths)
        header = read_header(paths)
        folder_lock = FolderLock(paths.root)
        guard = UnlockGuard(paths.root)
        key: bytearray | None = None
        try:
            key = passphrase_key(passphrase, header.salt, header.params)
            opened = header.open_slots(key)
            normal = [slot for slot in opened if slot.content.kind is SlotKind.NORMAL]
            duress = [slot for slot in opened if slot.content.kind is SlotKind.DURESS]
            chosen = (normal + duress)[0] if normal or duress else None
            for slot in opened:
                if slot is not chosen:
                    slot.content.forget()
            if chosen is None:
                Keyring.discard(key, None)
                if guard.failed():
                    folder_lock.release()
                    wipe(paths.root)
                    guard.forget()
                raise AuthenticationError()
            try:
                if normal:
                    tighten_permissions(paths)
                    clean_leftovers(paths.header)
                    keys, db = open_database(
                        paths, header, chosen.index, key, chosen.content,
                        accept_rollback=accept_rollback, anchor=anchor,
                    )  # fmt: skip
                else:
                    keys, db = open_decoy(paths, header, chosen.index, key, chosen.content)
            except BaseException:
                Keyring.discard(key, chosen.content)
                raise
        except BaseException:
            folder_lock.release()
            raise
        guard.succeeded()
        vault = cls(keys, db, folder_lock)
        # What a crash left half-written, and files whose rows were deleted just before.
        with contextlib.suppress(HushnoteError):
            vault.attachments.sweep(partials=True)
        # Revisions past the vault's retention go before anything is shown.
        with contextlib.suppress(HushnoteError):
            vault.history.expire()
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
                    db = self._db
                    if not db.closed and not self._keys.forgotten:
                        if counter(db) != self._keys.state.counter:
                            self._keys.write(self._keys.state.at(counter(db)))
                self._db.close()
            finally:
                self._db = None
        self._keys.forget()
        self._folder_lock.release()

    def abandon(self) -> None:
        """Drop the keys and close without writing anything more (after a panic wipe)."""
        if self._db is not None:
            self._db.abandon()
            self._db = None
        self._keys.forget()
        self._folder_lock.release()

    @property
    def is_locked(self) -> bool:
        return self._db is None or self._db.closed

    def __enter__(self) -> Vault:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.lock()

    # -- the database, for this package's own jobs (rotation) -----------------------

    def keyring(self) -> Keyring:
        """The keys and header; raises ``VaultLockedError`` once locked."""
        if self._db is None or self._keys.forgotten:
            raise VaultLockedError()
        return self._keys

    @property
    def database_closed(self) -> bool:
        return self._db is None or self._db.closed

    def close_database(self) -> None:
        """Close the connection, keeping the ``Database`` object (``reopen_database``)."""
        self.db.close()

    def reopen_database(self, dek: bytearray) -> Database:
        """Open the (re-keyed) file again in the same ``Database`` object, so that the
        stores and views holding it need not know."""
        db = self.db
        db.reconnect(dek)
        return db

    # -- using -----------------------------------------------------------------------

    @property
    def db(self) -> Database:
        """The vault's one ``Database`` (one object for as long as the vault is open)."""
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
    def history(self) -> HistoryStore:
        """The revisions kept of the notes (docs/history.md)."""
        return HistoryStore(self.db)

    @property
    def contacts(self) -> ContactStore:
        return ContactStore(self.db)

    @property
    def attachments(self) -> AttachmentStore:
        return AttachmentStore(self.db, BlobFolder(self.paths.attachments))

    @property
    def lists(self) -> ListStore:
        return ListStore(self.db)

    @property
    def links(self) -> LinkStore:
        return LinkStore(self.db)

    @property
    def spaces(self) -> SpaceStore:
        return SpaceStore(self.db, self.notes, self.age_identity)

    @property
    def importers(self) -> AppImporter:
        """Importing other apps' exports (docs/importers.md)."""
        return AppImporter(self.db, self.paths.attachments)

    @property
    def travel(self) -> Travel:
        """Travel mode: what stays home, starting and ending travel (docs/travel.md)."""
        return Travel(self)

    @property
    def searcher(self) -> Searcher:
        return Searcher(self.db)

    @property
    def header(self) -> Header:
        return self._keys.header

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
        db = self.db
        with db.turn():
            problems = [] if db.records is None else db.records.problems(db)
            return problems + index_problems(db) + self.attachments.problems()

    def accept_records(self) -> None:
        """Take the records as they are now as the truth: recompute every MAC and the
        digest (after ``check`` reported older pages that the owner chooses to keep)."""
        self.keyring()
        db = self.db
        with db.turn():
            if db.records is not None:
                db.records.reseal_all(db)

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

    def stored_age_identity(self) -> str | None:
        """This vault's own age identity as stored, or None if it never made one (asking
        does not make one: that would be a new setting)."""
        return self.settings.get(AGE_IDENTITY_KEY)

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
        with_linked_contacts: bool = False,
        include_history: bool = False,
    ) -> ExportReport:
        """Write an encrypted bundle (docs/bundle-format.md); "self" as a recipient means
        this vault's own key. A target inside the vault folder is refused.

        A notebook, tag or notes ``scope`` carries its notes' links to contacts but not
        the contacts themselves unless ``with_linked_contacts`` (or the scope's own
        ``linked_contacts``) says so. Notes in the trash are never exported; chosen notes
        that are all in the trash are refused (``InvalidRecordError``, reason
        "in-trash") rather than written as an empty bundle. Note history goes only with
        ``include_history`` (docs/history.md)."""
        scope = scope or Scope()
        if with_linked_contacts:
            scope = dataclasses.replace(scope, linked_contacts=True)
        if scope.kind == "notes" and scope.notes and not notes_in_scope(self.db, scope):
            raise InvalidRecordError(field="notes", reason="in-trash")
        if recipients is not None:
            recipients = [self.age_recipient() if r == "self" else r for r in recipients]
        return export_bundle(self.db, out, scope=scope, recipients=recipients,
                             passphrase=passphrase, progress=progress,
                             vault_folder=self.paths.root,
                             attachments=BlobFolder(self.paths.attachments),
                             include_history=include_history)  # fmt: skip

    # -- printing --------------------------------------------------------------------

    def render_pdf(
        self, scope: PdfScope, *, title_in_metadata: bool = False,
        progress: Progress | None = None,
    ) -> bytes:  # fmt: skip
        """The PDF of a note, a notebook or a journal month, in memory (docs/pdf.md)."""
        return render_pdf(self.notes, self.attachments, scope,
                          title_in_metadata=title_in_metadata, progress=progress)  # fmt: skip

    def export_pdf(
        self, out: Path, scope: PdfScope, *, force: bool = False,
        title_in_metadata: bool = False, progress: Progress | None = None,
    ) -> None:  # fmt: skip
        """Write the PDF of ``scope`` to ``out``: nothing is written until it is complete
        (a Cancel writes nothing), never inside the vault folder, never over an existing
        file unless ``force``."""
        check_target(out, vault_folder=self.paths.root, force=force)
        write_pdf(self.render_pdf(scope, title_in_metadata=title_in_metadata,
                                  progress=progress),
                  out, vault_folder=self.paths.root, force=force)  # fmt: skip

    def linked_contact_count(self, scope: Scope) -> int:
        """How many people a notebook, tag or notes export would also carry if asked to
        (``with_linked_contacts``); 0 for the whole vault or a list."""
        return linked_contact_count(self.db, scope)

    def import_bundle(
        self, path: Path, *, passphrase: str | None = None, progress: Progress | None = None
    ) -> MergeReport:
        """Check a bundle completely, then merge it in one transaction.

        ``progress`` sees one bar: checking fills the first half, merging the second.
        """
        contents = open_bundle(path, identities=[self.age_identity()], passphrase=passphrase,
                               progress=progress_share(progress, 0.0, 0.5),
                               spool=self.paths.attachments)  # fmt: skip
        return import_bundle(self.db, contents, progress_share(progress, 0.5, 1.0),
                             attachments=BlobFolder(self.paths.attachments))  # fmt: skip

    def inspect_bundle(self, path: Path) -> BundleKind:
        """What ``path`` is for this vault, from its age header alone (nothing decrypted
        but a wrapped file key, nothing asked): opens with this vault's key, needs a
        passphrase, or cannot be opened here."""
        from pyrage import x25519

        stored = self.stored_age_identity()  # none yet: no bundle can be ours
        return inspect_bundle(path, [] if stored is None else [x25519.Identity.from_str(stored)])

    def read_bundle(
        self, path: Path, *, passphrase: str | None = None, progress: Progress | None = None
    ) -> BundleContents:
        """Decrypt and check a bundle completely, writing nothing to the vault (a large
        archive is kept sealed in a file with no name, under a key held only in memory):
        what ``preview_bundle`` and ``merge_bundle`` then work on."""
        return open_bundle(path, identities=[self.age_identity()], passphrase=passphrase,
                           progress=progress, spool=self.paths.attachments)  # fmt: skip

    def preview_bundle(
        self, contents: BundleContents, progress: Progress | None = None
    ) -> MergePlan:
        """What merging ``contents`` would add, update and skip, found by the merge itself
        in a transaction that is rolled back: the vault is left as it was."""
        return bundle_import.preview_bundle(self.db, contents, progress)

    def merge_bundle(
        self,
        contents: BundleContents,
        *,
        plan: MergePlan | None = None,
        progress: Progress | None = None,
    ) -> MergeReport:
        """Merge a checked bundle in one transaction; with the ``plan`` a preview showed,
        only if it still holds (``BundlePlanChangedError``, nothing written, if not)."""
        return import_bundle(self.db, contents, progress, plan=plan,
                             attachments=BlobFolder(self.paths.attachments))  # fmt: skip

    # -- changing keys ---------------------------------------------------------------

    def verify_passphrase(self, passphrase: str) -> bool:
        """Whether ``passphrase`` opens this vault's own slot (one Argon2id run)."""
        return self.keyring().verify(passphrase)

    @property
    def has_duress(self) -> bool:
        """Whether a duress passphrase is set (as far as this vault knows: one set by a
        Hushnote older than the vault state counts as unknown, hence False)."""
        return self._keys.state.has_duress

    def set_duress(self, passphrase: str, decoy: list[tuple[str, str]]) -> None:
        """Set the duress passphrase, replacing any earlier one, with the decoy's notes.

        The duress slot lands at a random index, and like every header write this one
        reseals all eight slots, so two snapshots of the header show neither that one is
        set nor that it changed. The decoy's notes claim to have been written now.
        """
        encode_passphrase(passphrase)
        self.keyring().set_duress(passphrase, decoy, counter(self.db))

    def clear_duress(self) -> None:
        """Remove any duress passphrase (every other slot becomes random again)."""
        self.keyring().clear_duress(counter(self.db))

    def change_passphrase(self, new_passphrase: str) -> None:
        """Reseal this vault's slot under ``new_passphrase``; the database is untouched.

        One atomic header replacement: a crash leaves either the old or the new header, so
        exactly one of the two passphrases opens the vault.
        """
        self.keyring().change_passphrase(new_passphrase, counter(self.db))

    def rotate_key(self, progress: Progress | None = None) -> None:
        """Re-encrypt the database under a fresh data key (``rotation``), verified before
        the old one goes. ``progress`` may cancel while the copy is written."""
        rotate_key(self, progress)
