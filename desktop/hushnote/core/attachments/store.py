"""Files attached to notes: each one an encrypted blob file, its key in the vault.

How an attach goes (docs/attachments.md#crash-safety):

1. the source is opened (a regular file, at most 4 GiB) and streamed, cleaned of
   metadata on the way if its kind allows, into ``NAME.partial`` under a fresh random
   key (``blob_file``), which is then fsynced;
2. in one database transaction the partial file takes its final name (the folder is
   fsynced) and the row holding its key, size and hash is inserted.

Between the two, the text that search indexes is extracted from the partial file (PDFs and
text files, bounded in time and size: ``text_extract``), outside the database's turn;
step 2 stores it and indexes it with the name (docs/search.md#attachments).

A crash before step 2 leaves a ``.partial``; a crash inside it, a final name with no
row. ``sweep`` (at every unlock) removes both. A row never exists without its file.
Removing goes the other way: the row (and with it the only copy of the key) is deleted
and the WAL scrubbed, then the file is unlinked; a crash between leaves an orphan that
the next sweep takes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import secrets
import stat
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from hushnote.core.atomic import FILE_MODE, fsync_dir, storage_errors
from hushnote.core.attachments.blob_file import (
    KEY_SIZE,
    MAX_SIZE,
    BlobReader,
    BlobWriter,
    read_chunks,
)
from hushnote.core.attachments.blob_folder import BlobFolder
from hushnote.core.attachments.kinds import HEAD_SIZE, clean_name, sniff_kind
from hushnote.core.clock import Clock, from_ms, system_clock, to_ms
from hushnote.core.store.database import Database, Progress, progress_share
from hushnote.core.store.ids import new_uuid, resolve_uuid
from hushnote.core.store.text_index import forget, index_attachment, unindex_attachments
from hushnote.core.vault.key_schedule import zero
from hushnote.errors import (
    AttachmentDamagedError,
    AttachmentSourceError,
    AttachmentTooLargeError,
    BundleWriteError,
    CancelledError,
)

__all__ = [
    "AttachResult",
    "Attachment",
    "AttachmentStore",
    "extract_stored",
    "index_new",
    "release_unreferenced",
]

_READ = 1 << 20
_REPORT_EVERY = 0.05  # seconds between progress reports, so Cancel answers quickly
# Kinds whose metadata ``metadata.clean`` removes.
CLEANABLE = frozenset({"jpeg", "png", "webp", "heic", "pdf"})
# Kinds whose text search indexes (every attachment's name is indexed).
TEXT_SOURCES = frozenset({"pdf", "text", "markdown"})
_FIELDS = "a.uuid, n.uuid, a.name, a.kind, a.size, a.sha256, a.removed, a.created_at"


@dataclass(frozen=True)
class Attachment:
    """One attached file, as lists and viewers show it; never its key."""

    uuid: str
    note_uuid: str
    name: str
    kind: str
    size: int
    sha256: str
    removed: tuple[str, ...]
    created_at: datetime

    @classmethod
    def from_row(cls, row: Any) -> Attachment:
        return cls(
            uuid=row[0],
            note_uuid=row[1],
            name=row[2],
            kind=row[3],
            size=int(row[4]),
            sha256=bytes(row[5]).hex(),
            removed=tuple(json.loads(row[6])),
            created_at=from_ms(row[7]),
        )


@dataclass(frozen=True)
class AttachResult:
    """What an attach stored, and what it took out on the way.

    ``cleaned``: the file's metadata was looked for and what identifies was removed
    (``removed`` says what). False for a kind whose metadata this version cannot read
    (an office document, an archive: it may still carry an author), for plain text
    (which has none), and when the user chose to keep it.
    """

    attachment: Attachment
    removed: tuple[str, ...]
    cleaned: bool


class _Job:
    """Progress and Cancel for one long read or write: ``check`` raises to stop."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self._progress = progress
        self._total = max(total, 1)
        self._last = 0.0
        self.done = 0

    def check(self) -> None:
        if self._progress is None:
            return
        now = time.monotonic()
        if now - self._last < _REPORT_EVERY:
            return
        self._last = now
        if self._progress(min(self.done / self._total, 1.0)) is False:
            raise CancelledError()


