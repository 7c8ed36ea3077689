"""Help ▸ User guide: the guide in the interface language, offline, links kept inside it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices, QImage, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from conftest import VaultSetup
from hushnote.app.app_config import AppConfig
from hushnote.app.user_guide import GUIDE_FILES, TRAVEL_ANCHOR, anchor_ids, markdown_headings
from hushnote.gui.app_identity import apply_identity
from hushnote.gui.guide_window import GuideBrowser, GuideWindow
from hushnote.gui.i18n import install_translators
from hushnote.gui.main_window import MainWindow
from support.gui import unlock_window

DOCS = Path(__file__).parents[2] / "docs"
# What a title must not say under camouflage (gui/app_identity.py).
REVEALING = ("hushnote", "vault", "wipe", "panic", "duress", "passphrase")


def headings(language: str) -> list[str]:
    text = (DOCS / GUIDE_FILES[language]).read_text(encoding="utf-8")
    return [title for _, title in markdown_headings(text)]


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The interface language, as the app installs it at start."""
    chosen: str = request.param
    translators = install_translators(chosen, qapp)
    yield chosen
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    install_translators("en", qapp)


@pytest.fixture
def camouflage(qapp: QApplication) -> Iterator[None]:
    apply_identity(qapp, True)
    yield
    apply_identity(qapp, False)


