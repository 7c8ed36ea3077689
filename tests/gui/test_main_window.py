"""The desktop app over a real vault: first run, unlock, notes, contacts, search, locking."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.core import ContactMethod, MethodKind, NewContact, Vault, VaultPaths
from hushnote.gui.app_identity import REAL_NAME as WINDOW_TITLE
from hushnote.gui.search_dialog import UUID_ROLE
from hushnote.gui.secure_clipboard import PASSWORD_MANAGER_HINT
from support.gui import unlock_window as unlock


def test_first_run_wizard_suggests_a_passphrase_and_creates_the_vault(
    qtbot: QtBot,
    window_for,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    root = tmp_path / "new-vault"
    window = window_for(root)
    page = window.create_page
    assert window.pages.currentWidget() is page
    qtbot.mouseClick(page.suggest_button, Qt.MouseButton.LeftButton)
    words = page.passphrase.text()
    assert len(words.split()) == 6
    assert page.confirmation.text() == words
    assert page.meter.label.text() == "strong"
    assert words in page.suggestion.text()
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert page.busy.isVisible()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace, timeout=10_000)
    assert page.passphrase.text() == "" and page.suggestion.text() == ""
    window.lock()
    Vault.unlock(root, words).lock()


def test_a_weak_passphrase_shows_as_weak(window_for, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = window_for(tmp_path / "v")
    window.create_page.passphrase.setText("password1")
    assert window.create_page.meter.label.text() == "weak"


def test_mismatched_passphrases_create_nothing(qtbot: QtBot, window_for, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "new-vault"
    window = window_for(root)
    qtbot.keyClicks(window.create_page.passphrase, "one")
    qtbot.keyClicks(window.create_page.confirmation, "two")
    qtbot.keyClick(window.create_page.confirmation, Qt.Key.Key_Return)
    assert "do not match" in window.create_page.status.text()
    assert not root.exists()


def test_wrong_passphrase_shows_a_calm_message(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(fast_kdf_vault.root)
    page = window.unlock_page
    qtbot.waitUntil(page.passphrase.hasFocus)
    qtbot.keyClicks(page.passphrase, "not it")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert page.busy.isVisible()
    assert page.passphrase.text() == ""  # not kept while Argon2id runs
    qtbot.waitUntil(lambda: not page.busy.isVisible(), timeout=10_000)
    assert page.status.text() == "That passphrase does not open this vault."
    assert window.pages.currentWidget() is page
    assert window.vault is None


def test_write_a_note_and_it_saves_itself(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = window.workspace.note_editor
    qtbot.waitUntil(editor.title.hasFocus)
    qtbot.keyClicks(editor.title, "Intake with Ms. Lopez")
    editor.tags.setText("legal, case-12")
    editor.tags.textEdited.emit(editor.tags.text())
    qtbot.keyClicks(editor.body, "Landlord changed the locks.")
    qtbot.waitUntil(lambda: editor.status.text() == "Saved", timeout=5_000)
    assert window.windowTitle() == WINDOW_TITLE
    vault = window.vault
    assert vault is not None
    (summary,) = vault.notes.summaries()
    note = vault.notes.get(summary.uuid)
    assert (note.title, note.body, note.tags) == (
        "Intake with Ms. Lopez",
        "Landlord changed the locks.",
        ("case-12", "legal"),
    )
    assert window.workspace.note_model.rowCount() == 1


def test_preview_renders_markdown_without_loading_anything(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        vault.notes.create(title="md", body="# Heading\n\n![x](file:///etc/passwd) **bold**")
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    window.workspace.list_view.setCurrentIndex(window.workspace.note_model.index(0))
    editor = window.workspace.note_editor
    editor.preview_button.setChecked(True)
    assert "Heading" in editor.preview.toPlainText()
    assert editor.preview.loadResource(0, "file:///etc/passwd") is None


def test_add_a_contact_with_several_numbers(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    editor = window.workspace.contact_editor
    qtbot.keyClicks(editor.name, "Rosa Delgado")
    editor.methods.item(0, 2).setText("+1 555-0100")
    editor.add_method_row(ContactMethod(MethodKind.SIGNAL, "@rosa.01", "private"))
    qtbot.keyClicks(editor.role, "medic")
    qtbot.keyClick(editor.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.status.text() == "Saved"
    vault = window.vault
    assert vault is not None
    (contact,) = [vault.contacts.get(c.uuid) for c in vault.contacts.summaries()]
    assert contact.values(MethodKind.PHONE) == ("+1 555-0100",)
    assert contact.values(MethodKind.SIGNAL) == ("@rosa.01",)
    assert window.workspace.contact_model.rowCount() == 1


def test_search_finds_and_opens_a_note(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        for n in range(5):
            vault.notes.create(title=f"filler {n}", body="nothing")
        target = vault.notes.create(title="Hearing", body="The eviction hearing is on Friday.")
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.query, "evict*")
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=3_000)
    assert "<b>eviction</b>" in dialog.results.item(0).text()
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.workspace.note_editor.uuid == target.uuid
    assert window.workspace.editors.currentWidget() is window.workspace.note_editor


def test_search_results_escape_note_text(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        vault.notes.create(title="<img src=x>", body="<script>alert(1)</script> payload")
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    window.search()
    window.search_dialog.query.setText("payload")
    window.search_dialog.run()
    text = window.search_dialog.results.item(0).text()
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "<img" not in text


def test_lock_forgets_everything_shown(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        vault.notes.create(title="Secret title", body="secret body")
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    workspace = window.workspace
    workspace.list_view.setCurrentIndex(workspace.note_model.index(0))
    qtbot.keyClicks(workspace.note_editor.body, " typed")
    workspace.toggle_history()  # saves the text, then shows its (empty) history
    assert workspace.note_editor.history.isVisible()
    window.search()
    window.search_dialog.query.setText("secret")
    window.search_dialog.run()
    vault = window.vault
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert vault is not None and vault.is_locked
    assert window.vault is None
    assert window.pages.currentWidget() is window.unlock_page
    assert workspace.note_model.rowCount() == 0
    assert workspace.contact_model.rowCount() == 0
    assert workspace.sidebar.topLevelItemCount() == 0
    editor = workspace.note_editor
    assert editor.title.text() == "" and editor.body.toPlainText() == ""
    assert not editor.body.document().isUndoAvailable()
    assert not editor.history.isVisible() and editor.history.note is None
    assert window.search_dialog.query.text() == ""
    assert window.search_dialog.results.count() == 0
    assert not window.search_dialog.isVisible()
    assert window.windowTitle() == WINDOW_TITLE
    # The edit made just before locking was saved, and the folder lock released.
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as again:
        assert "typed" in again.notes.get(again.notes.summaries()[0].uuid).body


def test_unlock_reopens_the_last_note(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        first = vault.notes.create(title="first")
        vault.notes.create(title="second")
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    window.workspace.open_note(first.uuid)
    window.lock()
    unlock(qtbot, window, PASSPHRASE)
    assert window.workspace.note_editor.uuid == first.uuid


def test_auto_lock_counts_wall_clock_time(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,
    fake_clock,  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    assert window.auto_lock.minutes == 5
    fake_clock.now += 4 * 60
    window.auto_lock.check()
    assert window.vault is not None
    qtbot.keyClick(window.workspace.list_view, Qt.Key.Key_Down)  # input resets the count
    fake_clock.now += 4 * 60
    window.auto_lock.check()
    assert window.vault is not None
    fake_clock.now += 60 * 60  # e.g. an hour asleep: the wall clock moved on
    window.auto_lock.check()
    assert window.vault is None
    assert window.pages.currentWidget() is window.unlock_page


def test_screen_lock_and_suspend_lock_the_vault(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    window.session_watch.on_screensaver(False)
    assert window.vault is not None
    window.session_watch.on_screensaver(True)
    assert window.vault is None
    unlock(qtbot, window, PASSPHRASE)
    window.session_watch.on_sleep(True)
    assert window.vault is None


def test_settings_live_in_the_vault(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from hushnote.gui import settings_dialog

    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)

    def accept(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.auto_lock.setValue(12)
        dialog.clipboard.setValue(45)
        return 1

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", accept)
    window.edit_settings()
    assert (window.auto_lock.minutes, window.clipboard.clear_seconds) == (12, 45)
    window.lock()
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        assert vault.settings.get("auto_lock_minutes") == "12"


def test_copied_numbers_are_marked_secret_and_cleared(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        a = vault.contacts.create(NewContact("Ana", (ContactMethod(MethodKind.PHONE, "111"),)))
        b = vault.contacts.create(NewContact("Bo", (ContactMethod(MethodKind.PHONE, "222"),)))
        vault.lists.create("Medics")
        vault.lists.add("Medics", a.uuid)
        vault.lists.add("Medics", b.uuid)
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    window.workspace.choose_section("list", "Medics")
    clipboard = QGuiApplication.clipboard()
    window.clipboard.clear_seconds = 1
    window.workspace.list_editor._copy_numbers()
    assert clipboard.text() == "111\n222"
    assert clipboard.mimeData().data(PASSWORD_MANAGER_HINT).data() == b"secret"
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3_000)


def test_ctrl_c_in_a_note_is_marked_secret_and_cleared_too(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        note = vault.notes.create(title="t", body="meet at the north gate")
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    window.clipboard.clear_seconds = 1
    window.workspace.open_note(note.uuid)
    body = window.workspace.note_editor.body
    body.setFocus()
    body.selectAll()
    qtbot.keyClick(body, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == "meet at the north gate"
    assert clipboard.mimeData().data(PASSWORD_MANAGER_HINT).data() == b"secret"
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3_000)
    window.lock()
    clipboard.setText("copied after locking")  # not the vault's: left alone
    qtbot.wait(1_200)
    assert clipboard.text() == "copied after locking"
    assert not clipboard.mimeData().hasFormat(PASSWORD_MANAGER_HINT)


def test_the_clipboard_is_left_alone_if_the_user_copied_something_else(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    clipboard = QGuiApplication.clipboard()
    window.clipboard.copy("from the vault")
    # Another program's copy: it arrives while Hushnote is not the focused window.
    window.clipboard.watch_copies(False)
    clipboard.setText("the user's own text")
    window.clipboard.watch_copies(True)
    window.clipboard.clear_if_ours()
    assert clipboard.text() == "the user's own text"
    window.clipboard.copy("from the vault")
    window.lock()
    assert clipboard.text() == ""


def test_trash_and_restore(
    qtbot: QtBot, window_for, fast_kdf_vault: VaultSetup, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        vault.notes.create(title="binned")
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    workspace = window.workspace
    workspace.list_view.setCurrentIndex(workspace.note_model.index(0))
    workspace.trash_current()
    assert workspace.note_model.rowCount() == 0
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert workspace.section == ("trash", None)
    assert workspace.note_model.rowCount() == 1
    workspace.list_view.setCurrentIndex(workspace.note_model.index(0))
    workspace.restore_current()
    assert workspace.note_model.rowCount() == 0
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    workspace.choose_section("notes")
    assert workspace.note_model.rowCount() == 1


def test_import_contacts_with_progress_and_a_summary(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from hushnote.gui import main_window

    data = Path(__file__).parents[1] / "data" / "contacts" / "google.csv"
    monkeypatch.setattr(main_window, "choose_open_path", lambda *a: data)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    window.import_contacts()
    assert shown == ["Imported 3 contacts. Skipped 0 already in the vault."]
    assert window.vault is not None and window.vault.contacts.count() == 3


def test_a_malformed_import_says_where_and_imports_nothing(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from hushnote.gui import main_window

    data = Path(__file__).parents[1] / "data" / "contacts" / "broken" / "no-colon.vcf"
    monkeypatch.setattr(main_window, "choose_open_path", lambda *a: data)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    window.import_contacts()
    assert warnings and "line 4" in warnings[0]
    assert window.vault is not None and window.vault.contacts.count() == 0


def test_change_passphrase_checks_the_current_one(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from hushnote.gui import passphrase_dialog

    answers = {"current": "wrong", "new": "brand new words"}

    def fill(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.current.setText(answers["current"])
        dialog.new.setText(answers["new"])
        dialog.repeat.setText(answers["new"])
        return 1

    monkeypatch.setattr(passphrase_dialog.ChangePassphraseDialog, "exec", fill)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    window.change_passphrase()
    assert warnings == ["That passphrase does not open this vault."]
    answers["current"] = PASSPHRASE
    window.change_passphrase()
    window.lock()
    Vault.unlock(fast_kdf_vault.root, "brand new words").lock()


def test_rotate_key_from_the_menu(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    vault = window.vault
    assert vault is not None
    before = bytes(vault.keyring().data_key)
    window.rotate_key()
    assert bytes(vault.keyring().data_key) != before
    assert vault.check() == []


def test_every_action_with_a_shortcut_is_in_the_help(window_for, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from hushnote.gui.shortcuts_dialog import ShortcutsDialog

    window = window_for(tmp_path / "v")
    dialog = ShortcutsDialog(window.all_actions, window, extra=window.editor_shortcuts())
    names = {dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())}
    assert {"Lock", "New note", "Search", "Today's journal entry", "New contact"} <= names
    assert "Show or hide the Markdown preview" in names
    # Keyboard first: every menu action has a shortcut, but for the plaintext contact
    # export, the unencrypted PDF, starting and ending travel (which take content off the
    # laptop or bring it back) and the import from another app (which offers to delete
    # its files), kept off any chord on purpose; their menus still reach them (Alt keys).
    assert sorted(a.text() for a in window.all_actions if not a.shortcuts()) == sorted(
        [
            "&Export contacts (unencrypted)…",
            "Save as PD&F…",
            "S&tart travel…",
            "&End travel…",
            "&Import from another app…",
        ]
    )
    keys = {dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())}
    assert any("Ctrl+K" in k for k in keys)


def test_passphrase_fields_are_masked(window_for, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = window_for(tmp_path / "v")
    for field in (
        window.create_page.passphrase,
        window.create_page.confirmation,
        window.unlock_page.passphrase,
    ):
        assert field.echoMode() == QLineEdit.EchoMode.Password
        assert field.accessibleName()


def test_closing_the_window_locks_the_vault(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    vault = window.vault
    window.close()
    assert vault is not None and vault.is_locked


@pytest.mark.parametrize("kind", [RuntimeError, ValueError])
def test_an_unexpected_error_shows_no_content(
    qtbot: QtBot,
    window_for,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch,
    kind: type[Exception],
) -> None:
    import sys

    from hushnote.gui.crash_handler import install_crash_handler

    window = window_for(tmp_path / "v")
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append(box.text() + box.informativeText()) or 0
    )
    old_hook = sys.excepthook
    install_crash_handler(lambda: window)
    try:
        sys.excepthook(kind, kind("SECRET NOTE CONTENT"), None)
    finally:
        sys.excepthook = old_hook
    assert shown and "SECRET" not in shown[0]
    assert kind.__name__ in shown[0]
    assert VaultPaths(tmp_path / "v").exists() is False


def test_todays_entry_from_the_keyboard(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    workspace = window.workspace
    assert workspace.section == ("journal", None)
    assert workspace.note_model.rowCount() == 1
    qtbot.keyClicks(workspace.note_editor.body, "Dear diary")
    workspace.note_editor.save()
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert workspace.note_model.rowCount() == 1  # the same entry, not a second one
    assert workspace.note_editor.body.toPlainText() == "Dear diary"


def test_the_theme_follows_the_desktop(qtbot: QtBot) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from hushnote.gui.theme import palette_for

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = QPalette.ColorRole.Window
    assert palette_for(app, Qt.ColorScheme.Dark).color(window).lightness() < 80
    assert palette_for(app, Qt.ColorScheme.Light).color(window).lightness() > 180
    assert palette_for(app, Qt.ColorScheme.Unknown).color(window).lightness() > 180


@pytest.mark.parametrize("finish", ["save with the list open", "enter", "pick from the list"])
def test_a_kind_chosen_in_the_contact_editor_is_saved(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
    finish: str,
) -> None:
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    editor = window.workspace.contact_editor
    qtbot.keyClicks(editor.name, "Rosa Delgado")
    editor.methods.item(0, 2).setText("@rosa.01")
    editor.methods.setFocus()
    editor.methods.setCurrentCell(0, 0)
    qtbot.keyClick(editor.methods, Qt.Key.Key_F2)
    box = editor.methods.findChild(QComboBox)
    assert box is not None and box.isVisible()
    signal = box.findData(MethodKind.SIGNAL.value)
    if finish == "pick from the list":  # what a click on an entry of the open list does
        box.setCurrentIndex(signal)
        box.activated.emit(signal)
    else:
        while box.currentIndex() != signal:
            qtbot.keyClick(box, Qt.Key.Key_Down)
        if finish == "enter":
            qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClick(editor.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.status.text() == "Saved"
    vault = window.vault
    assert vault is not None
    (contact,) = [vault.contacts.get(c.uuid) for c in vault.contacts.summaries()]
    assert contact.values(MethodKind.SIGNAL) == ("@rosa.01",)
    assert contact.values(MethodKind.PHONE) == ()


def test_arrow_keys_in_the_search_field_move_through_the_results(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        first = vault.notes.create(title="Hearing one", body="eviction notice")
        second = vault.notes.create(title="Hearing two", body="eviction appeal")
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    qtbot.keyClicks(dialog.query, "eviction")
    qtbot.waitUntil(lambda: dialog.results.count() == 2, timeout=3_000)
    dialog.results.setCurrentRow(0)
    rows = []
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Up):
        qtbot.keyClick(dialog.query, key)
        assert dialog.query.hasFocus()  # the typing goes on where it was
        rows.append(dialog.results.currentRow())
    assert rows == [1, 1, 0, 0]  # and never past either end
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    wanted = dialog.results.item(1).data(UUID_ROLE)
    assert wanted in (first.uuid, second.uuid)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert window.workspace.note_editor.uuid == wanted


def test_a_failing_autosave_keeps_the_text_and_retries(
    qtbot: QtBot,
    window_for,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    fast_kdf_params,  # type: ignore[no-untyped-def]
) -> None:
    """A full disk during autosave reached the crash dialog, and opening another note
    then replaced the unsaved text."""
    from hushnote.gui import note_editor as note_editor_module
    from support.mounts import fill, tmpfs

    with tmpfs(tmp_path / "disk", 2048) as disk:
        root = disk / "vault"
        with Vault.create(root, PASSPHRASE, kdf=fast_kdf_params) as vault:
            first = vault.notes.create(title="first", body="old text")
            second = vault.notes.create(title="second", body="other")
        window = window_for(root)
        unlock(qtbot, window, PASSPHRASE)
        editor = window.workspace.note_editor
        editor.open_note(first.uuid)
        editor._retry.setInterval(50)
        filler = disk / "filler"
        fill(disk)
        text = "new words typed while the disk is full " * 400
        editor.body.setPlainText(text)
        editor._changed()
        assert not editor.save()
        assert not editor.banner.isHidden() and "full" in editor.banner.text()
        assert editor.status.text() == "Not saved"
        editor.open_note(second.uuid)  # must not replace the unsaved text
        assert editor.uuid == first.uuid and editor.body.toPlainText() == text
        filler.unlink()  # room again: the retry lands by itself
        qtbot.waitUntil(lambda: editor.status.text() == "Saved", timeout=5_000)
        assert editor.banner.isHidden()
        assert window.vault is not None
        assert window.vault.notes.get(first.uuid).body == text
        assert note_editor_module.RETRY_MS >= 1000  # the real interval does not spin
        window.lock()


def test_a_new_notebook_and_tag_show_at_once_and_counts_follow_the_trash(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    """They appeared only when something else rebuilt the sidebar; counts went stale."""
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        first = vault.notes.create(title="first", body="x")
        second = vault.notes.create(title="second", body="y")
    window = window_for(fast_kdf_vault.root)
    unlock(qtbot, window, PASSPHRASE)
    workspace = window.workspace
    editor = workspace.note_editor
    editor.open_note(first.uuid)
    editor.notebook.setCurrentText("Case 12")
    editor.tags.setText("hearing")
    editor._changed()
    assert editor.save()

    def sidebar() -> list[str]:
        return [item.text(0) for item in workspace._sidebar_items()]

    assert "Case 12 (1)" in sidebar() and "#hearing" in sidebar()
    assert editor.notebook.currentText() == "Case 12"  # what was typed stays
    editor.open_note(second.uuid)
    assert editor.notebook.findText("Case 12") >= 0  # offered for the next note
    workspace.choose_section("notebook", "Case 12")
    workspace.list_view.setCurrentIndex(workspace.note_model.index(0))
    workspace.trash_current()
    assert "Case 12 (1)" not in sidebar()


def test_the_shortcuts_help_in_chinese_shows_no_mnemonic_letters(
    window_for, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Chinese menus carry their mnemonic as "(&N)"; the help lists actions, not letters."""
    import re

    from PySide6.QtCore import QCoreApplication

    from hushnote.gui.i18n import install_translators
    from hushnote.gui.shortcuts_dialog import ShortcutsDialog

    translators = install_translators("zh_CN")
    try:
        window = window_for(tmp_path / "v")
        assert any("(&" in action.text() for action in window.all_actions)
        dialog = ShortcutsDialog(window.all_actions, window, extra=window.editor_shortcuts())
        names = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
        assert [name for name in names if re.search(r"[(\uff08]\w[)\uff09]\s*$", name)] == []
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        install_translators("en")
