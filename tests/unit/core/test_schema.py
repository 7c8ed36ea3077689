"""Schema migrations: from the first version to the latest, atomically, never downwards."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from conftest import VaultSetup
from hushnote.core import Vault, VaultPaths
from hushnote.core.atomic import create_private_file
from hushnote.core.store import schema as schema_module
from hushnote.core.store.database import Database
from hushnote.core.store.schema import LATEST_VERSION, MIGRATIONS, migrate, schema_version
from hushnote.core.vault.key_schedule import passphrase_key
from hushnote.errors import UnsupportedVersionError

KEY = os.urandom(32)


def database_at(path: Path, version: int) -> Database:
    create_private_file(path)
    db = Database.open(path, KEY)
    migrate(db, target=version)
    return db


def test_a_new_database_reaches_the_latest_version(tmp_path: Path) -> None:
    db = database_at(tmp_path / "v.db", LATEST_VERSION)
    assert schema_version(db) == LATEST_VERSION
    db.close()


@pytest.mark.parametrize("start", range(1, LATEST_VERSION + 1))
def test_every_version_since_the_first_migrates_with_its_data(tmp_path: Path, start: int) -> None:
    db = database_at(tmp_path / "v.db", start)
    with db.transaction() as connection:
        connection.execute("INSERT INTO settings (key, value) VALUES ('made at', ?)", (str(start),))
    db.close()
    db = Database.open(tmp_path / "v.db", KEY)
    assert migrate(db) == start
    assert schema_version(db) == LATEST_VERSION
    assert db.row("SELECT value FROM settings WHERE key = 'made at'")[0] == str(start)
    assert db.integrity_problems() == []
    db.close()


def test_a_vault_from_the_first_version_opens_with_current_code(
    fast_kdf_vault: VaultSetup, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rebuild the fixture's database as the first release wrote it.
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        dek = bytes(vault.keyring().data_key)
    path = VaultPaths(fast_kdf_vault.root).database
    path.unlink()
    db = database_at(path, 1)
    with db.transaction() as connection:
        connection.execute("INSERT INTO settings (key, value) VALUES ('old', 'kept')")
    db.close()
    # database_at used a throwaway key; re-encrypt under the vault's own.
    old = Database.open(path, KEY)
    old.export_to(path.with_name("vault.db.rekey"), dek)
    old.close()
    os.replace(path.with_name("vault.db.rekey"), path)
    forget_vault_state(fast_kdf_vault)  # and its header as the first release wrote it
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        assert vault.schema_version() == LATEST_VERSION
        assert vault.settings.get("old") == "kept"
        assert vault.check() == []


def forget_vault_state(setup: VaultSetup) -> None:
    """Reseal the normal slot without the vault state, as releases before it did."""
    import dataclasses

    from hushnote.core.vault.header import Header

    header_path = VaultPaths(setup.root).header
    header = Header.parse(header_path.read_bytes())
    key = bytes(passphrase_key(setup.passphrase, header.salt, header.params))
    (slot,) = header.open_slots(key)
    legacy = dataclasses.replace(slot.content, payload=b"")
    header_path.write_bytes(header.with_slot(slot.index, key, legacy).to_bytes())


def test_a_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    db = database_at(path, LATEST_VERSION)
    db.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    db.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    db = Database.open(path, KEY)
    with pytest.raises(UnsupportedVersionError):
        migrate(db)
    db.close()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_migration_that_fails_halfway_leaves_the_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = (*MIGRATIONS, ("CREATE TABLE half (x)", "THIS IS NOT SQL"))
    monkeypatch.setattr(schema_module, "MIGRATIONS", broken)
    monkeypatch.setattr(schema_module, "LATEST_VERSION", len(broken))
    db = database_at(tmp_path / "v.db", LATEST_VERSION)
    with pytest.raises(Exception, match="syntax error"):
        migrate(db)
    assert schema_version(db) == LATEST_VERSION
    assert db.row("SELECT count(*) FROM sqlite_master WHERE name = 'half'")[0] == 0
    db.close()


def test_version_two_notes_keep_their_bodies_through_version_three(tmp_path: Path) -> None:
    from hushnote.core import NoteStore

    db = database_at(tmp_path / "v.db", 2)
    with db.transaction() as connection:
        connection.execute(
            "INSERT INTO notes (uuid, title, body, created_at, updated_at) "
            "VALUES ('0d0e0f00-0000-4000-8000-000000000001', 'old', 'the old body', 1, 1)"
        )
    db.close()
    db = Database.open(tmp_path / "v.db", KEY)
    migrate(db)
    columns = [row[1] for row in db.rows("PRAGMA table_info(notes)")]
    assert "body" not in columns
    note = NoteStore(db).get("0d0e0f00")
    assert (note.title, note.body) == ("old", "the old body")
    assert db.integrity_problems() == []
    db.close()


def test_version_five_contacts_gain_an_empty_key_slot_in_version_six(tmp_path: Path) -> None:
    from hushnote.core import ContactStore

    db = database_at(tmp_path / "v.db", 5)
    with db.transaction() as connection:
        connection.execute(
            "INSERT INTO contacts (uuid, display_name, created_at, updated_at) "
            "VALUES ('0d0e0f00-0000-4000-8000-000000000002', 'Chen', 1, 1)"
        )
    db.close()
    db = Database.open(tmp_path / "v.db", KEY)
    assert migrate(db) == 5
    store = ContactStore(db)
    assert store.get("0d0e0f00").age_recipient is None
    key = "age1axxvcgj4e865e04knpm70lmrysqy4dy2l3je7ynfmuss4r28ggtser0nuu"
    assert store.set_key("0d0e0f00", key).age_recipient == key
    with pytest.raises(Exception, match="CHECK constraint"):  # the schema refuses junk too
        db.execute("UPDATE contacts SET age_recipient = 'ssh-rsa AAAA'")
    assert db.integrity_problems() == []
    db.close()
