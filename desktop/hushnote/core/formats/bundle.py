"""Reading an encrypted bundle: decrypt it into memory, then check every member.

See docs/bundle-format.md; ``bundle_export`` writes bundles, ``bundle_import`` merges a
checked one. Plaintext never touches the disk: the archive is decrypted into a capped
buffer (past ``IN_MEMORY``, into a ``Spool`` sealed under a key held only in memory) and
checked line by line, bounded in time and memory whatever the input.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import json
import lzma
import stat
import time
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from hushnote.core.atomic import storage_errors
from hushnote.core.formats.age_header import (
    HEADER_READ,
    check_work_factor,
    is_passphrase,
    read_stanzas,
)
from hushnote.core.formats.bundle_archive import member_lines, open_archive, parse_line
from hushnote.core.formats.bundle_attachments import (
    ATTACHMENTS,
    MAX_ATTACHMENT_SIZE,
    MAX_ATTACHMENTS,
)
from hushnote.core.formats.bundle_records import (
    ATTACHMENTS_VERSION,
    DATA_MEMBERS,
    FORMAT,
    HISTORY,
    KEY_SUFFIX,
    PLAIN_VERSION,
    TRAVEL_MEMBER,
    VERSION,
)
from hushnote.core.formats.bundle_spool import IN_MEMORY, Spool
from hushnote.core.store.database import Progress
from hushnote.errors import (
    BundleDecryptionError,
    BundleFormatError,
    BundleTooLargeError,
    BundleVersionError,
    CancelledError,
)

__all__ = ["BundleContents", "open_bundle"]

MEMBER_LIMIT = 16  # a version 1 bundle; version 2 adds one member per attachment
ARCHIVE_LIMIT = 1 << 30  # decrypted archive, held in memory (no spool folder given)
# Everything inside an archive, counted while decompressing: one attachment as large as
# a vault accepts, and 1 GiB of everything else.
UNCOMPRESSED_LIMIT = MAX_ATTACHMENT_SIZE + (1 << 30)
# A decrypted archive spooled to disk: its members, stored, with room for ZIP headers.
SPOOL_LIMIT = UNCOMPRESSED_LIMIT + (64 << 20)
# What zipfile lets out for a damaged or unusual member: a broken stream, an unknown
# compression method (NotImplementedError) or an encrypted entry (RuntimeError).
_UNREADABLE = (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError, zlib.error,
               lzma.LZMAError)  # fmt: skip
_TICK = 0.05  # seconds between progress reports: a Cancel takes effect within about this


# -- a capped sink ---------------------------------------------------------------------


class _Capped(io.RawIOBase):
    """A sink that refuses to grow past ``limit``: in memory, or past ``IN_MEMORY``
    into a spool in ``spool_folder`` when one is given."""

    def __init__(self, limit: int, spool_folder: Path | None = None) -> None:
        self.buffer = bytearray()
        self.spool: Spool | None = None
        self.limit = limit
        self.size = 0
        self.overflowed = False
        self.failure: BaseException | None = None
        self._folder = spool_folder

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if self.size + len(data) > self.limit:
            # pyrage reports an exception raised in its writer as an OSError; the flag
            # tells that apart from a decryption failure.
            self.overflowed = True
            raise _TooBig()
        try:
            if (
                self.spool is None
                and self._folder is not None
                and (len(self.buffer) + len(data) > IN_MEMORY)
            ):
                self.spool = Spool(self._folder)
                self.spool.write(self.buffer)
                self.buffer = bytearray()
            if self.spool is not None:
                self.spool.write(data)
            else:
                self.buffer += data
        except BaseException as error:  # a full disk: told as such, not as a bad key
            self.failure = error
            raise
        self.size += len(data)
        return len(data)

    def result(self) -> bytearray | Spool:
        if self.spool is not None:
            self.spool.finish()
            return self.spool
        return self.buffer


class _TooBig(Exception):
    pass


# -- reading ----------------------------------------------------------------------------


@dataclass
class BundleContents:
    """A decrypted, fully checked bundle: its manifest, and its members' bytes."""

    manifest: dict[str, Any]
    archive: zipfile.ZipFile
    # attachments.jsonl (version 2), checked; each record's "file" is a member whose
    # size and SHA-256 matched it.
    attachments: list[dict[str, Any]] = dataclasses.field(default_factory=list)

    @property
    def has_history(self) -> bool:
        """Whether the bundle carries note history (history.jsonl, version 3)."""
        return HISTORY in self.manifest["members"] and self.manifest["version"] >= 3

    def records(self, member: str) -> Iterator[dict[str, Any]]:
        with self.archive.open(member) as stream:
            for number, raw in member_lines(stream, member):
                yield parse_line(member, number, raw)

    @contextlib.contextmanager
    def open_member(self, name: str) -> Iterator[_MemberReader]:
        """One attachment's file, streamed out of the archive (never read whole)."""
        try:
            stream = self.archive.open(name)
        except _UNREADABLE:
            raise BundleFormatError(member=name, line=0, reason="damaged") from None
        with stream:
            yield _MemberReader(stream, name)


