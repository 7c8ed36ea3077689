"""The vault header (``vault.key``): KDF parameters, one salt, and fixed-size key slots.

Byte layout (big-endian); ``docs/vault-format.md`` explains each choice::

    0    8  magic "HUSHNOTE"
    8    2  format version (1)
    10   1  KDF id (1 = Argon2id v1.3)
    11   1  slot count (8)
    12   4  slot size (4096)
    16   4  Argon2 memory, KiB
    20   4  Argon2 iterations
    24   4  Argon2 parallelism
    28   4  reserved, zero
    32  32  salt
    64      8 slots of 4096 bytes: nonce(12) | AES-256-GCM ciphertext(4068) | tag(16)

Every slot is sealed with the 64-byte prefix plus its index as associated data, so
changing a parameter, the salt or a slot's position fails authentication. An unused slot
is random bytes, which no one can tell from a sealed one.
"""

from __future__ import annotations

import enum
import os
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from hushnote.core.vault.kdf import KEY_SIZE, SALT_SIZE, KdfParams, check_params
from hushnote.core.vault.key_erase import HEADER_MAGIC
from hushnote.errors import HeaderCorruptedError, UnsupportedVersionError

__all__ = [
    "HEADER_SIZE",
    "PAYLOAD_CAPACITY",
    "SLOT_COUNT",
    "SLOT_SIZE",
    "Header",
    "OpenedSlot",
    "SlotContent",
    "SlotKind",
    "slot_key",
]

MAGIC = HEADER_MAGIC
FORMAT_VERSION = 1
KDF_ARGON2ID = 1
SLOT_COUNT = 8
SLOT_SIZE = 4096

_PREFIX = struct.Struct(">8sHBBIIII4s32s")
PREFIX_SIZE = _PREFIX.size
HEADER_SIZE = PREFIX_SIZE + SLOT_COUNT * SLOT_SIZE

_NONCE_SIZE = 12
_TAG_SIZE = 16
_SLOT_PLAINTEXT_SIZE = SLOT_SIZE - _NONCE_SIZE - _TAG_SIZE
_SLOT_FIELDS = struct.Struct(">BBH32s32s")
PAYLOAD_CAPACITY = _SLOT_PLAINTEXT_SIZE - _SLOT_FIELDS.size
_NO_KEY = bytes(KEY_SIZE)
_HKDF_INFO = b"hushnote v1 slot key"


class SlotKind(enum.IntEnum):
    """What opening a slot means; kept inside the ciphertext, so the header never shows it."""

    NORMAL = 1
    DURESS = 2


@dataclass(frozen=True)
class SlotContent:
    """The plaintext of one key slot.

    ``previous_dek`` is set only while a data-key rotation is in flight: whichever of the
    two keys opens the database is the current one, so a crash between writing the header
    and replacing the database never locks the user out.
    """

    kind: SlotKind
    dek: bytes
    previous_dek: bytes | None = None
    payload: bytes = b""

    def __post_init__(self) -> None:
        if len(self.dek) != KEY_SIZE:
            raise ValueError("a data key is 32 bytes")
        if self.previous_dek is not None and len(self.previous_dek) != KEY_SIZE:
            raise ValueError("a data key is 32 bytes")
        if len(self.payload) > PAYLOAD_CAPACITY:
            raise ValueError("slot payload too large")

    def to_plaintext(self) -> bytes:
        fields = _SLOT_FIELDS.pack(
            self.kind, 0, len(self.payload), self.dek, self.previous_dek or _NO_KEY
        )
        padding = bytes(PAYLOAD_CAPACITY - len(self.payload))
        return fields + self.payload + padding

    @classmethod
    def from_plaintext(cls, plaintext: bytes) -> SlotContent:
        kind, _flags, length, dek, previous = _SLOT_FIELDS.unpack_from(plaintext)
        payload_start = _SLOT_FIELDS.size
        # The slot authenticated, so these hold unless the sealing code itself is wrong.
        if length > PAYLOAD_CAPACITY:
            raise HeaderCorruptedError(reason="slot-payload")
        if kind not in SlotKind.__members__.values():
            raise UnsupportedVersionError(what="slot-kind", version=kind)
        return cls(
            kind=SlotKind(kind),
            dek=dek,
            previous_dek=None if previous == _NO_KEY else previous,
            payload=plaintext[payload_start : payload_start + length],
        )


