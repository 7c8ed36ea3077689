"""Encrypted bundles in the age format: export, check, import. See docs/bundle-format.md.

Plaintext never touches the disk. Exporting streams the ZIP through an ``os.pipe`` (a
kernel buffer) straight into age's encryptor; importing decrypts into memory. A small
passphrase bundle is built in memory, as pyrage's scrypt mode requires; a larger one
spills, without being serialized again, into a stream encrypted to a fresh X25519
identity, which is written beside it, sealed with the passphrase.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import lzma
import os
import stat
import threading
import time
import zipfile
import zlib
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from hushnote.core.atomic import replace_file, scrub_file, storage_errors, write_new_file
from hushnote.core.formats.age_header import (
    HEADER_READ,
    check_work_factor,
    is_passphrase,
    read_stanzas,
)
from hushnote.core.formats.bundle_archive import member_lines, open_archive, parse_line
from hushnote.core.formats.bundle_records import DATA_MEMBERS, Scope, read_records
from hushnote.core.store.database import Database, Progress
from hushnote.errors import (
    BundleDecryptionError,
    BundleFormatError,
    BundleTooLargeError,
    BundleVersionError,
    CancelledError,
    InvalidRecordError,
)

__all__ = [
    "BundleContents",
    "ExportReport",
    "export_bundle",
    "open_bundle",
    "parse_recipients",
]

FORMAT = "hushnote-bundle"
VERSION = 1
MEMBER_LIMIT = 16
ARCHIVE_LIMIT = 1 << 30  # decrypted archive
UNCOMPRESSED_LIMIT = 4 << 30  # everything inside it, counted while decompressing
IN_MEMORY_LIMIT = 64 << 20  # largest passphrase bundle built in memory
KEY_SUFFIX = ".key"
# What zipfile lets out for a damaged or unusual member: a broken stream, an unknown
# compression method (NotImplementedError) or an encrypted entry (RuntimeError).
_UNREADABLE = (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError, zlib.error,
               lzma.LZMAError)  # fmt: skip
_TICK = 0.05  # seconds between progress reports: a Cancel takes effect within about this


@dataclass
class ExportReport:
    """Counts by member, and the files written (a bundle, and perhaps its key file)."""

    counts: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    archive_bytes: int = 0


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


# -- writing ----------------------------------------------------------------------------


class _Capped(io.RawIOBase):
    """An in-memory sink that refuses to grow past ``limit``."""

    def __init__(self, limit: int) -> None:
        self.buffer = bytearray()
        self.limit = limit
        self.overflowed = False

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if len(self.buffer) + len(data) > self.limit:
            # pyrage reports an exception raised in its writer as an OSError; the flag
            # tells that apart from a decryption failure.
            self.overflowed = True
            raise _TooBig()
        self.buffer += data
        return len(data)


class _TooBig(Exception):
    pass


def _write_archive(
    sink: Any,  # any writable binary stream; zipfile needs no more
    records: dict[str, Generator[tuple[str, int], None, None]],
    scope: Scope,
    counts: dict[str, int],
    progress: Callable[[], None],
) -> None:
    """Write the ZIP: each member streamed record by record, the manifest last."""
    try:
        _write_members(sink, records, scope, counts, progress)
    finally:
        for generator in records.values():
            generator.close()  # finalises their statements, even after a cancel


def _write_members(
    sink: Any,
    records: dict[str, Generator[tuple[str, int], None, None]],
    scope: Scope,
    counts: dict[str, int],
    progress: Callable[[], None],
) -> None:
    members: dict[str, dict[str, Any]] = {}
    # Stored, not deflated: compressing costs more time than encrypting the extra bytes.
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_STORED) as archive:
        for name in DATA_MEMBERS:
            digest, size, count = hashlib.sha256(), 0, 0
            with archive.open(name, "w", force_zip64=True) as member:
                for text, rows in records[name]:
                    data = text.encode("utf-8")
                    member.write(data)
                    digest.update(data)
                    size += len(data)
                    if (count + rows) // 1000 > count // 1000:
                        progress()
                    count += rows
            members[name] = {"sha256": digest.hexdigest(), "size": size}
            counts[name.removesuffix(".jsonl")] = count
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": int(time.time() * 1000),
            "scope": scope.kind,
            "counts": counts,
            "members": members,
        }
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))


def export_bundle(
    db: Database,
    out: Path,
    *,
    scope: Scope | None = None,
    recipients: list[str] | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Write the records in ``scope`` to ``out``, encrypted to ``recipients`` or with
    ``passphrase``. ``progress`` (a share of the work done) may cancel by returning False,
    and then nothing is left behind."""
    if (recipients is None) == (passphrase is None):
        raise ValueError("give recipients or a passphrase, not both")
    scope = scope or Scope()
    report = ExportReport()
    total = max(1, _record_total(db, scope))
    done = [0]

    def tick() -> None:
        done[0] += 1000
        if progress is not None and not progress(min(0.99, done[0] / total)):
            raise CancelledError()

    key_file = out.with_name(out.name + KEY_SUFFIX)
    try:
        with db.turn():  # the reader thread uses the connection on this job's behalf
            _export(db, scope, out, key_file, recipients, passphrase, report, tick)
    except BaseException:
        for path in (out, key_file, _partial(out)):
            with contextlib.suppress(OSError):
                scrub_file(path)
        raise
    if progress is not None:
        progress(1.0)
    return report


