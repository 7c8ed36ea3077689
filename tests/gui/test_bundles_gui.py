"""Bundles from the desktop app: export, import (with a passphrase too), the own key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.core import NewContact, Vault
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
    assert shown[0].startswith("Exported 1 note(s).\nSaved to:\n")
    window.lock()

    monkeypatch.setattr(main_window, "choose_open_path", lambda *a: out.with_suffix(".hnb"))
    monkeypatch.setattr(import_dialog.ImportPreviewDialog, "exec", lambda _dialog: 1)
    second = window_for(other)
    unlock_window(qtbot, second, "other words")
    second.import_bundle()
    assert "Notes: 1 new, 0 updated, 0 unchanged." in shown[-1].splitlines()
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
    assert "Notes: 1 new, 0 updated, 1 unchanged." in shown[-1].splitlines()


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


def pseudo_tr(_self: object, text: str, _disambiguation: str = "", n: int = -1) -> str:
    """A stand-in catalogue that changes the case of every letter it translates (not of
    the placeholders), and fills %n as Qt does: text that did not pass through it keeps
    its case."""
    translated = re.sub(r"(?<![%])[A-Za-z]", lambda match: match[0].swapcase(), text)
    return translated.replace("%n", str(n)) if n >= 0 else translated


def test_the_messages_after_export_and_import_are_translated_whole(
    qtbot: QtBot,
    window_for,
    seeded: VaultSetup,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    fast_kdf_params,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    with Vault.unlock(seeded.root, PASSPHRASE) as vault:
        rosa = vault.contacts.create(NewContact("Rosa"))
        vault.links.link(vault.notes.summaries()[0].uuid, rosa.uuid)
        vault.lists.create("Medics")
        vault.lists.add("Medics", rosa.uuid)
    other = tmp_path / "other"
    with Vault.create(other, "other words", kdf=fast_kdf_params) as vault:
        recipient = vault.age_recipient()
    out = tmp_path / "b"
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))

    def fill(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.to_key.setChecked(True)
        dialog.keys.setPlainText(recipient)
        dialog.path.setText(str(out))
        return 1

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", fill)
    monkeypatch.setattr(main_window.MainWindow, "tr", pseudo_tr)
    window = window_for(seeded.root)
    unlock_window(qtbot, window, PASSPHRASE)
    window.export_bundle()
    counts = shown[0].split("\n" + pseudo_tr(None, "Saved to:"))[0]
    assert counts.splitlines() == [
        pseudo_tr(None, "Exported %n note(s).", n=2),
        pseudo_tr(None, "Exported %n contact(s).", n=1),
        pseudo_tr(None, "Exported %n contact list(s).", n=1),
        pseudo_tr(None, "Exported %n link(s) between notes and contacts.", n=1),
    ]
    window.lock()

    monkeypatch.setattr(main_window, "choose_open_path", lambda *a: out.with_suffix(".hnb"))
    monkeypatch.setattr(import_dialog.ImportPreviewDialog, "exec", lambda _dialog: 1)
    second = window_for(other)
    unlock_window(qtbot, second, "other words")
    second.import_bundle()
    lines = shown[-1].splitlines()
    assert lines == [
        pseudo_tr(None, "Notes: %1 new, %2 updated, %3 unchanged.").replace("%1", "2")
        .replace("%2", "0").replace("%3", "0"),
        pseudo_tr(None, "Contacts: %1 new, %2 updated, %3 unchanged.").replace("%1", "1")
        .replace("%2", "0").replace("%3", "0"),
        pseudo_tr(None, "Contact lists: %1 new, %2 updated, %3 unchanged.").replace("%1", "1")
        .replace("%2", "0").replace("%3", "0"),
        pseudo_tr(None, "Links between notes and contacts: %1 new, %2 unchanged.")
        .replace("%1", "1").replace("%2", "0"),
    ]  # fmt: skip
    for word in ("notes", "contacts", "lists", "links", "added", "skipped"):
        assert word not in shown[-1] and word not in counts  # nothing left untranslated
