"""The open vault: a sidebar, a list that loads lazily, and the editor for what is chosen."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hushnote.core import ContactSummary, NoteSummary, Scope, Vault
from hushnote.errors import HushnoteError
from hushnote.gui.accessibility import USER_DATA, describe, release_tab
from hushnote.gui.app_identity import app_name
from hushnote.gui.contact_editor import ContactEditor
from hushnote.gui.contact_picker import pick_contact
from hushnote.gui.list_delegate import TwoLineDelegate, size_rows
from hushnote.gui.list_editor import ListEditor
from hushnote.gui.messages import error_text
from hushnote.gui.note_editor import NoteEditor
from hushnote.gui.paged_list_model import UUID_ROLE, PagedListModel
from hushnote.gui.secure_clipboard import SecureClipboard
from hushnote.gui.session import VaultSession

__all__ = ["Workspace"]

SECTION_ROLE = Qt.ItemDataRole.UserRole + 20
VALUE_ROLE = Qt.ItemDataRole.UserRole + 21
SHARED_ROLE = Qt.ItemDataRole.UserRole + 22  # True on a shared notebook
STAYS_HOME_ROLE = Qt.ItemDataRole.UserRole + 23  # True on a notebook or list marked
NOTE_SECTIONS = ("journal", "notes", "notebook", "tag", "trash")
CONTACT_SECTIONS = ("contacts", "list")


def _note_filters(section: str, value: str | None) -> dict[str, Any]:
    """The ``summaries`` filters of a note section."""
    filters: dict[str, dict[str, Any]] = {
        "journal": {"journal": True},
        "notes": {},
        "notebook": {"notebook": value},
        "tag": {"tag": value},
        "trash": {"trashed": True},
    }
    return filters[section]


def _note_subtitle(note: NoteSummary) -> str:
    when = note.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
    parts = [note.journal_day.isoformat() if note.journal_day else when]
    if note.notebook:
        parts.append(note.notebook)
    return " · ".join(parts)


def _is_menu_key(event: QEvent) -> bool:
    """The Menu key or Shift+F10: the keyboard's way to a context menu."""
    if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
        return False
    key, mods = event.key(), event.modifiers()
    if key == Qt.Key.Key_Menu:
        return mods == Qt.KeyboardModifier.NoModifier
    return key == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier


