"""Optional wipe after N wrong passphrases in a row."""

from __future__ import annotations

import pytest

from conftest import VaultSetup
from hushnote.core import Vault
from hushnote.core.paths import app_config_dir
from hushnote.core.vault.unlock_guard import UnlockGuard
from hushnote.errors import AuthenticationError, InvalidRecordError, VaultNotFoundError


def wrong(setup: VaultSetup, times: int) -> None:
    for _ in range(times):
        with pytest.raises(AuthenticationError):
            Vault.unlock(setup.root, "wrong guess")


def test_off_by_default_and_then_nothing_is_written(fast_kdf_vault: VaultSetup) -> None:
    wrong(fast_kdf_vault, 5)
    assert not app_config_dir().exists()
    Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase).lock()


def test_wipes_after_the_limit_in_a_row(fast_kdf_vault: VaultSetup) -> None:
    UnlockGuard(fast_kdf_vault.root).set_limit(3)
    wrong(fast_kdf_vault, 2)
    Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase).lock()  # resets the count
    wrong(fast_kdf_vault, 2)
    assert fast_kdf_vault.root.exists()
    wrong(fast_kdf_vault, 1)
    assert not fast_kdf_vault.root.exists()
    with pytest.raises(VaultNotFoundError):
        Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase)


def test_limits_are_bounded_and_can_be_turned_off(fast_kdf_vault: VaultSetup) -> None:
    guard = UnlockGuard(fast_kdf_vault.root)
    with pytest.raises(InvalidRecordError):
        guard.set_limit(1)
    guard.set_limit(10)
    assert guard.limit == 10
    guard.set_limit(None)
    assert guard.limit is None
    wrong(fast_kdf_vault, 12)
    assert fast_kdf_vault.root.exists()


def test_the_tries_left_are_readable_without_the_passphrase(fast_kdf_vault: VaultSetup) -> None:
    guard = UnlockGuard(fast_kdf_vault.root)
    assert guard.remaining is None  # off
    guard.set_limit(4)
    assert guard.remaining == 4
    wrong(fast_kdf_vault, 2)
    # A fresh guard, as a fresh process on the unlock screen reads it.
    assert UnlockGuard(fast_kdf_vault.root).remaining == 2
    Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase).lock()
    assert UnlockGuard(fast_kdf_vault.root).remaining == 4