def _export(
    db: Database,
    scope: Scope,
    out: Path,
    key_file: Path,
    recipients: list[str] | None,
    passphrase: str | None,
    report: ExportReport,
    tick: Callable[[], None],
) -> None:
    """Stream the archive into ``out`` (and, with a passphrase, its key file)."""
    if passphrase is not None:
        identity = x25519.Identity.generate()
        written, small = _stream(db, scope, out, [identity.to_public()], report.counts,
                                 tick, keep=IN_MEMORY_LIMIT)  # fmt: skip
        report.archive_bytes = written
        if small is not None:
            _install(out, age_passphrase.encrypt(bytes(small), passphrase))
            report.files = [out]
        else:
            _install(key_file, age_passphrase.encrypt(str(identity).encode(), passphrase))
            report.files = [out, key_file]
    else:
        parsed = parse_recipients(recipients or [])
        report.archive_bytes, _ = _stream(db, scope, out, parsed, report.counts, tick)
        report.files = [out]


def _record_total(db: Database, scope: Scope) -> int:
    if scope.kind == "vault":
        row = db.row("SELECT (SELECT count(*) FROM notes WHERE trashed_at IS NULL) + "
                      "(SELECT count(*) FROM contacts)")  # fmt: skip
        return int(row[0])
    return 1000


def _partial(out: Path) -> Path:
    return out.with_name(out.name + ".partial")


def _install(out: Path, data: bytes) -> None:
    with storage_errors(out):
        replace_file(out, data)


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
    tick: Callable[[], None],
    *,
    keep: int = 0,
) -> tuple[int, bytearray | None]:
    """ZIP into a pipe in one thread, age-encrypt from it into ``out`` here.

    With ``keep``, an archive of at most that many bytes is returned in memory instead,
    and nothing is written; a larger one is serialized once all the same, the bytes held
    so far going first into the pipe. Returns the archive's size and, if kept, its bytes.
    """
    read_end, write_end = os.pipe()
    failure: list[BaseException] = []
    decided = threading.Event()
    pipe = os.fdopen(write_end, "wb")
    sink = _Spilling(pipe, keep, decided)

    def produce() -> None:
        try:
            with pipe:
                _write_archive(sink, read_records(db, scope), scope, counts, tick)
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
            return sink.written, sink.buffer
        partial = _partial(out)
        try:
            with storage_errors(partial):
                scrub_file(partial)
                write_new_file(partial, b"")
                with partial.open("r+b") as target:
                    pyrage.encrypt_io(source, target, recipients)
                    target.flush()
                    os.fsync(target.fileno())
        finally:
            source.close()  # a writer still blocked on the pipe gets EPIPE and stops
            producer.join()
    if failure:
        raise failure[0]
    with storage_errors(out):
        os.replace(partial, out)
    return sink.written, None


# -- reading ----------------------------------------------------------------------------