class _MemberReader:
    """A member's stream whose read failures are a damaged bundle; what the caller does
    with the bytes (a full disk while writing them) is not this stream's to name."""

    def __init__(self, stream: IO[bytes], name: str) -> None:
        self._stream, self._name = stream, name

    def read(self, size: int = -1) -> bytes:
        try:
            return self._stream.read(size)
        except _UNREADABLE:
            raise BundleFormatError(member=self._name, line=0, reason="damaged") from None


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
    spool: Path | None = None,
) -> BundleContents:
    """Decrypt and check a bundle completely; raise before anything could be written.

    ``progress`` gets the share done (decryption is the first half, checking the second)
    and cancels by returning False: ``CancelledError`` follows within a fraction of a
    second, whatever the bundle holds. With a ``spool`` folder (the vault's attachments
    folder), an archive larger than ``IN_MEMORY`` is kept there, sealed, up to
    ``SPOOL_LIMIT``; without, in memory up to ``ARCHIVE_LIMIT``.
    """
    with storage_errors(path):
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block the read for ever
            raise BundleFormatError(member="file", line=0, reason="not a regular file")
        size = info.st_size
        with path.open("rb") as handle:
            head = handle.read(HEADER_READ)
    limit = ARCHIVE_LIMIT if spool is None else SPOOL_LIMIT
    if size > limit + (1 << 20):
        raise BundleTooLargeError(what="file")
    ticker = _Ticker(progress, 0.0, 0.5)
    plain = _decrypt(path, head, identities or [], passphrase, ticker, _Capped(limit, spool))
    checking = None if progress is None else (lambda fraction: progress(0.5 + fraction / 2))
    return _check_archive(plain, checking)


def _decrypt(
    path: Path,
    head: bytes,
    identities: list[x25519.Identity],
    passphrase: str | None,
    ticker: _Ticker,
    sink: _Capped,
) -> bytearray | Spool:
    stanzas = read_stanzas(head)  # refuses what is not age at all
    key_file = path.with_name(path.name + KEY_SUFFIX)
    # A large bundle sealed with a passphrase opens through the key file beside it: when
    # that is missing, say so rather than "wrong passphrase".
    no_key_file = (
        passphrase is not None
        and stanzas is not None
        and not is_passphrase(stanzas)
        and not key_file.exists()
    )
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
            if no_key_file:
                raise BundleDecryptionError(reason="key-file-missing", path=key_file.name)
            raise BundleDecryptionError(reason="no-key")
        with storage_errors(path):
            handle = path.open("rb")
        try:
            with handle:
                pyrage.decrypt_io(_Source(handle, path.stat().st_size, ticker), sink, identities)
        except (_TooBig, OSError):
            if sink.overflowed:
                raise BundleTooLargeError(what="archive") from None
            if sink.failure is not None:
                raise sink.failure from None
            raise
        return sink.result()
    except (pyrage.DecryptError, pyrage.IdentityError, UnicodeDecodeError, ValueError, OSError):
        if no_key_file:
            raise BundleDecryptionError(reason="key-file-missing", path=key_file.name) from None
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


