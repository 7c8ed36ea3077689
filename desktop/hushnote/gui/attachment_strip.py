"""The note editor's attachments: a short list, the attach buttons and what was removed.

Layout (top to bottom, under the note's text)::

    Attachments:                    [Attach file…] [More attach options ▾]
    ┌──────────────────────────────────────────────┐
    │ [JPG] protest.jpg — JPEG photo, 2.1 MB       │   hidden while there are none
    └──────────────────────────────────────────────┘
    “protest.jpg” attached. Removed: GPS position, camera serial number.

Keys in the list: arrows move, Enter opens, Delete removes (after a confirm), the Menu
key or Shift+F10 opens the Open / Export a copy… / Remove menu. Ctrl+Shift+A attaches
from anywhere in the editor. A note in the trash shows its attachments to open or
export, never to add or remove, as the editor shows its text.

Files dropped on the strip are attached (``NoteBody`` takes drops and pasted images on
the text). Names shown here are the note's content: they never reach a window title.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QIcon,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hushnote.core import Attachment
from hushnote.errors import HushnoteError
from hushnote.gui.accessibility import USER_DATA, describe, release_tab
from hushnote.gui.attach_flow import attach_pasted_image, attach_paths, attach_sources, choose_files
from hushnote.gui.attachment_actions import export_attachment, open_attachment, remove_attachment
from hushnote.gui.messages import error_text
from hushnote.gui.metadata_words import kind_text, removed_sentence
from hushnote.gui.session import VaultSession

__all__ = ["ATTACH_KEYS", "AttachmentStrip", "NoteBody", "local_files"]

ATTACH_KEYS = "Ctrl+Shift+A"
# The list grows with the attachments up to this many rows, then scrolls.
VISIBLE_ROWS = 4
_ICON = QSize(30, 20)
_BADGES = {
    "jpeg": "JPG",
    "png": "PNG",
    "webp": "WEBP",
    "gif": "GIF",
    "bmp": "BMP",
    "heic": "HEIC",
    "pdf": "PDF",
    "text": "TXT",
    "markdown": "MD",
}
_PHOTO_KINDS = frozenset({"jpeg", "png", "webp"})


def local_files(mime: QMimeData) -> list[Path]:
    """The local files a drop or paste carries (remote URLs are never fetched)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def kind_icon(kind: str) -> QIcon:
    """A small badge naming the kind (JPG, PDF…): drawn here, no icon theme asked."""
    pixmap = QPixmap(_ICON)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor("#2f6f9f") if kind in _BADGES else QColor("#6b6b6b")
    if kind == "pdf":
        colour = QColor("#a33a2f")
    painter.setBrush(colour)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRect(0, 1, _ICON.width(), _ICON.height() - 2), 4, 4)
    font = QFont()
    font.setPixelSize(9)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, _BADGES.get(kind, "···"))
    painter.end()
    return QIcon(pixmap)


class NoteBody(QPlainTextEdit):
    """The note's text field; dropped files and pasted images become attachments.

    Text pastes as text: an image is attached only when the clipboard holds no text
    (a copied web page carries both, and its text is what the person meant)."""

    files_dropped = Signal(list)  # list[Path]
    image_pasted = Signal(QImage)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        if not self.isReadOnly() and (local_files(source) or source.hasImage()):
            return True
        return super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if not self.isReadOnly():
            files = local_files(source)
            if files:
                self.files_dropped.emit(files)
                return
            if source.hasImage() and not source.hasText():
                image = QImage(source.imageData())
                if not image.isNull():
                    self.image_pasted.emit(image)
                    return
        super().insertFromMimeData(source)