@dataclass
class BundleContents:
    """A decrypted, fully checked bundle: its manifest, and its members' bytes."""

    manifest: dict[str, Any]
    archive: zipfile.ZipFile

    def records(self, member: str) -> Iterator[dict[str, Any]]:
        with self.archive.open(member) as stream:
            for number, raw in member_lines(stream, member):
                yield parse_line(member, number, raw)


class _Ticker:
    """Hands ``progress`` the share of work done, scaled into [start, end], at most
    every ``_TICK`` seconds; raises ``CancelledError`` as soon as it returns False."""

    def __init__(self, progress: Progress | None, start: float = 0.0, end: float = 1.0) -> None:
        self._progress = progress
        self._start, self._span = start, end - start
        self._next = 0.0

    def __call__(self, fraction: float) -> None:
        if self._progress is None:
            return
        now = time.monotonic()
        if now < self._next:
            return
        self._next = now + _TICK
        if not self._progress(self._start + self._span * min(max(fraction, 0.0), 1.0)):
            raise CancelledError()


class _Source:
    """The bundle file as age reads it, counting what was read. A cancel raises here,
    in the middle of decryption; pyrage passes the exception through unchanged."""

    def __init__(self, handle: IO[bytes], size: int, ticker: _Ticker) -> None:
        self._handle, self._size, self._ticker = handle, max(1, size), ticker
        self._done = 0

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        self._done += len(data)
        self._ticker(self._done / self._size)
        return data


def _read_capped(path: Path, limit: int) -> bytes:
    """The whole file, refused past ``limit`` bytes.

    Read in chunks: ``read(limit + 1)`` would allocate the limit (1 GiB) up front, however
    small the file.
    """
    chunks: list[bytes] = []
    size = 0
    with storage_errors(path), path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            size += len(chunk)
            if size > limit:
                raise BundleTooLargeError(what="file")
            chunks.append(chunk)
    return b"".join(chunks)


def open_bundle(
    path: Path,
    *,
    identities: list[x25519.Identity] | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
) -> BundleContents:
    """Decrypt and check a bundle completely; raise before anything could be written.

    ``progress`` gets the share done (decryption is the first half, checking the second)
    and cancels by returning False: ``CancelledError`` follows within a fraction of a
    second, whatever the bundle holds.
    """
    with storage_errors(path):
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block the read for ever
            raise BundleFormatError(member="file", line=0, reason="not a regular file")
        size = info.st_size
        with path.open("rb") as handle:
            head = handle.read(HEADER_READ)
    if size > ARCHIVE_LIMIT + (1 << 20):
        raise BundleTooLargeError(what="file")
    plain = _decrypt(path, head, identities or [], passphrase, _Ticker(progress, 0.0, 0.5))
    checking = None if progress is None else (lambda fraction: progress(0.5 + fraction / 2))
    return _check_archive(plain, checking)


def _decrypt(
    path: Path,
    head: bytes,
    identities: list[x25519.Identity],
    passphrase: str | None,
    ticker: _Ticker,
) -> bytearray:
    stanzas = read_stanzas(head)  # refuses what is not age at all
    key_file = path.with_name(path.name + KEY_SUFFIX)
    try:
        if passphrase is not None and stanzas is not None and is_passphrase(stanzas):
            check_work_factor(stanzas)
            # pyrage's scrypt mode works on whole byte strings only; such bundles are
            # at most IN_MEMORY_LIMIT, except one made elsewhere, capped here anyway.
            data = _read_capped(path, ARCHIVE_LIMIT + (1 << 20))
            ticker(0.0)
            return bytearray(age_passphrase.decrypt(data, passphrase))
        if passphrase is not None and key_file.exists():
            sealed = _read_capped(key_file, 4096)
            identity = x25519.Identity.from_str(_unseal(sealed, passphrase).decode().strip())
            identities = [identity, *identities]
        if not identities:
            raise BundleDecryptionError(reason="no-key")
        sink = _Capped(ARCHIVE_LIMIT)
        with storage_errors(path):
            handle = path.open("rb")
        try:
            with handle:
                pyrage.decrypt_io(_Source(handle, path.stat().st_size, ticker), sink, identities)
        except (_TooBig, OSError):
            if sink.overflowed:
                raise BundleTooLargeError(what="archive") from None
            raise
        return sink.buffer
    except (pyrage.DecryptError, pyrage.IdentityError, UnicodeDecodeError, ValueError, OSError):
        # A wrong key, a changed byte and a cut-short file look the same to age.
        raise BundleDecryptionError() from None


