"""Build the key-schedule vector ``vault-v1.key`` (run from the project root):

    .venv/bin/python tests/vectors/make_vault_key.py

The header is written by hand from docs/vault-format.md ("Key hierarchy", "Header
layout", "Key slots", "Vault state"), with argon2-cffi and cryptography called directly,
not through Hushnote. Every value is fixed, so the output is the same on every run:
``vault-v1.json`` records the passphrase, the intermediate values and the data key a
reader must find. ``tests/unit/core/test_key_schedule_vector.py`` checks Hushnote
against it, so that no change to the code can silently change the format.
"""

from __future__ import annotations

import hashlib
import json
import struct
import unicodedata
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

HERE = Path(__file__).parent

# NFD on purpose: "é" as e + U+0301, and a Chinese word. The docs say NFC before UTF-8.
PASSPHRASE = "cafe\u0301 律师 orbit lantern"
MEMORY_KIB, PASSES, LANES = 65536, 2, 1  # the floor: 64 MiB, t=2
SLOT_COUNT, SLOT_SIZE, PAYLOAD_CAPACITY = 8, 4096, 4000
NORMAL_SLOT = 5  # not slot 0, so that a reader that only tries the first slot fails
DURESS_NONE = 0xFF


def stream(label: str, size: int) -> bytes:
    """Deterministic bytes standing in for os.urandom, so the vector never changes."""
    out = b""
    counter = 0
    while len(out) < size:
        out += hashlib.sha256(f"{label}/{counter}".encode()).digest()
        counter += 1
    return out[:size]


def main() -> None:
    salt = stream("header salt", 32)
    dek = stream("data key", 32)
    db_salt = stream("database salt", 16)
    integrity_key = stream("integrity key", 32)
    counter = 7

    prefix = (
        b"HUSHNOTE"
        + struct.pack(">HBBI", 1, 1, SLOT_COUNT, SLOT_SIZE)
        + struct.pack(">III", MEMORY_KIB, PASSES, LANES)
        + bytes(4)
        + salt
    )
    assert len(prefix) == 64

    secret = unicodedata.normalize("NFC", PASSPHRASE).encode("utf-8")
    argon = hash_secret_raw(
        secret=secret, salt=salt, time_cost=PASSES, memory_cost=MEMORY_KIB,
        parallelism=LANES, hash_len=32, type=Type.ID,
    )  # fmt: skip
    slot_key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"hushnote v1 slot key"
    ).derive(argon)

    state = (
        bytes([1]) + db_salt + struct.pack(">Q", counter) + integrity_key
        + bytes([DURESS_NONE]) + bytes(32)
    )  # fmt: skip
    assert len(state) == 90
    plaintext = struct.pack(">BBH", 1, 0, len(state)) + dek + bytes(32) + state
    plaintext += bytes(SLOT_SIZE - 12 - 16 - len(plaintext))
    assert len(plaintext) == 4068 and len(plaintext) - 68 == PAYLOAD_CAPACITY

    nonce = stream("slot nonce", 12)
    sealed = nonce + AESGCM(slot_key).encrypt(nonce, plaintext, prefix + bytes([NORMAL_SLOT]))
    slots = [stream(f"empty slot {i}", SLOT_SIZE) for i in range(SLOT_COUNT)]
    slots[NORMAL_SLOT] = sealed
    header = prefix + b"".join(slots)
    assert len(header) == 32_832

    (HERE / "vault-v1.key").write_bytes(header)
    expected = {
        "passphrase": PASSPHRASE,
        "argon2id": {"memory_kib": MEMORY_KIB, "iterations": PASSES, "parallelism": LANES},
        "salt": salt.hex(),
        "argon2id_output": argon.hex(),
        "slot_key": slot_key.hex(),
        "slot": NORMAL_SLOT,
        "kind": "normal",
        "data_key": dek.hex(),
        "sqlcipher_key": f"x'{dek.hex()}'",
        "vault_state": {
            "database_salt": db_salt.hex(),
            "counter": counter,
            "integrity_key": integrity_key.hex(),
            "duress_slot": None,
        },
    }
    (HERE / "vault-v1.json").write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