class Opened(QObject):
    """Every URL handed to the desktop to open (QDesktopServices), for http and https."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened() -> Iterator[Opened]:
    handler = Opened()
    for scheme in ("http", "https"):
        QDesktopServices.setUrlHandler(scheme, handler, "open")
    yield handler
    for scheme in ("http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """Every resource the viewer was asked for, and what it answered."""
    asked: list[tuple[str, object]] = []
    original = GuideBrowser.loadResource

    def recording(self: GuideBrowser, kind: int, name: QUrl | str) -> object:
        answer = original(self, kind, name)
        asked.append((QUrl(name).toString(), answer))
        return answer

    monkeypatch.setattr(GuideBrowser, "loadResource", recording)
    return asked


def help_action(window: MainWindow, text: str) -> QAction:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return next(a for a in menu.actions() if a.text() == text)


def heading_top(browser: GuideBrowser, title: str) -> int:
    block = browser.document().begin()
    while block.isValid() and not (block.blockFormat().headingLevel() and block.text() == title):
        block = block.next()
    assert block.isValid(), title
    return round(browser.document().documentLayout().blockBoundingRect(block).top())


def press_f1(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)


def open_guide(qtbot: QtBot, window: MainWindow) -> GuideWindow:
    press_f1(qtbot, window)
    guide = window.guide_window
    assert guide is not None
    qtbot.waitExposed(guide)
    return guide


def click_link(qtbot: QtBot, browser: GuideBrowser, href: str) -> None:
    """Bring the first link to ``href`` into view and click it."""
    cursor = QTextCursor(browser.document())
    while not cursor.atEnd():
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        if cursor.charFormat().anchorHref() == href:
            break
    assert cursor.charFormat().anchorHref() == href, href
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    point = browser.cursorRect(cursor).center()
    point.setX(point.x() + 4)  # inside the link's first character
    assert browser.anchorAt(point) == href
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_f1_opens_the_guide_at_its_first_heading(qtbot: QtBot, window_for, tmp_path: Path) -> None:
    window = window_for(tmp_path / "new")  # before any vault: the guide helps set one up
    assert help_action(window, "&User guide").isEnabled()
    guide = open_guide(qtbot, window)
    browser = guide.browser
    assert browser.document().firstBlock().text() == headings("en")[0] == "Hushnote user guide"
    assert browser.verticalScrollBar().value() == 0
    assert guide.windowTitle() == "User guide"
    help_action(window, "&User guide").trigger()
    assert window.guide_window is guide  # one window, raised again


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW"], indirect=True)
def test_the_guide_speaks_the_interface_language(
    qtbot: QtBot, window_for, tmp_path: Path, language: str
) -> None:
    window = window_for(tmp_path / "new")
    browser = open_guide(qtbot, window).browser
    first = browser.document().firstBlock().text()
    assert first == headings(language)[0]
    assert first != headings("en")[0]
    # The travel notes, reached by their English anchor, are the translated section.
    english = headings("en")
    index = anchor_ids(english).index(TRAVEL_ANCHOR)
    assert browser.go_to(TRAVEL_ANCHOR)
    qtbot.waitUntil(
        lambda: (
            browser.verticalScrollBar().value() == heading_top(browser, headings(language)[index])
        )
    )


def test_travel_notes_open_the_guide_at_that_section(
    qtbot: QtBot, window_for, tmp_path: Path
) -> None:
    window = window_for(tmp_path / "new")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    guide = window.guide_window
    assert guide is not None and guide.isVisible()
    browser = guide.browser
    top = heading_top(browser, "Travel notes: before a checkpoint")
    assert top > 0
    qtbot.waitUntil(lambda: browser.verticalScrollBar().value() == top)


def test_a_link_to_a_heading_scrolls_there(qtbot: QtBot, window_for, tmp_path: Path) -> None:
    browser = open_guide(qtbot, window_for(tmp_path / "new")).browser
    click_link(qtbot, browser, "#the-panic-wipe")
    top = heading_top(browser, "The panic wipe")
    qtbot.waitUntil(lambda: browser.verticalScrollBar().value() == top)
    assert browser.document().firstBlock().text() == "Hushnote user guide"  # same document


def test_a_web_link_is_shown_never_opened_nor_fetched(
    qtbot: QtBot, window_for, tmp_path: Path, opened: Opened, loads: list[tuple[str, object]]
) -> None:
    guide = open_guide(qtbot, window_for(tmp_path / "new"))
    browser = guide.browser
    click_link(qtbot, browser, "https://age-encryption.org")
    qtbot.waitUntil(lambda: "https://age-encryption.org" in guide.link.text())
    assert "not opened" in guide.link.text()
    assert opened.urls == []
    assert browser.document().firstBlock().text() == "Hushnote user guide"
    assert browser.source().isEmpty()  # no page was loaded in place of the guide
    assert loads, "the guide's own screenshot is asked for when drawn"
    assert [url for url, _ in loads if QUrl(url).scheme() not in ("", "file")] == []


def test_only_the_guides_own_images_load(
    qtbot: QtBot, tmp_path: Path, loads: list[tuple[str, object]]
) -> None:
    folder = tmp_path / "guide"
    folder.mkdir()
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    assert image.save(str(folder / "here.png"))
    assert image.save(str(tmp_path / "outside.png"))
    (folder / "user-guide.md").write_text(
        "# Guide\n\n![a](here.png) ![b](https://example.org/x.png) ![c](../outside.png)"
        " ![d](file:///etc/hostname)\n",
        encoding="utf-8",
    )
    guide = GuideWindow("en", folder)
    qtbot.addWidget(guide)
    guide.show()
    guide.browser.grab()  # drawing asks for the images
    answers = {QUrl(url).fileName(): answer for url, answer in loads}
    assert sorted(answers) == ["here.png", "hostname", "outside.png", "x.png"]
    assert isinstance(answers.pop("here.png"), QImage)
    assert list(answers.values()) == [None, None, None]


def test_under_camouflage_the_guide_waits_for_the_unlock_and_names_nothing(
    qtbot: QtBot, window_for, fast_kdf_vault: VaultSetup, camouflage: None
) -> None:
    window = window_for(fast_kdf_vault.root)
    assert not help_action(window, "&User guide").isEnabled()
    assert not help_action(window, "&Travel notes: before a checkpoint").isEnabled()
    press_f1(qtbot, window)
    window.show_guide()
    assert window.guide_window is None
    unlock_window(qtbot, window, fast_kdf_vault.passphrase)
    guide = open_guide(qtbot, window)
    handle = guide.windowHandle()
    titles = [guide.windowTitle(), handle.title() if handle else ""]
    assert guide.windowTitle() == "User guide"
    for title in titles:
        assert not [word for word in REVEALING if word in title.lower()], title
    window.lock()
    assert not guide.isVisible()
    assert not help_action(window, "&User guide").isEnabled()


def test_turning_camouflage_off_makes_the_guide_reachable_when_locked(
    qtbot: QtBot, qapp: QApplication, window_for, fast_kdf_vault: VaultSetup, camouflage: None
) -> None:
    window = window_for(fast_kdf_vault.root)
    unlock_window(qtbot, window, fast_kdf_vault.passphrase)
    window.save_app_config(AppConfig(camouflage=True))
    window.lock()
    assert not help_action(window, "&User guide").isEnabled()
    window.save_app_config(AppConfig(camouflage=False))
    assert help_action(window, "&User guide").isEnabled()