def _unseal(sealed: bytes, passphrase: str) -> bytes:
    """A key file's content: a small age file encrypted with the passphrase."""
    stanzas = read_stanzas(sealed)
    if stanzas is None:
        raise BundleDecryptionError()
    check_work_factor(stanzas)
    return bytes(age_passphrase.decrypt(sealed, passphrase))


class _Meter:
    """Counts the members' bytes as they are decompressed: against the uncompressed
    budget, into each member's hash, and as progress."""

    def __init__(self, total: int, ticker: _Ticker) -> None:
        self.left = UNCOMPRESSED_LIMIT
        self.done, self.total, self.ticker = 0, max(1, total), ticker
        self.digest, self.size = hashlib.sha256(), 0

    def start(self) -> None:
        self.digest, self.size = hashlib.sha256(), 0

    def __call__(self, chunk: bytes) -> None:
        self.left -= len(chunk)
        if self.left < 0:
            raise BundleTooLargeError(what="uncompressed")
        self.digest.update(chunk)
        self.size += len(chunk)
        self.done += len(chunk)
        self.ticker(self.done / self.total)


def _check_archive(plain: bytearray, progress: Progress | None = None) -> BundleContents:
    """Check every member of a decrypted archive, line by line; ``progress`` as for
    ``open_bundle``."""
    try:
        archive = open_archive(plain)
        names = archive.namelist()
    except (zipfile.LargeZipFile, *_UNREADABLE):
        raise BundleFormatError(member="archive", line=0, reason="not a ZIP archive") from None
    if len(names) > MEMBER_LIMIT:
        raise BundleTooLargeError(what="members", count=len(names))
    if sorted(names) != sorted([*DATA_MEMBERS, "manifest.json"]):
        raise BundleFormatError(member="archive", line=0, reason="unexpected members")
    manifest = _manifest(archive)
    declared = sum(max(0, manifest["members"][name]["size"]) for name in DATA_MEMBERS)
    meter = _Meter(min(declared, UNCOMPRESSED_LIMIT), _Ticker(progress))
    for name in DATA_MEMBERS:
        expected = manifest["members"][name]
        meter.start()
        count = 0
        try:
            with archive.open(name) as stream:
                for number, raw in member_lines(stream, name, meter):
                    parse_line(name, number, raw)
                    count += 1
        except _UNREADABLE:
            raise BundleFormatError(member=name, line=0, reason="damaged") from None
        if meter.digest.hexdigest() != expected["sha256"] or meter.size != expected["size"]:
            raise BundleFormatError(member=name, line=0, reason="hash mismatch")
        if count != manifest["counts"].get(name.removesuffix(".jsonl")):
            raise BundleFormatError(member=name, line=0, reason="count mismatch")
    return BundleContents(manifest, archive)


def _manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        with archive.open("manifest.json") as stream:
            raw = stream.read(1 << 20)
        manifest = json.loads(raw)
    except _UNREADABLE:  # RecursionError, from JSON nested too deep, is a RuntimeError
        raise BundleFormatError(member="manifest.json", line=0, reason="not JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleFormatError(member="manifest.json", line=0, reason="not a Hushnote bundle")
    version = manifest.get("version")
    if not isinstance(version, int):
        raise BundleFormatError(member="manifest.json", line=0, reason="no version")
    if version > VERSION:
        raise BundleVersionError(version=version)
    members, counts = manifest.get("members"), manifest.get("counts")
    if (
        not isinstance(members, dict)
        or not isinstance(counts, dict)
        or not all(
            isinstance(members.get(name), dict)
            and isinstance(members[name].get("sha256"), str)
            and isinstance(members[name].get("size"), int)
            for name in DATA_MEMBERS
        )
    ):
        raise BundleFormatError(member="manifest.json", line=0, reason="incomplete")
    return manifest
