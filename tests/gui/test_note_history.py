"""The note history panel and the history settings, on the real window over a real vault.

Edits are typed into the editor and saved by its own autosave while the stores' clock is
moved by hand (``moved_clock``: the vault builds its stores with the system clock, so the
test sets the stores' default clock): each edit past five minutes keeps a version. The
panel lists them, compares one with the current text on a worker, restores it (undoably),
deletes the note's history after a confirm, works by keyboard alone, and keeps nothing
shown after a lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QSyntaxHighlighter
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.core import DiffLine, HistoryStore, KdfParams, NoteStore, Scope, Vault
from hushnote.gui import export_dialog
from hushnote.gui.app_identity import app_name
from hushnote.gui.diff_view import ADDED, FOLDED, REMOVED, fold_diff
from hushnote.gui.history_panel import HistoryPanel
from hushnote.gui.history_words import reason_text, retention_text
from hushnote.gui.main_window import MainWindow
from hushnote.gui.note_editor import NoteEditor
from hushnote.gui.settings_dialog import SettingsDialog, VaultPreferences
from support.gui import FakeClock, finish_overwrites, panic_window, unlock_window
from support.modal import when_shown
from support.shown_text import widget_texts

CANARY_OLD = "quokka-orchard-7731"  # only ever in an earlier version
CANARY_NEW = "marmot-lantern-2290"  # in the text that replaced it


@pytest.fixture
def moved_clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """The time every note and history store sees, moved by the test."""
    clock = FakeClock()

    def now() -> datetime:
        return datetime.fromtimestamp(clock.now, UTC)

    for store in (NoteStore, HistoryStore):
        defaults = dict(store.__init__.__kwdefaults__ or {})
        defaults["clock"] = now
        monkeypatch.setattr(store.__init__, "__kwdefaults__", defaults)
    return clock


@pytest.fixture
def window(
    qtbot: QtBot, fast_kdf_params: KdfParams, fast_kdf_vault: VaultSetup, moved_clock: FakeClock
) -> Iterator[MainWindow]:
    made = panic_window(qtbot, fast_kdf_vault.root, fast_kdf_params, [])
    unlock_window(qtbot, made, PASSPHRASE)
    yield made
    made.workspace.note_editor.history.wait_for_comparisons()
    if made.vault is not None:
        made.lock()


def editor_of(window: MainWindow) -> NoteEditor:
    return window.workspace.note_editor


def panel_of(window: MainWindow) -> HistoryPanel:
    return window.workspace.note_editor.history


def vault_of(window: MainWindow) -> Vault:
    assert window.vault is not None
    return window.vault


def type_and_save(qtbot: QtBot, editor: NoteEditor, text: str) -> None:
    """Replace the body as a person would (select all, type), then wait for the autosave."""
    editor.body.setFocus()
    editor.body.selectAll()
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(editor.body, Qt.Key.Key_Return)
        qtbot.keyClicks(editor.body, line)
    qtbot.waitUntil(lambda: editor.status.text() == "Saved", timeout=5_000)


def note_with_versions(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> str:
    """A note edited three times, five minutes apart: two earlier versions."""
    note = vault_of(window).notes.create(title="Visit", body=f"first {CANARY_OLD}\nsame line")
    window.session.notify("notes")
    window.workspace.open_note(note.uuid)
    editor = editor_of(window)
    for text in ("second\nsame line", f"third {CANARY_NEW}\nsame line"):
        clock.now += 6 * 60
        type_and_save(qtbot, editor, text)
    return note.uuid


def ctrl_shift_h(qtbot: QtBot, window: MainWindow) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_H, modifiers)


def open_history(qtbot: QtBot, window: MainWindow) -> HistoryPanel:
    """Ctrl+Shift+H, with the window in front (a message box may just have closed)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    panel = panel_of(window)
    assert panel.isVisible()
    wait_compared(qtbot, panel)
    return panel


def wait_compared(qtbot: QtBot, panel: HistoryPanel) -> None:
    qtbot.waitUntil(lambda: not panel._running and "Comparing" not in panel.summary.text())


def answer(kind: type, pick: Callable[[QMessageBox], object], seen: list[str]) -> None:
    def click(box: object) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        pick(box)

    when_shown(kind, click)


def press(which: QMessageBox.StandardButton) -> Callable[[QMessageBox], object]:
    return lambda box: box.button(which).click()


