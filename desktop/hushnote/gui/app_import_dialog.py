"""Importing another app's export: choose the app and its files, preview, import, and
offer to delete the source files.

The steps, each decided from data the core hands back (``vault.importers``):

1. ``AppImportDialog`` asks which app, which file(s) or folder, and whether to keep
   location data;
2. one job reads the export (``AppImporter.read``); an encrypted Standard Notes backup
   asks for its passphrase (``BackupPassphraseDialog``) and reads again;
3. one job runs the merge rolled back (``AppImporter.preview``); ``AppImportPreviewDialog``
   shows the counts per notebook and what is left out, with names;
4. Import commits only what the preview showed (``run(plan=…)``); a vault changed
   meanwhile is said, and previewed again;
5. a summary, then an offer to overwrite and delete the chosen files, whose default
   button keeps them.

Titles and file names appear inside the dialogs only (labels named ``USER_DATA``): never
in a window title, a status message or a log.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hushnote.core import IMPORTERS, AppImportPlan, AppImportReport, ImportSource, Vault
from hushnote.errors import AppImportError, BundlePlanChangedError
from hushnote.gui.accessibility import (
    USER_DATA,
    describe,
    describe_buttons,
    plain_label,
    release_tab,
)
from hushnote.gui.app_identity import app_name
from hushnote.gui.app_import_words import (
    apps,
    dropped_sentence,
    filters,
    left_reason,
    summary_text,
)
from hushnote.gui.file_dialogs import choose_folder, choose_open_paths
from hushnote.gui.messages import error_text
from hushnote.gui.passphrase_page import passphrase_field

__all__ = [
    "AppImportDialog",
    "AppImportPreviewDialog",
    "BackupPassphraseDialog",
    "run_app_import",
]

# ``MainWindow._long_work``: runs a job behind the progress dialog, reports its errors
# (or hands back those in ``reraise``) and returns None when it did not finish.
LongWork = Callable[..., Any]

_PASSPHRASE_REASONS = ("passphrase-needed", "wrong-passphrase")
# Which apps export several files at once, and which as a folder.
_SEVERAL_FILES = {"enex"}
_FOLDERS = {"joplin", "markdown", "dayone"}


class AppImportDialog(QDialog):
    """Asks which app the export comes from, which file(s) or folder, and whether to
    keep location data; OK stays off until something is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import from another app"))
        self.paths: list[Path] = []
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Which app does the export come from?"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.buttons_by_app: dict[str, QRadioButton] = {}
        for number, app in enumerate(IMPORTERS):
            name, hint = apps()[app]
            button = QRadioButton(name)
            line = QLabel(hint)
            line.setWordWrap(True)
            line.setIndent(24)
            describe(button, plain_label(name), hint)
            self.group.addButton(button, number)
            self.buttons_by_app[app] = button
            layout.addWidget(button)
            layout.addWidget(line)
        self.buttons_by_app[IMPORTERS[0]].setChecked(True)
        self.group.idToggled.connect(self._app_changed)

        choose = QHBoxLayout()
        self.choose_files = QPushButton(self.tr("Choose &file…"))
        self.choose_files.clicked.connect(self._pick_files)
        self.choose_folder = QPushButton(self.tr("Choose f&older…"))
        self.choose_folder.clicked.connect(self._pick_folder)
        choose.addWidget(self.choose_files)
        choose.addWidget(self.choose_folder)
        choose.addStretch(1)
        layout.addLayout(choose)
        self.chosen = QLabel(self.tr("Nothing chosen yet."))
        self.chosen.setWordWrap(True)
        self.chosen.setObjectName(USER_DATA)  # the chosen files' names
        describe(self.chosen, self.tr("Chosen files"), "")
        layout.addWidget(self.chosen)

        self.keep_locations = QCheckBox(self.tr("&Keep location data"))
        where = QLabel(
            self.tr(
                "Off: where a note was written (coordinates, place names) is left out. "
                "On: it is added as a last line of the note, and anyone who opens the "
                "vault can read it."
            )
        )
        where.setWordWrap(True)
        describe(self.keep_locations, self.tr("Keep location data"), where.text())
        layout.addWidget(self.keep_locations)
        layout.addWidget(where)

        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Read"))
        describe_buttons(self.box)
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)
        layout.addWidget(self.box)
        self.setMinimumWidth(520)
        self._app_changed()

    @property
    def app(self) -> str:
        return IMPORTERS[max(0, self.group.checkedId())]

    def _app_changed(self, *_args: object) -> None:
        self.paths = []
        self.chosen.setText(self.tr("Nothing chosen yet."))
        several = self.app in _SEVERAL_FILES
        self.choose_files.setText(
            self.tr("Choose &files…") if several else self.tr("Choose &file…")
        )
        self.choose_folder.setEnabled(self.app in _FOLDERS)
        self.ok.setEnabled(False)

    def _pick_files(self) -> None:
        paths = choose_open_paths(self, self.tr("Choose the export"), filters(self.app))
        if paths and self.app not in _SEVERAL_FILES:
            paths = paths[:1]
        self.set_paths(paths)

    def _pick_folder(self) -> None:
        folder = choose_folder(self, self.tr("Choose the export's folder"))
        self.set_paths([folder] if folder is not None else [])

    def set_paths(self, paths: list[Path]) -> None:
        """Take the chosen files or folder (also what the file choosers hand back)."""
        if not paths:
            return
        self.paths = list(paths)
        self.chosen.setText("\n".join(str(path) for path in self.paths))
        self.ok.setEnabled(True)
        self.ok.setFocus()


