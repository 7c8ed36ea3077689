"""Opening attachments: the viewer, or a warned-about private copy for another program,
erased with Qt's pixmap cache at lock, at panic and at quit."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QPixmap, QPixmapCache
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.app.private_copies import COPIES_FOLDER, PrivateCopies
from hushnote.core import KdfParams
from hushnote.gui.attachment_opening import open_attachment, open_in_other_program
from hushnote.gui.attachment_viewer import AttachmentViewer
from hushnote.gui.main_window import MainWindow
from support.gui import finish_overwrites, panic_window, unlock_window

ODT = b"PK\x03\x04 an office document with the rota " * 200


class _Desktop(QObject):
    """Stands in for the desktop's file opener: records what it was asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[Path] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(Path(url.toLocalFile()))


@pytest.fixture
def desktop(qapp: QApplication) -> Iterator[_Desktop]:
    handler = _Desktop()
    QDesktopServices.setUrlHandler("file", handler, "open")
    yield handler
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def ram(tmp_path: Path) -> Iterator[Path]:
    folder = Path("/dev/shm") / f"hushnote-test-{os.getpid()}-{tmp_path.name}"
    folder.mkdir(mode=0o700)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def wiped() -> list[bool]:
    return []


@pytest.fixture
def window(
    qtbot: QtBot,
    fast_kdf_params: KdfParams,
    fast_kdf_vault: VaultSetup,
    wiped: list[bool],
    ram: Path,
) -> MainWindow:
    made = panic_window(qtbot, fast_kdf_vault.root, fast_kdf_params, wiped)
    made.session.copies = PrivateCopies([(ram, COPIES_FOLDER)])
    unlock_window(qtbot, made, PASSPHRASE)
    return made


def _answer(button_text: str) -> None:
    """Click ``button_text`` in the message box about to open."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        for button in box.findChildren(QPushButton):
            if button.text() == button_text:
                button.click()
                return
        raise AssertionError([b.text() for b in box.findChildren(QPushButton)])

    QTimer.singleShot(50, click)


def test_a_viewable_attachment_opens_in_the_viewer_which_closes_at_lock(
    qtbot: QtBot, window: MainWindow, desktop: _Desktop
) -> None:
    viewer = open_attachment(window, window.session, b"# Rota\n", "rota.md", "text/markdown")
    assert isinstance(viewer, AttachmentViewer) and viewer.isVisible()
    assert desktop.opened == []
    window.lock()
    assert not viewer.isVisible()


def test_cancel_at_the_warning_makes_no_copy(
    qtbot: QtBot, window: MainWindow, desktop: _Desktop, ram: Path
) -> None:
    _answer("Cancel")
    assert open_attachment(window, window.session, ODT, "rota.odt", "") is None
    assert desktop.opened == []
    assert window.session.copies.paths == []


def test_the_warning_names_the_risk_then_the_copy_opens_and_goes_at_lock(
    qtbot: QtBot, window: MainWindow, desktop: _Desktop, ram: Path
) -> None:
    seen: list[str] = []

    def read_warning() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.windowTitle() + "\n" + box.text() + "\n" + box.informativeText())

    QTimer.singleShot(20, read_warning)
    _answer("Open in another program")
    open_attachment(window, window.session, ODT, "Volunteer rota.odt", "")
    warning = seen[0]
    for risk in ("copies", "recent-file lists", "thumbnails", "autosaves"):
        assert risk in warning
    assert "rota" not in warning.lower()  # the box title and text name no file
    [path] = desktop.opened
    assert path.read_bytes() == ODT
    assert path.suffix == ".odt" and "rota" not in str(path).lower()
    assert path.is_relative_to(ram / COPIES_FOLDER)
    window.lock()
    assert not path.exists() and os.listdir(ram / COPIES_FOLDER) == []


def test_a_panic_erases_the_copies(
    qtbot: QtBot, window: MainWindow, desktop: _Desktop, ram: Path, wiped: list[bool]
) -> None:
    path = window.session.copies.write(ODT, "rota.odt")
    window.panic()
    finish_overwrites()
    assert wiped and not path.exists()
    assert os.listdir(ram / COPIES_FOLDER) == []


def test_closing_the_window_erases_the_copies(qtbot: QtBot, window: MainWindow, ram: Path) -> None:
    path = window.session.copies.write(ODT, "rota.odt")
    window.close()
    assert not path.exists()


def test_without_a_private_place_in_ram_nothing_is_written_and_the_user_is_told(
    qtbot: QtBot, window: MainWindow, desktop: _Desktop, tmp_path: Path
) -> None:
    window.session.copies = PrivateCopies([(tmp_path, COPIES_FOLDER)])  # a disk
    told: list[str] = []

    def read_refusal() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        told.append(box.text())
        box.accept()

    _answer("Open in another program")
    QTimer.singleShot(400, read_refusal)
    open_attachment(window, window.session, ODT, "rota.odt", "")
    assert told and "no private folder in memory" in told[0]
    assert desktop.opened == [] and not (tmp_path / COPIES_FOLDER).exists()


def test_locking_empties_qts_pixmap_cache(qtbot: QtBot, window: MainWindow) -> None:
    pixmap = QPixmap(8, 8)
    QPixmapCache.insert("attachment-preview", pixmap)
    assert QPixmapCache.find("attachment-preview") is not None
    window.lock()
    assert QPixmapCache.find("attachment-preview") is None


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("invoice.exe", b"MZ\x90\x00 a program"),
        ("rota.odt", b"\x7fELF\x02\x01 a program under another name"),
        ("tool.jar", b"PK\x03\x04 java"),
        ("page.html", b"<img src='https://example.org/track.png'>"),
        ("setup.sh.desktop", b"[Desktop Entry]\nExec=sh"),
    ],
)
def test_a_file_that_could_run_or_reach_the_network_is_never_handed_over(
    qtbot: QtBot, window: MainWindow, desktop: _Desktop, ram: Path, name: str, data: bytes
) -> None:
    said: list[str] = []

    def read_refusal() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        box.accept()

    QTimer.singleShot(50, read_refusal)
    assert open_in_other_program(window, window.session, data, name) is False
    assert said and "could run a program" in said[0]
    assert desktop.opened == []
    assert window.session.copies.paths == []
