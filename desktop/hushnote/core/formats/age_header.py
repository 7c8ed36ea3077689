"""The header of an age file, read before age decrypts it: its recipient stanzas, and the
scrypt work factor a passphrase file asks for (https://age-encryption.org/v1).

A passphrase file names its own scrypt work factor, and decrypting it costs 2^N KiB of
memory and time to match: a crafted file asking for 2^22 held the importer for 24 s
and 4 GiB before failing. Like age's own tool, Hushnote refuses a factor above what it
accepts before scrypt runs. See docs/bundle-format.md for how the ceiling was chosen.
"""

from __future__ import annotations

import binascii
import re

from hushnote.errors import BundleDecryptionError, BundleTooLargeError

__all__ = [
    "HEADER_READ",
    "MAX_WORK_FACTOR",
    "check_work_factor",
    "is_passphrase",
    "read_recipients",
    "read_stanzas",
]

# age's own default is 18 (256 MiB, about 0.8 s here); pyrage picks about one second's
# worth on the machine that encrypts (18 or 19 here). 20 is 1 GiB and about 5 s here.
MAX_WORK_FACTOR = 20
HEADER_READ = 64 << 10  # a header with one stanza is under 200 bytes
_VERSION_LINE = b"age-encryption.org/v1"
_ARMOR = b"-----BEGIN AGE ENCRYPTED FILE-----"
# A decimal without leading zeros, as the age spec requires; two digits cover every
# factor scrypt can take.
_WORK_FACTOR = re.compile(rb"[1-9][0-9]?")

Stanza = list[bytes]  # its type ("X25519", "scrypt") and arguments


def read_stanzas(head: bytes) -> list[Stanza] | None:
    """The recipient stanzas in the first bytes of an age file, armored or not; None if
    the header does not end within ``head``. ``BundleDecryptionError`` if ``head`` does
    not start like an age file at all."""
    recipients = read_recipients(head)
    return None if recipients is None else [stanza for stanza, _ in recipients]


def read_recipients(head: bytes) -> list[tuple[Stanza, bytes]] | None:
    """As ``read_stanzas``, each stanza with its body (the wrapped file key, decoded);
    a body that is not base64 is empty, so that no recipient can take it."""
    data = _dearmored(head) if head.lstrip().startswith(_ARMOR) else head
    lines = data.split(b"\n")
    if lines[0] != _VERSION_LINE:
        raise BundleDecryptionError()
    stanzas: list[tuple[Stanza, list[bytes]]] = []
    for line in lines[1:-1]:  # the last piece may be cut off by the read
        if line.startswith(b"-> "):
            stanzas.append((line[3:].split(b" "), []))
        elif line.startswith(b"---"):
            return [(stanza, _body(body)) for stanza, body in stanzas]
        elif stanzas:
            stanzas[-1][1].append(line)
    return None


def _body(lines: list[bytes]) -> bytes:
    text = b"".join(lines)
    try:  # age writes base64 without padding
        return binascii.a2b_base64(text + b"=" * (-len(text) % 4), strict_mode=True)
    except binascii.Error:
        return b""


def is_passphrase(stanzas: list[Stanza]) -> bool:
    return any(stanza[0] == b"scrypt" for stanza in stanzas)


def check_work_factor(stanzas: list[Stanza]) -> None:
    """Refuse a passphrase header that scrypt should not be run for: a work factor over
    ``MAX_WORK_FACTOR`` (``BundleTooLargeError``), or one that age itself would refuse,
    such as several scrypt stanzas or a malformed factor (``BundleDecryptionError``)."""
    scrypt = [stanza for stanza in stanzas if stanza[0] == b"scrypt"]
    if not scrypt:
        return
    # The spec: a scrypt stanza is the only one, with a salt and a work factor.
    if len(stanzas) != 1 or len(scrypt[0]) != 3 or not _WORK_FACTOR.fullmatch(scrypt[0][2]):
        raise BundleDecryptionError()
    log_n = int(scrypt[0][2])
    if log_n > MAX_WORK_FACTOR:
        raise BundleTooLargeError(what="work-factor", log_n=log_n, maximum=MAX_WORK_FACTOR)


def _dearmored(head: bytes) -> bytes:
    """The binary start of an ASCII-armored age file (base64 lines between markers)."""
    body = []
    for line in head.lstrip().split(b"\n")[1:-1]:  # the last line may be cut off
        line = line.strip()
        if line.startswith(b"-----"):
            break
        body.append(line)
    text = b"".join(body)
    try:
        return binascii.a2b_base64(text[: len(text) // 4 * 4], strict_mode=True)
    except binascii.Error:
        raise BundleDecryptionError() from None