def _check_archive(plain: bytearray | Spool, progress: Progress | None = None) -> BundleContents:
    """Check every member of a decrypted archive, line by line, and every attachment's
    file against its record; ``progress`` as for ``open_bundle``."""
    try:
        archive = open_archive(plain)
        names = archive.namelist()
    except (zipfile.LargeZipFile, *_UNREADABLE):
        raise BundleFormatError(member="archive", line=0, reason="not a ZIP archive") from None
    if len(names) > MEMBER_LIMIT + 1 + MAX_ATTACHMENTS:
        raise BundleTooLargeError(what="members", count=len(names))
    if "manifest.json" not in names:
        raise BundleFormatError(member="archive", line=0, reason="unexpected members")
    # The manifest first: its version says which members belong.
    manifest = _manifest(archive)
    data = _data_members(manifest)
    if manifest["version"] <= PLAIN_VERSION and len(names) > MEMBER_LIMIT:
        raise BundleTooLargeError(what="members", count=len(names))
    if not all(name in names for name in data):
        raise BundleFormatError(member="archive", line=0, reason="unexpected members")
    declared = sum(max(0, manifest["members"][name]["size"]) for name in data)
    sizes = {info.filename: info.file_size for info in archive.infolist()}
    declared += sum(size for name, size in sizes.items() if name.startswith("attachments/"))
    meter = _Meter(min(declared, UNCOMPRESSED_LIMIT), _Ticker(progress))
    attachments: list[dict[str, Any]] = []
    for name in data:
        expected = manifest["members"][name]
        meter.start()
        count = 0
        try:
            with archive.open(name) as stream:
                for number, raw in member_lines(stream, name, meter):
                    record = parse_line(name, number, raw)
                    if name == ATTACHMENTS:
                        if count >= MAX_ATTACHMENTS:
                            raise BundleTooLargeError(what="attachments", count=count + 1)
                        attachments.append(record)
                    count += 1
        except _UNREADABLE:
            raise BundleFormatError(member=name, line=0, reason="damaged") from None
        if meter.digest.hexdigest() != expected["sha256"] or meter.size != expected["size"]:
            raise BundleFormatError(member=name, line=0, reason="hash mismatch")
        if count != manifest["counts"].get(name.removesuffix(".jsonl")):
            raise BundleFormatError(member=name, line=0, reason="count mismatch")
    files = [record["file"] for record in attachments]
    if sorted(names) != sorted([*data, "manifest.json", *files]):
        # Also two records naming one file, or one uuid twice.
        raise BundleFormatError(member="archive", line=0, reason="unexpected members")
    if len({record["uuid"] for record in attachments}) != len(attachments):
        raise BundleFormatError(member=ATTACHMENTS, line=0, reason="uuid repeated")
    for record in attachments:
        _check_file(archive, record, meter)
    return BundleContents(manifest, archive, attachments)


def _data_members(manifest: dict[str, Any]) -> tuple[str, ...]:
    version = manifest["version"]
    data: tuple[str, ...]
    if version <= PLAIN_VERSION:
        data = DATA_MEMBERS
    elif version <= ATTACHMENTS_VERSION:
        data = (*DATA_MEMBERS, ATTACHMENTS)
    else:
        data = (*DATA_MEMBERS, ATTACHMENTS, HISTORY)
    # A travel bundle also carries what the records cannot say (docs/travel.md).
    return (*data, TRAVEL_MEMBER) if manifest.get("scope") == "travel" else data


def _check_file(archive: zipfile.ZipFile, record: dict[str, Any], meter: _Meter) -> None:
    """One attachment's member: its size and SHA-256 as its record says, counted against
    the uncompressed budget as it is read (the ZIP header's size is not trusted)."""
    name = record["file"]
    meter.start()
    try:
        with archive.open(name) as stream:
            while chunk := stream.read(1 << 16):
                meter(chunk)
                if meter.size > record["size"]:
                    break  # longer than the record says: no need to read on
    except _UNREADABLE:
        raise BundleFormatError(member=name, line=0, reason="damaged") from None
    if meter.digest.hexdigest() != record["sha256"] or meter.size != record["size"]:
        raise BundleFormatError(member=name, line=0, reason="hash mismatch")


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
    data = _data_members(manifest)
    members, counts = manifest.get("members"), manifest.get("counts")
    if (
        not isinstance(members, dict)
        or not isinstance(counts, dict)
        or not all(
            isinstance(members.get(name), dict)
            and isinstance(members[name].get("sha256"), str)
            and isinstance(members[name].get("size"), int)
            for name in data
        )
    ):
        raise BundleFormatError(member="manifest.json", line=0, reason="incomplete")
    return manifest
