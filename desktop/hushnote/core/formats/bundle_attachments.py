"""Attachments inside a bundle: their ``attachments.jsonl`` records, their files as ZIP
members streamed out of the vault's blob files, and their way back into another vault.

See docs/bundle-format.md#attachments. No attachment is ever whole in memory: out of the
vault it goes 64 KiB at a time from ``read_chunks`` into the ZIP member, and into the
vault 1 MiB at a time from the member into a new blob file (``BlobWriter``).

An import writes each new attachment's blob file inside the merge's transaction (a
partial file, sealed, checked against the record's size and SHA-256, then renamed to its
final name) before its row is inserted. If anything fails (a mismatch, a Cancel, a full
disk), the transaction rolls back and ``Incoming.discard`` unlinks every file it made.
A process killed before the commit leaves files with no row, which the sweep at the next
unlock removes (``AttachmentStore.sweep``): a row never exists without its file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from hushnote.core.atomic import storage_errors
from hushnote.core.attachments.blob_file import KEY_SIZE, MAX_SIZE, BlobWriter, read_chunks
from hushnote.core.attachments.blob_folder import BlobFolder
from hushnote.core.attachments.kinds import HEAD_SIZE, clean_name, sniff_kind
from hushnote.core.attachments.store import extract_stored, index_new
from hushnote.core.clock import LATEST_MS
from hushnote.core.store.database import Database
from hushnote.core.vault.key_schedule import zero
from hushnote.errors import AttachmentDamagedError, BundleFormatError, BundleTooLargeError

__all__ = [
    "ATTACHMENTS",
    "MAX_ATTACHMENTS",
    "MAX_ATTACHMENT_SIZE",
    "Incoming",
    "Outgoing",
    "check_attachment",
    "member_name",
    "outgoing",
    "write_files",
]

ATTACHMENTS = "attachments.jsonl"
# Attachments in one bundle. Each is a ZIP member, and zipfile reads every entry of the
# central directory into an object before the reader can count them: this many entries
# take about 3 MB of directory and a fraction of a second.
MAX_ATTACHMENTS = 10_000
MAX_ATTACHMENT_SIZE = MAX_SIZE  # 4 GiB: no vault holds a larger one
# Characters of the file name kept in the member's name (the record keeps all of it):
# bounds each directory entry, so that MAX_ATTACHMENTS of them fit DIRECTORY_LIMIT.
_MEMBER_NAME = 120
# Characters that Windows refuses in a file name, and that unzip would turn into folders.
_UNSAFE = re.compile(r'[\\/:*?"<>|]')
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_CODE = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")
_READ = 1 << 20


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


# Opens a member of the checked archive by name, for reading.
Opener = Callable[[str], contextlib.AbstractContextManager[Readable]]


def member_name(uuid: str, name: str) -> str:
    """The ZIP member holding an attachment: ``attachments/<uuid>/<file name>``, so that
    ``unzip -l`` lists it by a name a person recognises, unique whatever the names."""
    safe = _UNSAFE.sub("_", clean_name(name))
    if len(safe) > _MEMBER_NAME:
        stem, dot, extension = safe.rpartition(".")
        if dot and 0 < len(extension) <= 16:
            safe = stem[: _MEMBER_NAME - len(extension) - 1] + "." + extension
        else:
            safe = safe[:_MEMBER_NAME]
    return f"attachments/{uuid}/{safe}"


# -- export ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Outgoing:
    """One attachment to export: its record, and what opens its blob file."""

    record: dict[str, Any]
    blob: str
    key: bytes
    size: int
    sha256: bytes

    @property
    def member(self) -> str:
        return str(self.record["file"])


def outgoing(db: Database, notes_where: str, parameters: dict[str, Any]) -> list[Outgoing]:
    """The attachments of the notes ``notes_where`` selects (a condition on ``n``), in
    the order they were attached; ``BundleTooLargeError`` past ``MAX_ATTACHMENTS``.

    Read here, before the archive is written in another thread: the keys stay in this
    list, and the writer needs no database turn."""
    rows = db.rows(
        "SELECT a.uuid, n.uuid, a.name, a.kind, a.size, a.sha256, a.removed, a.created_at, "  # noqa: S608 - fixed condition
        "a.blob, a.blob_key FROM attachments a JOIN notes n ON n.id = a.note_id "
        f"WHERE {notes_where} ORDER BY a.id",
        parameters,
    )
    if len(rows) > MAX_ATTACHMENTS:
        raise BundleTooLargeError(what="attachments", count=len(rows))
    found = []
    for uuid, note, name, kind, size, digest, removed, created_at, blob, key in rows:
        record = {
            "uuid": uuid,
            "note": note,
            "name": name,
            "kind": kind,
            "size": int(size),
            "sha256": bytes(digest).hex(),
            "removed": json.loads(removed),
            "created_at": int(created_at),
            "file": member_name(uuid, name),
        }
        found.append(Outgoing(record, str(blob), bytes(key), int(size), bytes(digest)))
    return found


def write_files(
    archive: Any,  # a zipfile.ZipFile open for writing
    attachments: Iterable[Outgoing],
    folder: BlobFolder,
    tick: Callable[[int], None],
) -> None:
    """Each attachment's plaintext as its own stored member, 64 KiB at a time, checked
    against its SHA-256 as it goes (``AttachmentDamagedError``: the export fails rather
    than carry a damaged file). ``tick`` hears the bytes written, and may cancel."""
    for attachment in attachments:
        fd = folder.open(attachment.blob)
        try:
            check = hashlib.sha256()
            with archive.open(attachment.member, "w", force_zip64=True) as member:
                for chunk in read_chunks(fd, attachment.key, attachment.size):
                    check.update(chunk)
                    member.write(chunk)
                    tick(len(chunk))
            if not secrets.compare_digest(check.digest(), attachment.sha256):
                raise AttachmentDamagedError(reason="hash")
        finally:
            os.close(fd)


# -- checking -------------------------------------------------------------------------


def check_attachment(record: dict[str, Any]) -> None:
    """Raise ``ValueError`` unless ``record`` is a well-formed attachments.jsonl line."""
    uuid, note = record.get("uuid"), record.get("note")
    if not isinstance(uuid, str) or not _UUID.fullmatch(uuid):
        raise ValueError("uuid is not a uuid")
    if not isinstance(note, str) or not _UUID.fullmatch(note):
        raise ValueError("note is not a uuid")
    name = record.get("name")
    if not isinstance(name, str) or clean_name(name) != name:
        raise ValueError("name is not a file name")
    kind = record.get("kind")
    if not isinstance(kind, str) or not _CODE.fullmatch(kind):
        raise ValueError("kind is not a kind")
    size = record.get("size")
    if not isinstance(size, int) or isinstance(size, bool) or not 0 <= size <= MAX_ATTACHMENT_SIZE:
        raise ValueError("size is out of range")
    if not isinstance(record.get("sha256"), str) or not _SHA256.fullmatch(record["sha256"]):
        raise ValueError("sha256 is not a SHA-256")
    removed = record.get("removed")
    if not isinstance(removed, list) or len(removed) > 64:
        raise ValueError("removed is not a list of codes")
    if not all(isinstance(code, str) and _CODE.fullmatch(code) for code in removed):
        raise ValueError("removed is not a list of codes")
    created = record.get("created_at")
    if not isinstance(created, int) or isinstance(created, bool) or not 0 <= created <= LATEST_MS:
        raise ValueError("created_at is not a time")
    file = record.get("file")
    if not isinstance(file, str) or not file.startswith(f"attachments/{uuid}/"):
        raise ValueError("file is not this attachment's member")
    if len(file) > 64 + 4 * _MEMBER_NAME:
        raise ValueError("file is too long")


# -- import ---------------------------------------------------------------------------


@dataclass
class Incoming:
    """Merges attachment records inside the merge's transaction; with ``write`` False
    (a preview) it only says what it would do. ``made``: the blob files written so far,
    which ``discard`` removes when the transaction does not commit."""

    folder: BlobFolder
    write: bool
    check: Callable[[int], None] = lambda _done: None
    made: list[str] = field(default_factory=list)

    def merge(self, connection: Any, record: dict[str, Any], open_member: Opener) -> str:
        """``added``, or ``skipped`` for an attachment the vault has (same uuid: an
        attachment never changes) or whose note it does not have."""
        if connection.execute(
            "SELECT 1 FROM attachments WHERE uuid = ?", (record["uuid"],)
        ).fetchone():
            return "skipped"
        note = connection.execute("SELECT id FROM notes WHERE uuid = ?", (record["note"],))
        row = note.fetchone()
        if row is None:
            return "skipped"
        if not self.write:
            return "added"
        blob, key = self.folder.new_name(), bytearray(secrets.token_bytes(KEY_SIZE))
        try:
            kind, size, digest = self._store(blob, key, record, open_member)
            if size != record["size"] or digest.hex() != record["sha256"]:
                raise BundleFormatError(member=record["file"], line=0, reason="hash mismatch")
            self.folder.publish(blob)
            cursor = connection.execute(
                "INSERT INTO attachments (uuid, note_id, name, kind, size, sha256, blob, "
                "blob_key, removed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (record["uuid"], row[0], clean_name(record["name"]), kind, size, digest, blob,
                 bytes(key), json.dumps(record["removed"]), record["created_at"]),
            )  # fmt: skip
            # Found by search like any attachment: its name, and its text.
            text = extract_stored(self.folder, blob, key, size, kind, partial=False)
            index_new(connection, cursor.lastrowid, text)
        finally:
            zero(key)
        return "added"

    def _store(
        self, blob: str, key: bytearray, record: dict[str, Any], open_member: Opener
    ) -> tuple[str, int, bytes]:
        """Stream the member into a new partial blob file; its kind (told again from its
        first bytes, as an attach does, never taken from the bundle), size and SHA-256."""
        fd = self.folder.create_partial(blob)
        self.made.append(blob)
        writer: BlobWriter | None = None
        try:
            writer = BlobWriter(fd, key, lambda: self.check(0))
            kind = "other"
            # A full disk is DiskFullError, as for an attach.
            with storage_errors(self.folder.path / blob), open_member(record["file"]) as stream:
                head = stream.read(HEAD_SIZE)
                kind = sniff_kind(head, record["name"])
                writer.write(head)
                self.check(len(head))
                while chunk := stream.read(_READ):
                    writer.write(chunk)
                    self.check(len(chunk))
                size, digest = writer.close()
        except BaseException:
            if writer is not None:
                writer.abort()  # its hashing thread ends with it
            raise
        finally:
            os.close(fd)
        return kind, size, digest

    def discard(self) -> None:
        """Unlink every blob file this merge wrote (partial or final): its transaction
        rolled back, so no row holds their keys."""
        for blob in self.made:
            self.folder.discard_partial(blob)
        with contextlib.suppress(OSError):
            self.folder.remove(self.made)
        self.made.clear()
