"""Bundles from the desktop app: export, import (with a passphrase too), the own key."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pyrage
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.core import NewContact, NewNote, Vault
from hushnote.core.formats import bundle_export
from hushnote.core.formats.bundle_records import Scope
from hushnote.gui import bundle_dialogs, export_dialog, import_dialog, main_window
from support.gui import unlock_window

pytestmark = pytest.mark.usefixtures("fast_scrypt")  # passphrase bundles: conftest.py


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


def _replace_existing(out: Path, how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The export dialog as a person answers it: the target exists, "Replace it?" Yes."""
    asked: list[str] = []

    def question(_parent, _title, text, *_rest):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    def fill(dialog) -> int:  # type: ignore[no-untyped-def]
        if how == "key":
            dialog.to_key.setChecked(True)
            dialog.keys.setPlainText(dialog.sources.own_recipient)
        else:
            dialog.with_passphrase.setChecked(True)
            dialog.passphrase.setText("bundle words for the test")
            dialog.repeat.setText("bundle words for the test")
        dialog.path.setText(str(out))
        dialog._check()
        assert asked == ["A file with that name exists. Replace it?"]
        return dialog.result()

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(export_dialog.ExportDialog, "exec", fill)


@pytest.mark.parametrize("how", ["key", "passphrase"])
def test_replace_then_cancel_keeps_the_file_that_was_there(
    qtbot: QtBot,
    window_for,
    seeded: VaultSetup,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    """Yes to "Replace it?", then Cancel: the old file was destroyed, though the status
    said "Nothing was changed"."""
    with Vault.unlock(seeded.root, PASSPHRASE) as vault:
        body = "hearing " * 5_000
        vault.notes.create_many(NewNote(title=f"Note {n}", body=body) for n in range(1200))
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "case.hnb"
    out.write_bytes(b"the bundle handed over last week")
    _replace_existing(out, how, monkeypatch)
    if how == "passphrase":  # past the in-memory limit: bundle and key file, both streamed
        monkeypatch.setattr(bundle_export, "IN_MEMORY_LIMIT", 1000)
    window = window_for(seeded.root)
    unlock_window(qtbot, window, PASSPHRASE)

    def cancel_once_shown() -> None:
        shown = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        if not shown:
            QTimer.singleShot(5, cancel_once_shown)
            return
        button = shown[0].findChild(QPushButton)
        assert button is not None
        button.click()

    QTimer.singleShot(0, cancel_once_shown)
    window.export_bundle()
    assert window.statusBar().currentMessage() == "Cancelled. Nothing was changed."
    assert out.read_bytes() == b"the bundle handed over last week"
    assert os.listdir(folder) == ["case.hnb"]
    window.lock()


def test_a_full_disk_inside_age_is_told_calmly_and_keeps_the_file(
    qtbot: QtBot,
    window_for,
    seeded: VaultSetup,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """age's own EncryptError for a full disk reached the crash dialog."""
    from support.mounts import fill, tmpfs

    real = bundle_export.pyrage.encrypt_io

    def encrypt_io(source, target, recipients) -> None:  # type: ignore[no-untyped-def]
        try:
            real(source, target, recipients)
        except OSError as error:  # as age reports a failure that surfaces inside it
            raise pyrage.EncryptError(f"{error.strerror} (os error {error.errno})") from None

    monkeypatch.setattr(bundle_export.pyrage, "encrypt_io", encrypt_io)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text))
    with Vault.unlock(seeded.root, PASSPHRASE) as vault:
        vault.notes.create_many(NewNote(title=f"Note {n}", body="x" * 400) for n in range(2000))
    with tmpfs(tmp_path / "disk", 256) as disk:
        out = disk / "case.hnb"
        out.write_bytes(b"the bundle handed over last week")
        fill(disk)
        _replace_existing(out, "key", monkeypatch)
        window = window_for(seeded.root)
        unlock_window(qtbot, window, PASSPHRASE)
        window.export_bundle()
        assert warned == ["The disk is full. Nothing was changed; free some space and retry."]
        assert out.read_bytes() == b"the bundle handed over last week"
        assert sorted(os.listdir(disk)) == ["case.hnb", "filler"]
        window.lock()


def test_an_export_into_the_vault_folder_is_refused(
    qtbot: QtBot,
    window_for,
    seeded: VaultSetup,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text))
    _replace_existing(seeded.root / "vault.key", "key", monkeypatch)
    window = window_for(seeded.root)
    unlock_window(qtbot, window, PASSPHRASE)
    window.export_bundle()
    assert warned and "inside the vault's own folder" in warned[0]
    window.lock()
    with Vault.unlock(seeded.root, PASSPHRASE) as vault:  # the vault still opens
        assert len(vault.notes.summaries()) == 2


def test_attached_files_are_counted_on_export_in_the_preview_and_after_import(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    seeded: VaultSetup,
    tmp_path: Path,
    fast_kdf_params,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Vault.unlock(seeded.root, PASSPHRASE) as vault:
        note = vault.notes.summaries()[0].uuid
        for name in ("a.txt", "b.txt"):
            vault.attachments.add(note, io.BytesIO(b"statement\n"), name=name)
    other = tmp_path / "other"
    with Vault.create(other, "other words", kdf=fast_kdf_params) as vault:
        recipient = vault.age_recipient()
    out = tmp_path / "files"
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))

    def fill(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.to_key.setChecked(True)
        dialog.keys.setPlainText(recipient)
        dialog.path.setText(str(out))
        return 1

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", fill)
    window = window_for(seeded.root)
    unlock_window(qtbot, window, PASSPHRASE)
    window.export_bundle()
    assert "Exported 2 attached file(s)." in shown[0].splitlines()
    window.lock()

    previewed: list[list[str]] = []

    def preview(dialog) -> int:  # type: ignore[no-untyped-def]
        table = dialog.table
        for row in range(table.rowCount()):
            cells = [table.item(row, column).text() for column in range(table.columnCount())]
            previewed.append([table.verticalHeaderItem(row).text(), *cells])
        return 1

    monkeypatch.setattr(main_window, "choose_open_path", lambda *a: out.with_suffix(".hnb"))
    monkeypatch.setattr(import_dialog.ImportPreviewDialog, "exec", preview)
    second = window_for(other)
    unlock_window(qtbot, second, "other words")
    second.import_bundle()
    assert previewed[-1] == ["Attached files", "2", "0", "0"]
    assert "Attached files: 2 new, 0 unchanged." in shown[-1].splitlines()
    second.import_bundle()  # the same bundle again: the files are there already
    assert previewed[-1] == ["Attached files", "0", "0", "2"]
