"""The workspace from the keyboard: Enter opens, the Tags heading lists tags, a search
result shows in the list, a new phone row takes the keyboard, the trash reads only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.core import Vault
from hushnote.gui.main_window import MainWindow
from hushnote.gui.paged_list_model import PAGE_SIZE
from support.gui import unlock_window as unlock


def _window(qtbot: QtBot, window_for, setup: VaultSetup) -> MainWindow:  # type: ignore[no-untyped-def]
    window = window_for(setup.root)
    unlock(qtbot, window, PASSPHRASE)
    return window  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier),
        (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_enter_in_the_note_list_opens_the_note(
    qtbot: QtBot, window_for, fast_kdf_vault: VaultSetup, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:  # type: ignore[no-untyped-def]
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        first = vault.notes.create(title="first")
        vault.notes.create(title="second")  # newest: listed first
    window = _window(qtbot, window_for, fast_kdf_vault)
    workspace = window.workspace
    view = workspace.list_view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    # The current row without a choice (as when the list first takes the focus):
    # nothing is open yet.
    view.selectionModel().setCurrentIndex(
        workspace.note_model.index(1), QItemSelectionModel.SelectionFlag.NoUpdate
    )
    assert workspace.editors.currentWidget() is workspace.placeholder
    qtbot.keyClick(view, key, modifier)
    assert workspace.note_editor.uuid == first.uuid
    assert view.selectionModel().isRowSelected(1)
    assert workspace.editors.currentWidget() is workspace.note_editor
    # On a row already chosen whose note is not shown, Enter shows it again.
    workspace.editors.setCurrentWidget(workspace.placeholder)
    qtbot.keyClick(view, key, modifier)
    assert workspace.editors.currentWidget() is workspace.note_editor


def test_the_tags_heading_lists_the_tags_and_each_opens_its_notes(
    qtbot: QtBot, window_for, fast_kdf_vault: VaultSetup
) -> None:  # type: ignore[no-untyped-def]
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        vault.notes.create(title="a", tags=["legal"])
        vault.notes.create(title="b", tags=["legal", "会议"])
        vault.notes.create(title="c", tags=["会议"])
        vault.notes.create(title="untagged")
    window = _window(qtbot, window_for, fast_kdf_vault)
    workspace = window.workspace
    workspace.choose_section("tags")
    model = workspace.list_view.model()
    rows = [
        (model.index(row, 0).data(), model.index(row, 0).data(Qt.ItemDataRole.UserRole + 2))
        for row in range(model.rowCount())
    ]
    assert rows == [("#legal", "2 note(s)"), ("#会议", "2 note(s)")]
    assert workspace.heading.text() == "Tags"
    view = workspace.list_view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    # Moving through the tags opens none of them...
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert workspace.section == ("tags", None)
    # ...Enter opens the chosen tag's notes.
    assert view.currentIndex().data() == "#会议"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert workspace.section == ("tag", "会议")
    titles = {workspace.note_model.index(r).data() for r in range(workspace.note_model.rowCount())}
    assert titles == {"b", "c"}
    # A click opens a tag too.
    workspace.choose_section("tags")
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(model.index(0, 0)).center()
    )
    assert workspace.section == ("tag", "legal")


def test_a_note_opened_from_search_is_chosen_in_the_list_even_pages_away(
    qtbot: QtBot, window_for, fast_kdf_vault: VaultSetup
) -> None:  # type: ignore[no-untyped-def]
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        target = vault.notes.create(title="the eviction hearing", notebook="Case 12")
        for n in range(PAGE_SIZE + 50):  # newer notes push the target past the first page
            vault.notes.create(title=f"filler {n}")
        trashed = vault.notes.create(title="an old eviction draft")
        vault.notes.trash(trashed.uuid)
    window = _window(qtbot, window_for, fast_kdf_vault)
    workspace = window.workspace
    view = workspace.list_view
    workspace.list_view.scrollToTop()
    assert workspace.note_model.row_of(target.uuid) is None  # not read yet
    window.search_dialog.opened.emit("note", target.uuid)
    assert workspace.section == ("notes", None)
    assert view.currentIndex().row() == PAGE_SIZE + 50
    assert view.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == target.uuid
    assert view.selectionModel().isRowSelected(PAGE_SIZE + 50)
    assert view.viewport().rect().intersects(view.visualRect(view.currentIndex()))
    assert workspace.note_editor.uuid == target.uuid
    # In a notebook that holds it, the list stays on that notebook.
    workspace.choose_section("notebook", "Case 12")
    window.search_dialog.opened.emit("note", target.uuid)
    assert workspace.section == ("notebook", "Case 12")
    assert view.currentIndex().row() == 0
    # In a tag that does not hold it, the list goes back to all notes.
    workspace.choose_section("journal")
    window.search_dialog.opened.emit("note", target.uuid)
    assert workspace.section == ("notes", None)
    # A note in the trash shows in the trash.
    window.search_dialog.opened.emit("note", trashed.uuid)
    assert workspace.section == ("trash", None)
    assert view.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == trashed.uuid


def test_after_add_the_keyboard_is_in_the_new_row(
    qtbot: QtBot, window_for, fast_kdf_vault: VaultSetup
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, window_for, fast_kdf_vault)
    workspace = window.workspace
    workspace.new_contact()
    editor = workspace.contact_editor
    qtbot.keyClicks(editor.name, "Ana")
    editor.methods.item(0, 2).setText("+1 555 0100")
    qtbot.mouseClick(editor._add_method, Qt.MouseButton.LeftButton)
    table = editor.methods
    assert table.rowCount() == 2
    assert (table.currentRow(), table.currentColumn()) == (1, 0)
    box = window.focusWidget()
    assert isinstance(box, QComboBox) and table.isAncestorOf(box)  # the kind, open to type
    qtbot.keyClicks(box, "E")  # a letter picks the kind
    # Tab goes on, editing, to the label and then the value.
    for column, text in ((1, "work"), (2, "ana@example.org")):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda column=column: table.currentColumn() == column)
        field = window.focusWidget()
        assert isinstance(field, QLineEdit) and table.isAncestorOf(field)
        qtbot.keyClicks(field, text)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(1, 2).text() == "ana@example.org")  # Enter commits
    assert editor.save()
    vault = window.vault
    assert vault is not None
    (summary,) = vault.contacts.summaries()
    methods = vault.contacts.get(summary.uuid).methods
    assert [(m.kind.value, m.label, m.value) for m in methods][1] == (
        "email",
        "work",
        "ana@example.org",
    )


def test_a_note_in_the_trash_reads_but_never_saves(
    qtbot: QtBot, window_for, fast_kdf_vault: VaultSetup
) -> None:  # type: ignore[no-untyped-def]
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as vault:
        note = vault.notes.create(title="binned", body="The text to read before restoring.")
        vault.notes.trash(note.uuid)
        stored = vault.notes.get(note.uuid)
    window = _window(qtbot, window_for, fast_kdf_vault)
    workspace = window.workspace
    editor = workspace.note_editor
    workspace.choose_section("trash")
    workspace.list_view.setCurrentIndex(workspace.note_model.index(0))
    assert editor.body.toPlainText() == "The text to read before restoring."
    assert editor.trash_banner.isVisible() and editor.restore_button.isVisible()
    assert editor.body.isEnabled() and editor.body.isReadOnly()  # readable, not greyed
    assert editor.title.isReadOnly() and editor.tags.isReadOnly()
    assert not editor.notebook.isEnabled() and not editor.pinned.isEnabled()
    editor.body.setFocus()
    qtbot.waitUntil(editor.body.hasFocus)
    qtbot.keyClicks(editor.body, "typed over")
    qtbot.keyClicks(editor.title, "typed over")
    assert editor.body.toPlainText() == "The text to read before restoring."
    # Even a change made by code, then every way a save starts, writes nothing.
    editor.title.setText("changed")
    editor.title.textEdited.emit("changed")
    editor.pinned.setChecked(True)
    assert editor.save()
    workspace.list_view.setFocus()  # focus out saves, elsewhere
    vault = window.vault
    assert vault is not None
    assert vault.notes.get(note.uuid) == stored
    # Restore: the note leaves the trash and the same editor becomes editable.
    qtbot.mouseClick(editor.restore_button, Qt.MouseButton.LeftButton)
    assert not vault.notes.get(note.uuid).trashed
    assert editor.uuid == note.uuid and not editor.body.isReadOnly()
    assert not editor.trash_banner.isVisible()
    qtbot.keyClicks(editor.body, "More. ")
    assert editor.save()
    assert vault.notes.get(note.uuid).body.startswith("More. ")


def test_the_plaintext_contact_export_has_no_shortcut(window_for, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence

    from hushnote.gui.shortcuts_dialog import ShortcutsDialog

    window = window_for(tmp_path / "v")
    (export,) = [a for a in window.all_actions if "unencrypted" in a.text()]
    assert export.shortcuts() == []
    taken = {s.toString() for a in window.all_actions for s in a.shortcuts()}
    assert QKeySequence("Ctrl+E").toString() not in taken
    dialog = ShortcutsDialog(window.all_actions, window, extra=window.editor_shortcuts())
    rows = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
        for r in range(dialog.table.rowCount())
    }
    assert rows["Export contacts (unencrypted)"] == "No shortcut, on purpose: the Contacts menu"
    assert rows["Open the chosen note, contact or tag"] == "Enter / Space"
