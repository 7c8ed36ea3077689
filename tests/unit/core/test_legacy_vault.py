"""A vault made by Hushnote 0.1.0 opens, upgrades, and keeps its duress passphrase."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hushnote.core import Vault, VaultPaths
from hushnote.core.vault.header import SLOT_COUNT, Header
from hushnote.errors import AuthenticationError

DATA = Path(__file__).parents[2] / "data" / "vaults" / "v0.1.0"
REAL = "legacy vault passphrase"
DURESS = "legacy duress words"


@pytest.fixture
def legacy(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    shutil.copytree(DATA, root)
    root.chmod(0o700)
    return root


def test_a_010_vault_opens_with_everything_in_it(legacy: Path) -> None:
    with Vault.unlock(legacy, REAL) as vault:
        titles = sorted(summary.title for summary in vault.notes.summaries())
        assert titles == ["Legacy note one", "会议记录"]
        assert [c.display_name for c in vault.contacts.all_contacts()] == ["Ana Legacy"]
        assert vault.settings.get("auto_lock_minutes") == "5"
        assert [hit.title for hit in vault.searcher.search("星期四")] == ["会议记录"]
        assert vault.check() == []
    with Vault.unlock(legacy, REAL) as vault:  # and again, after the upgrade
        assert vault.check() == []


def test_its_duress_passphrase_survives_the_upgrade(legacy: Path) -> None:
    paths = VaultPaths(legacy)
    before = Header.parse(paths.header.read_bytes())
    with Vault.unlock(legacy, REAL) as vault:
        own = vault.keyring().slot_index
        vault.notes.create(title="after the upgrade")
        # 0.1.0 recorded no duress slot: this vault cannot know, so it says no...
        assert not vault.has_duress
    after = Header.parse(paths.header.read_bytes())
    # ...and leaves every other slot as it was, where an old duress slot may live.
    assert [i for i in range(SLOT_COUNT) if before.slots[i] != after.slots[i]] == [own]
    with Vault.unlock(legacy, DURESS) as vault:
        assert [s.title for s in vault.notes.summaries()] == ["Groceries"]
    with pytest.raises(AuthenticationError):
        Vault.unlock(legacy, REAL)


def test_setting_duress_again_brings_the_uniform_header_writes(legacy: Path) -> None:
    paths = VaultPaths(legacy)
    with Vault.unlock(legacy, REAL) as vault:
        vault.set_duress("new duress words", [("Recipes", "soup")])
        assert vault.has_duress
    before = Header.parse(paths.header.read_bytes())
    Vault.unlock(legacy, REAL).lock()
    after = Header.parse(paths.header.read_bytes())
    assert all(before.slots[i] != after.slots[i] for i in range(SLOT_COUNT))
    with pytest.raises(AuthenticationError):
        Vault.unlock(legacy, DURESS)  # the old duress slot is gone with the others
    with Vault.unlock(legacy, "new duress words") as vault:
        assert [s.title for s in vault.notes.summaries()] == ["Recipes"]


def test_a_010_vault_contact_can_take_a_key_after_the_upgrade(legacy: Path) -> None:
    key = "age1axxvcgj4e865e04knpm70lmrysqy4dy2l3je7ynfmuss4r28ggtser0nuu"
    with Vault.unlock(legacy, REAL) as vault:
        (ana,) = vault.contacts.all_contacts()
        assert ana.age_recipient is None
        vault.contacts.set_key(ana.uuid, key)
    with Vault.unlock(legacy, REAL) as vault:
        assert [c.age_recipient for c in vault.contacts.all_contacts()] == [key]
        assert vault.check() == []
