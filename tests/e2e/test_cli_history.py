"""``hushnote note history …``, ``show --revision``, ``diff``, ``revert``,
``purge-history`` and ``history-keep`` as a user types them."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import PASSPHRASE, VaultSetup
from hushnote.core import HistoryStore, KdfParams, NoteStore, Vault

from .test_cli_records import Session

pytestmark = pytest.mark.usefixtures("fast_scrypt")  # passphrase bundles: conftest.py


@pytest.fixture
def cli(tmp_path: Path, fast_kdf_params: KdfParams) -> Session:
    return Session(tmp_path, fast_kdf_params)


def _edit_later(cli: Session, uuid: str, minutes: int, body: str) -> None:
    """An edit saved ``minutes`` from now (the CLI's own edits are seconds apart)."""
    moment = datetime.now(UTC) + timedelta(minutes=minutes)
    with Vault.unlock(cli.vault, "cli pass") as vault:
        NoteStore(vault.db, clock=lambda: moment).update(uuid, body=body)


def _note_with_history(cli: Session) -> str:
    uuid = cli.ok("note", "add", "--title", "Hearing", stdin="first draft\nsame line\n").split()[0]
    _edit_later(cli, uuid, 10, "second draft\nsame line\n")
    _edit_later(cli, uuid, 20, "third draft\nsame line\n")
    return uuid


def test_list_show_diff_revert_and_undo(cli: Session) -> None:
    uuid = _note_with_history(cli)
    listing = cli.ok("note", "history", uuid[:8]).splitlines()
    assert listing[0].split() == ["N", "Time", "Reason", "Size"]
    assert [row.split()[0] for row in listing[1:]] == ["2", "1"]
    assert all("edit" in row and "characters" in row for row in listing[1:])

    shown = cli.ok("note", "show", uuid[:8], "--revision", "1")
    assert shown.startswith("Revision 1 of ")
    assert "first draft" in shown and "third draft" not in shown

    diff = cli.ok("note", "diff", uuid[:8], "1").splitlines()
    assert diff == ["- first draft", "+ third draft", "  same line", ""]

    out = cli.ok("note", "revert", uuid[:8], "1")
    assert "undo with 'note revert" in out
    assert "first draft" in cli.ok("note", "show", uuid[:8])
    assert "revert" in cli.ok("note", "history", uuid[:8]).splitlines()[1]
    cli.ok("note", "revert", uuid[:8], "3")  # the text before the revert
    assert "third draft" in cli.ok("note", "show", uuid[:8])


def test_missing_and_malformed_revisions_are_clear_errors(cli: Session) -> None:
    uuid = _note_with_history(cli)
    missing = cli.run("note", "show", uuid[:8], "--revision", "9")
    assert missing.returncode == 18
    assert "no revision matches '9'" in missing.stderr
    malformed = cli.run("note", "revert", uuid[:8], "first")
    assert malformed.returncode == 2
    assert "whole number" in malformed.stderr
    assert "No revisions kept." in cli.ok(
        "note", "history", cli.ok("note", "add", "--title", "New", stdin="x").split()[0]
    )


def test_purge_history_asks_and_deletes(cli: Session) -> None:
    uuid = _note_with_history(cli)
    other = _note_with_history(cli)
    refused = cli.run("note", "purge-history", uuid[:8])
    assert refused.returncode == 22  # no terminal, no --yes
    assert "2" in cli.ok("note", "history", uuid[:8]).splitlines()[1]
    assert cli.ok("note", "purge-history", uuid[:8], "--yes") == "Deleted forever: 2 revisions\n"
    assert "No revisions kept." in cli.ok("note", "history", uuid[:8])
    assert len(cli.ok("note", "history", other[:8]).splitlines()) == 3
    assert cli.run("note", "purge-history", "--all").returncode == 22
    assert cli.ok("note", "purge-history", "--all", "--yes") == "Deleted forever: 2 revisions\n"
    assert cli.run("note", "purge-history").returncode == 2  # neither an id nor --all


def test_history_keep(cli: Session) -> None:
    uuid = _note_with_history(cli)
    assert cli.ok("note", "history-keep") == "Revisions are kept for 30 days.\n"
    assert cli.ok("note", "history-keep", "365").startswith("Revisions are kept for 365 days")
    assert cli.run("note", "history-keep", "90").returncode == 2
    assert cli.run("note", "history-keep", "off").returncode == 22  # deletes: asks first
    assert cli.ok("note", "history-keep", "off", "--yes") == (
        "No history is kept; 2 revisions deleted.\n"
    )
    assert "No revisions kept." in cli.ok("note", "history", uuid[:8])
    assert cli.ok("note", "history-keep") == "No history is kept.\n"
    assert "Revisions:      0" in cli.ok("info", "--unlock")


def test_export_carries_history_only_when_asked(cli: Session, tmp_path: Path) -> None:
    uuid = _note_with_history(cli)
    cli.pw.with_name("bundle-pw").write_text("bundle pass phrase\n")
    bundle_pw = str(cli.pw.with_name("bundle-pw"))
    plain = cli.ok("export", "--out", str(tmp_path / "plain.age"),
                   "--bundle-passphrase-file", bundle_pw)  # fmt: skip
    assert " history" not in plain.split(" to ")[0]
    full = cli.ok("export", "--out", str(tmp_path / "full.age"), "--include-history",
                  "--bundle-passphrase-file", bundle_pw)  # fmt: skip
    assert "2 history" in full
    cli.ok("note", "purge", uuid[:8], "--yes")
    out = cli.ok("import", str(tmp_path / "full.age"), "--bundle-passphrase-file", bundle_pw)
    assert "history: 2 added" in out
    assert len(cli.ok("note", "history", uuid[:8]).splitlines()) == 3


def test_a_shorter_retention_asks_before_deleting(
    fast_kdf_vault: VaultSetup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    moment = [datetime.now(UTC) - timedelta(days=60)]
    for store in (NoteStore, HistoryStore):
        defaults = dict(store.__init__.__kwdefaults__ or {})
        defaults["clock"] = lambda: moment[0]
        monkeypatch.setattr(store.__init__, "__kwdefaults__", defaults)
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        vault.history.set_retention("forever")
        note = vault.notes.create(title="Statement", body="what the witness said first")
        for text in ("second account", "third account"):
            moment[0] += timedelta(minutes=6)
            vault.notes.update(note.uuid, body=text)
        before = len(vault.history.revisions(note.uuid))
    monkeypatch.undo()
    assert before == 2
    pw = tmp_path / "pw"
    pw.write_text(PASSPHRASE + "\n")
    pw.chmod(0o600)
    argv = [sys.executable, "-m", "hushnote", "--vault", str(fast_kdf_vault.root),
            "note", "history-keep", "7", "--passphrase-file", str(pw)]  # fmt: skip
    result = subprocess.run(argv, capture_output=True, text=True, check=False,
                            stdin=subprocess.DEVNULL, timeout=120)  # fmt: skip
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        after = len(vault.history.revisions(note.uuid))
    assert after == before, result.stdout
    assert result.returncode == 22 and "--yes" in result.stderr
    # With --yes it goes ahead: the week keeps none of these two months old revisions.
    result = subprocess.run([*argv, "--yes"], capture_output=True, text=True, check=False,
                            stdin=subprocess.DEVNULL, timeout=120)  # fmt: skip
    assert result.returncode == 0 and "2 revisions deleted" in result.stdout
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        assert vault.history.revisions(note.uuid) == []