@dataclass(frozen=True)
class OpenedSlot:
    """A slot the passphrase opened, with its position in the header."""

    index: int
    content: SlotContent


def slot_key(argon_output: bytes | bytearray) -> bytes:
    """Turn the Argon2id output into the AEAD key for slots (domain-separated by HKDF)."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_SIZE, salt=None, info=_HKDF_INFO).derive(
        bytes(argon_output)
    )


@dataclass(frozen=True)
class Header:
    """A parsed header: parameters, salt and the sealed slots, as raw bytes."""

    params: KdfParams
    salt: bytes
    slots: tuple[bytes, ...]

    @classmethod
    def new(cls, params: KdfParams) -> Header:
        """A header with a fresh salt and every slot random."""
        check_params(params)
        slots = tuple(os.urandom(SLOT_SIZE) for _ in range(SLOT_COUNT))
        return cls(params=params, salt=os.urandom(SALT_SIZE), slots=slots)

    @classmethod
    def parse(cls, data: bytes) -> Header:
        """Parse and bound-check ``data``; raise on anything but a well-formed v1 header."""
        if len(data) < PREFIX_SIZE:
            raise HeaderCorruptedError(reason="truncated")
        (
            magic,
            version,
            kdf_id,
            slot_count,
            slot_size,
            memory,
            iterations,
            lanes,
            reserved,
            salt,
        ) = _PREFIX.unpack_from(data)
        if magic != MAGIC:
            raise HeaderCorruptedError(reason="magic")
        if version > FORMAT_VERSION:
            raise UnsupportedVersionError(what="header", version=version)
        if version != FORMAT_VERSION or kdf_id != KDF_ARGON2ID or reserved != bytes(4):
            raise HeaderCorruptedError(reason="fields")
        if slot_count != SLOT_COUNT or slot_size != SLOT_SIZE:
            raise HeaderCorruptedError(reason="slot-geometry")
        if len(data) != HEADER_SIZE:
            raise HeaderCorruptedError(reason="truncated" if len(data) < HEADER_SIZE else "size")
        params = KdfParams(memory_kib=memory, iterations=iterations, parallelism=lanes)
        check_params(params)
        slots = tuple(
            data[PREFIX_SIZE + i * SLOT_SIZE : PREFIX_SIZE + (i + 1) * SLOT_SIZE]
            for i in range(SLOT_COUNT)
        )
        return cls(params=params, salt=salt, slots=slots)

    def prefix(self) -> bytes:
        return _PREFIX.pack(
            MAGIC,
            FORMAT_VERSION,
            KDF_ARGON2ID,
            SLOT_COUNT,
            SLOT_SIZE,
            self.params.memory_kib,
            self.params.iterations,
            self.params.parallelism,
            bytes(4),
            self.salt,
        )

    def to_bytes(self) -> bytes:
        return self.prefix() + b"".join(self.slots)

    def open_slots(self, key: bytes) -> list[OpenedSlot]:
        """Return every slot ``key`` opens.

        All slots are tried whatever matches first, so the time taken does not reveal
        which slot (normal or duress) the passphrase belongs to.
        """
        aead = AESGCM(key)
        prefix = self.prefix()
        opened = []
        for index, sealed in enumerate(self.slots):
            try:
                plaintext = aead.decrypt(
                    sealed[:_NONCE_SIZE], sealed[_NONCE_SIZE:], prefix + bytes([index])
                )
            except InvalidTag:
                continue
            opened.append(OpenedSlot(index, SlotContent.from_plaintext(plaintext)))
        return opened

    def with_slot(self, index: int, key: bytes, content: SlotContent) -> Header:
        """Return a copy with slot ``index`` sealed to ``content`` under ``key``."""
        nonce = os.urandom(_NONCE_SIZE)
        aad = self.prefix() + bytes([index])
        sealed = nonce + AESGCM(key).encrypt(nonce, content.to_plaintext(), aad)
        assert len(sealed) == SLOT_SIZE
        slots = list(self.slots)
        slots[index] = sealed
        return Header(params=self.params, salt=self.salt, slots=tuple(slots))

    def with_random_slot(self, index: int) -> Header:
        """Return a copy with slot ``index`` replaced by random bytes (emptied)."""
        slots = list(self.slots)
        slots[index] = os.urandom(SLOT_SIZE)
        return Header(params=self.params, salt=self.salt, slots=tuple(slots))
