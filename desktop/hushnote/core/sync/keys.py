"""The keys of a shared notebook: its space keys, a device's signing key, and wrapping a
space key to a member's age recipient.

A space key (32 random bytes) encrypts every change file of one *epoch*; removing a
member starts a new epoch whose key is wrapped only to those who stay. A device signs
what it writes with Ed25519, because age says nothing about who encrypted a file.
"""

from __future__ import annotations

import secrets

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from pyrage import x25519

__all__ = [
    "KEY_SIZE",
    "new_id",
    "new_signing_key",
    "new_space_key",
    "public_key",
    "sign",
    "signature_valid",
    "unwrap_space_key",
    "wrap_space_key",
]

KEY_SIZE = 32
ID_SIZE = 16


def new_id() -> str:
    """A random identifier for a space, a device or a member: 32 hex digits that say
    nothing about who or what."""
    return secrets.token_hex(ID_SIZE)


def new_space_key() -> bytes:
    return secrets.token_bytes(KEY_SIZE)


def new_signing_key() -> bytes:
    """A new Ed25519 private key, as its 32-byte seed."""
    return Ed25519PrivateKey.generate().private_bytes_raw()


def public_key(private: bytes) -> bytes:
    return (
        Ed25519PrivateKey.from_private_bytes(private)
        .public_key()
        .public_bytes(Encoding.Raw, PublicFormat.Raw)
    )


def sign(private: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private).sign(message)


def signature_valid(public: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def wrap_space_key(key: bytes, recipient: str) -> bytes:
    """``key`` encrypted to one member's age recipient (a standard age file)."""
    return bytes(pyrage.encrypt(key, [x25519.Recipient.from_str(recipient)]))


def unwrap_space_key(wrapped: bytes, identity: x25519.Identity) -> bytes | None:
    """The space key in ``wrapped``, or None if it was not wrapped to ``identity``."""
    try:
        key = bytes(pyrage.decrypt(wrapped, [identity]))
    except (pyrage.DecryptError, ValueError):
        return None
    return key if len(key) == KEY_SIZE else None
