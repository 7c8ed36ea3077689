"""Vault ▸ Import from another app, driven by keys: the menu (whose mnemonics, like every
menu's, are each used once), each page's focus order and mnemonics, a Cancel while
reading, an encrypted backup's passphrase asked again, a vault changed behind the
preview, and every page in Chinese.

A real vault (fast KDF fixture) and the real importer service. Every modal dialog is
answered by a ``Script`` of keys; a ``Watchdog`` closes whatever is still open after a
deadline, so a dialog nobody answers fails the test instead of hanging it.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from gui.test_import_dialog import Action, Script, keys, then
from hushnote.gui import app_import_dialog
from hushnote.gui.accessibility import USER_DATA
from hushnote.gui.app_import_dialog import (
    AppImportDialog,
    AppImportPreviewDialog,
    BackupPassphraseDialog,
)
from hushnote.gui.i18n import install_translators
from hushnote.gui.main_window import MainWindow
from support.gui import unlock_window
from unit.core.importers.sn_builder import encrypted_backup, note

ALT = Qt.KeyboardModifier.AltModifier
MNEMONIC_LETTER = re.compile(r"(?<!&)&([^&\s])")
# No flow here takes longer; past it, the watchdog closes every dialog and the test fails.
DEADLINE_MS = 20_000


class Watchdog:
    """Rejects every modal dialog still open after ``ms``, so a test fails, not hangs."""

    def __init__(self, ms: int = DEADLINE_MS) -> None:
        self.fired = False
        self._scripts: list[Script] = []
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        self._timer.start(ms)

    def _fire(self) -> None:
        self.fired = True
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QProgressDialog):
            modal.cancel()
        elif isinstance(modal, QDialog):
            modal.reject()
        if modal is not None or popup is not None:
            QTimer.singleShot(50, self._fire)

    def script(self, steps: list[tuple[type[QWidget], Action]]) -> Script:
        """A ``Script`` of these steps, stopped with the test so none outlives it."""
        made = Script(steps)
        self._scripts.append(made)
        return made

    def stop(self) -> None:
        self._timer.stop()
        for script in self._scripts:
            script.steps.clear()
        assert not self.fired, "a dialog was left open with no one to answer it"


@pytest.fixture
def watchdog() -> Iterator[Watchdog]:
    dog = Watchdog()
    yield dog
    dog.stop()


@pytest.fixture
def export(tmp_path: Path) -> Path:
    folder = tmp_path / "export"
    (folder / "Court").mkdir(parents=True)
    (folder / "Court" / "Friday hearing.md").write_text("# Friday hearing\n\nNine.\n", "utf-8")
    (folder / "Shopping.md").write_text("Milk\n", "utf-8")
    return folder


class Choosers:
    """Stands in for the file choosers: answers with ``path``, and notes which was asked."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.asked: list[str] = []

    def folder(self, *_args: object) -> Path:
        self.asked.append("folder")
        return self.path

    def files(self, *_args: object) -> list[Path]:
        self.asked.append("files")
        return [self.path]


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch, export: Path) -> Choosers:
    choosers = Choosers(export)
    monkeypatch.setattr(app_import_dialog, "choose_folder", choosers.folder)
    monkeypatch.setattr(app_import_dialog, "choose_open_paths", choosers.files)
    return choosers


@pytest.fixture
def window(
    qtbot: QtBot, window_for: Callable[[Path], MainWindow], fast_kdf_vault: VaultSetup
) -> MainWindow:
    made = window_for(fast_kdf_vault.root)
    unlock_window(qtbot, made, PASSPHRASE)
    return made


def note_count(window: MainWindow) -> int:
    assert window.vault is not None
    return len(window.vault.notes.summaries())


def open_from_menu(qtbot: QtBot, window: MainWindow) -> None:
    """Alt+V, then I: the menu item runs the whole import (its dialogs are modal)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2_000)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=2_000)
    menu = QApplication.activePopupWidget()
    assert menu is window.vault_menu
    qtbot.keyClick(menu, Qt.Key.Key_I)  # returns once the import's dialogs are done


def tab_chain(qtbot: QtBot, dialog: QWidget) -> list[QWidget]:
    """The widgets Tab visits from the focused one, once round."""
    start = QApplication.focusWidget()
    assert start is not None and dialog.isAncestorOf(start)
    seen = [start]
    for _ in range(30):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None and dialog.isAncestorOf(now), "Tab left the dialog"
        if now is start:
            return seen
        seen.append(now)
    raise AssertionError("Tab never came back round")


def mnemonics(dialog: QWidget) -> list[str]:
    """The &-letters of the dialog's visible buttons and labels."""
    texts = [w.text() for w in dialog.findChildren(QAbstractButton) if w.isVisible()]
    texts += [w.text() for w in dialog.findChildren(QLabel) if w.isVisible() and w.buddy()]
    return [m.casefold() for text in texts for m in MNEMONIC_LETTER.findall(text)]


