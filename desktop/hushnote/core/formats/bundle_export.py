"""Writing an encrypted bundle: see docs/bundle-format.md and ``bundle`` for reading.

Plaintext never touches the disk. The ZIP streams through an ``os.pipe`` (a kernel
buffer) straight into age's encryptor. A small passphrase bundle is built in memory, as
pyrage's scrypt mode requires; a larger one spills, without being serialized again, into
a stream encrypted to a fresh X25519 identity, which is written beside it, sealed with
the passphrase.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import os
import threading
import time
import zipfile
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from hushnote.core.atomic import (
    create_temporary,
    fsync_dir,
    link_new,
    scrub_file,
    storage_errors,
)
from hushnote.core.attachments.blob_folder import BlobFolder
from hushnote.core.formats.bundle import SPOOL_LIMIT
from hushnote.core.formats.bundle_attachments import ATTACHMENTS, Outgoing, outgoing, write_files
from hushnote.core.formats.bundle_history import history_lines
from hushnote.core.formats.bundle_records import (
    ATTACHMENTS_VERSION,
    DATA_MEMBERS,
    FORMAT,
    HISTORY,
    KEY_SUFFIX,
    PLAIN_VERSION,
    VERSION,
    Scope,
    notes_condition,
    read_records,
)
from hushnote.core.store.database import Database, Progress
from hushnote.errors import (
    BundleWriteError,
    CancelledError,
    DiskFullError,
    InvalidRecordError,
    PassphraseError,
)

__all__ = ["ExportReport", "export_bundle", "parse_recipients"]

IN_MEMORY_LIMIT = 64 << 20  # largest passphrase bundle built in memory
# A passphrase bundle whose attachments hold more than this goes straight to the key file
# and the stream: built in memory, it would cost three times its size in RAM.
ATTACHMENTS_IN_MEMORY = 16 << 20
_UNIT = 1024  # an attachment's bytes count in progress as one record per KiB
_TICK = 0.05  # seconds between progress reports: a Cancel takes effect within about this
_TEMP_SUFFIX = ".partial"  # NAME.<random>.partial: an export under way (or killed)
_NO_SPACE = {errno.ENOSPC, errno.EDQUOT}
# How age (Rust) words the same errors when it wraps them in its own exception.
_NO_SPACE_TEXT = ("No space left on device", "os error 28", "Disk quota exceeded", "os error 122")


@dataclass
class ExportReport:
    """Counts by member, and the files written (a bundle, and perhaps its key file)."""

    counts: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    archive_bytes: int = 0
    # SHA-256 of each file's bytes as the encryptor produced them, by file name: what
    # reading the file back must find (travel mode checks it before purging anything).
    sha256: dict[str, str] = field(default_factory=dict)

    @property
    def importable(self) -> bool:
        """Whether Hushnote can import it: a reader keeps the decrypted archive (sealed,
        past 16 MiB) up to ``SPOOL_LIMIT``. A larger one opens with the age tool."""
        return self.archive_bytes <= SPOOL_LIMIT


def parse_recipients(recipients: list[str]) -> list[x25519.Recipient]:
    """age X25519 recipients (``age1…``); ``InvalidRecordError`` for anything else."""
    parsed = []
    for text in recipients:
        try:
            parsed.append(x25519.Recipient.from_str(text.strip()))
        except (pyrage.RecipientError, ValueError):
            raise InvalidRecordError(field="recipient", reason="not an age1 public key") from None
    if not parsed:
        raise InvalidRecordError(field="recipient", reason="none given")
    return parsed


@dataclass(frozen=True)
class _Files:
    """The attachments an export carries, and the folder their blob files are in; and
    the note history, when asked for (a generator of its lines)."""

    attachments: list[Outgoing]
    folder: BlobFolder
    history: Generator[tuple[str, int], None, None] | None = None

    @property
    def size(self) -> int:
        return sum(attachment.size for attachment in self.attachments)


def _write_archive(
    sink: Any,  # any writable binary stream; zipfile needs no more
    records: dict[str, Generator[tuple[str, int], None, None]],
    scope: Scope,
    counts: dict[str, int],
    progress: Callable[[int], None],
    files: _Files,
) -> None:
    """Write the ZIP: each member streamed record by record, then the attachments'
    files, the manifest last."""
    try:
        _write_members(sink, records, scope, counts, progress, files)
    finally:
        for generator in records.values():
            generator.close()  # finalises their statements, even after a cancel
        if files.history is not None:
            files.history.close()


def _write_members(
    sink: Any,
    records: dict[str, Generator[tuple[str, int], None, None]],
    scope: Scope,
    counts: dict[str, int],
    progress: Callable[[int], None],
    files: _Files,
) -> None:
    members: dict[str, dict[str, Any]] = {}
    # Stored, not deflated: compressing costs more time than encrypting the extra bytes.
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_STORED) as archive:
        for name in DATA_MEMBERS:
            _write_member(archive, name, records[name], members, counts, progress)
        for name, data in scope.extra_members:
            archive.writestr(name, data)
            members[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            counts[name.removesuffix(".jsonl")] = data.count(b"\n")
        if files.attachments or files.history is not None:
            # The records first, the files after: a reader checks every record before it
            # reads a byte of any file.
            data = "".join(
                json.dumps(item.record, ensure_ascii=False) + "\n" for item in files.attachments
            ).encode("utf-8")
            archive.writestr(ATTACHMENTS, data)
            members[ATTACHMENTS] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            counts[ATTACHMENTS.removesuffix(".jsonl")] = len(files.attachments)
            if files.history is not None:
                _write_member(archive, HISTORY, files.history, members, counts, progress)
            write_files(archive, files.attachments, files.folder,
                        lambda size: progress(size // _UNIT))  # fmt: skip
        if files.history is not None:
            version = VERSION
        else:
            version = ATTACHMENTS_VERSION if files.attachments else PLAIN_VERSION
        manifest = {
            "format": FORMAT,
            "version": version,
            "created_at": int(time.time() * 1000),
            "scope": scope.kind,
            "counts": counts,
            "members": members,
        }
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))


def _write_member(
    archive: zipfile.ZipFile,
    name: str,
    chunks: Iterator[tuple[str, int]],
    members: dict[str, dict[str, Any]],
    counts: dict[str, int],
    progress: Callable[[int], None],
) -> None:
    """Stream one JSON-lines member, chunk by chunk, and record its hash, size and count."""
    digest, size, count = hashlib.sha256(), 0, 0
    with archive.open(name, "w", force_zip64=True) as member:
        for text, rows in chunks:
            data = text.encode("utf-8")
            member.write(data)
            digest.update(data)
            size += len(data)
            progress(rows)
            count += rows
    members[name] = {"sha256": digest.hexdigest(), "size": size}
    counts[name.removesuffix(".jsonl")] = count


def export_bundle(
    db: Database,
    out: Path,
    *,
    scope: Scope | None = None,
    recipients: list[str] | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
    vault_folder: Path | None = None,
    attachments: BlobFolder | None = None,
    include_history: bool = False,
    replace: bool = True,
) -> ExportReport:
    """Write the records in ``scope`` to ``out``, encrypted to ``recipients`` or with
    ``passphrase``. ``progress`` (a share of the work done) may cancel by returning False.
    ``include_history`` adds the notes' revisions (``history.jsonl``, version 3); by
    default a bundle carries none. ``replace=False``: never over a file that is at ``out``
    (or its key file) when the bundle is finished, even one that arrived during the
    export (``BundleWriteError`` reason "exists"; what this export wrote is removed).

    Recipients, passphrase and target are checked before anything touches the disk. The
    bundle is written to a new temporary file beside ``out`` and renamed over it only once
    complete and fsynced: whatever fails or is cancelled, the files this export created
    are scrubbed and nothing else is touched, so a file already at ``out`` stays as it
    was. ``vault_folder``: a target inside it is refused. The attachments of the notes in
    scope go too, streamed from ``attachments`` (by default the folder beside the
    database)."""
    if (recipients is None) == (passphrase is None):
        raise ValueError("give recipients or a passphrase, not both")
    parsed = parse_recipients(recipients) if recipients is not None else None
    if passphrase is not None and not passphrase:
        raise PassphraseError(reason="empty")
    key_file = out.with_name(out.name + KEY_SUFFIX)
    _check_target([out] if passphrase is None else [out, key_file], vault_folder)
    scope = scope or Scope()
    report = ExportReport()
    folder = attachments or BlobFolder(db.path.parent / "attachments")
    total = 1  # set below, in the same turn as the export reads the records
    done = [0]
    next_report = [0.0]  # the first chunk reports at once, then every _TICK

    def tick(rows: int) -> None:
        """After every chunk written: a report (and a chance to cancel) every 50 ms,
        whatever the size of the records."""
        done[0] += rows
        if progress is None or time.monotonic() < next_report[0]:
            return
        next_report[0] = time.monotonic() + _TICK
        if not progress(min(0.99, done[0] / max(1, total))):
            raise CancelledError()

    created: list[Path] = []  # temporary files this export made, and only those
    try:
        with _write_errors(out), db.turn():  # the reader thread uses the connection
            # Read in the turn that exports the notes: no attachment can go meanwhile.
            files = _Files(outgoing(db, *notes_condition(db, scope)) if scope.includes_notes
                           else [], folder,
                           history_lines(db, *notes_condition(db, scope))
                           if include_history else None)  # fmt: skip
            total = _record_total(db, scope) + files.size // _UNIT
            _export(db, scope, out, key_file, parsed, passphrase, report, tick, created, files,
                    replace)  # fmt: skip
    except BaseException:
        for path in created:
            with contextlib.suppress(OSError):
                scrub_file(path)
        raise
    if progress is not None:
        progress(1.0)
    return report


def _check_target(targets: list[Path], vault_folder: Path | None) -> None:
    """Refuse a folder as a target, and a target inside the vault folder (an export
    there could replace the vault's own files)."""
    for path in targets:
        if path.is_dir():
            raise BundleWriteError(path=str(path), reason="is-a-folder")
    out = targets[0]
    if vault_folder is not None:
        vault = vault_folder.resolve()
        for place in (out.parent.resolve(), out.resolve()):
            if place == vault or vault in place.parents:
                raise BundleWriteError(path=str(out), reason="inside-vault")


@contextlib.contextmanager
def _write_errors(out: Path) -> Iterator[None]:
    """File system and age failures as the project's errors: a full disk, wherever age
    reports it, is ``DiskFullError``; any other encryption failure ``BundleWriteError``."""
    try:
        with storage_errors(out):
            yield
    except pyrage.EncryptError as error:
        if _no_space(error):
            raise DiskFullError(path=str(out)) from error
        raise BundleWriteError(path=str(out), reason="encrypt") from error


def _no_space(error: BaseException) -> bool:
    """Whether ``error``, or an error it wraps, is the disk running out of space."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno in _NO_SPACE:
            return True
        text = str(seen)
        if any(marker in text for marker in _NO_SPACE_TEXT):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _export(
    db: Database,
    scope: Scope,
    out: Path,
    key_file: Path,
    recipients: list[x25519.Recipient] | None,
    passphrase: str | None,
    report: ExportReport,
    tick: Callable[[int], None],
    created: list[Path],
    files: _Files,
    replace: bool,
) -> None:
    """Stream the archive into a temporary file (and, with a passphrase, perhaps its key
    file), then rename each over its target."""
    if passphrase is not None:
        identity = x25519.Identity.generate()
        keep = IN_MEMORY_LIMIT if files.size <= ATTACHMENTS_IN_MEMORY else 0
        written, small, temp = _stream(db, scope, out, [identity.to_public()],
                                       report.counts, tick, created, files,
                                       keep=keep, hashes=report.sha256)  # fmt: skip
        report.archive_bytes = written
        if small is not None:
            sealed = age_passphrase.encrypt(bytes(small), passphrase)
            _commit([(_write_temp(out, sealed, created, report.sha256), out)], created, replace)
            report.files = [out]
        else:
            assert temp is not None
            sealed = age_passphrase.encrypt(str(identity).encode(), passphrase)
            # Both are complete before either is renamed. Should the second rename fail
            # (rare: both are in one folder), the new key file stays beside the old bundle.
            _commit([(_write_temp(key_file, sealed, created, report.sha256), key_file),
                     (temp, out)], created, replace)  # fmt: skip
            report.files = [out, key_file]
    else:
        assert recipients is not None
        report.archive_bytes, _, temp = _stream(db, scope, out, recipients, report.counts,
                                                tick, created, files,
                                                hashes=report.sha256)  # fmt: skip
        assert temp is not None
        _commit([(temp, out)], created, replace)
        report.files = [out]


def _record_total(db: Database, scope: Scope) -> int:
    if scope.kind == "vault":
        row = db.row("SELECT (SELECT count(*) FROM notes WHERE trashed_at IS NULL) + "
                      "(SELECT count(*) FROM contacts)")  # fmt: skip
        return int(row[0])
    return 1000


def _create_temp(out: Path, created: list[Path]) -> tuple[int, Path]:
    """A new, empty, private file beside ``out`` (``create_temporary``), recorded in
    ``created`` before anything is written."""
    fd, temp = create_temporary(out, _TEMP_SUFFIX)
    created.append(temp)
    return fd, temp


def _write_temp(
    out: Path, data: bytes, created: list[Path], hashes: dict[str, str] | None = None
) -> Path:
    """``data`` in a new temporary file beside ``out``, fsynced."""
    if hashes is not None:
        hashes[out.name] = hashlib.sha256(data).hexdigest()
    fd, temp = _create_temp(out, created)
    with os.fdopen(fd, "wb") as target:
        target.write(data)
        target.flush()
        os.fsync(target.fileno())
    return temp


def _commit(renames: list[tuple[Path, Path]], created: list[Path], replace: bool) -> None:
    """Rename each finished temporary file over its target (``replace``), or give it the
    target's name only if nothing has it (removing what this call named before, should a
    later one be refused); then make that durable."""
    named: list[Path] = []
    try:
        for temp, target in renames:
            if replace:
                os.replace(temp, target)
            else:
                try:
                    link_new(temp, target)
                except FileExistsError:
                    raise BundleWriteError(path=str(target), reason="exists") from None
                named.append(target)
            created.remove(temp)
    except BaseException:
        for target in named:  # this export's own: nothing had the name before
            with contextlib.suppress(OSError):
                scrub_file(target)
        raise
    with contextlib.suppress(OSError):
        fsync_dir(renames[0][1].parent)


class _Hashing(io.RawIOBase):
    """Passes writes to ``target``, hashing them on the way."""

    def __init__(self, target: IO[bytes]) -> None:
        self.target = target
        self.digest = hashlib.sha256()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.digest.update(data)
        return self.target.write(data)

    def flush(self) -> None:
        self.target.flush()


class _Spilling(io.RawIOBase):
    """Keeps the first ``keep`` bytes in memory; past that, hands everything to ``pipe``.

    ``decided`` is set at the first byte that does not fit (or at once when ``keep`` is
    0), so the reader knows to start encrypting from the pipe.
    """

    def __init__(self, pipe: IO[bytes], keep: int, decided: threading.Event) -> None:
        self.pipe = pipe
        self.buffer: bytearray | None = bytearray() if keep else None
        self.keep = keep
        self.decided = decided
        self.written = 0
        if self.buffer is None:
            decided.set()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        size = len(data)
        self.written += size
        if self.buffer is not None:
            if len(self.buffer) + size <= self.keep:
                self.buffer += data
                return size
            held, self.buffer = self.buffer, None
            self.decided.set()
            self.pipe.write(held)
        self.pipe.write(data)
        return size


def _stream(
    db: Database,
    scope: Scope,
    out: Path,
    recipients: list[x25519.Recipient],
    counts: dict[str, int],
    tick: Callable[[int], None],
    created: list[Path],
    files: _Files,
    *,
    keep: int = 0,
    hashes: dict[str, str] | None = None,
) -> tuple[int, bytearray | None, Path | None]:
    """ZIP into a pipe in one thread, age-encrypt from it here into a new temporary file
    beside ``out`` (recorded in ``created``).

    With ``keep``, an archive of at most that many bytes is returned in memory instead,
    and nothing is written; a larger one is serialized once all the same, the bytes held
    so far going first into the pipe. Returns the archive's size, its bytes if kept, and
    the temporary file if written.
    """
    read_end, write_end = os.pipe()
    failure: list[BaseException] = []
    decided = threading.Event()
    pipe = os.fdopen(write_end, "wb")
    sink = _Spilling(pipe, keep, decided)

    def produce() -> None:
        try:
            with pipe:
                _write_archive(sink, read_records(db, scope), scope, counts, tick, files)
        except BaseException as error:  # handed to the caller below
            failure.append(error)
        finally:
            decided.set()

    producer = threading.Thread(target=produce, name="bundle-writer")
    producer.start()
    with os.fdopen(read_end, "rb") as source:
        decided.wait()
        if sink.buffer is not None:  # the whole archive fit: nothing was piped
            producer.join()
            if failure:
                raise failure[0]
            return sink.written, sink.buffer, None
        try:
            fd, temp = _create_temp(out, created)
            with os.fdopen(fd, "wb") as target:
                hashing = _Hashing(target)
                pyrage.encrypt_io(source, hashing, recipients)
                target.flush()
                os.fsync(target.fileno())
            if hashes is not None:
                hashes[out.name] = hashing.digest.hexdigest()
        finally:
            source.close()  # a writer still blocked on the pipe gets EPIPE and stops
            producer.join()
    if failure:
        raise failure[0]
    return sink.written, None, temp
