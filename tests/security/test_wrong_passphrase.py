"""Wrong passphrases change nothing and learn nothing."""

from __future__ import annotations

import pytest

from conftest import VaultSetup
from hushnote.core import Vault
from hushnote.errors import AuthenticationError
from support.forensics import tree_digest


def test_twenty_wrong_passphrases_leave_every_file_byte_identical(
    fast_kdf_vault: VaultSetup,
) -> None:
    before = tree_digest(fast_kdf_vault.root)
    for attempt in range(20):
        with pytest.raises(AuthenticationError) as caught:
            Vault.unlock(fast_kdf_vault.root, f"guess number {attempt}")
        # The error carries nothing about the guess or the vault's secrets.
        assert caught.value.context == {}
        assert f"{attempt}" not in str(caught.value)
    assert tree_digest(fast_kdf_vault.root) == before
    Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase).lock()
