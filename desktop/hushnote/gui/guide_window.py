"""Help ▸ User guide: the guide shipped with the app, read offline, in the interface language.

The viewer loads nothing but the guide folder's own files (``hushnote.app.user_guide``):
links inside the guide scroll to their heading, and any other link (the web, the other
documents of the source tree) is shown under the text and never opened or fetched, so no
socket is ever opened.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QImage, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hushnote.app.user_guide import (
    ENGLISH,
    GUIDE_DIR,
    GUIDE_FILES,
    anchor_ids,
    guide_file,
    markdown_headings,
)
from hushnote.gui.accessibility import describe, describe_buttons

__all__ = ["GuideBrowser", "GuideWindow", "guide_language"]

# Resources the guide may show: its own images, nothing else.
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".svg"}
#: The widest an image is shown, in pixels: narrower than the window, so no sideways scroll.
IMAGE_WIDTH = 640


def guide_language() -> str:
    """The interface language: ``install_translators`` made it the default locale."""
    name = QLocale().name()
    return name if name in GUIDE_FILES else "en"


class GuideBrowser(QTextBrowser):
    """A Markdown view that loads only the guide folder's own images, and follows only
    links to its own headings."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder.resolve()
        # Links are ours to handle (anchorClicked): Qt would otherwise load their target.
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchors: list[str] = []

    def show_guide(self, path: Path, english: Path | None = None) -> None:
        """Show ``path``; its headings also answer to the English guide's anchors."""
        self.document().setBaseUrl(QUrl.fromLocalFile(str(self.folder) + "/"))
        self.setMarkdown(path.read_text(encoding="utf-8"))
        blocks = []
        block = self.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel():
                blocks.append(block)
            if block.blockFormat().nonBreakableLines():
                # A long command wraps rather than widen the page into a sideways scroll.
                wrapping = block.blockFormat()
                wrapping.setNonBreakableLines(False)
                QTextCursor(block).setBlockFormat(wrapping)
            block = block.next()
        names = [[anchor] for anchor in anchor_ids([b.text() for b in blocks])]
        if english is not None and english != path:
            source = markdown_headings(english.read_text(encoding="utf-8"))
            shown = [b.blockFormat().headingLevel() for b in blocks]
            # Same outline, heading for heading (tests/unit/test_user_guide.py keeps it so).
            if [level for level, _ in source] == shown:
                for own, other in zip(names, anchor_ids([t for _, t in source]), strict=True):
                    own.append(other)
        for block, anchors in zip(blocks, names, strict=True):
            cursor = QTextCursor(block)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            marker = QTextCharFormat()
            marker.setAnchor(True)
            marker.setAnchorNames(anchors)
            cursor.mergeCharFormat(marker)
        self.anchors = [name for anchors in names for name in anchors]

    def go_to(self, anchor: str) -> bool:
        """Scroll so that heading ``anchor`` is at the top; False if there is none."""
        if anchor not in self.anchors:
            return False
        self.scrollToAnchor(anchor)
        return True

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """The guide's own image files; nothing from anywhere else, the network least."""
        url = self.document().baseUrl().resolved(QUrl(name))
        if kind != QTextDocument.ResourceType.ImageResource.value or not url.isLocalFile():
            return None
        path = Path(url.toLocalFile()).resolve()
        if not path.is_relative_to(self.folder) or path.suffix.lower() not in _IMAGE_SUFFIXES:
            return None
        image = QImage(str(path))
        if image.width() > IMAGE_WIDTH:  # a screenshot, shown at a size that fits the page
            image = image.scaledToWidth(IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
        return None if image.isNull() else image


class GuideWindow(QDialog):
    """The guide in its own window: not modal, so it can stay open beside the work."""

    def __init__(
        self, language: str, folder: Path = GUIDE_DIR, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        # Neutral: under camouflage, titles name no app and no vault (gui/app_identity.py).
        self.setWindowTitle(self.tr("User guide"))
        self.browser = GuideBrowser(folder)
        describe(self.browser, self.tr("User guide"), self.tr("The guide, to read."))
        self.browser.anchorClicked.connect(self.follow)
        self.browser.highlighted.connect(self._hovered)
        self.link = QLabel()
        self.link.setWordWrap(True)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        contents = QPushButton(self.tr("&Contents"))
        contents.clicked.connect(lambda: self.browser.verticalScrollBar().setValue(0))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(contents, QDialogButtonBox.ButtonRole.ActionRole)
        describe_buttons(buttons)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(self.link)
        layout.addWidget(buttons)
        self.resize(820, 720)
        path = guide_file(language, folder)
        english = folder / ENGLISH
        if path.is_file():
            self.browser.show_guide(path, english if english.is_file() else None)
        else:
            self.browser.setPlainText(
                self.tr("The user guide is not installed. It is docs/user-guide.md in the source.")
            )

    def follow(self, url: QUrl) -> None:
        """A link to a heading scrolls there; any other link is shown, never opened."""
        if not url.scheme() and not url.path() and url.hasFragment():
            if self.browser.go_to(url.fragment()):
                self.link.clear()
                return
        self._show_unopened(url)

    def _hovered(self, url: QUrl) -> None:
        if url.isEmpty() or (not url.scheme() and not url.path()):
            self.link.clear()
        else:
            self._show_unopened(url)

    def _show_unopened(self, url: QUrl) -> None:
        address = url.toDisplayString()
        if url.scheme() in ("", "file"):
            text = self.tr("Not part of the guide in the app: %1").replace("%1", address)
        else:
            text = self.tr("Web links are not opened from the app. The address: %1").replace(
                "%1", address
            )
        self.link.setText(text)

    def go_to(self, anchor: str) -> bool:
        return self.browser.go_to(anchor)
