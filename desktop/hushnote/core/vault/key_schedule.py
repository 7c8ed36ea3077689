"""The key schedule: every step from a passphrase to the vault's data key, in one place.

    passphrase --NFC, UTF-8--> Argon2id (header salt and parameters)
               --HKDF-SHA256 ("hushnote v1 slot key")--> slot key
               --AES-256-GCM (one key slot, prefix + index as associated data)--> data key
               --hex, x'...'--> SQLCipher raw key for vault.db

``docs/vault-format.md`` specifies each step and ``tests/vectors/`` pins it. Every
secret here lives in a ``bytearray`` its owner zeroes (``zero``): the Argon2id output as
soon as HKDF has read it, the slot key when the operation ends, a slot's plaintext as soon
as the data key is copied out of it. Python cannot promise that no other copy survives in
freed memory (the libraries' own buffers); docs/threat-model.md says so.

Argon2id's bounds come in three kinds, each for its own reason:
- the *floor* (64 MiB, t=2) applies to every parameter set, explicit or read from a header:
  below it a guess costs an attacker too little;
- the *ceiling* (2 GiB, t=16, p=16, and at most 5 GiB-passes of memory x iterations)
  applies to headers read from disk, so that a hostile header cannot hang or exhaust the
  machine: about 6 s here at the cap (docs/vault-format.md#key-derivation). 5 GiB-passes
  is the most the calibration can choose (512 MiB x 10), so every vault it made opens;
  the 4 GiB / 16 GiB-pass ceiling before this cost 52 s and 4.2 GB of memory per guess;
- the *calibrated default* (>= 512 MiB, unlock in about a second) is what a new vault gets.
"""

from __future__ import annotations

import os
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from hushnote.errors import KdfLimitError, PassphraseError

__all__ = [
    "KEY_SIZE",
    "NONCE_SIZE",
    "SALT_SIZE",
    "TAG_SIZE",
    "KdfParams",
    "available_memory_kib",
    "calibrate",
    "check_params",
    "derive_key",
    "encode_passphrase",
    "new_data_key",
    "passphrase_key",
    "seal",
    "slot_key",
    "time_derivation",
    "unseal",
    "zero",
]

KEY_SIZE = 32
SALT_SIZE = 32
NONCE_SIZE = 12
TAG_SIZE = 16
_HKDF_INFO = b"hushnote v1 slot key"

MIB = 1024  # in KiB, Argon2's unit

MIN_MEMORY_KIB = 64 * MIB
MIN_ITERATIONS = 2
MAX_MEMORY_KIB = 2 * 1024 * MIB
MAX_ITERATIONS = 16
MAX_PARALLELISM = 16
# memory x iterations, in GiB-passes: the calibration's own maximum (512 MiB x 10).
MAX_WORK_GIB_PASSES = 5
MAX_CALIBRATED_ITERATIONS = 10

DEFAULT_MEMORY_KIB = 512 * MIB
LOW_MEMORY_KIB = 256 * MIB
TARGET_SECONDS = 1.0
# Leave this much free beside Argon2's buffer, so unlocking never pushes a machine to swap.
MEMORY_HEADROOM_KIB = 256 * MIB


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters as stored in the vault header."""

    memory_kib: int
    iterations: int
    parallelism: int

    @property
    def memory_mib(self) -> int:
        return self.memory_kib // MIB


def check_params(params: KdfParams, *, available_kib: int | None = None) -> None:
    """Raise ``KdfLimitError`` unless ``params`` are within the floor and the ceiling.

    ``available_kib``, when given, also refuses a memory cost this machine cannot pay
    without swapping or waking the OOM killer (Linux overcommits, so allocation alone
    would not fail cleanly).
    """
    if params.memory_kib < MIN_MEMORY_KIB:
        raise KdfLimitError(parameter="memory_mib", value=params.memory_mib, minimum=64)
    if params.iterations < MIN_ITERATIONS:
        raise KdfLimitError(parameter="iterations", value=params.iterations, minimum=2)
    if params.parallelism < 1:
        raise KdfLimitError(parameter="parallelism", value=params.parallelism, minimum=1)
    if params.memory_kib > MAX_MEMORY_KIB:
        raise KdfLimitError(
            parameter="memory_mib", value=params.memory_mib, maximum=MAX_MEMORY_KIB // MIB
        )
    if params.iterations > MAX_ITERATIONS:
        raise KdfLimitError(parameter="iterations", value=params.iterations, maximum=MAX_ITERATIONS)
    if params.parallelism > MAX_PARALLELISM:
        raise KdfLimitError(
            parameter="parallelism", value=params.parallelism, maximum=MAX_PARALLELISM
        )
    if params.memory_kib * params.iterations > MAX_WORK_GIB_PASSES * 1024 * MIB:
        raise KdfLimitError(
            parameter="work",
            value=params.memory_mib * params.iterations,
            maximum=MAX_WORK_GIB_PASSES * 1024,
        )
    if available_kib is not None and params.memory_kib > available_kib:
        raise KdfLimitError(
            parameter="available_memory_mib",
            value=params.memory_mib,
            maximum=available_kib // MIB,
        )


def encode_passphrase(passphrase: str) -> bytes:
    """Return the bytes Argon2id sees for ``passphrase``.

    NFC normalisation makes the same passphrase typed through different input methods
    (a precomposed or a combining accent, a CJK IME) derive the same key.
    """
    if not passphrase:
        raise PassphraseError(reason="empty")
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytearray:
    """Run Argon2id once and return a 32-byte key the caller must zero after use."""
    check_params(params, available_kib=available_memory_kib())
    raw = hash_secret_raw(
        secret=encode_passphrase(passphrase),
        salt=salt,
        time_cost=params.iterations,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_SIZE,
        type=Type.ID,
    )
    return bytearray(raw)


def available_memory_kib() -> int | None:
    """Return MemAvailable from /proc/meminfo, or None where the kernel does not say."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def default_parallelism() -> int:
    """Lanes the user's own cores can run at once; an attacker's cost does not drop with it."""
    return max(1, min(4, os.cpu_count() or 1))


