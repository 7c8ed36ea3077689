"""The contact form: a name, any number of phones, emails and handles, and who they are."""

from __future__ import annotations

import itertools
from dataclasses import fields, replace

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hushnote.core import (
    Contact,
    ContactMethod,
    MethodKind,
    NewContact,
    Vault,
    key_fingerprint,
    split_tags,
)
from hushnote.errors import HushnoteError
from hushnote.gui.accessibility import describe, release_tab
from hushnote.gui.messages import error_text
from hushnote.gui.paged_list_model import UUID_ROLE
from hushnote.gui.secure_clipboard import SecureClipboard
from hushnote.gui.session import VaultSession

__all__ = ["ContactEditor"]

KIND_LABELS: dict[MethodKind, str] = {
    MethodKind.PHONE: str(QT_TRANSLATE_NOOP("ContactEditor", "Phone")),
    MethodKind.EMAIL: str(QT_TRANSLATE_NOOP("ContactEditor", "Email")),
    MethodKind.SIGNAL: str(QT_TRANSLATE_NOOP("ContactEditor", "Signal")),
    MethodKind.TELEGRAM: str(QT_TRANSLATE_NOOP("ContactEditor", "Telegram")),
    MethodKind.MATRIX: str(QT_TRANSLATE_NOOP("ContactEditor", "Matrix")),
    MethodKind.WIRE: str(QT_TRANSLATE_NOOP("ContactEditor", "Wire")),
    MethodKind.OTHER: str(QT_TRANSLATE_NOOP("ContactEditor", "Other")),
}


KIND_ROLE = Qt.ItemDataRole.UserRole + 30


