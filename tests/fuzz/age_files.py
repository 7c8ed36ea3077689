"""age v1 passphrase files with a chosen scrypt work factor, written from the age spec.

pyrage picks the work factor itself (about a second of scrypt here), too slow for seeds a
fuzzer runs millions of times; a regression needs the opposite, a work factor far above
anything Hushnote writes. See https://age-encryption.org/v1 for the layout.
"""

from __future__ import annotations

import base64
import hashlib
import os

from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_CHUNK = 64 * 1024


def _b64(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def _hkdf(key: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(key)


def scrypt_encrypt(plaintext: bytes, passphrase: str, log_n: int) -> bytes:
    """``plaintext`` encrypted to ``passphrase`` with scrypt at N = 2**log_n."""
    file_key, salt = os.urandom(16), os.urandom(16)
    wrap_key = hashlib.scrypt(
        passphrase.encode(), salt=b"age-encryption.org/v1/scrypt" + salt, n=1 << log_n,
        r=8, p=1, dklen=32, maxmem=(1 << log_n) * 8 * 128 * 2,
    )  # fmt: skip
    wrapped = ChaCha20Poly1305(wrap_key).encrypt(bytes(12), file_key, None)
    header = (
        b"age-encryption.org/v1\n-> scrypt " + _b64(salt) + b" %d\n" % log_n
        + _b64(wrapped) + b"\n---"
    )  # fmt: skip
    mac = hmac.HMAC(_hkdf(file_key, b"", b"header"), hashes.SHA256())
    mac.update(header)
    nonce = os.urandom(16)
    stream = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    chunks = [plaintext[i : i + _CHUNK] for i in range(0, len(plaintext), _CHUNK)] or [b""]
    body = b"".join(
        stream.encrypt(n.to_bytes(11, "big") + bytes([n == len(chunks) - 1]), chunk, None)
        for n, chunk in enumerate(chunks)
    )
    return header + b" " + _b64(mac.finalize()) + b"\n" + nonce + body


def with_work_factor(data: bytes, log_n: int) -> bytes:
    """The same file claiming another work factor (it no longer decrypts: only the cost of
    trying changes)."""
    head, newline, rest = data.partition(b"\n-> scrypt ")
    stanza, _, tail = rest.partition(b"\n")
    salt = stanza.split(b" ")[0]
    return head + newline + salt + b" %d\n" % log_n + tail
