"""Every string a window shows or hands to a screen reader, gathered for word checks.

Generic on purpose: it reads whatever widgets, menus and dialogs are there, so a control
added later is checked without the test knowing it.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QMenu,
    QMenuBar,
    QStackedWidget,
    QStatusBar,
    QTabBar,
    QWidget,
)

# What a widget may say, beyond its accessible name and description.
_GETTERS = ("windowTitle", "toolTip", "statusTip", "whatsThis", "text", "placeholderText",
            "title", "currentText", "plainText", "informativeText", "detailedText")  # fmt: skip
_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.StatusTipRole,
    Qt.ItemDataRole.WhatsThisRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
)


def action_texts(action: QAction) -> list[str]:
    return [action.text(), action.iconText(), action.toolTip(), action.statusTip(),
            action.whatsThis()]  # fmt: skip


def menu_texts(bar: QMenuBar | QMenu) -> Iterator[tuple[str, str]]:
    """The texts of every visible action in ``bar`` and in its visible submenus."""
    for action in bar.actions():
        if not action.isVisible() or action.isSeparator():
            continue
        for text in action_texts(action):
            yield f"menu {action.text()!r}", text
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield f"menu {menu.title()!r}", menu.title()
            yield from menu_texts(menu)


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a QListWidget's model keeps columnCount private: one column
        return 1


def _model_texts(model: QAbstractItemModel, parent: QModelIndex) -> Iterator[str]:
    for row in range(model.rowCount(parent)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role in _ROLES:
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value
            if column == 0 and model.rowCount(index) > 0:
                yield from _model_texts(model, index)


def widget_texts(widget: QWidget) -> Iterator[str]:
    yield widget.accessibleName()
    yield widget.accessibleDescription()
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is not None:
        for kind in (QAccessible.Text.Name, QAccessible.Text.Description,
                     QAccessible.Text.Help, QAccessible.Text.Value):  # fmt: skip
            yield interface.text(kind)
    for name in _GETTERS:
        getter = getattr(widget, name, None)
        if callable(getter):
            try:
                value = getter()
            except TypeError:  # a getter that needs an argument: not a text
                continue
            if isinstance(value, str):
                yield value
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QTabBar):
        yield from (widget.tabText(i) for i in range(widget.count()))
    if isinstance(widget, QStatusBar):
        yield widget.currentMessage()
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        yield from _model_texts(model, QModelIndex())
        for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
            top = QModelIndex()
            count = _columns(model, top) if orientation == Qt.Orientation.Horizontal else (
                model.rowCount(top))  # fmt: skip
            for section in range(count):
                value = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
                if isinstance(value, str):
                    yield value


def _on_current_page(widget: QWidget) -> bool:
    """Inside the page a stacked widget shows now, even if hidden for the moment (a
    warning waiting for Caps Lock, a busy bar): it shows without a new page."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            return parent.isVisible() and parent.currentWidget() is child
        child, parent = parent, parent.parentWidget()
    return False


def texts_shown() -> list[tuple[str, str]]:
    """(where, text) for every visible top-level window, its visible widgets, the hidden
    widgets of the pages they show, and the visible entries of their menu bars."""
    found: list[tuple[str, str]] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for widget in [top, *top.findChildren(QWidget)]:
            if isinstance(widget, QMenu):
                continue  # read through the menu bar's actions, as a user opens them
            if widget.isVisible() or _on_current_page(widget):
                where = f"{type(widget).__name__} {widget.objectName()!r}"
                found += [(where, text) for text in widget_texts(widget) if text]
            if isinstance(widget, QMenuBar) and widget.isVisible():
                found += [(where, text) for where, text in menu_texts(widget) if text]
    return found