class KindDelegate(QStyledItemDelegate):
    """Edits the kind column with a drop-down list of the known kinds."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        box = QComboBox(parent)
        describe(
            box,
            QCoreApplication.translate("ContactEditor", "Kind"),
            QCoreApplication.translate("ContactEditor", "Phone, email or messenger."),
        )
        for value in KIND_LABELS:
            box.addItem(
                QCoreApplication.translate("ContactEditor", KIND_LABELS[value]), value.value
            )
        # A choice is written to the table at once: a save while the drop-down is still
        # open (Ctrl+S, a click elsewhere) must not find the old kind in the cell. The
        # editor stays open, since arrow keys step through the kinds one at a time.
        box.currentIndexChanged.connect(lambda _chosen: self.commitData.emit(box))
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            with QSignalBlocker(editor):  # showing the stored kind is not a change
                editor.setCurrentIndex(max(0, editor.findData(index.data(KIND_ROLE))))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QComboBox):
            # Read both before writing either: each write makes the view call
            # setEditorData, which turns the open drop-down back to the stored kind.
            kind, label = editor.currentData(), editor.currentText()
            model.setData(index, kind, KIND_ROLE)
            model.setData(index, label, Qt.ItemDataRole.DisplayRole)


class ContactEditor(QWidget):
    """Edits one contact, or a new one; saves with Ctrl+S and before anything else opens."""

    saved = Signal(str)
    note_opened = Signal(str)

    def __init__(
        self, session: VaultSession, clipboard: SecureClipboard, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.uuid: str | None = None
        self._clipboard = clipboard
        self._dirty = False
        self._base = NewContact(display_name="")
        self._loading = False

        self.name = QLineEdit()
        describe(self.name, self.tr("Name"), self.tr("The name you know this person by."))
        self.organization = QLineEdit()
        describe(
            self.organization, self.tr("Organization"), self.tr("Group, employer or collective.")
        )
        self.role = QLineEdit()
        describe(self.role, self.tr("Role"), self.tr("For example medic, driver or lawyer."))
        self.tags = QLineEdit()
        describe(self.tags, self.tr("Tags"), self.tr("Tags, separated by commas."))
        self.tags.setPlaceholderText(self.tr("tags, separated by commas"))
        self.age_key = QLineEdit()
        describe(
            self.age_key,
            self.tr("Age public key"),
            self.tr("Their bundle key (age1…), from My bundle key in their Hushnote. "
                    "Lets you send bundles to this person."),
        )  # fmt: skip
        self.age_key.setPlaceholderText(self.tr("age1… (optional: to send them bundles)"))
        self.fingerprint = QLabel()
        self.fingerprint.setWordWrap(True)  # between groups of digits, in a narrow pane
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        describe(
            self.fingerprint,
            self.tr("Key fingerprint"),
            self.tr("Read it to them over the phone: their My bundle key shows the same digits."),
        )
        self.age_key.textChanged.connect(self._show_fingerprint)
        self.notes = QPlainTextEdit()
        release_tab(self.notes)
        describe(
            self.notes,
            self.tr("Notes about this person"),
            self.tr("Free text, kept encrypted like everything else."),
        )
        self.notes.setTabChangesFocus(True)
        self.methods = QTableWidget(0, 3)
        release_tab(self.methods)
        describe(
            self.methods,
            self.tr("Phones, emails and handles"),
            self.tr("One row each: kind, label and value. F2 edits a cell."),
        )
        self.methods.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Label"), self.tr("Number, address or handle")]
        )
        self.methods.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.methods.verticalHeader().setVisible(False)
        self.methods.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.methods.setItemDelegateForColumn(0, KindDelegate(self.methods))
        self.methods.itemChanged.connect(self._changed)
        add_method = QPushButton(self.tr("&Add"))
        describe(
            add_method,
            self.tr("Add a phone, email or handle"),
            self.tr("Adds an empty row to the table."),
        )
        add_method.clicked.connect(self._add_and_edit)
        remove_method = QPushButton(self.tr("Remo&ve"))
        describe(
            remove_method,
            self.tr("Remove the selected phone, email or handle"),
            self.tr("Deletes the selected row when the contact is saved."),
        )
        remove_method.clicked.connect(self._remove_method)
        copy_method = QPushButton(self.tr("&Copy"))
        describe(
            copy_method,
            self.tr("Copy the selected value"),
            self.tr("The clipboard is cleared again after a short time."),
        )
        copy_method.clicked.connect(self._copy_method)
        self.save_button = QPushButton(self.tr("&Save"))
        describe(self.save_button, self.tr("Save"), self.tr("Save this contact (Ctrl+S)."))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.linked = QListWidget()
        release_tab(self.linked)
        describe(
            self.linked,
            self.tr("Linked notes"),
            self.tr("Notes that mention this person; Enter opens."),
        )
        self.linked.setMaximumHeight(80)
        self.linked.itemActivated.connect(lambda item: self.note_opened.emit(item.data(UUID_ROLE)))
        self.memberships = QLabel()
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Organization:"), self.organization)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("Ta&gs:"), self.tags)
        form.addRow(self.tr("Age &key:"), self.age_key)
        form.addRow("", self.fingerprint)
        buttons = QHBoxLayout()
        for button in (add_method, remove_method, copy_method):
            buttons.addWidget(button)
        buttons.addStretch(1)
        footer = QHBoxLayout()
        footer.addWidget(self.memberships, 1)
        footer.addWidget(self.status)
        footer.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.methods, 2)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Notes:")))
        layout.addWidget(self.notes, 1)
        layout.addWidget(QLabel(self.tr("Linked notes:")))
        layout.addWidget(self.linked)
        layout.addLayout(footer)
        for field in (self.name, self.organization, self.role, self.tags, self.age_key):
            field.textEdited.connect(self._changed)
        self.notes.textChanged.connect(self._changed)
        # Tab follows the layout: the form, the table (one stop; arrows and F2 inside it),
        # its buttons, the notes.
        self._add_method = add_method
        order = [self.name, self.organization, self.role, self.tags, self.age_key, self.methods,
                 add_method,
                 remove_method, copy_method, self.notes, self.linked, self.save_button]  # fmt: skip
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)
        self.setEnabled(False)

    @property
    def vault(self) -> Vault | None:
        """The open vault (``VaultSession``); this view keeps no copy of it."""
        return self.session.vault

    def open_contact(self, uuid: str | None) -> None:
        """Show a stored contact, or an empty form for a new one when ``uuid`` is None."""
        vault = self.vault
        if vault is None:
            return
        self.save()
        self.uuid = uuid
        contact = vault.contacts.get(uuid) if uuid else None
        self._show(contact)

    def _show(self, contact: Contact | None) -> None:
        assert self.vault is not None
        self._loading = True
        self.name.setText(contact.display_name if contact else "")
        self.organization.setText(contact.organization if contact else "")
        self.role.setText(contact.role if contact else "")
        self.tags.setText(", ".join(contact.tags) if contact else "")
        self.age_key.setText(contact.age_recipient or "" if contact else "")
        self._show_fingerprint(self.age_key.text())
        self.notes.setPlainText(contact.notes if contact else "")
        self.notes.document().clearUndoRedoStacks()
        self.methods.setRowCount(0)
        for method in contact.methods if contact else (ContactMethod(MethodKind.PHONE, ""),):
            self.add_method_row(method)
        self.linked.clear()
        lists: list[str] = []
        if contact is not None:
            for note in self.vault.links.notes_of(contact.uuid):
                item = QListWidgetItem(note.title or self.tr("(untitled)"))
                item.setData(UUID_ROLE, note.uuid)
                self.linked.addItem(item)
            lists = self.vault.lists.lists_of(contact.uuid)
        self.memberships.setText(self.tr("Lists: ") + ", ".join(lists) if lists else "")
        self.status.clear()
        # The card as shown: what a save compares with, field by field, so that a field
        # the user left alone never writes back over what a sync pass stored meanwhile.
        self._base = self.draft()
        self._loading = False
        self._dirty = contact is None
        self.setEnabled(True)
        self.name.setFocus()

    def _show_fingerprint(self, text: str) -> None:
        """The fingerprint of the key as typed, or why there is none (core.age_keys)."""
        if not text.strip():
            self.fingerprint.setText(self.tr("No key: bundles to this person need a passphrase."))
            return
        try:
            digits = key_fingerprint(text)
        except HushnoteError as error:
            self.fingerprint.setText(error_text(error))
            return
        self.fingerprint.setText(self.tr("Fingerprint: %1").replace("%1", digits))

    def add_method_row(self, method: ContactMethod | None = None) -> None:
        method = method or ContactMethod(MethodKind.PHONE, "")
        row = self.methods.rowCount()
        self.methods.insertRow(row)
        kind = QTableWidgetItem(self.tr(KIND_LABELS[method.kind]))
        kind.setData(KIND_ROLE, method.kind.value)
        self.methods.setItem(row, 0, kind)
        self.methods.setItem(row, 1, QTableWidgetItem(method.label))
        self.methods.setItem(row, 2, QTableWidgetItem(method.value))
        self._changed()

    def _add_and_edit(self) -> None:
        """Add an empty row and put the keyboard in its first cell, the kind, with its
        list open to a typed letter; Tab then goes on to the label and the value."""
        self.add_method_row()
        index = self.methods.model().index(self.methods.rowCount() - 1, 0)
        self.methods.setFocus()
        self.methods.setCurrentIndex(index)
        self.methods.scrollTo(index)
        self.methods.edit(index)

    def _remove_method(self) -> None:
        row = self.methods.currentRow()
        if row >= 0:
            self.methods.removeRow(row)
            self._changed()

    def _copy_method(self) -> None:
        row = self.methods.currentRow()
        item = self.methods.item(row, 2) if row >= 0 else None
        if item is not None and item.text():
            self._clipboard.copy(item.text())
            self.status.setText(self.tr("Copied; the clipboard clears itself soon."))

    def _changed(self) -> None:
        if not self._loading and self.vault is not None:
            self._dirty = True
            self.status.setText(self.tr("Not saved"))

    def draft(self) -> NewContact:
        methods = []
        for row in range(self.methods.rowCount()):
            kind, label = self.methods.item(row, 0), self.methods.item(row, 1)
            value = self.methods.item(row, 2)
            if kind is not None and value is not None and value.text().strip():
                methods.append(
                    ContactMethod(
                        MethodKind(kind.data(KIND_ROLE)),
                        value.text(),
                        label.text() if label else "",
                    )
                )
        return NewContact(
            display_name=self.name.text(),
            methods=tuple(methods),
            organization=self.organization.text(),
            role=self.role.text(),
            notes=self.notes.toPlainText(),
            tags=tuple(split_tags(self.tags.text())),
            age_recipient=self.age_key.text().strip() or None,
        )

    def save(self) -> bool:
        """Store the form; False (with a message) if it cannot be stored as it is."""
        if not self._dirty or self.vault is None or self.vault.is_locked:
            return True
        draft = self.draft()
        if not draft.display_name.strip() and not draft.methods and self.uuid is None:
            self._dirty = False  # an untouched new form: nothing to keep
            return True
        try:
            if self.uuid is None:
                self.uuid = self.vault.contacts.create(draft).uuid
            else:
                stored = self.vault.contacts.get(self.uuid).as_new()
                merged = replace(
                    draft,
                    **{
                        field.name: getattr(stored, field.name)
                        for field in fields(NewContact)
                        if field.name != "uuid"
                        and getattr(draft, field.name) == getattr(self._base, field.name)
                    },
                )
                contact = self.vault.contacts.update(self.uuid, merged)
                if merged != draft:  # a colleague's change came in: show it
                    self._show(contact)
        except HushnoteError as error:
            self.status.setText(error_text(error))
            return False
        self._dirty = False
        self.status.setText(self.tr("Saved"))
        self.saved.emit(self.uuid)
        return True

    def clear(self) -> None:
        self._loading = True
        for field in (self.name, self.organization, self.role, self.tags, self.age_key):
            field.clear()
        self.notes.setPlainText("")
        self.notes.document().clearUndoRedoStacks()
        self.methods.setRowCount(0)
        self.linked.clear()
        self.memberships.clear()
        self.status.clear()
        self._loading = False
        self._dirty = False
        self.uuid = None
        self.setEnabled(False)
