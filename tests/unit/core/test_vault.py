"""Vault lifecycle: create, unlock, lock, change passphrase, rotate key, check."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
from pathlib import Path

import pytest

from conftest import VaultSetup
from hushnote.core import KdfParams, NewContact, Vault, VaultPaths, read_info
from hushnote.core.store.database import Database
from hushnote.core.vault.header import SLOT_COUNT, Header, SlotContent
from hushnote.core.vault.key_schedule import passphrase_key
from hushnote.errors import (
    AuthenticationError,
    HeaderCorruptedError,
    KdfLimitError,
    PassphraseError,
    VaultBusyError,
    VaultCorruptedError,
    VaultExistsError,
    VaultLocationError,
    VaultLockedError,
    VaultNotFoundError,
)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def current_slot(setup: VaultSetup, passphrase: str | None = None) -> SlotContent:
    header = Header.parse(VaultPaths(setup.root).header.read_bytes())
    key = passphrase_key(passphrase or setup.passphrase, header.salt, header.params)
    (slot,) = header.open_slots(bytes(key))
    return slot.content


def keys_of(content: SlotContent) -> tuple[bytes, bytes | None]:
    """The data keys a slot holds (its vault state moves on with every write)."""
    return content.dek, content.previous_dek


# -- create -------------------------------------------------------------------------


def test_create_makes_a_private_folder_with_exactly_two_files(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    previous = os.umask(0o022)  # what a library caller may have: the vault must not rely on it
    try:
        root = tmp_path / "nested" / "vault"
        with Vault.create(root, "pw", kdf=fast_kdf_params):
            assert mode(root) == 0o700
            for path in root.iterdir():
                assert mode(path) == 0o600, path
    finally:
        os.umask(previous)
    assert sorted(os.listdir(root)) == ["vault.db", "vault.key"]


def test_database_has_no_plaintext_sqlite_header(fast_kdf_vault: VaultSetup) -> None:
    data = VaultPaths(fast_kdf_vault.root).database.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert b"SQLite format" not in data
    assert b"CREATE TABLE" not in data


def test_create_refuses_an_existing_vault_and_changes_nothing(
    fast_kdf_vault: VaultSetup, fast_kdf_params: KdfParams
) -> None:
    before = sha256(VaultPaths(fast_kdf_vault.root).header)
    with pytest.raises(VaultExistsError):
        Vault.create(fast_kdf_vault.root, "other", kdf=fast_kdf_params)
    assert sha256(VaultPaths(fast_kdf_vault.root).header) == before


def test_create_refuses_a_folder_with_other_files(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir(mode=0o755)
    (documents / "letter.txt").write_text("hello")
    with pytest.raises(VaultLocationError):
        Vault.create(documents, "pw", kdf=fast_kdf_params)
    assert mode(documents) == 0o755
    assert os.listdir(documents) == ["letter.txt"]


def test_create_refuses_a_file(tmp_path: Path, fast_kdf_params: KdfParams) -> None:
    path = tmp_path / "file"
    path.write_text("x")
    with pytest.raises(VaultLocationError):
        Vault.create(path, "pw", kdf=fast_kdf_params)


def test_create_accepts_an_empty_existing_folder(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    (tmp_path / "empty").mkdir()
    Vault.create(tmp_path / "empty", "pw", kdf=fast_kdf_params).lock()
    assert mode(tmp_path / "empty") == 0o700


def test_create_refuses_bad_input_before_touching_the_disk(tmp_path: Path) -> None:
    with pytest.raises(PassphraseError):
        Vault.create(tmp_path / "a", "", kdf=KdfParams(64 * 1024, 2, 1))
    with pytest.raises(KdfLimitError):
        Vault.create(tmp_path / "b", "pw", kdf=KdfParams(8 * 1024, 2, 1))
    assert not (tmp_path / "a").exists()
    assert not (tmp_path / "b").exists()


# -- unlock and lock ----------------------------------------------------------------


def test_unlock_with_the_right_passphrase(fast_kdf_vault: VaultSetup) -> None:
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        vault.settings.set("k", "v")
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        assert vault.settings.get("k") == "v"


@pytest.mark.parametrize(
    "wrong", ["wrong", "correct horse battery staple ", "Correct horse battery staple"]
)
def test_wrong_passphrase_is_an_authentication_error(
    fast_kdf_vault: VaultSetup, wrong: str
) -> None:
    with pytest.raises(AuthenticationError):
        Vault.unlock(fast_kdf_vault.root, wrong)


def test_unlock_of_a_missing_vault(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFoundError):
        Vault.unlock(tmp_path / "nothing", "pw")


def test_unlock_without_header_but_with_database(fast_kdf_vault: VaultSetup) -> None:
    VaultPaths(fast_kdf_vault.root).header.unlink()
    with pytest.raises(HeaderCorruptedError):
        Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase)


def test_unlock_without_database(fast_kdf_vault: VaultSetup) -> None:
    VaultPaths(fast_kdf_vault.root).database.unlink()
    with pytest.raises(VaultCorruptedError):
        Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase)


def test_lock_closes_the_database_and_zeroes_the_keys(fast_kdf_vault: VaultSetup) -> None:
    vault = Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase)
    keys = vault.keyring()
    slot_key, data_key = keys.slot_key, keys.data_key
    assert any(slot_key) and any(data_key)
    vault.lock()
    # The one buffer each key lives in is zeroed in place.
    assert slot_key == bytearray(32) and data_key == bytearray(32)
    assert keys.forgotten
    assert vault.is_locked
    with pytest.raises(VaultLockedError):
        vault.settings.get("x")
    with pytest.raises(VaultLockedError):
        vault.change_passphrase("new")
    with pytest.raises(VaultLockedError):
        vault.rotate_key()
    vault.lock()  # twice is fine


def test_lock_removes_the_wal(fast_kdf_vault: VaultSetup) -> None:
    paths = VaultPaths(fast_kdf_vault.root)
    vault = Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase)
    vault.settings.set("k", "v" * 1000)
    vault.lock()
    assert sorted(os.listdir(paths.root)) == ["vault.db", "vault.key"]


def test_a_second_unlock_while_open_is_refused_then_allowed_after_lock(
    fast_kdf_vault: VaultSetup,
) -> None:
    first = Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase)
    with pytest.raises(VaultBusyError):
        Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase)
    first.lock()
    Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase).lock()


def test_unlock_restores_loosened_permissions(fast_kdf_vault: VaultSetup) -> None:
    paths = VaultPaths(fast_kdf_vault.root)
    os.chmod(paths.root, 0o755)  # noqa: S103 - loosened on purpose, to be tightened
    os.chmod(paths.database, 0o644)
    Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase).lock()
    assert mode(paths.root) == 0o700
    assert mode(paths.database) == 0o600


# -- database settings --------------------------------------------------------------


def test_every_hardening_pragma_is_in_effect(fast_kdf_vault: VaultSetup) -> None:
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        db = vault.db
        assert db.pragma_value("temp_store") == 2  # MEMORY
        assert db.pragma_value("secure_delete") == 1
        assert db.pragma_value("journal_mode") == "wal"
        assert db.pragma_value("synchronous") == 2  # FULL
        assert db.pragma_value("cipher_log_level") == "NONE"
        assert db.pragma_value("foreign_keys") == 1
        assert db.pragma_value("cipher_version")


def test_deleting_truncates_the_wal(fast_kdf_vault: VaultSetup) -> None:
    paths = VaultPaths(fast_kdf_vault.root)
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        vault.settings.set("k", "x" * 5000)
        wal = paths.root / "vault.db-wal"
        assert wal.stat().st_size > 0
        vault.settings.delete("k")
        assert wal.stat().st_size == 0


def test_short_raw_keys_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    path.touch()
    with pytest.raises(ValueError, match="32 bytes"):
        Database.open(path, b"\x01" * 31)


# -- change passphrase --------------------------------------------------------------


def test_change_passphrase_rewrites_only_the_header(fast_kdf_vault: VaultSetup) -> None:
    paths = VaultPaths(fast_kdf_vault.root)
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        vault.settings.set("k", "kept")
    dek_before = current_slot(fast_kdf_vault).dek
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        vault.db.checkpoint()
        database_before = sha256(paths.database)
        vault.change_passphrase("a new passphrase")
        assert vault.settings.get("k") == "kept"
        vault.db.checkpoint()
        assert sha256(paths.database) == database_before
    with pytest.raises(AuthenticationError):
        Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase)
    with Vault.unlock(fast_kdf_vault.root, "a new passphrase") as vault:
        assert vault.settings.get("k") == "kept"
    assert current_slot(fast_kdf_vault, "a new passphrase").dek == dek_before
    assert sorted(os.listdir(paths.root)) == ["vault.db", "vault.key"]


def test_change_passphrase_reseals_every_slot_like_any_header_write(
    fast_kdf_vault: VaultSetup,
) -> None:
    # A write that changed one slot would show, between two snapshots of the header,
    # which slots are live; every write changes all eight instead.
    paths = VaultPaths(fast_kdf_vault.root)
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        before = Header.parse(paths.header.read_bytes())
        vault.change_passphrase("another")
        after = Header.parse(paths.header.read_bytes())
    changed = [i for i in range(SLOT_COUNT) if before.slots[i] != after.slots[i]]
    assert changed == list(range(SLOT_COUNT))
    assert (after.params, after.salt) == (before.params, before.salt)


def test_change_to_an_empty_passphrase_is_refused(fast_kdf_vault: VaultSetup) -> None:
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        with pytest.raises(PassphraseError):
            vault.change_passphrase("")
    Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase).lock()


# -- rotate data key ----------------------------------------------------------------


def test_rotate_key_re_encrypts_under_a_new_key(fast_kdf_vault: VaultSetup) -> None:
    paths = VaultPaths(fast_kdf_vault.root)
    old = current_slot(fast_kdf_vault)
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        for n in range(200):
            vault.settings.set(f"key{n}", "value" * 20)
        vault.rotate_key()
        assert vault.settings.get("key199") == "value" * 20
        assert vault.check() == []
    new = current_slot(fast_kdf_vault)
    assert new.dek != old.dek
    assert new.previous_dek is None
    with pytest.raises(VaultCorruptedError):
        Database.open(paths.database, old.dek)
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        assert len(vault.settings.items()) == 200
        assert vault.schema_version() >= 1
    assert sorted(os.listdir(paths.root)) == ["vault.db", "vault.key"]


def test_failed_rotation_keeps_the_old_key_and_cleans_up(
    fast_kdf_vault: VaultSetup, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hushnote.errors import DiskFullError

    paths = VaultPaths(fast_kdf_vault.root)
    old = current_slot(fast_kdf_vault)
    vault = Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase)
    vault.settings.set("k", "v")

    def full_disk(self: Database, target: Path, dek: bytes, progress: object = None) -> None:
        target.write_bytes(b"partial")
        raise DiskFullError(path=str(target))

    monkeypatch.setattr(Database, "export_to", full_disk)
    with pytest.raises(DiskFullError):
        vault.rotate_key()
    monkeypatch.undo()
    assert vault.settings.get("k") == "v"  # still usable
    vault.lock()
    assert keys_of(current_slot(fast_kdf_vault)) == keys_of(old)
    assert sorted(os.listdir(paths.root)) == ["vault.db", "vault.key"]


@pytest.mark.parametrize("database_swapped", [False, True])
def test_an_interrupted_rotation_settles_on_the_key_that_opens_the_database(
    fast_kdf_vault: VaultSetup, database_swapped: bool
) -> None:
    """Recreate the on-disk state a crash leaves between rotation steps 1 and 4."""
    paths = VaultPaths(fast_kdf_vault.root)
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        vault.settings.set("k", "survives")
        keys = vault.keyring()
        index, key = keys.slot_index, bytes(keys.slot_key)
        # Copies: the vault zeroes its own buffers when it locks.
        old = dataclasses.replace(keys.content, dek=bytearray(keys.data_key))
        new_dek = bytearray(os.urandom(32))
        if database_swapped:
            vault.db.export_to(paths.rekey_database, new_dek)
    if database_swapped:
        os.replace(paths.rekey_database, paths.database)
    pending = dataclasses.replace(old, dek=new_dek, previous_dek=old.dek)
    header = Header.parse(paths.header.read_bytes()).with_slot(index, key, pending)
    paths.header.write_bytes(header.to_bytes())

    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        assert vault.settings.get("k") == "survives"
        assert vault.check() == []
    settled = current_slot(fast_kdf_vault)
    assert settled.previous_dek is None
    assert settled.dek == (new_dek if database_swapped else old.dek)


# -- check and damage ---------------------------------------------------------------


def test_check_of_a_healthy_vault_is_empty(fast_kdf_vault: VaultSetup) -> None:
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        assert vault.check() == []


@pytest.mark.parametrize("how", ["purge", "trash and empty", "contact delete"])
def test_check_stays_quiet_when_the_last_record_goes(fast_kdf_vault: VaultSetup, how: str) -> None:
    """An index emptied by deletions keeps a record of zero totals; a fresh one has none.
    ``check`` called that "older pages" and told the user to restore a backup."""
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        if how == "contact delete":
            contact = vault.contacts.create(NewContact(display_name="Only one"))
            vault.contacts.delete(contact.uuid)
        else:
            note = vault.notes.create(title="the only note", body="words")
            if how == "purge":
                vault.notes.purge(note.uuid)
            else:
                vault.notes.trash(note.uuid)
                vault.notes.empty_trash()
        assert vault.check() == []
        vault.notes.create(title="and after", body="more words")  # a record again
        assert vault.check() == []


def _grow_and_flip(setup: VaultSetup, offset: int) -> None:
    with Vault.unlock(setup.root, setup.passphrase) as vault:
        for n in range(300):
            vault.settings.set(f"k{n}", os.urandom(40).hex())
    path = VaultPaths(setup.root).database
    data = bytearray(path.read_bytes())
    assert len(data) > offset
    data[offset] ^= 0x04
    path.write_bytes(bytes(data))


def test_a_flipped_byte_in_a_data_page_is_found_by_check(fast_kdf_vault: VaultSetup) -> None:
    _grow_and_flip(fast_kdf_vault, 4096 * 2 + 700)
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        problems = vault.check()
    assert problems
    assert any("HMAC" in problem for problem in problems)


def test_a_flipped_byte_in_a_data_page_fails_reads_cleanly(fast_kdf_vault: VaultSetup) -> None:
    _grow_and_flip(fast_kdf_vault, 4096 * 2 + 700)
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        with pytest.raises(VaultCorruptedError):
            vault.settings.items()


def test_a_flipped_byte_in_page_one_is_vault_corrupted(fast_kdf_vault: VaultSetup) -> None:
    _grow_and_flip(fast_kdf_vault, 100)
    with pytest.raises(VaultCorruptedError):
        Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase)


# -- info ---------------------------------------------------------------------------


def test_info_needs_no_passphrase_and_shows_no_content(
    fast_kdf_vault: VaultSetup, fast_kdf_params: KdfParams
) -> None:
    info = read_info(fast_kdf_vault.root)
    assert info.kdf == fast_kdf_params
    assert info.slot_count == SLOT_COUNT
    assert info.database_bytes > 0


def test_counts(fast_kdf_vault: VaultSetup) -> None:
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        vault.settings.set("a", "1")
        vault.settings.set("b", "2")
        assert vault.counts()["settings"] == 2


def test_a_slot_of_an_unknown_kind_is_reported_not_guessed(fast_kdf_vault: VaultSetup) -> None:
    """A kind written by a newer Hushnote must not be treated as one this version knows."""
    import struct

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from hushnote.core.vault.header import PAYLOAD_CAPACITY
    from hushnote.errors import UnsupportedVersionError

    paths = VaultPaths(fast_kdf_vault.root)
    header = Header.parse(paths.header.read_bytes())
    key = bytes(passphrase_key("future words", header.salt, header.params))
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        free = next(i for i in range(SLOT_COUNT) if i != vault.keyring().slot_index)
    plaintext = struct.pack(">BBH32s32s", 9, 0, 0, os.urandom(32), bytes(32))
    plaintext += bytes(PAYLOAD_CAPACITY)
    nonce = os.urandom(12)
    sealed = nonce + AESGCM(key).encrypt(nonce, plaintext, header.prefix() + bytes([free]))
    slots = list(header.slots)
    slots[free] = sealed
    paths.header.write_bytes(Header(header.params, header.salt, tuple(slots)).to_bytes())
    with pytest.raises(UnsupportedVersionError):
        Vault.unlock(fast_kdf_vault.root, "future words")
    Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase).lock()


def test_rotation_reports_progress_and_can_be_cancelled(fast_kdf_vault: VaultSetup) -> None:
    from hushnote.errors import CancelledError

    paths = VaultPaths(fast_kdf_vault.root)
    old = current_slot(fast_kdf_vault)
    seen: list[float] = []
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        with vault.db.transaction() as connection:
            connection.executemany(
                "INSERT INTO settings (key, value) VALUES (?, ?)",
                [(f"k{n}", os.urandom(200).hex()) for n in range(3000)],
            )

        def cancel_halfway(fraction: float) -> bool:
            seen.append(fraction)
            return len(seen) < 3

        with pytest.raises(CancelledError):
            vault.rotate_key(progress=cancel_halfway)
        assert vault.settings.get("k2999")  # still open and usable
        assert keys_of(current_slot(fast_kdf_vault)) == keys_of(old)
        assert sorted(os.listdir(paths.root)) == [
            "vault.db",
            "vault.db-shm",
            "vault.db-wal",
            "vault.key",
        ]
        fractions: list[float] = []
        vault.rotate_key(progress=lambda f: fractions.append(f) or True)
        assert fractions and all(0.0 <= f <= 1.0 for f in fractions)
    assert len(seen) == 3
    assert current_slot(fast_kdf_vault).dek != old.dek


def test_verify_passphrase(fast_kdf_vault: VaultSetup) -> None:
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        assert vault.verify_passphrase(fast_kdf_vault.passphrase)
        assert not vault.verify_passphrase("something else")
