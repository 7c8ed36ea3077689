"""Help > Keyboard shortcuts: every action that has one, read from the actions themselves."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hushnote.gui.accessibility import describe, describe_buttons, plain_label, release_tab

__all__ = ["ShortcutsDialog"]


class ShortcutsDialog(QDialog):
    def __init__(
        self,
        actions: list[QAction],
        parent: QWidget | None = None,
        extra: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [
            (
                plain_label(action.text()).rstrip("…"),
                " / ".join(
                    s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
                ),
            )
            for action in actions
            if action.shortcuts()
        ]
        rows += extra or []
        self.table = QTableWidget(len(rows), 2)
        release_tab(self.table)
        describe(
            self.table,
            self.tr("Keyboard shortcuts"),
            self.tr("Each action and the keys that do it."),
        )
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        for row, (name, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        describe_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(460, 520)