def calibrate(
    *,
    target_seconds: float = TARGET_SECONDS,
    available_kib: int | None = None,
    measure: Callable[[KdfParams], float] | None = None,
) -> KdfParams:
    """Choose parameters for a new vault: >= 512 MiB where memory allows, ~1 s to unlock.

    On a machine with little free memory the cost steps down, never below 256 MiB.
    Iterations then scale so that one derivation takes about ``target_seconds``.
    """
    if available_kib is None:
        available_kib = available_memory_kib()
    memory = DEFAULT_MEMORY_KIB
    if available_kib is not None and available_kib - MEMORY_HEADROOM_KIB < memory:
        memory = max(LOW_MEMORY_KIB, (available_kib - MEMORY_HEADROOM_KIB) // MIB * MIB)
    probe = KdfParams(memory_kib=memory, iterations=2, parallelism=default_parallelism())
    elapsed = (measure or time_derivation)(probe)
    per_pass = max(elapsed / probe.iterations, 1e-3)
    iterations = round(target_seconds / per_pass)
    iterations = max(MIN_ITERATIONS, min(iterations, MAX_CALIBRATED_ITERATIONS))
    return KdfParams(memory_kib=memory, iterations=iterations, parallelism=probe.parallelism)


def time_derivation(params: KdfParams) -> float:
    """Seconds one Argon2id run at ``params`` takes on this computer (a slow call)."""
    salt = os.urandom(SALT_SIZE)
    start = time.perf_counter()
    key = derive_key("calibration", salt, params)
    elapsed = time.perf_counter() - start
    zero(key)
    return elapsed


# -- from the Argon2id output to the data key -----------------------------------------


def slot_key(argon_output: bytes | bytearray) -> bytearray:
    """Turn the Argon2id output into the AEAD key for slots (domain-separated by HKDF)."""
    key = bytearray(KEY_SIZE)
    HKDF(algorithm=hashes.SHA256(), length=KEY_SIZE, salt=None, info=_HKDF_INFO).derive_into(
        argon_output, key
    )
    return key


def passphrase_key(passphrase: str, salt: bytes, params: KdfParams) -> bytearray:
    """The slot key for ``passphrase``: one Argon2id run, then HKDF; the caller zeroes it."""
    argon = derive_key(passphrase, salt, params)
    try:
        return slot_key(argon)
    finally:
        zero(argon)


def seal(key: bytes | bytearray, plaintext: bytes | bytearray, aad: bytes) -> bytes:
    """``nonce | AES-256-GCM ciphertext | tag`` of ``plaintext`` under ``key``."""
    nonce = os.urandom(NONCE_SIZE)
    sealed = bytearray(NONCE_SIZE + len(plaintext) + TAG_SIZE)
    sealed[:NONCE_SIZE] = nonce
    AESGCM(key).encrypt_into(nonce, plaintext, aad, memoryview(sealed)[NONCE_SIZE:])
    return bytes(sealed)


def unseal(key: bytes | bytearray, sealed: bytes, aad: bytes) -> bytearray | None:
    """The plaintext of ``sealed``, decrypted into a buffer the caller zeroes; None if
    ``key`` does not open it (or it was altered)."""
    plaintext = bytearray(max(0, len(sealed) - NONCE_SIZE - TAG_SIZE))
    try:
        AESGCM(key).decrypt_into(sealed[:NONCE_SIZE], sealed[NONCE_SIZE:], aad, plaintext)
    except (InvalidTag, ValueError):
        zero(plaintext)
        return None
    return plaintext


def new_data_key() -> bytearray:
    """A fresh random data key, read from the kernel straight into a zeroable buffer."""
    key = bytearray(KEY_SIZE)
    with open("/dev/urandom", "rb", buffering=0) as source:
        if source.readinto(key) != KEY_SIZE:
            raise OSError("short read from /dev/urandom")
    return key


def zero(buffer: bytearray | None) -> None:
    """Overwrite ``buffer`` with zeros in place (a no-op for None)."""
    if buffer is not None:
        buffer[:] = bytes(len(buffer))
