"""The note editor's history: earlier versions of the open note, compared and restored.

Layout (it takes the place of the note's text while open; Ctrl+Shift+H or *History*
opens and closes it, Escape closes it)::

    Earlier versions of this note
    ┌─────────────────────────────────────────────────────────────────────────┐
    │ 02/12/2026 14:05 — while editing — 1,204 characters                      │
    │ 02/12/2026 13:40 — before a restore — 980 characters                     │
    └─────────────────────────────────────────────────────────────────────────┘
    2 lines added, 1 line removed since this version.
    ┌ + a line the current text has and this version had not ─────────────────┐
    │ - a line this version had and the current text has not                   │
    │   a line both have                                                       │
    │ ⋯ 40 unchanged lines                                                     │
    └─────────────────────────────────────────────────────────────────────────┘
    [Restore this version]                                              [Close]
    [Delete this note's history…]

Added and removed lines are coloured and also marked "+" and "-", so that neither
colour vision nor a screen reader is needed to tell them apart. The comparison runs on
a worker (``BackgroundCall``): the core bounds its cost, yet a long note still takes a
moment, and the panel says "Comparing…" meanwhile; a result for a version no longer
chosen, or arriving after a lock, is dropped. Everything shown here is note text: it
never reaches a window title, and ``clear`` empties every widget at lock.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hushnote.core import Revision
from hushnote.errors import HushnoteError
from hushnote.gui.accessibility import USER_DATA, describe, release_tab
from hushnote.gui.background import BackgroundCall
from hushnote.gui.diff_view import DiffView, ShownDiff, fold_diff
from hushnote.gui.history_words import reason_text
from hushnote.gui.messages import error_text
from hushnote.gui.session import VaultSession

__all__ = ["HISTORY_KEYS", "HistoryPanel", "confirm_erase"]

HISTORY_KEYS = "Ctrl+Shift+H"
NUMBER_ROLE = Qt.ItemDataRole.UserRole
VISIBLE_ROWS = 6


class _RevisionList(QListWidget):
    """The versions: arrows move, Enter asks to restore the chosen one."""

    restore_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.restore_pressed.emit()
            return
        super().keyPressEvent(event)


class HistoryPanel(QWidget):
    """The versions of the note open in the editor; the editor restores through it."""

    close_requested = Signal()
    restore_requested = Signal(int)  # a revision number, confirmed by the user

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.note: str | None = None
        self.read_only = False
        self.revisions: list[Revision] = []
        # Bumped whenever what is shown changes: a comparison finishing later is dropped.
        self._generation = 0
        self._running: set[BackgroundCall] = set()
        self._stale = False
        session.job_finished.connect(self._refresh_if_stale)
        session.locked.connect(self.clear)
        session.content_left.connect(self.clear)
        # A sync pass or an import may change the note, or add a version, while shown.
        session.changed.connect(self._records_changed)

        heading = QLabel(self.tr("Earlier versions of this note"))
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        self.close_button = QPushButton(self.tr("Close"))
        describe(
            self.close_button,
            self.tr("Close the history"),
            self.tr("Back to the note's text (Escape or Ctrl+Shift+H)."),
        )
        self.close_button.clicked.connect(self.close_requested)

        self.list = _RevisionList()
        release_tab(self.list)
        describe(
            self.list,
            self.tr("Earlier versions"),
            self.tr(
                "Newest first. Arrows choose a version to compare with the current text; "
                "Enter restores it."
            ),
        )
        self.list.setUniformItemSizes(True)
        self.list.currentItemChanged.connect(lambda *_: self._compare_current())
        self.list.restore_pressed.connect(self.ask_restore)

        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("No earlier versions"))
        self.empty.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Comparison"))
        # The version's title when it differs from the note's now: note text.
        self.title_then = QLabel()
        self.title_then.setObjectName(USER_DATA)
        self.title_then.setWordWrap(True)
        self.title_then.setTextFormat(Qt.TextFormat.PlainText)
        self.title_then.hide()
        self.diff = DiffView()
        describe(
            self.diff,
            self.tr("Changes since this version"),
            self.tr(
                "Read-only. Lines starting with + are in the current text only; lines "
                "starting with - were in this version only."
            ),
        )
        self.restore_button = QPushButton(self.tr("Re&store this version"))
        describe(
            self.restore_button,
            self.tr("Restore this version"),
            self.tr(
                "Make this version the note's text; the current text is kept as a version "
                "first, so a restore can be undone."
            ),
        )
        self.restore_button.clicked.connect(self.ask_restore)
        self.purge_button = QPushButton(self.tr("&Delete this note's history…"))
        describe(
            self.purge_button,
            self.tr("Delete this note's history"),
            self.tr("Erase every earlier version of this note for good; the note stays."),
        )
        self.purge_button.clicked.connect(self.ask_purge)
        # Two rows: the three do not fit the editor's width in a longer language, and the
        # one that erases is kept apart from the one that restores.
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        erase = QHBoxLayout()
        erase.setContentsMargins(0, 0, 0, 0)
        erase.addWidget(self.purge_button)
        erase.addStretch(1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("History status"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        layout.addWidget(self.summary)
        layout.addWidget(self.title_then)
        layout.addWidget(self.diff, 1)
        layout.addLayout(buttons)
        layout.addLayout(erase)
        layout.addWidget(self.status)

        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_requested)
        self._update_buttons()

    # -- the note shown ----------------------------------------------------------------

    def show_note(self, note: str | None, *, read_only: bool) -> None:
        """Show the versions of ``note`` (None: nothing)."""
        self.note = note
        self.read_only = read_only
        self.status.clear()
        self.refresh()

    def refresh(self, *, newest: bool = False) -> None:
        """Read the list again and keep the version chosen (the newest if none was, or if
        ``newest``)."""
        if self.session.busy and self.note is not None:
            # The job owns the database: the list follows when it ends.
            self._stale = True
            self.summary.setText(self.tr("Waiting for the running task to finish…"))
            return
        self._stale = False
        vault = self.session.vault
        current = self.current()
        wanted = None if newest or current is None else current.number
        self.revisions = []
        if vault is not None and self.note is not None:
            try:
                self.revisions = vault.history.revisions(self.note)
            except HushnoteError as error:
                self.status.setText(error_text(error))
        self.list.blockSignals(True)
        self.list.clear()
        for revision in self.revisions:
            item = QListWidgetItem(self._row_text(revision))
            item.setData(NUMBER_ROLE, revision.number)
            self.list.addItem(item)
            if revision.number == wanted:
                self.list.setCurrentItem(item)
        if self.revisions and self.list.currentItem() is None:
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        # As tall as its rows, up to VISIBLE_ROWS; the comparison gets the rest.
        rows = min(max(len(self.revisions), 2), VISIBLE_ROWS)
        self.list.setFixedHeight(rows * (self.list.sizeHintForRow(0) + 2) + 6)
        self._show_empty(vault is not None and self.note is not None)
        self._compare_current()

    def _show_empty(self, open_note: bool) -> None:
        none = open_note and not self.revisions
        self.list.setVisible(not none)
        self.diff.setVisible(not none)
        if none:
            vault = self.session.vault
            off = False
            if vault is not None:
                try:
                    off = vault.history.retention == "off"
                except HushnoteError:
                    off = False
            self.empty.setText(
                self.tr("Note history is off: turn it on in Vault ▸ Settings.")
                if off
                else self.tr(
                    "No earlier versions yet. While you edit, a version is kept every few "
                    "minutes, and before every restore, bundle import and shared-notebook "
                    "change."
                )
            )
        self.empty.setVisible(none)

    def _row_text(self, revision: Revision) -> str:
        locale = self.locale()
        moment = QDateTime.fromMSecsSinceEpoch(int(revision.made_at.timestamp() * 1000))
        when = locale.toString(moment, locale.dateTimeFormat(locale.FormatType.ShortFormat))
        size = self.tr("%n character(s)", None, revision.size)
        return (
            self.tr("%1 — %2 — %3")
            .replace("%1", when)
            .replace("%2", reason_text(revision.reason))
            .replace("%3", size)
        )

    def current(self) -> Revision | None:
        item = self.list.currentItem()
        if item is None:
            return None
        number = item.data(NUMBER_ROLE)
        return next((r for r in self.revisions if r.number == number), None)

    def _records_changed(self, kind: str) -> None:
        if kind in ("notes", "all") and self.note is not None and self.isVisible():
            self.refresh()

    def _refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    def _update_buttons(self, *, comparing: bool = False) -> None:
        chosen = self.current() is not None
        self.restore_button.setEnabled(chosen and not self.read_only and not comparing)
        self.purge_button.setEnabled(bool(self.revisions))

    # -- comparing ---------------------------------------------------------------------

    def _compare_current(self) -> None:
        self._generation += 1
        revision = self.current()
        self.diff.show_text("")
        self.title_then.clear()
        self.title_then.hide()
        vault = self.session.vault
        if revision is None or vault is None or self.note is None:
            self.summary.clear()
            self._update_buttons()
            return
        if self.session.busy:
            self._stale = True
            self.summary.setText(self.tr("Waiting for the running task to finish…"))
            self._update_buttons()
            return
        self.summary.setText(self.tr("Comparing with the current text…"))
        self._update_buttons(comparing=True)
        generation, note, number = self._generation, self.note, revision.number
        history, notes, then = vault.history, vault.notes, revision.title

        def work() -> tuple[str, ShownDiff]:
            # Off the GUI thread: reading a large note (and waiting for the database's
            # turn behind the last comparison) would hold the window at every arrow key.
            return notes.get(note).title, fold_diff(history.diff(note, number))

        call = BackgroundCall(work)
        self._running.add(call)
        call.succeeded.connect(lambda result: self._compared(generation, then, *result))
        call.failed.connect(lambda error: self._compare_failed(generation, error))
        call.finished.connect(lambda: self._ended(call))
        call.start()

    def _ended(self, call: BackgroundCall) -> None:
        self._running.discard(call)
        call.deleteLater()

    def _compared(self, generation: int, then: str, now: str, shown: ShownDiff) -> None:
        if generation != self._generation:
            return  # another version was chosen meanwhile, or the vault locked
        if then != now:
            self.title_then.setText(self.tr("Title in this version: %1").replace("%1", then or "—"))
            self.title_then.show()
        if shown.added == 0 and shown.removed == 0:
            self.summary.setText(self.tr("The text of this version is the same as now."))
        else:
            self.summary.setText(
                self.tr("Since this version: %1, %2.")
                .replace("%1", self.tr("%n line(s) added", None, shown.added))
                .replace("%2", self.tr("%n line(s) removed", None, shown.removed))
            )
        self.diff.show_text(shown.text)
        self._update_buttons()

    def _compare_failed(self, generation: int, error: object) -> None:
        if generation != self._generation:
            return
        if not isinstance(error, HushnoteError):
            raise error if isinstance(error, BaseException) else RuntimeError(error)
        self.summary.setText(error_text(error))
        self._update_buttons()

    def wait_for_comparisons(self, seconds: float = 5.0) -> None:
        """Wait for the workers still comparing (tests, and the end of a session)."""
        for call in list(self._running):
            call.wait(int(seconds * 1000))

    # -- acting ------------------------------------------------------------------------

    def ask_restore(self) -> None:
        revision = self.current()
        if revision is None or self.read_only or self.note is None:
            return
        if confirm_restore(self, self._row_text(revision)):
            self.restore_requested.emit(revision.number)

    def restored(self) -> None:
        """After a restore: the list again, the newest version (the text just replaced)
        chosen, and a sentence saying that the restore can be undone."""
        self.refresh(newest=True)
        self.status.setText(
            self.tr(
                "Restored. The text it replaced is now the newest version in the list: "
                "restore that one to undo."
            )
        )

    def ask_purge(self) -> None:
        vault = self.session.vault
        if vault is None or self.note is None or not self.revisions or self.session.busy:
            return
        if not confirm_purge(self, len(self.revisions)):
            return
        vault = self.session.vault  # the vault may have locked while the question was open
        if vault is None or self.note is None:
            return
        try:
            removed = vault.history.purge(self.note)
        except HushnoteError as error:
            self.status.setText(error_text(error))
            return
        self.refresh()
        self.status.setText(self.tr("%n earlier version(s) deleted for good.", None, removed))

    def clear(self) -> None:
        """Forget everything shown (on lock, and when the panel closes). A comparison
        still running is let end (its cost is bounded) and its result dropped, so that no
        worker holds a version's text once the vault closes."""
        self._generation += 1
        self.wait_for_comparisons()
        self._stale = False
        self.note = None
        self.revisions = []
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self.diff.show_text("")
        for label in (self.summary, self.title_then, self.status, self.empty):
            label.clear()
        self.title_then.hide()
        self.empty.hide()
        self._update_buttons()


def confirm_restore(parent: QWidget, version: str) -> bool:
    """Ask before restoring; Yes is the default, since a restore can itself be undone."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("history", "Restore this version"),
        QCoreApplication.translate(
            "history",
            "Restore the version of %1?\n\nThe current text is kept as a version first, so "
            "you can go back to it.",
        ).replace("%1", version),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.button(QMessageBox.StandardButton.Yes).setText(
        QCoreApplication.translate("history", "Restore")
    )
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def confirm_purge(parent: QWidget, count: int) -> bool:
    """Ask before erasing a note's history; No is the default."""
    return confirm_erase(
        parent,
        QCoreApplication.translate("history", "Delete this note's history"),
        QCoreApplication.translate(
            "history",
            "Delete the %n earlier version(s) of this note for good?\n\nThe note stays as it "
            "is now. This cannot be undone.",
            None,
            count,
        ),
        QCoreApplication.translate("history", "Delete history"),
    )


def confirm_erase(parent: QWidget | None, title: str, text: str, yes: str) -> bool:
    """A warning whose default and Escape answer is No (the settings use it too)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.button(QMessageBox.StandardButton.Yes).setText(yes)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
