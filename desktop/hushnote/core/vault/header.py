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

from hushnote.core.vault.key_erase import HEADER_MAGIC
from hushnote.core.vault.key_schedule import (
    KEY_SIZE,
    NONCE_SIZE,
    SALT_SIZE,
    TAG_SIZE,
    KdfParams,
    check_params,
    seal,
    unseal,
    zero,
)
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
]

MAGIC = HEADER_MAGIC
FORMAT_VERSION = 1
KDF_ARGON2ID = 1
SLOT_COUNT = 8
SLOT_SIZE = 4096

_PREFIX = struct.Struct(">8sHBBIIII4s32s")
PREFIX_SIZE = _PREFIX.size
HEADER_SIZE = PREFIX_SIZE + SLOT_COUNT * SLOT_SIZE

_SLOT_PLAINTEXT_SIZE = SLOT_SIZE - NONCE_SIZE - TAG_SIZE
_SLOT_FIELDS = struct.Struct(">BBH32s32s")
PAYLOAD_CAPACITY = _SLOT_PLAINTEXT_SIZE - _SLOT_FIELDS.size
_NO_KEY = bytes(KEY_SIZE)


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

    The keys are ``bytearray``s, shared (never copied) by the contents made from this one
    with ``dataclasses.replace``: the vault zeroes them when it locks (``forget``).
    """

    kind: SlotKind
    dek: bytearray
    previous_dek: bytearray | None = None
    payload: bytes = b""

    def __post_init__(self) -> None:
        if len(self.dek) != KEY_SIZE:
            raise ValueError("a data key is 32 bytes")
        if self.previous_dek is not None and len(self.previous_dek) != KEY_SIZE:
            raise ValueError("a data key is 32 bytes")
        if len(self.payload) > PAYLOAD_CAPACITY:
            raise ValueError("slot payload too large")

    def forget(self) -> None:
        """Zero both keys in place (every content sharing them sees zeros from now on)."""
        zero(self.dek)
        zero(self.previous_dek)

    def to_plaintext(self) -> bytearray:
        """The slot's plaintext, in a buffer the caller zeroes once it is sealed."""
        plaintext = bytearray(_SLOT_PLAINTEXT_SIZE)
        _SLOT_FIELDS.pack_into(plaintext, 0, self.kind, 0, len(self.payload), b"", b"")
        keys = _SLOT_FIELDS.size - 2 * KEY_SIZE
        plaintext[keys : keys + KEY_SIZE] = self.dek
        if self.previous_dek is not None:
            plaintext[keys + KEY_SIZE : keys + 2 * KEY_SIZE] = self.previous_dek
        plaintext[_SLOT_FIELDS.size : _SLOT_FIELDS.size + len(self.payload)] = self.payload
        return plaintext

    @classmethod
    def from_plaintext(cls, plaintext: bytearray) -> SlotContent:
        """Copy the keys out of ``plaintext`` into buffers of their own (the caller zeroes
        ``plaintext`` afterwards)."""
        kind, _flags, length = struct.unpack_from(">BBH", plaintext)
        payload_start = _SLOT_FIELDS.size
        keys = payload_start - 2 * KEY_SIZE
        # The slot authenticated, so these hold unless the sealing code itself is wrong.
        if length > PAYLOAD_CAPACITY:
            raise HeaderCorruptedError(reason="slot-payload")
        if kind not in SlotKind.__members__.values():
            raise UnsupportedVersionError(what="slot-kind", version=kind)
        previous = plaintext[keys + KEY_SIZE : keys + 2 * KEY_SIZE]
        has_previous = previous != _NO_KEY  # all zeros: none, and nothing to forget
        return cls(
            kind=SlotKind(kind),
            dek=plaintext[keys : keys + KEY_SIZE],
            previous_dek=previous if has_previous else None,
            payload=bytes(plaintext[payload_start : payload_start + length]),
        )


@dataclass(frozen=True)
class OpenedSlot:
    """A slot the passphrase opened, with its position in the header."""

    index: int
    content: SlotContent


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

    def open_slots(self, key: bytes | bytearray) -> list[OpenedSlot]:
        """Return every slot ``key`` (a slot key, ``key_schedule.passphrase_key``) opens.

        All slots are tried whatever matches first, so the time taken does not reveal
        which slot (normal or duress) the passphrase belongs to.
        """
        prefix = self.prefix()
        opened = []
        for index, sealed in enumerate(self.slots):
            plaintext = unseal(key, sealed, prefix + bytes([index]))
            if plaintext is None:
                continue
            try:
                opened.append(OpenedSlot(index, SlotContent.from_plaintext(plaintext)))
            finally:
                zero(plaintext)
        return opened

    def with_slot(self, index: int, key: bytes | bytearray, content: SlotContent) -> Header:
        """Return a copy with slot ``index`` sealed to ``content`` under ``key``."""
        aad = self.prefix() + bytes([index])
        plaintext = content.to_plaintext()
        try:
            sealed = seal(key, plaintext, aad)
        finally:
            zero(plaintext)
        assert len(sealed) == SLOT_SIZE
        slots = list(self.slots)
        slots[index] = sealed
        return Header(params=self.params, salt=self.salt, slots=tuple(slots))

    def with_random_slot(self, index: int) -> Header:
        """Return a copy with slot ``index`` replaced by random bytes (emptied)."""
        slots = list(self.slots)
        slots[index] = os.urandom(SLOT_SIZE)
        return Header(params=self.params, salt=self.salt, slots=tuple(slots))
