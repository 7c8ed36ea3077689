"""Starting and ending travel: seal what stays home, verify, show the key, purge; and
bring it back (docs/travel.md).

The order is what makes a kill -9 at any instant safe: the bundle is complete, fsynced
and renamed before anything is purged, and read back from disk (with a travel key,
decrypted and checked completely) before the key is shown; the purge is one
transaction after that. So the content is always in the vault, in a complete bundle
that opens with the key, or both; never neither.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hushnote.core.atomic import scrub_file
from hushnote.core.attachments.blob_folder import BlobFolder
from hushnote.core.formats.age_keys import normalize_recipient
from hushnote.core.formats.bundle import BundleContents, open_bundle
from hushnote.core.formats.bundle_export import ExportReport, export_bundle
from hushnote.core.formats.bundle_history import merge_history
from hushnote.core.formats.bundle_import import MergeReport, import_bundle
from hushnote.core.formats.bundle_records import HISTORY, TRAVEL_MEMBER, Scope
from hushnote.core.store.database import Database, Progress, progress_share
from hushnote.core.store.ids import resolve_uuid
from hushnote.core.store.revisions import append_revision
from hushnote.core.travel import state
from hushnote.core.travel.marks import TravelMarks, TravelPlan, read_plan
from hushnote.core.travel.purge import purge_marked
from hushnote.core.travel.travel_key import normalize_travel_key
from hushnote.errors import (
    BundleWriteError,
    CancelledError,
    HushnoteError,
    InvalidRecordError,
    NothingMarkedError,
    RecordNotFoundError,
    TravelBundleError,
    TravelVerifyError,
)

if TYPE_CHECKING:
    from hushnote.core.vault.lifecycle import Vault

__all__ = ["REMINDER_KEY", "Travel", "TravelReceipt", "TravelReport"]

# The one trace travel may leave, and only if the owner asks for it: an ordinary setting.
REMINDER_KEY = "travel_reminder"
_READ = 1 << 20


@dataclass(frozen=True)
class TravelReceipt:
    """What started travel sealed and where: the bundle (and a key file beside a large
    one sealed with a travel key), and the plan that left."""

    files: list[Path]
    plan: TravelPlan
    travel_key: bool  # True: sealed with the words; False: to a recipient
    counts: dict[str, int] = field(default_factory=dict)
    # Asked to rewrite the vault afterwards (``compact``) and it did not happen: why
    # (a Cancel, a full disk). Travel has started all the same: the content has left.
    compact_error: HushnoteError | None = None


@dataclass(frozen=True)
class TravelReport:
    """What ending travel merged back."""

    merge: MergeReport
    notebooks: list[str]
    lists: list[str]
    # Shared notebooks whose sharing did not come back: the bundle was not sealed by
    # this vault (made by another vault, or forged with its public key). Their notes
    # came back as private notes.
    not_shared: list[str] = field(default_factory=list)
    # Notes written on the road in a shared notebook that came back: moved to a private
    # notebook of their own so that none is published to its members. (shared, private)
    set_apart: list[tuple[str, str]] = field(default_factory=list)


class Travel:
    """Travel mode for one open vault: the marks, the plan, start and end."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._marks = TravelMarks(vault.db)

    @property
    def _db(self) -> Database:
        return self._vault.db

    @property
    def _folder(self) -> BlobFolder:
        return BlobFolder(self._vault.paths.attachments)

    # -- choosing ----------------------------------------------------------------------

    def mark_notebook(self, name: str) -> None:
        self._marks.mark_notebook(name)

    def unmark_notebook(self, name: str) -> None:
        self._marks.mark_notebook(name, stays_home=False)

    def mark_list(self, name: str) -> None:
        self._marks.mark_list(name)

    def unmark_list(self, name: str) -> None:
        self._marks.mark_list(name, stays_home=False)

    def marked(self) -> tuple[list[str], list[str]]:
        """The names of the notebooks and of the lists marked to stay home."""
        return self._marks.marked()

    def plan(self) -> TravelPlan:
        """Exactly what starting travel now would seal away and purge."""
        return self._marks.plan()

    def resolve_recipient(self, text: str) -> str:
        """An ``age1…`` key as given, or the saved key of the contact named (exactly, any
        case) or whose uuid starts with ``text``. ``InvalidRecordError`` (field
        "age_recipient") for a contact with no key; ``RecordNotFoundError`` for none."""
        clean = text.strip()
        if clean.lower().startswith("age1") or clean.upper().startswith("AGE-SECRET-KEY-"):
            return normalize_recipient(clean)
        rows = self._db.rows(
            "SELECT uuid, age_recipient FROM contacts WHERE display_name = ? COLLATE NOCASE",
            (clean,),
        )
        if not rows:
            with contextlib.suppress(RecordNotFoundError):
                _, uuid = resolve_uuid(self._db, "contact", clean)
                rows = self._db.rows(
                    "SELECT uuid, age_recipient FROM contacts WHERE uuid = ?", (uuid,)
                )
        if not rows:
            raise RecordNotFoundError(kind="contact")
        keyed = [str(row[1]) for row in rows if row[1] is not None]
        if len(rows) > 1 and len(keyed) != 1:
            raise InvalidRecordError(field="age_recipient", reason="ambiguous")
        if not keyed:
            raise InvalidRecordError(field="age_recipient", reason="no-key")
        return normalize_recipient(keyed[0])

    # -- the reminder ----------------------------------------------------------------

    @property
    def reminder(self) -> str | None:
        """The reminder the owner asked for at start (off by default), or None."""
        return self._vault.settings.get(REMINDER_KEY)

    # -- starting ----------------------------------------------------------------------

    def start(
        self,
        out: Path,
        *,
        recipient: str | None = None,
        passphrase: str | None = None,
        progress: Progress | None = None,
        confirm_key: Callable[[], bool] | None = None,
        reminder: str | None = None,
        compact: bool = False,
        kill_point: Callable[[str], None] | None = None,
    ) -> TravelReceipt:
        """Seal what stays home into ``out``, verify it, show the key, purge it.

        ``recipient``: an ``age1…`` key or a contact (``resolve_recipient``);
        ``passphrase``: the travel key's words (``travel_key_words``). ``confirm_key`` is
        called once the bundle is verified and before anything is purged: the front end
        shows the key there; False cancels (the bundle is removed, the vault untouched).
        ``progress`` may cancel until the purge starts. ``reminder``: a note of the
        owner's to keep as an ordinary setting until travel ends (None: none). The whole
        run holds the database's turn, so no edit lands between sealing and purging.
        ``compact``: afterwards, rotate the data key (``Vault.rotate_key``), which writes
        the database afresh at its new size and overwrites the old file, so neither the
        file's size nor its freed blocks tell what left. ``kill_point`` is for the
        kill -9 tests."""
        if (recipient is None) == (passphrase is None):
            raise ValueError("give a recipient or a passphrase, not both")
        recipients = None if recipient is None else [self.resolve_recipient(recipient)]
        own = self._vault.stored_age_identity()
        if recipients and own is not None and recipients[0] == self._vault.age_recipient():
            # The vault a checkpoint forces open could then open the bundle too.
            raise InvalidRecordError(field="age_recipient", reason="own-key")
        key = None if passphrase is None else normalize_travel_key(passphrase)
        if key is not None and not key:
            raise InvalidRecordError(field="travel_key", reason="empty")
        key_file = out.with_name(out.name + ".key")
        for target in (out, key_file):
            if target.exists() or target.is_symlink():
                # Never over an earlier bundle or its key file: they may hold an earlier
                # trip's content, which cannot be opened without both.
                raise BundleWriteError(path=str(target), reason="exists")
        point = kill_point or (lambda _name: None)
        db = self._db
        with db.turn():
            with db.transaction() as connection:
                plan = read_plan(connection)
                member = state.capture(connection)
            if plan.empty:
                raise NothingMarkedError()
            if self._shared_elsewhere():
                # Its removal would reach the notebook's members at the next pass.
                raise InvalidRecordError(field="list", reason="shared-elsewhere")
            # Sealed with this vault's identity: only a bundle this vault wrote may bring a
            # shared notebook's keys and membership back (``end``).
            member = state.seal(member, str(self._vault.age_identity()))
            scope = Scope(kind="travel", extra_members=((TRAVEL_MEMBER, member),))
            try:
                report = export_bundle(db, out, scope=scope, recipients=recipients,
                                       passphrase=key,
                                       progress=progress_share(progress, 0.0, 0.6),
                                       vault_folder=self._vault.paths.root,
                                       attachments=self._folder,
                                       include_history=True, replace=False)  # fmt: skip
            except BundleWriteError as error:
                # A file arrived at the target while the bundle was written: it is not
                # this run's, and the export removed what it had named itself.
                if error.context.get("reason") != "exists":
                    self._remove_own(out, key_file)
                raise
            except BaseException:
                # A Cancel seen at the export's last tick comes after its rename: the files
                # are there but no report names them. Neither existed before (checked
                # above), and none is ever replaced, so what is there now is this run's.
                self._remove_own(out, key_file)
                raise
            point("written")
            try:
                self._verify(report, plan, key, progress_share(progress, 0.6, 0.95))
                point("verified")
                if progress is not None and not progress(0.95):
                    raise CancelledError()
                if confirm_key is not None and not confirm_key():
                    raise CancelledError()
            except BaseException:
                for path in report.files:
                    with contextlib.suppress(OSError):
                        scrub_file(path)
                raise
            point("confirmed")
            try:
                # From here a Cancel is too late: the purge is one transaction, and a
                # Cancel that stopped it would leave the bundle written and nothing
                # removed, or removed and the front end saying nothing was.
                with db.finishing():
                    purge_marked(db, self._folder, before_commit=lambda: point("purging"))
            except BaseException:
                # Not committed (a full disk, a panic): the content is still here, and
                # so the bundle goes, as after any other failure before the purge.
                if not self._purged():
                    for path in report.files:
                        with contextlib.suppress(OSError):
                            scrub_file(path)
                raise
            point("purged")
            if reminder is not None:
                with db.finishing():
                    self._vault.settings.set(REMINDER_KEY, reminder)
        compact_error = None
        if compact:
            # Past the purge, a Cancel stops only the compaction: rotation is whole or
            # not done, and the content has left either way, so the receipt says so
            # instead of an error that would read as "nothing changed".
            try:
                self._vault.rotate_key(progress_share(progress, 0.95, 1.0))
            except HushnoteError as error:
                compact_error = error
        if progress is not None:
            progress(1.0)
        return TravelReceipt(list(report.files), plan, key is not None, dict(report.counts),
                             compact_error)  # fmt: skip

    def _purged(self) -> bool:
        """Whether the purge committed before something after it failed: nothing marked
        is left. True when it cannot tell (the database is gone): the bundle then stays,
        as it may be the only copy."""
        try:
            return (
                self._db.row(
                    "SELECT 1 FROM notebooks WHERE stays_home = 1 "
                    "UNION ALL SELECT 1 FROM lists WHERE stays_home = 1 LIMIT 1"
                )
                is None
            )
        except HushnoteError:
            return True

    @staticmethod
    def _remove_own(*targets: Path) -> None:
        for target in targets:
            if target.is_file() and not target.is_symlink():
                with contextlib.suppress(OSError):
                    scrub_file(target)

    def _shared_elsewhere(self) -> bool:
        """Whether a marked list is shared in a notebook that does not stay home."""
        return bool(
            self._db.row(
                "SELECT 1 FROM lists l JOIN space_lists sl ON sl.uuid = l.uuid "
                "JOIN spaces s ON s.id = sl.space_id JOIN notebooks nb ON nb.id = s.notebook_id "
                "WHERE l.stays_home = 1 AND nb.stays_home = 0"
            )
        )

    def _verify(
        self, report: ExportReport, plan: TravelPlan, key: str | None, progress: Progress | None
    ) -> None:
        """Read every file back and compare it with what the encryptor produced; with the
        travel key, also decrypt and check the bundle completely and count what it holds.
        ``TravelVerifyError`` on any difference (nothing is purged then)."""
        for path in report.files:
            digest = hashlib.sha256()
            try:
                with path.open("rb") as handle:
                    with contextlib.suppress(OSError, AttributeError):
                        # Read from the disk, not from the page cache, where possible.
                        os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
                    while chunk := handle.read(_READ):
                        digest.update(chunk)
            except OSError:
                raise TravelVerifyError(reason="unreadable") from None
            if digest.hexdigest() != report.sha256.get(path.name):
                raise TravelVerifyError(reason="changed")
        if key is None:
            return  # sealed to a colleague: this vault cannot decrypt it
        try:
            contents = open_bundle(report.files[0], passphrase=key, progress=progress,
                                   spool=self._vault.paths.attachments)  # fmt: skip
        except CancelledError:
            raise
        except HushnoteError:
            raise TravelVerifyError(reason="unreadable") from None
        try:
            counts = contents.manifest["counts"]
            expected = {
                "notes": plan.note_count,
                "lists": len(plan.lists),
                "contacts": len(plan.contacts),
                "attachments": sum(notebook.attachments for notebook in plan.notebooks),
                "history": sum(notebook.revisions for notebook in plan.notebooks),
            }
            if contents.manifest.get("scope") != "travel" or any(
                int(counts.get(kind, 0)) != count for kind, count in expected.items()
            ):
                raise TravelVerifyError(reason="incomplete")
        finally:
            contents.archive.close()

    # -- ending ------------------------------------------------------------------------

    def end(
        self, path: Path, *, passphrase: str | None = None, progress: Progress | None = None
    ) -> TravelReport:
        """Open a travel bundle with the travel key's words or this vault's own key (a
        colleague re-encrypted it to it), check it completely, and merge it back in one
        transaction with the marks, the trash and any shared notebook's state."""
        key = None if passphrase is None else normalize_travel_key(passphrase)
        # A vault that never showed its key has none yet: no bundle can be sealed to it,
        # and opening one must not make one (it would be a new setting).
        stored = self._vault.stored_age_identity()
        identities = [] if stored is None else [self._vault.age_identity()]
        contents = open_bundle(path, identities=identities, passphrase=key,
                               progress=progress_share(progress, 0.0, 0.5),
                               spool=self._vault.paths.attachments)  # fmt: skip
        try:
            if contents.manifest.get("scope") != "travel":
                raise TravelBundleError()
            records = list(contents.records(TRAVEL_MEMBER))
            notebooks = [str(r.get("name")) for r in records if r.get("kind") == "notebook"]
            lists = [str(r.get("name")) for r in records if r.get("kind") == "list"]
            trusted = state.sealed_by(records, stored)
            # Notes written on the road: on the laptop now and not in the bundle.
            road = {str(row[0]) for row in self._db.rows("SELECT uuid FROM notes")}
            road -= {str(r["uuid"]) for r in contents.records("notes.jsonl")}
            not_shared: list[str] = []
            set_apart: list[tuple[str, str]] = []

            def finish(connection: Any) -> None:
                not_shared.extend(state.restore(connection, records, spaces=trusted, road=road,
                                                set_apart=set_apart))  # fmt: skip
                _keep_the_older_side(connection, contents)
                connection.execute("DELETE FROM settings WHERE key = ?", (REMINDER_KEY,))

            merge = import_bundle(self._db, contents, progress_share(progress, 0.5, 1.0),
                                  attachments=self._folder, finish=finish)  # fmt: skip
        finally:
            contents.archive.close()
        return TravelReport(merge, notebooks, lists, not_shared, set_apart)


