"""Print… and Save as PDF… in the real window, over a real vault."""

from __future__ import annotations

import time
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.core import KdfParams, NewNote, PdfScope, Vault
from hushnote.gui import pdf_actions
from hushnote.gui.main_window import MainWindow
from support.gui import panic_window, unlock_window

CANCEL_SECONDS = 0.5


@pytest.fixture
def window(qtbot: QtBot, fast_kdf_params: KdfParams, fast_kdf_vault: VaultSetup) -> MainWindow:
    made = panic_window(qtbot, fast_kdf_vault.root, fast_kdf_params, [])
    unlock_window(qtbot, made, PASSPHRASE)
    return made


def _vault(window: MainWindow) -> Vault:
    assert window.vault is not None
    return window.vault


def _pages(path: Path) -> int:
    document = pypdfium2.PdfDocument(path.read_bytes())
    try:
        return len(document)
    finally:
        document.close()


def test_the_menus_offer_print_and_save_as_pdf(window: MainWindow) -> None:
    texts = {action.text(): action for action in window.all_actions}
    assert texts["&Print…"].shortcut().toString() == "Ctrl+P"
    assert "Save as PD&F…" in texts


def test_save_as_pdf_writes_the_file(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = _vault(window).notes.create(title="Hearing", body="# Notes\n\n会议记录")
    out = tmp_path / "hearing"
    monkeypatch.setattr(pdf_actions, "choose_save_path", lambda *args, **kwargs: out)
    assert window.pdf.save(PdfScope("note", note.uuid))
    written = tmp_path / "hearing.pdf"
    assert written.read_bytes().startswith(b"%PDF") and _pages(written) == 1


def test_print_goes_through_the_print_dialog(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _vault(window).notes.create(title="One", body="text", notebook="Case")
    _vault(window).notes.create(title="Two", body="text", notebook="Case")
    out = tmp_path / "printed.pdf"
    shown: list[QPrintDialog] = []

    def accept(dialog: QPrintDialog) -> int:
        shown.append(dialog)
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return int(QPrintDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    assert window.pdf.print(PdfScope("notebook", "Case"))
    assert len(shown) == 1
    assert _pages(out) == 2  # one page per note, drawn onto the printer


def test_a_declined_print_dialog_prints_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = _vault(window).notes.create(title="One", body="text")
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: 0)
    assert not window.pdf.print(PdfScope("note", note.uuid))


def test_cancel_during_a_large_notebook_writes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = "## Section\n\n" + "A paragraph of the hearing, with *words* in it.\n\n" * 40
    _vault(window).notes.create_many(
        NewNote(title=f"Note {n}", body=body, notebook="Big") for n in range(400)
    )
    out = tmp_path / "big.pdf"
    monkeypatch.setattr(pdf_actions, "choose_save_path", lambda *args, **kwargs: out)
    clicked: list[float] = []

    def cancel_once_laying_out() -> None:
        """Click Cancel once the layout has reported progress, as a person does."""
        dialogs = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        if not dialogs or dialogs[0].value() <= 0:
            QTimer.singleShot(5, cancel_once_laying_out)
            return
        button = dialogs[0].findChild(QPushButton)
        assert button is not None
        clicked.append(time.monotonic())
        button.click()

    QTimer.singleShot(0, cancel_once_laying_out)
    assert not window.pdf.save(PdfScope("notebook", "Big"))
    assert clicked and time.monotonic() - clicked[0] < CANCEL_SECONDS
    assert not out.exists()
    assert list(tmp_path.glob("big.pdf*")) == []