def unique_mnemonics(dialog: QWidget) -> None:
    letters = mnemonics(dialog)
    assert letters and len(letters) == len(set(letters)), letters


# -- keyboard only --------------------------------------------------------------------


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")
def test_the_whole_import_by_keyboard_alone(
    qtbot: QtBot, window: MainWindow, export: Path, chosen: Choosers, watchdog: Watchdog
) -> None:
    orders: dict[str, list[QWidget]] = {}

    def first_page(dialog: QWidget) -> None:
        assert isinstance(dialog, AppImportDialog)
        unique_mnemonics(dialog)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_M, ALT)  # &Markdown
        qtbot.waitUntil(lambda: dialog.app == "markdown", timeout=2_000)  # an animated click
        assert QApplication.focusWidget() is dialog.buttons_by_app["markdown"]
        unique_mnemonics(dialog)
        orders["before"] = tab_chain(qtbot, dialog)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_O, ALT)  # Choose f&older…
        qtbot.waitUntil(lambda: bool(dialog.paths), timeout=2_000)
        assert QApplication.focusWidget() is dialog.ok  # &Read, ready for Return
        orders["after"] = tab_chain(qtbot, dialog)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    def preview(dialog: QWidget) -> None:
        assert isinstance(dialog, AppImportPreviewDialog)
        unique_mnemonics(dialog)
        assert QApplication.focusWidget() is dialog.import_button
        cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
        assert tab_chain(qtbot, dialog) == [dialog.import_button, dialog.table, cancel]
        assert QApplication.focusWidget() is dialog.import_button
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    def delete_question(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        unique_mnemonics(box)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, ALT)  # &Delete the export

    script = watchdog.script(
        [
            (AppImportDialog, first_page),
            (AppImportPreviewDialog, preview),
            (QMessageBox, keys(qtbot)),  # the summary: Return closes it
            (QMessageBox, delete_question),
        ]
    )
    open_from_menu(qtbot, window)
    qtbot.waitUntil(lambda: not script.steps, timeout=DEADLINE_MS)
    assert script.done
    page = script.seen[0]
    assert isinstance(page, AppImportDialog)
    markdown = page.buttons_by_app["markdown"]
    # The app, the choosers, the option, then the buttons; Read only once it can read.
    cancel = page.box.button(page.box.StandardButton.Cancel)
    choosers = [page.choose_files, page.choose_folder, page.keep_locations]
    assert orders["before"] == [markdown, *choosers, cancel]
    assert orders["after"] == [page.ok, cancel, markdown, *choosers]
    assert chosen.asked == ["folder"]
    assert note_count(window) == 2
    assert not any(path.is_file() for path in export.rglob("*"))


# -- Cancel while reading ---------------------------------------------------------------

CANCEL_SECONDS = 0.5


def pick(app: str, how: str = "folder") -> Action:
    """Choose ``app`` and the export (the chooser answers at once), then Read."""

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, AppImportDialog)
        dialog.buttons_by_app[app].setChecked(True)
        (dialog.choose_folder if how == "folder" else dialog.choose_files).click()
        assert dialog.ok.isEnabled()
        dialog.ok.click()

    return act


def when(condition: Callable[[], bool], then_do: Callable[[], None]) -> None:
    """Run ``then_do`` on the GUI thread (inside a job's event loop) once ``condition``."""

    def poll() -> None:
        if condition():
            then_do()
        else:
            QTimer.singleShot(5, poll)

    QTimer.singleShot(0, poll)


def progress_dialog(window: MainWindow) -> QProgressDialog | None:
    shown = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
    return shown[0] if len(shown) == 1 else None


