"""The note editor: title, notebook, tags, a Markdown body with a preview, and links.

Saving is automatic: a second after typing stops, when the editor loses focus, when
another note is opened, and on lock. A save is one small transaction (about a
millisecond), made only while the user pauses, so typing never waits for it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hushnote.core import Note, Vault, merge_texts, split_tags
from hushnote.errors import HushnoteError
from hushnote.gui.accessibility import describe, release_tab
from hushnote.gui.attachment_strip import AttachmentStrip, NoteBody
from hushnote.gui.history_panel import HISTORY_KEYS, HistoryPanel
from hushnote.gui.messages import error_text
from hushnote.gui.paged_list_model import UUID_ROLE
from hushnote.gui.session import VaultSession

__all__ = ["NoteEditor"]

AUTOSAVE_MS = 1000
RETRY_MS = 5000


class OfflinePreview(QTextBrowser):
    """Markdown preview that never loads anything: no images, no files, no links."""

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        return None


class NoteEditor(QWidget):
    """Edits one note of the open vault."""

    saved = Signal(str)  # uuid
    refiled = Signal(str)  # uuid: saved into another notebook or with other tags
    link_requested = Signal(str)  # note uuid: ask the window to pick a contact
    contact_opened = Signal(str)  # contact uuid
    restore_requested = Signal(str)  # uuid of a note in the trash

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        # An edit made while a long job holds the database is saved when it ends.
        session.job_finished.connect(self._save_if_waiting)
        self._waiting = False
        self.uuid: str | None = None
        self.notebook_names: list[str] = []
        self._filed: tuple[str | None, tuple[str, ...]] = (None, ())
        self._loading = False
        self._dirty = False
        self._base_body = ""
        self._base_fields: tuple[str, str, bool] = ("", "", False)
        # A note in the trash is shown to be read, never written: no save reaches it.
        self.read_only = False

        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Title"))
        describe(
            self.title,
            self.tr("Title"),
            self.tr("The note's title; it is never shown in the window title."),
        )
        self.notebook = QComboBox()
        self.notebook.setEditable(True)
        describe(
            self.notebook, self.tr("Notebook"), self.tr("Choose a notebook or type a new name.")
        )
        self.notebook.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("tags, separated by commas"))
        describe(self.tags, self.tr("Tags"), self.tr("Tags, separated by commas."))
        self.pinned = QCheckBox(self.tr("&Pinned"))
        describe(
            self.pinned, self.tr("Pinned"), self.tr("Pinned notes stay at the top of the list.")
        )
        self.body = NoteBody()  # dropped files and pasted images become attachments
        release_tab(self.body)
        describe(
            self.body,
            self.tr("Note text"),
            self.tr("Markdown; saved as you type. Tab moves to the next control."),
        )
        self.preview = OfflinePreview()
        self.preview.setOpenLinks(False)
        describe(self.preview, self.tr("Preview"), self.tr("The note formatted, read-only."))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.body)
        self.pages.addWidget(self.preview)
        self.preview_button = QPushButton(self.tr("Previe&w"))
        describe(
            self.preview_button,
            self.tr("Preview"),
            self.tr("Show the formatted note (Ctrl+Shift+P)"),
        )
        self.preview_button.setCheckable(True)
        self.preview_button.setToolTip(self.tr("Show the formatted note (Ctrl+Shift+P)"))
        self.preview_button.toggled.connect(self._toggle_preview)
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, self.preview_button.toggle)
        # Earlier versions take the text's place while open (Edit ▸ Note history).
        self.history = HistoryPanel(session)
        self.history.hide()
        self.history_button = QPushButton(self.tr("Histor&y"))
        self.history_button.setCheckable(True)
        hint = self.tr("Earlier versions of this note, to compare and restore (%1)")
        describe(self.history_button, self.tr("Note history"), hint.replace("%1", HISTORY_KEYS))
        self.history_button.setToolTip(hint.replace("%1", HISTORY_KEYS))
        self.history_button.toggled.connect(self._toggle_history)
        self.history.close_requested.connect(lambda: self.history_button.setChecked(False))
        self.history.restore_requested.connect(self.restore_revision)
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Save status"))
        # Shown while an autosave keeps failing (a full disk): the text stays in the
        # editor and the save is retried until it lands.
        self.banner = QLabel()
        self.banner.setObjectName("saveProblem")
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Not saved"))
        self.banner.setStyleSheet(
            "QLabel#saveProblem { background: #fde2e1; color: #5c0000; padding: 6px; }"
        )
        self.banner.hide()
        self.trash_banner = QWidget()
        self.trash_banner.setObjectName("inTrash")
        self.trash_banner.setStyleSheet(
            "QWidget#inTrash { background: #fff4ce; } QWidget#inTrash QLabel { color: #3d2e00; }"
        )
        trash_text = QLabel(
            self.tr("This note is in the trash. You can read it; restore it to edit it.")
        )
        trash_text.setWordWrap(True)
        # Not "&Restore": the trash bar beside the list already answers to Alt+R.
        self.restore_button = QPushButton(self.tr("Restore &and edit"))
        describe(
            self.restore_button,
            self.tr("Restore"),
            self.tr("Move this note out of the trash and edit it."),
        )
        self.restore_button.clicked.connect(
            lambda: self.uuid and self.restore_requested.emit(self.uuid)
        )
        trash_layout = QHBoxLayout(self.trash_banner)
        trash_layout.addWidget(trash_text, 1)
        trash_layout.addWidget(self.restore_button)
        self.trash_banner.setAccessibleName(self.tr("In the trash"))
        self.trash_banner.hide()
        self.attachments = AttachmentStrip(session)
        self.attachments.install_shortcut(self)
        self.body.files_dropped.connect(self.attachments.attach_files)
        self.body.image_pasted.connect(self.attachments.attach_image)
        self.links = QListWidget()
        release_tab(self.links)
        describe(
            self.links,
            self.tr("Linked contacts"),
            self.tr("People this note is about; Enter opens."),
        )
        self.links.setMaximumHeight(80)
        self.links.itemActivated.connect(
            lambda item: self.contact_opened.emit(item.data(UUID_ROLE))
        )
        self.link_button = QPushButton(self.tr("&Link contact…"))
        describe(
            self.link_button,
            self.tr("Link contact"),
            self.tr("Choose a contact this note is about."),
        )
        self.link_button.clicked.connect(lambda: self.uuid and self.link_requested.emit(self.uuid))
        self.unlink_button = QPushButton(self.tr("Unlink"))
        describe(
            self.unlink_button,
            self.tr("Unlink contact"),
            self.tr("Remove the link to the selected contact; the contact stays."),
        )
        self.unlink_button.clicked.connect(self._unlink)

        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Notebook:"), self.notebook)
        form.addRow(self.tr("Ta&gs:"), self.tags)
        bar = QHBoxLayout()
        bar.addWidget(self.pinned)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.history_button)
        bar.addWidget(self.preview_button)
        links_bar = QHBoxLayout()
        links_bar.addWidget(QLabel(self.tr("Linked contacts:")))
        links_bar.addStretch(1)
        links_bar.addWidget(self.link_button)
        links_bar.addWidget(self.unlink_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.trash_banner)
        layout.addLayout(form)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.attachments)
        layout.addLayout(links_bar)
        layout.addWidget(self.links)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.save)
        for signal in (
            self.title.textEdited,
            self.tags.textEdited,
            self.notebook.currentTextChanged,
            self.body.textChanged,
        ):
            signal.connect(self._changed)
        self.pinned.toggled.connect(self._changed)
        for widget in (self.title, self.tags, self.body, self.notebook):
            widget.installEventFilter(self)
        self.setEnabled(False)

    # -- loading and saving ------------------------------------------------------------

    @property
    def vault(self) -> Vault | None:
        """The open vault (``VaultSession``); this view keeps no copy of it."""
        return self.session.vault

    def open_note(self, uuid: str) -> None:
        """Show a note (saving the one shown before, which stays if it cannot be)."""
        vault = self.vault
        if vault is None or not self.save():
            return
        note = vault.notes.get(uuid)
        if note.uuid != self.uuid:
            self.history_button.setChecked(False)  # the history shown was another note's
        self.uuid = note.uuid
        self._show(note)

    def reload_if_clean(self) -> None:
        """After a sync pass: show the open note as now stored. Text typed meanwhile (not
        saved yet) stays: a colleague's change to the body is merged into it here, so
        that saving it does not undo theirs; the merged text is saved as usual."""
        vault = self.vault
        if self.uuid is None or vault is None or self.session.busy:
            return
        try:
            note = vault.notes.get(self.uuid)
        except HushnoteError:
            return
        if self._dirty and not self.read_only:
            if note.body != self._base_body:
                merged = merge_texts(self._base_body, self.body.toPlainText(), note.body)
                self._base_body = note.body
                self._replace_body(merged)
            return
        shown = (self.title.text(), self.body.toPlainText(), self.read_only)
        if shown == (note.title, note.body, note.trashed):
            return
        position = self.body.textCursor().position()
        self._show(note)
        cursor = self.body.textCursor()
        cursor.setPosition(min(position, len(note.body)))
        self.body.setTextCursor(cursor)

    def _merged_with_stored(self) -> tuple[str, str, str, bool]:
        """What to save: the editor's text, with whatever a sync pass stored since the
        note was shown merged in. Whichever order a pass's end and a save come in, a
        colleague's edit is never written over: the body is merged three ways from the
        text as shown, and a field the user left alone takes the stored value."""
        title, body = self.title.text(), self.body.toPlainText()
        tags, pinned = self.tags.text(), self.pinned.isChecked()
        assert self.vault is not None and self.uuid is not None
        stored = self.vault.notes.get(self.uuid)
        if stored.body != self._base_body:
            body = merge_texts(self._base_body, body, stored.body)
            self._base_body = stored.body
            if body != self.body.toPlainText():
                self._replace_body(body)
        base_title, base_tags, base_pinned = self._base_fields
        if title == base_title:
            title = stored.title
        if tags == base_tags:
            tags = ", ".join(stored.tags)
        if pinned == base_pinned:
            pinned = stored.pinned
        return title, body, tags, pinned

    def _replace_body(self, text: str) -> None:
        """New text in the body, the cursor where it was (as near as the text allows),
        without counting as a new edit."""
        position = self.body.textCursor().position()
        self._loading = True
        self.body.setPlainText(text)
        self._loading = False
        cursor = self.body.textCursor()
        cursor.setPosition(min(position, len(text)))
        self.body.setTextCursor(cursor)

    def _show(self, note: Note) -> None:
        assert self.vault is not None
        self._loading = True
        self.title.setText(note.title)
        self.notebook.clear()
        self.notebook.addItem("")
        self.notebook.addItems(self.notebook_names)
        self.notebook.setCurrentText(note.notebook or "")
        self.tags.setText(", ".join(note.tags))
        self._filed = (note.notebook, note.tags)
        self.pinned.setChecked(note.pinned)
        self.body.setPlainText(note.body)
        # The note as stored: the common ancestor when a sync pass brings another edit.
        self._base_body = note.body
        self._base_fields = (note.title, ", ".join(note.tags), note.pinned)
        self.body.document().clearUndoRedoStacks()
        self.preview_button.setChecked(False)
        self._show_links()
        self._loading = False
        self._dirty = False
        self.status.clear()
        self._set_read_only(note.trashed)
        self.attachments.show_note(note.uuid, read_only=note.trashed)
        if note.trashed:
            self.status.setText(self.tr("In the trash"))
        self.setEnabled(True)

    def _set_read_only(self, read_only: bool) -> None:
        """Text fields stay readable, selectable and copyable; nothing else can change."""
        self.read_only = read_only
        for field in (self.title, self.tags):
            field.setReadOnly(read_only)
        self.body.setReadOnly(read_only)
        if read_only:  # read-only drops keyboard selection; reading by keyboard needs it
            flags = Qt.TextInteractionFlag
            self.body.setTextInteractionFlags(
                flags.TextSelectableByMouse | flags.TextSelectableByKeyboard
            )
        for widget in (self.notebook, self.pinned, self.link_button, self.unlink_button):
            widget.setEnabled(not read_only)
        self.trash_banner.setVisible(read_only)

    def _show_links(self) -> None:
        self.links.clear()
        if self.vault is None or self.uuid is None:
            return
        for contact in self.vault.links.contacts_of(self.uuid):
            item = QListWidgetItem(contact.display_name)
            item.setData(UUID_ROLE, contact.uuid)
            self.links.addItem(item)

    def refresh_links(self) -> None:
        self._show_links()

    def _changed(self) -> None:
        if self._loading or self.uuid is None or self.read_only:
            return
        self._dirty = True
        self.status.setText(self.tr("Editing…"))
        self._timer.start()

    def save(self) -> bool:
        """Write pending changes now (nothing to write: True).

        An expected failure (a full disk, a read-only or vanished folder) keeps the text
        in the editor, shows a banner that stays, retries every few seconds, and returns
        False, so that nothing replaces the unsaved text meanwhile.
        """
        self._timer.stop()
        self._retry.stop()
        if self.read_only:
            self._dirty = False
            return True  # a note in the trash is never written from here
        if not self._dirty or self.vault is None or self.uuid is None or self.vault.is_locked:
            return True
        if self.session.busy:
            # The job owns the database; waiting for it here would freeze the window.
            self._waiting = True
            self.status.setText(self.tr("Not saved yet: saved when the task ends"))
            return False
        try:
            title, body, tags, pinned = self._merged_with_stored()
            note = self.vault.notes.update(  # one transaction: text and notebook together
                self.uuid,
                title=title,
                body=body,
                tags=split_tags(tags),
                pinned=pinned,
                notebook=self.notebook.currentText().strip() or None,
            )
        except HushnoteError as error:
            self.banner.setText(
                self.tr("Not saved: %1 Your text stays here, and saving is retried.").replace(
                    "%1", error_text(error)
                )
            )
            self.banner.show()
            self.status.setText(self.tr("Not saved"))
            self._retry.start()
            return False
        self.banner.hide()
        self._dirty = False
        self._base_body = note.body
        self._base_fields = (note.title, ", ".join(note.tags), note.pinned)
        self.status.setText(self.tr("Saved"))
        self.saved.emit(self.uuid)
        if (note.notebook, note.tags) != self._filed:  # only then the sidebar changes
            self._filed = (note.notebook, note.tags)
            self.refiled.emit(self.uuid)
        return True

    def set_notebook_names(self, names: list[str]) -> None:
        """The notebooks to offer; what the field shows now stays, and is no edit."""
        if names == self.notebook_names:
            return
        self.notebook_names = names
        if self.uuid is None:
            return
        shown = self.notebook.currentText()
        with QSignalBlocker(self.notebook):
            self.notebook.clear()
            self.notebook.addItem("")
            self.notebook.addItems(names)
            self.notebook.setCurrentText(shown)

    def clear(self) -> None:
        """Forget everything shown, undo history included (on lock)."""
        self._timer.stop()
        self._retry.stop()
        self.banner.hide()
        self.banner.clear()
        self._loading = True
        for field in (self.title, self.tags):
            field.clear()
            field.setModified(False)
        self.notebook.clear()
        self.body.setPlainText("")
        self.body.document().clearUndoRedoStacks()
        self.preview.clear()
        self.links.clear()
        self.attachments.show_note(None, read_only=False)
        self.history_button.setChecked(False)
        self.history.clear()
        self.status.clear()
        self._loading = False
        self._dirty = self._waiting = False
        self.uuid = None
        self.notebook_names = []
        self._set_read_only(False)
        self.setEnabled(False)

    def _save_if_waiting(self) -> None:
        if self._waiting:
            self._waiting = False
            self.save()

    # -- details ---------------------------------------------------------------------

    def _toggle_preview(self, on: bool) -> None:
        if on:
            self.preview.setMarkdown(self.body.toPlainText())
        else:
            self.preview.clear()
        self.pages.setCurrentWidget(self.preview if on else self.body)

    def _toggle_history(self, on: bool) -> None:
        """Show the note's earlier versions in the text's place, or the text again."""
        if on and (self.uuid is None or not self.save()):
            self.history_button.setChecked(False)  # nothing open, or an unsaved edit
            return
        self.pages.setVisible(not on)
        self.history.setVisible(on)
        self.preview_button.setEnabled(not on)
        if on:
            self.history.show_note(self.uuid, read_only=self.read_only)
            self.history.list.setFocus()
        else:
            self.history.clear()
            if self.isEnabled():
                self.body.setFocus()

    def restore_revision(self, number: int) -> None:
        """Save the edit shown, give the note the text of version ``number`` (the core
        keeps the replaced text as a version first), and show the note as it is now."""
        vault = self.vault
        if vault is None or self.uuid is None or self.read_only:
            return
        if self.session.busy:  # the job owns the database; nothing is changed
            self.history.status.setText(
                self.tr("Not restored: a task is running. Try again when it ends.")
            )
            return
        if not self.save():
            return
        try:
            note = vault.history.revert(self.uuid, number)
        except HushnoteError as error:
            self.history.status.setText(error_text(error))
            return
        self._show(note)
        self.status.setText(self.tr("Restored"))
        self.saved.emit(note.uuid)
        self.history.restored()

    def _unlink(self) -> None:
        item = self.links.currentItem()
        if item is None or self.vault is None or self.uuid is None:
            return
        self.vault.links.unlink(self.uuid, item.data(UUID_ROLE))
        self._show_links()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.save()
        return False
