"""``wipe``, ``duress`` and ``wipe-after`` as a user (or a hotkey) runs them."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from hushnote.core import KdfParams, Vault


def run(vault: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "hushnote", "--vault", str(vault), *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture
def vault(tmp_path: Path, fast_kdf_params: KdfParams) -> Path:
    root = tmp_path / "vault"
    with Vault.create(root, "real words", kdf=fast_kdf_params) as opened:
        opened.notes.create(title="Witness list", body="names and numbers")
    for name, text in (("pw", "real words"), ("duress", "innocent words"), ("bad", "nope")):
        (tmp_path / name).write_text(text + "\n")
        (tmp_path / name).chmod(0o600)
    return root


def test_wipe_with_yes_needs_no_passphrase(vault: Path) -> None:
    result = run(vault, "wipe", "--yes")
    assert result.returncode == 0
    assert "keys were destroyed" in result.stdout
    assert not vault.exists()
    assert run(vault, "info").returncode == 4


def test_wipe_without_a_terminal_needs_yes(vault: Path) -> None:
    result = run(vault, "wipe")
    assert result.returncode == 22
    assert vault.exists()


def test_wipe_works_while_the_app_has_the_vault_open(vault: Path) -> None:
    opened = Vault.unlock(vault, "real words")
    try:
        assert run(vault, "wipe", "--yes").returncode == 0
    finally:
        opened.abandon()
    assert not vault.exists()


def test_duress_set_via_files_and_the_decoy_opens(vault: Path, tmp_path: Path) -> None:
    decoy = tmp_path / "decoy.md"
    decoy.write_text("# Groceries\nmilk\n---\nBirthday ideas\nbook, scarf\n")
    result = run(
        vault,
        "duress",
        "set",
        "--passphrase-file",
        str(tmp_path / "pw"),
        "--duress-passphrase-file",
        str(tmp_path / "duress"),
        "--decoy-notes",
        str(decoy),
    )
    assert result.returncode == 0, result.stderr
    assert "2 notes" in result.stdout
    info = [
        line for line in run(vault, "info").stdout.splitlines() if not line.startswith("Vault:")
    ]
    assert not any("duress" in line.lower() for line in info)
    listed = run(vault, "note", "list", "--passphrase-file", str(tmp_path / "duress"))
    assert "Groceries" in listed.stdout and "Birthday ideas" in listed.stdout
    assert "Witness" not in listed.stdout
    for thread in threading.enumerate():
        if thread.name == "overwrite":
            thread.join()
    assert run(vault, "note", "list", "--passphrase-file", str(tmp_path / "pw")).returncode == 3


def test_duress_clear(vault: Path, tmp_path: Path) -> None:
    pw, duress = str(tmp_path / "pw"), str(tmp_path / "duress")
    run(vault, "duress", "set", "--passphrase-file", pw, "--duress-passphrase-file", duress)
    assert run(vault, "duress", "clear", "--passphrase-file", pw).returncode == 0
    assert run(vault, "note", "list", "--passphrase-file", duress).returncode == 3
    assert "Witness" in run(vault, "note", "list", "--passphrase-file", pw).stdout


def test_duress_equal_to_the_real_passphrase_is_refused(vault: Path, tmp_path: Path) -> None:
    pw = str(tmp_path / "pw")
    result = run(vault, "duress", "set", "--passphrase-file", pw, "--duress-passphrase-file", pw)
    assert result.returncode == 13
    assert "differ" in result.stderr


def test_wipe_after_three_wrong_passphrases(vault: Path, tmp_path: Path) -> None:
    pw, bad = str(tmp_path / "pw"), str(tmp_path / "bad")
    assert run(vault, "wipe-after", "3", "--passphrase-file", pw).returncode == 0
    for _ in range(2):
        assert run(vault, "check", "--passphrase-file", bad).returncode == 3
    assert vault.exists()
    assert run(vault, "check", "--passphrase-file", bad).returncode == 3
    assert not vault.exists()


def test_wipe_after_rejects_nonsense(vault: Path, tmp_path: Path) -> None:
    pw = str(tmp_path / "pw")
    assert run(vault, "wipe-after", "1", "--passphrase-file", pw).returncode == 20
    assert run(vault, "wipe-after", "many", "--passphrase-file", pw).returncode == 20
    assert run(vault, "wipe-after", "off", "--passphrase-file", pw).returncode == 0