class BackupPassphraseDialog(QDialog):
    """Asks for an encrypted backup's passphrase; after a wrong one, asks again with the
    reason, the typed text kept and selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backup passphrase"))
        intro = QLabel(
            self.tr(
                "This backup is encrypted. Enter the passphrase it was encrypted with "
                "(your Standard Notes account password, or the one you chose for it)."
            )
        )
        intro.setWordWrap(True)
        self.field = passphrase_field(self.tr("Backup passphrase"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Why the passphrase is asked again"))
        self.problem.hide()
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        describe_buttons(box)
        box.accepted.connect(self._check)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.field)
        layout.addWidget(self.problem)
        layout.addWidget(box)
        self.setMinimumWidth(460)

    def _check(self) -> None:
        if self.field.text():
            self.accept()
        else:
            self._explain(self.tr("Enter the backup's passphrase, or press Cancel."))

    def ask(self, wrong: bool) -> str | None:
        """The passphrase typed, or None if the user cancelled."""
        if wrong:
            self._explain(self.tr("That passphrase does not open this backup. Try again."))
        self.field.setFocus()
        return self.field.text() if self.exec() else None

    def _explain(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.field.selectAll()
        self.field.setFocus()

    def wipe(self) -> None:
        self.field.clear()


_SHOWN_NOTEBOOKS = 8  # rows the preview's table shows before it scrolls


def fit_rows(table: QTableWidget, most: int) -> None:
    """Make ``table`` tall enough for its rows, up to ``most``: a table of three notebooks
    that scrolls after two hides one from the person deciding."""
    table.resizeRowsToContents()
    shown = min(table.rowCount(), most)
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(row) for row in range(shown))
    if table.rowCount() > most:
        height += table.rowHeight(0) // 2  # half a row shows that there is more
    table.setMinimumHeight(height)


class AppImportPreviewDialog(QDialog):
    """What importing would change, per notebook, and what is left out, with names;
    Import and Cancel."""

    def __init__(self, plan: AppImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import preview"))
        layout = QVBoxLayout(self)
        summary = QLabel(
            self.tr("Notes: %1 new, %2 updated, %3 unchanged. New tags: %4. New notebooks: %5.")
            .replace("%1", str(plan.added))
            .replace("%2", str(plan.updated))
            .replace("%3", str(plan.unchanged))
            .replace("%4", str(plan.new_tags))
            .replace("%5", str(plan.new_notebooks))
        )
        summary.setWordWrap(True)
        describe(summary, self.tr("What the import would do"), "")
        layout.addWidget(summary)
        self.table = QTableWidget(len(plan.notebooks), 5)
        self.table.setObjectName(USER_DATA)  # notebook names
        self.table.setHorizontalHeaderLabels(
            [self.tr("Notebook"), self.tr("New"), self.tr("Updated"), self.tr("Unchanged"),
             self.tr("Attachments")]
        )  # fmt: skip
        for row, counts in enumerate(plan.notebooks):
            values = [counts.name or self.tr("(default notebook)"), counts.added,
                      counts.updated, counts.unchanged, counts.attachments]  # fmt: skip
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(str(value)))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        describe(self.table, self.tr("Notes per notebook"), "")
        release_tab(self.table)
        fit_rows(self.table, _SHOWN_NOTEBOOKS)
        layout.addWidget(self.table)

        self.left_out = QListWidget()
        self.left_out.setObjectName(USER_DATA)  # note titles
        for kind, count in sorted(plan.dropped.items()):
            self.left_out.addItem(dropped_sentence(kind, count))
            for name in plan.dropped_names.get(kind, []):
                self.left_out.addItem("    " + name)
        if self.left_out.count():
            heading = QLabel(self.tr("Left &out:"))
            heading.setBuddy(self.left_out)
            layout.addWidget(heading)
            describe(self.left_out, self.tr("Left out"), "")
            release_tab(self.left_out)
            layout.addWidget(self.left_out)
        else:
            self.left_out.hide()
        if plan.changes_nothing:
            same = QLabel(self.tr("This export is already in the vault: nothing would change."))
            same.setWordWrap(True)
            layout.addWidget(same)

        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = box.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.import_button.setEnabled(not plan.changes_nothing)
        describe_buttons(box)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.setMinimumWidth(560)
        if not plan.changes_nothing:
            self.import_button.setFocus()

    def lines(self) -> list[str]:
        """Every line of the left-out list (for tests and screen readers alike)."""
        return [self.left_out.item(row).text() for row in range(self.left_out.count())]


def _read(
    parent: QWidget, vault: Vault, long_work: LongWork, dialog: AppImportDialog
) -> ImportSource | None:
    """Read the export, asking for a backup's passphrase as long as it is needed."""
    passphrase: str | None = None
    asker: BackupPassphraseDialog | None = None
    app, paths, keep = dialog.app, dialog.paths, dialog.keep_locations.isChecked()
    try:
        while True:
            try:
                source: ImportSource | None = long_work(
                    QCoreApplication.translate("app_import", "Reading the export…"),
                    lambda progress, given=passphrase: vault.importers.read(
                        app, paths, keep_locations=keep, passphrase=given, progress=progress
                    ),
                    reraise=(AppImportError,),
                    parent=parent,
                )
                return source
            except AppImportError as error:
                reason = str(error.context.get("reason", ""))
                if reason not in _PASSPHRASE_REASONS:
                    QMessageBox.warning(parent, app_name(), error_text(error))
                    return None
                asker = asker or BackupPassphraseDialog(parent)
                passphrase = asker.ask(wrong=passphrase is not None)
                if passphrase is None:
                    return None
    finally:
        passphrase = None
        if asker is not None:
            asker.wipe()


