"""What kind of bundle a file is, told from its age header alone, before anything is asked.

The importer says first whether a bundle opens with this vault's key, needs a passphrase,
or cannot be opened here at all, so that nobody types a passphrase into a file that has
none, or waits for a file that is not a bundle. Only the header is read (at most
``HEADER_READ`` bytes, whatever the file's size), and nothing is decrypted but the
16-byte file key wrapped for an X25519 recipient: the payload is never touched.

An X25519 stanza is ours if this vault's identity unwraps it, exactly as age does
(https://age-encryption.org/v1, "The X25519 recipient type"): ECDH with the stanza's
ephemeral share, HKDF-SHA-256 salted with the share and our public key, then
ChaCha20-Poly1305 with a zero nonce. A failed tag means the stanza is for someone else.
"""

from __future__ import annotations

import binascii
import enum
import os
import stat
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from hushnote.core.atomic import storage_errors
from hushnote.core.formats.age_header import (
    HEADER_READ,
    check_work_factor,
    is_passphrase,
    read_recipients,
)
from hushnote.core.formats.bundle_records import KEY_SUFFIX
from hushnote.errors import BundleDecryptionError

__all__ = ["BundleKind", "inspect_bundle"]

_X25519_INFO = b"age-encryption.org/v1/X25519"
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


class BundleKind(enum.StrEnum):
    """What a file is, as far as its header tells."""

    OWN_KEY = "own-key"  # an X25519 stanza this vault's identity unwraps
    PASSPHRASE = "passphrase"  # noqa: S105 - a kind, not a password: scrypt, or a .key beside
    OTHER_KEY = "other-key"  # an age file for recipients this vault is not among
    NOT_A_BUNDLE = "not-a-bundle"  # not age, cut short, empty, or not a regular file


def inspect_bundle(path: Path, identities: list[Any]) -> BundleKind:
    """The kind of bundle at ``path`` for a vault holding ``identities`` (pyrage X25519).

    Reads at most ``HEADER_READ`` bytes and never blocks: a FIFO or a device is
    ``NOT_A_BUNDLE`` without a read. A passphrase header asking for more scrypt work than
    Hushnote allows raises ``BundleTooLargeError`` now, as the import would. A missing or
    unreadable file is a ``StorageError``.
    """
    head = _read_head(path)
    if head is None:
        return BundleKind.NOT_A_BUNDLE
    try:
        recipients = read_recipients(head)
    except BundleDecryptionError:
        return BundleKind.NOT_A_BUNDLE
    if not recipients:  # cut short inside the header, or no recipient at all
        return BundleKind.NOT_A_BUNDLE
    stanzas = [stanza for stanza, _ in recipients]
    if is_passphrase(stanzas):
        try:
            check_work_factor(stanzas)  # BundleTooLargeError passes through
        except BundleDecryptionError:
            return BundleKind.NOT_A_BUNDLE  # a scrypt stanza age itself would refuse
        return BundleKind.PASSPHRASE
    secrets = [_secret(identity) for identity in identities]
    for stanza, body in recipients:
        if stanza[0] == b"X25519" and len(stanza) == 2:
            share = _unpadded_base64(stanza[1])
            if any(_unwraps(secret, share, body) for secret in secrets):
                return BundleKind.OWN_KEY
    key_file = path.with_name(path.name + KEY_SUFFIX)
    with storage_errors(key_file):
        if key_file.is_file():
            return BundleKind.PASSPHRASE
    return BundleKind.OTHER_KEY


def _read_head(path: Path) -> bytes | None:
    """The first ``HEADER_READ`` bytes of a regular file; None for anything else."""
    with storage_errors(path):
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            chunks: list[bytes] = []
            left = HEADER_READ
            while left > 0 and (chunk := os.read(fd, left)):
                chunks.append(chunk)
                left -= len(chunk)
            return b"".join(chunks)
        finally:
            os.close(fd)


def _unwraps(secret: X25519PrivateKey, share: bytes | None, body: bytes) -> bool:
    """Whether ``secret`` unwraps the file key in one X25519 stanza."""
    if share is None or len(share) != 32 or len(body) != 32:
        return False
    try:
        shared = secret.exchange(X25519PublicKey.from_public_bytes(share))
    except ValueError:  # a low-order point: age refuses it too
        return False
    ours = secret.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    wrap_key = HKDF(SHA256(), 32, salt=share + ours, info=_X25519_INFO).derive(shared)
    try:
        ChaCha20Poly1305(wrap_key).decrypt(bytes(12), body, None)
    except InvalidTag:
        return False
    return True


def _unpadded_base64(text: bytes) -> bytes | None:
    try:
        return binascii.a2b_base64(text + b"=" * (-len(text) % 4), strict_mode=True)
    except binascii.Error:
        return None


def _secret(identity: Any) -> X25519PrivateKey:
    """The raw key inside a pyrage identity (``AGE-SECRET-KEY-1…``, Bech32)."""
    text = str(identity).lower()
    data = text[text.rindex("1") + 1 : -6]  # after the separator, before the checksum
    value = bits = 0
    raw = bytearray()
    for char in data:
        value = (value << 5) | _BECH32.index(char)
        bits += 5
        if bits >= 8:
            bits -= 8
            raw.append((value >> bits) & 0xFF)
    return X25519PrivateKey.from_private_bytes(bytes(raw[:32]))
