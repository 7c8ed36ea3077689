"""Importing a bundle: say what it is, ask for its passphrase until it opens, preview the
merge, and only then merge.

The steps, each decided from data the core hands back, never from the text shown:

1. ``Vault.inspect_bundle`` reads the file's age header (nothing else) and the user is
   told at once whether it opens with this vault's key, needs a passphrase, or cannot be
   opened here;
2. a passphrase bundle asks in ``BundlePassphraseDialog``; a passphrase that does not
   open it asks again in the same dialog, the text kept and selected;
3. one job decrypts and checks the bundle and runs the real merge in a transaction that
   is rolled back (``Vault.preview_bundle``); ``ImportPreviewDialog`` shows what it
   would add and update;
4. Import merges the same checked contents, and commits only if every record comes out
   as the preview said (``Vault.merge_bundle(plan=…)``).

Titles and names appear in the preview dialog only: never in a window title, a status
message or a log.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hushnote.core import BundleContents, BundleKind, MergePlan, MergeReport, Progress, Vault
from hushnote.errors import BundleDecryptionError, HushnoteError
from hushnote.gui.accessibility import describe, describe_buttons, release_tab
from hushnote.gui.app_identity import app_name
from hushnote.gui.messages import error_text
from hushnote.gui.passphrase_page import passphrase_field

__all__ = [
    "BundlePassphraseDialog",
    "ImportPreviewDialog",
    "kind_sentence",
    "run_bundle_import",
]

# ``MainWindow._long_work``: runs a job behind the progress dialog, reports its errors
# (or hands back those in ``reraise``) and returns None when it did not finish.
LongWork = Callable[..., Any]


def kind_sentence(kind: BundleKind) -> str:
    """What the user is told first about a picked file, before anything is asked."""
    sentences = {
        BundleKind.OWN_KEY: QCoreApplication.translate(
            "import", "This bundle was made for this vault's key: it opens without a passphrase."
        ),
        BundleKind.PASSPHRASE: QCoreApplication.translate(
            "import",
            "This bundle is protected by a passphrase. Enter the passphrase its sender gave you.",
        ),
        BundleKind.OTHER_KEY: QCoreApplication.translate(
            "import",
            "This bundle was made for someone else's key, not this vault's, so it cannot be "
            "opened here. Ask its sender to export it again to this vault's key (Bundles, "
            "My bundle key) or with a passphrase. Nothing was imported.",
        ),
        BundleKind.NOT_A_BUNDLE: QCoreApplication.translate(
            "import",
            "This file is not a %1 bundle: it is not an encrypted bundle file, or it is "
            "empty or cut short. Nothing was imported.",
        ).replace("%1", app_name()),
    }
    return sentences[kind]


class BundlePassphraseDialog(QDialog):
    """Asks for a bundle's passphrase; after a wrong one, asks again with the reason,
    the typed text kept and selected so that it can be fixed or replaced at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bundle passphrase"))
        self.kind = QLabel(kind_sentence(BundleKind.PASSPHRASE))
        self.kind.setWordWrap(True)
        self.field = passphrase_field(
            self.tr("Bundle passphrase"),
            self.tr("The passphrase the sender chose for this bundle."),
        )
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Why the passphrase is asked again"))
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        describe_buttons(self.buttons)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind)
        layout.addWidget(self.field)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _check(self) -> None:
        if self.field.text():
            self.accept()
        else:
            self._explain(self.tr("Enter the bundle's passphrase, or press Cancel."))

    def ask(self) -> str | None:
        """The passphrase typed, or None if the user cancelled."""
        self.field.setFocus()
        return self.field.text() if self.exec() else None

    def wrong(self) -> None:
        """Prepare the next ``ask`` after a passphrase that did not open the bundle."""
        self._explain(
            self.tr(
                "That passphrase does not open this bundle. Check it and try again. If you "
                "are sure it is right, the file may have been changed or cut short."
            )
        )

    def _explain(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.field.selectAll()
        self.field.setFocus()

    def wipe(self) -> None:
        self.field.clear()


class ImportPreviewDialog(QDialog):
    """What importing would change in this vault, with Import and Cancel."""

    def __init__(self, opened: str, plan: MergePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a bundle"))
        self.plan = plan
        self.how = QLabel(opened)
        self.how.setWordWrap(True)
        if plan.changes_nothing:
            summary_text = self.tr(
                "Everything in this bundle is already in this vault, as new or newer. "
                "Importing it would change nothing."
            )
        else:
            summary_text = self.tr(
                "Importing it would make these changes to this vault. Nothing has been changed yet."
            )
        summary = QLabel(summary_text)
        summary.setWordWrap(True)
        self.table = self._table(plan)
        self.extras = QLabel(self._extras(plan))
        self.extras.setWordWrap(True)
        # A renamed contact loses its key: said above the list, which may scroll it away.
        self.key_warning = QLabel(
            self.tr(
                "This bundle renames %n contact(s) that have a saved key. Importing removes "
                "those keys: check with each person, then enter their key again.",
                "",
                plan.report.keys_removed,
            )
        )
        self.key_warning.setWordWrap(True)
        self.key_warning.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")
        self.key_warning.setVisible(plan.report.keys_removed > 0)
        self.names = QListWidget()
        release_tab(self.names)
        describe(
            self.names,
            self.tr("Notes and contacts that would be added or updated"),
            self.tr("Titles and names from the bundle; shown here only."),
        )
        self._fill_names(plan)
        self.buttons = QDialogButtonBox()
        self.import_button: QPushButton | None = None
        if plan.changes_nothing:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        else:
            self.import_button = self.buttons.addButton(
                self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.import_button.setAccessibleDescription(
                self.tr("Merge the bundle into this vault as shown.")
            )
            self.import_button.setDefault(True)
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        describe_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.how)
        layout.addWidget(summary)
        layout.addWidget(self.table)
        layout.addWidget(self.extras)
        if plan.report.keys_removed:
            layout.addWidget(self.key_warning)
        if self.names.count():
            heading = QLabel(self.tr("&Would be added or updated:"))
            heading.setBuddy(self.names)
            layout.addWidget(heading)
            layout.addWidget(self.names, 1)
        else:
            self.names.hide()
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        if self.import_button is not None:
            self.import_button.setFocus()

    def _table(self, plan: MergePlan) -> QTableWidget:
        rows = {
            "notes": self.tr("Notes"),
            "contacts": self.tr("Contacts"),
            "lists": self.tr("Contact lists"),
            "links": self.tr("Links between notes and contacts"),
        }
        if "attachments" in plan.report.outcomes:  # a bundle that carries files
            rows["attachments"] = self.tr("Attached files")
        columns = [self.tr("New"), self.tr("Updated"), self.tr("Unchanged")]
        table = QTableWidget(len(rows), len(columns))
        table.setHorizontalHeaderLabels(columns)
        table.setVerticalHeaderLabels(list(rows.values()))
        for row, kind in enumerate(rows):
            for column, outcome in enumerate(("added", "updated", "skipped")):
                item = QTableWidgetItem(str(plan.report.count(kind, outcome)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, column, item)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        release_tab(table)
        describe(
            table,
            self.tr("What the import would change"),
            self.tr(
                "For notes, contacts, lists, links and attached files: how many are new, "
                "updated or unchanged."
            ),
        )
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(row) for row in range(table.rowCount()))
        table.setFixedHeight(height)
        return table

    def _extras(self, plan: MergePlan) -> str:
        return (
            self.tr("New tags: %1. New notebooks: %2.")
            .replace("%1", str(plan.new_tags))
            .replace("%2", str(plan.new_notebooks))
        )

    def _fill_names(self, plan: MergePlan) -> None:
        labels = {
            ("notes", "added"): self.tr("New note: %1"),
            ("notes", "updated"): self.tr("Updated note: %1"),
            ("contacts", "added"): self.tr("New contact: %1"),
            ("contacts", "updated"): self.tr("Updated contact: %1"),
        }
        for before, after in plan.keys_removed:  # first, where they cannot be missed
            self.names.addItem(
                _fill(self.tr("%1 → %2: the saved key will be removed"), before, after)
            )
        for kind, outcome, name in plan.names:
            self.names.addItem(labels[(kind, outcome)].replace("%1", name))
        total = sum(
            plan.report.count(kind, outcome)
            for kind in ("notes", "contacts")
            for outcome in ("added", "updated")
        )
        if total > len(plan.names):
            self.names.addItem(self.tr("…and %1 more").replace("%1", str(total - len(plan.names))))


def _fill(template: str, *values: str) -> str:
    """``template`` with %1, %2… replaced in one pass: a name holding "%2" stays as it is."""
    return re.sub(
        r"%(\d)",
        lambda match: values[int(match[1]) - 1] if 0 < int(match[1]) <= len(values) else match[0],
        template,
    )


def run_bundle_import(
    parent: QWidget, vault: Vault, path: Path, long_work: LongWork
) -> MergeReport | None:
    """The whole import of ``path``: the report, or None if it ended with nothing done
    (cancelled, refused, or failed with its error already shown)."""
    try:
        kind = vault.inspect_bundle(path)
    except HushnoteError as error:  # unreadable, or a passphrase asking too much work
        QMessageBox.warning(parent, app_name(), error_text(error))
        return None
    if kind in (BundleKind.OTHER_KEY, BundleKind.NOT_A_BUNDLE):
        QMessageBox.warning(parent, app_name(), kind_sentence(kind))
        return None
    if kind is BundleKind.PASSPHRASE:
        opened = _open_with_passphrase(parent, vault, path, long_work)
        how = QCoreApplication.translate(
            "import", "The passphrase opened this bundle, and everything in it was checked."
        )
    else:
        opened = long_work(
            QCoreApplication.translate("import", "Opening the bundle…"), _reader(vault, path, None)
        )
        how = (
            kind_sentence(kind)
            + " "
            + QCoreApplication.translate("import", "Everything in it was checked.")
        )
    if opened is None:
        return None
    contents, plan = opened
    preview = ImportPreviewDialog(how, plan, parent)
    if not preview.exec() or plan.changes_nothing:
        if not plan.changes_nothing:
            _status(
                parent,
                QCoreApplication.translate("import", "Import cancelled. Nothing was changed."),
            )
        return None
    report: MergeReport | None = long_work(
        QCoreApplication.translate("import", "Importing…"),
        lambda progress: vault.merge_bundle(contents, plan=plan, progress=progress),
    )
    return report


def _open_with_passphrase(
    parent: QWidget, vault: Vault, path: Path, long_work: LongWork
) -> tuple[BundleContents, MergePlan] | None:
    dialog = BundlePassphraseDialog(parent)
    try:
        while (passphrase := dialog.ask()) is not None:
            try:
                opened: tuple[BundleContents, MergePlan] | None = long_work(
                    QCoreApplication.translate("import", "Opening the bundle…"),
                    _reader(vault, path, passphrase),
                    reraise=(BundleDecryptionError,),
                )
            except BundleDecryptionError:
                dialog.wrong()
                continue
            return opened
        return None
    finally:
        dialog.wipe()


def _reader(
    vault: Vault, path: Path, passphrase: str | None
) -> Callable[[Progress], tuple[BundleContents, MergePlan]]:
    """The preview job: decrypt and check (most of the bar), then the rolled-back merge."""

    def work(progress: Progress) -> tuple[BundleContents, MergePlan]:
        contents = vault.read_bundle(
            path, passphrase=passphrase, progress=lambda fraction: progress(fraction * 0.7)
        )
        plan = vault.preview_bundle(contents, lambda fraction: progress(0.7 + fraction * 0.3))
        return contents, plan

    return work


def _status(parent: QWidget, text: str) -> None:
    bar = getattr(parent, "statusBar", None)
    if callable(bar):
        bar().showMessage(text, 5000)
