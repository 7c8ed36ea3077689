"""An app import's attachments, cleaned and sealed into the vault's folder before the merge.

Each new attachment is streamed out of the export, stripped of its metadata by the rules
an attach follows (``AttachmentStore.add``: ``metadata.clean`` for pictures and PDFs),
and written as a partial blob file under a fresh key held only in memory: what the
preview shows is then what the import stores, a picture that cannot be cleaned is known
before anything is written, and the merge only renames a partial file and inserts its
row (``StagedIncoming``). No plaintext reaches the disk: a picture small enough is
cleaned in memory, a larger one first sealed as it came, then read back through
``BlobReader`` (cleaning seeks). A picture whose metadata cannot be removed (damaged,
HEIC) is left out and reported (``Dropped("attachment-not-cleaned", name)``), never
stored with its metadata. Partial files left by an import that never ran are removed
when the source closes, or by the sweep at the next unlock.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

from hushnote.core.atomic import storage_errors
from hushnote.core.attachments.blob_file import KEY_SIZE, BlobReader, BlobWriter
from hushnote.core.attachments.blob_folder import BlobFolder
from hushnote.core.attachments.kinds import HEAD_SIZE, clean_name, sniff_kind
from hushnote.core.attachments.store import CLEANABLE, extract_stored, index_new
from hushnote.core.formats.bundle_attachments import Incoming, Opener, member_name
from hushnote.core.importers.model import ImportedAttachment
from hushnote.core.vault.key_schedule import zero
from hushnote.errors import MetadataError

__all__ = ["Staged", "StagedIncoming", "Stager"]

_READ = 1 << 20
# A picture or PDF up to this size is cleaned in memory; a larger one is sealed first.
_IN_MEMORY = 32 << 20
# Kinds whose metadata cannot be removed here (HEIC: only by re-encoding): left out.
_UNCLEANABLE = frozenset({"heic"})


@dataclass
class Staged:
    """One attachment sealed in a partial blob file, ready for its row."""

    blob: str
    key: bytearray
    kind: str
    size: int
    digest: bytes
    removed: tuple[str, ...]


class Stager:
    """Writes attachments into partial blob files of ``folder``; ``discard`` removes
    every one not yet published (and forgets their keys)."""

    def __init__(self, folder: BlobFolder, check: Callable[[int], None]) -> None:
        self.folder = folder
        self.check = check  # hears the bytes read; raises to cancel
        self.staged: dict[str, Staged] = {}

    def stage(self, uuid: str, attachment: ImportedAttachment) -> Staged | None:
        """Clean and seal one attachment; None if its metadata cannot be removed."""
        name = clean_name(attachment.name)
        with contextlib.closing(attachment.open()) as stream:
            head = stream.read(HEAD_SIZE)
            kind = sniff_kind(head, name)
            if kind in _UNCLEANABLE:
                return None
            if kind not in CLEANABLE:
                staged = self._write(kind, lambda writer: self._copy(head, stream, writer))
            else:
                source = self._seekable(head, stream)
                try:
                    staged = self._write(kind, lambda writer: self._clean(kind, source, writer))
                except MetadataError:
                    return None
                finally:
                    source.close()
        self.staged[uuid] = staged
        return staged

    def _write(self, kind: str, fill: Callable[[BlobWriter], tuple[str, ...]]) -> Staged:
        blob, key = self.folder.new_name(), bytearray(os.urandom(KEY_SIZE))
        fd = self.folder.create_partial(blob)
        writer: BlobWriter | None = None
        done = False
        try:
            writer = BlobWriter(fd, key, lambda: self.check(0))
            with storage_errors(self.folder.path / blob):
                removed = fill(writer)
                size, digest = writer.close()
            done = True
        finally:
            os.close(fd)
            if not done:
                if writer is not None:
                    writer.abort()
                self.folder.discard_partial(blob)
                zero(key)
        return Staged(blob, key, kind, size, digest, removed)

    def _copy(self, head: bytes, stream: IO[bytes], writer: BlobWriter) -> tuple[str, ...]:
        writer.write(head)
        self.check(len(head))
        while chunk := stream.read(_READ):
            writer.write(chunk)
            self.check(len(chunk))
        return ()

    def _clean(self, kind: str, source: IO[bytes], writer: BlobWriter) -> tuple[str, ...]:
        from hushnote.core.attachments.metadata import clean

        result = clean(kind, source, writer, lambda: self.check(0))  # type: ignore[arg-type]
        return result.removed

    def _seekable(self, head: bytes, stream: IO[bytes]) -> IO[bytes]:
        """The whole file as a seekable stream: in memory when small, else sealed in a
        partial blob of its own, read back through ``BlobReader``."""
        buffer = bytearray(head)
        while len(buffer) <= _IN_MEMORY and (chunk := stream.read(_READ)):
            buffer += chunk
            self.check(len(chunk))
        if len(buffer) <= _IN_MEMORY:
            return io.BytesIO(bytes(buffer))
        first = bytes(buffer)
        del buffer
        spooled = self._write("other", lambda writer: self._copy(first, stream, writer))
        try:
            fd = self.folder.open(spooled.blob, partial=True)
            reader = BlobReader(fd, spooled.key, spooled.size)
        finally:
            # Unlinked at once: the open descriptor keeps it readable, and no crash
            # leaves it behind.
            self.folder.discard_partial(spooled.blob)
            zero(spooled.key)
        return io.BufferedReader(reader, _READ)

    def discard(self) -> None:
        """Remove every partial file still staged, and forget its key."""
        for staged in self.staged.values():
            self.folder.discard_partial(staged.blob)
            zero(staged.key)
        self.staged.clear()


@dataclass
class StagedIncoming(Incoming):
    """The bundle merge's attachment step for an app import: the files are already
    staged (``Stager``); a new one's partial file takes its final name and its row is
    inserted, inside the merge's transaction. ``outcomes`` holds each record's outcome."""

    staged: dict[str, Staged] = field(default_factory=dict)
    outcomes: dict[str, str] = field(default_factory=dict)

    def merge(self, connection: Any, record: dict[str, Any], open_member: Opener) -> str:
        outcome = self._merge(connection, record)
        self.outcomes[record["uuid"]] = outcome
        return outcome

    def _merge(self, connection: Any, record: dict[str, Any]) -> str:
        if connection.execute(
            "SELECT 1 FROM attachments WHERE uuid = ?", (record["uuid"],)
        ).fetchone():
            return "skipped"
        row = connection.execute(
            "SELECT id FROM notes WHERE uuid = ?", (record["note"],)
        ).fetchone()
        staged = self.staged.get(record["uuid"])
        if row is None or staged is None:
            return "skipped"
        if not self.write:
            return "added"
        self.folder.publish(staged.blob)
        self.made.append(staged.blob)  # removed again if the transaction rolls back
        cursor = connection.execute(
            "INSERT INTO attachments (uuid, note_id, name, kind, size, sha256, blob, "
            "blob_key, removed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (record["uuid"], row[0], record["name"], staged.kind, staged.size, staged.digest,
             staged.blob, bytes(staged.key), json.dumps(list(staged.removed)),
             record["created_at"]),
        )  # fmt: skip
        text = extract_stored(
            self.folder, staged.blob, staged.key, staged.size, staged.kind, partial=False
        )
        index_new(connection, cursor.lastrowid, text)
        self.check(staged.size)
        return "added"


def attachment_record(
    uuid: str, note: str, name: str, staged: Staged, created_at: int
) -> dict[str, Any]:
    """The attachments.jsonl record for a staged attachment."""
    name = clean_name(name)
    return {
        "uuid": uuid,
        "note": note,
        "name": name,
        "kind": staged.kind,
        "size": staged.size,
        "sha256": staged.digest.hex(),
        "removed": list(staged.removed),
        "created_at": created_at,
        "file": member_name(uuid, name),
    }
