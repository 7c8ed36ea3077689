"""What a weak passphrase costs an attacker who holds a copy of the disk.

One Argon2id run at the vault's own parameters is timed on this computer (in the
background, once, when a weak passphrase is about to be set), then scaled to an attacker's
hardware by two stated assumptions (docs/threat-model.md, "Guessing a copied vault"):

- ``ATTACKER_MEMORY_KIB``: Argon2id is memory-hard, so the guesses an attacker runs at once
  are bounded by memory: 1 TiB of fast memory (about forty 24 GiB GPUs, or a few rented
  servers) holds 1 TiB / m guesses in flight;
- ``ATTACKER_SPEEDUP``: each of those runs 10 times faster than here (GPU memory moves
  about 1 TB/s, a laptop's 50-100 GB/s).

Both err on the attacker's side: a real attacker pays for the memory, and an ordinary
laptop is slower per guess, not faster. The number is an order of magnitude, not a promise.
"""

from __future__ import annotations

from dataclasses import dataclass

from hushnote.core import KdfParams, time_derivation

__all__ = [
    "ATTACKER_MEMORY_KIB",
    "ATTACKER_SPEEDUP",
    "AttackCost",
    "attack_cost",
    "time_one_guess",
]

ATTACKER_MEMORY_KIB = 1024 * 1024 * 1024  # 1 TiB
ATTACKER_SPEEDUP = 10.0


@dataclass(frozen=True)
class AttackCost:
    """Guesses per second against one vault, and the seconds to find one passphrase.

    ``seconds`` is the average: half of the ``2 ** bits`` guesses the estimate credits.
    """

    params: KdfParams
    guesses_per_second: float
    seconds: float


def time_one_guess(params: KdfParams) -> float:
    """Seconds one Argon2id run at ``params`` takes on this computer (a slow call)."""
    return max(time_derivation(params), 1e-6)


def attack_cost(params: KdfParams, seconds_here: float, bits: float) -> AttackCost:
    """The attacker's rate against ``params`` and the average time to search ``bits``."""
    in_flight = max(1.0, ATTACKER_MEMORY_KIB / params.memory_kib)
    rate = in_flight * ATTACKER_SPEEDUP / max(seconds_here, 1e-6)
    guesses = 2.0 ** max(bits - 1.0, 0.0)
    return AttackCost(params=params, guesses_per_second=rate, seconds=guesses / rate)
