"""The calm, centred column the create and unlock screens share."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

__all__ = ["centred_column", "heading"]

COLUMN_WIDTH = 420


def heading(text: str) -> QLabel:
    """A large bold label; screen readers read its text, so it needs no separate name."""
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    return label


def centred_column(owner: QWidget, items: list[QWidget | QLayout]) -> None:
    """Lay ``items`` out top to bottom in a fixed-width column centred in ``owner``."""
    column = QWidget()
    column.setMaximumWidth(COLUMN_WIDTH)
    inner = QVBoxLayout(column)
    inner.setSpacing(10)
    for item in items:
        if isinstance(item, QLayout):
            inner.addLayout(item)
        else:
            inner.addWidget(item)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(column, 4)
    row.addStretch(1)
    outer = QVBoxLayout(owner)
    outer.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
