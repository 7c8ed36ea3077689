"""Two-line rows (a title and a quieter line under it) for the note and contact lists."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from hushnote.gui.paged_list_model import SUBTITLE_ROLE

__all__ = ["TwoLineDelegate"]


class TwoLineDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        title, subtitle = option.text, index.data(SUBTITLE_ROLE) or ""
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(8, 4, -8, -4)
        line = option.fontMetrics.height()
        painter.save()
        painter.setPen(option.palette.color(role))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        elided = option.fontMetrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line), 0, elided)
        font.setBold(False)
        painter.setFont(font)
        if not selected:
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        elided = option.fontMetrics.elidedText(subtitle, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(QRect(rect.left(), rect.top() + line + 2, rect.width(), line), 0, elided)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(200, option.fontMetrics.height() * 2 + 12)
