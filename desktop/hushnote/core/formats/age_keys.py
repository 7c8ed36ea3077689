"""Colleagues' age public keys: checking one, and the fingerprint people read aloud.

A contact may hold one X25519 recipient (``age1…``), the key a colleague's vault shows
under *My bundle key*. Before relying on it, both ends compare its fingerprint over a
channel an attacker cannot rewrite (a phone call, in person): docs/bundle-format.md
defines it, so that any tool can compute the same digits.
"""

from __future__ import annotations

import hashlib

import pyrage
from pyrage import x25519

from hushnote.errors import InvalidRecordError

__all__ = ["FINGERPRINT_DIGITS", "key_fingerprint", "normalize_recipient"]

FINGERPRINT_DIGITS = 20  # about 2^66 keys to try before one matches a given fingerprint
_GROUP = 5
_SECRET_PREFIX = "AGE-SECRET-KEY-"  # noqa: S105 - the prefix that marks one, not a secret
_MAX_TEXT = 200  # a recipient is 62 characters; anything far longer is not one


def normalize_recipient(text: str) -> str:
    """The canonical (lowercase) form of an ``age1…`` X25519 public key.

    ``InvalidRecordError(field="age_recipient")`` otherwise; its reason is
    ``secret-key`` for an identity pasted by mistake (the message must say so: that
    text must never be sent anywhere), else ``not-an-age-key``.
    """
    clean = text.strip()
    if clean.upper().startswith(_SECRET_PREFIX):
        raise InvalidRecordError(field="age_recipient", reason="secret-key")
    if not clean or len(clean) > _MAX_TEXT:
        raise InvalidRecordError(field="age_recipient", reason="not-an-age-key")
    try:
        return str(x25519.Recipient.from_str(clean))
    except (pyrage.RecipientError, ValueError):
        raise InvalidRecordError(field="age_recipient", reason="not-an-age-key") from None


def key_fingerprint(recipient: str) -> str:
    """Twenty digits in groups of five, from SHA-256 of the canonical recipient text.

    The first 16 bytes of the digest, read as a big-endian integer, modulo 10^20 (the
    bias of the modulo is below 2^-60), zero-padded: ``"04217 93310 58862 10457"``.
    Digits read aloud in any language, and every phone keypad has them.
    """
    canonical = normalize_recipient(recipient)
    digest = hashlib.sha256(canonical.encode("ascii")).digest()
    number = int.from_bytes(digest[:16], "big") % 10**FINGERPRINT_DIGITS
    digits = f"{number:0{FINGERPRINT_DIGITS}d}"
    return " ".join(digits[i : i + _GROUP] for i in range(0, FINGERPRINT_DIGITS, _GROUP))
