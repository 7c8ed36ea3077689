"""The header: layout, bounds, slot sealing, and what tampering does."""

from __future__ import annotations

import os
import struct

import pytest

from hushnote.core.vault.header import (
    HEADER_SIZE,
    PAYLOAD_CAPACITY,
    PREFIX_SIZE,
    SLOT_COUNT,
    SLOT_SIZE,
    Header,
    SlotContent,
    SlotKind,
)
from hushnote.core.vault.key_schedule import MIB, KdfParams
from hushnote.errors import HeaderCorruptedError, KdfLimitError, UnsupportedVersionError

PARAMS = KdfParams(64 * MIB, 2, 2)
KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))


def sealed_header() -> tuple[Header, SlotContent]:
    content = SlotContent(kind=SlotKind.NORMAL, dek=os.urandom(32), payload=b"decoy notes")
    return Header.new(PARAMS).with_slot(5, KEY, content), content


def test_layout_is_fixed_size_with_at_least_four_slots() -> None:
    header, _ = sealed_header()
    data = header.to_bytes()
    assert SLOT_COUNT >= 4
    assert len(data) == HEADER_SIZE == PREFIX_SIZE + SLOT_COUNT * SLOT_SIZE
    assert data[:8] == b"HUSHNOTE"
    assert Header.parse(data) == header


def test_the_passphrase_key_opens_only_its_own_slot() -> None:
    header, content = sealed_header()
    opened = header.open_slots(KEY)
    assert [(slot.index, slot.content) for slot in opened] == [(5, content)]
    assert header.open_slots(OTHER_KEY) == []


def test_one_used_slot_and_two_used_slots_look_the_same_from_outside() -> None:
    one, _ = sealed_header()
    two = one.with_slot(1, OTHER_KEY, SlotContent(SlotKind.DURESS, os.urandom(32)))
    assert len(one.to_bytes()) == len(two.to_bytes())
    assert one.prefix() == two.prefix()
    # Random and sealed slots alike: no slot starts with a recognisable marker.
    assert len({slot[:4] for slot in two.slots}) == SLOT_COUNT


def test_slot_content_round_trips_with_a_rotation_in_flight() -> None:
    content = SlotContent(SlotKind.NORMAL, os.urandom(32), previous_dek=os.urandom(32))
    header = Header.new(PARAMS).with_slot(0, KEY, content)
    assert header.open_slots(KEY)[0].content == content


def test_payload_capacity_is_enforced() -> None:
    SlotContent(SlotKind.DURESS, os.urandom(32), payload=bytes(PAYLOAD_CAPACITY))
    with pytest.raises(ValueError, match="too large"):
        SlotContent(SlotKind.DURESS, os.urandom(32), payload=bytes(PAYLOAD_CAPACITY + 1))


@pytest.mark.parametrize("offset", [16, 20, 24, 40, 63])
def test_changing_parameters_or_salt_breaks_every_slot(offset: int) -> None:
    header, _ = sealed_header()
    data = bytearray(header.to_bytes())
    data[offset] ^= 0x01
    try:
        tampered = Header.parse(bytes(data))
    except KdfLimitError:
        return  # pushed out of bounds: refused before any derivation
    assert tampered.open_slots(KEY) == []


def test_moving_a_slot_breaks_it() -> None:
    header, _ = sealed_header()
    slots = list(header.slots)
    slots[5], slots[6] = slots[6], slots[5]
    moved = Header(params=header.params, salt=header.salt, slots=tuple(slots))
    assert moved.open_slots(KEY) == []


@pytest.mark.parametrize(
    "offset", [0, PREFIX_SIZE + 5 * SLOT_SIZE + 40, PREFIX_SIZE + 6 * SLOT_SIZE - 1]
)
def test_flipped_slot_bytes_fail_authentication(offset: int) -> None:
    header, _ = sealed_header()
    data = bytearray(header.to_bytes())
    if offset == 0:
        offset = PREFIX_SIZE + 5 * SLOT_SIZE  # the nonce of the used slot
    data[offset] ^= 0x80
    assert Header.parse(bytes(data)).open_slots(KEY) == []


@pytest.mark.parametrize("length", [0, 7, PREFIX_SIZE - 1, PREFIX_SIZE, HEADER_SIZE - 1])
def test_truncated_headers_are_refused(length: int) -> None:
    header, _ = sealed_header()
    with pytest.raises(HeaderCorruptedError):
        Header.parse(header.to_bytes()[:length])


def test_padded_header_is_refused() -> None:
    header, _ = sealed_header()
    with pytest.raises(HeaderCorruptedError) as caught:
        Header.parse(header.to_bytes() + b"\0")
    assert caught.value.context["reason"] == "size"


def test_garbage_is_not_a_header() -> None:
    with pytest.raises(HeaderCorruptedError) as caught:
        Header.parse(os.urandom(HEADER_SIZE))
    assert caught.value.context["reason"] == "magic"


def test_a_newer_format_is_reported_as_such() -> None:
    header, _ = sealed_header()
    data = bytearray(header.to_bytes())
    struct.pack_into(">H", data, 8, 2)
    with pytest.raises(UnsupportedVersionError):
        Header.parse(bytes(data))


@pytest.mark.parametrize(
    ("offset", "value"),
    [(16, 1 << 31), (20, 1_000_000), (24, 4096)],
)
def test_hostile_parameters_are_refused_at_parse_time(offset: int, value: int) -> None:
    header, _ = sealed_header()
    data = bytearray(header.to_bytes())
    struct.pack_into(">I", data, offset, value)
    with pytest.raises(KdfLimitError):
        Header.parse(bytes(data))


def test_wrong_slot_geometry_is_refused() -> None:
    header, _ = sealed_header()
    data = bytearray(header.to_bytes())
    data[11] = 2
    with pytest.raises(HeaderCorruptedError):
        Header.parse(bytes(data))
