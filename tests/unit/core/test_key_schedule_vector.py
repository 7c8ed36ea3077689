"""The key schedule against a header written by hand from docs/vault-format.md.

``tests/vectors/vault-v1.key`` and ``vault-v1.json`` come from
``tests/vectors/make_vault_key.py``, which uses argon2-cffi and cryptography directly.
If any step here changes (normalisation, Argon2id's inputs, HKDF's info, the slot's
associated data or layout), vaults in the field stop opening: this test says which step.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from hushnote.core.vault.header import SLOT_COUNT, Header, SlotKind
from hushnote.core.vault.key_schedule import KdfParams, derive_key, passphrase_key, slot_key
from hushnote.core.vault.vault_state import VaultState

VECTORS = Path(__file__).parents[2] / "vectors"
EXPECTED = json.loads((VECTORS / "vault-v1.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def header() -> Header:
    return Header.parse((VECTORS / "vault-v1.key").read_bytes())


def test_the_header_fields_parse_as_documented(header: Header) -> None:
    assert header.params == KdfParams(**EXPECTED["argon2id"])
    assert header.salt.hex() == EXPECTED["salt"]
    assert len(header.slots) == SLOT_COUNT


def test_each_step_of_the_key_schedule(header: Header) -> None:
    argon = derive_key(EXPECTED["passphrase"], header.salt, header.params)
    assert argon.hex() == EXPECTED["argon2id_output"]
    key = slot_key(argon)
    assert key.hex() == EXPECTED["slot_key"]
    (opened,) = header.open_slots(key)
    assert opened.index == EXPECTED["slot"]
    assert opened.content.kind is SlotKind.NORMAL
    assert opened.content.dek.hex() == EXPECTED["data_key"]
    assert opened.content.previous_dek is None
    state = VaultState.from_payload(opened.content.payload)
    assert state is not None
    recorded = EXPECTED["vault_state"]
    assert state.database_salt.hex() == recorded["database_salt"]
    assert state.counter == recorded["counter"]
    assert state.integrity_key.hex() == recorded["integrity_key"]
    assert not state.has_duress and not state.others_unknown


def test_the_passphrase_is_normalised_to_nfc(header: Header) -> None:
    composed = unicodedata.normalize("NFC", EXPECTED["passphrase"])
    assert composed != EXPECTED["passphrase"]  # the vector really is typed decomposed
    argon = derive_key(composed, header.salt, header.params)
    assert argon.hex() == EXPECTED["argon2id_output"]


def test_the_unlock_path_finds_the_data_key() -> None:
    """Through the code unlock runs, not only the building blocks."""

    header = Header.parse((VECTORS / "vault-v1.key").read_bytes())
    opened = header.open_slots(
        bytes(passphrase_key(EXPECTED["passphrase"], header.salt, header.params))
    )
    assert [slot.content.dek.hex() for slot in opened] == [EXPECTED["data_key"]]
    wrong = header.open_slots(
        bytes(passphrase_key(EXPECTED["passphrase"] + " ", header.salt, header.params))
    )
    assert wrong == []


def test_the_slots_are_bound_to_the_prefix_and_their_position(header: Header) -> None:
    key = slot_key(derive_key(EXPECTED["passphrase"], header.salt, header.params))
    raw = bytearray(header.to_bytes())
    raw[40] ^= 0x01  # one bit of the salt, which is in every slot's associated data
    assert Header.parse(bytes(raw)).open_slots(key) == []
    index = EXPECTED["slot"]
    slots = list(header.slots)
    slots[index], slots[index - 1] = slots[index - 1], slots[index]
    swapped = Header(params=header.params, salt=header.salt, slots=tuple(slots))
    assert swapped.open_slots(key) == []
