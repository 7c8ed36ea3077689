"""Two-line rows (a title and a quieter line under it) for the note and contact lists.

A row's height comes from the font's metrics for every script a title may mix, not from
the Latin font alone: a Chinese character is drawn from a fallback font whose ascent and
descent are larger, and a row sized for Latin text cut off its bottom.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from hushnote.gui.paged_list_model import SUBTITLE_ROLE

__all__ = ["TwoLineDelegate", "line_height", "size_rows"]

#: Samples of the scripts a line may hold: Latin with its tallest and deepest letters,
#: Chinese (simplified and traditional), and full-width punctuation.
SCRIPT_SAMPLES = ("ÅÉgjpqy|", "会议记录", "會議紀錄", "「」，。")
PADDING = 4  # above and below the two lines
GAP = 2  # between them


def _layout_height(font: QFont, text: str) -> int:
    """The height of one laid-out line of ``text``, fallback fonts included."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return int(line.height() + 0.999) if line.isValid() else 0


# Per font, never per text: a cache of titles would keep vault text past the lock.
_heights: dict[str, int] = {}


def line_height(font: QFont, text: str = "") -> int:
    """The height a line needs in ``font``: the largest of every script's line (so that
    every row of a list can share it), and of ``text`` when given."""
    bold = QFont(font)
    bold.setBold(True)
    key = font.key()
    if key not in _heights:
        _heights[key] = max(_layout_height(f, s) for f in (font, bold) for s in SCRIPT_SAMPLES)
    if not text:
        return _heights[key]
    return max(_heights[key], _layout_height(font, text), _layout_height(bold, text))


def row_height(font: QFont) -> int:
    return PADDING + line_height(font) + GAP + line_height(font) + PADDING


def size_rows(view: QTableView) -> None:
    """Give every row of ``view`` the same height, from its font (a fixed height lets a
    table touch only the rows on screen)."""
    view.verticalHeader().setDefaultSectionSize(row_height(view.font()))


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
        rect = option.rect.adjusted(8, PADDING, -8, -PADDING)
        line = line_height(option.font)
        painter.save()
        painter.setPen(option.palette.color(role))
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        elided = painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line), 0, elided)
        font.setBold(False)
        painter.setFont(font)
        if not selected:
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        elided = painter.fontMetrics().elidedText(
            subtitle, Qt.TextElideMode.ElideRight, rect.width()
        )
        top = rect.top() + line + GAP
        painter.drawText(QRect(rect.left(), top, rect.width(), line), 0, elided)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(200, row_height(option.font))
