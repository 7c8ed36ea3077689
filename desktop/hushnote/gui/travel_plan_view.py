"""What starting travel would take away, from the core's ``TravelPlan``: by name and count.

Counts sit in table cells, never spliced into a sentence, so no translated sentence is
built from English pieces; a list of names is joined the way the interface's language
joins lists (``QLocale.createSeparatedList``). With nothing marked, the view says how to
mark a notebook or a list instead.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hushnote.gui.accessibility import USER_DATA, describe, release_tab

__all__ = ["PlanView"]

# Rows shown before a table scrolls: enough for a typical trip, small enough for a laptop.
VISIBLE_ROWS = 5


class PlanView(QWidget):
    """The plan's notebooks and lists in two tables, and the people who leave with them."""

    def __init__(self, plan: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty = bool(plan.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if self.empty:
            self.how_to_mark = QLabel(
                self.tr(
                    "Nothing is marked to stay home yet, so nothing would leave.\n\n"
                    "To mark a notebook or a contact list: in the sidebar, open its menu "
                    "(right-click, the Menu key or Shift+F10) and choose “Stays home (travel "
                    "mode)”. Then start travel again."
                )
            )
            self.how_to_mark.setWordWrap(True)
            self.how_to_mark.setAccessibleName(self.tr("Nothing is marked"))
            layout.addWidget(self.how_to_mark)
            layout.addStretch(1)
            return
        intro = QLabel(
            self.tr(
                "These are sealed into the bundle, then removed from this laptop, with "
                "their notes in the trash, attached files and earlier versions:"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.notebooks = self._table(
            [
                self.tr("Notebook"),
                self.tr("Notes"),
                self.tr("In the trash"),
                self.tr("Attached files"),
                self.tr("Earlier versions"),
            ],
            [
                [
                    notebook.name,
                    notebook.notes,
                    notebook.trashed,
                    notebook.attachments,
                    notebook.revisions,
                ]
                for notebook in plan.notebooks
            ],
            self.tr("Notebooks that leave"),
            self.tr("Each notebook with how many notes, trashed notes, files and versions."),
        )
        for row, notebook in enumerate(plan.notebooks):
            if notebook.shared:
                cell = self.notebooks.item(row, 0)
                assert cell is not None
                cell.setText(self.tr("%1 (shared)").replace("%1", notebook.name))
        self.lists = self._table(
            [self.tr("Contact list"), self.tr("People")],
            [[group.name, group.members] for group in plan.lists],
            self.tr("Contact lists that leave"),
            self.tr("Each list with how many people are on it."),
        )
        for table in (self.notebooks, self.lists):
            if table.rowCount():
                layout.addWidget(table)
        self.people = QLabel()
        self.people.setWordWrap(True)
        self.people.setObjectName(USER_DATA)  # names from the vault
        if plan.contacts:
            self.people.setText(
                self.tr("These people are on no other list, so they leave too: %1")
                .replace("%1", QLocale().createSeparatedList(list(plan.contacts)))
            )  # fmt: skip
            layout.addWidget(self.people)
        self.shared = QLabel(
            self.tr(
                "A shared notebook leaves with its sync state. Nothing is sent to its "
                "members, who keep their copies; syncing resumes when travel ends."
            )
        )
        self.shared.setWordWrap(True)
        if plan.shared_notebooks:
            layout.addWidget(self.shared)
        layout.addStretch(1)

    def _table(
        self, headers: list[str], rows: list[list[Any]], name: str, description: str
    ) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, column, item)
        release_tab(table)
        describe(table, name, description)
        shown = min(len(rows), VISIBLE_ROWS)
        height = header.sizeHint().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(row) for row in range(shown))
        table.setFixedHeight(height)
        return table

    def rows(self) -> list[list[str]]:
        """Every row of both tables as shown (tests, and a screen reader's check)."""
        if self.empty:
            return []
        return [
            [_text(table.item(row, column)) for column in range(table.columnCount())]
            for table in (self.notebooks, self.lists)
            for row in range(table.rowCount())
        ]


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""