class _AttachmentList(QListWidget):
    """The list itself: Delete and the menu keys, besides what a list does."""

    remove_pressed = Signal()
    menu_pressed = Signal(QPoint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Delete and self.currentItem() is not None:
            self.remove_pressed.emit()
            return
        menu_key = key == Qt.Key.Key_Menu and mods == Qt.KeyboardModifier.NoModifier
        if menu_key or (key == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier):
            self.menu_pressed.emit(self._menu_point())
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self.menu_pressed.emit(self._menu_point())
        else:
            item = self.itemAt(event.pos())
            if item is not None:
                self.setCurrentItem(item)
                self.menu_pressed.emit(event.globalPos())

    def _menu_point(self) -> QPoint:
        item = self.currentItem()
        rect = self.visualItemRect(item) if item is not None else QRect()
        return self.viewport().mapToGlobal(rect.bottomLeft())


class AttachmentStrip(QWidget):
    """The attachments of the note open in the editor, and the ways to add more."""

    attached = Signal()  # the list changed: something was added or removed

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.note: str | None = None
        self.read_only = False
        self.attachments: list[Attachment] = []
        # For tests and other front ends: the open call (a viewer later plugs in here).
        self.opener: Callable[[QWidget, VaultSession, Attachment], object] = open_attachment
        session.changed.connect(self._records_changed)
        self._stale = False
        session.job_finished.connect(self._refresh_if_stale)
        self.setAcceptDrops(True)

        title = QLabel(self.tr("Attachments:"))
        self.attach_button = QPushButton(self.tr("Attach &file…"))
        describe(
            self.attach_button,
            self.tr("Attach file"),
            self.tr(
                "Encrypt a file into the vault with this note; identifying metadata is "
                "removed (Ctrl+Shift+A). You can also drop files here or paste an image."
            ),
        )
        self.attach_button.setToolTip(self.tr("Attach a file (Ctrl+Shift+A)"))
        self.attach_button.clicked.connect(self.attach_chosen)
        self.more_button = QPushButton(self.tr("More…"))
        describe(
            self.more_button,
            self.tr("More ways to attach"),
            self.tr("Attach a photo with faces blurred, or a file with its metadata kept."),
        )
        self.more_menu = QMenu(self)
        self.blur_action = self.more_menu.addAction(
            self.tr("Attach photo with faces &blurred…"), self.attach_blurred
        )
        self.keep_action = self.more_menu.addAction(
            self.tr("Attach with &metadata kept…"), self.attach_keeping_metadata
        )
        self.more_button.setMenu(self.more_menu)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.attach_button)
        head.addWidget(self.more_button)

        self.list = _AttachmentList()
        release_tab(self.list)
        describe(
            self.list,
            self.tr("Attachments"),
            self.tr("Enter opens; Delete removes for good; the Menu key offers export."),
        )
        self.list.setIconSize(_ICON)
        self.list.setUniformItemSizes(True)
        self.list.itemActivated.connect(lambda _item: self.open_current())
        self.list.remove_pressed.connect(self.remove_current)
        self.list.menu_pressed.connect(self.show_menu)
        self.list.hide()

        # What the last attach did; stays until another note is shown.
        self.notice = QLabel()
        self.notice.setObjectName(USER_DATA)  # holds file names
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.setAccessibleName(self.tr("What the attach removed"))
        self.notice.setStyleSheet("background: #e6f1ea; color: #10351f; padding: 4px;")
        self.notice.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.list)
        layout.addWidget(self.notice)

    def install_shortcut(self, owner: QWidget) -> QShortcut:
        """Ctrl+Shift+A anywhere in ``owner`` (the editor) attaches a file."""
        shortcut = QShortcut(QKeySequence(ATTACH_KEYS), owner)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.attach_chosen)
        return shortcut

    # -- the note shown ----------------------------------------------------------------

    def show_note(self, note: str | None, *, read_only: bool) -> None:
        """Show the attachments of ``note`` (None: nothing, on lock)."""
        self.note = note
        self.read_only = read_only
        self.notice.clear()
        self.notice.hide()
        for widget in (self.attach_button, self.more_button):
            widget.setEnabled(note is not None and not read_only)
        self.refresh()

    def refresh(self) -> None:
        if self.session.busy and self.note is not None:
            # The job owns the database: the list stays as it is and follows at its end.
            self._stale = True
            return
        self._stale = False
        vault = self.session.vault
        current = self.current()
        self.list.clear()
        self.attachments = []
        if vault is not None and self.note is not None:
            try:
                self.attachments = vault.attachments.of_note(self.note)
            except HushnoteError as error:
                self._say(error_text(error))
        for attachment in self.attachments:
            item = QListWidgetItem(kind_icon(attachment.kind), self._row_text(attachment))
            item.setData(Qt.ItemDataRole.UserRole, attachment.uuid)
            if attachment.removed:
                item.setToolTip(removed_sentence(attachment.removed))
            self.list.addItem(item)
            if current is not None and attachment.uuid == current.uuid:
                self.list.setCurrentItem(item)
        if self.attachments and self.list.currentItem() is None:
            self.list.setCurrentRow(0)
        rows = min(max(len(self.attachments), 1), VISIBLE_ROWS)
        self.list.setFixedHeight(rows * (self.list.sizeHintForRow(0) + 2) + 6)
        self.list.setVisible(bool(self.attachments))

    def _row_text(self, attachment: Attachment) -> str:
        return (
            self.tr("%1 — %2, %3")
            .replace("%1", attachment.name)
            .replace("%2", kind_text(attachment.kind))
            .replace("%3", self.locale().formattedDataSize(attachment.size))
        )

    def current(self) -> Attachment | None:
        item = self.list.currentItem()
        if item is None:
            return None
        uuid = item.data(Qt.ItemDataRole.UserRole)
        return next((a for a in self.attachments if a.uuid == uuid), None)

    def _refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    def _records_changed(self, kind: str) -> None:
        if kind in ("attachments", "all"):
            self.refresh()

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # -- adding ------------------------------------------------------------------------

    def _can_add(self) -> bool:
        return (
            self.note is not None
            and not self.read_only
            and self.session.vault is not None
            and not self.session.busy
        )

    def attach_chosen(self, *, keep_metadata: bool = False) -> None:
        if not self._can_add():
            return
        caption = self.tr("Attach with metadata kept") if keep_metadata else self.tr("Attach files")
        paths = choose_files(self.window(), caption)
        if paths:
            self.attach_files(paths, keep_metadata=keep_metadata)

    def attach_keeping_metadata(self) -> None:
        self.attach_chosen(keep_metadata=True)

    def attach_files(self, paths: list[Path], *, keep_metadata: bool = False) -> None:
        if not self._can_add() or self.note is None:
            return
        said = attach_paths(
            self.window(), self.session, self.note, paths, keep_metadata=keep_metadata
        )
        self._after(said)

    def attach_image(self, image: QImage) -> None:
        if not self._can_add() or self.note is None:
            return
        self._after(attach_pasted_image(self.window(), self.session, self.note, image))

    def attach_blurred(self) -> None:
        if not self._can_add() or self.note is None:
            return
        from hushnote.gui.blur_review_dialog import review_photo  # pulls in Pillow

        source = review_photo(self.window())
        if source is not None:
            self._after(attach_sources(self.window(), self.session, self.note, [source]))

    def _after(self, said: str | None) -> None:
        self.refresh()
        if said:
            self._say(said)
            self.attached.emit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._can_add() and local_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event.mimeData())
        if self._can_add() and files:
            event.acceptProposedAction()
            self.attach_files(files)

    # -- one attachment ----------------------------------------------------------------

    def open_current(self) -> None:
        attachment = self.current()
        if attachment is not None:
            self.opener(self.window(), self.session, attachment)

    def export_current(self) -> None:
        attachment = self.current()
        if attachment is not None:
            export_attachment(self.window(), self.session, attachment)

    def remove_current(self) -> None:
        attachment = self.current()
        if attachment is None or self.read_only:
            return
        if remove_attachment(self.window(), self.session, attachment):
            self._say(self.tr("“%1” was removed for good.").replace("%1", attachment.name))
            self.attached.emit()

    def menu_actions(self) -> QMenu:
        """The menu for the current attachment: Open, Export a copy…, Remove."""
        menu = QMenu(self)
        menu.addAction(self.tr("&Open"), self.open_current)
        menu.addAction(self.tr("&Export a copy…"), self.export_current)
        remove = menu.addAction(self.tr("&Remove for good…"), self.remove_current)
        remove.setEnabled(not self.read_only)
        return menu

    def show_menu(self, where: QPoint) -> None:
        if self.current() is None:
            return
        menu = self.menu_actions()
        menu.exec(where)
        menu.deleteLater()
