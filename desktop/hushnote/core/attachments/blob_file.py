"""One attachment's encrypted file: chunked AES-256-GCM under its own key, padded.

Layout (docs/attachments.md#blob-files): the plaintext, padded with zeros to a Padmé
bucket (at least 4 KiB), is cut into 64 KiB chunks; chunk ``i`` is sealed with
AES-256-GCM under the blob's key, nonce = ``i`` as 11 big-endian bytes followed by 1 for
the last chunk and 0 for the others (age's STREAM construction). The file holds nothing
else: no magic, no length, no name. Its size says only the bucket.

The key is random and used for this one file, written once, so a counter nonce never
repeats. Chunks cannot be dropped, reordered, or moved from another blob (the counter,
the last-chunk flag and the key see to it), and the file cannot be cut short unnoticed.
The true length and the SHA-256 of the plaintext live beside the key in the vault.
"""

from __future__ import annotations

import hashlib
import io
import os
import queue
import threading
from collections.abc import Callable, Iterator
from typing import Any

from hushnote.errors import AttachmentDamagedError, AttachmentTooLargeError

__all__ = [
    "CHUNK",
    "KEY_SIZE",
    "MAX_SIZE",
    "BlobReader",
    "BlobWriter",
    "blob_size",
    "padded_size",
    "read_chunks",
]

CHUNK = 64 * 1024
TAG = 16
KEY_SIZE = 32
MAX_SIZE = 4 * 1024**3  # 4 GiB: the largest attachment accepted
MIN_PADDED = 4096
_AAD = b"hushnote attachment v1"
# Chunks sealed per write(2): a 1 MiB write, with memory bounded by that.
_BATCH = 16


def padded_size(size: int) -> int:
    """Padmé (Nikitin et al., PETS 2019): at most 12% larger, and the padded length
    leaks O(log log size) bits; never below ``MIN_PADDED``."""
    if size <= MIN_PADDED:
        return MIN_PADDED
    exponent = size.bit_length() - 1
    low_bits = exponent - exponent.bit_length()
    mask = (1 << low_bits) - 1
    return (size + mask) & ~mask