def run_app_import(parent: QWidget, vault: Vault, long_work: LongWork) -> AppImportReport | None:
    """The whole import from another app; the report, or None if nothing was imported."""
    dialog = AppImportDialog(parent)
    if not dialog.exec() or not dialog.paths:
        return None
    source = _read(parent, vault, long_work, dialog)
    if source is None:
        return None
    try:
        report = _preview_and_run(parent, vault, long_work, source)
    finally:
        source.close()
    if report is None:
        return None
    QMessageBox.information(parent, app_name(), summary_text(report))
    offer_delete(parent, vault, long_work, dialog.paths)
    return report


def _preview_and_run(
    parent: QWidget, vault: Vault, long_work: LongWork, source: ImportSource
) -> AppImportReport | None:
    while True:
        plan: AppImportPlan | None = long_work(
            QCoreApplication.translate("app_import", "Preparing the preview…"),
            lambda progress: vault.importers.preview(source, progress),
            parent=parent,
        )
        if plan is None:
            return None
        if not AppImportPreviewDialog(plan, parent).exec():
            return None
        try:
            report: AppImportReport | None = long_work(
                QCoreApplication.translate("app_import", "Importing…"),
                lambda progress, plan=plan: vault.importers.run(
                    source, plan=plan, progress=progress
                ),
                reraise=(BundlePlanChangedError,),
                parent=parent,
            )
            return report
        except BundlePlanChangedError:
            QMessageBox.information(
                parent,
                app_name(),
                QCoreApplication.translate(
                    "app_import",
                    "The vault changed since the preview, so nothing was imported. "
                    "Here is what the import would do now.",
                ),
            )


def offer_delete(parent: QWidget, vault: Vault, long_work: LongWork, paths: list[Path]) -> bool:
    """Offer to overwrite and delete the chosen files; True if they were all deleted."""
    box = QMessageBox(parent)
    box.setWindowTitle(app_name())
    box.setIcon(QMessageBox.Icon.Question)
    box.setText(
        QCoreApplication.translate(
            "app_import", "Delete the export you imported from this computer?"
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "app_import",
            "Its files are overwritten, then deleted. On SSDs and on journaling or "
            "copy-on-write file systems the old contents may survive on the disk anyway. "
            "Backups and cloud copies are untouched. The other app still keeps its own "
            "copy of your notes: delete them there too.",
        )
    )
    delete = box.addButton(
        QCoreApplication.translate("app_import", "&Delete the export"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    keep = box.addButton(
        QCoreApplication.translate("app_import", "&Keep the files"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    if box.clickedButton() is not delete:
        return False
    failed: list[tuple[Path, str]] | None = long_work(
        QCoreApplication.translate("app_import", "Deleting the export…"),
        lambda progress: vault.importers.delete_sources(paths, progress),
        parent=parent,
    )
    if failed is None:
        return False
    if failed:
        QMessageBox.warning(
            parent,
            app_name(),
            QCoreApplication.translate("app_import", "%1 file(s) could not be deleted:").replace(
                "%1", str(len(failed))
            )
            + "\n"
            + "\n".join(f"{path}: {left_reason(why)}" for path, why in failed[:20]),
        )
        return False
    return True
