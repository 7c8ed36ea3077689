"""A link at a vault file name can neither disarm destruction nor feed unlocking.

The attack: ``mv vault.key .k; ln -s "$PWD/.k" vault.key``. Before, unlocking followed the
link while the wipe refused to, so every destruction feature failed with an internal
error and the real passphrase still opened the vault afterwards. The rule now: every
operation that needs a passphrase refuses a vault whose files are not regular files, and
the wipe destroys the header a link leads to (docs/vault-format.md#the-vault-folder).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hushnote.core import KdfParams, Vault, VaultPaths
from hushnote.core.vault.unlock_guard import UnlockGuard
from hushnote.core.vault.wipe import wipe
from hushnote.errors import (
    AuthenticationError,
    HushnoteError,
    UnsafeVaultFileError,
    VaultNotFoundError,
)

REAL = "real words for the vault"
DURESS = "innocent grocery words"


@pytest.fixture
def armed(tmp_path: Path, fast_kdf_params: KdfParams) -> Path:
    """A vault with a note and a duress passphrase."""
    root = tmp_path / "vault"
    with Vault.create(root, REAL, kdf=fast_kdf_params) as vault:
        vault.notes.create(title="Witness list", body="names and numbers")
        vault.set_duress(DURESS, [("Shopping", "milk")])
    for name, text in (("pw", REAL), ("duress", DURESS), ("new", "brand new words")):
        (tmp_path / name).write_text(text + "\n")
    return root


def link_header(root: Path) -> Path:
    """What someone with a minute at the laptop does; returns where the header went."""
    paths = VaultPaths(root)
    moved = root / ".k"
    paths.header.rename(moved)
    paths.header.symlink_to(moved)
    return moved


def is_header(path: Path) -> bool:
    return path.read_bytes()[:8] == b"HUSHNOTE"


def cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "hushnote", "--vault", str(root), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "internal error" not in result.stderr
    assert "Traceback" not in result.stderr
    return result


@pytest.mark.parametrize("passphrase", [REAL, DURESS, "a wrong guess"])
def test_every_passphrase_gets_the_same_refusal_through_a_linked_header(
    armed: Path, passphrase: str
) -> None:
    target = link_header(armed)
    with pytest.raises(UnsafeVaultFileError):
        Vault.unlock(armed, passphrase)
    # Refused before anything was read or written: nothing was destroyed by the duress
    # passphrase, and nothing tells it apart from the real one.
    assert is_header(target)


def test_the_cli_names_the_problem_for_every_command(armed: Path) -> None:
    link_header(armed)
    pw = str(armed.parent / "pw")
    for args in (
        ("note", "list", "--passphrase-file", pw),
        ("passwd", "--passphrase-file", pw, "--new-passphrase-file", str(armed.parent / "new")),
        ("rotate-key", "--passphrase-file", pw),
        ("duress", "clear", "--passphrase-file", pw),
        ("wipe-after", "3", "--passphrase-file", pw),
    ):
        result = cli(armed, *args)
        assert result.returncode == UnsafeVaultFileError.exit_code, (args, result.stderr)
        assert "vault.key" in result.stderr and "link" in result.stderr


def test_passwd_through_a_link_changes_nothing(armed: Path) -> None:
    target = link_header(armed)
    before = target.read_bytes()
    result = cli(
        armed, "passwd", "--passphrase-file", str(armed.parent / "pw"),
        "--new-passphrase-file", str(armed.parent / "new"),
    )  # fmt: skip
    assert result.returncode == UnsafeVaultFileError.exit_code
    assert target.read_bytes() == before
    assert sorted(os.listdir(armed)) == [".k", "vault.db", "vault.key"]


def test_the_cli_wipe_destroys_the_header_the_link_leads_to(armed: Path) -> None:
    target = link_header(armed)
    result = cli(armed, "wipe", "--yes")
    assert result.returncode == 0, result.stderr
    assert not is_header(target)  # the real keys are gone, wherever the link led
    assert not VaultPaths(armed).header.exists() and not VaultPaths(armed).header.is_symlink()
    # Putting the header back where the link pointed does not bring the vault back.
    target.rename(VaultPaths(armed).header)
    for passphrase in (REAL, DURESS):
        with pytest.raises(HushnoteError):
            Vault.unlock(armed, passphrase)


def test_a_link_made_while_the_vault_is_open_does_not_stop_the_panic(armed: Path) -> None:
    vault = Vault.unlock(armed, REAL)
    target = link_header(armed)  # during the session, as a sync tool might
    report = wipe(armed)
    vault.abandon()
    assert report.keys_destroyed, report.problems
    assert not is_header(target)
    with pytest.raises(VaultNotFoundError):
        Vault.unlock(armed, REAL)


def test_a_link_to_something_that_is_not_a_header_is_only_removed(armed: Path) -> None:
    precious = armed.parent / "their-document.txt"
    precious.write_text("not ours to destroy")
    VaultPaths(armed).database.rename(armed.parent / "moved.db")
    VaultPaths(armed).database.symlink_to(precious)
    with pytest.raises(UnsafeVaultFileError):
        Vault.unlock(armed, REAL)
    report = wipe(armed)
    assert report.keys_destroyed
    assert precious.read_text() == "not ours to destroy"
    assert not armed.exists()


def test_a_file_that_only_starts_like_a_header_is_never_overwritten(
    armed: Path, tmp_path: Path, fast_kdf_params: KdfParams
) -> None:
    """The wipe once overwrote any file a link led to whose first 8 bytes were HUSHNOTE:
    meeting minutes, or under a leftover's name another vault's header."""
    minutes = tmp_path / "minutes.txt"
    minutes.write_bytes(b"HUSHNOTE is our project's name. Minutes of the meeting..." * 600)
    other = tmp_path / "other"
    Vault.create(other, "another vault entirely", kdf=fast_kdf_params).lock()
    other_header = VaultPaths(other).header.read_bytes()
    (armed / "vault.key.old").symlink_to(minutes)
    (armed / "vault.key.new").symlink_to(VaultPaths(other).header)
    before = minutes.read_bytes()
    report = wipe(armed)
    assert report.keys_destroyed
    assert minutes.read_bytes() == before
    assert VaultPaths(other).header.read_bytes() == other_header
    assert not armed.exists()


def test_the_header_shape_the_wipe_follows_is_the_header_format(
    fast_kdf_params: KdfParams,
) -> None:
    from hushnote.core.vault import key_erase
    from hushnote.core.vault.header import HEADER_SIZE, Header

    assert key_erase._HEADER_SIZE == HEADER_SIZE
    prefix = Header.new(fast_kdf_params).prefix()
    assert prefix.startswith(key_erase._HEADER_START)


def test_wrong_guesses_through_any_alias_of_the_path_share_one_count(
    armed: Path, tmp_path: Path
) -> None:
    UnlockGuard(armed).set_limit(3)
    alias = tmp_path / "alias"
    alias.symlink_to(armed)
    aliases = [alias, Path(str(armed).replace("/", "//")), armed / ".." / armed.name]
    for path in aliases:
        with pytest.raises(AuthenticationError):
            Vault.unlock(path, "a wrong guess")
    assert not armed.exists()  # three wrong guesses, three spellings: wiped


def test_a_vault_folder_reached_through_a_link_works_and_wipes_whole(
    armed: Path, tmp_path: Path
) -> None:
    alias = tmp_path / "shortcut"
    alias.symlink_to(armed)
    with Vault.unlock(alias, REAL) as vault:
        assert vault.notes.count() == 1
    report = wipe(alias)
    assert report.keys_destroyed and not report.problems
    assert not armed.exists() and not alias.is_symlink()


def test_a_fifo_in_the_folder_neither_hangs_the_wipe_nor_stops_it(armed: Path) -> None:
    wal = VaultPaths(armed).database_companions()[0]
    os.mkfifo(wal)
    with pytest.raises(UnsafeVaultFileError):
        Vault.unlock(armed, REAL)
    report = wipe(armed)  # a blocking open of the FIFO would hang here forever
    assert report.keys_destroyed and not report.problems
    assert not armed.exists()


def test_a_folder_at_a_vault_name_is_reported_not_followed(armed: Path) -> None:
    (armed / "vault.db-journal").mkdir()
    (armed / "vault.db-journal" / "theirs.txt").write_text("kept")
    report = wipe(armed)
    assert report.keys_destroyed
    assert [str(problem) for problem in report.problems] == ["vault.db-journal: not-a-regular-file"]
    assert (armed / "vault.db-journal" / "theirs.txt").read_text() == "kept"