def _keep_the_older_side(connection: Any, contents: BundleContents) -> None:
    """A note changed on the road after it came back another way (another bundle, say)
    and is newer than the bundle's copy: the merge kept the road's text, so the bundle's
    history and its text are added as revisions (the text as a ``merge`` one), and nothing
    is lost. (Where the bundle's copy is the newer, the merge itself keeps the road's text
    as an ``import`` revision and adds the bundle's history.) No common ancestor of the
    two is recorded, so they are not merged line by line."""
    now = int(time.time() * 1000)
    older: list[tuple[int, dict[str, Any]]] = []
    for record in contents.records("notes.jsonl"):
        row = connection.execute(
            "SELECT n.id, n.title, b.body, n.updated_at FROM notes n "
            "JOIN note_bodies b ON b.note_id = n.id WHERE n.uuid = ?",
            (record["uuid"],),
        ).fetchone()
        if row is not None and row[3] > record["updated_at"]:
            if (row[1], row[2]) != (record["title"], record["body"]):
                older.append((int(row[0]), record))
    if contents.has_history:
        uuids = {record["uuid"] for _, record in older}
        merge_history(connection, contents.records(HISTORY), uuids, hashlib.sha256())
    for note_id, record in older:
        append_revision(connection, note_id, (record["title"], record["body"]), "merge", now)