class _CountingReader:
    """The source as a file object that reports how much has been read, and ends where
    the file ended when it was opened: a file another program keeps growing (a log, a
    download) is read up to that size, not on until the 4 GiB limit."""

    def __init__(self, raw: IO[bytes], job: _Job, total: int) -> None:
        self._raw = raw
        self._job = job
        self._end = raw.tell() + total

    def _room(self, size: int) -> int:
        left = max(self._end - self._raw.tell(), 0)
        return left if size < 0 else min(size, left)

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(self._room(size))
        self._job.done += len(data)
        self._job.check()
        return data

    def readinto(self, buffer: Any) -> int:
        with memoryview(buffer) as view, view.cast("B") as target:
            count = self._raw.readinto(target[: self._room(len(target))])  # type: ignore[attr-defined]
        self._job.done += count or 0
        self._job.check()
        return count or 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)


class AttachmentStore:
    """Attachments of the vault whose database is ``db`` and blob folder ``folder``."""

    def __init__(self, db: Database, folder: BlobFolder, *, clock: Clock = system_clock):
        self._db = db
        self._folder = folder
        self._clock = clock

    # -- reading -------------------------------------------------------------------

    def of_note(self, note: str) -> list[Attachment]:
        """The attachments of ``note`` (a uuid or a unique prefix), oldest first."""
        note_id, _ = resolve_uuid(self._db, "note", note)
        rows = self._db.rows(
            f"SELECT {_FIELDS} FROM attachments a JOIN notes n ON n.id = a.note_id "  # noqa: S608 - fixed
            "WHERE a.note_id = ? ORDER BY a.created_at, a.id",
            (note_id,),
        )
        return [Attachment.from_row(row) for row in rows]

    def counts(self, note_uuids: Sequence[str]) -> dict[str, int]:
        """How many attachments each of these notes has (absent: none)."""
        if not note_uuids:
            return {}
        marks = ",".join("?" * len(note_uuids))
        rows = self._db.rows(
            "SELECT n.uuid, count(*) FROM attachments a JOIN notes n ON n.id = a.note_id "  # noqa: S608 - placeholders only
            f"WHERE n.uuid IN ({marks}) GROUP BY n.uuid",
            tuple(note_uuids),
        )
        return {str(uuid): int(count) for uuid, count in rows}

    def get(self, reference: str) -> Attachment:
        attachment_id, _ = resolve_uuid(self._db, "attachment", reference)
        return Attachment.from_row(
            self._db.row(
                f"SELECT {_FIELDS} FROM attachments a JOIN notes n ON n.id = a.note_id "  # noqa: S608 - fixed
                "WHERE a.id = ?",
                (attachment_id,),
            )
        )

    def chunks(self, reference: str, progress: Progress | None = None) -> Iterator[bytes]:
        """The plaintext of an attachment, chunk by chunk (64 KiB each), checked as read.

        ``AttachmentDamagedError`` if its file is missing, cut short or changed; the
        last chunk is checked before it is yielded, so a consumer that stops on that
        error has never been handed bytes from a file cut short.
        """
        attachment_id, _ = resolve_uuid(self._db, "attachment", reference)
        blob, key, size, digest = self._db.row(
            "SELECT blob, blob_key, size, sha256 FROM attachments WHERE id = ?", (attachment_id,)
        )
        job = _Job(progress, size)
        fd = self._folder.open(blob)
        try:
            check = hashlib.sha256()
            pending: bytes | None = None
            for chunk in read_chunks(fd, key, size, job.check):
                if pending is not None:
                    yield pending
                check.update(chunk)
                job.done += len(chunk)
                pending = chunk
            if not secrets.compare_digest(check.digest(), bytes(digest)):
                raise AttachmentDamagedError(reason="hash")
            if pending is not None:
                yield pending
        finally:
            os.close(fd)

    def open(self, reference: str) -> BlobReader:
        """The plaintext as a read-only, seekable file, decrypted chunk by chunk as read
        (each checked, the whole-file hash not): for viewers and libraries that seek."""
        attachment_id, _ = resolve_uuid(self._db, "attachment", reference)
        blob, key, size = self._db.row(
            "SELECT blob, blob_key, size FROM attachments WHERE id = ?", (attachment_id,)
        )
        return BlobReader(self._folder.open(blob), key, size)

    def read(self, reference: str, *, limit: int, progress: Progress | None = None) -> bytes:
        """The whole plaintext in memory, for viewing: refused above ``limit`` bytes."""
        attachment = self.get(reference)
        if attachment.size > limit:
            raise AttachmentTooLargeError(maximum=limit)
        buffer = bytearray()
        for chunk in self.chunks(reference, progress):
            buffer += chunk
        return bytes(buffer)

    # -- writing -------------------------------------------------------------------

    def add(
        self,
        note: str,
        source: Path | IO[bytes],
        *,
        name: str | None = None,
        keep_metadata: bool = False,
        transform: Callable[[IO[bytes]], bytes] | None = None,
        progress: Progress | None = None,
    ) -> AttachResult:
        """Attach ``source`` (a path, or an open binary file such as a pasted image) to
        ``note``.

        Metadata is removed on the way for the kinds that carry it, unless
        ``keep_metadata``; if it cannot be removed (a damaged file), the attach stops
        with that error so the caller can ask before storing the file unchanged.
        ``transform`` replaces the content entirely (faces blurred: the image is
        decoded, changed and encoded with no metadata) and returns the new bytes.
        """
        resolve_uuid(self._db, "note", note)
        with contextlib.ExitStack() as stack:
            if isinstance(source, Path):
                raw = stack.enter_context(_open_source(source))
                shown = clean_name(name if name is not None else source.name)
            else:
                raw = source
                shown = clean_name(name or "attachment")
            total = _remaining(raw)
            if total > MAX_SIZE:
                raise AttachmentTooLargeError(maximum=MAX_SIZE)
            head = raw.read(HEAD_SIZE)
            raw.seek(-len(head), os.SEEK_CUR)
            kind = sniff_kind(head, shown)
            job = _Job(progress, total)
            reader = _CountingReader(raw, job, total)
            blob = self._folder.new_name()
            key = bytearray(secrets.token_bytes(KEY_SIZE))
            stack.callback(zero, key)
            fd = self._folder.create_partial(blob)
            published = False
            writer: BlobWriter | None = None
            try:
                writer = BlobWriter(fd, key, job.check)
                removed: tuple[str, ...] = ()
                cleaned = True
                with storage_errors(self._folder.path / blob):
                    if transform is not None:
                        content = transform(reader)  # type: ignore[arg-type]
                        kind = sniff_kind(content[:HEAD_SIZE], shown)
                        writer.write(content)
                        # A transform may say what it took out (``BlurTransform``).
                        removed = tuple(getattr(transform, "removed", ("faces",)))
                    elif kind in CLEANABLE and not keep_metadata:
                        removed, cleaned = _clean(kind, reader, writer, job.check)
                    else:
                        cleaned = False
                        _copy(reader, writer)
                    size, digest = writer.close()
                os.close(fd)
                fd = -1
                text = self._extract(blob, key, size, kind, job)
                attachment = self._publish(
                    note, blob, key, shown, kind, size, digest, removed, text
                )
                published = True
            finally:
                if fd >= 0:
                    os.close(fd)
                if not published:
                    if writer is not None:
                        writer.abort()
                    self._folder.discard_partial(blob)
        return AttachResult(attachment=attachment, removed=removed, cleaned=cleaned)

    def _publish(
        self,
        note: str,
        blob: str,
        key: bytearray,
        name: str,
        kind: str,
        size: int,
        digest: bytes,
        removed: tuple[str, ...],
        text: str,
    ) -> Attachment:
        uuid = new_uuid()
        renamed = False
        try:
            with self._db.transaction() as connection:
                # The note may have been purged while the file was written.
                note_id, _ = resolve_uuid(self._db, "note", note)
                self._folder.publish(blob)
                renamed = True
                connection.execute(
                    "INSERT INTO attachments (uuid, note_id, name, kind, size, sha256, blob, "
                    "blob_key, removed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        uuid, note_id, name, kind, size, digest, blob, bytes(key),
                        json.dumps(list(removed)), to_ms(self._clock()),
                    ),
                )  # fmt: skip
                (attachment_id,) = connection.execute(
                    "SELECT id FROM attachments WHERE uuid = ?", (uuid,)
                ).fetchone()
                index_new(connection, attachment_id, text)
        except BaseException:
            if renamed:
                self._folder.remove([blob])
            raise
        return self.get(uuid)

    def remove(self, reference: str) -> None:
        """Delete an attachment for good: its row (with the only copy of its key), its
        words in the search index, the WAL's copy of them, then its file."""
        attachment_id, _ = resolve_uuid(self._db, "attachment", reference)
        with self._db.transaction() as connection:
            (blob,) = connection.execute(
                "SELECT blob FROM attachments WHERE id = ?", (attachment_id,)
            ).fetchone()
            words = unindex_attachments(connection, [attachment_id])
            connection.execute("DELETE FROM attachments WHERE id = ?", (attachment_id,))
            forget(connection, words)
        self._db.checkpoint_after_commit()
        self._folder.remove([blob])

    def export(self, reference: str, target: Path, progress: Progress | None = None) -> None:
        """Write the plaintext to ``target`` (the caller has asked the user): a new file,
        written beside it under a temporary name and renamed, so a failure or a Cancel
        leaves nothing there. Refused inside the vault folder."""
        target = Path(os.path.abspath(target))
        vault_root = self._folder.path.parent
        if Path(os.path.realpath(target.parent)).is_relative_to(os.path.realpath(vault_root)):
            raise BundleWriteError(path=str(target), reason="inside-vault")
        with storage_errors(target):
            if target.is_dir():
                raise BundleWriteError(path=str(target), reason="is-a-folder")
        # Not derived from the target's name: that may already take the 255 bytes a
        # file system allows.
        temporary = target.with_name(f".{secrets.token_hex(8)}.part")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        with storage_errors(temporary):
            fd = os.open(temporary, flags, FILE_MODE)
        done = False
        try:
            with storage_errors(temporary):
                for chunk in self.chunks(reference, progress):
                    view = memoryview(chunk)
                    while view:
                        view = view[os.write(fd, view) :]
                os.fsync(fd)
            with storage_errors(target):
                os.rename(temporary, target)
                fsync_dir(target.parent)
            done = True
        finally:
            os.close(fd)
            if not done:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)

    def _extract(self, blob: str, key: bytearray, size: int, kind: str, job: _Job) -> str:
        """The text search will index, read from the file as stored (after cleaning).

        Cancel is asked through the extractor's clock, which it reads between pages and
        on every read (where an exception could not cross PDFium): a Cancel ends the
        time budget at once, and the attach then stops as cancelled."""
        cancelled = False

        def clock() -> float:
            nonlocal cancelled
            if not cancelled:
                try:
                    job.check()
                except CancelledError:
                    cancelled = True
            return math.inf if cancelled else time.monotonic()

        text = extract_stored(self._folder, blob, key, size, kind, partial=True, clock=clock)
        if cancelled:
            raise CancelledError()
        return text

    # -- housekeeping --------------------------------------------------------------

    def sweep(self, *, partials: bool = True) -> int:
        """Remove blob files no row holds a key for; return how many."""
        return release_unreferenced(self._db, self._folder, partials=partials)

    def problems(self, progress: Progress | None = None) -> list[str]:
        """Every attachment whose file is missing or fails its check (all of it is
        decrypted and hashed), and every file no row knows."""
        rows = self._db.rows("SELECT uuid, blob, size FROM attachments ORDER BY id")
        total = sum(int(size) for _, _, size in rows)
        found: list[str] = []
        done = 0
        for uuid, _blob, size in rows:
            share = progress_share(
                progress, done / max(total, 1), (done + int(size)) / max(total, 1)
            )
            try:
                for _ in self.chunks(uuid, share):
                    pass
            except AttachmentDamagedError as error:
                found.append(f"attachment {uuid[:8]}: {error.context.get('reason')}")
            done += int(size)
        finals, partials = self._folder.names()
        known = {str(blob) for _, blob, _ in rows}
        unknown = len(finals - known) + len(partials)
        if unknown:
            found.append(f"attachments folder: {unknown} file(s) with no attachment")
        return found