def test_cancel_while_reading_stops_at_once_and_imports_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, chosen: Choosers, watchdog: Watchdog
) -> None:
    big = tmp_path / "big"
    big.mkdir()
    filler = "word " * 10_000
    for number in range(1_000):  # about a second or more to read
        (big / f"note {number}.md").write_text(f"# Note {number}\n\n{filler}\n", "utf-8")
    chosen.path = big
    before = note_count(window)
    clicked: list[float] = []

    def reading() -> bool:
        dialog = progress_dialog(window)
        return dialog is not None and dialog.labelText() == "Reading the export…"

    def cancel() -> None:
        dialog = progress_dialog(window)
        assert dialog is not None
        button = dialog.findChild(QPushButton)
        assert button is not None
        QTimer.singleShot(100, lambda: (clicked.append(time.monotonic()), button.click()))

    script = watchdog.script([(AppImportDialog, pick("markdown"))])
    when(reading, cancel)
    window.import_from_app()
    ended = time.monotonic()
    assert script.done
    assert clicked, "the read ended before Cancel was pressed"
    assert ended - clicked[0] < CANCEL_SECONDS
    assert "Nothing was changed" in window.statusBar().currentMessage()
    assert QApplication.activeModalWidget() is None  # closed, nothing left asking
    assert note_count(window) == before

    # And the window is ready for the next import.
    chosen.path = tmp_path / "export"
    script = watchdog.script(
        [(AppImportDialog, pick("markdown")), (AppImportPreviewDialog, keys(qtbot)),
         (QMessageBox, keys(qtbot)), (QMessageBox, keys(qtbot))]
    )  # fmt: skip
    window.import_from_app()
    assert script.done
    assert note_count(window) == before + 2


# -- an encrypted backup's passphrase -----------------------------------------------------


@pytest.fixture
def backup(tmp_path: Path, chosen: Choosers) -> Path:
    path = tmp_path / "Standard Notes Backup.txt"
    items = [note("n1", "Hearing", "Friday at nine"), note("n2", "Shift plan", "medics")]
    path.write_bytes(encrypted_backup(items, "correct horse"))
    chosen.path = path
    return path


def test_a_wrong_backup_passphrase_is_said_and_asked_again_without_a_new_file(
    qtbot: QtBot, window: MainWindow, backup: Path, chosen: Choosers, watchdog: Watchdog
) -> None:
    asked: list[tuple[bool, str, bool, str]] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, BackupPassphraseDialog)
        assert QApplication.focusWidget() is dialog.field
        asked.append((dialog.problem.isVisible(), dialog.problem.text(),
                      dialog.field.hasSelectedText(), dialog.field.text()))  # fmt: skip
        box = dialog.findChild(QDialogButtonBox)
        ok, cancel = (box.button(box.StandardButton.Ok), box.button(box.StandardButton.Cancel))
        chain = tab_chain(qtbot, dialog)  # the field, its Show button, OK, Cancel
        assert (chain[0], chain[2:], len(chain)) == (dialog.field, [ok, cancel], 4)

    def preview(dialog: QWidget) -> None:
        assert isinstance(dialog, AppImportPreviewDialog)
        assert (dialog.table.rowCount(), dialog.table.item(0, 1).text()) == (1, "2")
        keys(qtbot)(dialog)

    script = watchdog.script(
        [
            (AppImportDialog, pick("standardnotes", "files")),
            (BackupPassphraseDialog, then(look, keys(qtbot, "correct hors"))),
            (BackupPassphraseDialog, then(look, keys(qtbot, "correct horse"))),  # replaces
            (AppImportPreviewDialog, preview),
            (QMessageBox, keys(qtbot)),  # the summary
            (QMessageBox, keys(qtbot, "", Qt.Key.Key_Escape)),  # keep the backup
        ]
    )
    window.import_from_app()
    assert script.done
    assert asked == [
        (False, "", False, ""),
        (True, "That passphrase does not open this backup. Try again.", True, "correct hors"),
    ]
    assert script.seen[1] is script.seen[2]
    assert chosen.asked == ["files"]  # the file was chosen once
    assert note_count(window) == 2
    assert backup.exists()


