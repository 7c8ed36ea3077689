"""The panic wipe: keys first, then every file; idempotent; no passphrase needed."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from conftest import VaultSetup
from hushnote.core import Vault, VaultPaths
from hushnote.core.paths import app_cache_dir, app_config_dir
from hushnote.core.store.database import Database
from hushnote.core.vault.key_schedule import KdfParams
from hushnote.core.vault.wipe import Wipe, crypto_erase, wipe
from hushnote.errors import HeaderChangedError, HeaderCorruptedError, VaultNotFoundError
from support.forensics import canary_hits
from support.mounts import fill as fill_disk
from support.mounts import read_only, tmpfs

CANARY = "WipeCanary-Lopez-7781"


def fill(setup: VaultSetup) -> bytes:
    """Write canaries; return the data key (what an attacker with the old header has)."""
    with Vault.unlock(setup.root, setup.passphrase) as vault:
        for n in range(20):
            vault.notes.create(title=f"{CANARY} {n}", body=CANARY * 50)
        return bytes(vault.keyring().data_key)


def test_wipe_removes_every_file_and_the_folder(fast_kdf_vault: VaultSetup) -> None:
    fill(fast_kdf_vault)
    report = wipe(fast_kdf_vault.root)
    assert report.erased == ["vault.key"]
    assert {"vault.key", "vault.db"} <= set(report.removed)
    assert not fast_kdf_vault.root.exists()
    with pytest.raises(VaultNotFoundError):
        Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase)


def test_crypto_erase_alone_makes_the_passphrase_useless(fast_kdf_vault: VaultSetup) -> None:
    dek = fill(fast_kdf_vault)
    paths = VaultPaths(fast_kdf_vault.root)
    before = paths.header.read_bytes()
    assert crypto_erase(paths) == ["vault.key"]
    after = paths.header.read_bytes()
    assert len(after) == len(before) and after[:8] != b"HUSHNOTE"
    with pytest.raises(HeaderCorruptedError):
        Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase)
    # The database is untouched ciphertext: only the key, now gone, would open it.
    db = Database.open(paths.database, dek)
    assert db.row("SELECT count(*) FROM notes")[0] == 20
    db.close()


def test_wipe_needs_no_passphrase_and_works_while_the_vault_is_open(
    fast_kdf_vault: VaultSetup,
) -> None:
    fill(fast_kdf_vault)
    vault = Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase)
    vault.notes.create(title="open while wiped")
    wipe(fast_kdf_vault.root)
    vault.abandon()
    assert not fast_kdf_vault.root.exists()


@pytest.mark.parametrize("overwrite", [True, False])
def test_the_overwrite_replaces_the_old_bytes(fast_kdf_vault: VaultSetup, overwrite: bool) -> None:
    fill(fast_kdf_vault)
    database = VaultPaths(fast_kdf_vault.root).database
    original = database.read_bytes()
    with database.open("rb") as old_inode:  # an examiner reading the freed blocks
        report = wipe(fast_kdf_vault.root, overwrite=overwrite)
        old_inode.seek(0)
        remains = old_inode.read()
    assert (remains == original) is not overwrite
    assert (report.overwritten_bytes > 0) is overwrite


def test_a_folder_the_user_chose_keeps_their_other_files(fast_kdf_vault: VaultSetup) -> None:
    (fast_kdf_vault.root / "their-file.txt").write_text("not ours")
    wipe(fast_kdf_vault.root)
    assert os.listdir(fast_kdf_vault.root) == ["their-file.txt"]


def test_leave_no_trace_removes_the_app_folders(fast_kdf_vault: VaultSetup) -> None:
    for folder in (app_config_dir(), app_cache_dir()):
        folder.mkdir(parents=True)
        (folder / "state").write_text(CANARY)
    wipe(fast_kdf_vault.root, leave_no_trace=True)
    assert not app_config_dir().exists() and not app_cache_dir().exists()


def test_an_interrupted_wipe_is_finished_by_the_next(fast_kdf_vault: VaultSetup) -> None:
    fill(fast_kdf_vault)
    paths = VaultPaths(fast_kdf_vault.root)
    crypto_erase(paths)  # as if killed right after the first step
    (paths.root / "vault.key.new").write_bytes(b"leftover header")
    wipe(fast_kdf_vault.root)
    assert not fast_kdf_vault.root.exists()
    assert wipe(fast_kdf_vault.root).removed == []  # and again: nothing to do


def test_nothing_written_before_a_wipe_is_found_after_it(
    fast_kdf_vault: VaultSetup, isolated_home: Path
) -> None:
    fill(fast_kdf_vault)
    app_config_dir().mkdir(parents=True)
    (app_config_dir() / "unlock-guard.json").write_text("{}")
    wipe(fast_kdf_vault.root, leave_no_trace=True)
    for thread in threading.enumerate():
        if thread.name == "overwrite":
            thread.join()
    assert (
        canary_hits([CANARY], isolated_home, Path(os.environ["TMPDIR"]), fast_kdf_vault.root.parent)
        == []
    )


def test_the_keys_are_gone_in_milliseconds(fast_kdf_vault: VaultSetup) -> None:
    fill(fast_kdf_vault)
    report = wipe(fast_kdf_vault.root)
    assert report.erased_at < 0.05
    assert report.erased_at <= report.unlinked_at <= report.overwritten_at


# -- a full disk and read-only media --------------------------------------------------


def test_the_erase_never_grows_a_header(fast_kdf_vault: VaultSetup) -> None:
    # A full disk refuses any write past a file's end: the erase must fit in place. (It
    # used to write at least 64 KiB over the 32 KiB header, and failed on a full disk.)
    paths = VaultPaths(fast_kdf_vault.root)
    truncated = paths.header.read_bytes()[:1000]
    paths.header.write_bytes(truncated)
    assert crypto_erase(paths) == ["vault.key"]
    erased = paths.header.read_bytes()
    assert len(erased) == len(truncated) and erased != truncated


def test_the_wipe_works_on_a_full_disk(tmp_path: Path, fast_kdf_params: KdfParams) -> None:
    with tmpfs(tmp_path / "disk", 2048) as disk:
        root = disk / "vault"
        with Vault.create(root, "full disk words", kdf=fast_kdf_params) as vault:
            vault.notes.create(title=CANARY, body=CANARY * 100)
        fill_disk(disk)
        report = wipe(root)
        assert report.keys_destroyed and report.problems == [], report.problems
        assert not root.exists()


def test_a_wipe_on_read_only_media_reports_what_is_left_and_never_raises(
    tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    with tmpfs(tmp_path / "stick", 2048) as stick:
        root = stick / "vault"
        Vault.create(root, "read only words", kdf=fast_kdf_params).lock()
        read_only(stick)
        header = VaultPaths(root).header.read_bytes()
        report = wipe(root, leave_no_trace=True)
        assert not report.keys_destroyed
        assert {str(problem) for problem in report.problems} == {
            "vault.key: read-only",
            "vault.db: read-only",
        }
        # Honest: nothing could be destroyed, and the report says so.
        assert VaultPaths(root).header.read_bytes() == header


def _no_header_left(root: Path) -> None:
    left = sorted(p.name for p in root.iterdir()) if root.exists() else []
    assert not [name for name in left if name.startswith("vault.key")], left


def test_a_wipe_during_a_key_rotation_is_not_undone(
    fast_kdf_vault: VaultSetup, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The wipe took the rotation's copy, the copy's check failed, and the clean-up put
    the original header back: the real passphrase opened it again, and the wipe had
    said it was done."""
    from hushnote.core.vault import rotation as vault_module

    fill(fast_kdf_vault)
    root = fast_kdf_vault.root
    vault = Vault.unlock(root, fast_kdf_vault.passphrase)
    reports = []
    verify = vault_module._verify_copy

    def wipe_first(*args: object) -> None:
        reports.append(wipe(root))  # lands between the copy and its check
        verify(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(vault_module, "_verify_copy", wipe_first)
    with pytest.raises(HeaderChangedError):
        vault.rotate_key()
    vault.lock()  # and the lock writes nothing back either
    assert reports and reports[0].erased == ["vault.key"]
    _no_header_left(root)
    assert not root.exists() or not any(root.iterdir())
    with pytest.raises((VaultNotFoundError, HeaderCorruptedError)):
        Vault.unlock(root, fast_kdf_vault.passphrase)


@pytest.mark.parametrize("operation", ["passwd", "lock after a change", "duress", "rotate"])
def test_no_header_write_follows_a_wipe(fast_kdf_vault: VaultSetup, operation: str) -> None:
    root = fast_kdf_vault.root
    vault = Vault.unlock(root, fast_kdf_vault.passphrase)
    vault.notes.create(title="written before the wipe")
    job = Wipe(root)
    job.destroy()  # the keys and names are gone; the overwriting has not finished
    if operation == "lock after a change":
        vault.lock()
    else:
        with pytest.raises(HeaderChangedError):
            if operation == "passwd":
                vault.change_passphrase("a new passphrase here")
            elif operation == "duress":
                vault.set_duress("duress words here", [])
            else:
                vault.rotate_key()
        vault.lock()
    job.finish()
    _no_header_left(root)
    assert not root.exists()


def test_a_header_renamed_into_place_during_the_wipe_is_erased_before_it_goes(
    fast_kdf_vault: VaultSetup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer that passed its check just before the erase renames its new header in
    a moment later; an unlink by name then left that header, keys and all, in free
    blocks. A second name on the new file shows what the wipe did to its bytes."""
    from hushnote.core.vault import wipe as wipe_module

    root = fast_kdf_vault.root
    header = VaultPaths(root).header
    fresh = header.read_bytes()  # stands for the writer's new header
    witness = tmp_path / "witness"
    real_erase = wipe_module.erase_keys

    def erase_then_a_rename_lands(folder: str) -> tuple[list[str], list[tuple[str, str]]]:
        done = real_erase(folder)
        incoming = Path(folder) / "vault.key.new"
        incoming.write_bytes(fresh)
        os.link(incoming, witness)
        os.replace(incoming, header)
        return done

    monkeypatch.setattr(wipe_module, "erase_keys", erase_then_a_rename_lands)
    report = wipe(root)
    assert report.keys_destroyed
    assert not root.exists()
    assert witness.read_bytes() != fresh and len(witness.read_bytes()) == len(fresh)