# -- the list and the comparison -------------------------------------------------------------


def test_edits_past_five_minutes_become_versions_listed_newest_first(
    qtbot: QtBot, window: MainWindow, moved_clock: FakeClock
) -> None:
    uuid = note_with_versions(qtbot, window, moved_clock)
    panel = open_history(qtbot, window)
    assert [r.reason for r in panel.revisions] == ["edit", "edit"]
    assert panel.list.count() == 2
    newest = panel.list.item(0).text()
    assert reason_text("edit") in newest and "character(s)" in newest
    # The time, in the user's locale, of the newest version (the second text's save).
    made = panel.revisions[0].made_at
    assert made == datetime.fromtimestamp(moved_clock.now, UTC)
    locale = panel.locale()
    shown = locale.toString(
        made.astimezone().time(), locale.timeFormat(locale.FormatType.ShortFormat)
    )
    assert str(shown) in newest
    assert vault_of(window).history.text(uuid, panel.revisions[1].number)[1].startswith("first")
    assert window.windowTitle() == app_name()


def test_the_diff_marks_lines_in_words_and_colour_and_follows_the_choice(
    qtbot: QtBot, window: MainWindow, moved_clock: FakeClock
) -> None:
    note_with_versions(qtbot, window, moved_clock)
    panel = open_history(qtbot, window)
    panel.list.setCurrentRow(1)  # the first text
    wait_compared(qtbot, panel)
    lines = panel.diff.toPlainText().split("\n")
    assert f"{REMOVED} first {CANARY_OLD}" in lines
    assert f"{ADDED} third {CANARY_NEW}" in lines
    assert "  same line" in lines
    assert panel.summary.text() == "Since this version: 1 line(s) added, 1 line(s) removed."
    assert panel.diff.isReadOnly()
    # Colour as well as the marker: the highlighter gives added and removed lines a
    # background of their own.
    colours = panel.diff.colours
    assert isinstance(colours, QSyntaxHighlighter)
    assert colours.formats[ADDED].background() != colours.formats[REMOVED].background()
    block = panel.diff.document().findBlock(0)
    formats = {
        line.text()[:1]: [r.format.background() for r in line.layout().formats()]
        for line in (block, block.next())
    }
    assert formats[REMOVED] and formats[ADDED]