@pytest.mark.parametrize("wrong_first", [False, True])
def test_cancel_at_the_backup_passphrase_imports_nothing(
    qtbot: QtBot, window: MainWindow, backup: Path, watchdog: Watchdog, wrong_first: bool
) -> None:
    steps: list[tuple[type[QWidget], Action]] = [(AppImportDialog, pick("standardnotes", "files"))]
    if wrong_first:
        steps.append((BackupPassphraseDialog, keys(qtbot, "horse battery")))
    steps.append((BackupPassphraseDialog, keys(qtbot, "correct horse", Qt.Key.Key_Escape)))
    script = watchdog.script(steps)
    window.import_from_app()
    assert script.done
    assert QApplication.activeModalWidget() is None
    assert note_count(window) == 0
    assert backup.exists()


# -- the vault changed behind the preview -------------------------------------------------


@pytest.mark.parametrize("second", ["import", "cancel"])
def test_a_vault_changed_behind_the_preview_is_said_and_previewed_afresh(
    qtbot: QtBot,
    window: MainWindow,
    export: Path,
    chosen: Choosers,
    watchdog: Watchdog,
    second: str,
) -> None:
    vault = window.vault
    assert vault is not None
    with vault.importers.read("markdown", [export]) as source:
        vault.importers.run(source)
    shopping = export / "Shopping.md"
    shopping.write_text("Milk, bread\n", "utf-8")
    os.utime(shopping, (2_000_000_000, 2_000_000_000))  # newer than any edit here
    (uuid,) = [n.uuid for n in vault.notes.summaries() if n.title == "Shopping"]
    counts: list[tuple[str, ...]] = []
    said: list[str] = []

    def row(dialog: AppImportPreviewDialog) -> tuple[str, ...]:
        return tuple(dialog.table.item(0, column).text() for column in range(4))

    def edit_meanwhile(dialog: QWidget) -> None:
        assert isinstance(dialog, AppImportPreviewDialog)
        counts.append(row(dialog))
        vault.notes.update(uuid, body="Milk, eggs")  # the vault changes behind the dialog
        keys(qtbot)(dialog)  # Return: Import

    def told(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        keys(qtbot)(box)

    def fresh(dialog: QWidget) -> None:
        assert isinstance(dialog, AppImportPreviewDialog)
        counts.append(row(dialog))
        key = Qt.Key.Key_Return if second == "import" else Qt.Key.Key_Escape
        keys(qtbot, "", key)(dialog)

    steps: list[tuple[type[QWidget], Action]] = [
        (AppImportDialog, pick("markdown")),
        (AppImportPreviewDialog, edit_meanwhile),
        (QMessageBox, told),
        (AppImportPreviewDialog, fresh),
    ]
    if second == "import":
        steps += [(QMessageBox, told), (QMessageBox, keys(qtbot, "", Qt.Key.Key_Escape))]
    script = watchdog.script(steps)
    window.import_from_app()
    assert script.done
    assert script.seen[1] is not script.seen[3]  # a new preview, from a new plan
    assert said[0] == (
        "The vault changed since the preview, so nothing was imported. "
        "Here is what the import would do now."
    )
    assert counts == [("(default notebook)", "0", "1", "0")] * 2
    body = vault.notes.get(uuid).body
    assert body == ("Milk, bread\n" if second == "import" else "Milk, eggs")
    assert note_count(window) == 2


# -- in Chinese ------------------------------------------------------------------------

# Names no translation changes: the apps, their file kinds, and this app's own.
PROPER = {"joplin", "standard notes", "evernote", "day one", "markdown", "obsidian", "hushnote"}
MNEMONIC = re.compile(r"&|\(\w\)$")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def untranslated(text: str) -> bool:
    """Whether ``text`` reads as English: letters, no Chinese, and not just a name."""
    if text.startswith("accessible name with its mnemonic"):
        return True
    plain = re.sub(r"\(&?\w\)$", "", text).replace("&", "").strip()
    if not re.search(r"[A-Za-z]{2}", plain) or CJK.search(plain):
        return False
    return plain.casefold().rstrip("…") not in PROPER


def english_on(page: QWidget) -> list[str]:
    """Every English string a person (or a screen reader) meets on ``page``."""
    texts = [page.windowTitle()]
    for widget in [page, *page.findChildren(QWidget)]:
        if widget.objectName() == USER_DATA or not widget.isVisible():
            continue
        if isinstance(widget, (QAbstractButton, QLabel)):
            texts.append(widget.text())
        if isinstance(widget, QTableWidget):
            headers = [widget.horizontalHeaderItem(c) for c in range(widget.columnCount())]
            texts += [header.text() for header in headers if header is not None]
        texts += [widget.accessibleName(), widget.accessibleDescription()]
        if MNEMONIC.search(widget.accessibleName()):  # a screen reader would read it out
            texts.append("accessible name with its mnemonic: " + widget.accessibleName())
    return sorted({text for text in texts if untranslated(text)})


@pytest.fixture(params=["zh_CN", "zh_TW"])
def chinese(request: pytest.FixtureRequest) -> Iterator[None]:
    translators = install_translators(request.param)
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    install_translators("en")


def checked(found: dict[str, list[str]], action: Action) -> Action:
    """Note the page's English strings and mnemonics used twice, then act."""

    def act(page: QWidget) -> None:
        letters = mnemonics(page)
        twice = sorted({letter for letter in letters if letters.count(letter) > 1})
        problems = english_on(page) + [f"mnemonic used twice: {letter}" for letter in twice]
        found[f"{len(found)}. {type(page).__name__}: {page.windowTitle()}"] = problems
        action(page)

    return act


def watch_progress(found: dict[str, list[str]], until: Callable[[], bool]) -> None:
    """Check each progress dialog seen while ``until()`` is False."""

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QProgressDialog) and modal.isVisible():
            found["progress: " + modal.labelText()] = english_on(modal)
        if not until():
            QTimer.singleShot(5, poll)

    QTimer.singleShot(0, poll)


