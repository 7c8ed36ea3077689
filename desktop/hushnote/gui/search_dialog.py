"""Search across notes and contacts (Ctrl+K): results as you type, Enter opens one."""

from __future__ import annotations

import html
import math

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from hushnote.core import Fragment, SearchHit, Vault
from hushnote.gui.accessibility import describe, release_tab
from hushnote.gui.app_identity import app_name
from hushnote.gui.session import VaultSession

__all__ = ["SearchDialog", "fragments_html"]

KIND_ROLE = Qt.ItemDataRole.UserRole + 10
UUID_ROLE = Qt.ItemDataRole.UserRole + 11


def fragments_html(fragments: tuple[Fragment, ...]) -> str:
    """Escaped text with the matches in bold: a note can never inject markup."""
    return "".join(
        f"<b>{html.escape(f.text)}</b>" if f.highlighted else html.escape(f.text) for f in fragments
    )


class HtmlDelegate(QStyledItemDelegate):
    """Draws an item's text as (already escaped) rich text.

    A row is as tall as its text laid out at the width it is drawn at: the layout holds
    the fallback fonts' line heights, so a Chinese line is not cut at the bottom, and the
    highlight (the row's own rectangle) never reaches into the next result.
    """

    PADDING = 4

    def _document(self, option: QStyleOptionViewItem, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setHtml(option.text)
        document.setTextWidth(max(1, width - 2 * self.PADDING))
        return document

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        document = self._document(option, option.rect.width())
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText)
            )
        painter.save()
        painter.setClipRect(option.rect)
        painter.translate(option.rect.left() + self.PADDING, option.rect.top() + self.PADDING)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        self.initStyleOption(option, index)
        view = option.widget
        # The width the row is drawn at (the list relays its rows out when resized).
        width = view.viewport().width() if isinstance(view, QListWidget) else 0
        document = self._document(option, width if width > 0 else 400)
        height = math.ceil(document.size().height()) + 2 * self.PADDING
        return QSize(int(document.idealWidth()) + 2 * self.PADDING, height)


class SearchDialog(QDialog):
    """A search box and its results; ``opened(kind, uuid)`` when the user picks one."""

    opened = Signal(str, str)

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(app_name())
        self.session = session
        session.locked.connect(self.forget)
        session.content_left.connect(self.forget)
        # A search typed while a long job holds the database runs when the job ends.
        session.job_finished.connect(self._run_if_shown)
        self.query = QLineEdit()
        self.query.setPlaceholderText(
            self.tr('Search notes and contacts: words, "phrases", pre*, tag:x')
        )
        describe(
            self.query,
            self.tr("Search"),
            self.tr('Words, "phrases", prefix* and tag:name; a minus excludes a word.'),
        )
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        release_tab(self.results)
        describe(self.results, self.tr("Search results"), self.tr("Enter opens the chosen result."))
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setResizeMode(QListWidget.ResizeMode.Adjust)  # new widths, new heights
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.summary)
        self.resize(640, 460)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.run)
        self.query.textChanged.connect(lambda _: self._timer.start())
        self.query.returnPressed.connect(self._open_current)
        self.results.itemActivated.connect(self._open)
        self.query.installEventFilter(self)

    @property
    def vault(self) -> Vault | None:
        """The open vault (``VaultSession``); this view keeps no copy of it."""
        return self.session.vault

    def start(self, text: str = "") -> None:
        self.query.setText(text)
        self.query.selectAll()
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus()

    def run(self) -> None:
        self.results.clear()
        if self.vault is None or self.vault.is_locked:
            return
        if self.session.busy:  # the job owns the database: asking now would freeze
            self.summary.setText(self.tr("Searching when the task ends…"))
            return
        hits: list[SearchHit] = self.vault.searcher.search(self.query.text())
        for hit in hits:
            kind = self.tr("Note") if hit.kind == "note" else self.tr("Contact")
            title = fragments_html(hit.title_fragments) or html.escape(self.tr("(untitled)"))
            snippet = fragments_html(hit.snippet)
            if hit.attachment is not None:
                # Found inside an attached file: say which, so the match is not hunted
                # for in the note's own text.
                where = self.tr("In %1:").replace("%1", html.escape(hit.attachment))
                snippet = f"<small>{where}</small> {snippet}"
            item = QListWidgetItem(f"<small>{kind}</small> <b>{title}</b><br>{snippet}")
            item.setData(KIND_ROLE, hit.kind)
            item.setData(UUID_ROLE, hit.uuid)
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        self.summary.setText(self.tr("%n result(s)", "", len(hits)) if self.query.text() else "")

    def _open_current(self) -> None:
        self._timer.stop()
        if self.results.count() == 0:
            self.run()
        item = self.results.currentItem()
        if item is not None:
            self._open(item)

    def _open(self, item: QListWidgetItem) -> None:
        self.opened.emit(item.data(KIND_ROLE), item.data(UUID_ROLE))
        self.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Down,
                Qt.Key.Key_Up,
            ):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                return True
        return False

    def forget(self) -> None:
        """Drop the query and every result (on lock)."""
        self._timer.stop()
        self.query.clear()
        self.results.clear()
        self.summary.clear()
        self.close()

    def _run_if_shown(self) -> None:
        if self.isVisible() and self.query.text():
            self.run()
