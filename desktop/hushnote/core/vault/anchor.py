"""A witness outside the vault folder, for the one rollback the folder cannot see itself.

The header records the database's write counter (``vault_state``), so a database put
back under the current header is refused. But someone who puts back the header *and*
the database from the same older copy restores a vault that is consistent with itself:
nothing inside the folder can prove that a newer state ever existed. Only a record kept
elsewhere can, one the person restoring the files cannot also roll back:

- another device that shares the vault (a shared notebook's peers remember the highest
  counter they saw);
- a hardware-backed store (a TPM's monotonic counter, a security key);
- the OS keyring, which is weaker: on the same disk, it is rolled back by anyone who
  restores a whole-disk image, but not by someone who swaps the vault folder alone.

A ``RollbackAnchor`` is that record. ``Vault.unlock`` asks it for the highest counter it
has seen, refuses a database behind it (``VaultRollbackError(what="vault")``), and tells
it every counter the header records. Hushnote ships no anchor yet: which one fits depends
on the user's devices, and shared notebooks will bring the first (docs/vault-format.md
#vault-state says what is and is not detected without one).
"""

from __future__ import annotations

import hashlib
from typing import Protocol

__all__ = ["RollbackAnchor", "anchor_name"]


class RollbackAnchor(Protocol):
    """Somewhere outside the vault folder that remembers how far a vault has got."""

    def seen(self, vault: str) -> int | None:
        """The highest counter recorded for ``vault``, or None if it never saw it."""

    def record(self, vault: str, counter: int) -> None:
        """Remember ``counter`` for ``vault`` (never lower what was seen before)."""


def anchor_name(salt: bytes) -> str:
    """The name a vault goes by in an anchor: a hash of its header's salt.

    The salt is fixed for the life of a vault and public (it is in the header in the
    clear), so this name reveals nothing and survives passphrase changes and rotations.
    """
    return hashlib.sha256(b"hushnote anchor\x00" + salt).hexdigest()
