"""Bundles from the desktop app: export, import (with a passphrase too), the own key."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.core import Vault
from hushnote.core.formats.bundle_records import Scope
from hushnote.gui import bundle_dialogs, export_dialog, import_dialog, main_window
from support.gui import unlock_window


@pytest.fixture
def seeded(fast_kdf_vault: VaultSetup) -> VaultSetup:
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        vault.notes.create(title="Hearing", notebook="Case 12", body="Friday")
        vault.notes.create(title="Shopping", body="milk")
    return fast_kdf_vault


def test_export_a_notebook_and_import_it_into_another_vault(
    qtbot: QtBot,
    window_for,
    seeded: VaultSetup,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    fast_kdf_params,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    other = tmp_path / "other"
    with Vault.create(other, "other words", kdf=fast_kdf_params) as vault:
        recipient = vault.age_recipient()
    out = tmp_path / "case"
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))

    def fill(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.to_key.setChecked(True)
        dialog.keys.setPlainText(recipient)
        dialog.include_self.setChecked(False)
        dialog.path.setText(str(out))
        return 1

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", fill)
    window = window_for(seeded.root)
    unlock_window(qtbot, window, PASSPHRASE)
    window.workspace.export_requested.emit(Scope("notebook", "Case 12"))
    assert out.with_suffix(".hnb").exists()
    assert "1 notes" in shown[0]
    window.lock()

    monkeypatch.setattr(main_window, "choose_open_path", lambda *a: out.with_suffix(".hnb"))
    monkeypatch.setattr(import_dialog.ImportPreviewDialog, "exec", lambda _dialog: 1)
    second = window_for(other)
    unlock_window(qtbot, second, "other words")
    second.import_bundle()
    assert "notes: 1 added, 0 updated, 0 skipped" in shown[-1]
    assert second.workspace.note_model.rowCount() == 1


def test_a_passphrase_bundle_asks_for_its_passphrase(
    qtbot: QtBot,
    window_for,
    seeded: VaultSetup,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Vault.unlock(seeded.root, PASSPHRASE) as vault:
        vault.export_bundle(tmp_path / "p.hnb", passphrase="bundle words")
        vault.notes.purge(vault.notes.summaries()[0].uuid)
    asked: list[bool] = []

    def answer(_dialog) -> str:  # type: ignore[no-untyped-def]
        asked.append(True)
        return "bundle words"

    monkeypatch.setattr(import_dialog.BundlePassphraseDialog, "ask", answer)
    monkeypatch.setattr(import_dialog.ImportPreviewDialog, "exec", lambda _dialog: 1)
    monkeypatch.setattr(main_window, "choose_open_path", lambda *a: tmp_path / "p.hnb")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    window = window_for(seeded.root)
    unlock_window(qtbot, window, PASSPHRASE)
    window.import_bundle()
    assert asked == [True]
    assert "notes: 1 added, 0 updated, 1 skipped" in shown[-1]


def test_the_own_key_is_shown_with_a_copy_button(
    qtbot: QtBot,
    window_for,
    seeded: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(seeded.root)
    unlock_window(qtbot, window, PASSPHRASE)
    assert window.vault is not None
    dialog = bundle_dialogs.IdentityDialog(window.vault.age_recipient(), window)
    assert dialog.key.text() == window.vault.age_recipient()
    assert dialog.key.text().startswith("age1")