@pytest.mark.parametrize("app", ["markdown", "standardnotes"])
def test_every_page_of_the_import_speaks_chinese(
    qtbot: QtBot,
    chinese: None,
    window_for: Callable[[Path], MainWindow],
    fast_kdf_vault: VaultSetup,
    export: Path,
    tmp_path: Path,
    chosen: Choosers,
    watchdog: Watchdog,
    app: str,
) -> None:
    window = window_for(fast_kdf_vault.root)
    unlock_window(qtbot, window, PASSPHRASE)
    found: dict[str, list[str]] = {}
    steps: list[tuple[type[QWidget], Action]]
    if app == "markdown":  # a location left out: the preview lists it
        (export / "Meeting point.md").write_text(
            "---\ntitle: Meeting point\nlocation: 39.9, 116.4\n---\nEast gate.\n", "utf-8"
        )
        steps = [(AppImportDialog, checked(found, pick("markdown")))]
    else:  # a wrong passphrase first: the prompt says why
        chosen.path = tmp_path / "backup.txt"
        items = [note("n1", "Hearing", "Friday"), note("n2", "Old", "x", trashed=True)]
        chosen.path.write_bytes(encrypted_backup(items, "correct horse"))
        steps = [
            (AppImportDialog, checked(found, pick("standardnotes", "files"))),
            (BackupPassphraseDialog, checked(found, keys(qtbot, "wrong"))),
            (BackupPassphraseDialog, checked(found, keys(qtbot, "correct horse"))),
        ]
    steps += [
        (AppImportPreviewDialog, checked(found, keys(qtbot))),
        (QMessageBox, checked(found, keys(qtbot))),  # the summary
        (QMessageBox, checked(found, keys(qtbot, "", Qt.Key.Key_Escape))),  # keep the files
    ]
    script = watchdog.script(steps)
    watch_progress(found, lambda: not script.steps)
    window.import_from_app()
    assert script.done
    assert len(found) >= len(steps) and any(page.startswith("progress") for page in found)
    assert {page: texts for page, texts in found.items() if texts} == {}


@pytest.mark.parametrize("language", ["en", "zh_CN", "zh_TW"])
def test_no_two_items_of_a_menu_share_a_mnemonic(
    qtbot: QtBot, window_for: Callable[[Path], MainWindow], tmp_path: Path, language: str
) -> None:
    """The import is reached by Alt+V, I; a letter two items share only moves between
    them, so every item of every menu must have its own."""
    translators = install_translators(language)
    try:
        window = window_for(tmp_path / "v")
        shared: dict[str, list[str]] = {}
        for top in window.menuBar().actions():
            menu = top.menu()
            assert menu is not None
            texts = [action.text() for action in menu.actions() if action.isVisible()]
            letters = [MNEMONIC_LETTER.findall(text.casefold()) for text in texts]
            flat = [letter for found in letters for letter in found]
            pairs = zip(texts, letters, strict=True)
            twice = [text for text, found in pairs if any(flat.count(m) > 1 for m in found)]
            if twice:
                shared[top.text()] = twice
        assert shared == {}
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        install_translators("en")