def extract_stored(
    folder: BlobFolder,
    blob: str,
    key: bytearray,
    size: int,
    kind: str,
    *,
    partial: bool,
    clock: Callable[[], float] = time.monotonic,
) -> str:
    """The text of a stored blob for the search index (empty for kinds without text, or
    a file that cannot be read): bounded in time and size (``text_extract``)."""
    if kind not in TEXT_SOURCES:
        return ""
    from hushnote.core.attachments.text_extract import extract_text

    try:
        reader = BlobReader(folder.open(blob, partial=partial), key, size)
    except AttachmentDamagedError:
        return ""
    with reader:
        return extract_text(reader, kind, clock=clock)


def index_new(connection: Any, attachment_id: int, text: str) -> None:
    """Keep ``text`` and index the attachment, inside the transaction that inserted it."""
    if text:
        connection.execute(
            "INSERT INTO attachment_text (attachment_id, text) VALUES (?, ?)",
            (attachment_id, text),
        )
    index_attachment(connection, attachment_id)


def release_unreferenced(db: Database, folder: BlobFolder, *, partials: bool = False) -> int:
    """Unlink every blob whose row is gone (after a purge, or left by a crash).

    Runs in the database's turn: an attach publishes its file inside a transaction,
    so no file is ever seen between its rename and its row. Partial files belong to
    attaches still writing, and are taken only at unlock (``partials``), when none is.
    """
    with db.turn():
        referenced = {str(row[0]) for row in db.rows("SELECT blob FROM attachments")}
        return folder.sweep(referenced, partials=partials)


@contextlib.contextmanager
def _open_source(path: Path) -> Iterator[IO[bytes]]:
    # O_NONBLOCK: opening a FIFO must not hang; anything but a regular file is refused.
    with storage_errors(path):
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise AttachmentSourceError(path=str(path))
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb", buffering=0) as raw:
        yield raw


def _remaining(raw: IO[bytes]) -> int:
    here = raw.tell()
    end = raw.seek(0, os.SEEK_END)
    raw.seek(here)
    return end - here


def _copy(reader: _CountingReader, writer: BlobWriter) -> None:
    buffer = bytearray(_READ)
    view = memoryview(buffer)
    while True:
        count = reader.readinto(view)
        if not count:
            return
        writer.write(view[:count])


def _clean(
    kind: str, reader: _CountingReader, writer: BlobWriter, check: Callable[[], None]
) -> tuple[tuple[str, ...], bool]:
    from hushnote.core.attachments.metadata import clean

    result = clean(kind, reader, writer, check)  # type: ignore[arg-type]
    return result.removed, result.checked
