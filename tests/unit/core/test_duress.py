"""The duress passphrase: a normal-looking unlock into a decoy, the real vault destroyed."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from conftest import VaultSetup
from hushnote.core import KdfParams, Vault, VaultPaths, read_info
from hushnote.core.vault.header import PAYLOAD_CAPACITY, SLOT_COUNT, Header
from hushnote.errors import AuthenticationError, InvalidRecordError, PassphraseError
from support.forensics import canary_hits

DURESS = "grocery list words"
SECRET = "RealCaseCanary-Okafor-5521"
DECOY = [("Shopping", "Milk, bread, eggs."), ("Book club", "Chapter 4 on Thursday.")]


def wait_for_overwrites() -> None:
    for thread in threading.enumerate():
        if thread.name == "overwrite":
            thread.join()


@pytest.fixture
def armed(fast_kdf_vault: VaultSetup) -> VaultSetup:
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        for n in range(10):
            vault.notes.create(title=f"{SECRET} {n}", body=SECRET * 20)
        vault.set_duress(DURESS, DECOY)
    return fast_kdf_vault


def test_the_duress_passphrase_opens_the_decoy_and_destroys_the_real_vault(
    armed: VaultSetup, isolated_home: Path
) -> None:
    header_before = VaultPaths(armed.root).header.read_bytes()
    with Vault.unlock(armed.root, DURESS) as vault:
        notes = [vault.notes.get(s.uuid) for s in vault.notes.summaries()]
        assert sorted((n.title, n.body) for n in notes) == sorted(DECOY)
        assert all(n.created_at.year >= 2026 for n in notes)
        assert vault.searcher.search(SECRET) == []
    wait_for_overwrites()
    with pytest.raises(AuthenticationError):
        Vault.unlock(armed.root, armed.passphrase)
    header_after = VaultPaths(armed.root).header.read_bytes()
    assert len(header_after) == len(header_before)
    assert header_after[:64] == header_before[:64]  # same parameters, same salt
    assert sorted(os.listdir(armed.root)) == ["vault.db", "vault.key"]
    assert canary_hits([SECRET], armed.root, isolated_home, Path(os.environ["TMPDIR"])) == []
    # The decoy is now an ordinary vault: the duress passphrase opens it again.
    with Vault.unlock(armed.root, DURESS) as vault:
        assert vault.notes.count() == 2


def test_nothing_on_disk_says_whether_a_duress_passphrase_is_set(
    fast_kdf_vault: VaultSetup,
) -> None:
    paths = VaultPaths(fast_kdf_vault.root)
    info_before = read_info(fast_kdf_vault.root)
    plain = Header.parse(paths.header.read_bytes())
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        vault.set_duress(DURESS, DECOY * 10)
    armed = Header.parse(paths.header.read_bytes())
    assert sorted(os.listdir(fast_kdf_vault.root)) == ["vault.db", "vault.key"]
    assert len(armed.to_bytes()) == len(plain.to_bytes())
    assert (armed.params, armed.salt, len(armed.slots)) == (plain.params, plain.salt, SLOT_COUNT)
    assert read_info(fast_kdf_vault.root).kdf == info_before.kdf
    assert read_info(fast_kdf_vault.root).slot_count == info_before.slot_count


def test_the_real_passphrase_still_opens_the_real_vault(armed: VaultSetup) -> None:
    with Vault.unlock(armed.root, armed.passphrase) as vault:
        assert vault.notes.count() == 10


def test_passphrase_change_and_key_rotation_keep_the_duress_slot(armed: VaultSetup) -> None:
    with Vault.unlock(armed.root, armed.passphrase) as vault:
        vault.change_passphrase("new real words")
        vault.rotate_key()
    with Vault.unlock(armed.root, DURESS) as vault:
        assert vault.notes.count() == 2


def test_the_duress_passphrase_cannot_become_the_real_one(armed: VaultSetup) -> None:
    """Typed under coercion it must still destroy: as the real passphrase it would open
    the real notes instead."""
    with Vault.unlock(armed.root, armed.passphrase) as vault:
        with pytest.raises(PassphraseError) as refused:
            vault.change_passphrase(DURESS)
        assert refused.value.context["reason"] == "same-as-duress"
    with Vault.unlock(armed.root, armed.passphrase) as vault:
        assert vault.notes.count() == 10  # the real passphrase still opens the real notes
    with Vault.unlock(armed.root, DURESS) as vault:
        assert vault.notes.count() == 2  # and the duress one still the decoy
    wait_for_overwrites()


def test_clearing_and_replacing_the_duress_passphrase(armed: VaultSetup) -> None:
    with Vault.unlock(armed.root, armed.passphrase) as vault:
        vault.set_duress("another duress", [])
    with pytest.raises(AuthenticationError):
        Vault.unlock(armed.root, DURESS)  # replaced, not added
    with Vault.unlock(armed.root, armed.passphrase) as vault:
        vault.clear_duress()
    with pytest.raises(AuthenticationError):
        Vault.unlock(armed.root, "another duress")
    with Vault.unlock(armed.root, armed.passphrase) as vault:
        assert vault.notes.count() == 10


def test_an_empty_decoy_is_an_empty_vault(fast_kdf_vault: VaultSetup) -> None:
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        vault.notes.create(title="real")
        vault.set_duress(DURESS, [])
    with Vault.unlock(fast_kdf_vault.root, DURESS) as vault:
        assert vault.notes.count() == 0


def test_the_duress_passphrase_must_differ_and_the_decoy_must_fit(
    fast_kdf_vault: VaultSetup,
) -> None:
    with Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase) as vault:
        with pytest.raises(PassphraseError):
            vault.set_duress(fast_kdf_vault.passphrase, [])
        with pytest.raises(InvalidRecordError):
            vault.set_duress(DURESS, [("big", os.urandom(PAYLOAD_CAPACITY).hex())])
    with pytest.raises(AuthenticationError):
        Vault.unlock(fast_kdf_vault.root, DURESS)


# -- what the disk shows afterwards ---------------------------------------------------


def birth(path: Path) -> tuple[int, str]:
    """(inode, birth time to the nanosecond) as an examiner's ``stat`` shows them."""
    import subprocess

    born = subprocess.run(
        ["stat", "-c", "%.9W", str(path)], capture_output=True, text=True, check=True
    ).stdout.strip()
    return os.stat(path).st_ino, born


