"""The source of an attachment, read forward through one block-sized buffer.

The container walks (``image_containers``) read headers a few bytes at a time, copy large
runs block by block and skip what they drop; this keeps memory at one block whatever the
file, and asks ``check`` before each block so that the work can be cancelled.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Callable
from typing import BinaryIO

from hushnote.errors import MetadataError

__all__ = ["BLOCK", "Input"]

BLOCK = 64 * 1024
_NOT_FILL = re.compile(rb"[^\xff]")


class Input:
    """The source, read forward through one block-sized buffer; reading asks ``check``."""

    def __init__(self, source: BinaryIO, check: Callable[[], None], kind: str) -> None:
        self.check = check
        self.kind = kind
        self._source = source
        self.size = source.seek(0, io.SEEK_END)
        source.seek(0)
        self._buf = b""
        self._pos = 0

    def error(self, reason: str) -> MetadataError:
        if self.size == 0:
            reason = "empty"
        return MetadataError(kind=self.kind, reason=reason)

    def tell(self) -> int:
        return self._source.tell() - (len(self._buf) - self._pos)

    def seek(self, offset: int) -> None:
        self._source.seek(offset)
        self._buf, self._pos = b"", 0

    def at_end(self) -> bool:
        return self.tell() >= self.size

    def _more(self) -> bool:
        self.check()
        block = self._source.read(BLOCK)
        if not block:
            return False
        self._buf = self._buf[self._pos :] + block
        self._pos = 0
        return True

    def exact(self, n: int) -> bytes:
        """The next ``n`` bytes (``n`` bounded by the caller)."""
        while len(self._buf) - self._pos < n <= BLOCK:
            if not self._more():
                raise self.error("truncated")
        if len(self._buf) - self._pos >= n:
            data = self._buf[self._pos : self._pos + n]
            self._pos += n
            return data
        have = self._buf[self._pos :]
        self._buf, self._pos = b"", 0
        self.check()
        rest = self._source.read(n - len(have))
        if len(rest) < n - len(have):
            raise self.error("truncated")
        return have + rest

    def skip(self, n: int) -> None:
        if self.tell() + n > self.size:
            raise self.error("truncated")
        avail = len(self._buf) - self._pos
        if n <= avail:
            self._pos += n
            return
        self._source.seek(n - avail, io.SEEK_CUR)
        self._buf, self._pos = b"", 0

    def copy(self, n: int, sink: BinaryIO, crc: int = 0) -> int:
        """Copy the next ``n`` bytes to ``sink`` block by block; their running CRC-32."""
        while n > 0:
            if self._pos >= len(self._buf) and not self._more():
                raise self.error("truncated")
            piece = self._buf[self._pos : self._pos + n]
            self._pos += len(piece)
            n -= len(piece)
            crc = zlib.crc32(piece, crc)
            sink.write(piece)
        return crc

    def marker(self) -> int:
        """The code of the JPEG marker that starts here, past any fill bytes before it."""
        if self.exact(1) != b"\xff":
            raise self.error("malformed")
        while True:
            found = _NOT_FILL.search(self._buf, self._pos)
            if found:
                self._pos = found.start() + 1
                return self._buf[found.start()]
            self._pos = len(self._buf)
            if not self._more():
                raise self.error("truncated")

    def copy_entropy(self, sink: BinaryIO) -> int:
        """Copy a JPEG scan's coded data up to the next marker; that marker's code."""
        while True:
            buf, start = self._buf, self._pos
            i = buf.find(b"\xff", start)
            while i != -1 and i + 1 < len(buf):
                code = buf[i + 1]
                if code == 0 or 0xD0 <= code <= 0xD7:  # a stuffed 0xFF, a restart marker
                    i = buf.find(b"\xff", i + 2)
                elif code == 0xFF:  # a fill byte before a marker
                    i = buf.find(b"\xff", i + 1)
                else:
                    sink.write(buf[start:i])
                    self._pos = i + 2
                    return code
            end = len(buf) if i == -1 else i  # keep a last 0xFF until its next byte
            sink.write(buf[start:end])
            self._pos = end
            if not self._more():
                raise self.error("truncated")
