"""What the normal key slot remembers about its vault, sealed with the data key.

Every slot has a 4,000-byte payload (``header.PAYLOAD_CAPACITY``); a duress slot keeps
its decoy there, and the normal slot keeps this record. Sealed inside the slot, it is
authenticated by the passphrase and invisible without it. It lets an unlock notice what
the SQLCipher file cannot tell on its own (docs/vault-format.md#vault-state):

- ``database_salt``: the first 16 bytes of ``vault.db`` (SQLCipher's per-file salt, in
  the clear). An empty file, another vault's database or another vault's header
  therefore fails with "do not belong together", not "damaged".
- ``counter``: the database's write counter when the header was last written. A
  database whose counter is lower was put back from an older copy.
- ``integrity_key``: the key of the per-record MACs (``record_integrity``). It is not
  derived from the data key, so a key rotation leaves every MAC valid.
- ``duress_index`` and ``duress_key``: where the duress slot is and the key that seals
  it, so that *every* header write can reseal all eight slots. Otherwise a write that
  changed only some slots would show, between two snapshots of the header, how many
  slots are live.

Byte layout (big-endian), version 1::

    0   1  version (1)
    1  16  database salt
    17  8  counter
    25 32  integrity key
    57  1  duress slot index (0xFF none; 0xFE unknown: a duress slot set by an older
           Hushnote may exist, so the other slots must be left as they are)
    58 32  duress slot key (zero when there is none)

A normal slot written before this record existed has an empty payload: it is read as
``None``, and the first unlock writes a record.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass, replace

from hushnote.core.vault.header import SLOT_COUNT, Header, SlotContent
from hushnote.errors import HeaderCorruptedError, UnsupportedVersionError

__all__ = [
    "DATABASE_SALT_SIZE",
    "NO_DURESS",
    "UNKNOWN_DURESS",
    "VaultState",
    "seal_all_slots",
]

_VERSION = 1
_LAYOUT = struct.Struct(">B16sQ32sB32s")
DATABASE_SALT_SIZE = 16
NO_DURESS = 0xFF
UNKNOWN_DURESS = 0xFE
_NO_KEY = bytes(32)


@dataclass(frozen=True)
class VaultState:
    """The normal slot's record of its database (see the module docstring)."""

    database_salt: bytes
    counter: int
    integrity_key: bytes
    duress_index: int = NO_DURESS
    duress_key: bytes = _NO_KEY

    @classmethod
    def new(cls, database_salt: bytes, *, legacy_duress: bool = False) -> VaultState:
        """A record for a database just created (or first seen), with a fresh MAC key."""
        return cls(
            database_salt=database_salt,
            counter=0,
            integrity_key=os.urandom(32),
            duress_index=UNKNOWN_DURESS if legacy_duress else NO_DURESS,
        )

    @property
    def has_duress(self) -> bool:
        return self.duress_index < SLOT_COUNT

    @property
    def others_unknown(self) -> bool:
        """Whether slots other than this one must keep their bytes (an old duress slot)."""
        return self.duress_index == UNKNOWN_DURESS

    def at(self, counter: int, database_salt: bytes | None = None) -> VaultState:
        return replace(
            self,
            counter=counter,
            database_salt=self.database_salt if database_salt is None else database_salt,
        )

    def with_duress(self, index: int | None, key: bytes | None) -> VaultState:
        if index is None or key is None:
            return replace(self, duress_index=NO_DURESS, duress_key=_NO_KEY)
        return replace(self, duress_index=index, duress_key=key)

    def to_payload(self) -> bytes:
        return _LAYOUT.pack(
            _VERSION,
            self.database_salt,
            self.counter,
            self.integrity_key,
            self.duress_index,
            self.duress_key,
        )

    @classmethod
    def from_payload(cls, payload: bytes) -> VaultState | None:
        """The record in a normal slot's payload; None for a slot from before it existed."""
        if not payload:
            return None
        if payload[0] > _VERSION:
            raise UnsupportedVersionError(what="vault-state", version=payload[0])
        if len(payload) < _LAYOUT.size or payload[0] != _VERSION:
            # The slot authenticated, so only a bug in the sealing code gets here.
            raise HeaderCorruptedError(reason="vault-state")
        _, salt, counter, integrity_key, duress_index, duress_key = _LAYOUT.unpack_from(payload)
        if duress_index not in (NO_DURESS, UNKNOWN_DURESS) and duress_index >= SLOT_COUNT:
            raise HeaderCorruptedError(reason="vault-state")
        return cls(salt, counter, integrity_key, duress_index, duress_key)


def seal_all_slots(
    header: Header, index: int, key: bytes | bytearray, content: SlotContent, state: VaultState
) -> Header:
    """Reseal every slot: ``index`` with ``content`` and ``state``, the duress slot (if
    any) with a fresh nonce, every other slot with fresh random bytes.

    So every header write changes all eight slots alike, whatever it is for.
    """
    sealed = header
    for other in range(SLOT_COUNT):
        if other == index or state.others_unknown:
            continue
        if state.has_duress and other == state.duress_index:
            duress = [slot for slot in header.open_slots(state.duress_key) if slot.index == other]
            if duress:
                sealed = sealed.with_slot(other, state.duress_key, duress[0].content)
                continue
        sealed = sealed.with_random_slot(other)
    return sealed.with_slot(index, key, replace(content, payload=state.to_payload()))
