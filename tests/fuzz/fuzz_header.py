"""The vault header (``Header.parse``) and a key slot's plaintext (``SlotContent``).

Every input is parsed as a whole header and, cut or zero-padded to 4,068 bytes, as the
plaintext of one slot. A header that parses must serialise back to the same bytes, and
its slots are opened with a fixed key: the mutator re-seals the slots it could open after
changing their plaintext or the parameters they are bound to, so the fuzzer reaches the
slot parser through ``open_slots`` as the vault does, past AES-GCM.
"""

from __future__ import annotations

import os
import struct
from datetime import UTC, datetime

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from hushnote.core.vault.duress import DecoyNote, encode_decoy
from hushnote.core.vault.header import (
    HEADER_SIZE,
    SLOT_COUNT,
    SLOT_SIZE,
    Header,
    SlotContent,
    SlotKind,
)
from hushnote.core.vault.key_schedule import KdfParams
from hushnote.errors import HushnoteError

from .harness import Target

FUZZ_KEY = bytes(range(32))  # the slot key every seed is sealed with
PREFIX_SIZE = HEADER_SIZE - SLOT_COUNT * SLOT_SIZE
SLOT_PLAINTEXT = SLOT_SIZE - 12 - 16  # nonce and tag


def _parse(data: bytes) -> object:
    """Both readings; a typed error only when neither accepts the input."""
    try:
        header = Header.parse(data)
        assert header.to_bytes() == data, "a parsed header does not serialise back"
        return header.open_slots(FUZZ_KEY)
    except HushnoteError:
        slot = SlotContent.from_plaintext(data[:SLOT_PLAINTEXT].ljust(SLOT_PLAINTEXT, b"\0"))
        assert SlotContent.from_plaintext(slot.to_plaintext()) == slot, "slot round trip"
        return slot


def _seal(prefix: bytes, index: int, plaintext: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(FUZZ_KEY).encrypt(nonce, plaintext, prefix + bytes([index]))


def _open(prefix: bytes, index: int, sealed: bytes) -> bytes | None:
    try:
        return AESGCM(FUZZ_KEY).decrypt(sealed[:12], sealed[12:], prefix + bytes([index]))
    except InvalidTag:
        return None


def _mutate(data: bytes, max_size: int, seed: int) -> bytes:
    import atheris

    if len(data) != HEADER_SIZE or seed % 3 == 0:
        return bytes(atheris.Mutate(data, max_size))
    prefix = data[:PREFIX_SIZE]
    slots = [data[PREFIX_SIZE + i * SLOT_SIZE : PREFIX_SIZE + (i + 1) * SLOT_SIZE]
             for i in range(SLOT_COUNT)]  # fmt: skip
    plaintexts = {i: p for i in range(SLOT_COUNT) if (p := _open(prefix, i, slots[i])) is not None}
    if not plaintexts:
        return bytes(atheris.Mutate(data, max_size))
    if seed % 3 == 1:
        # The parameters and salt: every slot that opened is sealed again to the new ones.
        prefix = bytes(atheris.Mutate(prefix, PREFIX_SIZE)).ljust(PREFIX_SIZE, b"\0")
        prefix = prefix[:PREFIX_SIZE]
    else:
        index = sorted(plaintexts)[seed // 3 % len(plaintexts)]
        changed = bytes(atheris.Mutate(plaintexts[index], SLOT_PLAINTEXT))
        plaintexts[index] = changed.ljust(SLOT_PLAINTEXT, b"\0")[:SLOT_PLAINTEXT]
    for index, plaintext in plaintexts.items():
        slots[index] = _seal(prefix, index, plaintext)
    return prefix + b"".join(slots)


def _seeds() -> dict[str, bytes]:
    params = KdfParams(memory_kib=64 * 1024, iterations=2, parallelism=2)
    dek, old = bytes(range(100, 132)), bytes(range(200, 232))
    moment = datetime(2026, 5, 1, tzinfo=UTC)
    decoy = encode_decoy([DecoyNote("Groceries", "milk", moment, moment)])
    header = (
        Header.new(params)
        .with_slot(0, FUZZ_KEY, SlotContent(SlotKind.NORMAL, dek))
        .with_slot(3, FUZZ_KEY, SlotContent(SlotKind.DURESS, dek, payload=decoy))
        .with_slot(6, FUZZ_KEY, SlotContent(SlotKind.NORMAL, dek, previous_dek=old))
    )
    whole = header.to_bytes()
    fields = struct.pack(">BBH32s32s", 9, 0, 0, dek, bytes(32))
    return {
        "header": whole,
        "header-empty": Header.new(params).to_bytes(),
        "header-prefix": whole[:PREFIX_SIZE],
        "header-newer": whole[:8] + b"\x00\x02" + whole[10:],
        "slot-normal": SlotContent(SlotKind.NORMAL, dek).to_plaintext(),
        "slot-rotating": SlotContent(SlotKind.NORMAL, dek, previous_dek=old).to_plaintext(),
        "slot-duress": SlotContent(SlotKind.DURESS, dek, payload=decoy).to_plaintext(),
        "slot-unknown-kind": fields.ljust(SLOT_PLAINTEXT, b"\0"),
    }


TARGET = Target(
    name="header",
    parse=_parse,
    seeds=_seeds,
    max_len=HEADER_SIZE + 64,
    mutator=_mutate,
    dictionary=(
        b"HUSHNOTE",
        b"\x00\x01\x01\x08\x00\x00\x10\x00",
        b"\x00\x01\x00\x00",
        b"\xff\xff\xff\xff",
        b"\x00\x00\x00\x00",
    ),
)