class Workspace(QWidget):
    """Everything shown while a vault is open; ``forget`` empties it on lock."""

    status = Signal(str)
    export_requested = Signal(object)  # a Scope
    send_requested = Signal(object, str)  # a Scope, and the contact (uuid) to send it to
    members_requested = Signal(str)  # a shared notebook's name
    print_requested = Signal(str, str)  # "notebook" or "journal", the notebook's name
    pdf_requested = Signal(str, str)  # the same, to save as PDF

    def __init__(
        self, session: VaultSession, clipboard: SecureClipboard, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        session.opened.connect(self.show_vault)
        session.changed.connect(self._records_changed)
        self.section: tuple[str, str | None] = ("notes", None)
        # The names and counts the sidebar shows (they hold vault text: dropped at lock).
        self._sidebar_shown: object = None

        self.sidebar = QTreeWidget()
        release_tab(self.sidebar)
        self.sidebar.setHeaderHidden(True)
        describe(
            self.sidebar,
            self.tr("Sections"),
            self.tr("Journal, notes, notebooks, tags, contacts, lists and trash (Alt+1)."),
        )
        self.sidebar.currentItemChanged.connect(self._section_chosen)
        self.sidebar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.sidebar.customContextMenuRequested.connect(self._sidebar_menu)
        # The Menu key and Shift+F10 open the same menu, for the item with the focus.
        self.sidebar.installEventFilter(self)

        self.note_model: PagedListModel[NoteSummary] = PagedListModel(
            lambda n: ("★ " if n.pinned else "") + (n.title or self.tr("(untitled)")),
            _note_subtitle,
            lambda n: n.uuid,
            self,
        )
        self.contact_model: PagedListModel[ContactSummary] = PagedListModel(
            lambda c: c.display_name,
            lambda c: " · ".join(p for p in (c.organization, c.role) if p),
            lambda c: c.uuid,
            self,
        )
        # The Tags heading lists the tags; UUID_ROLE holds a tag's name.
        self.tag_model: PagedListModel[tuple[str, int]] = PagedListModel(
            lambda tag: f"#{tag[0]}",
            lambda tag: self.tr("%n note(s)", "", tag[1]),
            lambda tag: tag[0],
            self,
        )
        # A table with fixed row heights touches only the rows on screen. QListView and
        # QTreeView both ask the model about every row once (100,000 Python calls).
        self.list_view = QTableView()
        release_tab(self.list_view)
        describe(
            self.list_view,
            self.tr("Items"),
            self.tr("The notes, contacts or tags in this section (Alt+2); Enter opens."),
        )
        self.list_view.horizontalHeader().hide()
        self.list_view.horizontalHeader().setStretchLastSection(True)
        rows = self.list_view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        size_rows(self.list_view)
        self.list_view.setShowGrid(False)
        self.list_view.setWordWrap(False)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setItemDelegate(TwoLineDelegate(self.list_view))
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setModel(self.note_model)
        self.list_view.selectionModel().selectionChanged.connect(self._item_chosen)
        self._connected_model: Any = self.note_model
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list_view.customContextMenuRequested.connect(self._list_menu)
        # Enter opens the current row as Space and a click do; a tag opens its notes.
        self.list_view.installEventFilter(self)
        self.list_view.clicked.connect(self._clicked)

        self.heading = QLabel()
        self.heading.setObjectName(USER_DATA)  # a notebook, tag or list name, say
        self.new_button = QPushButton(self.tr("&New"))
        describe(self.new_button, self.tr("New"), self.tr("A new note or contact here (Ctrl+N)."))
        self.new_button.clicked.connect(self.new_item)
        self.trash_bar = QWidget()
        restore = QPushButton(self.tr("&Restore"))
        describe(restore, self.tr("Restore"), self.tr("Move the selected note out of the trash."))
        restore.clicked.connect(self.restore_current)
        purge = QPushButton(self.tr("Delete &forever"))
        describe(
            purge,
            self.tr("Delete forever"),
            self.tr("Erase the selected note; it cannot be restored."),
        )
        purge.clicked.connect(self.purge_current)
        empty = QPushButton(self.tr("&Empty trash"))
        describe(empty, self.tr("Empty trash"), self.tr("Erase every note in the trash for good."))
        empty.clicked.connect(self.empty_trash)
        trash_layout = QHBoxLayout(self.trash_bar)
        trash_layout.setContentsMargins(0, 0, 0, 0)
        for button in (restore, purge, empty):
            trash_layout.addWidget(button)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.new_button)
        middle_layout.addLayout(top)
        middle_layout.addWidget(self.list_view, 1)
        middle_layout.addWidget(self.trash_bar)

        self.note_editor = NoteEditor(session)
        self.contact_editor = ContactEditor(session, clipboard)
        self.list_editor = ListEditor(session, clipboard)
        # While a long job holds the database, the lists show what they hold and ask for
        # no more rows; they catch up when it ends.
        for model in (self.note_model, self.contact_model):
            session.job_started.connect(model.pause)
            session.job_finished.connect(model.resume)
        self.placeholder = QLabel(self.tr("Choose something on the left, or press Ctrl+N."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.editors = QStackedWidget()
        for widget in (self.placeholder, self.note_editor, self.contact_editor, self.list_editor):
            self.editors.addWidget(widget)
        # A save while typing refreshes the list; the sidebar (notebooks, tags, counts:
        # three queries) only when the note moved or its tags changed.
        self.note_editor.saved.connect(lambda _: self.note_model.refresh())
        self.note_editor.refiled.connect(lambda _: self.rebuild_sidebar(reload=False))
        self.note_editor.link_requested.connect(self._link_contact)
        self.note_editor.contact_opened.connect(self.open_contact)
        self.note_editor.restore_requested.connect(self.restore_and_edit)
        self.contact_editor.saved.connect(lambda _: self.contact_model.refresh())
        self.contact_editor.note_opened.connect(self.open_note)
        self.list_editor.changed.connect(self._list_changed)
        self.list_editor.add_requested.connect(self._add_to_list)
        self.list_editor.contact_opened.connect(self.open_contact)

        splitter = QSplitter()
        splitter.addWidget(self.sidebar)
        splitter.addWidget(middle)
        splitter.addWidget(self.editors)
        splitter.setStretchFactor(2, 1)
        splitter.setSizes([180, 280, 560])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setTabOrder(self.sidebar, self.list_view)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            size_rows(self.list_view)  # rows follow the font and its fallbacks
        super().changeEvent(event)

    # -- opening and forgetting ------------------------------------------------------

    @property
    def vault(self) -> Vault | None:
        """The open vault (``VaultSession``); this view keeps no copy of it."""
        return self.session.vault

    def show_vault(self) -> None:
        self.section = ("notes", None)
        self.rebuild_sidebar()  # selects the section, which fills the list

    def forget(self) -> None:
        """Save what is being edited, then drop every row and field shown."""
        self.save_all()
        self._sidebar_shown = None
        self.note_editor.clear()
        self.contact_editor.clear()
        self.list_editor.clear()
        self.note_model.clear()
        self.contact_model.clear()
        self.tag_model.clear()
        self.sidebar.blockSignals(True)
        self.sidebar.clear()
        self.sidebar.blockSignals(False)
        self.heading.clear()
        self.editors.setCurrentWidget(self.placeholder)

    def save_all(self) -> bool:
        """Save both editors; False if either could not (its text stays in it)."""
        notes = self.note_editor.save()
        return self.contact_editor.save() and notes

    def close_editors(self) -> bool:
        """Save and close what is open (before travel takes it away): no editor may keep
        a note that is about to leave, or save it back afterwards. False, with nothing
        closed, if a save failed (a full disk): the unsaved text stays in its editor."""
        if not self.save_all():
            return False
        self.note_editor.clear()
        self.contact_editor.clear()
        self.list_editor.clear()
        self.editors.setCurrentWidget(self.placeholder)
        return True

    def after_travel(self) -> None:
        """Show the vault as it is now that marked content has left (or come back)."""
        self.section = ("notes", None)
        self.session.content_left.emit()
        self.session.notify("all")

    # -- the sidebar -----------------------------------------------------------------

    def _records_changed(self, kind: str) -> None:
        """Follow ``VaultSession.changed``: every view showing records of ``kind``."""
        if kind in ("notes", "all"):
            self.notes_changed()
        if kind in ("contacts", "all"):
            self.contact_model.refresh()
        if kind in ("lists", "all"):
            self.list_editor.refresh()
            self.rebuild_sidebar(reload=kind == "all")

    def notes_changed(self) -> None:
        """After any change to notes: the list, the sidebar's notebooks, tags and counts,
        and the editor's notebook choices follow (a new notebook shows at once)."""
        self.note_model.refresh()
        self.rebuild_sidebar(reload=False)

    def rebuild_sidebar(self, *, reload: bool = True) -> None:
        """Fill the sidebar from the vault. ``reload`` also reloads the chosen section's
        list; without it the same item stays chosen and nothing else moves (for a save
        while typing), and nothing happens at all if no name or count changed."""
        vault = self.vault
        if vault is None:
            return
        current = self.section
        notebooks = vault.notes.notebooks()
        tag_names = vault.notes.tag_names()
        groups = [(group.name, group.size) for group in vault.lists.all()]
        shared = vault.spaces.shared_notebooks()
        home_notebooks, home_lists = vault.travel.marked()
        shown = (notebooks, tag_names, groups, shared, home_notebooks, home_lists)
        if not reload and shown == self._sidebar_shown:
            return
        self._sidebar_shown = shown
        self.note_editor.set_notebook_names([name for name, _ in notebooks])
        self.sidebar.blockSignals(True)
        self.sidebar.clear()

        def add(parent: Any, text: str, section: str, value: str | None = None) -> QTreeWidgetItem:
            item = QTreeWidgetItem(parent, [text])
            item.setData(0, SECTION_ROLE, section)
            item.setData(0, VALUE_ROLE, value)
            return item

        add(self.sidebar, self.tr("Journal"), "journal")
        notes = add(self.sidebar, self.tr("Notes"), "notes")
        for name, count in notebooks:
            item = add(notes, f"{name} ({count})", "notebook", name)
            if name in shared:
                self._mark_shared(item)
            if name in home_notebooks:
                self._mark_stays_home(item)
        tags = add(self.sidebar, self.tr("Tags"), "tags")
        for name in tag_names:
            add(tags, f"#{name}", "tag", name)
        add(self.sidebar, self.tr("Contacts"), "contacts")
        lists = add(self.sidebar, self.tr("Lists"), "lists")
        for name, size in groups:
            item = add(lists, f"{name} ({size})", "list", name)
            if name in home_lists:
                self._mark_stays_home(item)
        add(self.sidebar, self.tr("Trash"), "trash")
        self.sidebar.expandAll()
        if not reload:
            for item in self._sidebar_items():
                if (item.data(0, SECTION_ROLE), item.data(0, VALUE_ROLE)) == current:
                    self.sidebar.setCurrentItem(item)
            self.sidebar.blockSignals(False)
            return
        self.sidebar.blockSignals(False)
        if not any(
            (item.data(0, SECTION_ROLE), item.data(0, VALUE_ROLE)) == current
            for item in self._sidebar_items()
        ):
            current = ("notes", None)  # gone meanwhile (travel started, say): all notes
        self.choose_section(*current, rebuild=False)

    def _mark_shared(self, item: QTreeWidgetItem) -> None:
        """An icon, a tooltip and a spoken name: a shared notebook, not a private one."""
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DriveNetIcon)
        item.setIcon(0, icon)
        item.setData(0, SHARED_ROLE, True)
        item.setToolTip(0, self.tr("Shared notebook"))
        item.setData(
            0,
            Qt.ItemDataRole.AccessibleTextRole,
            self.tr("%1, shared notebook").replace("%1", item.text(0)),
        )

    def _mark_stays_home(self, item: QTreeWidgetItem) -> None:
        """Subtle: a house icon (unless the shared icon is there), italics (not a lighter
        colour, which would cost contrast), and a tooltip and spoken name that say it
        stays home when travel starts."""
        if not item.data(0, SHARED_ROLE):
            item.setIcon(0, self.style().standardIcon(QStyle.StandardPixmap.SP_DirHomeIcon))
        item.setData(0, STAYS_HOME_ROLE, True)
        font = item.font(0)
        font.setItalic(True)
        item.setFont(0, font)
        tip = self.tr("Stays home when travel starts")
        shared = item.toolTip(0)
        item.setToolTip(0, f"{shared}\n{tip}" if shared else tip)
        spoken = item.data(0, Qt.ItemDataRole.AccessibleTextRole) or item.text(0)
        item.setData(
            0,
            Qt.ItemDataRole.AccessibleTextRole,
            self.tr("%1, stays home in travel mode").replace("%1", spoken),
        )

    def current_shared_notebook(self) -> str | None:
        """The shared notebook chosen in the sidebar, if one is."""
        item = self.sidebar.currentItem()
        if item is None or not item.data(0, SHARED_ROLE):
            return None
        value = item.data(0, VALUE_ROLE)
        return str(value) if value else None

    def choose_section(
        self, section: str, value: str | None = None, *, rebuild: bool = True
    ) -> None:
        for item in self._sidebar_items():
            if item.data(0, SECTION_ROLE) == section and item.data(0, VALUE_ROLE) == value:
                self.sidebar.setCurrentItem(item)
                if not rebuild:
                    self._section_chosen(item, None)
                return

    def _sidebar_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for index in range(self.sidebar.topLevelItemCount()):
            top = self.sidebar.topLevelItem(index)
            if top is None:
                continue
            items.append(top)
            for child in range(top.childCount()):
                item = top.child(child)
                if item is not None:
                    items.append(item)
        return items

    def _section_chosen(self, item: QTreeWidgetItem | None, _previous: Any) -> None:
        vault = self.vault
        if item is None or vault is None:
            return
        self.save_all()
        section, value = item.data(0, SECTION_ROLE), item.data(0, VALUE_ROLE)
        if section == "lists":
            return  # a heading only: each list is under it
        self.section = (section, value)
        self.heading.setText(item.text(0))
        self.trash_bar.setVisible(section == "trash")
        self.new_button.setVisible(section not in ("trash", "tags"))
        notes = vault.notes
        if section == "tags":
            self._use_model(self.tag_model)
            tags = notes.tags()
            self.tag_model.set_source(
                lambda offset, limit: tags[offset : offset + limit], lambda: len(tags)
            )
            self.editors.setCurrentWidget(self.placeholder)
        elif section in NOTE_SECTIONS:
            filters = _note_filters(section, value)
            self._use_model(self.note_model)
            self.note_model.set_source(
                lambda offset, limit: notes.summaries(limit=limit, offset=offset, **filters),
                lambda: notes.count(**filters),
            )
            self.editors.setCurrentWidget(self.placeholder)
        elif section == "contacts":
            self._use_model(self.contact_model)
            self.contact_model.set_source(
                lambda offset, limit: vault.contacts.summaries(limit=limit, offset=offset),
                vault.contacts.count,
            )
            self.editors.setCurrentWidget(self.placeholder)
        elif section == "list":
            self._use_model(self.contact_model)
            members = vault.lists.members(value)
            self.contact_model.set_source(
                lambda offset, limit: members[offset : offset + limit], lambda: len(members)
            )
            self.list_editor.open_list(value)
            self.editors.setCurrentWidget(self.list_editor)

    def _sidebar_menu(self, position: Any) -> None:
        item = self.sidebar.itemAt(position)
        if item is None or self.vault is None:
            return
        section, value = item.data(0, SECTION_ROLE), item.data(0, VALUE_ROLE)
        scope = {
            "notes": Scope(),
            "notebook": Scope("notebook", value),
            "tag": Scope("tag", value),
            "list": Scope("list", value),
        }.get(section)
        if section == "journal":
            menu = QMenu(self)
            self._add_pdf_actions(menu, "journal", "")
            menu.exec(self.sidebar.viewport().mapToGlobal(position))
            return
        if scope is None:
            return
        menu = QMenu(self)
        if section == "notebook" and item.data(0, SHARED_ROLE):
            menu.addAction(
                self.tr("Members of this shared notebook…"),
                lambda: self.members_requested.emit(value),
            )
            menu.addSeparator()
        menu.addAction(
            self.tr("Export as an encrypted bundle…"), lambda: self.export_requested.emit(scope)
        )
        self._add_send_actions(menu, scope)
        if section == "notebook":
            menu.addSeparator()
            self._add_pdf_actions(menu, "notebook", value)
        if section in ("notebook", "list"):
            menu.addSeparator()
            home = menu.addAction(self.tr("Stays &home (travel mode)"))
            home.setCheckable(True)
            home.setChecked(bool(item.data(0, STAYS_HOME_ROLE)))
            home.setToolTip(
                self.tr("Starting travel seals it into a bundle and removes it from this laptop.")
            )
            home.toggled.connect(functools.partial(self.set_stays_home, section, value))
        menu.exec(self.sidebar.viewport().mapToGlobal(position))

    def _add_pdf_actions(self, menu: QMenu, kind: str, name: str) -> None:
        month = kind == "journal"
        menu.addAction(
            self.tr("Print this month…") if month else self.tr("Print…"),
            lambda: self.print_requested.emit(kind, name),
        )
        menu.addAction(
            self.tr("Save this month as PDF…") if month else self.tr("Save as PDF…"),
            lambda: self.pdf_requested.emit(kind, name),
        )

    def set_stays_home(self, section: str, name: str, stays_home: bool) -> None:
        """Mark (or unmark) a notebook or a list to stay home when travel starts."""
        vault = self.vault
        if vault is None:
            return
        travel = vault.travel
        change = {
            ("notebook", True): travel.mark_notebook,
            ("notebook", False): travel.unmark_notebook,
            ("list", True): travel.mark_list,
            ("list", False): travel.unmark_list,
        }[(section, stays_home)]
        try:
            change(name)
        except HushnoteError as error:
            QMessageBox.warning(self, app_name(), error_text(error))
            return
        self.rebuild_sidebar(reload=False)
        self.status.emit(
            self.tr("Marked to stay home when travel starts.")
            if stays_home
            else self.tr("No longer marked to stay home.")
        )

    def _list_menu(self, position: Any) -> None:
        index = self.list_view.indexAt(position)
        if not index.isValid() or self._connected_model is not self.note_model:
            return
        scope = Scope("notes", notes=(index.data(UUID_ROLE),))
        menu = QMenu(self)
        menu.addAction(
            self.tr("Export this note as an encrypted bundle…"),
            lambda: self.export_requested.emit(scope),
        )
        self._add_send_actions(menu, scope)
        menu.exec(self.list_view.viewport().mapToGlobal(position))

    def _add_send_actions(self, menu: QMenu, scope: Scope) -> None:
        """ "Send to Chen…" for each contact with an age key: the export dialog opens with
        both chosen, one click from done. Past a handful, a submenu keeps the menu short."""
        assert self.vault is not None
        people = self.vault.contacts.keyed()
        if not people:
            return
        menu.addSeparator()
        target = menu if len(people) <= 5 else menu.addMenu(self.tr("Send to"))
        for person in people:
            target.addAction(
                self.tr("Send to %1…").replace("%1", person.display_name.replace("&", "&&")),
                functools.partial(self.send_requested.emit, scope, person.uuid),
            )

    def selected_notes(self) -> tuple[str, ...]:
        """The uuids of the notes selected in the list (none when it shows contacts)."""
        if self._connected_model is not self.note_model:
            return ()
        uuid = self.current_uuid()
        return (uuid,) if uuid else ()

    def _use_model(self, model: Any) -> None:
        if self._connected_model is not model:
            self.list_view.setModel(model)
            self.list_view.selectionModel().selectionChanged.connect(self._item_chosen)
            self._connected_model = model

    # -- items -----------------------------------------------------------------------

    def _item_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes or self.vault is None:
            return
        self._show_item(indexes[0].data(UUID_ROLE))

    def _show_item(self, uuid: str | None) -> None:
        if uuid is None or self._connected_model is self.tag_model:
            return  # moving through the tags opens none: Enter or a click does
        if self._connected_model is self.note_model:
            self.note_editor.open_note(uuid)
            self.editors.setCurrentWidget(self.note_editor)
        else:
            self.contact_editor.open_contact(uuid)
            self.editors.setCurrentWidget(self.contact_editor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.sidebar and _is_menu_key(event):
            item = self.sidebar.currentItem()
            if item is not None:
                self._sidebar_menu(self.sidebar.visualItemRect(item).center())
            return True
        if (
            watched is self.list_view
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        ):
            index = self.list_view.currentIndex()
            if index.isValid():
                self._activate(index)
                return True
        return False

    def _clicked(self, index: QModelIndex) -> None:
        if self._connected_model is self.tag_model:
            self._activate(index)

    def _activate(self, index: QModelIndex) -> None:
        """Open the row at ``index``: the note or contact, or a tag's notes."""
        if self._connected_model is self.tag_model:
            self.choose_section("tag", index.data(UUID_ROLE))
            return
        selection = self.list_view.selectionModel()
        if selection.isRowSelected(index.row()):
            self._show_item(index.data(UUID_ROLE))  # chosen already: show it again
        else:
            flags = QItemSelectionModel.SelectionFlag
            selection.select(index, flags.ClearAndSelect | flags.Rows)

    def current_uuid(self) -> str | None:
        index = self.list_view.currentIndex()
        return index.data(UUID_ROLE) if index.isValid() else None

    def new_item(self) -> None:
        section = self.section[0]
        if section in CONTACT_SECTIONS:
            self.new_contact()
        elif section == "journal":
            self.today()
        else:
            self.new_note()

    def new_note(self) -> None:
        if self.vault is None:
            return
        section, value = self.section
        notebook = value if section == "notebook" else None
        tags = [value] if section == "tag" and value else []
        note = self.vault.notes.create(notebook=notebook, tags=tags)
        if section not in ("notes", "notebook", "tag"):
            self.choose_section("notes")
        self.session.notify("notes")
        self.open_note(note.uuid)
        self.note_editor.title.setFocus()

    def today(self) -> None:
        if self.vault is None:
            return
        note = self.vault.notes.today()
        self.choose_section("journal")
        self.open_note(note.uuid)
        self.note_editor.body.setFocus()

    def new_contact(self) -> None:
        if self.vault is None:
            return
        if self.section[0] not in CONTACT_SECTIONS:
            self.choose_section("contacts")
        self.list_view.clearSelection()
        self.contact_editor.open_contact(None)
        self.editors.setCurrentWidget(self.contact_editor)

    def open_note(self, uuid: str) -> None:
        vault = self.vault
        if vault is None:
            return
        self._select_in(self.note_model, uuid, lambda: self.note_editor.open_note(uuid))
        self.editors.setCurrentWidget(self.note_editor)

    def open_contact(self, uuid: str) -> None:
        vault = self.vault
        if vault is None:
            return
        if self.section[0] not in CONTACT_SECTIONS:
            self.choose_section("contacts")
        self._select_in(self.contact_model, uuid, lambda: self.contact_editor.open_contact(uuid))
        self.editors.setCurrentWidget(self.contact_editor)

    def reveal_note(self, uuid: str) -> None:
        """Open a note and choose its row in the list, scrolled into view, even when it
        is in a page not read yet. The section shown stays if the note is in it; if not,
        the list shows all notes (or the trash, for a note in the trash)."""
        vault = self.vault
        if vault is None:
            return
        section, value = self.section
        row = None
        if section in NOTE_SECTIONS:
            row = vault.notes.position(uuid, **_note_filters(section, value))
        if row is None:
            section = "trash" if vault.notes.get(uuid).trashed else "notes"
            self.choose_section(section)
            row = vault.notes.position(uuid, **_note_filters(section, None))
        if row is None or self._connected_model is not self.note_model:
            self.open_note(uuid)
            return
        index = self.note_model.index(row)
        self.list_view.setCurrentIndex(index)
        self.list_view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        if self.note_editor.uuid != uuid:  # the row was chosen already
            self._show_item(uuid)
        self.editors.setCurrentWidget(self.note_editor)

    def _select_in(self, model: Any, uuid: str, open_directly: Callable[[], None]) -> None:
        row = model.row_of(uuid) if self._connected_model is model else None
        if row is not None:
            self.list_view.setCurrentIndex(model.index(row))
        else:
            open_directly()

    def toggle_history(self) -> None:
        """Open or close the history of the note shown (Edit ▸ Note history)."""
        if self.editors.currentWidget() is self.note_editor and self.note_editor.uuid:
            self.note_editor.history_button.toggle()

    def trash_current(self) -> None:
        uuid = self.current_uuid()
        if self.vault is None or uuid is None or self._connected_model is not self.note_model:
            return
        if self.section[0] == "trash":
            self.purge_current()
            return
        if not self.note_editor.save():
            return  # the editor keeps the text and says why; trashing would fail too
        self.vault.notes.trash(uuid)
        self.note_editor.clear()
        self.editors.setCurrentWidget(self.placeholder)
        self.session.notify("notes")
        self.status.emit(self.tr("Moved to the trash."))

    def restore_current(self) -> None:
        uuid = self.current_uuid()
        if self.vault is not None and uuid is not None:
            self.vault.notes.restore(uuid)
            self.note_editor.clear()
            self.session.notify("notes")

    def restore_and_edit(self, uuid: str) -> None:
        """Restore a note shown from the trash and keep it open, now editable."""
        if self.vault is None:
            return
        self.vault.notes.restore(uuid)
        self.session.notify("notes")
        self.note_editor.open_note(uuid)
        self.editors.setCurrentWidget(self.note_editor)
        self.note_editor.body.setFocus()
        self.status.emit(self.tr("Restored from the trash."))

    def purge_current(self) -> None:
        uuid = self.current_uuid()
        if self.vault is None or uuid is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete forever"),
            self.tr("Delete this note forever? This cannot be undone."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.note_editor.clear()
            self.vault.notes.purge(uuid)
            self.session.notify("notes")

    def empty_trash(self) -> None:
        if self.vault is None:
            return
        count = self.vault.notes.count(trashed=True)
        if (
            count
            and QMessageBox.question(
                self,
                self.tr("Empty trash"),
                self.tr("Delete %n note(s) in the trash forever?", "", count),
            )
            == QMessageBox.StandardButton.Yes
        ):
            self.note_editor.clear()
            self.vault.notes.empty_trash()
            self.session.notify("notes")

    def delete_current_contact(self) -> None:
        uuid = self.contact_editor.uuid
        if self.vault is None or uuid is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete contact"), self.tr("Delete this contact? Linked notes stay.")
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.contact_editor.clear()
            self.vault.contacts.delete(uuid)
            self.session.notify("contacts")
            self.editors.setCurrentWidget(self.placeholder)

    def _link_contact(self, note_uuid: str) -> None:
        if self.vault is None:
            return
        contact = pick_contact(self.vault, self.tr("Link a contact"), self)
        if contact is not None:
            self.vault.links.link(note_uuid, contact)
            self.note_editor.refresh_links()

    def _add_to_list(self, name: str) -> None:
        if self.vault is None:
            return
        contact = pick_contact(self.vault, self.tr("Add to list"), self)
        if contact is not None:
            self.vault.lists.add(name, contact)
            self._list_changed()

    def _list_changed(self) -> None:
        self.session.notify("lists")

    def new_list(self, name: str) -> None:
        if self.vault is None:
            return
        self.vault.lists.create(name)
        self.session.notify("lists")
        self.choose_section("list", " ".join(name.split()))
