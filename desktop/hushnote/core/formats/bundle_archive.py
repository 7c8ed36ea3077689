"""The decrypted archive of a bundle, read with bounded work: its ZIP directory is sized
before ``zipfile`` reads it, and each member is split into JSON lines in one pass, every
line capped and looked over for sprawl before it is parsed.

Every limit here is far above what a vault can export and far below what would hold
the importer for minutes: see "What a reader must do" in docs/bundle-format.md.
"""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
from collections.abc import Callable, Iterator
from typing import IO, Any

from hushnote.core.formats.bundle_attachments import MAX_ATTACHMENTS
from hushnote.core.formats.bundle_records import check_record
from hushnote.core.formats.bundle_spool import Spool, SpoolReader
from hushnote.core.store.note_records import MAX_BODY
from hushnote.errors import BundleFormatError, BundleTooLargeError

__all__ = ["MAX_LINE", "MAX_VALUES", "member_lines", "open_archive", "parse_line"]

# The longest record a vault can write: a note body of MAX_BODY characters, each at most
# 6 bytes as JSON ("\u0001"), with room for the other fields.
MAX_LINE = 6 * MAX_BODY + (1 << 20)
# Values (strings, numbers, objects, lists) in one line. A note has a dozen; a contact
# list a few per member. Each costs 50 bytes or more once parsed, so a line of
# "[{},{},…]" could otherwise turn 60 MB of text into gigabytes of objects.
MAX_VALUES = 1 << 20
# Objects and lists in one line. A record has a handful (a contact one per number or
# handle); json.loads takes microseconds for each one nested, so 500,000 brackets in a
# 1 MB line cost seconds and would hold up a Cancel.
MAX_CONTAINERS = 1 << 14
# The ZIP central directory: five members take under 1 KiB, and each attachment's entry
# at most about 600 bytes (its member name is capped). zipfile reads every entry into an
# object before its names can be counted, so the size is checked first.
DIRECTORY_LIMIT = (64 << 10) + MAX_ATTACHMENTS * 640
_CHUNK = 1 << 16
_END = b"PK\x05\x06"
_END_SIZE = 22
_END64_LOCATOR = b"PK\x06\x07"
_END64 = b"PK\x06\x06"
_STRING = re.compile(rb'"[^"]*"')


class _MemoryReader(io.RawIOBase):
    """A seekable read-only stream over bytes already in memory, without copying them
    (io.BytesIO would: the decrypted archive would then sit in memory twice)."""

    def __init__(self, data: bytearray) -> None:
        self._view = memoryview(data)
        self._position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._view[self._position : self._position + len(buffer)]
        buffer[: len(chunk)] = chunk
        self._position += len(chunk)
        return len(chunk)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: len(self._view)}
        self._position = max(0, base[whence] + offset)
        return self._position

    def tell(self) -> int:
        return self._position


def open_archive(plain: bytearray | Spool) -> zipfile.ZipFile:
    """The ZIP archive in ``plain`` (in memory, or spooled); ``BundleTooLargeError`` if
    its directory is larger than its members need, and zipfile's own errors if it is not
    a ZIP archive."""
    if isinstance(plain, Spool):
        tail = _END_SIZE + 0xFFFF + 20 + 56  # the end records, however long the comment
        start = max(0, plain.size - tail)
        if _directory_size(bytearray(plain.read_at(start, tail))) > DIRECTORY_LIMIT:
            raise BundleTooLargeError(what="members")
        return zipfile.ZipFile(io.BufferedReader(SpoolReader(plain), 1 << 16))
    if _directory_size(plain) > DIRECTORY_LIMIT:
        raise BundleTooLargeError(what="members")
    return zipfile.ZipFile(io.BufferedReader(_MemoryReader(plain), 1 << 16))


def _directory_size(plain: bytearray) -> int:
    """The central directory's size as zipfile will read it: from the end record, or
    from the ZIP64 end record just before it, which zipfile prefers when present."""
    end = plain.rfind(_END, max(0, len(plain) - _END_SIZE - 0xFFFF))
    if end == -1 or end + _END_SIZE > len(plain):
        return 0  # not a ZIP archive: zipfile says so
    size: int = struct.unpack_from("<I", plain, end + 12)[0]
    locator, record = end - 20, end - 20 - 56
    if record >= 0 and plain[locator : locator + 4] == _END64_LOCATOR:
        if plain[record : record + 4] == _END64:
            size = max(size, struct.unpack_from("<Q", plain, record + 40)[0])
    return size


def member_lines(
    stream: IO[bytes], member: str, seen: Callable[[bytes], None] | None = None
) -> Iterator[tuple[int, bytes]]:
    """The lines of a member, numbered from 1, in one pass that copies each byte at most
    twice; a line longer than ``MAX_LINE`` is refused as soon as it is. ``seen`` gets
    every chunk as it is read (to hash and count it, and to report progress)."""
    pending = bytearray()
    number = 0
    while chunk := stream.read(_CHUNK):
        if seen is not None:
            seen(chunk)
        start = 0
        while (end := chunk.find(b"\n", start)) != -1:
            number += 1
            if pending:
                pending += memoryview(chunk)[start:end]
                raw = bytes(pending)
                pending.clear()
            else:
                raw = chunk[start:end]
            if len(raw) > MAX_LINE:
                raise BundleFormatError(member=member, line=number, reason="line too long")
            yield number, raw
            start = end + 1
        pending += memoryview(chunk)[start:]
        if len(pending) > MAX_LINE:
            raise BundleFormatError(member=member, line=number + 1, reason="line too long")
    if pending:
        raise BundleFormatError(member=member, line=number + 1, reason="cut short")


def parse_line(member: str, line: int, raw: bytes) -> dict[str, Any]:
    """The record on one line, checked; ``BundleFormatError`` naming member and line."""
    if len(raw) > MAX_VALUES and _values(raw) > MAX_VALUES:
        raise BundleFormatError(member=member, line=line, reason="too many values")
    if raw.count(b"[") + raw.count(b"{") > MAX_CONTAINERS and _containers(raw) > MAX_CONTAINERS:
        raise BundleFormatError(member=member, line=line, reason="too deeply nested")
    try:
        record = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        # ValueError also covers an integer of thousands of digits; RecursionError,
        # thousands of nested brackets.
        raise BundleFormatError(member=member, line=line, reason="not JSON") from None
    return check_record(member, line, record)


def _containers(raw: bytes) -> int:
    """Objects and lists outside strings (brackets inside a note's text do not count)."""
    outside = _STRING.sub(b"", raw.replace(b"\\\\", b"").replace(b'\\"', b""))
    return outside.count(b"[") + outside.count(b"{")


def _values(raw: bytes) -> int:
    """About how many values a line holds: separators and brackets outside strings.
    Counted without parsing, so that the count itself stays cheap."""
    count = raw.count(b",") + raw.count(b"[") + raw.count(b"{")
    if count <= MAX_VALUES:
        return count  # an upper bound already
    # Escaped backslashes first, so that \\" stays a closing quote; then every quote
    # left opens or closes a string.
    plain = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    strings = plain.count(b'"') // 2
    if strings > MAX_VALUES:
        return strings
    outside = _STRING.sub(b"", plain)
    return outside.count(b",") + outside.count(b"[") + outside.count(b"{")