def test_a_long_diff_is_folded_and_compared_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, moved_clock: FakeClock
) -> None:
    body = "\n".join(f"line {n}" for n in range(20_000))
    note = vault_of(window).notes.create(title="Long", body=body)
    window.session.notify("notes")
    window.workspace.open_note(note.uuid)
    moved_clock.now += 6 * 60
    editor = editor_of(window)
    cursor = editor.body.textCursor()
    cursor.setPosition(len("line 0"))
    editor.body.setTextCursor(cursor)
    editor.body.setFocus()
    qtbot.keyClicks(editor.body, " changed")
    qtbot.waitUntil(lambda: editor.status.text() == "Saved", timeout=5_000)
    qtbot.keyClick(
        window,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    panel = panel_of(window)
    # The busy state shows first: the comparison runs on a worker.
    assert panel.summary.text() == "Comparing with the current text…"
    assert not panel.restore_button.isEnabled()
    wait_compared(qtbot, panel)
    shown = panel.diff.toPlainText().split("\n")
    assert shown[:2] == [f"{REMOVED} line 0", f"{ADDED} line 0 changed"]
    assert shown[-1] == f"{FOLDED} 19996 unchanged line(s)"
    assert panel.restore_button.isEnabled()


def test_choosing_a_version_reads_no_note_on_the_gui_thread(
    qtbot: QtBot, window: MainWindow, moved_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A large note takes its time to read and check, and the last comparison may hold
    # the database's turn: an arrow key in the list must not wait for either.
    uuid = note_with_versions(qtbot, window, moved_clock)
    editor = editor_of(window)
    editor.title.setFocus()
    editor.title.end(False)
    qtbot.keyClicks(editor.title, ", renamed")
    assert editor.save()
    panel = open_history(qtbot, window)
    wait_compared(qtbot, panel)
    readers: list[bool] = []
    real_get = NoteStore.get

    def watched_get(store: NoteStore, reference: str) -> object:
        readers.append(threading.current_thread() is threading.main_thread())
        return real_get(store, reference)

    monkeypatch.setattr(NoteStore, "get", watched_get)
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    wait_compared(qtbot, panel)
    assert CANARY_OLD in panel.diff.toPlainText()
    assert readers and not any(readers)
    # The title a version had shows beside its diff when it is not today's.
    assert vault_of(window).notes.get(uuid).title == "Visit, renamed"
    assert not panel.title_then.isHidden()
    assert panel.title_then.text() == "Title in this version: Visit"


def test_fold_diff_keeps_context_around_each_change() -> None:
    lines = [DiffLine("same", str(n)) for n in range(10)]
    lines[5] = DiffLine("added", "new")
    shown = fold_diff(lines, context=1)
    assert shown.text.split("\n") == [
        f"{FOLDED} 4 unchanged line(s)",
        "  4",
        f"{ADDED} new",
        "  6",
        f"{FOLDED} 3 unchanged line(s)",
    ]
    assert (shown.added, shown.removed) == (1, 0)


def test_fold_diff_shows_a_bounded_number_of_lines_and_counts_all() -> None:
    """A 100,000-line note replaced whole: the view gets the first lines and one line
    saying how many more there are; the counts above it are the whole comparison's."""
    lines = [DiffLine("removed", f"old {n}") for n in range(100_000)]
    lines += [DiffLine("added", f"new {n}") for n in range(100_000)]
    shown = fold_diff(lines, limit=5_000)
    text = shown.text.split("\n")
    assert len(text) == 5_001
    assert text[0] == f"{REMOVED} old 0" and text[4_999] == f"{REMOVED} old 4999"
    assert text[-1] == f"{FOLDED} 195000 more line(s) not shown here"
    assert (shown.added, shown.removed) == (100_000, 100_000)
    assert fold_diff(lines[:10], limit=5_000).text.count(FOLDED) == 0


def test_every_reason_and_retention_choice_has_words() -> None:
    from hushnote.core import HISTORY_RETENTION_CHOICES
    from hushnote.core.store.revisions import REASONS

    fallback = reason_text("something-new")
    assert all(reason_text(reason) != fallback for reason in REASONS)
    assert [retention_text(c) for c in HISTORY_RETENTION_CHOICES] == [
        "Off: keep no history",
        "7 days",
        "30 days",
        "1 year",
        "Forever",
    ]


# -- restoring and deleting ------------------------------------------------------------------


def test_restore_saves_first_reverts_reloads_and_can_be_undone(
    qtbot: QtBot, window: MainWindow, moved_clock: FakeClock
) -> None:
    uuid = note_with_versions(qtbot, window, moved_clock)
    editor = editor_of(window)
    editor.title.setText("Visit, edited")
    editor.title.textEdited.emit(editor.title.text())  # not saved yet
    panel = open_history(qtbot, window)
    panel.list.setCurrentRow(1)  # the first text
    wait_compared(qtbot, panel)
    seen: list[str] = []
    answer(QMessageBox, press(QMessageBox.StandardButton.Yes), seen)
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    assert seen and "kept as a version first" in seen[0]
    note = vault_of(window).notes.get(uuid)
    assert note.body == f"first {CANARY_OLD}\nsame line"
    assert editor.body.toPlainText() == note.body
    # The unsaved title was saved before the revert, then replaced with the version's.
    assert note.title == "Visit"
    newest = panel.revisions[0]
    assert newest.reason == "revert" and newest.title == "Visit, edited"
    assert panel.list.currentRow() == 0
    assert "restore that one to undo" in panel.status.text()
    wait_compared(qtbot, panel)
    # Undo: restore the version the restore made.
    answer(QMessageBox, press(QMessageBox.StandardButton.Yes), seen)
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    again = vault_of(window).notes.get(uuid)
    assert (again.title, again.body) == ("Visit, edited", f"third {CANARY_NEW}\nsame line")
    wait_compared(qtbot, panel)


def test_no_to_restore_changes_nothing_and_a_trashed_note_cannot_be_restored(
    qtbot: QtBot, window: MainWindow, moved_clock: FakeClock
) -> None:
    uuid = note_with_versions(qtbot, window, moved_clock)
    panel = open_history(qtbot, window)
    seen: list[str] = []
    answer(QMessageBox, press(QMessageBox.StandardButton.No), seen)
    panel.ask_restore()
    assert seen
    assert vault_of(window).notes.get(uuid).body.startswith("third")
    panel.close_requested.emit()
    vault_of(window).notes.trash(uuid)
    window.workspace.choose_section("trash")
    window.workspace.open_note(uuid)
    panel = open_history(qtbot, window)
    assert panel.list.count() == 2  # readable
    assert not panel.restore_button.isEnabled()


def test_delete_this_notes_history_asks_with_no_as_default_then_empties_the_list(
    qtbot: QtBot, window: MainWindow, moved_clock: FakeClock
) -> None:
    uuid = note_with_versions(qtbot, window, moved_clock)
    panel = open_history(qtbot, window)
    defaults: list[str] = []

    def press_enter(box: object) -> None:
        assert isinstance(box, QMessageBox)
        defaults.append(box.defaultButton().text())
        defaults.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    when_shown(QMessageBox, press_enter)
    panel.ask_purge()
    assert defaults[0].replace("&", "") == "No"
    assert "cannot be undone" in defaults[1]
    assert len(vault_of(window).history.revisions(uuid)) == 2

    seen: list[str] = []
    answer(QMessageBox, press(QMessageBox.StandardButton.Yes), seen)
    qtbot.mouseClick(panel.purge_button, Qt.MouseButton.LeftButton)
    assert vault_of(window).history.revisions(uuid) == []
    assert panel.list.count() == 0 and not panel.list.isVisible()
    assert panel.empty.isVisible() and "No earlier versions" in panel.empty.text()
    assert panel.status.text() == "2 earlier version(s) deleted for good."
    assert panel.diff.toPlainText() == ""
    assert vault_of(window).notes.get(uuid).body.startswith("third")  # the note stays


def test_a_version_added_elsewhere_shows_while_the_panel_is_open(
    qtbot: QtBot, window: MainWindow, moved_clock: FakeClock
) -> None:
    """A sync pass or an import changing the note says so (``session.changed``)."""
    uuid = note_with_versions(qtbot, window, moved_clock)
    panel = open_history(qtbot, window)
    vault_of(window).notes.update(uuid, body="merged from a colleague", reason="merge")
    window.session.notify("notes")
    wait_compared(qtbot, panel)
    assert panel.list.count() == 3
    assert reason_text("merge") in panel.list.item(0).text()


def test_the_export_dialog_puts_history_in_a_bundle_only_when_ticked(
    qtbot: QtBot,
    window: MainWindow,
    moved_clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    note_with_versions(qtbot, window, moved_clock)
    monkeypatch.setattr(QMessageBox, "information", lambda *_args: None)
    manifests = {}
    for name, tick in (("plain", False), ("full", True)):

        def fill(dialog: export_dialog.ExportDialog, name: str = name, tick: bool = tick) -> int:
            dialog.to_key.setChecked(True)
            dialog.include_self.setChecked(True)
            dialog.path.setText(str(tmp_path / name))
            if tick:
                dialog.with_history.setChecked(True)
            return 1

        monkeypatch.setattr(export_dialog.ExportDialog, "exec", fill)
        window.export_bundle(Scope())
        contents = vault_of(window).read_bundle(tmp_path / f"{name}.hnb")
        manifests[name] = contents.manifest
    assert "history" not in manifests["plain"]["counts"]  # the default: none
    assert manifests["full"]["counts"]["history"] == 2


# -- keyboard only ---------------------------------------------------------------------------


def test_the_whole_panel_by_keyboard(
    qtbot: QtBot, window: MainWindow, moved_clock: FakeClock
) -> None:
    uuid = note_with_versions(qtbot, window, moved_clock)
    panel = open_history(qtbot, window)
    assert panel.list.hasFocus()
    assert panel.list.currentRow() == 0
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    assert panel.list.currentRow() == 1
    wait_compared(qtbot, panel)
    assert CANARY_OLD in panel.diff.toPlainText()
    # Tab: list, diff, restore, close, delete (on a row of its own).
    order = []
    for _ in range(5):
        order.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert order == [
        panel.list,
        panel.diff,
        panel.restore_button,
        panel.close_button,
        panel.purge_button,
    ]
    panel.list.setFocus()
    # Enter on a version asks to restore it; Enter again takes the default, Restore.
    when_shown(QMessageBox, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return))
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert vault_of(window).notes.get(uuid).body.startswith("first")
    wait_compared(qtbot, panel)
    # Escape closes the panel and gives the text back, with the focus in it.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(panel.list, Qt.Key.Key_Escape)
    editor = editor_of(window)
    assert not panel.isVisible() and editor.pages.isVisible()
    assert editor.body.hasFocus()
    assert panel.list.count() == 0  # closing forgets what it showed


def test_the_shortcut_is_listed_and_named_for_screen_readers(window: MainWindow) -> None:
    names = {action.text().replace("&", ""): action for action in window.all_actions}
    action = names["Note history"]
    assert [s.toString() for s in action.shortcuts()] == ["Ctrl+Shift+H"]
    keys = [s.toString() for a in window.all_actions for s in a.shortcuts() if a is not action]
    assert "Ctrl+Shift+H" not in keys + [k for _, k in window.editor_shortcuts()]
    panel = panel_of(window)
    for widget in (panel.list, panel.diff, panel.restore_button, panel.purge_button,
                   panel.close_button, editor_of(window).history_button):  # fmt: skip
        assert widget.accessibleName() and widget.accessibleDescription()


# -- lock ------------------------------------------------------------------------------------


def test_lock_leaves_nothing_of_a_version_in_any_widget(
    qtbot: QtBot, window: MainWindow, moved_clock: FakeClock
) -> None:
    note_with_versions(qtbot, window, moved_clock)
    panel = open_history(qtbot, window)
    panel.list.setCurrentRow(1)
    wait_compared(qtbot, panel)
    shown = [t for w in window.findChildren(QWidget) for t in widget_texts(w)]
    assert any(CANARY_OLD in t for t in shown), "the scan misses the diff"
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.vault is None
    assert panel.list.count() == 0 and panel.revisions == []
    assert panel.diff.toPlainText() == "" and not panel.isVisible()
    assert not panel.diff.document().isUndoAvailable()
    for widget in window.findChildren(QWidget):
        for text in widget_texts(widget):
            assert CANARY_OLD not in text and CANARY_NEW not in text, type(widget).__name__


def test_a_comparison_finishing_after_the_lock_shows_nothing(
    qtbot: QtBot, window: MainWindow, moved_clock: FakeClock
) -> None:
    note_with_versions(qtbot, window, moved_clock)
    qtbot.keyClick(
        window,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    panel = panel_of(window)
    window.lock()  # the comparison started may still be running
    panel.wait_for_comparisons()
    qtbot.wait(50)  # its result, queued to the GUI thread, arrives and is dropped
    assert panel.diff.toPlainText() == "" and panel.summary.text() == ""


# -- settings --------------------------------------------------------------------------------


def settings_dialog(window: MainWindow) -> SettingsDialog:
    return SettingsDialog(VaultPreferences(vault_of(window)), None, window)


def test_retention_is_stored_in_the_vault_and_shortening_it_asks_first(
    qtbot: QtBot, window: MainWindow, moved_clock: FakeClock, fast_kdf_vault: VaultSetup
) -> None:
    uuid = note_with_versions(qtbot, window, moved_clock)
    dialog = settings_dialog(window)
    assert dialog.history.currentData() == "30"  # the core's default
    dialog.history.setCurrentIndex(dialog.history.findData("forever"))
    dialog.accept()  # longer: no question
    assert dialog.result() == dialog.DialogCode.Accepted
    window._keep_history(VaultPreferences(vault_of(window)), dialog.history_retention())
    assert vault_of(window).history.retention == "forever"

    dialog = settings_dialog(window)
    assert dialog.history.currentData() == "forever"
    dialog.history.setCurrentIndex(dialog.history.findData("off"))
    seen: list[str] = []
    defaults: list[str] = []

    def press_enter(box: object) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        defaults.append(box.defaultButton().text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    when_shown(QMessageBox, press_enter)
    dialog.accept()  # the default answer, No: the dialog stays open, nothing changes
    assert "deleted now" in seen[0] and defaults[0].replace("&", "") == "No"
    assert dialog.result() != dialog.DialogCode.Accepted
    assert len(vault_of(window).history.revisions(uuid)) == 2

    answer(QMessageBox, press(QMessageBox.StandardButton.Yes), seen)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    window._keep_history(VaultPreferences(vault_of(window)), dialog.history_retention())
    assert vault_of(window).history.retention == "off"
    assert vault_of(window).history.revisions(uuid) == []
    assert window.statusBar().currentMessage() == "2 earlier version(s) of notes deleted."
    # The choice is the vault's: it is there after a lock and unlock.
    window.lock()
    with Vault.unlock(fast_kdf_vault.root, PASSPHRASE) as again:
        assert again.history.retention == "off"


def test_delete_all_history_in_the_settings_asks_then_erases_every_notes_history(
    qtbot: QtBot, window: MainWindow, moved_clock: FakeClock
) -> None:
    uuid = note_with_versions(qtbot, window, moved_clock)
    dialog = settings_dialog(window)
    seen: list[str] = []
    answer(QMessageBox, press(QMessageBox.StandardButton.No), seen)
    qtbot.mouseClick(dialog.delete_history, Qt.MouseButton.LeftButton)
    assert "cannot be undone" in seen[0]
    assert len(vault_of(window).history.revisions(uuid)) == 2
    answer(QMessageBox, press(QMessageBox.StandardButton.Yes), seen)
    qtbot.mouseClick(dialog.delete_history, Qt.MouseButton.LeftButton)
    assert vault_of(window).history.revisions(uuid) == []
    assert dialog.history_status.text() == "2 earlier version(s) deleted for good."
    dialog.reject()


def test_the_panic_wipe_empties_the_panel_too(
    qtbot: QtBot, fast_kdf_params: KdfParams, fast_kdf_vault: VaultSetup, moved_clock: FakeClock
) -> None:
    wiped: list[bool] = []
    window = panic_window(qtbot, fast_kdf_vault.root, fast_kdf_params, wiped)
    unlock_window(qtbot, window, PASSPHRASE)
    note_with_versions(qtbot, window, moved_clock)
    panel = open_history(qtbot, window)
    panel.list.setCurrentRow(1)
    wait_compared(qtbot, panel)
    window.panic()
    finish_overwrites()
    assert wiped == [True]
    assert panel.list.count() == 0 and panel.diff.toPlainText() == ""
    for widget in window.findChildren(QWidget):
        for text in widget_texts(widget):
            assert CANARY_OLD not in text and CANARY_NEW not in text, type(widget).__name__


# -- Chinese ------------------------------------------------------------------------------


def test_chinese_text_compares_and_times_follow_the_locale(
    qtbot: QtBot, window: MainWindow, moved_clock: FakeClock
) -> None:
    note = vault_of(window).notes.create(title="会面", body="第一行\n律师周三到")
    window.session.notify("notes")
    window.workspace.open_note(note.uuid)
    moved_clock.now += 6 * 60
    editor = editor_of(window)
    editor.body.setPlainText("第一行\n律師週四到")  # an input method commits whole text
    qtbot.waitUntil(lambda: editor.status.text() == "Saved", timeout=5_000)
    panel = panel_of(window)
    panel.setLocale(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    panel = open_history(qtbot, window)
    lines = panel.diff.toPlainText().split("\n")
    assert lines == ["  第一行", f"{REMOVED} 律师周三到", f"{ADDED} 律師週四到"]
    made = panel.revisions[0].made_at.astimezone()
    assert f"{made.year}/{made.month}/{made.day}" in panel.list.item(0).text()


# "Delete all history…" in Settings while the panel shows a version: the window behind
# the dialog stops showing the deleted text at once, not when the dialog closes.
def test_deleted_history_leaves_the_panel_at_once(
    qtbot: QtBot, window: MainWindow, moved_clock: FakeClock
) -> None:
    vault = window.vault
    assert vault is not None
    note = vault.notes.create(title="Visit", body=f"first {CANARY_OLD}\nsame line")
    moved_clock.now += 6 * 60
    vault.notes.update(note.uuid, body="second\nsame line")
    window.session.notify("notes")
    window.workspace.open_note(note.uuid)
    window.workspace.toggle_history()
    panel = window.workspace.note_editor.history
    qtbot.waitUntil(lambda: not panel._running and CANARY_OLD in panel.diff.toPlainText())
    seen: dict[str, object] = {}

    def in_settings(dialog: object) -> None:
        assert isinstance(dialog, SettingsDialog)
        when_shown(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
        dialog.delete_history.click()
        qtbot.wait(100)
        seen["said"] = dialog.history_status.text()
        seen["behind"] = CANARY_OLD in panel.diff.toPlainText() and panel.isVisible()
        seen["revisions"] = len(vault.history.revisions(note.uuid))
        dialog.reject()

    when_shown(SettingsDialog, in_settings)
    window.edit_settings()
    assert seen["revisions"] == 0 and "deleted for good" in str(seen["said"])
    assert not seen["behind"]
