"""A cheap age passphrase encryption, for the ``fast_scrypt`` fixture only.

pyrage chooses the scrypt work factor itself (2^20 here: 1 GiB and two seconds per
passphrase bundle written, and two more for every read) and offers no way to lower it.
This writes the same format (https://age-encryption.org/v1: one scrypt stanza, the
header MAC, the STREAM payload in 64 KiB chunks) at work factor 2^14, and pyrage reads it
like any other age file: decryption is never replaced. ``test_age_scrypt.py`` checks the
output against pyrage and the ``age`` tool.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

LOG_N = 14  # 16 MiB, a few milliseconds
CHUNK = 64 * 1024


def _b64(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def _hkdf(key: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(key)


def encrypt(plaintext: bytes, passphrase: str, armored: bool = False) -> bytes:
    """``pyrage.passphrase.encrypt`` at work factor ``LOG_N``."""
    if armored:
        raise NotImplementedError("the app never writes armored passphrase files")
    file_key = os.urandom(16)
    salt = os.urandom(16)
    wrap_key = Scrypt(salt=b"age-encryption.org/v1/scrypt" + salt, length=32, n=1 << LOG_N,
                      r=8, p=1).derive(passphrase.encode())  # fmt: skip
    body = ChaCha20Poly1305(wrap_key).encrypt(bytes(12), file_key, None)
    header = b"age-encryption.org/v1\n-> scrypt %s %d\n%s\n---" % (_b64(salt), LOG_N, _b64(body))
    mac = hmac.new(_hkdf(file_key, b"", b"header"), header, hashlib.sha256).digest()
    nonce = os.urandom(16)
    aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    chunks = [plaintext[i : i + CHUNK] for i in range(0, len(plaintext), CHUNK)] or [b""]
    sealed = [
        aead.encrypt(counter.to_bytes(11, "big") + bytes([counter == len(chunks) - 1]), chunk, None)
        for counter, chunk in enumerate(chunks)
    ]
    return header + b" " + _b64(mac) + b"\n" + nonce + b"".join(sealed)
