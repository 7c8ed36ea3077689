"""The export dialog: what goes into a bundle, who can open it, and where it is saved.

One dialog for every way in (the menu, Ctrl+Shift+E, a sidebar or note context menu, a
"Send to …" entry): each opens it with its own scope and recipient already chosen, so
that "send this notebook to Chen" is the menu entry and then Export.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hushnote.core import KeyedContact, Scope, key_fingerprint, normalize_recipient
from hushnote.errors import HushnoteError
from hushnote.gui.accessibility import describe, describe_buttons, plain_label, release_tab
from hushnote.gui.file_dialogs import choose_save_path
from hushnote.gui.messages import error_text
from hushnote.gui.passphrase_page import passphrase_field
from hushnote.gui.strength_meter import StrengthMeter

__all__ = [
    "BUNDLE_SUFFIX",
    "ExportDialog",
    "ExportRequest",
    "ExportSources",
    "suggested_path",
]

BUNDLE_SUFFIX = ".hnb"
NEUTRAL_SUFFIX = ".age"  # under camouflage: the standard tool's own, naming no app
SCOPE_KINDS = ("vault", "notebook", "tag", "list", "notes")
MODES = ("contact", "key", "passphrase")


def suggested_path(folder: Path, day: date, *, camouflage: bool) -> Path:
    """A file name that says nothing of what is inside or for whom: only the date.

    ``bundle-2026-12-02.hnb``, or ``2026-12-02.age`` under camouflage (no app named), with
    ``-2``, ``-3``… when that name is taken, so that no earlier bundle is replaced.
    """
    stem = day.isoformat() if camouflage else f"bundle-{day.isoformat()}"
    suffix = NEUTRAL_SUFFIX if camouflage else BUNDLE_SUFFIX
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists() or candidate.with_name(candidate.name + ".key").exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


@dataclass(frozen=True)
class ExportSources:
    """What the dialog offers: read from the vault by the caller when it opens."""

    notebooks: list[str]
    tags: list[str]
    lists: list[str]
    selected_notes: tuple[str, ...]
    contacts: list[KeyedContact]
    own_recipient: str
    # How many people a notebook, tag or notes scope links to (Vault.linked_contact_count).
    linked_count: Callable[[Scope], int] = lambda _scope: 0


@dataclass(frozen=True)
class ExportRequest:
    """What the user chose. ``contact`` is a uuid whose key the caller reads from the
    vault (checked against its MAC) and adds to ``recipients``."""

    scope: Scope
    path: Path
    recipients: list[str] | None
    passphrase: str | None
    contact: str | None = None
    include_history: bool = False  # the notes' earlier versions (docs/history.md)


class ExportDialog(QDialog):
    """Scope, recipients (a contact, pasted keys or a passphrase) and the file, on one page."""

    def __init__(
        self,
        sources: ExportSources,
        path: Path,
        *,
        scope: Scope | None = None,
        contact: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export a bundle"))
        self.sources = sources
        self._notes: tuple[str, ...] = ()

        # -- what ----------------------------------------------------------------------
        self.kind = QComboBox()
        describe(self.kind, self.tr("What to export"), self.tr("The whole vault or a part."))
        labels = {
            "vault": self.tr("The whole vault (not the trash)"),
            "notebook": self.tr("A notebook"),
            "tag": self.tr("Notes with a tag"),
            "list": self.tr("A contact list and its contacts"),
            "notes": self.tr("The selected note"),
        }
        for kind in SCOPE_KINDS:
            self.kind.addItem(labels[kind], kind)
        self._offered = {
            "notebook": sources.notebooks,
            "tag": sources.tags,
            "list": sources.lists,
        }
        model = self.kind.model()
        for row, kind in enumerate(SCOPE_KINDS):
            empty = (
                not sources.selected_notes
                if kind == "notes"
                else not self._offered.get(kind, [True])
            )
            if empty and isinstance(model, QStandardItemModel) and not _preset(scope, kind):
                item = model.item(row)
                if item is not None:
                    item.setEnabled(False)
        self.value = QComboBox()
        describe(self.value, self.tr("Which one"), self.tr("The notebook, tag or list to export."))
        # People only when asked: a notebook's notes carry their links to contacts, and
        # the contacts' names, phones and handles go along only if this is ticked.
        self.with_people = QCheckBox()
        self._people = 0
        # Earlier versions only when asked: they hold what was edited out of the notes.
        self.with_history = QCheckBox(self.tr("Also the notes' earlier &versions"))
        describe(
            self.with_history,
            self.tr("Include note history"),
            self.tr(
                "Off unless ticked: earlier versions can hold text that was edited out of "
                "the notes."
            ),
        )

        # -- who -----------------------------------------------------------------------
        self.to_contact = QRadioButton(self.tr("To a &contact"))
        describe(
            self.to_contact,
            self.tr("To a contact"),
            self.tr("Only that colleague's vault (and yours, if ticked) can open the bundle."),
        )
        self.to_key = QRadioButton(self.tr("To a &key"))
        describe(
            self.to_key,
            self.tr("To a pasted key"),
            self.tr("Only the holders of the keys pasted below can open the bundle."),
        )
        self.with_passphrase = QRadioButton(self.tr("With a &passphrase"))
        describe(
            self.with_passphrase,
            self.tr("With a passphrase"),
            self.tr("Anyone with the passphrase can open the bundle; send it another way."),
        )
        self.modes = QButtonGroup(self)
        for number, button in enumerate((self.to_contact, self.to_key, self.with_passphrase)):
            self.modes.addButton(button, number)
        # One above the other: each keeps its whole label in any language.
        mode_row = QVBoxLayout()
        for button in (self.to_contact, self.to_key, self.with_passphrase):
            mode_row.addWidget(button)

        self.contact = QComboBox()
        describe(
            self.contact,
            self.tr("Contact"),
            self.tr("Contacts that hold an age key; add one in the contact's Age key field."),
        )
        for person in sources.contacts:
            self.contact.addItem(self._contact_label(person), person.uuid)
        self.contact_fingerprint = QLabel()
        describe(
            self.contact_fingerprint,
            self.tr("Key fingerprint"),
            self.tr("Ask them to read theirs from My bundle key: the digits must match."),
        )
        self.no_contacts = QLabel(self.tr(
            "No contact has an age key yet. Paste their key into the contact's Age key "
            "field, or use To a key."))  # fmt: skip
        self.no_contacts.setWordWrap(True)
        contact_page = QWidget()
        contact_form = QFormLayout(contact_page)
        contact_form.setContentsMargins(0, 0, 0, 0)
        contact_form.addRow(self.tr("C&ontact:"), self.contact)
        contact_form.addRow("", self.contact_fingerprint)
        compare = QLabel(self.tr(
            "Before the first bundle, ask them to read their fingerprint from Bundles, "
            "My bundle key: the digits must match."))  # fmt: skip
        compare.setWordWrap(True)
        contact_form.addRow("", compare)
        contact_form.addRow(self.no_contacts)

        self.keys = QPlainTextEdit()
        release_tab(self.keys)
        describe(
            self.keys,
            self.tr("Colleagues' public keys, one per line"),
            self.tr("Each starts with age1; a colleague gets theirs from Bundles, My bundle key."),
        )
        self.keys.setPlaceholderText("age1…")
        self.keys.setMaximumHeight(80)
        self.key_fingerprints = QLabel()
        self.key_fingerprints.setWordWrap(True)
        describe(
            self.key_fingerprints,
            self.tr("Key fingerprints"),
            self.tr("Compare each with the one its owner reads from My bundle key."),
        )
        key_page = QWidget()
        key_form = QFormLayout(key_page)
        key_form.setContentsMargins(0, 0, 0, 0)
        key_form.addRow(self.tr("Ke&ys:"), self.keys)
        key_form.addRow("", self.key_fingerprints)

        self.passphrase = passphrase_field(
            self.tr("Bundle passphrase"), self.tr("The passphrase that will open the bundle.")
        )
        self.repeat = passphrase_field(
            self.tr("Repeat the bundle passphrase"), self.tr("Type the bundle passphrase again.")
        )
        self.meter = StrengthMeter(self.passphrase)
        passphrase_page = QWidget()
        passphrase_form = QFormLayout(passphrase_page)
        passphrase_form.setContentsMargins(0, 0, 0, 0)
        passphrase_form.addRow(self.tr("Passphr&ase:"), self.passphrase)
        passphrase_form.addRow("", self.meter)
        passphrase_form.addRow(self.tr("&Repeat:"), self.repeat)

        self.pages = QStackedWidget()
        for page in (contact_page, key_page, passphrase_page):
            self.pages.addWidget(page)
        self.include_self = QCheckBox(self.tr("Also &this vault's own key"))
        describe(
            self.include_self,
            self.tr("Also this vault's own key"),
            self.tr("Lets this same vault open it again; a new vault cannot."),
        )
        self.include_self.setChecked(True)

        # -- where ---------------------------------------------------------------------
        self.path = QLineEdit(str(path))
        describe(
            self.path,
            self.tr("Save as"),
            self.tr("The file name gives nothing away: only the date."),
        )
        browse = QPushButton(self.tr("&Browse…"))
        describe(browse, self.tr("Choose the file"), self.tr("Opens a file chooser."))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)

        self.status = QLabel()
        self.status.setWordWrap(True)
        note = QLabel(self.tr(
            "The bundle opens with Hushnote or with the standard age tool "
            "(age -d). Nothing unencrypted is written to disk."))  # fmt: skip
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)  # fmt: skip
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("&Export"))
        describe_buttons(buttons)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&What:"), self.kind)
        form.addRow(self.tr("W&hich:"), self.value)
        form.addRow("", self.with_people)
        form.addRow("", self.with_history)
        self._form = form
        form.addRow(self.tr("To:"), mode_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pages)
        layout.addWidget(self.include_self)
        save_form = QFormLayout()
        save_label = QLabel(self.tr("&Save as:"))
        save_label.setBuddy(self.path)
        save_form.addRow(save_label, path_row)
        layout.addLayout(save_form)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.value.currentIndexChanged.connect(self._count_people)
        self.modes.idToggled.connect(self._mode_toggled)
        self.contact.currentIndexChanged.connect(self._show_contact_fingerprint)
        self.keys.textChanged.connect(self._show_key_fingerprints)
        self._preselect(scope or Scope(), contact)

    # -- choices -----------------------------------------------------------------------

    def _preselect(self, scope: Scope, contact: str | None) -> None:
        if scope.kind == "notes" and scope.notes:
            self._notes = scope.notes
        else:
            self._notes = self.sources.selected_notes
        self.kind.setCurrentIndex(SCOPE_KINDS.index(scope.kind))
        self._kind_changed()
        if scope.value is not None:
            index = self.value.findData(scope.value)
            if index < 0:
                self.value.addItem(scope.value, scope.value)
                index = self.value.count() - 1
            self.value.setCurrentIndex(index)
        has_contacts = bool(self.sources.contacts)
        self.to_contact.setEnabled(has_contacts)
        self.contact.setVisible(has_contacts)
        self.no_contacts.setVisible(not has_contacts)
        if contact is not None and self.contact.findData(contact) >= 0:
            self.contact.setCurrentIndex(self.contact.findData(contact))
            self.to_contact.setChecked(True)
        elif has_contacts:
            self.to_contact.setChecked(True)
        else:
            self.to_key.setChecked(True)
        self._show_contact_fingerprint()
        self._show_key_fingerprints()
        self._mode_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.value.clear()
        for name in self._offered.get(kind, []):
            self.value.addItem(name, name)
        self.value.setEnabled(kind in self._offered)
        self._count_people()

    def _count_people(self) -> None:
        """Count the people the chosen notes link to, and offer (unticked) to send them;
        nothing to offer for the whole vault, a list, or notes that link to no one."""
        scope = self.scope()
        self._people = self.sources.linked_count(scope) if scope.links_people else 0
        self.with_people.setChecked(False)
        self.with_people.setEnabled(self._people > 0)
        self._form.setRowVisible(self.with_people, self._people > 0)
        if self._people == 1:
            text = self.tr("Also send the person these notes &link to")
        else:
            text = self.tr("Also send the %1 people these notes &link to").replace(
                "%1", str(self._people)
            )
        self.with_people.setText(text)
        describe(
            self.with_people,
            plain_label(text),
            self.tr(
                "Unticked, the bundle holds no one's name, phone or handle: only which notes "
                "link to whom, kept by a receiver who already has those contacts."
            ),
        )

    def mode(self) -> str:
        return MODES[max(0, self.modes.checkedId())]

    def _mode_toggled(self, _id: int, on: bool) -> None:
        if on:
            self._mode_changed()

    def _mode_changed(self) -> None:
        mode = self.mode()
        self.pages.setCurrentIndex(MODES.index(mode))
        # Only the page shown takes room: the dialog does not keep the tallest one's height.
        for number in range(self.pages.count()):
            shown = number == MODES.index(mode)
            policy = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored
            page = self.pages.widget(number)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.adjustSize()
        self.include_self.setVisible(mode != "passphrase")
        self.status.clear()

    def _show_contact_fingerprint(self) -> None:
        person = self._chosen_contact()
        self.contact_fingerprint.setText(
            self.tr("Fingerprint: %1").replace("%1", key_fingerprint(person.age_recipient))
            if person is not None
            else ""
        )

    def _contact_label(self, person: KeyedContact) -> str:
        """The name and the start of the key's fingerprint, all of it when another keyed
        contact's name looks the same (a vCard can add a second "Rosa Delgado" with
        another key): two entries never read alike."""
        fingerprint = key_fingerprint(person.age_recipient)
        looks = _looks(person.display_name)
        alike = [c for c in self.sources.contacts if _looks(c.display_name) == looks]
        shown = fingerprint if len(alike) > 1 else fingerprint.split(" ")[0] + "…"
        template = self.tr("%1 (key %2)")
        return re.sub(r"%([12])", lambda m: (person.display_name, shown)[int(m[1]) - 1], template)

    def _chosen_contact(self) -> KeyedContact | None:
        uuid = self.contact.currentData()
        return next((c for c in self.sources.contacts if c.uuid == uuid), None)

    def _pasted(self) -> list[str]:
        return [line.strip() for line in self.keys.toPlainText().splitlines() if line.strip()]

    def _show_key_fingerprints(self) -> None:
        lines = []
        for text in self._pasted():
            try:
                lines.append(self.tr("Fingerprint: %1").replace("%1", key_fingerprint(text)))
            except HushnoteError as error:
                lines.append(error_text(error))
        self.key_fingerprints.setText("\n".join(lines))

    def scope(self) -> Scope:
        kind = self.kind.currentData()
        if kind == "notes":
            scope = Scope("notes", notes=self._notes)
        elif kind in self._offered:
            scope = Scope(kind, self.value.currentData())
        else:
            return Scope()
        if self._people and self.with_people.isChecked():
            scope = replace(scope, linked_contacts=True)
        return scope

    def _browse(self) -> None:
        chosen = choose_save_path(
            self,
            self.tr("Save the bundle"),
            self.tr("Bundles (*.hnb *.age)"),
            suggested=Path(self.path.text()),
        )
        if chosen is not None:
            self.path.setText(str(chosen))

    # -- the answer --------------------------------------------------------------------

    def _problem(self) -> str | None:
        """Why the choices cannot be exported yet, or None."""
        kind = self.kind.currentData()
        if kind in self._offered and not self.value.currentData():
            return self.tr("Choose which one to export.")
        if kind == "notes" and not self._notes:
            return self.tr("Select a note in the list first.")
        mode = self.mode()
        if mode == "contact" and self._chosen_contact() is None:
            return self.tr("Choose a contact that has a key, or use To a key.")
        if mode == "key":
            if not self._pasted() and not self.include_self.isChecked():
                return self.tr("Add at least one key, or include this vault's own.")
            for text in self._pasted():
                try:
                    normalize_recipient(text)
                except HushnoteError as error:
                    return error_text(error)
        if mode == "passphrase":
            if not self.passphrase.text():
                return self.tr("Enter a passphrase for the bundle.")
            if self.passphrase.text() != self.repeat.text():
                return self.tr("The two passphrases do not match.")
        path = Path(self.path.text().strip()).expanduser()
        if not self.path.text().strip() or path.is_dir():
            return self.tr("Choose a file to save the bundle to.")
        if not path.parent.is_dir():
            return self.tr("That folder does not exist.")
        return None

    def _check(self) -> None:
        problem = self._problem()
        if problem is not None:
            self.status.setText(problem)
            return
        path = self.chosen_path()
        if path.exists():
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                self.tr("A file with that name exists. Replace it?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.accept()

    def chosen_path(self) -> Path:
        path = Path(self.path.text().strip()).expanduser()
        return path if path.suffix else path.with_name(path.name + BUNDLE_SUFFIX)

    def request(self) -> ExportRequest:
        """The choices, once accepted. The passphrase is read here: call ``wipe`` after."""
        mode = self.mode()
        recipients: list[str] | None = None
        contact = None
        if mode == "key":
            recipients = [normalize_recipient(text) for text in self._pasted()]
        elif mode == "contact":
            person = self._chosen_contact()
            contact = person.uuid if person is not None else None
            recipients = []
        if recipients is not None and self.include_self.isChecked():
            recipients.append(self.sources.own_recipient)
        return ExportRequest(
            scope=self.scope(),
            path=self.chosen_path(),
            recipients=recipients,
            passphrase=self.passphrase.text() if mode == "passphrase" else None,
            contact=contact,
            include_history=self.with_history.isChecked(),
        )

    def wipe(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()


def _preset(scope: Scope | None, kind: str) -> bool:
    return scope is not None and scope.kind == kind


def _looks(name: str) -> str:
    """A name as it reads: compatibility forms, case and spacing folded."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())
