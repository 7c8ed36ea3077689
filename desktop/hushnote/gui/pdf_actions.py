"""The window's Print… and Save as PDF… for a note, a notebook or a journal month.

Both make the same PDF the CLI writes (``vault.render_pdf``), on a worker behind a
progress dialog with Cancel. Saving writes it once, where the user chose; printing draws
its pages, rendered in memory, onto the printer the system print dialog picked.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QMessageBox

from hushnote.core import PdfScope, Progress, pdf_pages
from hushnote.errors import PrivateCopyError
from hushnote.gui.file_dialogs import choose_save_path

if TYPE_CHECKING:
    from hushnote.gui.main_window import MainWindow

__all__ = ["PdfActions"]

_PRINT_DPI = 200  # pages are drawn at this resolution, whatever the printer's


class PdfActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.print_dialog: QPrintDialog | None = None  # while open, for tests

    # -- what to print -----------------------------------------------------------------

    def current_note(self) -> PdfScope | None:
        uuid = self.window.workspace.current_uuid()
        return PdfScope("note", uuid) if uuid else None

    def journal_month(self) -> PdfScope:
        """The month of the journal entry on screen, or this month."""
        vault, uuid = self.window.vault, self.window.workspace.current_uuid()
        day = date.today()
        if vault is not None and uuid:
            note_day = vault.notes.get(uuid).journal_day
            day = note_day or day
        return PdfScope("journal", f"{day.year:04d}-{day.month:02d}")

    def sidebar_scope(self, kind: str, name: str) -> PdfScope:
        """A notebook by name, or (``kind`` journal) the journal month on screen."""
        return self.journal_month() if kind == "journal" else PdfScope("notebook", name)

    # -- the actions -------------------------------------------------------------------

    def save_current(self) -> None:
        scope = self.current_note()
        if scope is not None:
            self.save(scope)

    def print_current(self) -> None:
        scope = self.current_note()
        if scope is not None:
            self.print(scope)

    def save(self, scope: PdfScope) -> bool:
        """Ask where, then write the PDF there; False if nothing was written."""
        window, vault = self.window, self.window.vault
        if vault is None:
            return False
        window.workspace.save_all()  # the note is printed as it is on screen
        path = choose_save_path(window, self.tr("Save as PDF"), self.tr("PDF files (*.pdf)"))
        if path is None:
            return False
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")

        # The file dialog has asked before replacing a file: replacing is what was chosen.
        def work(progress: Progress) -> bool:
            vault.export_pdf(path, scope, force=True, progress=progress)
            return True

        done = window._long_work(
            self.tr("Making the PDF…"),
            work,
            done_message=self.tr("Saved as PDF. It is not encrypted."),
        )
        return bool(done)

    def print(self, scope: PdfScope) -> bool:
        """The system print dialog, then the PDF's pages onto the printer it chose."""
        window, vault = self.window, self.window.vault
        if vault is None:
            return False
        window.workspace.save_all()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = self.print_dialog = QPrintDialog(printer, window)
        try:
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return False
        finally:
            self.print_dialog = None
            dialog.deleteLater()
        data = window._long_work(
            self.tr("Preparing to print…"),
            lambda progress: vault.render_pdf(scope, progress=progress),
        )
        if data is None:
            return False
        # The print service gets the job as a file: libcups writes all its pages to a
        # temporary file first (cupsTempFd, in TMPDIR) and only unlinks it after. Here
        # that file is in this process's private folder in RAM, erased after the job.
        try:
            with window.session.copies.as_temporary_folder():
                _draw(printer, data)
        except PrivateCopyError:
            QMessageBox.warning(
                window,
                self.tr("Print"),
                self.tr(
                    "Nothing was printed. Printing writes the pages to a temporary file "
                    "first, and this computer has no private folder in memory to keep it "
                    "off the disk. Save as PDF instead, to a place you choose."
                ),
            )
            return False
        return True


def _draw(printer: QPrinter, data: bytes) -> None:
    """Each page as a picture, scaled to fit the printable area."""
    painter = QPainter(printer)
    try:
        for number, (width, height, pixels) in enumerate(pdf_pages(data, dpi=_PRINT_DPI)):
            if number:
                printer.newPage()
            image = QImage(pixels, width, height, 3 * width, QImage.Format.Format_RGB888)
            area = painter.viewport()
            scale = min(area.width() / width, area.height() / height)
            target = QRect(0, 0, int(width * scale), int(height * scale))
            painter.drawImage(target, image)
    finally:
        painter.end()