def test_a_duress_unlock_keeps_the_database_file_as_a_normal_unlock_does(
    armed: VaultSetup,
) -> None:
    paths = VaultPaths(armed.root)
    database_before = birth(paths.database)
    header_before = birth(paths.header)
    Vault.unlock(armed.root, DURESS).lock()
    wait_for_overwrites()
    # Same inode, same birth time: the decoy was written into the real vault's file.
    assert birth(paths.database) == database_before
    # The header is replaced, as every unlock replaces it (a freed inode number may come
    # back, so the birth time is what tells a new file).
    assert birth(paths.header)[1] != header_before[1]
    header_before = birth(paths.header)
    Vault.unlock(armed.root, DURESS).lock()  # now a normal unlock of the decoy
    assert birth(paths.database) == database_before
    assert birth(paths.header)[1] != header_before[1]


@pytest.mark.parametrize(
    "operation", ["unlock", "lock-after-edit", "passwd", "rotate", "duress-set", "duress-clear"]
)
def test_every_header_write_changes_all_eight_slots(armed: VaultSetup, operation: str) -> None:
    # Two snapshots of the header must not show which slots are live: a write that
    # changed one slot (passwd) and one that changed seven (duress set) told them apart.
    paths = VaultPaths(armed.root)
    before = Header.parse(paths.header.read_bytes())
    if operation == "unlock":
        Vault.unlock(armed.root, armed.passphrase).lock()
    else:
        vault = Vault.unlock(armed.root, armed.passphrase)
        before = Header.parse(paths.header.read_bytes())
        if operation == "lock-after-edit":
            vault.notes.create(title="one more")
        elif operation == "passwd":
            vault.change_passphrase("another passphrase entirely")
        elif operation == "rotate":
            vault.rotate_key()
        elif operation == "duress-set":
            vault.set_duress("other innocent words", DECOY)
        else:
            vault.clear_duress()
        vault.lock()
    after = Header.parse(paths.header.read_bytes())
    assert [before.slots[i] != after.slots[i] for i in range(SLOT_COUNT)] == [True] * SLOT_COUNT


def test_the_duress_passphrase_survives_every_other_header_write(armed: VaultSetup) -> None:
    with Vault.unlock(armed.root, armed.passphrase) as vault:
        assert vault.has_duress
        vault.change_passphrase("changed real words")
        vault.rotate_key()
    Vault.unlock(armed.root, "changed real words").lock()
    with Vault.unlock(armed.root, DURESS) as vault:
        assert vault.notes.count() == len(DECOY)


def test_the_duress_passphrase_opens_the_decoy_on_a_full_disk(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    """On a full disk the real vault went, no decoy came, and the message said that what
    was saved before was intact. The duress unlock now frees the real vault's space
    before it builds the decoy in it."""
    from support.mounts import fill, tmpfs

    with tmpfs(tmp_path / "disk", 4096) as disk:
        root = disk / "vault"
        with Vault.create(root, "real words here", kdf=fast_kdf_params) as vault:
            for n in range(30):
                vault.notes.create(title=f"case {n}", body="names and places " * 40)
            vault.set_duress("nothing to see", [("Groceries", "milk, bread")])
        fill(disk)
        with Vault.unlock(root, "nothing to see") as decoy:
            assert [s.title for s in decoy.notes.summaries()] == ["Groceries"]
        wait_for_overwrites()
        with pytest.raises(AuthenticationError):
            Vault.unlock(root, "real words here")
        # Every unlock writes, so on a full disk a second one fails as any vault's does;
        # with room again, the decoy opens like any vault.
        (disk / "filler").unlink()
        with Vault.unlock(root, "nothing to see") as decoy:
            assert decoy.check() == []
