"""The bytes of one file in a shared folder: a batch sealed under a space key and signed
by the device that wrote it (docs/sync-format.md#change-files).

::

    version (1 byte, 1) · epoch (4 bytes, big-endian) · nonce (12 bytes)
    AES-256-GCM( length (4 bytes) · payload · zero padding · Ed25519 signature (64) )

The associated data binds the ciphertext to where it lies: the space, the device folder
and the sequence number in the file's name. A file copied under another name or into
another device's folder no longer opens, so a replay cannot pass for new work. The
signature, inside the encryption, says which device wrote it without showing anyone
outside the space; it covers the same associated data and the payload.

The plaintext is padded to a Padmé size (at least 1 KiB), so the size of a file says
little more than the order of magnitude of what changed.
"""

from __future__ import annotations

import secrets
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from hushnote.core.sync.keys import sign, signature_valid

__all__ = [
    "MAX_FILE",
    "MAX_PAYLOAD",
    "FileRefused",
    "Opened",
    "file_name",
    "open_file",
    "parse_name",
    "seal_file",
    "verify_signature",
]

VERSION = 1
_HEAD = struct.Struct(">BI12s")
_LENGTH = struct.Struct(">I")
_SIGNATURE = 64
_TAG = 16
_AAD = b"hushnote-sync-v1"
_SIGNED = b"hushnote-sync-v1 signature"
MIN_PADDED = 1024
# A file is read whole into memory: the cap keeps a pass under its memory bound, and a
# writer splits bigger batches into several files.
MAX_FILE = 64 * 1024 * 1024
MAX_PAYLOAD = MAX_FILE - 1024 * 1024
_NAME_DIGITS = 16


class FileRefused(Exception):
    """A file in the folder that is not a valid change file here; ``reason`` is one word."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Opened:
    epoch: int
    payload: bytes
    signature: bytes
    signed: bytes  # what the signature covers


def file_name(seq: int) -> str:
    return f"{seq:0{_NAME_DIGITS}x}"


def parse_name(name: str) -> int | None:
    """The sequence number a file name carries, or None for anything else (an engine's
    temporary file, a conflict copy, a stray file)."""
    if len(name) != _NAME_DIGITS or name.strip("0123456789abcdef"):
        return None
    seq = int(name, 16)
    return seq if seq > 0 else None


def _padded(size: int) -> int:
    if size <= MIN_PADDED:
        return MIN_PADDED
    exponent = size.bit_length() - 1
    low_bits = exponent - exponent.bit_length()
    mask = (1 << low_bits) - 1
    return (size + mask) & ~mask


def _aad(space: str, device: str, seq: int, epoch: int) -> bytes:
    return _AAD + bytes.fromhex(space) + bytes.fromhex(device) + struct.pack(">QI", seq, epoch)


def seal_file(
    payload: bytes,
    *,
    space: str,
    device: str,
    seq: int,
    epoch: int,
    key: bytes,
    signing_key: bytes,
) -> bytes:
    if len(payload) > MAX_PAYLOAD:
        raise ValueError("batch too large for one file")
    aad = _aad(space, device, seq, epoch)
    signature = sign(signing_key, _SIGNED + aad + payload)
    body = _LENGTH.pack(len(payload)) + payload
    padding = _padded(len(body) + _SIGNATURE + _HEAD.size + _TAG) - _HEAD.size - _TAG
    plaintext = body + bytes(padding - len(body) - _SIGNATURE) + signature
    nonce = secrets.token_bytes(12)
    return _HEAD.pack(VERSION, epoch, nonce) + AESGCM(key).encrypt(nonce, plaintext, aad)


def epoch_of(data: bytes) -> int:
    if len(data) < _HEAD.size + _TAG + _LENGTH.size + _SIGNATURE:
        raise FileRefused("truncated")
    version, epoch, _ = _HEAD.unpack_from(data)
    if version != VERSION:
        raise FileRefused("version")
    return int(epoch)


def open_file(data: bytes, *, space: str, device: str, seq: int, key: bytes) -> Opened:
    """Decrypt a file read from ``<space>/<device>/<file_name(seq)>``; the signature is
    checked by the caller, who knows the device's key (``verify_signature``)."""
    if len(data) > MAX_FILE:
        raise FileRefused("too-large")
    epoch = epoch_of(data)
    _, _, nonce = _HEAD.unpack_from(data)
    aad = _aad(space, device, seq, epoch)
    try:
        plaintext = AESGCM(key).decrypt(nonce, data[_HEAD.size :], aad)
    except InvalidTag:
        # Cut short, changed, renamed or moved: all look the same, on purpose.
        raise FileRefused("damaged") from None
    (length,) = _LENGTH.unpack_from(plaintext)
    if length > len(plaintext) - _LENGTH.size - _SIGNATURE:
        raise FileRefused("malformed")
    payload = plaintext[_LENGTH.size : _LENGTH.size + length]
    return Opened(epoch, payload, plaintext[-_SIGNATURE:], _SIGNED + aad + payload)


def verify_signature(opened: Opened, public: bytes) -> bool:
    return signature_valid(public, opened.signature, opened.signed)