def blob_size(size: int) -> int:
    """The file's size on disk for a plaintext of ``size`` bytes."""
    padded = padded_size(size)
    return padded + TAG * -(-padded // CHUNK)


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


class BlobWriter:
    """A write-only stream that seals what it is given into an open file descriptor.

    ``close`` pads, seals the last chunk, fsyncs, and returns (size, SHA-256). Memory
    held is one batch of chunks, whatever is written. ``check`` is called between
    batches (it raises to cancel). Writing past ``MAX_SIZE`` raises
    ``AttachmentTooLargeError``.
    """

    def __init__(self, fd: int, key: bytes | bytearray, check: Callable[[], None]) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._fd = fd
        self._aead = AESGCM(bytes(key))
        self._check = check
        self._pending = bytearray()
        self._out = bytearray(_BATCH * (CHUNK + TAG))
        self._outview = memoryview(self._out)
        self._filled = 0
        self._index = 0
        self._size = 0
        self._hasher = _Hasher()
        self._closed = False

    # The file-like surface libraries that write to a stream expect (pikepdf, Pillow).
    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    def seekable(self) -> bool:
        return False

    def tell(self) -> int:
        return self._size

    def flush(self) -> None:
        return None

    @property
    def size(self) -> int:
        return self._size

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        length = len(view)
        if self._size + length > MAX_SIZE:
            raise AttachmentTooLargeError(maximum=MAX_SIZE)
        # A copy: the caller may reuse its buffer while the hashing thread reads this.
        data = bytes(view)
        self._hasher.update(data)
        self._size += length
        self._take(memoryview(data))
        return length

    def _take(self, view: memoryview) -> None:
        # A full chunk is sealed only once more follows: the last one carries the flag.
        pending = self._pending
        position = 0
        if pending:
            position = min(CHUNK - len(pending), len(view))
            pending += view[:position]
            if len(pending) < CHUNK or position == len(view):
                return
            self._seal(bytes(pending), last=False)
            pending.clear()
        while len(view) - position > CHUNK:
            self._seal(view[position : position + CHUNK], last=False)
            position += CHUNK
        pending += view[position:]

    def _seal(self, chunk: bytes | memoryview, *, last: bool) -> None:
        # Sealed straight into one buffer allocated once: growing and freeing a 1 MiB
        # buffer per batch cost a third of an attach in page faults.
        end = self._filled + len(chunk) + TAG
        self._aead.encrypt_into(
            _nonce(self._index, last), chunk, _AAD, self._outview[self._filled : end]
        )
        self._filled = end
        self._index += 1
        if last or self._index % _BATCH == 0:
            self._check()
            view = self._outview[: self._filled]
            while view:
                view = view[os.write(self._fd, view) :]
            self._filled = 0

    def close(self) -> tuple[int, bytes]:
        """Pad, seal the last chunk, fsync; return (plaintext size, its SHA-256)."""
        if self._closed:
            raise ValueError("blob already closed")
        self._closed = True
        padding = padded_size(self._size) - self._size
        zeros = bytes(min(padding, CHUNK))
        while padding:
            step = min(padding, CHUNK)
            self._take(memoryview(zeros)[:step])
            padding -= step
        self._seal(bytes(self._pending), last=True)
        self._pending.clear()
        os.fsync(self._fd)
        return self._size, self._hasher.digest()

    def abort(self) -> None:
        """Stop the hashing thread of a write that will not be closed."""
        self._hasher.digest()


class _Hasher:
    """SHA-256 on a thread of its own, beside the encryption: hashlib lets go of the
    GIL for large buffers, so on two cores hashing no longer adds to the attach. The
    queue is bounded, so memory stays a few MiB whatever the speeds."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=8)
        self._thread = threading.Thread(target=self._run, name="attachment-hash", daemon=True)
        self._thread.start()
        self._result: bytes | None = None

    def _run(self) -> None:
        while (data := self._queue.get()) is not None:
            self._hash.update(data)

    def update(self, data: bytes) -> None:
        self._queue.put(data)

    def digest(self) -> bytes:
        if self._result is None:
            # Never blocks for long: the thread takes at most 8 buffers to hash first.
            self._queue.put(None)
            self._thread.join()
            self._result = self._hash.digest()
        return self._result


def read_chunks(
    fd: int, key: bytes | bytearray, size: int, check: Callable[[], None] | None = None
) -> Iterator[bytes]:
    """Yield the plaintext of a blob (``size`` bytes in all), chunk by chunk.

    Raises ``AttachmentDamagedError`` on any chunk that fails authentication, a file
    cut short or grown, or padding that is not zeros.
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    aead = AESGCM(bytes(key))
    padded = padded_size(size)
    if os.fstat(fd).st_size != blob_size(size):
        raise AttachmentDamagedError(reason="size")
    count = -(-padded // CHUNK)
    left = size
    for index in range(count):
        if check is not None and index % _BATCH == 0:
            check()
        want = min(CHUNK, padded - index * CHUNK) + TAG
        sealed = _read_exactly(fd, want)
        try:
            chunk = aead.decrypt(_nonce(index, index == count - 1), sealed, _AAD)
        except InvalidTag:
            raise AttachmentDamagedError(reason="authentication") from None
        if left >= len(chunk):
            left -= len(chunk)
            yield chunk
            continue
        if chunk[left:].count(0) != len(chunk) - left:
            raise AttachmentDamagedError(reason="padding")
        if left:
            yield chunk[:left]
            left = 0


def _read_exactly(fd: int, want: int) -> bytes:
    parts = []
    while want:
        part = os.read(fd, want)
        if not part:
            raise AttachmentDamagedError(reason="size")
        parts.append(part)
        want -= len(part)
    return b"".join(parts)


class BlobReader(io.RawIOBase):
    """A read-only, seekable file object over a blob: the plaintext, ``size`` bytes.

    Only the chunks a read touches are decrypted, each checked by its tag (and the
    padding after the end, by being zeros), so memory holds one chunk whatever the
    blob's size, and a library that seeks (PDFium, Pillow) can read a 200 MB file
    without it ever being whole in memory. A chunk that fails raises
    ``AttachmentDamagedError``; so does a file cut short or grown (checked on opening).
    The whole-file SHA-256 is not checked: that needs every byte (``read_chunks``).

    The reader owns ``fd`` and closes it. Reads use ``pread``, so the descriptor's own
    offset is never moved.
    """

    def __init__(self, fd: int, key: bytes | bytearray, size: int) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        super().__init__()
        self._fd = -1  # what ``close`` (also called on collection) will close
        try:
            if os.fstat(fd).st_size != blob_size(size):
                raise AttachmentDamagedError(reason="size")
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        self._aead = AESGCM(bytes(key))
        self._size = size
        self._count = -(-padded_size(size) // CHUNK)
        self._position = 0
        self._index = -1
        self._chunk = b""

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        self._check_open()
        return self._position

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        self._check_open()
        if whence == os.SEEK_SET:
            position = offset
        elif whence == os.SEEK_CUR:
            position = self._position + offset
        elif whence == os.SEEK_END:
            position = self._size + offset
        else:
            raise ValueError(f"invalid whence ({whence})")
        if position < 0:
            raise ValueError("negative seek position")
        self._position = position
        return position

    def readinto(self, buffer: Any) -> int:
        self._check_open()
        with memoryview(buffer) as raw, raw.cast("B") as target:
            done = 0
            while done < len(target) and self._position < self._size:
                index, offset = divmod(self._position, CHUNK)
                chunk = self._load(index)
                take = min(len(target) - done, len(chunk) - offset, self._size - self._position)
                target[done : done + take] = chunk[offset : offset + take]
                done += take
                self._position += take
            return done

    def close(self) -> None:
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            os.close(fd)
            self._chunk = b""
        super().close()

    def _check_open(self) -> None:
        if self.closed:
            raise ValueError("I/O operation on closed blob")

    def _load(self, index: int) -> bytes:
        """Chunk ``index``'s plaintext (padding included), decrypted and checked."""
        if index == self._index:
            return self._chunk
        from cryptography.exceptions import InvalidTag

        last = index == self._count - 1
        want = min(CHUNK, padded_size(self._size) - index * CHUNK) + TAG
        sealed = os.pread(self._fd, want, index * (CHUNK + TAG))
        if len(sealed) != want:
            raise AttachmentDamagedError(reason="size")
        try:
            chunk = self._aead.decrypt(_nonce(index, last), sealed, _AAD)
        except InvalidTag:
            raise AttachmentDamagedError(reason="authentication") from None
        end = self._size - index * CHUNK
        if end < len(chunk) and chunk[max(end, 0) :].count(0) != len(chunk) - max(end, 0):
            raise AttachmentDamagedError(reason="padding")
        self._index, self._chunk = index, chunk
        return chunk
