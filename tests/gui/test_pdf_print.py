"""Print… and Save as PDF… in the real window, over a real vault."""

from __future__ import annotations

import os
import shutil
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.app.private_copies import is_ram_backed
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


@pytest.fixture
def ram_runtime(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A RAM-backed XDG_RUNTIME_DIR of this test's own."""
    runtime = Path("/dev/shm") / f"hushnote-print-{os.getpid()}-{tmp_path.name}"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    try:
        yield runtime
    finally:
        shutil.rmtree(runtime, ignore_errors=True)


def _accept_to(out: Path) -> Callable[[QPrintDialog], int]:
    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return int(QPrintDialog.DialogCode.Accepted.value)

    return accept


def test_the_print_job_spools_in_a_private_folder_in_ram_erased_after(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ram_runtime: Path
) -> None:
    """libcups writes the whole job to a file in TMPDIR before handing it over, and only
    unlinks it: while the pages are drawn, TMPDIR is a 0700 folder in RAM, and what is
    left in it afterwards is overwritten and removed."""
    note = _vault(window).notes.create(title="One", body="text")
    monkeypatch.setattr(QPrintDialog, "exec", _accept_to(tmp_path / "printed.pdf"))
    before = os.environ.get("TMPDIR")
    seen: list[Path] = []
    real_draw = pdf_actions._draw

    def draw(printer: QPrinter, data: bytes) -> None:
        spool = Path(os.environ["TMPDIR"])
        seen.append(spool)
        (spool / "0a1b2c3d4e5f").write_bytes(b"the job, as libcups leaves it")  # never removed
        real_draw(printer, data)

    monkeypatch.setattr(pdf_actions, "_draw", draw)
    assert window.pdf.print(PdfScope("note", note.uuid))
    (spool,) = seen
    assert ram_runtime in spool.parents
    fd = os.open(spool, os.O_RDONLY | os.O_DIRECTORY)
    try:
        assert is_ram_backed(fd)
    finally:
        os.close(fd)
    assert stat.S_IMODE(spool.stat().st_mode) == 0o700
    assert not (spool / "0a1b2c3d4e5f").exists()
    assert os.environ.get("TMPDIR") == before
    assert _pages(tmp_path / "printed.pdf") == 1


def test_without_a_folder_in_ram_nothing_is_printed_and_it_says_why(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = _vault(window).notes.create(title="One", body="text")
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(QPrintDialog, "exec", _accept_to(out))
    disk = tmp_path / "disk"
    disk.mkdir()
    monkeypatch.setattr(window.session.copies, "_places", [(disk, "copies")])
    said: list[str] = []
    monkeypatch.setattr(
        pdf_actions.QMessageBox, "warning", lambda parent, title, text: said.append(text)
    )
    assert not window.pdf.print(PdfScope("note", note.uuid))
    assert not out.exists()
    assert said and "Save as PDF" in said[0]


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
