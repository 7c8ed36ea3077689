"""Attachments in the note editor, on the real window over a real vault.

Files are attached by the button (through Qt's own file dialog), by a drop and by a
pasted image, and each reads back from the vault; Delete removes only after a confirm;
a note in the trash is read-only; Cancel of a large attach stops in time and leaves no
file; the sentence about removed metadata is shown.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.core import Attachment, KdfParams, Vault
from hushnote.gui import attachment_actions
from hushnote.gui.attach_flow import png_bytes
from hushnote.gui.attachment_strip import AttachmentStrip
from hushnote.gui.main_window import MainWindow
from support.gui import panic_window, unlock_window
from support.modal import when_shown

CANCEL_SECONDS = 0.5
GIB = 1 << 30


@pytest.fixture
def window(qtbot: QtBot, fast_kdf_params: KdfParams, fast_kdf_vault: VaultSetup) -> MainWindow:
    made = panic_window(qtbot, fast_kdf_vault.root, fast_kdf_params, [])
    unlock_window(qtbot, made, PASSPHRASE)
    return made


def vault_of(window: MainWindow) -> Vault:
    assert window.vault is not None
    return window.vault


def open_new_note(window: MainWindow, title: str = "Case") -> str:
    note = vault_of(window).notes.create(title=title, body="text")
    window.session.notify("notes")
    window.workspace.open_note(note.uuid)
    return note.uuid


def strip_of(window: MainWindow) -> AttachmentStrip:
    return window.workspace.note_editor.attachments


def blob_files(root: Path) -> list[str]:
    return sorted(os.listdir(root / "attachments"))


def read_back(vault: Vault, attachment: Attachment) -> bytes:
    return vault.attachments.read(attachment.uuid, limit=1 << 20)


def answer_box(pick: Callable[[QMessageBox], QAbstractButton | None], seen: list[str]) -> None:
    def click(box: object) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        button = pick(box)
        assert button is not None
        button.click()

    when_shown(QMessageBox, click)


def button_named(text: str) -> Callable[[QMessageBox], QAbstractButton | None]:
    return lambda box: next(b for b in box.buttons() if b.text().replace("&", "") == text)


def standard(which: QMessageBox.StandardButton) -> Callable[[QMessageBox], QAbstractButton | None]:
    return lambda box: box.button(which)


# -- attaching ----------------------------------------------------------------------------


def test_attach_by_the_button_uses_qts_own_dialog_and_reads_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    note = open_new_note(window)
    source = tmp_path / "minutes.txt"
    source.write_text("who was there\n")
    used: list[bool] = []

    def choose(dialog: object) -> None:
        assert isinstance(dialog, QFileDialog)
        used.append(dialog.testOption(QFileDialog.Option.DontUseNativeDialog))
        dialog.selectFile(str(source))
        dialog.accept()

    when_shown(QFileDialog, choose)
    strip_of(window).attach_button.click()
    assert used == [True]
    (attachment,) = vault_of(window).attachments.of_note(note)
    assert attachment.name == "minutes.txt"
    assert read_back(vault_of(window), attachment) == b"who was there\n"
    strip = strip_of(window)
    assert strip.list.isVisible() and strip.list.count() == 1
    assert "minutes.txt" in strip.list.item(0).text()
    assert "plain text carries no hidden metadata" in strip.notice.text()
    assert "minutes" not in window.windowTitle()


def test_ctrl_shift_a_in_the_text_opens_the_attach_dialog(qtbot: QtBot, window: MainWindow) -> None:
    open_new_note(window)
    body = window.workspace.note_editor.body
    body.setFocus()
    qtbot.waitUntil(body.hasFocus)
    opened: list[bool] = []

    def close(dialog: object) -> None:
        assert isinstance(dialog, QFileDialog)
        opened.append(True)
        dialog.reject()

    when_shown(QFileDialog, close)
    qtbot.keyClick(
        body, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert opened == [True]


def drop_files(target: object, paths: list[Path]) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    point = QPoint(5, 5)
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        point, action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)  # type: ignore[arg-type]
    drop = QDropEvent(
        QPointF(point), action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    if enter.isAccepted():
        QApplication.sendEvent(target, drop)  # type: ignore[arg-type]
    return drop


def test_files_dropped_on_the_strip_or_the_text_are_attached(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    note = open_new_note(window)
    first, second = tmp_path / "a.txt", tmp_path / "b.md"
    first.write_bytes(b"alpha")
    second.write_bytes(b"# beta")
    drop = drop_files(strip_of(window), [first, second])
    assert drop.isAccepted()
    body = window.workspace.note_editor.body
    third = tmp_path / "c.txt"
    third.write_bytes(b"gamma")
    drop_files(body.viewport(), [third])
    vault = vault_of(window)
    stored = vault.attachments.of_note(note)
    assert [a.name for a in stored] == ["a.txt", "b.md", "c.txt"]
    assert [read_back(vault, a) for a in stored] == [b"alpha", b"# beta", b"gamma"]
    assert [a.kind for a in stored] == ["text", "markdown", "text"]
    assert body.toPlainText() == "text"  # no path was typed into the note


def test_text_paste_still_pastes_text(qtbot: QtBot, window: MainWindow) -> None:
    note = open_new_note(window)
    body = window.workspace.note_editor.body
    QApplication.clipboard().setText(" and more")
    body.moveCursor(body.textCursor().MoveOperation.End)
    body.paste()
    assert body.toPlainText() == "text and more"
    assert vault_of(window).attachments.of_note(note) == []


def test_a_pasted_image_is_attached_as_png_encoded_in_memory(
    qtbot: QtBot, window: MainWindow
) -> None:
    pytest.importorskip("hushnote.core.attachments.metadata", reason="PNGs are cleaned by it")
    note = open_new_note(window)
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0x3366AA)
    QApplication.clipboard().setImage(image)
    body = window.workspace.note_editor.body
    body.paste()
    vault = vault_of(window)
    (attachment,) = vault.attachments.of_note(note)
    assert attachment.name == "pasted image.png" and attachment.kind == "png"
    shown = QImage.fromData(read_back(vault, attachment))
    assert shown.size() == image.size()
    assert shown.pixel(5, 5) == image.pixel(5, 5)
    assert body.toPlainText() == "text"


def test_keeping_metadata_is_said_after_the_attach(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    note = open_new_note(window)
    photo = tmp_path / "photo.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    assert image.save(str(photo))
    strip = strip_of(window)
    strip.attach_files([photo], keep_metadata=True)
    (attachment,) = vault_of(window).attachments.of_note(note)
    assert read_back(vault_of(window), attachment) == photo.read_bytes()
    assert (
        strip.notice.text()
        == "“photo.png” attached. Stored with its metadata, unchanged, as you chose."
    )


def test_metadata_that_cannot_be_removed_is_kept_only_if_asked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    pytest.importorskip("hushnote.core.attachments.metadata", reason="it finds the damage")
    note = open_new_note(window)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00" + b"\x00" * 40)
    seen: list[str] = []
    answer_box(standard(QMessageBox.StandardButton.No), seen)
    strip_of(window).attach_files([broken])
    assert "Store it unchanged, with its metadata?" in seen[0]
    assert vault_of(window).attachments.of_note(note) == []
    answer_box(standard(QMessageBox.StandardButton.Yes), seen)
    strip_of(window).attach_files([broken])
    (attachment,) = vault_of(window).attachments.of_note(note)
    assert read_back(vault_of(window), attachment) == broken.read_bytes()


def test_cancel_of_a_large_attach_stops_in_time_and_leaves_nothing(
    qtbot: QtBot, window: MainWindow, fast_kdf_vault: VaultSetup, tmp_path: Path
) -> None:
    note = open_new_note(window)
    large = tmp_path / "large.bin"
    with large.open("wb") as file:  # sparse: a GiB to read, none of it on the disk
        file.truncate(GIB)
    clicked: list[float] = []
    progress_seen: list[int] = []

    def cancel_once_moving(dialog: object) -> None:
        assert isinstance(dialog, QProgressDialog)
        if dialog.value() <= 0:
            QTimer.singleShot(10, lambda: cancel_once_moving(dialog))
            return
        progress_seen.append(dialog.value())
        button = dialog.findChild(QPushButton)
        assert button is not None
        clicked.append(time.monotonic())
        button.click()

    when_shown(QProgressDialog, cancel_once_moving)
    strip = strip_of(window)
    strip.attach_files([large])
    ended = time.monotonic()
    assert progress_seen and progress_seen[0] > 0
    assert ended - clicked[0] < CANCEL_SECONDS
    assert vault_of(window).attachments.of_note(note) == []
    assert blob_files(fast_kdf_vault.root) == []
    assert "Cancelled" in strip.notice.text()


# -- one attachment -----------------------------------------------------------------------


def attach_text(window: MainWindow, tmp_path: Path, name: str, content: bytes) -> Attachment:
    path = tmp_path / name
    path.write_bytes(content)
    strip_of(window).attach_files([path])
    note = window.workspace.note_editor.uuid
    assert note is not None
    return next(a for a in vault_of(window).attachments.of_note(note) if a.name == name)


def test_delete_removes_for_good_only_after_the_confirm(
    qtbot: QtBot, window: MainWindow, fast_kdf_vault: VaultSetup, tmp_path: Path
) -> None:
    note = open_new_note(window)
    attach_text(window, tmp_path, "keep.txt", b"keep")
    attach_text(window, tmp_path, "drop.txt", b"drop")
    strip = strip_of(window)
    strip.list.setFocus()
    strip.list.setCurrentRow(1)
    seen: list[str] = []
    answer_box(standard(QMessageBox.StandardButton.No), seen)
    qtbot.keyClick(strip.list, Qt.Key.Key_Delete)
    assert "for good" in seen[0] and "drop.txt" in seen[0]
    assert len(vault_of(window).attachments.of_note(note)) == 2
    answer_box(button_named("Remove for good"), seen)
    qtbot.keyClick(strip.list, Qt.Key.Key_Delete)
    (left,) = vault_of(window).attachments.of_note(note)
    assert left.name == "keep.txt"
    assert len(blob_files(fast_kdf_vault.root)) == 1
    assert strip.list.count() == 1


def test_the_default_answer_to_remove_is_no(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    note = open_new_note(window)
    attach_text(window, tmp_path, "keep.txt", b"keep")
    strip = strip_of(window)
    strip.list.setCurrentRow(0)
    defaults: list[str] = []

    def press_enter(box: object) -> None:
        assert isinstance(box, QMessageBox)
        defaults.append(box.defaultButton().text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    when_shown(QMessageBox, press_enter)
    strip.remove_current()
    assert defaults and defaults[0].replace("&", "") == "No"
    assert len(vault_of(window).attachments.of_note(note)) == 1


def test_a_note_in_the_trash_shows_its_attachments_read_only(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    note = open_new_note(window)
    attach_text(window, tmp_path, "kept.txt", b"kept")
    vault = vault_of(window)
    vault.notes.trash(note)
    window.session.notify("notes")
    window.workspace.open_note(note)
    strip = strip_of(window)
    assert window.workspace.note_editor.read_only
    assert strip.list.count() == 1
    assert not strip.attach_button.isEnabled() and not strip.more_button.isEnabled()
    strip.list.setFocus()
    strip.list.setCurrentRow(0)
    qtbot.keyClick(strip.list, Qt.Key.Key_Delete)  # no confirm appears: nothing to answer
    other = tmp_path / "more.txt"
    other.write_bytes(b"more")
    assert not drop_files(strip, [other]).isAccepted()
    strip.attach_files([other])
    assert [a.name for a in vault.attachments.of_note(note)] == ["kept.txt"]
    menu = strip.menu_actions()
    enabled = {a.text().replace("&", ""): a.isEnabled() for a in menu.actions()}
    assert enabled == {"Open": True, "Export a copy…": True, "Remove for good…": False}


def test_enter_opens_the_attachment_in_the_viewer_and_the_lock_closes_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from hushnote.gui.attachment_viewer import AttachmentViewer

    open_new_note(window)
    attachment = attach_text(window, tmp_path, "read me.txt", b"the content")
    strip = strip_of(window)
    strip.list.setFocus()
    strip.list.setCurrentRow(0)
    qtbot.keyClick(strip.list, Qt.Key.Key_Return)
    viewers = [w for w in window.findChildren(AttachmentViewer) if w.isVisible()]
    assert len(viewers) == 1
    assert viewers[0].windowTitle() == "Attachment"
    assert attachment.uuid == strip.current().uuid  # type: ignore[union-attr]
    window.lock()
    qtbot.waitUntil(lambda: not viewers[0].isVisible(), timeout=3000)


def test_export_warns_that_the_copy_is_not_encrypted_then_writes_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_new_note(window)
    attachment = attach_text(window, tmp_path, "plan.txt", b"the plan")
    target = tmp_path / "out" / "copy.txt"
    target.parent.mkdir()
    asked: list[Path] = []

    def choose(_parent: object, _caption: str, _filters: str, *, suggested: Path) -> Path:
        asked.append(suggested)
        return target

    seen: list[str] = []
    answer_box(standard(QMessageBox.StandardButton.Cancel), seen)
    assert (
        attachment_actions.export_attachment(window, window.session, attachment, choose=choose)
        is None
    )
    assert "NOT be encrypted" in seen[0] and asked == [] and not target.exists()
    answer_box(button_named("Export a copy…"), seen)
    written = attachment_actions.export_attachment(
        window, window.session, attachment, choose=choose
    )
    assert written == target and target.read_bytes() == b"the plan"
    assert asked[0].name == "plan.txt"


def test_the_menu_key_opens_the_attachment_menu(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_new_note(window)
    attach_text(window, tmp_path, "m.txt", b"m")
    strip = strip_of(window)
    shown: list[list[str]] = []
    monkeypatch.setattr(
        strip,
        "show_menu",
        lambda _where: shown.append([a.text() for a in strip.menu_actions().actions()]),
    )
    strip.list.menu_pressed.disconnect()
    strip.list.menu_pressed.connect(strip.show_menu)
    strip.list.setFocus()
    strip.list.setCurrentRow(0)
    qtbot.keyClick(strip.list, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(strip.list, Qt.Key.Key_Menu)
    assert len(shown) == 2
    assert [t.replace("&", "") for t in shown[0]] == ["Open", "Export a copy…", "Remove for good…"]


def test_the_strip_hides_its_list_when_the_note_has_no_attachments(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_new_note(window)
    strip = strip_of(window)
    assert not strip.list.isVisible()
    assert strip.attach_button.isVisible() and strip.attach_button.isEnabled()


def test_a_pasted_image_is_encoded_to_png_in_memory(qtbot: QtBot) -> None:
    image = QImage(6, 4, QImage.Format.Format_RGB32)
    image.fill(0x102030)
    image.setText("Author", "someone")
    data = png_bytes(image)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert b"someone" not in data
    decoded = QImage.fromData(data)
    assert decoded.size() == image.size() and decoded.pixel(1, 1) == image.pixel(1, 1)


def test_during_another_job_the_list_stays_and_follows_when_it_ends(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    note = open_new_note(window)
    attach_text(window, tmp_path, "first.txt", b"1")
    strip = strip_of(window)
    second = tmp_path / "second.txt"
    second.write_bytes(b"2")
    store = vault_of(window).attachments
    seen_during: list[int] = []
    added, looked = threading.Event(), threading.Event()

    def work(progress: Callable[[float], bool]) -> None:
        store.add(note, second)
        added.set()
        assert looked.wait(10)  # hold the database until the list was asked to refresh

    def look() -> None:
        if not added.is_set():
            QTimer.singleShot(5, look)
            return
        strip.refresh()
        seen_during.append(strip.list.count())
        looked.set()

    QTimer.singleShot(0, look)
    window.session.run_job(window, "Working…", work)
    assert seen_during == [1]  # no database call while the job held it
    assert strip.list.count() == 2


def test_what_was_removed_from_a_photo_is_said_in_words(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from PIL import Image

    note = open_new_note(window)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x013B] = "Ana Ruiz"  # Artist
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (40.0, 25.0, 1.0)
    photo = tmp_path / "steps.jpg"
    Image.new("RGB", (16, 16), (200, 100, 50)).save(photo, exif=exif)
    strip = strip_of(window)
    strip.attach_files([photo])
    (attachment,) = vault_of(window).attachments.of_note(note)
    stored = read_back(vault_of(window), attachment)
    assert b"Ana Ruiz" not in stored and b"PhoneMaker" not in stored
    assert strip.notice.text().startswith("“steps.jpg” attached. Removed: GPS position, ")
    assert "camera make and model" in strip.notice.text() and "author" in strip.notice.text()
    assert strip.list.item(0).toolTip().startswith("Removed: GPS position")


def test_search_says_which_attached_file_matched(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    open_new_note(window)
    attach_text(window, tmp_path, "<b>hearing & 押金.txt", "the deposit 押金 was kept\n".encode())
    window.search()
    dialog = window.search_dialog
    dialog.query.setText("押金")
    dialog.run()
    assert dialog.results.count() == 1
    shown = dialog.results.item(0).text()
    assert "In &lt;b&gt;hearing &amp; 押金.txt:" in shown  # the name, escaped
    dialog.query.setText("deposit")
    dialog.run()
    assert "In " in dialog.results.item(0).text()
