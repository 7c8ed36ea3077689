"""The seekable reader over a blob: the plaintext at any offset, one chunk in memory."""

from __future__ import annotations

import io
import os
import random
import secrets
from pathlib import Path

import pytest

from hushnote.core.attachments.blob_file import CHUNK, TAG, BlobReader, BlobWriter
from hushnote.errors import AttachmentDamagedError


def _blob(path: Path, plaintext: bytes) -> bytes:
    key = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        writer = BlobWriter(fd, key, lambda: None)
        writer.write(plaintext)
        writer.close()
    finally:
        os.close(fd)
    return key


def _reader(path: Path, key: bytes, size: int) -> BlobReader:
    return BlobReader(os.open(path, os.O_RDONLY), key, size)


@pytest.mark.parametrize("size", [0, 1, 4095, CHUNK, CHUNK + 1, 3 * CHUNK + 777])
def test_random_seeks_read_the_plaintext(tmp_path: Path, size: int) -> None:
    rng = random.Random(size)
    plaintext = rng.randbytes(size)
    key = _blob(tmp_path / "blob", plaintext)
    with _reader(tmp_path / "blob", key, size) as reader:
        assert reader.read() == plaintext
        assert reader.seekable() and reader.readable() and not reader.writable()
        for _ in range(200):
            start = rng.randrange(size + 10)
            length = rng.randrange(2 * CHUNK)
            whence = rng.choice([os.SEEK_SET, os.SEEK_CUR, os.SEEK_END])
            base = {os.SEEK_SET: 0, os.SEEK_CUR: reader.tell(), os.SEEK_END: size}[whence]
            assert reader.seek(start - base, whence) == start
            assert reader.read(length) == plaintext[start : start + length]
            assert reader.tell() == min(max(start, start + length), max(start, size))


def test_buffered_and_readinto_a_foreign_buffer(tmp_path: Path) -> None:
    import ctypes

    plaintext = bytes(range(256)) * 1000
    key = _blob(tmp_path / "blob", plaintext)
    with io.BufferedReader(_reader(tmp_path / "blob", key, len(plaintext))) as buffered:
        buffered.seek(CHUNK - 3)
        assert buffered.read(10) == plaintext[CHUNK - 3 : CHUNK + 7]
    # PDFium hands a ctypes array (what pypdfium2 passes to readinto).
    with _reader(tmp_path / "blob", key, len(plaintext)) as reader:
        target = (ctypes.c_char * 100)()
        reader.seek(CHUNK - 50)
        assert reader.readinto(target) == 100
        assert bytes(target) == plaintext[CHUNK - 50 : CHUNK + 50]


def test_memory_is_one_chunk_whatever_the_size(tmp_path: Path) -> None:
    import tracemalloc

    plaintext = b"x" * (8 << 20)
    key = _blob(tmp_path / "blob", plaintext)
    with _reader(tmp_path / "blob", key, len(plaintext)) as reader:
        tracemalloc.start()
        try:
            for offset in range(0, len(plaintext), 100_000):
                reader.seek(offset)
                assert reader.read(1000) == b"x" * 1000
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak < 4 * CHUNK


def test_a_tampered_chunk_raises_only_when_read(tmp_path: Path) -> None:
    plaintext = secrets.token_bytes(3 * CHUNK)
    path = tmp_path / "blob"
    key = _blob(path, plaintext)
    with path.open("r+b") as raw:  # flip a bit in the second chunk
        raw.seek(CHUNK + TAG + 100)
        byte = raw.read(1)
        raw.seek(-1, os.SEEK_CUR)
        raw.write(bytes([byte[0] ^ 1]))
    with _reader(path, key, len(plaintext)) as reader:
        assert reader.read(CHUNK) == plaintext[:CHUNK]
        with pytest.raises(AttachmentDamagedError) as raised:
            reader.read(10)
        assert raised.value.context["reason"] == "authentication"
        reader.seek(2 * CHUNK)
        assert reader.read() == plaintext[2 * CHUNK :]


def test_a_wrong_key_a_cut_file_and_chunks_swapped_are_refused(tmp_path: Path) -> None:
    plaintext = secrets.token_bytes(2 * CHUNK + 5)
    path = tmp_path / "blob"
    key = _blob(path, plaintext)
    with _reader(path, secrets.token_bytes(32), len(plaintext)) as reader:
        with pytest.raises(AttachmentDamagedError):
            reader.read(1)
    # The size the vault recorded is not the file's: refused at once, descriptor closed.
    with pytest.raises(AttachmentDamagedError) as raised:
        _reader(path, key, len(plaintext) + CHUNK * 2)
    assert raised.value.context["reason"] == "size"
    sealed = path.read_bytes()
    first, second = sealed[: CHUNK + TAG], sealed[CHUNK + TAG : 2 * (CHUNK + TAG)]
    path.write_bytes(second + first + sealed[2 * (CHUNK + TAG) :])
    with _reader(path, key, len(plaintext)) as reader:
        with pytest.raises(AttachmentDamagedError):
            reader.read(1)


def test_a_closed_reader_refuses(tmp_path: Path) -> None:
    key = _blob(tmp_path / "blob", b"abc")
    reader = _reader(tmp_path / "blob", key, 3)
    reader.close()
    reader.close()
    with pytest.raises(ValueError):
        reader.read(1)
    with pytest.raises(ValueError):
        reader.seek(0)
